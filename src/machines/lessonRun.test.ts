// A lesson run: every completion of a step is emitted, the first in the run is the one kept, and the lesson is
// completed once per run when every step has been; a new lesson (or a host's loadLesson) starts a new run.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  completeInRun,
  newRun,
  runFor,
  type LessonEmitted,
  type LessonRun,
  type StepOutcome,
} from './lessonRun'

const steps = ['a', 'b', 'c']
const done = (shownMe = false, predictionCorrect: boolean | null = null): StepOutcome => ({
  shownMe,
  predictionCorrect,
})

/** Completes the steps (by index) in order and collects what is emitted. */
function play(indices: readonly [number, StepOutcome][], start: LessonRun = newRun('tiny')) {
  let run = start
  const emitted: LessonEmitted[] = []
  for (const [i, outcome] of indices) {
    const r = completeInRun(run, 'tiny', steps, i, outcome)
    run = r.run
    emitted.push(...r.emitted)
  }
  return { run, emitted }
}

describe('lesson run', () => {
  it('emits every completion of a step, keeping the first in the run', () => {
    const { run, emitted } = play([
      [0, done(true)],
      [0, done(false)],
    ])
    expect(emitted).toEqual([
      {
        type: 'lesson.stepCompleted',
        lessonId: 'tiny',
        stepIndex: 0,
        stepId: 'a',
        outcome: done(true),
      },
      {
        type: 'lesson.stepCompleted',
        lessonId: 'tiny',
        stepIndex: 0,
        stepId: 'a',
        outcome: done(false),
      },
    ])
    expect(run.outcomes.get('a')).toEqual(done(true))
  })

  it('completes the lesson once, after the completion that makes every step done', () => {
    const { run, emitted } = play([
      [0, done(true)],
      [1, done(false, true)],
      [0, done()],
      [2, done(false, false)],
      [2, done(false, true)],
    ])
    expect(
      emitted.map((e) => (e.type === 'lesson.completed' ? 'lesson' : `step ${e.stepIndex}`)),
    ).toEqual(['step 0', 'step 1', 'step 0', 'step 2', 'lesson', 'step 2'])
    const lesson = emitted.find((e) => e.type === 'lesson.completed')
    expect(lesson?.type === 'lesson.completed' && [...lesson.outcomes]).toEqual([
      ['a', done(true)],
      ['b', done(false, true)],
      ['c', done(false, false)],
    ])
    expect(run.completed).toBe(true)
  })

  it('starts a new run for another lesson, after closing, or when asked; keeps it otherwise', () => {
    const { run } = play([[0, done()]])
    expect(runFor(run, 'tiny')).toBe(run)
    expect(runFor(run, 'tiny', true).outcomes.size).toBe(0)
    expect(runFor(run, 'other')).toEqual(newRun('other'))
    expect(runFor(run, null)).toEqual(newRun(null))
  })

  it('ignores a step the lesson does not have', () => {
    expect(play([[9, done()]]).emitted).toEqual([])
  })

  it('emits the lesson exactly once whatever the order of completions', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 20 }), (order) => {
        const { emitted } = play(order.map((i) => [i, done()]))
        const lessons = emitted.filter((e) => e.type === 'lesson.completed').length
        expect(lessons).toBe(new Set(order).size === 3 ? 1 : 0)
        expect(emitted.length - lessons).toBe(order.length)
      }),
    )
  })
})
