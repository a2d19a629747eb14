// How Network and Gateway Load Balancers keep flows sticky, for what loads after the first paint: the stickiness
// choices a target group accepts (AWS attribute values) and the tuple each hashes (target group form, open
// flows), a flow as text (inspector, open flows), and what the Cookies panel says when no cookies are issued.
import type { LoadBalancerType } from '../sim'

/** Target group stickiness choices per type: AWS's `stickiness.type` values (CLB has policies instead). */
export type TargetGroupStickinessChoice =
  'off' | 'lb_cookie' | 'app_cookie' | 'source_ip' | 'source_ip_dest_ip_proto' | 'source_ip_dest_ip'

export interface StickinessOption {
  value: TargetGroupStickinessChoice
  /** Plain text; the attribute value in the label is shown as code by the panel. */
  text: string
  code: string | null
}

export const STICKINESS_OPTIONS: Record<'network' | 'gateway', readonly StickinessOption[]> = {
  network: [
    { value: 'off', text: 'Off (each flow hashed)', code: null },
    { value: 'source_ip', text: 'Source IP', code: 'source_ip' },
  ],
  gateway: [
    { value: 'off', text: '5-tuple (stickiness off)', code: null },
    { value: 'source_ip_dest_ip_proto', text: '3-tuple', code: 'source_ip_dest_ip_proto' },
    { value: 'source_ip_dest_ip', text: '2-tuple', code: 'source_ip_dest_ip' },
  ],
}

/** The stickiness choice a target group's attributes show, for NLB/GWLB groups. */
export function flowStickinessOf(attributes: Record<string, string>): TargetGroupStickinessChoice {
  if (attributes['stickiness.enabled'] !== 'true') return 'off'
  const type = attributes['stickiness.type'] ?? ''
  return type === 'source_ip' || type === 'source_ip_dest_ip_proto' || type === 'source_ip_dest_ip'
    ? type
    : 'off'
}

/**
 * The attributes that set an NLB/GWLB group to `choice`. Turning stickiness off keeps the type AWS
 * already has (the group's own default), since NLB rejects `lb_cookie` even with enabled=false.
 */
export function flowStickinessAttributes(
  choice: TargetGroupStickinessChoice,
  current: Record<string, string>,
): Record<string, string> {
  if (choice === 'off') return { 'stickiness.enabled': 'false' }
  const out: Record<string, string> = {}
  if (current['stickiness.enabled'] !== 'true') out['stickiness.enabled'] = 'true'
  if (current['stickiness.type'] !== choice) out['stickiness.type'] = choice
  return out
}

/** Which fields of a flow the GWLB (or the NLB) hashes for a stickiness choice. */
export function tupleOf(choice: TargetGroupStickinessChoice, protocol = 'TCP'): string {
  if (choice === 'source_ip') return 'source IP'
  if (choice === 'source_ip_dest_ip') return '2-tuple (source IP, destination IP)'
  if (choice === 'source_ip_dest_ip_proto') return '3-tuple (source IP, destination IP, protocol)'
  return protocol === 'TCP' || protocol === 'UDP'
    ? '5-tuple (protocol, source IP and port, destination IP and port)'
    : '3-tuple (source IP, destination IP, protocol)'
}

export interface FlowView {
  protocol: string
  sourceIp: string
  sourcePort: number
  destinationIp: string
  destinationPort: number
}

/** "TCP 198.51.100.1:40001 → 10.0.0.10:80" */
export function flowText(flow: FlowView): string {
  const port = (p: number) => (flow.protocol === 'ICMP' ? '' : `:${p}`)
  return `${flow.protocol} ${flow.sourceIp}${port(flow.sourcePort)} → ${flow.destinationIp}${port(flow.destinationPort)}`
}

/** What the Cookies panel says under a load balancer that issues no cookies. */
export function noCookiesNote(type: LoadBalancerType): string | null {
  if (type === 'network')
    return 'This Network Load Balancer uses no cookies: it works below HTTP, and any cookie listed here is the application’s own. With source_ip stickiness it keeps a client on a target by its source IP address, so every client behind one NAT shares a target.'
  if (type === 'gateway')
    return 'This Gateway Load Balancer uses no cookies. It keeps each flow on one appliance by the flow’s tuple (the 5-tuple by default, or the 3-tuple or 2-tuple chosen in Target group settings).'
  return null
}

/**
 * What the inspector shows instead of HTTP for a flow that carried none: one line for what the client sent and
 * one for what came of it. A Gateway Load Balancer never carries the HTTP itself (its appliances see the packets
 * on their way to the destination), so every GWLB flow is shown as packets, TCP included; through a Network
 * Load Balancer only UDP is, since its TCP flows carry the browser's HTTP to the target. Null otherwise.
 */
export function packetExchange(r: {
  flow?: FlowView
  loadBalancerType: LoadBalancerType
  status: number
  targetId: string | null
}): { sent: string; outcome: string } | null {
  const flow = r.flow
  if (flow === undefined) return null
  const gateway = r.loadBalancerType === 'gateway'
  if (flow.protocol === 'TCP' && !gateway) return null
  const what =
    flow.protocol === 'UDP'
      ? 'UDP datagram'
      : flow.protocol === 'ICMP'
        ? 'ICMP packet'
        : 'TCP segments'
  const sent = `${what} ${flowText(flow).slice(flow.protocol.length + 1)}`
  if (r.status !== 200 || r.targetId === null)
    return { sent, outcome: 'No answer: the packets were dropped.' }
  return {
    sent,
    outcome: gateway
      ? `Inspected by appliance ${r.targetId} and sent on to ${flow.destinationIp}.`
      : `Delivered to ${r.targetId}.`,
  }
}
