// The header's one "Share" dialog, with three choices: a link to this exact lab (the #lab= link), an embed of the
// lab, or an embed of a lesson whose panels are derived from the lesson (src/view/lessonPanels.ts). The embedding
// guide opens inside the app (src/ui/docs/DocDialog.tsx). Link and address formats are unchanged.
import { useSelector } from '@xstate/react'
import { useEffect, useId, useRef, useState } from 'react'
import { useDocStore } from '../../store/docStore'
import { docHref } from '../../view/reference'
import { useLessonActor } from '../hooks/lessonActorContext'
import { EmbedForm } from './EmbedForm'
import { takeFocus } from './pendingButtonFocus'
import { ShareLink } from './ShareLink'
import './ShareDialog.css'

type Choice = 'link' | 'lab' | 'lesson'

const CHOICES: readonly { id: Choice; label: string }[] = [
  { id: 'link', label: 'Link to this exact lab' },
  { id: 'lab', label: 'Embed this lab' },
  { id: 'lesson', label: 'Embed a lesson' },
]

export function ShareDialog() {
  const lessonActor = useLessonActor()
  const lessons = useSelector(lessonActor, (s) => s.context.lessons)
  const lessonId = useSelector(lessonActor, (s) => s.context.lessonId)
  const stepIndex = useSelector(lessonActor, (s) => s.context.stepIndex)
  const openDoc = useDocStore((s) => s.openDoc)
  const dialogRef = useRef<HTMLDialogElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const uid = useId()
  const [open, setOpen] = useState(false)
  const [choice, setChoice] = useState<Choice>('link')
  // Each opening starts the forms afresh, from the lesson open at that moment.
  const [opening, setOpening] = useState(0)

  useEffect(() => {
    if (takeFocus('Share')) buttonRef.current?.focus()
  }, [])

  useEffect(() => {
    const d = dialogRef.current
    if (!d) return
    if (open && !d.open) d.showModal()
    if (!open && d.open) d.close()
  }, [open])

  const current = lessons.find((l) => l.id === lessonId) ?? lessons[0]
  const lessonChoice =
    current === undefined ? null : { all: lessons, id: current.id, step: current.id === lessonId ? stepIndex + 1 : 1 }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="btn ghost"
        aria-haspopup="dialog"
        onClick={() => {
          setChoice(lessonId !== null ? 'lesson' : 'link')
          setOpening((n) => n + 1)
          setOpen(true)
        }}
      >
        Share
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
        <div className="embed-dialog-body" key={opening}>
          <h2 id={`${uid}-title`}>Share</h2>
          <fieldset>
            <legend>What to share</legend>
            <div className="embed-inline">
              {CHOICES.filter((c) => c.id !== 'lesson' || lessonChoice !== null).map((c) => (
                <label key={c.id} className="embed-choice">
                  <input type="radio" name={`${uid}-what`} checked={choice === c.id} onChange={() => setChoice(c.id)} />
                  {c.label}
                </label>
              ))}
            </div>
          </fieldset>

          {choice === 'link' && <ShareLink />}
          {choice !== 'link' && (
            <p className="embed-intro">
              Paste the snippet into a course page, a blog post or an LMS page that accepts HTML. The lab runs inside
              the page, fits its height to what it shows, and tells the page when the learner completes steps and
              lessons.
            </p>
          )}
          {choice === 'lab' && <EmbedForm key="lab" lessons={null} />}
          {choice === 'lesson' && lessonChoice !== null && <EmbedForm key="lesson" lessons={lessonChoice} />}

          <p className="embed-note">
            Every address option, the messages the lab and the page exchange, and the security rules are in{' '}
            <a
              href={docHref('embedding', null)}
              aria-haspopup="dialog"
              onClick={(e) => {
                e.preventDefault()
                openDoc('embedding')
              }}
            >
              the embedding guide
            </a>
            .
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
