// What the learner has finished (lesson steps, whole lessons, drills answered correctly), as data that
// is saved in localStorage under stickylab.progress.v1. Reading validates it; anything unreadable is
// replaced by empty progress and reported, never thrown.
import '../zodJitless'
import { dictGet } from '../sim'
import { z } from 'zod'

export const PROGRESS_KEY = 'stickylab.progress.v1'

export const ProgressSchema = z.strictObject({
  version: z.literal(1),
  lessons: z.record(
    z.string(),
    z.strictObject({ completedSteps: z.array(z.string()), completed: z.boolean() }),
  ),
  drills: z.record(z.string(), z.strictObject({ correct: z.boolean() })),
})
export type Progress = z.infer<typeof ProgressSchema>

export function emptyProgress(): Progress {
  return { version: 1, lessons: {}, drills: {} }
}

/** Parses stored progress. `problem` explains why stored data was ignored (null when fine or absent). */
export function parseProgress(raw: string | null): { progress: Progress; problem: string | null } {
  if (raw === null) return { progress: emptyProgress(), problem: null }
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return {
      progress: emptyProgress(),
      problem: `${PROGRESS_KEY} is not valid JSON; starting with empty progress.`,
    }
  }
  const r = ProgressSchema.safeParse(data)
  if (!r.success) {
    return {
      progress: emptyProgress(),
      problem: `${PROGRESS_KEY} does not match the expected shape (${r.error.issues[0]?.message ?? 'invalid'}); starting with empty progress.`,
    }
  }
  return { progress: r.data, problem: null }
}

/** Records a completed step; the lesson is complete once every one of its steps is. */
export function withStepCompleted(
  progress: Progress,
  lessonId: string,
  stepId: string,
  allStepIds: readonly string[],
): Progress {
  const before = dictGet(progress.lessons, lessonId) ?? { completedSteps: [], completed: false }
  if (before.completedSteps.includes(stepId) && before.completed) return progress
  const completedSteps = before.completedSteps.includes(stepId)
    ? before.completedSteps
    : [...before.completedSteps, stepId]
  const completed = before.completed || allStepIds.every((s) => completedSteps.includes(s))
  return {
    ...progress,
    lessons: { ...progress.lessons, [lessonId]: { completedSteps, completed } },
  }
}

/** Records a drill answer; once answered correctly, a drill stays correct. */
export function withDrillAnswered(progress: Progress, drillId: string, correct: boolean): Progress {
  const was = dictGet(progress.drills, drillId)?.correct ?? false
  return { ...progress, drills: { ...progress.drills, [drillId]: { correct: was || correct } } }
}
