// Algorithms and target eligibility: round robin in registration order, least outstanding
// requests with in-flight requests in virtual time, seeded weighted random, slow start ramp,
// fail-open, minimum healthy targets, cross-zone off (reference §7, §9).

import { describe, expect, it } from 'vitest'
import { createLab } from '../index'
import type { Lab } from '../model/api'

function tally(lab: Lab, n: number, client = (i: number) => 'c' + i): Record<string, number> {
  const out: Record<string, number> = {}
  for (let i = 0; i < n; i++) {
    const t = lab.request(client(i)).targetId ?? 'none'
    out[t] = (out[t] ?? 0) + 1
  }
  return out
}

describe('round robin', () => {
  it('walks the healthy targets in registration order, per request (even for one client)', () => {
    const lab = createLab()
    expect([0, 1, 2, 3, 4, 5].map(() => lab.request('alice').targetId)).toEqual([
      'i-1',
      'i-2',
      'i-3',
      'i-1',
      'i-2',
      'i-3',
    ])
    expect(lab.request('alice')).toMatchObject({
      decision: 'round-robin',
      algorithm: 'round_robin',
      sticky: false,
    })
  })

  it('skips unhealthy targets', () => {
    const lab = createLab()
    lab.setHealthCheckFailing('i-2', true)
    lab.advance(60)
    expect([0, 1, 2, 3].map(() => lab.request('alice').targetId)).toEqual([
      'i-1',
      'i-3',
      'i-1',
      'i-3',
    ])
  })

  it('stickiness overrides the algorithm after the first pick', () => {
    const lab = createLab()
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    const a = lab.request('a').targetId
    const b = lab.request('b').targetId
    expect(a).not.toBe(b)
    for (let i = 0; i < 5; i++) {
      expect(lab.request('a').targetId).toBe(a)
      expect(lab.request('b').targetId).toBe(b)
    }
  })
})

describe('least outstanding requests', () => {
  function lorLab(): Lab {
    const lab = createLab()
    expect(
      lab.modifyTargetGroupAttributes('web', {
        'load_balancing.algorithm.type': 'least_outstanding_requests',
      }),
    ).toEqual({ ok: true })
    return lab
  }

  it('routes to the target with the fewest in-flight requests; ties go to the earliest registered', () => {
    const lab = lorLab()
    expect(lab.request('a', { durationSeconds: 10 }).targetId).toBe('i-1')
    expect(lab.request('b', { durationSeconds: 10 }).targetId).toBe('i-2')
    expect(lab.request('c', { durationSeconds: 1 }).targetId).toBe('i-3')
    const r = lab.request('d', { durationSeconds: 10 })
    expect(r).toMatchObject({
      targetId: 'i-1',
      decision: 'least-outstanding-requests',
      algorithm: 'least_outstanding_requests',
    })
    expect(r.explanation).toMatch(/least outstanding requests \(1 in flight\) picked i-1/)
    lab.advance(1) // c's request on i-3 completes
    expect(lab.instances().map((i) => i.inFlight)).toEqual([2, 1, 0])
    expect(lab.request('e').targetId).toBe('i-3')
  })

  it('a target busy with a long request gets no new ones while others are idle (round robin would)', () => {
    const lab = lorLab()
    expect(lab.request('long', { durationSeconds: 100 }).targetId).toBe('i-1')
    const counts: Record<string, number> = {}
    for (let i = 0; i < 90; i++) {
      const t = lab.request('c' + i, { durationSeconds: 0.1 }).targetId!
      counts[t] = (counts[t] ?? 0) + 1
      lab.advance(0.2)
    }
    // Each short request finishes before the next arrives, so i-2 always wins the 0-0 tie with i-3.
    expect(counts).toEqual({ 'i-2': 90 })
  })

  it('in-flight = started and not completed at the current virtual time', () => {
    const lab = lorLab()
    lab.request('a', { durationSeconds: 2 })
    expect(lab.instances()[0]!.inFlight).toBe(1)
    lab.advance(1.999)
    expect(lab.instances()[0]!.inFlight).toBe(1)
    lab.advance(0.001)
    expect(lab.instances()[0]!.inFlight).toBe(0)
  })

  it('uses the app latency (default 0.5 s) when no duration is given', () => {
    const lab = lorLab()
    expect(lab.app().latencySeconds).toBe(0.5)
    const r = lab.request('a')
    expect(r.completesAt - r.at).toBe(0.5)
    lab.configureApp({ latencySeconds: 2 })
    const r2 = lab.request('b')
    expect(r2.completesAt - r2.at).toBe(2)
  })
})

describe('weighted random', () => {
  function wrLab(seed: number): Lab {
    const lab = createLab({ seed })
    lab.modifyTargetGroupAttributes('web', { 'load_balancing.algorithm.type': 'weighted_random' })
    return lab
  }

  it('is reproducible for a seed and differs between seeds', () => {
    const seq = (seed: number) =>
      Array.from({ length: 30 }, (_, i) => wrLab(seed).request('c' + i).targetId).join()
    const run = (seed: number) => {
      const lab = wrLab(seed)
      return Array.from({ length: 30 }, (_, i) => lab.request('c' + i).targetId).join()
    }
    expect(run(5)).toBe(run(5))
    expect(run(5)).not.toBe(run(6))
    expect(seq(5)).toBeTypeOf('string')
  })

  it('spreads roughly evenly over healthy targets', () => {
    const t = tally(wrLab(3), 3000)
    for (const id of ['i-1', 'i-2', 'i-3']) {
      expect(t[id]!).toBeGreaterThan(850)
      expect(t[id]!).toBeLessThan(1150)
    }
    expect(wrLab(3).request('x').decision).toBe('weighted-random')
  })
})

describe('slow start', () => {
  it('a newly healthy target ramps up linearly; targets healthy before slow start was enabled do not', () => {
    const lab = createLab()
    expect(lab.modifyTargetGroupAttributes('web', { 'slow_start.duration_seconds': '60' })).toEqual(
      { ok: true },
    )
    expect(tally(lab, 300)).toEqual({ 'i-1': 100, 'i-2': 100, 'i-3': 100 })
    lab.registerTargets('web', ['i-4'])
    lab.advance(30) // i-4 passes its first check and enters slow start
    const start = tally(lab, 400)
    expect(start['i-4'] ?? 0).toBeLessThanOrEqual(2)
    lab.advance(30) // halfway: weight 0.5 against three weights of 1 → 1/7 of requests
    const mid = tally(lab, 700)
    expect(mid['i-4']!).toBeGreaterThanOrEqual(95)
    expect(mid['i-4']!).toBeLessThanOrEqual(105)
    expect(lab.request('x').explanation).toMatch(/weighted by slow start/)
    lab.advance(30) // slow start over
    expect(tally(lab, 400)).toEqual({ 'i-1': 100, 'i-2': 100, 'i-3': 100, 'i-4': 100 })
  })

  it('a single registration into an empty group does not enter slow start', () => {
    const lab = createLab()
    lab.createTargetGroup('solo')
    lab.modifyTargetGroupAttributes('solo', { 'slow_start.duration_seconds': '60' })
    lab.setForward({ targetGroups: [{ name: 'solo', weight: 1 }] })
    lab.registerTargets('solo', ['i-9'])
    lab.advance(30)
    expect(lab.request('a').explanation).not.toMatch(/slow start/)
  })

  it('turning slow start off ends a ramp in progress', () => {
    const lab = createLab()
    lab.modifyTargetGroupAttributes('web', { 'slow_start.duration_seconds': '900' })
    lab.registerTargets('web', ['i-4'])
    lab.advance(30)
    lab.modifyTargetGroupAttributes('web', { 'slow_start.duration_seconds': '0' })
    expect(tally(lab, 400)).toEqual({ 'i-1': 100, 'i-2': 100, 'i-3': 100, 'i-4': 100 })
  })
})

describe('fail-open and minimum healthy targets', () => {
  it('when no target is healthy the load balancer routes to all targets anyway', () => {
    const lab = createLab()
    for (const id of ['i-1', 'i-2', 'i-3']) lab.setHealthCheckFailing(id, true)
    lab.advance(60)
    const r = lab.request('a')
    expect(r).toMatchObject({ status: 200, decision: 'fail-open', failOpen: true })
    expect(r.explanation).toMatch(/fails open/)
    expect(Object.keys(tally(lab, 6)).sort()).toEqual(['i-1', 'i-2', 'i-3'])
  })

  it('during fail-open a valid sticky binding is still honoured (§17.6 convention)', () => {
    const lab = createLab()
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    const t = lab.request('a').targetId!
    for (const id of ['i-1', 'i-2', 'i-3']) lab.setHealthCheckFailing(id, true)
    lab.advance(60)
    const r = lab.request('a')
    expect(r).toMatchObject({
      decision: 'sticky-hit',
      sticky: true,
      failOpen: true,
      targetId: t,
      status: 200,
    })
    expect(r.explanation).toMatch(/fails open and honours the cookie/)
  })

  it('all instances stopped: every target is unused (Target.InvalidState), so nothing fails open → 503', () => {
    const lab = createLab()
    for (const id of ['i-1', 'i-2', 'i-3']) lab.stopInstance(id)
    lab.advance(60)
    const r = lab.request('a')
    expect(r).toMatchObject({ status: 503, decision: 'no-targets-503', failOpen: false })
  })

  it('no registered targets → 503, not counted in RequestCount', () => {
    const lab = createLab()
    lab.modifyTargetGroupAttributes('web', { 'deregistration_delay.timeout_seconds': '0' })
    lab.deregisterTargets('web', ['i-1', 'i-2', 'i-3'])
    const r = lab.request('a')
    expect(r).toMatchObject({
      status: 503,
      decision: 'no-targets-503',
      targetId: null,
      targetGroup: 'web',
    })
    expect(lab.metrics()).toMatchObject({
      RequestCount: 0,
      HTTPCode_ELB_503_Count: 1,
      HTTPCode_ELB_5XX_Count: 1,
    })
  })

  it('minimum_healthy_targets.count: below it, unhealthy targets get traffic too', () => {
    const lab = createLab()
    lab.modifyTargetGroupAttributes('web', {
      'target_group_health.unhealthy_state_routing.minimum_healthy_targets.count': '3',
    })
    lab.setHealthCheckFailing('i-3', true)
    lab.advance(60)
    expect(Object.keys(tally(lab, 6)).sort()).toEqual(['i-1', 'i-2', 'i-3'])
    expect(lab.request('z').failOpen).toBe(true)
  })

  it('minimum_healthy_targets.percentage works the same way', () => {
    const lab = createLab()
    lab.modifyTargetGroupAttributes('web', {
      'target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage': '100',
    })
    lab.setHealthCheckFailing('i-3', true)
    lab.advance(60)
    expect(lab.request('z').failOpen).toBe(true)
    lab.modifyTargetGroupAttributes('web', {
      'target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage': '50',
    })
    expect(lab.request('z').failOpen).toBe(false)
  })
})

describe('cross-zone load balancing off', () => {
  it('a load balancer node only uses targets in its own AZ; none registered there → 503', () => {
    const lab = createLab()
    expect(
      lab.modifyTargetGroupAttributes('web', { 'load_balancing.cross_zone.enabled': 'false' }),
    ).toEqual({ ok: true })
    lab.addClient('a1') // node us-east-1a
    lab.addClient('b1') // node us-east-1b
    expect(lab.clients().map((c) => c.nodeAz)).toEqual(['us-east-1a', 'us-east-1b'])
    for (let i = 0; i < 3; i++) {
      expect(lab.request('a1').targetId).toBe('i-1')
      expect(lab.request('b1').targetId).toBe('i-2')
    }
    lab.modifyTargetGroupAttributes('web', { 'deregistration_delay.timeout_seconds': '0' })
    lab.deregisterTargets('web', ['i-1'])
    const r = lab.request('a1')
    expect(r.status).toBe(503)
    expect(r.explanation).toMatch(/cross-zone load balancing is off/)
  })
})
