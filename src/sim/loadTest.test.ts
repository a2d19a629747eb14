// The load test: counts that add up, stickiness visible in the spread, determinism, the learner's world left
// untouched, slices that add up to one run, and clear refusals of bad options.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLab, loadTestProblem, startLoadTest, type LoadTestResult } from './index'
import type { Lab } from './index'

function stickyLab(): Lab {
  const lab = createLab({ seed: 7 })
  const r = lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' })
  if (!r.ok) throw new Error(r.message)
  return lab
}

function spread(r: LoadTestResult): number {
  const counts = r.targets.map((t) => t.requests)
  return Math.max(...counts) / Math.min(...counts)
}

describe('startLoadTest', () => {
  it('sends clients × … requests, counts every one, and names only registered targets', () => {
    const lab = createLab({ seed: 3 })
    const run = startLoadTest(lab.snapshot(), { clients: 50, minutes: 1, requestsPerSecond: 20 })
    expect(run.total).toBe(1200)
    const r = run.run(Number.MAX_SAFE_INTEGER)
    expect(r.done).toBe(true)
    expect(r.requests).toBe(1200)
    expect(r.seconds).toBe(60)
    expect(r.targets.reduce((s, t) => s + t.requests, 0) + r.errors5xx).toBe(1200)
    expect(r.sticky + r.nonSticky + r.errors5xx).toBe(1200)
    const registered = lab.targetGroups()[0]!.targets.map((t) => t.id)
    for (const t of r.targets) expect(registered).toContain(t.targetId)
  })

  it('with stickiness off nothing is sticky and round robin spreads evenly; with lb_cookie every client after its first request is sticky and the spread is uneven', () => {
    const options = { clients: 30, minutes: 2, requestsPerSecond: 50 }
    const off = startLoadTest(createLab({ seed: 7 }).snapshot(), options).run(Infinity)
    expect(off.sticky).toBe(0)
    expect(spread(off)).toBeLessThan(1.01)
    const on = startLoadTest(stickyLab().snapshot(), options).run(Infinity)
    // Each of the 30 clients is bound on its first request; every later one is a sticky hit.
    expect(on.nonSticky).toBe(30)
    expect(on.sticky).toBe(6000 - 30)
    expect(spread(on)).toBeGreaterThan(1.2)
  })

  it('leaves the learner’s world untouched', () => {
    const lab = stickyLab()
    lab.request('alice')
    const before = JSON.stringify(lab.snapshot())
    startLoadTest(lab.snapshot(), { clients: 20, minutes: 1, requestsPerSecond: 10 }).run(Infinity)
    expect(JSON.stringify(lab.snapshot())).toBe(before)
  })

  it('is deterministic, and slices of any size add up to the same run', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 500 }), (clients, slice) => {
        const world = stickyLab().snapshot()
        const options = { clients, minutes: 1, requestsPerSecond: 15 }
        const whole = startLoadTest(world, options).run(Infinity)
        const sliced = startLoadTest(world, options)
        let r = sliced.result()
        let guard = 0
        while (!r.done && guard++ < 10_000) r = sliced.run(slice)
        expect(r).toEqual(whole)
      }),
      { numRuns: 25 },
    )
  })

  it('counts 503s when no target can take traffic', () => {
    const lab = createLab({ seed: 1 })
    for (const t of lab.targetGroups()[0]!.targets) lab.deregisterTargets('web', [t.id])
    lab.advance(400)
    const r = startLoadTest(lab.snapshot(), { clients: 5, minutes: 1, requestsPerSecond: 2 }).run(Infinity)
    expect(r.errors5xx).toBe(120)
    expect(r.targets).toEqual([])
  })

  it('refuses bad options with a sentence naming the field', () => {
    expect(loadTestProblem({ clients: 0, minutes: 1, requestsPerSecond: 1 })).toBe(
      'Clients must be a whole number from 1 to 100,000.',
    )
    expect(loadTestProblem({ clients: 10, minutes: 1.5, requestsPerSecond: 1 })).toMatch(/^Minutes \(virtual\) must be/)
    expect(loadTestProblem({ clients: 10, minutes: 1, requestsPerSecond: 10_001 })).toMatch(/^Requests per second must be/)
    expect(loadTestProblem({ clients: 10, minutes: 1_440, requestsPerSecond: 10_000 })).toMatch(/at most 20,000,000/)
    expect(loadTestProblem({ clients: 10_000, minutes: 10, requestsPerSecond: 1_000 })).toBeNull()
    expect(() => startLoadTest(createLab().snapshot(), { clients: -1, minutes: 1, requestsPerSecond: 1 })).toThrow(RangeError)
  })
})

describe('startLoadTest under other load balancer types', () => {
  it('an NLB with source_ip stickiness answers every request through its own flow handling, deterministically', () => {
    const make = () => {
      const lab = createLab({ seed: 5, loadBalancerType: 'network' })
      const r = lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true', 'stickiness.type': 'source_ip' })
      if (!r.ok) throw new Error(r.message)
      return startLoadTest(lab.snapshot(), { clients: 40, minutes: 1, requestsPerSecond: 20 }).run(Infinity)
    }
    const r = make()
    expect(r.requests).toBe(1200)
    expect(r.targets.reduce((s, t) => s + t.requests, 0)).toBe(1200)
    expect(r.errors5xx).toBe(0)
    expect(make()).toEqual(r)
  })

  it('a Classic Load Balancer answers every request of a load test', () => {
    const lab = createLab({ seed: 5, loadBalancerType: 'classic' })
    const r = startLoadTest(lab.snapshot(), { clients: 20, minutes: 1, requestsPerSecond: 10 }).run(Infinity)
    expect(r.targets.reduce((s, t) => s + t.requests, 0) + r.errors5xx).toBe(600)
  })
})

describe('default source addresses for crowds', () => {
  it('after the 720 documentation addresses, clients get distinct addresses from 198.18.0.0/15', () => {
    const lab = createLab({ seed: 1 })
    for (let i = 0; i < 2000; i++) lab.addClient(`c${i}`)
    const ips = lab.clients().map((c) => c.sourceIp)
    expect(new Set(ips).size).toBe(ips.length)
    expect(ips.at(-1)).toMatch(/^198\.1[89]\.\d+\.\d+$/)
  })

  it('an address a learner chose is never handed out again, even after clients leave', () => {
    const lab = createLab({ seed: 1 })
    lab.addClient('x', { sourceIp: '198.51.100.12' })
    lab.removeClient('alice')
    for (let i = 0; i < 5; i++) lab.addClient(`c${i}`)
    const ips = lab.clients().map((c) => c.sourceIp)
    expect(ips.filter((ip) => ip === '198.51.100.12')).toHaveLength(1)
    expect(new Set(ips).size).toBe(ips.length)
  })
})
