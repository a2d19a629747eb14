// Health checks and target states: thresholds and their timing with the defaults, reason codes,
// one passing check for new targets, draining then unused, "not in use" groups, stopped instances.

import { describe, expect, it } from 'vitest'
import { createLab } from '../index'
import type { Lab } from '../model/api'

const health = (lab: Lab, id: string, tg = 'web') =>
  lab
    .targetGroups()
    .find((g) => g.name === tg)!
    .targets.find((t) => t.id === id)?.health

describe('the default world', () => {
  it('has three healthy targets in three AZs', () => {
    const lab = createLab()
    expect(lab.now()).toBe(0)
    const web = lab.targetGroups()[0]!
    expect(web.name).toBe('web')
    expect(web.targets).toEqual([
      { id: 'i-1', az: 'us-east-1a', running: true, health: { state: 'healthy' } },
      { id: 'i-2', az: 'us-east-1b', running: true, health: { state: 'healthy' } },
      { id: 'i-3', az: 'us-east-1c', running: true, health: { state: 'healthy' } },
    ])
    expect(lab.healthEvents()).toEqual([])
  })

  it('checks every 30 s from time 0 (phase: multiples of the interval since checking began)', () => {
    const lab = createLab()
    expect(lab.secondsToNextEvent()).toBe(30)
    lab.advance(30)
    expect(lab.secondsToNextEvent()).toBe(30)
  })
})

describe('unhealthy and recovery thresholds', () => {
  it('a failing target turns unhealthy after 2 failed checks (~60 s with defaults)', () => {
    const lab = createLab()
    lab.setHealthCheckFailing('i-2', true)
    lab.advance(59)
    expect(health(lab, 'i-2')).toEqual({ state: 'healthy' })
    lab.advance(1)
    expect(health(lab, 'i-2')).toMatchObject({
      state: 'unhealthy',
      reason: 'Target.ResponseCodeMismatch',
    })
    expect(lab.healthEvents()).toEqual([
      {
        at: 60,
        targetGroup: 'web',
        targetId: 'i-2',
        from: 'healthy',
        to: 'unhealthy',
        reason: 'Target.ResponseCodeMismatch',
      },
    ])
  })

  it('recovers after 5 consecutive passing checks (~150 s)', () => {
    const lab = createLab()
    lab.setHealthCheckFailing('i-2', true)
    lab.advance(60)
    lab.setHealthCheckFailing('i-2', false)
    lab.advance(149)
    expect(health(lab, 'i-2')!.state).toBe('unhealthy')
    lab.advance(1)
    expect(health(lab, 'i-2')).toEqual({ state: 'healthy' })
  })

  it('a single failure does not reset a healthy target; one pass in between resets the count', () => {
    const lab = createLab()
    lab.setHealthCheckFailing('i-1', true)
    lab.advance(30)
    lab.setHealthCheckFailing('i-1', false)
    lab.advance(30)
    lab.setHealthCheckFailing('i-1', true)
    lab.advance(30)
    expect(health(lab, 'i-1')!.state).toBe('healthy')
    lab.advance(30)
    expect(health(lab, 'i-1')!.state).toBe('unhealthy')
  })

  it('a stopped instance is unused / Target.InvalidState at once, not a timed-out target', () => {
    const lab = createLab()
    lab.stopInstance('i-3')
    expect(health(lab, 'i-3')).toEqual({
      state: 'unused',
      reason: 'Target.InvalidState',
      description: 'Target is in the stopped or terminated state',
    })
    // Not checked while stopped: no health event beyond the move to unused.
    lab.advance(300)
    expect(health(lab, 'i-3')!.state).toBe('unused')
    expect(lab.healthEvents().filter((e) => e.targetId === 'i-3').map((e) => e.to)).toEqual([
      'unused',
    ])
    expect(lab.targetGroups()[0]!.targets[2]!.running).toBe(false)
  })

  it('connection-refused health checks report Target.FailedHealthChecks', () => {
    const lab = createLab()
    lab.setHealthCheckFailing('i-1', true, { mode: 'connection' })
    lab.advance(60)
    expect(health(lab, 'i-1')).toMatchObject({
      state: 'unhealthy',
      reason: 'Target.FailedHealthChecks',
    })
  })

  it('custom thresholds and interval change the timing', () => {
    const lab = createLab()
    expect(
      lab.modifyHealthCheck('web', {
        HealthCheckIntervalSeconds: 10,
        UnhealthyThresholdCount: 3,
        HealthyThresholdCount: 2,
      }),
    ).toEqual({ ok: true })
    lab.setHealthCheckFailing('i-1', true)
    lab.advance(29)
    expect(health(lab, 'i-1')!.state).toBe('healthy')
    lab.advance(1)
    expect(health(lab, 'i-1')!.state).toBe('unhealthy')
    lab.setHealthCheckFailing('i-1', false)
    lab.advance(20)
    expect(health(lab, 'i-1')!.state).toBe('healthy')
  })

  it('after an interval change the next check is one new interval after the last one', () => {
    const lab = createLab()
    lab.advance(12)
    lab.modifyHealthCheck('web', { HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 2 }) // last check at 0 → next at 12+5
    expect(lab.secondsToNextEvent()).toBe(5)
    lab.advance(20)
    lab.modifyHealthCheck('web', { HealthCheckIntervalSeconds: 60 }) // last check at 32 → next at 92
    expect(lab.secondsToNextEvent()).toBe(60)
  })
})

describe('registration', () => {
  it('a newly registered target is initial until ONE passing check, then healthy', () => {
    const lab = createLab()
    expect(lab.registerTargets('web', ['i-9'])).toEqual({ ok: true })
    expect(health(lab, 'i-9')).toMatchObject({
      state: 'initial',
      reason: 'Elb.RegistrationInProgress',
    })
    lab.advance(29.999)
    expect(health(lab, 'i-9')!.state).toBe('initial')
    lab.advance(0.001)
    expect(health(lab, 'i-9')).toEqual({ state: 'healthy' })
  })

  it('a new target failing its initial checks goes initial → unhealthy', () => {
    const lab = createLab()
    const id = lab.launchInstance()
    lab.setHealthCheckFailing(id, true)
    lab.registerTargets('web', [id])
    lab.advance(30)
    expect(health(lab, id)).toMatchObject({ state: 'initial', reason: 'Elb.InitialHealthChecking' })
    lab.advance(30)
    expect(health(lab, id)).toMatchObject({
      state: 'unhealthy',
      reason: 'Target.ResponseCodeMismatch',
    })
  })

  it('unknown ids launch new instances (AZs round robin); launchInstance takes an AZ', () => {
    const lab = createLab()
    lab.registerTargets('web', ['i-4', 'web-x'])
    const ts = lab.targetGroups()[0]!.targets
    expect(ts.slice(3).map((t) => [t.id, t.az])).toEqual([
      ['i-4', 'us-east-1a'],
      ['web-x', 'us-east-1b'],
    ])
    expect(lab.launchInstance()).toBe('i-5') // i-4 is taken
    expect(lab.launchInstance({ az: 'us-east-1c' })).toBe('i-6')
    expect(lab.instances().find((i) => i.id === 'i-6')!.az).toBe('us-east-1c')
    expect(() => lab.launchInstance({ az: 'eu-west-1a' })).toThrow(RangeError)
  })

  it('registering is idempotent; bad input is rejected', () => {
    const lab = createLab()
    expect(lab.registerTargets('web', ['i-1'])).toEqual({ ok: true })
    expect(health(lab, 'i-1')).toEqual({ state: 'healthy' })
    expect(lab.registerTargets('nope', ['i-1'])).toMatchObject({
      ok: false,
      code: 'TargetGroupNotFound',
      message: 'The specified target group does not exist.',
    })
    expect(lab.registerTargets('web', [])).toMatchObject({ ok: false, code: 'ValidationError' })
    expect(lab.registerTargets('web', ['bad id'])).toMatchObject({
      ok: false,
      code: 'ValidationError',
    })
  })

  it('registering a stopped instance: unused / Target.InvalidState until it starts', () => {
    const lab = createLab()
    const id = lab.launchInstance()
    lab.stopInstance(id)
    lab.registerTargets('web', [id])
    expect(health(lab, id)).toMatchObject({
      state: 'unused',
      reason: 'Target.InvalidState',
      description: 'Target is in the stopped or terminated state',
    })
    lab.advance(100)
    expect(health(lab, id)!.state).toBe('unused')
    lab.startInstance(id)
    expect(health(lab, id)).toMatchObject({ state: 'initial' })
    lab.advance(30)
    expect(health(lab, id)).toEqual({ state: 'healthy' })
  })

  it('targets of a group the listener does not use are unused / Target.NotInUse and not checked', () => {
    const lab = createLab()
    lab.createTargetGroup('green', { targets: 2 })
    const g = () => lab.targetGroups().find((t) => t.name === 'green')!
    expect(g().targets.map((t) => t.health)).toEqual([
      {
        state: 'unused',
        reason: 'Target.NotInUse',
        description: 'Target group is not configured to receive traffic from the load balancer',
      },
      {
        state: 'unused',
        reason: 'Target.NotInUse',
        description: 'Target group is not configured to receive traffic from the load balancer',
      },
    ])
    lab.advance(100)
    expect(g().targets[0]!.health.state).toBe('unused')
    lab.setForward({ targetGroups: [{ name: 'green', weight: 1 }] })
    expect(g().targets[0]!.health).toMatchObject({
      state: 'initial',
      reason: 'Elb.RegistrationInProgress',
    })
    expect(lab.targetGroups()[0]!.targets[0]!.health).toMatchObject({
      state: 'unused',
      reason: 'Target.NotInUse',
    })
    lab.advance(30)
    expect(g().targets.map((t) => t.health.state)).toEqual(['healthy', 'healthy'])
  })
})

describe('deregistration and draining', () => {
  it('draining for the deregistration delay (default 300 s), then unused / Target.NotRegistered', () => {
    const lab = createLab()
    expect(lab.deregisterTargets('web', ['i-2'])).toEqual({ ok: true })
    expect(health(lab, 'i-2')).toMatchObject({
      state: 'draining',
      reason: 'Target.DeregistrationInProgress',
    })
    lab.advance(299)
    expect(health(lab, 'i-2')!.state).toBe('draining')
    lab.advance(1)
    expect(health(lab, 'i-2')).toMatchObject({ state: 'unused', reason: 'Target.NotRegistered' })
    expect(lab.healthEvents().map((e) => [e.at, e.from, e.to])).toEqual([
      [0, 'healthy', 'draining'],
      [300, 'draining', 'unused'],
    ])
  })

  it('a custom delay applies to later deregistrations; 0 completes at once', () => {
    const lab = createLab()
    lab.modifyTargetGroupAttributes('web', { 'deregistration_delay.timeout_seconds': '10' })
    lab.deregisterTargets('web', ['i-1'])
    lab.advance(10)
    expect(health(lab, 'i-1')!.state).toBe('unused')
    lab.modifyTargetGroupAttributes('web', { 'deregistration_delay.timeout_seconds': '0' })
    lab.deregisterTargets('web', ['i-2'])
    expect(health(lab, 'i-2')!.state).toBe('unused')
  })

  it('draining targets get no new requests', () => {
    const lab = createLab()
    lab.deregisterTargets('web', ['i-1'])
    for (let i = 0; i < 9; i++) expect(lab.request('c' + i).targetId).not.toBe('i-1')
  })

  it('deregistering an unknown or unregistered id succeeds and changes nothing', () => {
    const lab = createLab()
    expect(lab.deregisterTargets('web', ['i-77'])).toEqual({ ok: true })
    expect(lab.deregisterTargets('nope', ['i-1'])).toMatchObject({
      ok: false,
      code: 'TargetGroupNotFound',
    })
  })

  it('re-registering a deregistered target starts over (initial) at the end of the order', () => {
    const lab = createLab()
    lab.deregisterTargets('web', ['i-1'])
    lab.registerTargets('web', ['i-1'])
    const ts = lab.targetGroups()[0]!.targets
    expect(ts.map((t) => t.id)).toEqual(['i-2', 'i-3', 'i-1'])
    expect(ts[2]!.health.state).toBe('initial')
  })

  it('describeTargetHealth mirrors the states with reasons', () => {
    const lab = createLab()
    lab.deregisterTargets('web', ['i-3'])
    expect(lab.describeTargetHealth('web')).toEqual([
      { targetId: 'i-1', az: 'us-east-1a', state: 'healthy' },
      { targetId: 'i-2', az: 'us-east-1b', state: 'healthy' },
      {
        targetId: 'i-3',
        az: 'us-east-1c',
        state: 'draining',
        reason: 'Target.DeregistrationInProgress',
        description: 'Target deregistration is in progress',
      },
    ])
    expect(lab.describeTargetHealth('nope')).toBeNull()
  })
})

describe('stopped instances (EC2 stop, not a crash)', () => {
  it('a stopped target gets no traffic: round robin skips it, no 502, no health-check window', () => {
    const lab = createLab()
    lab.stopInstance('i-2')
    const served = [0, 1, 2, 3].map((i) => lab.request('c' + i))
    expect(served.map((r) => r.status)).toEqual([200, 200, 200, 200])
    expect(served.map((r) => r.targetId)).toEqual(['i-1', 'i-3', 'i-1', 'i-3'])
    expect(lab.metrics()).toMatchObject({ HTTPCode_ELB_502_Count: 0, TargetConnectionErrorCount: 0 })
  })

  it('all instances stopped: no target can take traffic, so the load balancer answers 503', () => {
    const lab = createLab()
    for (const id of ['i-1', 'i-2', 'i-3']) lab.stopInstance(id)
    expect(lab.request('a')).toMatchObject({ status: 503, decision: 'no-targets-503' })
  })

  it('starting it again goes through the initial health check (one pass), as a new registration does', () => {
    const lab = createLab()
    lab.stopInstance('i-2')
    lab.advance(60)
    lab.startInstance('i-2')
    expect(health(lab, 'i-2')).toMatchObject({ state: 'initial', reason: 'Elb.RegistrationInProgress' })
    // While initial it gets no traffic (other targets are healthy).
    expect([0, 1, 2].map((i) => lab.request('s' + i).targetId)).not.toContain('i-2')
    lab.advance(30)
    expect(health(lab, 'i-2')).toEqual({ state: 'healthy' })
    expect(lab.healthEvents().filter((e) => e.targetId === 'i-2').map((e) => e.to)).toEqual([
      'unused',
      'initial',
      'healthy',
    ])
  })

  it('a hung application (mode unresponsive) is a crash: 502s and Target.Timeout until the checks notice', () => {
    const lab = createLab()
    lab.setHealthCheckFailing('i-2', true, { mode: 'unresponsive' })
    const statuses = [0, 1, 2].map((i) => lab.request('c' + i).status)
    expect(statuses).toEqual([200, 502, 200])
    lab.advance(60)
    expect(health(lab, 'i-2')).toMatchObject({ state: 'unhealthy', reason: 'Target.Timeout' })
    for (let i = 0; i < 6; i++) expect(lab.request('d' + i).status).toBe(200)
    expect(lab.metrics()).toMatchObject({ HTTPCode_ELB_502_Count: 1, TargetConnectionErrorCount: 1 })
  })

  it('failing health checks is the crash-like failure: the target keeps serving until it is unhealthy', () => {
    const lab = createLab()
    lab.setHealthCheckFailing('i-2', true)
    expect(health(lab, 'i-2')).toEqual({ state: 'healthy' })
    expect([0, 1, 2].map((i) => lab.request('c' + i).targetId)).toContain('i-2')
    lab.advance(60)
    expect(health(lab, 'i-2')).toMatchObject({ state: 'unhealthy' })
  })
})
