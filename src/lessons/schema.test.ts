// The schemas reject malformed lessons with messages that name each bad field.
import { describe, expect, it } from 'vitest'
import { whyStickiness } from './content/whyStickiness'
import { parseLesson, parseScenario } from './schema'

describe('parseLesson', () => {
  it('accepts a real lesson unchanged', () => {
    expect(parseLesson(whyStickiness)).toEqual({ ok: true, value: whyStickiness })
  })

  it('names every problem with its path', () => {
    const bad = {
      ...whyStickiness,
      steps: [
        {
          ...whyStickiness.steps[0]!,
          goals: [{ id: 'requestsSince', params: { min: 0 } }],
          hints: [],
        },
        {
          ...whyStickiness.steps[1]!,
          solution: [{ type: 'lab.call', method: 'launchRocket', args: [] }],
        },
      ],
    }
    const r = parseLesson(bad)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.split('\n')[0]).toBe('Lesson “why-stickiness” is invalid:')
    expect(r.error).toContain('steps[0].goals[0].params.min: Too small: expected number to be >=1')
    expect(r.error).toContain('steps[0].hints: Too small')
    expect(r.error).toMatch(/steps\[1\]\.solution\[0\]\.method: Invalid option/)
  })

  it('rejects unknown goal ids, unknown fields and duplicate step ids', () => {
    const withUnknownGoal = {
      ...whyStickiness,
      steps: [
        { ...whyStickiness.steps[0]!, goals: [{ id: 'teleport', params: {} }] },
        whyStickiness.steps[1]!,
      ],
    }
    expect(parseLesson(withUnknownGoal).ok).toBe(false)
    const withExtra = { ...whyStickiness, colour: 'red' }
    const r = parseLesson(withExtra)
    expect(!r.ok && r.error.includes('Unrecognized key')).toBe(true)
    const dup = { ...whyStickiness, steps: [whyStickiness.steps[0]!, whyStickiness.steps[0]!] }
    const d = parseLesson(dup)
    expect(!d.ok && d.error.includes('step ids must be unique')).toBe(true)
  })

  it('handles data that is not an object at all', () => {
    const r = parseLesson('lesson')
    expect(r).toEqual({
      ok: false,
      error: expect.stringContaining('Lesson (without an id) is invalid:'),
    })
  })

  it('rejects duplicate prediction choices', () => {
    const step = whyStickiness.steps[2]!
    const p = {
      ...step.prediction!,
      choices: [step.prediction!.choices[0]!, step.prediction!.choices[0]!],
    }
    const r = parseLesson({
      ...whyStickiness,
      steps: [whyStickiness.steps[0]!, { ...step, prediction: p }],
    })
    expect(!r.ok && r.error.includes('choice values must be unique')).toBe(true)
  })
})

describe('parseScenario', () => {
  it('rejects a non-positive clock jump', () => {
    const r = parseScenario({
      id: 'x',
      title: 'X',
      description: 'x',
      seed: 1,
      setup: [{ type: 'sim.advance', seconds: 0 }],
    })
    expect(!r.ok && r.error.includes('setup[0].seconds')).toBe(true)
  })

  it('refuses a call whose arguments the lab would refuse, when the lesson is loaded (issue 17)', () => {
    const r = parseScenario({
      id: 'x',
      title: 'X',
      description: 'x',
      seed: 1,
      setup: [
        { type: 'lab.call', method: 'addClient', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: [{ client: 'alice' }] },
      ],
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error).toContain('setup[1].args: request: client id must be a string, not an object')
  })
})
