// The Network, Gateway and Classic families load beside the picture (familySlot.ts, ADR 0018): a core without them
// refuses to make a lab of those types, loudly and changing nothing; once they are installed it makes the very labs
// src/sim makes, byte for byte.
import { describe, expect, it, vi } from 'vitest'
import { createLab as createFullLab, type Lab } from './index'

/** A fresh copy of the core, as a page has it before the families' chunk has run. */
async function freshCore() {
  vi.resetModules()
  return import('./core')
}

const NOT_LOADED =
  /^The (Network|Gateway|Classic) Load Balancer has not loaded yet: .*Await window\.stickylab\.ready/

/** Throws `fn`'s error, and checks it is the families' own Error, not a refusal of the arguments. */
function familiesError(fn: () => unknown): Error {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(Error)
    expect(error).not.toBeInstanceOf(TypeError)
    expect(error).not.toBeInstanceOf(RangeError)
    expect((error as Error).message).toMatch(NOT_LOADED)
    return error as Error
  }
  throw new Error('expected the call to throw')
}

/** Every family at work: NLB flows and source-IP stickiness, a GWLB flow table, Classic policies and attributes. */
function drive(lab: Lab): void {
  lab.addClient('alice')
  lab.addClient('bob', { sourceIp: '203.0.113.10' })
  lab.setClientOptions('alice', { sourceIp: '203.0.113.10' })
  lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
  for (let i = 0; i < 3; i++) lab.request(i % 2 === 0 ? 'alice' : 'bob', { newConnection: true })
  lab.stopInstance(lab.request('alice').targetId!)
  lab.advance(400)
  lab.request('bob', { protocol: 'TCP' })
  lab.setLoadBalancerType('gateway')
  lab.modifyTargetGroupAttributes('appliances', { 'stickiness.enabled': 'true' })
  lab.request('alice', { destinationIp: '192.0.2.90', destinationPort: 8443 })
  lab.request('bob', { protocol: 'UDP' })
  lab.setLoadBalancerType('classic')
  lab.createLBCookieStickinessPolicy({ policyName: 'sticky', cookieExpirationPeriod: 60 })
  lab.setLoadBalancerPoliciesOfListener({ loadBalancerPort: 80, policyNames: ['sticky'] })
  lab.modifyClassicLoadBalancerAttributes({ ConnectionDraining: { Enabled: true, Timeout: 30 } })
  lab.deregisterInstancesFromLoadBalancer(['i-2'])
  for (let i = 0; i < 3; i++) lab.request('alice')
  lab.advance(45)
  lab.request('bob')
}

/** Everything a learner reads from a lab, as one string. */
function reading(lab: Lab): string {
  return JSON.stringify({
    snapshot: lab.snapshot(),
    metrics: lab.metrics(),
    policies: lab.describeLoadBalancerPolicies(),
    attributes: lab.describeClassicLoadBalancerAttributes(),
    health: lab.describeInstanceHealth(),
  })
}

describe('a core without the Network, Gateway and Classic families', () => {
  it('refuses to make a lab of those types, saying what has not loaded, and changes nothing', async () => {
    const core = await freshCore()
    expect(core.familiesInstalled()).toBe(false)
    familiesError(() => core.createLab({ seed: 3, loadBalancerType: 'network' }))

    const lab = core.createLab({ seed: 3 })
    lab.addClient('alice')
    lab.request('alice')
    const before = JSON.stringify(lab.snapshot())
    familiesError(() => lab.setLoadBalancerType('classic'))
    familiesError(() =>
      core.validateCommand(lab, { call: 'setLoadBalancerType', args: ['gateway'] }),
    )
    expect(JSON.stringify(lab.snapshot())).toBe(before)
    expect(lab.log().map((e) => e.call)).toEqual(['addClient', 'request'])

    // The ALB lab carries on; the Classic calls answer as on any ALB, without the Classic family.
    expect(lab.request('alice').status).toBe(200)
    expect(lab.createLBCookieStickinessPolicy({ policyName: 'p' })).toMatchObject({
      ok: false,
      code: 'LoadBalancerNotFound',
    })
    expect(lab.describeLoadBalancerPolicies()).toEqual([])
    expect(lab.describeClassicLoadBalancerAttributes()).toBeNull()

    // Labs of those types from elsewhere are refused too, before anything is built.
    const nlb = createFullLab({ seed: 3, loadBalancerType: 'network' })
    familiesError(() => core.restoreLab(nlb.snapshot()))
    familiesError(() =>
      core.startLoadTest(nlb.snapshot(), { clients: 2, minutes: 1, requestsPerSecond: 1 }),
    )
    const classic = createFullLab({ seed: 3, loadBalancerType: 'classic' })
    const error = familiesError(() => core.replayLab(3, classic.log()))
    expect(core.failedEntryIndex(error)).toBe(0)
  })

  it('makes them once the families are installed, byte for byte as src/sim does', async () => {
    const core = await freshCore()
    familiesError(() => core.createLab({ seed: 5, loadBalancerType: 'network' }))
    await import('./families')
    expect(core.familiesInstalled()).toBe(true)

    const early = core.createLab({ seed: 5, loadBalancerType: 'network' })
    drive(early)
    const replayed = core.replayLab(5, early.log())
    const restored = core.restoreLab(
      createFullLab({ seed: 5, loadBalancerType: 'classic' }).snapshot(),
    )
    // The sentences come last here (src/sim/index.ts installs them in this copy of the core): every record is
    // re-worded, so the labs end up as src/sim's, which had both at once.
    await import('./index')

    const full = createFullLab({ seed: 5, loadBalancerType: 'network' })
    drive(full)
    expect(reading(early)).toBe(reading(full))
    expect(reading(replayed)).toBe(reading(full))
    expect(reading(restored)).toBe(reading(createFullLab({ seed: 5, loadBalancerType: 'classic' })))
    expect(early.history().every((r) => r.explanation.length > 0)).toBe(true)
  })
})
