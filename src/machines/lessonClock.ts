// The clock during a lesson. It runs: requests travel on the stage and their outcomes show on arrival. While a
// step waits for the learner's prediction it waits too, so the moment the question is about ("alice sends a
// request now", "40 s later") is still there when the prediction is locked in, however long the learner reads;
// locking it in starts the clock again. That hold is the lesson's, not the learner's: pressing Play while
// predicting ends it, and a clock the learner paused is never started by the lesson.
import type { ActorRefFrom } from 'xstate'
import type { Lab } from '../sim'
import type { labMachine } from './labMachine'

type LabActor = ActorRefFrom<typeof labMachine>

interface Hold {
  /** The lesson paused the clock for a prediction (and will start it again). */
  held: boolean
  /** The lesson was waiting for a prediction at the last look. */
  predicting: boolean
}

/** One record per lesson actor (a page has one). */
const holds = new WeakMap<object, Hold>()

function holdOf(lessonActor: object): Hold {
  let h = holds.get(lessonActor)
  if (h === undefined) {
    h = { held: false, predicting: false }
    holds.set(lessonActor, h)
  }
  return h
}

const playing = (labActor: LabActor) => labActor.getSnapshot().hasTag('playing')

/**
 * Loads a lesson's lab. With `run`, its clock runs; without, it is paused: held for the prediction the step
 * opens on (`hold`, started again once it is locked in), or paused for good (an embed that asked for a paused
 * start). Leaving the lesson leaves the clock as the learner set it.
 */
export function loadLessonLab(
  lessonActor: object,
  labActor: LabActor,
  lab: Lab,
  run: boolean,
  hold = true,
): void {
  labActor.send({ type: 'sim.load', lab })
  const h = holdOf(lessonActor)
  h.predicting = !run && hold
  h.held = h.predicting
  labActor.send({ type: run ? 'sim.play' : 'sim.pause' })
}

/** Follows the lesson: holds the clock when a step starts waiting for a prediction, releases it after. */
export function followPrediction(
  lessonActor: object,
  labActor: LabActor,
  predicting: boolean,
): void {
  const h = holdOf(lessonActor)
  if (predicting === h.predicting) return
  h.predicting = predicting
  if (predicting && playing(labActor)) {
    h.held = true
    labActor.send({ type: 'sim.pause' })
  } else if (!predicting && h.held) {
    h.held = false
    if (!playing(labActor)) labActor.send({ type: 'sim.play' })
  }
}

/** The learner pressed Play during a hold: the clock is theirs again, the lesson will not touch it. */
export function followLearner(lessonActor: object, labActor: LabActor): void {
  const h = holdOf(lessonActor)
  if (h.held && playing(labActor)) h.held = false
}
