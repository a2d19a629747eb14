// One lesson being played: the step list, the current step's prose, prediction, task, hints, "Show me",
// the live feedback (quoting the prediction), the seed-article corrections, and the finished screen.
import { dictGet } from '../../sim'
import { useSelector } from '@xstate/react'
import { useEffect, useId, useRef, type RefObject } from 'react'
import type { Lesson, Step } from '../../lessons/schema'
import { SEED_ARTICLES } from '../../lessons/seedClaims'
import type { LessonActor } from '../../machines/lessonMachine'
import { adoptCurrentLab, restoreLessonLab } from '../../machines/startLesson'
import { useEmbedMode } from '../hooks/embedContext'
import type { LabActor } from '../hooks/labActorContext'
import { ControlFinder } from './ControlFinder'
import { PredictionForm } from './PredictionForm'
import { RichText } from './RichText'
import { useHighlight } from './useHighlight'
import { FOLDED_CORRECTION_SUMMARY, STEP_DONE, VERDICT } from '../../lessons/feedbackText'

type Phase = 'predicting' | 'active' | 'complete' | 'finished'

function phaseOf(s: ReturnType<LessonActor['getSnapshot']>): Phase {
  if (s.hasTag('lessonDone')) return 'finished'
  if (s.hasTag('stepDone')) return 'complete'
  return s.matches({ running: { step: 'predicting' } }) ? 'predicting' : 'active'
}

interface Props {
  actor: LessonActor
  labActor: LabActor
  lesson: Lesson
  /** 0-based position in the catalog. */
  position: number
  nextLesson: Lesson | null
  onOpen: (lessonId: string) => void
  /** Call before a learner-initiated move, so focus follows to the new step. */
  onMove: () => void
  takeFocus: () => boolean
}

export function LessonRunner({
  actor,
  labActor,
  lesson,
  position,
  nextLesson,
  onOpen,
  onMove,
  takeFocus,
}: Props) {
  const stepIndex = useSelector(actor, (s) => s.context.stepIndex)
  const phase = useSelector(actor, phaseOf)
  const completed = useSelector(
    actor,
    (s) => dictGet(s.context.progress.lessons, lesson.id)?.completedSteps ?? null,
  )
  const step = lesson.steps[stepIndex] ?? lesson.steps[0]!
  const headingRef = useRef<HTMLHeadingElement>(null)
  // The stage objects to use are marked once the prediction is locked in: the request comes after it.
  useHighlight(phase === 'active' ? step.highlight : [])

  const finished = phase === 'finished'
  // Focus follows the learner to a new step or to the finished screen (never on a page load).
  useEffect(() => {
    if (takeFocus()) headingRef.current?.focus()
  }, [stepIndex, finished, takeFocus])

  const send = (event: Parameters<LessonActor['send']>[0]) => {
    onMove()
    actor.send(event)
  }
  const isDone = (s: Step) => completed?.includes(s.id) ?? false
  const doneCount = lesson.steps.filter(isDone).length

  return (
    <>
      <div className="lesson-head">
        <p className="lesson-kicker">
          Lesson {position + 1}: {doneCount} of {lesson.steps.length} steps done
        </p>
        <button type="button" className="btn small" onClick={() => send({ type: 'lesson.exit' })}>
          All lessons
        </button>
      </div>
      <h2 id="lesson-heading">{lesson.title}</h2>
      <nav aria-label="Lesson steps">
        <ol className="lesson-steps">
          {lesson.steps.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                className={[
                  'lesson-step-btn',
                  isDone(s) ? 'done' : '',
                  i === stepIndex && phase !== 'finished' ? 'current' : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
                aria-current={i === stepIndex && phase !== 'finished' ? 'step' : undefined}
                aria-label={`Step ${i + 1}: ${s.title}${isDone(s) ? ' (done)' : ''}`}
                onClick={() => send({ type: 'lesson.goTo', step: i })}
              >
                {i + 1}
                {isDone(s) && (
                  <span className="lesson-step-check" aria-hidden="true">
                    ✓
                  </span>
                )}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      {phase === 'finished' ? (
        <Finished
          lesson={lesson}
          doneCount={doneCount}
          nextLesson={nextLesson}
          headingRef={headingRef}
          onBack={() => send({ type: 'lesson.back' })}
          onOpen={onOpen}
        />
      ) : (
        <StepView
          actor={actor}
          labActor={labActor}
          lesson={lesson}
          step={step}
          stepIndex={stepIndex}
          phase={phase}
          headingRef={headingRef}
          send={send}
        />
      )}
    </>
  )
}

interface StepViewProps {
  actor: LessonActor
  labActor: LabActor
  lesson: Lesson
  step: Step
  stepIndex: number
  phase: Exclude<Phase, 'finished'>
  headingRef: RefObject<HTMLHeadingElement | null>
  send: (event: Parameters<LessonActor['send']>[0]) => void
}

function StepView({
  actor,
  labActor,
  lesson,
  step,
  stepIndex,
  phase,
  headingRef,
  send,
}: StepViewProps) {
  const prediction = useSelector(actor, (s) => s.context.prediction)
  const feedback = useSelector(actor, (s) => s.context.feedback)
  const hintsShown = useSelector(actor, (s) => s.context.hintsShown)
  const labReplaced = useSelector(actor, (s) => s.context.lab !== s.context.ownLab)
  const last = stepIndex === lesson.steps.length - 1
  const predictedLabel = step.prediction?.choices.find((c) => c.value === prediction)?.label ?? null
  const question = step.goals.every((g) => g.id === 'always')
  const uid = useId()
  const { panels } = useEmbedMode()
  // On the stage the "Go to" buttons name the objects to use; the panel path is for a page without it.
  const stage = panels === null || panels.includes('topology')
  const showPath = !stage || step.highlight.length === 0

  return (
    <div className="lesson-step">
      <p className="lesson-step-count">
        Step {stepIndex + 1} of {lesson.steps.length}
      </p>
      <h3 ref={headingRef} tabIndex={-1}>
        {step.title}
      </h3>
      {labReplaced && (
        <div className="lesson-notice" role="alert">
          <p>
            The lab was reset or replaced (for example by an exam drill), so this step is not being
            checked.
          </p>
          <div className="lesson-row">
            <button
              type="button"
              className="btn small"
              onClick={() => restoreLessonLab(actor, labActor)}
            >
              Set up the lab for this step
            </button>
            <button
              type="button"
              className="btn small"
              onClick={() => adoptCurrentLab(actor, labActor)}
            >
              Continue in this lab
            </button>
          </div>
        </div>
      )}
      {step.prose.map((p, i) => (
        <p key={i} className="lesson-prose">
          <RichText text={p} />
        </p>
      ))}
      {phase === 'predicting' && step.prediction !== undefined && (
        <PredictionForm
          key={step.id}
          prediction={step.prediction}
          onPredict={(choice) => actor.send({ type: 'lesson.predict', choice })}
        />
      )}
      {predictedLabel !== null && (
        <p className="lesson-predicted">
          Your prediction: <strong>{predictedLabel}</strong>
        </p>
      )}
      {!question && (
        <div className={phase === 'predicting' ? 'lesson-task waiting' : 'lesson-task'}>
          <p>
            <strong>{phase === 'predicting' ? 'Then: ' : 'Your turn: '}</strong>
            <RichText text={step.task} />
          </p>
          {showPath && (
            <p className="lesson-controls">
              <span className="lesson-controls-label">Controls:</span> {step.controls}
            </p>
          )}
          {phase === 'active' && <ControlFinder highlights={step.highlight} />}
        </div>
      )}
      {hintsShown > 0 && (
        <>
          <p id={`${uid}-hints`} className="lesson-hints-label">
            Hints
          </p>
          <ol className="lesson-hints" aria-labelledby={`${uid}-hints`}>
            {step.hints.slice(0, hintsShown).map((h, i) => (
              <li key={i}>
                <RichText text={h} />
              </li>
            ))}
          </ol>
        </>
      )}
      {phase !== 'complete' && !question && (
        <div className="lesson-row">
          <button
            type="button"
            className="btn"
            disabled={hintsShown >= step.hints.length}
            onClick={() => actor.send({ type: 'lesson.hint' })}
          >
            {hintsShown >= step.hints.length
              ? 'No more hints'
              : `Hint (${step.hints.length - hintsShown} left)`}
          </button>
          <button
            type="button"
            className="btn"
            disabled={phase !== 'active' || labReplaced}
            onClick={() => actor.send({ type: 'lesson.showMe' })}
          >
            Show me
          </button>
          {!labReplaced && (
            <button type="button" className="btn" onClick={() => restoreLessonLab(actor, labActor)}>
              Start this step again
            </button>
          )}
          {phase === 'predicting' && (
            <span className="hint">Predict first; then “Show me” can do the step for you.</span>
          )}
        </div>
      )}
      <div
        className="lesson-feedback"
        role="status"
        aria-live="polite"
        data-testid="lesson-feedback"
      >
        {phase === 'complete' && (
          <>
            {feedback !== null && (
              <div className={feedback.correct ? 'lesson-verdict right' : 'lesson-verdict wrong'}>
                <p className="lesson-verdict-title">
                  <span aria-hidden="true">{feedback.correct ? '✓ ' : '✗ '}</span>
                  {feedback.correct ? VERDICT.right : VERDICT.wrong}
                </p>
                <p>{feedback.text}</p>
              </div>
            )}
            <p className="lesson-success">
              <span aria-hidden="true">✓ </span>
              <strong>{STEP_DONE}</strong> <RichText text={step.success} />
            </p>
          </>
        )}
      </div>
      {phase === 'complete' &&
        (step.corrects ?? []).map((c) => {
          const body = (
            <>
              <p>
                <strong>The article says</strong>{' '}
                <span className="muted">
                  ({dictGet(SEED_ARTICLES, c.claim.slice(0, 3)) ?? 'seed article'})
                </span>
                : “{c.myth}”
              </p>
              <p>
                <strong>In fact:</strong> <RichText text={c.fact} />
              </p>
            </>
          )
          return (
            <aside
              key={c.claim}
              className="lesson-myth"
              aria-label={`Correction of seed article ${c.claim.slice(0, 3)}`}
            >
              {/* After a wrong prediction the correction waits behind one line (feedbackText.ts). */}
              {feedback !== null && !feedback.correct ? (
                <details>
                  <summary>{FOLDED_CORRECTION_SUMMARY}</summary>
                  {body}
                </details>
              ) : (
                body
              )}
            </aside>
          )
        })}
      <div className="lesson-row lesson-nav">
        <button
          type="button"
          className="btn"
          disabled={stepIndex === 0}
          onClick={() => send({ type: 'lesson.back' })}
        >
          Back
        </button>
        <button
          type="button"
          className={phase === 'complete' ? 'btn primary' : 'btn'}
          onClick={() => send({ type: 'lesson.next' })}
        >
          {last ? 'Finish lesson' : phase === 'complete' ? 'Next step' : 'Skip step'}
        </button>
      </div>
    </div>
  )
}

interface FinishedProps {
  lesson: Lesson
  doneCount: number
  nextLesson: Lesson | null
  headingRef: RefObject<HTMLHeadingElement | null>
  onBack: () => void
  onOpen: (lessonId: string) => void
}

function Finished({ lesson, doneCount, nextLesson, headingRef, onBack, onOpen }: FinishedProps) {
  const all = doneCount === lesson.steps.length
  return (
    <div className="lesson-step">
      <h3 ref={headingRef} tabIndex={-1}>
        {all
          ? 'Lesson complete'
          : `End of lesson: ${doneCount} of ${lesson.steps.length} steps done`}
      </h3>
      {!all && (
        <p className="lesson-prose">
          Skipped steps stay open: pick one in the step list to do it, or use “Show me”.
        </p>
      )}
      <h4>Remember</h4>
      <ul className="lesson-takeaways">
        {lesson.takeaways.map((t, i) => (
          <li key={i}>
            <RichText text={t} />
          </li>
        ))}
      </ul>
      <div className="lesson-row lesson-nav">
        <button type="button" className="btn" onClick={onBack}>
          Back
        </button>
        {nextLesson !== null && (
          <button type="button" className="btn primary" onClick={() => onOpen(nextLesson.id)}>
            Next lesson: {nextLesson.title}
          </button>
        )}
      </div>
    </div>
  )
}
