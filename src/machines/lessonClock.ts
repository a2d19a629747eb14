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
  /** The lesson will hold the clock once nothing is travelling on the stage. */
  holdSoon: boolean
  /** The lesson was waiting for a prediction at the last look. */
  predicting: boolean
}

/** One record per lesson actor (a page has one). */
const holds = new WeakMap<object, Hold>()

function holdOf(lessonActor: object): Hold {
  let h = holds.get(lessonActor)
  if (h === undefined) {
    h = { held: false, holdSoon: false, predicting: false }
    holds.set(lessonActor, h)
  }
  return h
}

const playing = (labActor: LabActor) => labActor.getSnapshot().hasTag('playing')

/**
 * Loads a lesson's lab with its clock running (held, once the set-up's requests are back, if the step opens on
 * a prediction), or paused when `play` is false (an embed that asked for a paused start).
 */
export function loadLessonLab(
  lessonActor: object,
  labActor: LabActor,
  lab: Lab,
  predicting: boolean,
  play = true,
): void {
  labActor.send({ type: 'sim.load', lab })
  const h = holdOf(lessonActor)
  h.predicting = predicting
  h.held = false
  h.holdSoon = play && predicting
  labActor.send({ type: play ? 'sim.play' : 'sim.pause' })
}

/** Follows the lesson: holds the clock when a step starts waiting for a prediction, releases it after. */
export function followPrediction(
  lessonActor: object,
  labActor: LabActor,
  predicting: boolean,
  busy: boolean,
): void {
  const h = holdOf(lessonActor)
  if (predicting === h.predicting) return
  h.predicting = predicting
  if (predicting) {
    h.holdSoon = playing(labActor)
    followLearner(lessonActor, labActor, busy)
  } else {
    h.holdSoon = false
    if (h.held && !playing(labActor)) labActor.send({ type: 'sim.play' })
    h.held = false
  }
}

/**
 * Follows the lab on each change. A pending hold starts when nothing is travelling (`busy` is false), so no
 * dot freezes mid-way; the learner's own Play during a hold, or Pause before it, makes the clock theirs again.
 */
export function followLearner(lessonActor: object, labActor: LabActor, busy: boolean): void {
  const h = holdOf(lessonActor)
  const runs = playing(labActor)
  if (h.held && runs) h.held = false
  if (h.holdSoon && !runs) h.holdSoon = false
  if (h.holdSoon && !busy) {
    h.holdSoon = false
    h.held = true
    labActor.send({ type: 'sim.pause' })
  }
}
