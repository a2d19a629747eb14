// Switching load balancer types: each type's default world, what is kept (clients, source IPs,
// jars, instances and their registrations) and what is replaced (listener, groups, policies,
// flows, metrics), and that the switch is logged and replayable.

import { describe, expect, it } from 'vitest'
import { createLab, LOAD_BALANCER_TYPES, replayLab, restoreLab } from '../index'

describe('setLoadBalancerType', () => {
  it('the application default is unchanged and needs no log entry', () => {
    const a = createLab({ seed: 5 })
    const b = createLab({ seed: 5, loadBalancerType: 'application' })
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()))
    expect(a.loadBalancerType()).toBe('application')
    expect(a.log()).toEqual([])
    expect(a.listener()).toMatchObject({ protocol: 'HTTPS', port: 443 })
    expect(() => createLab({ loadBalancerType: 'elastic' as never })).toThrow(TypeError)
  })

  it('keeps clients (options, source IPs, jars) and instances; replaces the load balancer', () => {
    const lab = createLab({ seed: 2 })
    lab.addClient('a', { userAgent: 'other', sourceIp: '203.0.113.7' })
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    lab.request('a')
    const jar = lab.cookies('a')
    lab.launchInstance()
    lab.registerTargets('web', ['i-4'])
    lab.setLoadBalancerType('network')
    expect(lab.clients()).toEqual([
      {
        id: 'a',
        kind: 'browser',
        cookiesEnabled: true,
        userAgent: 'other',
        nodeAz: 'us-east-1a',
        sourceIp: '203.0.113.7',
      },
    ])
    expect(lab.cookies('a')).toEqual(jar)
    expect(lab.targetGroups().map((g) => [g.name, g.protocol, g.targets.map((t) => t.id)])).toEqual(
      [['web', 'TCP', ['i-1', 'i-2', 'i-3', 'i-4']]],
    )
    // i-4 was still initial under the ALB; it is healthy at once only if it would pass: it would.
    expect(lab.targetGroups()[0]!.targets.every((t) => t.health.state === 'healthy')).toBe(true)
    expect(lab.metrics()).toMatchObject({ NewFlowCount: 0, 'RequestCountPerTarget:i-1': 0 })
    expect(lab.metrics().RequestCount).toBeUndefined()
    // Cookies of the old load balancer are simply foreign now: they are sent and ignored.
    expect(lab.request('a').requestCookieHeader).toContain('AWSALB=')
  })

  it('back to application: a fresh default ALB on the same instances, old AWSALB values are foreign', () => {
    const lab = createLab({ seed: 3 })
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    lab.request('a')
    lab.setLoadBalancerType('classic')
    lab.setLoadBalancerType('application')
    expect(lab.targetGroups()[0]!.attributes['stickiness.enabled']).toBe('false')
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    expect(lab.request('a').decision).toBe('sticky-miss-foreign-target')
  })

  it('stopped instances are re-registered through the usual states; WebSockets and flows end', () => {
    const lab = createLab({ seed: 4 })
    lab.openWebSocket('a')
    lab.stopInstance('i-3')
    lab.setLoadBalancerType('gateway')
    expect(lab.webSockets()).toEqual([])
    expect(lab.targetGroups()[0]!.targets.map((t) => t.health)).toEqual([
      { state: 'healthy' },
      { state: 'healthy' },
      expect.objectContaining({ state: 'unused', reason: 'Target.InvalidState' }),
    ])
    lab.request('a')
    expect(lab.flows()).toHaveLength(1)
    lab.setLoadBalancerType('network')
    expect(lab.flows()).toEqual([])
    expect(() => lab.openWebSocket('a')).toThrow(TypeError)
  })

  it('every type round-trips through snapshot/restore and replay', () => {
    for (const type of LOAD_BALANCER_TYPES) {
      const lab = createLab({ seed: 6, loadBalancerType: type })
      lab.addClient('a', { sourceIp: '203.0.113.9' })
      lab.addClient('b', { sourceIp: '203.0.113.9' })
      for (let i = 0; i < 5; i++) {
        lab.request(i % 2 ? 'a' : 'b')
        lab.advance(31)
      }
      const json = JSON.stringify(lab.snapshot())
      expect(JSON.stringify(restoreLab(lab.snapshot()).snapshot())).toBe(json)
      expect(JSON.stringify(replayLab(6, lab.log()).snapshot())).toBe(json)
    }
  })

  it('restores snapshots taken before load balancer types existed', () => {
    const old = createLab({ seed: 1 })
    old.addClient('a')
    old.addClient('b')
    const world = old.snapshot() as unknown as Record<string, unknown>
    for (const k of ['loadBalancerType', 'loadBalancerAttributes', 'classic', 'flowMetrics'])
      delete world[k]
    const counters = world.counters as Record<string, unknown>
    delete counters.sourceIp
    delete counters.sourcePort
    const clients = world.clients as Record<string, Record<string, unknown>>
    for (const c of Object.values(clients)) {
      delete c.sourceIp
      delete c.flows
    }
    const lab = restoreLab(world as never)
    expect(lab.loadBalancerType()).toBe('application')
    expect(lab.clients().map((c) => c.sourceIp)).toEqual(['198.51.100.10', '198.51.100.11'])
    expect(lab.request('a').status).toBe(200)
  })

  it('modifyLoadBalancerAttributes: cross-zone switchable on NLB and GWLB, always on for the ALB', () => {
    const lab = createLab({ loadBalancerType: 'network' })
    expect(
      lab.modifyLoadBalancerAttributes({ 'load_balancing.cross_zone.enabled': 'yes' }),
    ).toMatchObject({
      ok: false,
      code: 'ValidationError',
    })
    // idle_timeout.timeout_seconds is an ALB attribute; the NLB's TCP idle timeout is a listener attribute.
    expect(
      lab.modifyLoadBalancerAttributes({ 'idle_timeout.timeout_seconds': '60' }),
    ).toMatchObject({
      ok: false,
      message: 'The provided load balancer attribute is not supported',
    })
    expect(
      lab.modifyLoadBalancerAttributes({ 'load_balancing.cross_zone.enabled': 'true' }),
    ).toEqual({ ok: true })
    expect(lab.loadBalancerAttributes()).toMatchObject({
      'load_balancing.cross_zone.enabled': 'true',
    })
    lab.setLoadBalancerType('application')
    expect(lab.loadBalancerAttributes()).toMatchObject({
      'load_balancing.cross_zone.enabled': 'true',
      'idle_timeout.timeout_seconds': '60',
    })
    expect(
      lab.modifyLoadBalancerAttributes({ 'load_balancing.cross_zone.enabled': 'false' }),
    ).toMatchObject({ ok: false, code: 'InvalidConfigurationRequest' })
    lab.setLoadBalancerType('classic')
    expect(lab.loadBalancerAttributes()).toEqual({})
  })
})
