// The list of lessons with each one's progress, and the message for a deep link that points nowhere.
import { dictGet } from '../../sim'
import { useEffect, useId, useRef } from 'react'
import type { Lesson } from '../../lessons/schema'
import { useSelector } from '@xstate/react'
import { useLessonActor } from '../hooks/lessonActorContext'

interface Props {
  lessons: readonly Lesson[]
  errors: readonly string[]
  linkMessage: string | null
  onDismissLink: () => void
  onOpen: (lessonId: string) => void
  /** True (once) when the learner just left a lesson: focus then comes back to the list heading. */
  takeFocus: () => boolean
}

export function LessonCatalog({
  lessons,
  errors,
  linkMessage,
  onDismissLink,
  onOpen,
  takeFocus,
}: Props) {
  const progress = useSelector(useLessonActor(), (s) => s.context.progress.lessons)
  const uid = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const done = lessons.filter((l) => dictGet(progress, l.id)?.completed).length

  useEffect(() => {
    if (takeFocus()) heading.current?.focus()
  }, [takeFocus])

  return (
    <>
      <h2 id="lesson-heading" ref={heading} tabIndex={-1}>
        Lessons
      </h2>
      <p className="lesson-intro">
        Guided lessons that replay what the articles you read describe, and correct what they get
        wrong. Each step checks itself in the lab. Opening a lesson puts its starting point on the
        stage; your own lab is kept, and “Back to your lab” brings it back.
      </p>
      {linkMessage !== null && (
        <div className="lesson-notice" role="alert">
          <p>{linkMessage}</p>
          <button type="button" className="btn small" onClick={onDismissLink}>
            Dismiss
          </button>
        </div>
      )}
      {errors.length > 0 && (
        <div className="lesson-notice" role="alert">
          <p>
            {errors.length} lesson{errors.length === 1 ? '' : 's'} could not be loaded and{' '}
            {errors.length === 1 ? 'is' : 'are'} left out.
          </p>
        </div>
      )}
      <p className="lesson-count">
        {done} of {lessons.length} lessons complete.
      </p>
      <ol className="lesson-list">
        {lessons.map((lesson, i) => {
          const p = dictGet(progress, lesson.id)
          const steps =
            p?.completedSteps.filter((s) => lesson.steps.some((x) => x.id === s)).length ?? 0
          const status = p?.completed
            ? 'Complete'
            : steps > 0
              ? `${steps} of ${lesson.steps.length} steps done`
              : `${lesson.steps.length} steps`
          return (
            <li key={lesson.id} className={p?.completed ? 'lesson-item done' : 'lesson-item'}>
              <button
                type="button"
                className="lesson-open"
                aria-describedby={`${uid}-${i}`}
                onClick={() => onOpen(lesson.id)}
              >
                <span className="lesson-number" aria-hidden="true">
                  {p?.completed ? '✓' : i + 1}
                </span>
                <span className="lesson-title">{lesson.title}</span>
              </button>
              <p id={`${uid}-${i}`} className="lesson-summary">
                <span className="lesson-status">{status}.</span> {lesson.summary}
              </p>
            </li>
          )
        })}
      </ol>
    </>
  )
}
