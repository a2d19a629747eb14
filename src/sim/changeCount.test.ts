// changeCount() tells views when to redraw; consecutive advances share one log entry without changing the world.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLab, replayLab } from './index'

describe('changeCount', () => {
  it('grows on calls and on events inside advance, not while time merely passes', () => {
    const lab = createLab({ seed: 4 })
    const c0 = lab.changeCount()
    lab.advance(1)
    expect(lab.changeCount()).toBe(c0)
    lab.request('alice')
    const c1 = lab.changeCount()
    expect(c1).toBeGreaterThan(c0)
    lab.advance(0.1)
    expect(lab.changeCount()).toBe(c1)
    lab.advance(1) // the request (0.5 s by default) completes
    const c2 = lab.changeCount()
    expect(c2).toBeGreaterThan(c1)
    lab.advance(10)
    expect(lab.changeCount()).toBe(c2)
    lab.advance(30) // the 30 s health checks run
    expect(lab.changeCount()).toBeGreaterThan(c2)
  })
})

describe('advance log entries', () => {
  it('merges consecutive advances into one entry in whole milliseconds', () => {
    const lab = createLab({ seed: 1 })
    lab.advance(0.016)
    lab.advance(0.0174)
    lab.advance(1)
    lab.request('alice')
    lab.advance(2)
    expect(lab.log().map((e) => [e.call, e.args[0]])).toEqual([
      ['advance', 1.033],
      ['request', 'alice'],
      ['advance', 2],
    ])
  })

  it('leaves the same world as one advance of the sum, and replays byte for byte', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40_000 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 1000 }),
        (stepsMs, seed) => {
          const split = createLab({ seed })
          const merged = createLab({ seed })
          for (const lab of [split, merged]) {
            lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true', 'stickiness.lb_cookie.duration_seconds': '20' })
            lab.request('alice')
            lab.stopInstance('i-2')
          }
          for (const ms of stepsMs) split.advance(ms / 1000)
          merged.advance(stepsMs.reduce((a, b) => a + b, 0) / 1000)
          split.request('alice')
          merged.request('alice')
          const a = JSON.stringify(split.snapshot())
          expect(a).toBe(JSON.stringify(merged.snapshot()))
          expect(JSON.stringify(replayLab(seed, split.log()).snapshot())).toBe(a)
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe('SessionsLost', () => {
  it('counts requests whose cart the serving instance did not know', () => {
    const lab = createLab({ seed: 2 })
    lab.request('alice', { path: '/cart/add' })
    expect(lab.metrics().SessionsLost).toBe(0)
    const second = lab.request('alice', { path: '/cart/add' })
    expect(second.session?.lost).toBe(true)
    expect(lab.metrics().SessionsLost).toBe(1)
    lab.configureApp({ sessionStore: 'external' })
    lab.request('alice')
    lab.request('alice')
    lab.request('alice')
    expect(lab.metrics().SessionsLost).toBe(2)
  })
})
