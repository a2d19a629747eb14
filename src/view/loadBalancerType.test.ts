import { describe, expect, it } from 'vitest'
import {
  flowStickinessAttributes,
  flowStickinessOf,
  flowText,
  noCookiesNote,
  packetExchange,
  tupleOf,
} from './flowStickiness'
import {
  LOAD_BALANCER_INFO,
  LOAD_BALANCER_TYPES,
  isLoadBalancerType,
  natLabel,
} from './loadBalancerType'

describe('load balancer vocabulary', () => {
  it('names the four types with the console names, and only NLB/GWLB go without cookies', () => {
    expect(LOAD_BALANCER_TYPES.map((t) => LOAD_BALANCER_INFO[t].label)).toEqual([
      'Application (ALB)',
      'Network (NLB)',
      'Classic (CLB)',
      'Gateway (GWLB)',
    ])
    expect(LOAD_BALANCER_TYPES.filter((t) => !LOAD_BALANCER_INFO[t].usesCookies)).toEqual([
      'network',
      'gateway',
    ])
    expect(isLoadBalancerType('network')).toBe(true)
    expect(isLoadBalancerType('nlb')).toBe(false)
  })

  it('says plainly that NLB and GWLB use no cookies, and what they stick by', () => {
    expect(noCookiesNote('network')).toMatch(/uses no cookies.*source IP/)
    expect(noCookiesNote('gateway')).toMatch(/uses no cookies.*5-tuple/)
    expect(noCookiesNote('application')).toBeNull()
    expect(noCookiesNote('classic')).toBeNull()
  })
})

describe('flow stickiness attributes', () => {
  it('reads the choice from AWS attributes', () => {
    expect(
      flowStickinessOf({ 'stickiness.enabled': 'false', 'stickiness.type': 'source_ip' }),
    ).toBe('off')
    expect(flowStickinessOf({ 'stickiness.enabled': 'true', 'stickiness.type': 'source_ip' })).toBe(
      'source_ip',
    )
    expect(
      flowStickinessOf({ 'stickiness.enabled': 'true', 'stickiness.type': 'source_ip_dest_ip' }),
    ).toBe('source_ip_dest_ip')
  })

  it('turning off sends only enabled=false (never lb_cookie, which an NLB rejects even when disabled)', () => {
    expect(
      flowStickinessAttributes('off', {
        'stickiness.enabled': 'true',
        'stickiness.type': 'source_ip',
      }),
    ).toEqual({
      'stickiness.enabled': 'false',
    })
  })

  it('turning on sends only what changes', () => {
    expect(
      flowStickinessAttributes('source_ip', {
        'stickiness.enabled': 'false',
        'stickiness.type': 'source_ip',
      }),
    ).toEqual({ 'stickiness.enabled': 'true' })
    expect(
      flowStickinessAttributes('source_ip_dest_ip', {
        'stickiness.enabled': 'true',
        'stickiness.type': 'source_ip_dest_ip_proto',
      }),
    ).toEqual({ 'stickiness.type': 'source_ip_dest_ip' })
  })

  it('names the tuple each GWLB choice hashes', () => {
    expect(tupleOf('off')).toMatch(/^5-tuple/)
    expect(tupleOf('off', 'ICMP')).toMatch(/^3-tuple/)
    expect(tupleOf('source_ip_dest_ip_proto')).toMatch(/^3-tuple/)
    expect(tupleOf('source_ip_dest_ip')).toMatch(/^2-tuple/)
  })
})

describe('source IPs and flows', () => {
  it('writes a flow as protocol, source and destination', () => {
    expect(
      flowText({
        protocol: 'TCP',
        sourceIp: '203.0.113.10',
        sourcePort: 40001,
        destinationIp: '10.0.1.10',
        destinationPort: 80,
      }),
    ).toBe('TCP 203.0.113.10:40001 → 10.0.1.10:80')
    expect(
      flowText({
        protocol: 'ICMP',
        sourceIp: '1.1.1.1',
        sourcePort: 0,
        destinationIp: '2.2.2.2',
        destinationPort: 0,
      }),
    ).toBe('ICMP 1.1.1.1 → 2.2.2.2')
  })

  it('shows flows without HTTP as packets: NLB UDP, and every GWLB flow; NLB TCP keeps the HTTP view', () => {
    const udp = {
      protocol: 'UDP',
      sourceIp: '198.51.100.10',
      sourcePort: 49153,
      destinationIp: '192.0.2.11',
      destinationPort: 80,
    }
    expect(
      packetExchange({ flow: udp, loadBalancerType: 'network', status: 200, targetId: 'i-2' }),
    ).toEqual({
      sent: 'UDP datagram 198.51.100.10:49153 → 192.0.2.11:80',
      outcome: 'Delivered to i-2.',
    })
    const toApp = { ...udp, destinationIp: '192.0.2.80', destinationPort: 443 }
    expect(
      packetExchange({ flow: toApp, loadBalancerType: 'gateway', status: 200, targetId: 'i-3' }),
    ).toEqual({
      sent: 'UDP datagram 198.51.100.10:49153 → 192.0.2.80:443',
      outcome: 'Inspected by appliance i-3 and sent on to 192.0.2.80.',
    })
    expect(
      packetExchange({
        flow: { ...toApp, protocol: 'TCP' },
        loadBalancerType: 'gateway',
        status: 200,
        targetId: 'i-3',
      }),
    ).toEqual({
      sent: 'TCP segments 198.51.100.10:49153 → 192.0.2.80:443',
      outcome: 'Inspected by appliance i-3 and sent on to 192.0.2.80.',
    })
    const icmp = {
      protocol: 'ICMP',
      sourceIp: '198.51.100.10',
      sourcePort: 0,
      destinationIp: '192.0.2.80',
      destinationPort: 0,
    }
    expect(
      packetExchange({ flow: icmp, loadBalancerType: 'gateway', status: 200, targetId: 'i-1' }),
    ).toEqual({
      sent: 'ICMP packet 198.51.100.10 → 192.0.2.80',
      outcome: 'Inspected by appliance i-1 and sent on to 192.0.2.80.',
    })
    expect(
      packetExchange({ flow: icmp, loadBalancerType: 'gateway', status: 0, targetId: 'i-1' })
        ?.outcome,
    ).toBe('No answer: the packets were dropped.')
    expect(
      packetExchange({
        flow: { ...udp, protocol: 'TCP' },
        loadBalancerType: 'network',
        status: 200,
        targetId: 'i-2',
      }),
    ).toBeNull()
    expect(
      packetExchange({ loadBalancerType: 'application', status: 200, targetId: 'i-2' }),
    ).toBeNull()
  })

  it('labels a shared address as a NAT only when several clients share it', () => {
    expect(natLabel('203.0.113.10', 3)).toBe('NAT 203.0.113.10 · 3 clients')
    expect(natLabel('198.51.100.1', 1)).toBeNull()
  })
})
