// The checks and words of a client's flow fields (Source IP; protocol and, for a GWLB, destination), shown only
// under a Network or Gateway Load Balancer and loaded with those fields, not at startup. The checks accept
// exactly what the core accepts (createLab's setClientOptions and request), so the page never sends a call the
// core would refuse.
import type { FlowProtocol, LoadBalancerType } from '../sim'
import { tupleOf, type TargetGroupStickinessChoice } from './flowStickiness'

/** Dotted-quad IPv4 without leading zeros, as the core's isIpv4. */
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/

function ipv4Problem(text: string, example: string): string | null {
  const t = text.trim()
  if (t === '') return `Enter an IPv4 address such as ${example}.`
  if (!IPV4.test(t)) return `“${t}” is not an IPv4 address: use four numbers 0–255 separated by dots, such as ${example}.`
  return null
}

/** An error sentence for a source IP field, or null when it is a dotted-quad IPv4 address. */
export function validateSourceIp(text: string): string | null {
  return ipv4Problem(text, '203.0.113.10')
}

/** An error sentence for a GWLB destination address, or null. */
export function validateDestinationIp(text: string): string | null {
  return ipv4Problem(text, '192.0.2.80')
}

/** An error sentence for a destination port (a whole number 1–65535, as the core requires), or null. */
export function validateDestinationPort(text: string): string | null {
  const t = text.trim()
  if (t === '') return 'Enter a port number from 1 to 65535.'
  const n = /^\d+$/.test(t) ? Number(t) : NaN
  if (!(n >= 1 && n <= 65535)) return `“${t}” is not a port: use a whole number from 1 to 65535.`
  return null
}

/**
 * One sentence under the protocol choice: what the load balancer keys a flow of this protocol on, with the
 * target group's stickiness (core: pipeline/nlbStrategy.ts and gwlbStrategy.ts, conventions 57 and 62).
 */
export function protocolHint(
  type: LoadBalancerType,
  protocol: FlowProtocol,
  stickiness: TargetGroupStickinessChoice,
): string {
  if (type === 'network') {
    const key =
      stickiness === 'source_ip'
        ? 'With source_ip stickiness a new flow goes where the sticky table binds its source IP'
        : protocol === 'TCP'
          ? 'Each new TCP connection is hashed on its 5-tuple and the TCP sequence number'
          : 'Each new UDP flow is hashed on its 5-tuple'
    const carries =
      protocol === 'UDP' ? 'UDP carries no HTTP: no cookies and no cart.' : 'TCP carries the application’s HTTP.'
    return `The target group is TCP_UDP, so it takes both. ${key}. ${carries}`
  }
  const ports = protocol === 'ICMP' ? ' ICMP has no ports, so there is no new connection to open.' : ''
  return `${protocol} flows stick to an appliance by the ${tupleOf(stickiness, protocol)}.${ports}`
}
