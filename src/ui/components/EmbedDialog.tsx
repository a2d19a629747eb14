// "Share / Embed": a dialog that writes the iframe snippet (and its resizing host script) for the current
// lesson step or the plain lab, with the panels, theme, clock and height the author chooses. The URL and
// snippet come from src/view/embedSnippet.ts; docs/embedding.md explains everything they contain.
import { useSelector } from '@xstate/react'
import { useEffect, useId, useRef, useState } from 'react'
import { currentLesson } from '../../machines/lessonMachine'
import {
  buildEmbedSnippet,
  buildEmbedUrl,
  DEFAULT_EMBED_HEIGHT,
  heightProblem,
  MAX_EMBED_HEIGHT,
  MIN_EMBED_HEIGHT,
  SLOT_LABELS,
  SLOT_NAMES,
  type EmbedChoice,
  type SlotName,
} from '../../view/embedSnippet'
import { useLessonActor } from '../hooks/lessonActorContext'
import { takeFocus } from './pendingButtonFocus'
import './EmbedDialog.css'

type ThemeChoice = 'reader' | 'light' | 'dark'

export function EmbedDialog() {
  const lessonActor = useLessonActor()
  const lessonId = useSelector(lessonActor, (s) => s.context.lessonId)
  const stepIndex = useSelector(lessonActor, (s) => s.context.stepIndex)
  const lessonTitle = useSelector(lessonActor, (s) => currentLesson(s.context)?.title ?? null)
  const dialogRef = useRef<HTMLDialogElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const snippetRef = useRef<HTMLTextAreaElement>(null)
  const uid = useId()
  const [open, setOpen] = useState(false)
  // Until the author picks "what to embed", it follows the lesson: one opened from the address may start
  // just after the dialog (the lessons load after the first paint).
  const [lessonChoice, setLessonChoice] = useState<boolean | null>(null)
  const withLesson = lessonChoice ?? lessonId !== null
  const [panels, setPanels] = useState<readonly SlotName[]>(SLOT_NAMES)
  const [theme, setTheme] = useState<ThemeChoice>('reader')
  const [autoplay, setAutoplay] = useState(true)
  const [heightText, setHeightText] = useState(String(DEFAULT_EMBED_HEIGHT))
  const [copyStatus, setCopyStatus] = useState('')

  useEffect(() => {
    if (takeFocus('Share / Embed')) buttonRef.current?.focus()
  }, [])

  useEffect(() => {
    const d = dialogRef.current
    if (!d) return
    if (open && !d.open) d.showModal()
    if (!open && d.open) d.close()
  }, [open])

  const height = Number(heightText)
  const problem = heightText.trim() === '' ? 'Enter a height in pixels.' : heightProblem(height)
  const noPanels = panels.length === 0
  const lesson = withLesson && lessonId !== null ? { id: lessonId, step: stepIndex + 1 } : null
  const choice: EmbedChoice = {
    lesson,
    panels,
    theme: theme === 'reader' ? null : theme,
    autoplay,
    height: problem === null ? height : DEFAULT_EMBED_HEIGHT,
  }
  const appUrl = `${window.location.origin}${window.location.pathname}`
  const url = buildEmbedUrl(appUrl, choice)
  const snippet = buildEmbedSnippet(appUrl, choice)
  const canCopy = problem === null && !noPanels

  /** Any change of choice makes an earlier "copied" message stale. */
  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v)
      setCopyStatus('')
    }
  const togglePanel = (name: SlotName, on: boolean) =>
    change(setPanels)(
      on
        ? SLOT_NAMES.filter((s) => s === name || panels.includes(s))
        : panels.filter((s) => s !== name),
    )

  const copy = async () => {
    try {
      if (navigator.clipboard?.writeText === undefined) throw new Error('no clipboard')
      await navigator.clipboard.writeText(snippet)
      setCopyStatus('Snippet copied to the clipboard.')
    } catch {
      // No clipboard API (plain http, an old browser, a denied permission): select it for Ctrl+C instead.
      snippetRef.current?.focus()
      snippetRef.current?.select()
      setCopyStatus('The snippet is selected: press Ctrl+C (⌘C on a Mac) to copy it.')
    }
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="btn ghost"
        aria-haspopup="dialog"
        onClick={() => {
          setLessonChoice(null)
          setCopyStatus('')
          setOpen(true)
        }}
      >
        Share / Embed
      </button>
      <dialog
        ref={dialogRef}
        className="dialog embed-dialog"
        aria-labelledby={`${uid}-title`}
        // Its checkboxes share names with panels ("Cookies", "Clients"): lesson highlights must not land here.
        data-lesson-ui
        onClose={() => {
          setOpen(false)
          // The dialog was opened from its button; give focus back there, where the author left off.
          buttonRef.current?.focus()
        }}
      >
        <div className="embed-dialog-body">
          <h2 id={`${uid}-title`}>Share or embed this lab</h2>
          <p className="embed-intro">
            Paste the snippet into a course page, a blog post or an LMS page that accepts HTML. The
            lab runs inside the page, fits its height to what it shows, and tells the page when the
            learner completes steps and lessons.
          </p>

          <fieldset>
            <legend>What to embed</legend>
            {lessonId !== null && lessonTitle !== null && (
              <label className="embed-choice">
                <input
                  type="radio"
                  name={`${uid}-what`}
                  checked={withLesson}
                  onChange={() => change(setLessonChoice)(true)}
                />
                This lesson, at step {stepIndex + 1}: {lessonTitle}
              </label>
            )}
            <label className="embed-choice">
              <input
                type="radio"
                name={`${uid}-what`}
                checked={lesson === null}
                onChange={() => change(setLessonChoice)(false)}
              />
              The lab on its own{lessonId !== null ? ', without the lesson' : ''}
            </label>
          </fieldset>

          <fieldset aria-describedby={noPanels ? `${uid}-panels-error` : undefined}>
            <legend>Panels</legend>
            <div className="embed-panels">
              {SLOT_NAMES.map((name) => (
                <label key={name} className="embed-choice">
                  <input
                    type="checkbox"
                    checked={panels.includes(name)}
                    onChange={(e) => togglePanel(name, e.target.checked)}
                  />
                  {SLOT_LABELS[name]}
                </label>
              ))}
            </div>
            <div className="embed-row">
              <button
                type="button"
                className="btn small"
                onClick={() => change(setPanels)(SLOT_NAMES)}
              >
                All panels
              </button>
              <button
                type="button"
                className="btn small"
                onClick={() => change(setPanels)(['topology', 'time', 'learn', 'clients'])}
              >
                Picture, clock, lesson and clients
              </button>
            </div>
            {noPanels && (
              <p id={`${uid}-panels-error`} className="embed-error">
                Choose at least one panel.
              </p>
            )}
          </fieldset>

          <fieldset>
            <legend>Theme</legend>
            <div className="embed-inline">
              {(
                [
                  ['reader', 'The reader’s setting'],
                  ['light', 'Light'],
                  ['dark', 'Dark'],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="embed-choice">
                  <input
                    type="radio"
                    name={`${uid}-theme`}
                    checked={theme === value}
                    onChange={() => change(setTheme)(value)}
                  />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>

          <div className="embed-inline">
            <label className="embed-choice">
              <input
                type="checkbox"
                checked={autoplay}
                onChange={(e) => change(setAutoplay)(e.target.checked)}
              />
              Start with the clock running
            </label>
            <label className="embed-height">
              Starting height (pixels)
              <input
                type="number"
                inputMode="numeric"
                min={MIN_EMBED_HEIGHT}
                max={MAX_EMBED_HEIGHT}
                step={10}
                value={heightText}
                aria-invalid={problem !== null}
                aria-describedby={problem !== null ? `${uid}-height-error` : undefined}
                onChange={(e) => change(setHeightText)(e.target.value)}
              />
            </label>
          </div>
          {problem !== null && (
            <p id={`${uid}-height-error`} className="embed-error">
              {problem}
            </p>
          )}

          <p className="embed-url-label">Address of the embedded lab</p>
          <p className="embed-url">
            <code data-testid="embed-url">{url}</code>{' '}
            <a href={url} target="_blank" rel="noopener">
              Try it<span className="visually-hidden"> in a new tab</span>
            </a>
          </p>

          <label className="embed-snippet-label" htmlFor={`${uid}-snippet`}>
            Snippet
          </label>
          <textarea
            id={`${uid}-snippet`}
            ref={snippetRef}
            className="embed-snippet"
            readOnly
            rows={9}
            spellCheck={false}
            value={snippet}
          />
          <div className="embed-row">
            <button
              type="button"
              className="btn primary"
              disabled={!canCopy}
              onClick={() => void copy()}
            >
              Copy snippet
            </button>
            <span role="status" className="embed-status">
              {copyStatus}
            </span>
          </div>
          <p className="embed-note">
            To share this lab’s exact state (its clients, cookies and clock) rather than a fresh
            lab, use “Share link” in the timeline. Every option, the messages the lab sends and
            receives, and the security rules are in <code>docs/embedding.md</code>.
          </p>
          <div className="embed-row embed-close">
            <button type="button" className="btn" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
        </div>
      </dialog>
    </>
  )
}
