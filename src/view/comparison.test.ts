// "Compare ALB and NLB" computed in two pure labs: what the learner must see on each side.
import { describe, expect, it } from 'vitest'
import { runComparison } from './comparison'

const OFFICE = ['bob', 'carol', 'dave']

describe('runComparison', () => {
  const result = runComparison()

  it('is deterministic', () => {
    expect(runComparison()).toEqual(result)
  })

  it('ALB: each browser has its own cookie, so the office NAT is spread over the instances', () => {
    const { alb } = result
    expect(alb.officeTargets).toBeGreaterThan(1)
    const counts = alb.before.map((c) => c.requests)
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(3)
    // Only the browsers bound to the stopped instance moved.
    for (const c of alb.clients) {
      if (c.before === alb.stopped) expect(c.after).not.toBe(alb.stopped)
      else expect(c.after).toBe(c.before)
    }
  })

  it('NLB: the three browsers behind one NAT share one target (uneven), and move together after the reset', () => {
    const { nlb } = result
    expect(nlb.officeTargets).toBe(1)
    const office = nlb.clients.filter((c) => OFFICE.includes(c.id))
    expect(new Set(office.map((c) => c.before)).size).toBe(1)
    expect(office[0]!.before).toBe(nlb.stopped)
    expect(new Set(office.map((c) => c.after)).size).toBe(1)
    expect(office[0]!.after).not.toBe(nlb.stopped)
    expect(Math.max(...nlb.before.map((c) => c.requests))).toBeGreaterThanOrEqual(9)
    expect(office.every((c) => c.behindNat)).toBe(true)
    expect(office[0]!.outcome).toMatch(/sticky table reset/)
  })

  it('after the failure neither load balancer sends a request to the stopped instance', () => {
    for (const side of [result.alb, result.nlb]) {
      expect(side.after.find((c) => c.targetId === side.stopped)?.requests).toBe(0)
      expect(side.after.reduce((n, c) => n + c.requests, 0)).toBe(12)
    }
  })
})
