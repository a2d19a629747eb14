// Saved progress: validated on read (corrupt data is replaced, never thrown), and updated immutably.
import { describe, expect, it } from 'vitest'
import { emptyProgress, parseProgress, withDrillAnswered, withStepCompleted } from './progress'

describe('parseProgress', () => {
  it('starts empty when nothing is stored', () => {
    expect(parseProgress(null)).toEqual({ progress: emptyProgress(), problem: null })
  })

  it('reads valid progress', () => {
    const p = {
      version: 1,
      lessons: { a: { completedSteps: ['s1'], completed: false } },
      drills: { d: { correct: true } },
    }
    expect(parseProgress(JSON.stringify(p))).toEqual({ progress: p, problem: null })
  })

  it('ignores corrupt or foreign data and says why', () => {
    for (const raw of [
      '{not json',
      '42',
      'null',
      '{"version":2,"lessons":{},"drills":{}}',
      '{"version":1,"lessons":{"a":{"completedSteps":"s1","completed":false}},"drills":{}}',
    ]) {
      const r = parseProgress(raw)
      expect(r.progress, raw).toEqual(emptyProgress())
      expect(r.problem, raw).toMatch(
        /^stickylab\.progress\.v1 (is not valid JSON|does not match the expected shape)/,
      )
    }
  })
})

describe('updates', () => {
  it('a lesson completes when all its steps have', () => {
    let p = withStepCompleted(emptyProgress(), 'l', 'a', ['a', 'b'])
    expect(p.lessons.l).toEqual({ completedSteps: ['a'], completed: false })
    p = withStepCompleted(p, 'l', 'a', ['a', 'b'])
    expect(p.lessons.l?.completedSteps).toEqual(['a'])
    const done = withStepCompleted(p, 'l', 'b', ['a', 'b'])
    expect(done.lessons.l).toEqual({ completedSteps: ['a', 'b'], completed: true })
    expect(withStepCompleted(done, 'l', 'b', ['a', 'b'])).toBe(done)
  })

  it('a drill answered correctly once stays correct', () => {
    let p = withDrillAnswered(emptyProgress(), 'd', false)
    expect(p.drills.d).toEqual({ correct: false })
    p = withDrillAnswered(p, 'd', true)
    p = withDrillAnswered(p, 'd', false)
    expect(p.drills.d).toEqual({ correct: true })
  })
})
