// The seeded generator: pure, reproducible, in range.

import { describe, expect, it } from 'vitest'
import { deriveSecret, nextIntBelow, nextRandom, seedToState } from './rng'

describe('rng', () => {
  it('is a pure function of its state', () => {
    const s = seedToState(42)
    expect(nextRandom(s)).toEqual(nextRandom(s))
    const [, s2] = nextRandom(s)
    expect(nextRandom(s2)[0]).not.toBe(nextRandom(s)[0])
  })

  it('stays in [0, 1) and is roughly uniform', () => {
    let s = seedToState(7)
    const buckets = new Array<number>(10).fill(0)
    for (let i = 0; i < 20000; i++) {
      const [v, n] = nextRandom(s)
      s = n
      expect(v).toBeGreaterThanOrEqual(0)
      expect(v).toBeLessThan(1)
      buckets[Math.floor(v * 10)]!++
    }
    for (const b of buckets) expect(Math.abs(b - 2000)).toBeLessThan(250)
  })

  it('integers below n', () => {
    let s = seedToState(1)
    for (let i = 0; i < 1000; i++) {
      const [v, n] = nextIntBelow(s, 3)
      s = n
      expect([0, 1, 2]).toContain(v)
    }
  })

  it('different seeds give different states and secrets; states are uint32', () => {
    expect(seedToState(1)).not.toBe(seedToState(2))
    expect(deriveSecret(1)).not.toBe(deriveSecret(2))
    for (const seed of [0, 1, -1, 2 ** 40, 3.7]) {
      const st = seedToState(seed)
      expect(Number.isInteger(st) && st >= 0 && st < 2 ** 32).toBe(true)
    }
  })
})
