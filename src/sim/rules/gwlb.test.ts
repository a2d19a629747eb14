// Gateway Load Balancer rules (reference §14): GENEVE target groups, 5-tuple flow stickiness by
// default (3-tuple for ICMP), the 3-tuple and 2-tuple stickiness types, and target failover.

import { describe, expect, it } from 'vitest'
import { createLab, replayLab } from '../index'
import type { Lab } from '../index'

function gwlb(seed = 1): Lab {
  const lab = createLab({ seed, loadBalancerType: 'gateway' })
  lab.modifyLoadBalancerAttributes({ 'load_balancing.cross_zone.enabled': 'true' })
  lab.addClient('a')
  return lab
}

/** Distinct appliances over `n` new TCP connections from one client to one destination. */
function spread(lab: Lab, n: number): Set<string> {
  const seen = new Set<string>()
  for (let i = 0; i < n; i++) seen.add(lab.request('a', { newConnection: true }).targetId!)
  return seen
}

describe('GWLB default world and validation', () => {
  it('a GENEVE:6081 target group appliances with three appliances and GWLB attributes', () => {
    const lab = gwlb()
    expect(lab.listener()).toMatchObject({ protocol: 'GENEVE', port: 6081 })
    const [tg] = lab.targetGroups()
    expect(tg).toMatchObject({ name: 'appliances', protocol: 'GENEVE', port: 6081 })
    expect(tg!.attributes).toEqual({
      'stickiness.enabled': 'false',
      'stickiness.type': 'source_ip_dest_ip_proto',
      'deregistration_delay.timeout_seconds': '300',
      'target_failover.on_deregistration': 'no_rebalance',
      'target_failover.on_unhealthy': 'no_rebalance',
    })
    expect(tg!.targets.map((t) => t.id)).toEqual(['i-1', 'i-2', 'i-3'])
    expect(lab.createTargetGroup('x', { protocol: 'TCP' })).toMatchObject({
      ok: false,
      message:
        "Target group protocol 'TCP' is not supported here: a Gateway Load Balancer target group uses GENEVE",
      field: 'Protocol',
    })
  })

  it("rejects non-GWLB stickiness types with moto's message, even with stickiness disabled", () => {
    const lab = gwlb()
    for (const t of ['source_ip', 'lb_cookie', 'five_tuple'])
      expect(lab.modifyTargetGroupAttributes('appliances', { 'stickiness.type': t })).toEqual({
        ok: false,
        code: 'ValidationError',
        message: `'${t}' must be one of [source_ip_dest_ip_proto, source_ip_dest_ip]`,
        field: 'stickiness.type',
      })
  })

  it('target_failover.on_deregistration and on_unhealthy must be equal', () => {
    const lab = gwlb()
    expect(
      lab.modifyTargetGroupAttributes('appliances', {
        'target_failover.on_unhealthy': 'rebalance',
      }),
    ).toEqual({
      ok: false,
      code: 'InvalidConfigurationRequest',
      message:
        "'target_failover.on_deregistration' and 'target_failover.on_unhealthy' must be set to the same value",
      field: 'target_failover.on_unhealthy',
    })
    expect(
      lab.modifyTargetGroupAttributes('appliances', {
        'target_failover.on_unhealthy': 'rebalance',
        'target_failover.on_deregistration': 'rebalance',
      }),
    ).toEqual({ ok: true })
    expect(
      lab.modifyTargetGroupAttributes('appliances', {
        'target_failover.on_unhealthy': 'sometimes',
      }),
    ).toMatchObject({
      code: 'ValidationError',
    })
    expect(
      lab.modifyTargetGroupAttributes('appliances', { 'preserve_client_ip.enabled': 'true' }),
    ).toMatchObject({
      message: 'The provided target group attribute is not supported',
    })
  })
})

describe('GWLB flow stickiness', () => {
  it('5-tuple by default: one connection stays on its appliance, new connections spread', () => {
    const lab = gwlb(2)
    const first = lab.request('a')
    expect(first).toMatchObject({ status: 200, decision: 'flow-hash', setCookie: [] })
    expect(first.flow).toMatchObject({
      protocol: 'TCP',
      destinationIp: '192.0.2.80',
      destinationPort: 443,
    })
    expect(first.explanation).toContain('5-tuple')
    expect(lab.request('a')).toMatchObject({ decision: 'existing-flow', targetId: first.targetId })
    expect(spread(lab, 30).size).toBe(3)
  })

  it('ICMP flows use the 3-tuple (no ports)', () => {
    const lab = gwlb()
    const r = lab.request('a', { protocol: 'ICMP' })
    expect(r.flow).toMatchObject({ protocol: 'ICMP', sourcePort: 0, destinationPort: 0 })
    expect(r.explanation).toContain(
      '3-tuple (source IP, destination IP, protocol; stickiness is off and ICMP has no ports)',
    )
    expect(lab.request('a', { protocol: 'ICMP', newConnection: true })).toMatchObject({
      decision: 'existing-flow',
      targetId: r.targetId,
    })
  })

  it('3-tuple (source_ip_dest_ip_proto): every connection to one destination and protocol joins one appliance', () => {
    const lab = gwlb(2)
    lab.modifyTargetGroupAttributes('appliances', { 'stickiness.enabled': 'true' })
    const first = lab.request('a')
    const next = lab.request('a', { newConnection: true })
    expect(next).toMatchObject({
      decision: 'flow-stickiness-hit',
      targetId: first.targetId,
      sticky: true,
    })
    expect(spread(lab, 20)).toEqual(new Set([first.targetId]))
    // Another destination port is still the same 3-tuple; another protocol is not.
    expect(lab.request('a', { destinationPort: 8443 }).targetId).toBe(first.targetId)
    const udp = new Set<string>()
    for (let i = 0; i < 10; i++)
      udp.add(lab.request('a', { protocol: 'UDP', destinationIp: `192.0.2.${100 + i}` }).targetId!)
    expect(udp.size).toBeGreaterThan(1)
  })

  it('2-tuple (source_ip_dest_ip): TCP and UDP to one destination share an appliance', () => {
    const lab = gwlb(6)
    lab.modifyTargetGroupAttributes('appliances', {
      'stickiness.enabled': 'true',
      'stickiness.type': 'source_ip_dest_ip',
    })
    const tcp = lab.request('a')
    expect(tcp.explanation).toContain(
      '2-tuple (source IP, destination IP; stickiness.type is source_ip_dest_ip)',
    )
    expect(lab.request('a', { protocol: 'UDP', destinationPort: 53 })).toMatchObject({
      decision: 'flow-stickiness-hit',
      targetId: tcp.targetId,
    })
    expect(lab.request('a', { protocol: 'ICMP' }).targetId).toBe(tcp.targetId)
  })
})

describe('GWLB target failover', () => {
  it('no_rebalance: existing flows keep going to the failed appliance; new flows go to healthy ones', () => {
    const lab = gwlb(3)
    const t = lab.request('a').targetId!
    lab.setHealthCheckFailing(t, true)
    lab.advance(60)
    const r = lab.request('a')
    expect(r).toMatchObject({ decision: 'existing-flow', targetId: t })
    expect(r.explanation).toContain('target_failover.on_unhealthy is no_rebalance')
    for (let i = 0; i < 10; i++)
      expect(lab.request('a', { newConnection: true }).targetId).not.toBe(t)
  })

  it('no_rebalance keeps flows on a stopped appliance: the packets are dropped', () => {
    const lab = gwlb(3)
    const t = lab.request('a').targetId!
    lab.stopInstance(t)
    lab.advance(60)
    expect(lab.request('a')).toMatchObject({
      status: 0,
      decision: 'flow-target-unreachable',
      targetId: t,
    })
  })

  it('rebalance: flows on an unhealthy appliance are rehashed; on deregistration after the delay', () => {
    const lab = gwlb(3)
    lab.modifyTargetGroupAttributes('appliances', {
      'target_failover.on_unhealthy': 'rebalance',
      'target_failover.on_deregistration': 'rebalance',
      'deregistration_delay.timeout_seconds': '60',
    })
    const t = lab.request('a').targetId!
    lab.setHealthCheckFailing(t, true)
    lab.advance(60)
    const r = lab.request('a')
    expect(r.decision).toBe('flow-rebalanced')
    expect(r.targetId).not.toBe(t)
    expect(r.explanation).toContain(
      `appliance ${t} is unhealthy and target_failover.on_unhealthy is rebalance`,
    )

    const moved = r.targetId!
    lab.deregisterTargets('appliances', [moved])
    expect(lab.request('a')).toMatchObject({ decision: 'existing-flow', targetId: moved })
    lab.advance(60)
    const after = lab.request('a')
    expect(after.decision).toBe('flow-rebalanced')
    expect(after.targetId).not.toBe(moved)
  })

  it('flows idle out after 350 s (TCP) and 120 s (other protocols)', () => {
    const lab = gwlb(4)
    lab.request('a')
    lab.request('a', { protocol: 'UDP' })
    lab.advance(121)
    expect(lab.flows().map((f) => f.protocol)).toEqual(['TCP'])
    expect(lab.request('a', { protocol: 'UDP' }).decision).toBe('flow-hash')
    lab.advance(351)
    expect(lab.request('a').decision).toBe('flow-hash')
    expect(lab.metrics()).toMatchObject({ NewFlowCount: 4 })
  })

  it('is deterministic and replayable', () => {
    const lab = gwlb(11)
    for (let i = 0; i < 8; i++) {
      lab.request('a', { newConnection: i % 2 === 0, protocol: i % 3 === 0 ? 'UDP' : 'TCP' })
      lab.advance(40)
    }
    lab.setHealthCheckFailing('i-1', true)
    lab.advance(90)
    lab.request('a')
    expect(JSON.stringify(replayLab(11, lab.log()).snapshot())).toBe(JSON.stringify(lab.snapshot()))
  })
})
