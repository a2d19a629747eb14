// A request's flow options on a Network or Gateway Load Balancer: the protocol the NLB's listener carries, and a
// GWLB packet's protocol and destination. Loads with the Network, Gateway and Classic families (ADR 0018).
import type { RequestOptions } from '../model/api'
import type { World } from '../model/world'
import { refusal, type Failure } from './failure'
import { isIpv4 } from './sourceIp'

/** The refusal of `options` under the lab's NLB or GWLB, or null (a CLB takes none of them). */
export function flowOptionsProblem(world: World, options: RequestOptions): Failure | null {
  const type = world.loadBalancerType
  const p = options.protocol
  if (type === 'network' && p !== undefined) {
    const l = world.listener.transport ?? 'TCP'
    const allowed = l === 'UDP' ? ['UDP'] : l === 'TCP_UDP' ? ['TCP', 'UDP'] : ['TCP']
    if (!allowed.includes(p))
      return refusal(
        'RangeError',
        `protocol must be ${allowed.join(' or ')} on a ${l} listener`,
        'protocol',
      )
  }
  if (type === 'gateway') {
    if (p !== undefined && p !== 'TCP' && p !== 'UDP' && p !== 'ICMP')
      return refusal('RangeError', "protocol must be 'TCP', 'UDP' or 'ICMP'", 'protocol')
    if (options.destinationIp !== undefined && !isIpv4(options.destinationIp))
      return refusal(
        'TypeError',
        `destinationIp '${String(options.destinationIp)}' is not an IPv4 address`,
        'destinationIp',
      )
    const port = options.destinationPort
    if (
      port !== undefined &&
      (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
    )
      return refusal(
        'RangeError',
        'destinationPort must be a whole number between 1 and 65535',
        'destinationPort',
      )
  }
  return null
}
