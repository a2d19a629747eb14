import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLab, type FlowProtocol, type Lab, type LoadBalancerType } from '../sim'
import { DEFAULT_FLOW_CHOICE, effectiveProtocol, flowProtocols, flowRequestOptions, type FlowChoice } from './flowRequest'
import { protocolHint, validateDestinationIp, validateDestinationPort, validateSourceIp } from './flowFields'

/** An NLB whose listener forwards to a TCP_UDP group with i-1 healthy. */
function tcpUdpNlb(): Lab {
  const lab = createLab({ seed: 3, loadBalancerType: 'network' })
  lab.createTargetGroup('both', { protocol: 'TCP_UDP', targets: 0 })
  lab.registerTargets('both', ['i-1'])
  lab.advance(30)
  lab.setForward({ targetGroups: [{ name: 'both', weight: 1 }] })
  return lab
}

describe('which protocols a client can choose', () => {
  it('GWLB: TCP, UDP and ICMP; NLB: TCP and UDP only on a TCP_UDP listener; ALB and CLB: none', () => {
    expect(flowProtocols('gateway', 'GENEVE')).toEqual(['TCP', 'UDP', 'ICMP'])
    expect(flowProtocols('network', 'TCP_UDP')).toEqual(['TCP', 'UDP'])
    for (const p of ['TCP', 'UDP', 'TLS']) expect(flowProtocols('network', p), p).toEqual([])
    expect(flowProtocols('application', 'HTTPS')).toEqual([])
    expect(flowProtocols('classic', 'HTTP')).toEqual([])
  })

  it('a choice the load balancer cannot carry falls back to TCP (ICMP chosen under a GWLB, then an NLB)', () => {
    const icmp: FlowChoice = { ...DEFAULT_FLOW_CHOICE, protocol: 'ICMP' }
    expect(effectiveProtocol(icmp, flowProtocols('gateway', 'GENEVE'))).toBe('ICMP')
    expect(effectiveProtocol(icmp, flowProtocols('network', 'TCP_UDP'))).toBe('TCP')
    expect(flowRequestOptions(icmp, 'network', 'TCP_UDP')).toEqual({})
  })
})

describe('the request options a flow choice adds', () => {
  it('sends nothing for the defaults, so a learner who never chooses records the same calls as before', () => {
    for (const [type, p] of [
      ['gateway', 'GENEVE'],
      ['network', 'TCP_UDP'],
      ['network', 'TCP'],
      ['application', 'HTTPS'],
    ] as const)
      expect(flowRequestOptions(DEFAULT_FLOW_CHOICE, type, p)).toEqual({})
  })

  it('GWLB: protocol and destination; no port for ICMP', () => {
    const choice: FlowChoice = { protocol: 'UDP', destinationIp: '198.51.100.200', destinationPort: 53 }
    expect(flowRequestOptions(choice, 'gateway', 'GENEVE')).toEqual({
      protocol: 'UDP',
      destinationIp: '198.51.100.200',
      destinationPort: 53,
    })
    expect(flowRequestOptions({ ...choice, protocol: 'ICMP' }, 'gateway', 'GENEVE')).toEqual({
      protocol: 'ICMP',
      destinationIp: '198.51.100.200',
    })
  })

  it('NLB: only the protocol (the destination is the NLB node), and only on TCP_UDP', () => {
    const choice: FlowChoice = { protocol: 'UDP', destinationIp: '198.51.100.200', destinationPort: 53 }
    expect(flowRequestOptions(choice, 'network', 'TCP_UDP')).toEqual({ protocol: 'UDP' })
    expect(flowRequestOptions(choice, 'network', 'TCP')).toEqual({})
    expect(flowRequestOptions(choice, 'application', 'HTTPS')).toEqual({})
  })

  it('the core accepts every option built from a valid choice, and the request travels with that protocol and destination', () => {
    const labs: Record<'gateway' | 'network', () => Lab> = {
      gateway: () => createLab({ seed: 5, loadBalancerType: 'gateway' }),
      network: tcpUdpNlb,
    }
    const ip = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join('.'))
    fc.assert(
      fc.property(
        fc.constantFrom<'gateway' | 'network'>('gateway', 'network'),
        fc.constantFrom<FlowProtocol>('TCP', 'UDP', 'ICMP'),
        ip,
        fc.integer({ min: 1, max: 65535 }),
        (type, protocol, destinationIp, destinationPort) => {
          const lab = labs[type]()
          const choice = { protocol, destinationIp, destinationPort }
          const r = lab.request('alice', flowRequestOptions(choice, type, lab.listener().protocol))
          const sent = effectiveProtocol(choice, flowProtocols(type, lab.listener().protocol))
          expect(r.flow?.protocol).toBe(sent)
          if (type === 'gateway') {
            expect(r.flow?.destinationIp).toBe(destinationIp)
            expect(r.flow?.destinationPort).toBe(protocol === 'ICMP' ? 0 : destinationPort)
          }
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe('the flow fields’ checks match the core’s', () => {
  const gwlb = createLab({ loadBalancerType: 'gateway' })
  const coreAcceptsIp = (text: string) => {
    try {
      gwlb.request('alice', { destinationIp: text })
      return true
    } catch {
      return false
    }
  }
  const coreAcceptsPort = (n: number) => {
    try {
      gwlb.request('alice', { destinationPort: n })
      return true
    } catch {
      return false
    }
  }

  it('destination IP: the field refuses exactly what the core refuses, with a sentence saying why', () => {
    for (const text of ['192.0.2.80', '0.0.0.0', '255.255.255.255', '256.1.1.1', '1.2.3', '01.2.3.4', 'a.b.c.d', '2001:db8::1'])
      expect(validateDestinationIp(text) === null, text).toBe(coreAcceptsIp(text))
    expect(validateDestinationIp('')).toBe('Enter an IPv4 address such as 192.0.2.80.')
    expect(validateDestinationIp('10.0.0.300')).toBe(
      '“10.0.0.300” is not an IPv4 address: use four numbers 0–255 separated by dots, such as 192.0.2.80.',
    )
  })

  it('destination port: a whole number from 1 to 65535, as the core requires', () => {
    for (const text of ['1', '443', '65535']) {
      expect(validateDestinationPort(text), text).toBeNull()
      expect(coreAcceptsPort(Number(text))).toBe(true)
    }
    for (const text of ['0', '65536', '-1', '1.5']) {
      expect(validateDestinationPort(text), text).toMatch(/is not a port: use a whole number from 1 to 65535/)
      expect(coreAcceptsPort(Number(text)), text).toBe(false)
    }
    // Digits only: what is not a plain whole number is refused as typed, even when JavaScript would read it.
    for (const text of ['80a', '1e3', '0x50']) expect(validateDestinationPort(text), text).toMatch(/is not a port/)
    expect(validateDestinationPort(' ')).toBe('Enter a port number from 1 to 65535.')
  })

  it('source IP: dotted-quad IPv4, anything else explained', () => {
    expect(validateSourceIp('203.0.113.10')).toBeNull()
    expect(validateSourceIp(' 10.0.0.1 ')).toBeNull()
    expect(validateSourceIp('')).toMatch(/Enter an IPv4 address/)
    for (const bad of ['256.1.1.1', '1.2.3', '1.2.3.4.5', 'a.b.c.d', '01.2.3.4', '2001:db8::1'])
      expect(validateSourceIp(bad), bad).toMatch(/is not an IPv4 address/)
  })
})

describe('the protocol hint says the tuple the core uses', () => {
  const hint = (type: LoadBalancerType, p: FlowProtocol, s: Parameters<typeof protocolHint>[2]) => protocolHint(type, p, s)

  it('GWLB: 5-tuple for TCP/UDP and 3-tuple for ICMP with stickiness off; the chosen tuple otherwise', () => {
    expect(hint('gateway', 'TCP', 'off')).toBe(
      'TCP flows stick to an appliance by the 5-tuple (protocol, source IP and port, destination IP and port).',
    )
    expect(hint('gateway', 'ICMP', 'off')).toBe(
      'ICMP flows stick to an appliance by the 3-tuple (source IP, destination IP, protocol). ICMP has no ports, so there is no new connection to open.',
    )
    expect(hint('gateway', 'UDP', 'source_ip_dest_ip')).toContain('by the 2-tuple (source IP, destination IP)')
    // The core's own explanation names the same tuple.
    const lab = createLab({ loadBalancerType: 'gateway' })
    expect(lab.request('alice', { protocol: 'ICMP' }).explanation).toContain('3-tuple (source IP, destination IP, protocol')
    expect(lab.request('alice', { protocol: 'UDP' }).explanation).toContain('5-tuple')
  })

  it('NLB TCP_UDP: TCP hashes with the sequence number and carries HTTP; UDP carries no cookies', () => {
    expect(hint('network', 'TCP', 'off')).toContain('hashed on its 5-tuple and the TCP sequence number')
    expect(hint('network', 'UDP', 'off')).toContain('UDP carries no HTTP: no cookies and no cart.')
    expect(hint('network', 'UDP', 'source_ip')).toContain('With source_ip stickiness a new flow goes where the sticky table binds its source IP')
  })
})
