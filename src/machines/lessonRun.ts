// One run of a lesson, kept by the lesson machine: from opening it (or switching to it) until another lesson, the
// catalog, or a host page's loadLesson. A step's first completion in the run is the one that counts, so redoing a
// step after "Show me" does not raise its score; the lesson is completed once every step has been, once per run.
// The machine emits both as typed events (lessonMachine.ts), which the embed API forwards (docs/embedding.md).

/** How a step was completed. */
export interface StepOutcome {
  /** The prediction was right (null: the step asks for none, or its feedback could not be computed). */
  predictionCorrect: boolean | null
  shownMe: boolean
}

export interface LessonRun {
  lessonId: string | null
  /** Step id → its first completion in this run. */
  outcomes: ReadonlyMap<string, StepOutcome>
  /** lesson.completed was already emitted for this run. */
  completed: boolean
}

/** Emitted each time a step is completed (again, too: the host page hears every completion). */
export interface StepCompletedEvent {
  type: 'lesson.stepCompleted'
  lessonId: string
  /** 0-based. */
  stepIndex: number
  stepId: string
  outcome: StepOutcome
}

/** Emitted once per run, when every step of the lesson has been completed in it. */
export interface LessonCompletedEvent {
  type: 'lesson.completed'
  lessonId: string
  /** Each step's first completion in the run. */
  outcomes: ReadonlyMap<string, StepOutcome>
}

export type LessonEmitted = StepCompletedEvent | LessonCompletedEvent

export function newRun(lessonId: string | null): LessonRun {
  return { lessonId, outcomes: new Map(), completed: false }
}

/** The run once `lessonId` is open: the same run while the lesson stays, a new one for another or when asked. */
export function runFor(run: LessonRun, lessonId: string | null, fresh = false): LessonRun {
  return !fresh && run.lessonId === lessonId ? run : newRun(lessonId)
}

/**
 * The run after a step of `stepIds` was completed, and what to emit: the step always, the lesson when this
 * completion makes every step done for the first time in the run.
 */
export function completeInRun(
  run: LessonRun,
  lessonId: string,
  stepIds: readonly string[],
  stepIndex: number,
  outcome: StepOutcome,
): { run: LessonRun; emitted: LessonEmitted[] } {
  const stepId = stepIds[stepIndex]
  if (stepId === undefined) return { run, emitted: [] }
  let next = runFor(run, lessonId)
  const emitted: LessonEmitted[] = [
    { type: 'lesson.stepCompleted', lessonId, stepIndex, stepId, outcome },
  ]
  if (!next.outcomes.has(stepId))
    next = { ...next, outcomes: new Map(next.outcomes).set(stepId, outcome) }
  if (!next.completed && stepIds.every((id) => next.outcomes.has(id))) {
    next = { ...next, completed: true }
    emitted.push({ type: 'lesson.completed', lessonId, outcomes: next.outcomes })
  }
  return { run: next, emitted }
}
