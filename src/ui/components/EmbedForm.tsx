// The Share dialog's two embed choices: "Embed this lab" (the panels the author picks) and "Embed a lesson" (a
// lesson and step, with the panels the lesson needs derived from its data, src/view/lessonPanels.ts, checked and
// locked, so the embed can never point at a control it lacks). Both write the address and the iframe snippet
// (src/view/embedSnippet.ts) with the theme, clock and height chosen.
import { useId, useRef, useState } from 'react'
import type { Lesson } from '../../lessons/schema'
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
import { lessonSlots } from '../../view/lessonPanels'

type ThemeChoice = 'reader' | 'light' | 'dark'

interface Props {
  /** null: the lab on its own. Otherwise the lessons to choose from and the one (and step) to start with. */
  lessons: { all: readonly Lesson[]; id: string; step: number } | null
}

export function EmbedForm({ lessons }: Props) {
  const uid = useId()
  const snippetRef = useRef<HTMLTextAreaElement>(null)
  const [lessonId, setLessonId] = useState(lessons?.id ?? '')
  const [step, setStep] = useState(lessons?.step ?? 1)
  const [extra, setExtra] = useState<readonly SlotName[]>(lessons === null ? SLOT_NAMES : [])
  const [theme, setTheme] = useState<ThemeChoice>('reader')
  const [autoplay, setAutoplay] = useState(true)
  const [heightText, setHeightText] = useState(String(DEFAULT_EMBED_HEIGHT))
  const [copyStatus, setCopyStatus] = useState('')

  const lesson = lessons?.all.find((l) => l.id === lessonId) ?? null
  const needed: readonly SlotName[] = lesson === null ? [] : lessonSlots(lesson)
  const panels = SLOT_NAMES.filter((s) => needed.includes(s) || extra.includes(s))
  const height = Number(heightText)
  const problem = heightText.trim() === '' ? 'Enter a height in pixels.' : heightProblem(height)
  const noPanels = panels.length === 0
  const choice: EmbedChoice = {
    lesson: lesson === null ? null : { id: lesson.id, step: Math.min(step, lesson.steps.length) },
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
    change(setExtra)(on ? SLOT_NAMES.filter((s) => s === name || extra.includes(s)) : extra.filter((s) => s !== name))

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
      {lessons !== null && (
        <div className="embed-inline embed-lesson">
          <label className="embed-height">
            Lesson
            <select
              value={lessonId}
              onChange={(e) => {
                change(setLessonId)(e.target.value)
                setStep(1)
              }}
            >
              {lessons.all.map((l, i) => (
                <option key={l.id} value={l.id}>
                  {i + 1}. {l.title}
                </option>
              ))}
            </select>
          </label>
          {lesson !== null && (
            <label className="embed-height">
              Start at step
              <select value={choice.lesson?.step ?? 1} onChange={(e) => change(setStep)(Number(e.target.value))}>
                {lesson.steps.map((s, i) => (
                  <option key={s.id} value={i + 1}>
                    {i + 1}. {s.title}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      )}

      <fieldset aria-describedby={noPanels ? `${uid}-panels-error` : lessons !== null ? `${uid}-needed` : undefined}>
        <legend>Panels</legend>
        {lessons !== null && (
          <p id={`${uid}-needed`} className="embed-note">
            The lesson’s steps use the checked panels marked “needed”, so they are always included. Add any others.
          </p>
        )}
        <div className="embed-panels">
          {SLOT_NAMES.map((name) => {
            const locked = needed.includes(name)
            return (
              <label key={name} className="embed-choice">
                <input
                  type="checkbox"
                  checked={panels.includes(name)}
                  disabled={locked}
                  onChange={(e) => togglePanel(name, e.target.checked)}
                />
                <span>
                  {SLOT_LABELS[name]}
                  {locked && <span className="embed-needed"> (needed)</span>}
                </span>
              </label>
            )
          })}
        </div>
        <div className="embed-row">
          <button type="button" className="btn small" onClick={() => change(setExtra)(SLOT_NAMES)}>
            All panels
          </button>
          <button type="button" className="btn small" onClick={() => change(setExtra)(lessons === null ? ['topology', 'time'] : [])}>
            {lessons === null ? 'Picture and clock' : 'Only what the lesson needs'}
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
              <input type="radio" name={`${uid}-theme`} checked={theme === value} onChange={() => change(setTheme)(value)} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="embed-inline">
        <label className="embed-choice">
          <input type="checkbox" checked={autoplay} onChange={(e) => change(setAutoplay)(e.target.checked)} />
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
      <textarea id={`${uid}-snippet`} ref={snippetRef} className="embed-snippet" readOnly rows={9} spellCheck={false} value={snippet} />
      <div className="embed-row">
        <button type="button" className="btn primary" disabled={!canCopy} onClick={() => void copy()}>
          Copy snippet
        </button>
        <span role="status" className="embed-status">
          {copyStatus}
        </span>
      </div>
    </>
  )
}
