// The learner's own lab, kept aside while a lesson or an exam drill's scenario uses the stage (issue 15, item 2).
// Opening either stashes the lab that was loaded (the Lab object itself, untouched while it is away, so "Back to
// your lab" hands back exactly the same world, call log and clock) and whether its clock was running. Only the first
// opening stashes: a lesson's or a drill's lab is not the learner's. Leaving a lesson keeps its place (lesson and
// step) and, for this page, its lab, so it can be resumed where it was. src/app/persistence/stashPersistence.ts keeps all of this across a reload (docs/persistence.md).
import { create } from 'zustand'
import type { ActorRefFrom } from 'xstate'
import type { Lab } from '../sim'
import type { labMachine } from '../machines/labMachine'
import type { LessonActor } from '../machines/lessonMachine'
import { adoptCurrentLab, startLesson } from '../machines/startLesson'

type LabActor = ActorRefFrom<typeof labMachine>

/** What uses the stage while the learner's lab is stashed. */
export type Away =
  | { kind: 'lesson'; lessonId: string }
  | { kind: 'drill'; drillId: string; /** 0-based question number */ index: number; title: string }

export interface Stash {
  /** The learner's own lab, as it was when it was stashed. */
  lab: Lab
  /** Its clock was running (restored as it was: paused stays paused). */
  playing: boolean
  /** Null when a lesson link opened a lesson that does not exist: the lab shown is still not the learner's. */
  away: Away | null
}

/** A lesson the learner left with "Back to your lab", to resume at the same step. */
export interface ResumePoint {
  lessonId: string
  /** 0-based */
  step: number
}

/**
 * A lesson's lab waiting for the lesson to open at that step and adopt it: read back after a reload (the lesson's link
 * opens it), or parked by "Back to your lab" so "Resume lesson" continues in the very lab the learner left.
 */
export interface PendingLessonLab {
  lessonId: string
  step: number
  lab: Lab
  playing: boolean
}

interface StashState {
  stash: Stash | null
  resume: ResumePoint | null
  pending: PendingLessonLab | null
}

export const useStashStore = create<StashState>()(() => ({
  stash: null,
  resume: null,
  pending: null,
}))

/** The lab the learner is working in now: while looking at the past on the timeline, the live one. */
export function liveLab(labActor: LabActor): Lab {
  const { context } = labActor.getSnapshot()
  return context.timeline?.live ?? context.lab
}

/** Keeps the loaded lab aside (unless one is kept already) before `away` replaces it. */
export function stashLab(labActor: LabActor, away: Away): void {
  const { stash } = useStashStore.getState()
  if (stash !== null) {
    useStashStore.setState({ stash: { ...stash, away } })
    return
  }
  const playing = labActor.getSnapshot().hasTag('playing')
  useStashStore.setState({ stash: { lab: liveLab(labActor), playing, away } })
}

/**
 * Loads the stashed lab back (the same object: byte for byte the world, log and clock it had) with its clock
 * running or paused as it was. A lesson that was open is closed and remembered for "Resume". False if nothing was stashed.
 */
export function backToYourLab(labActor: LabActor, lessonActor: LessonActor | null): boolean {
  const { stash } = useStashStore.getState()
  if (stash === null) return false
  let { resume, pending } = useStashStore.getState()
  const lesson = lessonActor?.getSnapshot().context
  if (lessonActor && lesson && lesson.lessonId !== null) {
    resume = { lessonId: lesson.lessonId, step: lesson.stepIndex }
    // Its own lab is parked for "Resume lesson" (not a drill's lab that replaced it).
    const lab = liveLab(labActor)
    pending =
      lab === lesson.ownLab
        ? { ...resume, lab, playing: labActor.getSnapshot().hasTag('playing') }
        : null
    lessonActor.send({ type: 'lesson.exit' })
  }
  useStashStore.setState({ stash: null, resume, pending })
  labActor.send({ type: 'sim.load', lab: stash.lab })
  labActor.send({ type: stash.playing ? 'sim.play' : 'sim.pause' })
  return true
}

/**
 * Opens a lesson at a step, stashing the learner's lab first. If a reload left this lesson's lab to come back
 * (pending), the lesson continues in it instead of a freshly built one. False if there is no such lesson or step.
 */
export function openLesson(
  lessonActor: LessonActor,
  labActor: LabActor,
  lessonId: string,
  step = 0,
  options: { play?: boolean } = {},
): boolean {
  const lesson = lessonActor.getSnapshot().context.lessons.find((l) => l.id === lessonId)
  if (lesson === undefined || !Number.isInteger(step) || step < 0 || step >= lesson.steps.length)
    return false
  stashLab(labActor, { kind: 'lesson', lessonId })
  const { resume, pending } = useStashStore.getState()
  // A lab parked for "Resume lesson" waits while other lessons are opened; anything else only serves this opening.
  const parkedForLater =
    pending !== null && resume?.lessonId === pending.lessonId && resume.lessonId !== lessonId
  if (resume?.lessonId === lessonId) useStashStore.setState({ resume: null })
  if (
    pending !== null &&
    (pending.lessonId !== lessonId || pending.step !== step) &&
    !parkedForLater
  )
    useStashStore.setState({ pending: null })
  startLesson(lessonActor, labActor, lessonId, step, options)
  adoptPendingLessonLab(lessonActor, labActor)
  return true
}

/** Stashes the learner's lab, then loads a drill's scenario lab (paused, as "Try it in the lab" always did). */
export function openDrillLab(
  labActor: LabActor,
  away: Extract<Away, { kind: 'drill' }>,
  lab: Lab,
): void {
  stashLab(labActor, away)
  labActor.send({ type: 'sim.load', lab })
  labActor.send({ type: 'sim.pause' })
}

/**
 * After a reload, the lesson's own lab (read back from storage) replaces the step's fresh one, once the lesson is
 * open at that step. Called by whichever comes second: the lesson link opening the lesson, or the saved data.
 */
export function adoptPendingLessonLab(lessonActor: LessonActor, labActor: LabActor): void {
  const { pending } = useStashStore.getState()
  if (pending === null) return
  const lesson = lessonActor.getSnapshot().context
  if (lesson.lessonId !== pending.lessonId || lesson.stepIndex !== pending.step) return
  useStashStore.setState({ pending: null })
  labActor.send({ type: 'sim.load', lab: pending.lab })
  labActor.send({ type: pending.playing ? 'sim.play' : 'sim.pause' })
  adoptCurrentLab(lessonActor, labActor)
}
