// Network Load Balancer rules (reference §12, §13): the default world, protocol and stickiness
// validation with AWS's messages, per-connection flow hashing, source_ip stickiness shared by a
// NAT group and reset on health/registration changes, idle timeouts and cross-zone behaviour.

import { describe, expect, it } from 'vitest'
import { createLab, replayLab } from '../index'
import type { Lab } from '../index'

function nlb(seed = 1, crossZone = true): Lab {
  const lab = createLab({ seed, loadBalancerType: 'network' })
  if (crossZone) lab.modifyLoadBalancerAttributes({ 'load_balancing.cross_zone.enabled': 'true' })
  return lab
}

describe('NLB default world', () => {
  it('a TCP:80 listener forwarding to TCP target group web with i-1..i-3 in three AZs and AWS NLB attributes', () => {
    const lab = createLab({ loadBalancerType: 'network' })
    expect(lab.loadBalancerType()).toBe('network')
    expect(lab.listener()).toMatchObject({
      protocol: 'TCP',
      port: 80,
      forward: { targetGroups: [{ name: 'web', weight: 1 }] },
    })
    const [web] = lab.targetGroups()
    expect(web).toMatchObject({ name: 'web', protocol: 'TCP', port: 80, inUse: true })
    expect(web!.attributes).toMatchObject({
      'stickiness.enabled': 'false',
      'stickiness.type': 'source_ip',
      'deregistration_delay.timeout_seconds': '300',
      'preserve_client_ip.enabled': 'true',
    })
    expect(web!.targets.map((t) => [t.id, t.az, t.health.state])).toEqual([
      ['i-1', 'us-east-1a', 'healthy'],
      ['i-2', 'us-east-1b', 'healthy'],
      ['i-3', 'us-east-1c', 'healthy'],
    ])
    expect(lab.healthCheck('web')).toMatchObject({ HealthCheckProtocol: 'TCP' })
    expect(lab.loadBalancerAttributes()).toMatchObject({
      'load_balancing.cross_zone.enabled': 'false',
    })
    expect(lab.log()).toEqual([{ at: 0, call: 'setLoadBalancerType', args: ['network'] }])
  })

  it('records carry the flow tuple and only the application cookie (the NLB sets none)', () => {
    const lab = nlb()
    lab.addClient('a')
    const r = lab.request('a')
    expect(r.status).toBe(200)
    expect(r.decision).toBe('flow-hash')
    expect(r.flow).toEqual({
      protocol: 'TCP',
      sourceIp: '198.51.100.10',
      sourcePort: 49152,
      destinationIp: '192.0.2.11',
      destinationPort: 80,
    })
    expect(r.setCookie).toEqual([expect.stringMatching(/^SESSIONID=sess-1; Path=\/; HttpOnly$/)])
    expect(lab.cookies('a').map((c) => c.name)).toEqual(['SESSIONID'])
    lab.configureApp({ sessionCookie: null })
    expect(lab.request('a', { newConnection: true }).setCookie).toEqual([])
  })
})

describe('NLB protocol and stickiness validation (reference §12)', () => {
  it('createTargetGroup accepts TCP, UDP, TCP_UDP and TLS only', () => {
    const lab = nlb()
    for (const p of ['TCP', 'UDP', 'TCP_UDP', 'TLS'] as const)
      expect(
        lab.createTargetGroup(`g-${p.toLowerCase().replace('_', '')}`, { protocol: p }),
      ).toEqual({ ok: true })
    expect(lab.createTargetGroup('h', { protocol: 'HTTP' })).toEqual({
      ok: false,
      code: 'ValidationError',
      message:
        "Target group protocol 'HTTP' is not supported here: a Network Load Balancer target group uses TCP, UDP, TCP_UDP or TLS",
      field: 'Protocol',
    })
    expect(lab.targetGroups().find((g) => g.name === 'g-tls')!.port).toBe(443)
  })

  it('lb_cookie is rejected on TCP/UDP/TCP_UDP even with stickiness disabled', () => {
    const lab = nlb()
    lab.createTargetGroup('u', { protocol: 'UDP' })
    lab.createTargetGroup('tu', { protocol: 'TCP_UDP' })
    for (const [tg, p] of [
      ['web', 'TCP'],
      ['u', 'UDP'],
      ['tu', 'TCP_UDP'],
    ] as const) {
      expect(
        lab.modifyTargetGroupAttributes(tg, {
          'stickiness.enabled': 'false',
          'stickiness.type': 'lb_cookie',
        }),
      ).toEqual({
        ok: false,
        code: 'InvalidConfigurationRequest',
        message: `Stickiness type 'lb_cookie' is not supported for target groups with the ${p} protocol`,
        field: 'stickiness.type',
      })
    }
    expect(
      lab.modifyTargetGroupAttributes('web', { 'stickiness.type': 'app_cookie' }),
    ).toMatchObject({
      message:
        "Stickiness type 'app_cookie' is not supported for target groups with the TCP protocol",
      field: 'stickiness.type',
    })
    expect(lab.targetGroups()[0]!.attributes['stickiness.type']).toBe('source_ip')
  })

  it('source_ip is rejected on HTTP/HTTPS target groups (ALB)', () => {
    const lab = createLab()
    lab.createTargetGroup('s', { protocol: 'HTTPS' })
    expect(lab.modifyTargetGroupAttributes('web', { 'stickiness.type': 'source_ip' })).toEqual({
      ok: false,
      code: 'InvalidConfigurationRequest',
      message:
        "Stickiness type 'source_ip' is not supported for target groups with the HTTP protocol",
      field: 'stickiness.type',
    })
    expect(lab.modifyTargetGroupAttributes('s', { 'stickiness.type': 'source_ip' })).toMatchObject({
      message:
        "Stickiness type 'source_ip' is not supported for target groups with the HTTPS protocol",
    })
  })

  it('any stickiness on a TLS target group is rejected; unsupported attributes too (all or nothing)', () => {
    const lab = nlb()
    lab.createTargetGroup('tls', { protocol: 'TLS' })
    expect(lab.modifyTargetGroupAttributes('tls', { 'stickiness.enabled': 'true' })).toEqual({
      ok: false,
      code: 'InvalidConfigurationRequest',
      message: 'You cannot enable stickiness on target groups with the TLS protocol',
      field: 'stickiness.enabled',
    })
    expect(
      lab.modifyTargetGroupAttributes('web', {
        'stickiness.enabled': 'true',
        'stickiness.lb_cookie.duration_seconds': '60',
      }),
    ).toEqual({
      ok: false,
      code: 'InvalidConfigurationRequest',
      message: 'The provided target group attribute is not supported',
      field: 'stickiness.lb_cookie.duration_seconds',
    })
    expect(lab.targetGroups()[0]!.attributes['stickiness.enabled']).toBe('false')
    expect(lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })).toEqual({
      ok: true,
    })
  })

  it('an NLB listener forwards to exactly one group and takes its protocol and port', () => {
    const lab = nlb()
    lab.createTargetGroup('dns', { protocol: 'UDP', targets: 1 })
    expect(
      lab.setForward({
        targetGroups: [
          { name: 'web', weight: 1 },
          { name: 'dns', weight: 1 },
        ],
      }),
    ).toMatchObject({
      ok: false,
      message: 'A Network or Gateway Load Balancer listener forwards to exactly one target group',
    })
    expect(lab.setForward({ targetGroups: [{ name: 'dns', weight: 1 }] })).toEqual({ ok: true })
    expect(lab.listener()).toMatchObject({ protocol: 'UDP', port: 80 })
    expect(() => lab.request('a', { protocol: 'TCP' })).toThrow(
      'protocol must be UDP on a UDP listener',
    )
    expect(() => lab.setListenerProtocol('HTTP')).toThrow(TypeError)
  })
})

describe('NLB flows', () => {
  it('a client keeps its TCP connection (same source port, same target) until it opens a new one', () => {
    const lab = nlb(3)
    lab.addClient('a')
    const first = lab.request('a')
    for (let i = 0; i < 5; i++) {
      const r = lab.request('a')
      expect(r).toMatchObject({ decision: 'existing-flow', targetId: first.targetId })
      expect(r.flow!.sourcePort).toBe(first.flow!.sourcePort)
    }
    // New connections get new source ports and are hashed again (with the sequence number): they spread.
    const targets = new Set<string>()
    for (let i = 0; i < 30; i++) {
      const r = lab.request('a', { newConnection: true })
      expect(r.decision).toBe('flow-hash')
      targets.add(r.targetId!)
    }
    expect(targets.size).toBe(3)
    expect(lab.metrics().NewFlowCount).toBe(31)
  })

  it('closeConnection ends the flow; the TCP flow idles out after 350 s and a UDP flow after 120 s', () => {
    const lab = nlb()
    lab.addClient('a')
    const port = lab.request('a').flow!.sourcePort
    lab.closeConnection('a')
    expect(lab.flows()).toEqual([])
    const second = lab.request('a')
    expect(second.decision).toBe('flow-hash')
    expect(second.flow!.sourcePort).toBe(port + 1)
    lab.advance(350)
    expect(lab.request('a').decision).toBe('existing-flow') // idle exactly 350 s: still open
    lab.advance(350.001)
    expect(lab.flows()).toEqual([])
    expect(lab.request('a').decision).toBe('flow-hash')

    lab.createTargetGroup('both', { protocol: 'TCP_UDP', targets: 0 })
    lab.registerTargets('both', ['i-1'])
    lab.advance(30)
    lab.setForward({ targetGroups: [{ name: 'both', weight: 1 }] })
    lab.advance(30)
    const u = lab.request('a', { protocol: 'UDP' })
    expect(u).toMatchObject({ status: 200, setCookie: [], flow: { protocol: 'UDP' } })
    expect(u.session).toBeUndefined()
    lab.advance(120)
    expect(lab.request('a', { protocol: 'UDP' }).decision).toBe('existing-flow')
    lab.advance(120.5)
    expect(lab.request('a', { protocol: 'UDP' }).decision).toBe('flow-hash')
    expect(lab.metrics()).toMatchObject({ NewFlowCount_UDP: 2 })
  })

  it('an idle timeout is a scheduled event: secondsToNextEvent stops there and the flow is gone after it', () => {
    const lab = nlb()
    lab.configureApp({ latencySeconds: 0 })
    lab.request('a')
    lab.advance(340)
    // Health checks every 30 s come first; the flow's timeout is the first ms after 350 s.
    expect(lab.secondsToNextEvent()).toBe(10.001)
    const before = lab.changeCount()
    lab.advance(10.001)
    expect(lab.changeCount()).toBeGreaterThan(before)
    expect(lab.flows()).toEqual([])
    expect(lab.snapshot().clients['a']!.flows).toEqual([])
  })

  it('a flow to a target that turns unhealthy ends; one to a draining target continues', () => {
    const lab = nlb(5)
    lab.addClient('a')
    const t = lab.request('a').targetId!
    lab.deregisterTargets('web', [t])
    expect(lab.request('a')).toMatchObject({ decision: 'existing-flow', targetId: t })
    const lab2 = nlb(5)
    lab2.addClient('a')
    const t2 = lab2.request('a').targetId!
    lab2.setHealthCheckFailing(t2, true)
    lab2.advance(60)
    const r = lab2.request('a')
    expect(r.targetId).not.toBe(t2)
    expect(r.explanation).toContain(
      `flow to ${t2} ended (${t2} became unhealthy and the NLB closes connections to unhealthy targets)`,
    )
  })

  it('a stopped target is unused (Target.InvalidState): its flow ends and the next one goes elsewhere', () => {
    const lab = nlb(2)
    lab.addClient('a')
    const t = lab.request('a').targetId!
    lab.stopInstance(t)
    const r = lab.request('a')
    expect(r.status).toBe(200)
    expect(r.targetId).not.toBe(t)
    expect(r.explanation).toContain('stopped')
    expect(lab.flows().map((f) => f.targetId)).toEqual([r.targetId])
  })

  it('cross-zone off (the NLB default): a node uses only its AZ; a node with no healthy target leaves DNS', () => {
    const lab = nlb(1, false)
    lab.addClient('a') // node us-east-1a
    for (let i = 0; i < 5; i++)
      expect(lab.request('a', { newConnection: true }).targetId).toBe('i-1')
    lab.stopInstance('i-1')
    lab.advance(60)
    const r = lab.request('a', { newConnection: true })
    expect(r.targetId).toBe('i-2')
    expect(r.flow!.destinationIp).toBe('192.0.2.12')
    expect(r.explanation).toContain('us-east-1a node has no healthy target and left DNS')
  })
})

describe('NLB source_ip stickiness and NAT groups', () => {
  it('clients behind one NAT share a source IP and therefore a target; natGroups() shows them', () => {
    const lab = nlb(4)
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    for (const c of ['a', 'b', 'c']) lab.addClient(c, { sourceIp: '203.0.113.5' })
    lab.addClient('d')
    expect(lab.natGroups()).toEqual([
      { sourceIp: '203.0.113.5', clients: ['a', 'b', 'c'] },
      { sourceIp: '198.51.100.10', clients: ['d'] },
    ])
    const first = lab.request('a')
    expect(first.decision).toBe('source-ip-sticky-new')
    for (let i = 0; i < 4; i++)
      for (const c of ['a', 'b', 'c']) {
        const r = lab.request(c, { newConnection: true })
        expect(r).toMatchObject({
          decision: 'source-ip-sticky-hit',
          sticky: true,
          targetId: first.targetId,
        })
      }
    expect(lab.request('b', { newConnection: true }).explanation).toContain(
      '203.0.113.5 (shared by a, b, c behind that address)',
    )
    expect(lab.sourceIpStickiness()).toEqual([
      { targetGroup: 'web', sourceIp: '203.0.113.5', targetId: first.targetId, createdAt: 0 },
    ])
    // Moving a client out of the NAT gives it its own binding.
    lab.setClientOptions('c', { sourceIp: '198.51.100.99' })
    expect(lab.natGroups().map((g) => g.clients)).toEqual([['a', 'b'], ['c'], ['d']])
    expect(lab.request('c').decision).toBe('source-ip-sticky-new')
  })

  it('the sticky table resets when any target changes health or registration', () => {
    const lab = nlb(4)
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    lab.addClient('a', { sourceIp: '203.0.113.5' })
    const bound = lab.request('a').targetId!
    const other = ['i-1', 'i-2', 'i-3'].find((t) => t !== bound)!
    lab.setHealthCheckFailing(other, true) // not the bound target
    lab.advance(60)
    const r = lab.request('a', { newConnection: true })
    expect(r.decision).toBe('source-ip-sticky-reset')
    expect(r.explanation).toContain(
      `the sticky table was reset at 60 s (${other} went from healthy to unhealthy)`,
    )
    expect(lab.request('a', { newConnection: true }).decision).toBe('source-ip-sticky-hit')
    lab.registerTargets('web', ['i-9'])
    expect(lab.sourceIpStickiness()).toEqual([])
    expect(lab.request('a', { newConnection: true }).decision).toBe('source-ip-sticky-reset')
  })

  it('sourceIp is validated as IPv4 and defaults are unique documentation addresses in order', () => {
    const lab = nlb()
    expect(() => lab.addClient('x', { sourceIp: '300.1.1.1' })).toThrow(/not an IPv4 address/)
    expect(() => lab.addClient('x', { sourceIp: '01.2.3.4' })).toThrow(TypeError)
    expect(lab.clients()).toEqual([])
    lab.addClient('a', { sourceIp: '198.51.100.11' })
    lab.addClient('b')
    lab.addClient('c')
    expect(lab.clients().map((c) => c.sourceIp)).toEqual([
      '198.51.100.11',
      '198.51.100.10',
      '198.51.100.12',
    ])
  })

  it('is deterministic and replayable', () => {
    const run = (): Lab => {
      const lab = nlb(9)
      lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
      for (const c of ['a', 'b']) lab.addClient(c, { sourceIp: '203.0.113.5' })
      for (let i = 0; i < 10; i++) {
        lab.request(i % 2 ? 'a' : 'b', { newConnection: i % 3 === 0 })
        lab.advance(17)
      }
      lab.stopInstance('i-2')
      lab.advance(100)
      lab.request('a')
      lab.closeConnection('b')
      return lab
    }
    const a = run()
    const json = JSON.stringify(a.snapshot())
    expect(JSON.stringify(run().snapshot())).toBe(json)
    expect(JSON.stringify(replayLab(9, a.log()).snapshot())).toBe(json)
  })
})
