// What a client's flow choice (protocol and, for a GWLB, destination) adds to its requests. On the startup
// path with the Clients panel, so it stays small; the fields that edit the choice, and their checks, load
// with them (flowFields.ts).
import {
  GWLB_DEFAULT_DESTINATION_IP,
  GWLB_DEFAULT_DESTINATION_PORT,
  type FlowProtocol,
  type LoadBalancerType,
  type RequestOptions,
} from '../sim'

/** A client's flow settings as the learner chose them; kept across type switches and used where they apply. */
export interface FlowChoice {
  protocol: FlowProtocol
  destinationIp: string
  destinationPort: number
}

export const DEFAULT_FLOW_CHOICE: FlowChoice = {
  protocol: 'TCP',
  destinationIp: GWLB_DEFAULT_DESTINATION_IP,
  destinationPort: GWLB_DEFAULT_DESTINATION_PORT,
}

/**
 * The protocols a client can choose, as the core accepts them: a GWLB takes any (TCP, UDP, ICMP); an NLB only
 * what its listener's target group carries, which is a choice only for TCP_UDP. Empty means "no choice".
 */
export function flowProtocols(type: LoadBalancerType, listenerProtocol: string): readonly FlowProtocol[] {
  if (type === 'gateway') return ['TCP', 'UDP', 'ICMP']
  return type === 'network' && listenerProtocol === 'TCP_UDP' ? ['TCP', 'UDP'] : []
}

/** The protocol requests use: the chosen one when allowed here, else the first allowed (TCP). */
export function effectiveProtocol(choice: FlowChoice, allowed: readonly FlowProtocol[]): FlowProtocol {
  return allowed.includes(choice.protocol) ? choice.protocol : 'TCP'
}

/**
 * The request options for a client's flow choice under this load balancer. Only what differs from the core's
 * defaults is sent, so the recorded calls of a learner who never touches the choice stay as they were.
 */
export function flowRequestOptions(
  choice: FlowChoice,
  type: LoadBalancerType,
  listenerProtocol: string,
): Pick<RequestOptions, 'protocol' | 'destinationIp' | 'destinationPort'> {
  const allowed = flowProtocols(type, listenerProtocol)
  if (allowed.length === 0) return {}
  const protocol = effectiveProtocol(choice, allowed)
  const out: Pick<RequestOptions, 'protocol' | 'destinationIp' | 'destinationPort'> =
    protocol === 'TCP' ? {} : { protocol }
  if (type !== 'gateway') return out
  if (choice.destinationIp !== GWLB_DEFAULT_DESTINATION_IP) out.destinationIp = choice.destinationIp
  // ICMP has no ports: the core ignores one, so none is sent.
  if (protocol !== 'ICMP' && choice.destinationPort !== GWLB_DEFAULT_DESTINATION_PORT)
    out.destinationPort = choice.destinationPort
  return out
}
