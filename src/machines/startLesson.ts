// Opening a lesson and handing it a lab: the lab is built from the lesson's scenario with the lab actor's own
// recipe, the lesson learns it first (so the change that follows is its own), and the clock starts as lessonClock.ts says.
import type { ActorRefFrom } from 'xstate'
import { buildLessonLab } from '../lessons/scenarios'
import type { labMachine } from './labMachine'
import { loadLessonLab } from './lessonClock'
import { currentLesson } from './currentLesson'
import { isPredicting, type LessonActor } from './lessonMachine'

type LabActor = ActorRefFrom<typeof labMachine>

/**
 * Opens a lesson at a step: builds its lab, tells the lesson machine, loads the lab with the clock running (see
 * lessonClock.ts; `play: false`: paused, for an embed that asked so; `newRun`: score it afresh even if it is
 * open, for a host page's loadLesson). False if no such lesson/step.
 */
export function startLesson(
  lessonActor: LessonActor,
  labActor: LabActor,
  lessonId: string,
  stepIndex = 0,
  { play = true, newRun = false }: { play?: boolean; newRun?: boolean } = {},
): boolean {
  const lesson = lessonActor.getSnapshot().context.lessons.find((l) => l.id === lessonId)
  if (lesson === undefined || stepIndex < 0 || stepIndex >= lesson.steps.length) return false
  const lab = buildLessonLab(lesson, stepIndex, labActor.getSnapshot().context.makeLab)
  // The lesson learns its lab first, so the lab change that follows is recognised as its own.
  lessonActor.send({ type: 'lesson.open', lessonId, step: stepIndex, lab, newRun })
  loadLessonLab(lessonActor, labActor, lab, isPredicting(lessonActor), play)
  return true
}

/** Rebuilds the lab for the current step (after a reset or a drill replaced it). */
export function restoreLessonLab(lessonActor: LessonActor, labActor: LabActor): void {
  const context = lessonActor.getSnapshot().context
  const lesson = currentLesson(context)
  if (lesson === null) return
  const lab = buildLessonLab(lesson, context.stepIndex, labActor.getSnapshot().context.makeLab)
  lessonActor.send({ type: 'lesson.labReady', lab })
  loadLessonLab(lessonActor, labActor, lab, isPredicting(lessonActor))
}

/** Carries on with the lesson in whatever lab is loaded now (after a reset or a drill replaced it). */
export function adoptCurrentLab(lessonActor: LessonActor, labActor: LabActor): void {
  lessonActor.send({ type: 'lesson.labReady', lab: labActor.getSnapshot().context.lab })
}
