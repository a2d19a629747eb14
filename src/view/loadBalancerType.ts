// The vocabulary of each load balancer type, for the picture and the panels: names, what stickiness keys
// on, the stickiness choices a target group of that type accepts (AWS attribute values), and small pure
// helpers (IPv4 syntax, flow text) the Clients panel and the inspector share.
import type { LoadBalancerType } from '../sim'

export const LOAD_BALANCER_TYPES: readonly LoadBalancerType[] = ['application', 'network', 'classic', 'gateway']

export interface LoadBalancerTypeInfo {
  /** The radio label: the console name and its abbreviation. */
  label: string
  short: 'ALB' | 'NLB' | 'CLB' | 'GWLB'
  /** The two lines of the load balancer's box in the picture. */
  title: [string, string]
  /** What a client is stuck by, in one phrase. */
  sticksBy: string
  /** One sentence under the switch. */
  summary: string
  /** Whether the load balancer issues cookies at all. */
  usesCookies: boolean
  /** Whether requests travel on flows the client can renew ("New connection"). */
  usesFlows: boolean
}

export const LOAD_BALANCER_INFO: Record<LoadBalancerType, LoadBalancerTypeInfo> = {
  application: {
    label: 'Application (ALB)',
    short: 'ALB',
    title: ['Application', 'Load Balancer'],
    sticksBy: 'a cookie per browser (AWSALB, AWSALBAPP-n, AWSALBTG)',
    summary: 'Layer 7 (HTTP/HTTPS). Sticks each browser by its own cookie: AWSALB, or AWSALBAPP-n with an app cookie.',
    usesCookies: true,
    usesFlows: false,
  },
  network: {
    label: 'Network (NLB)',
    short: 'NLB',
    title: ['Network', 'Load Balancer'],
    sticksBy: 'the source IP address (source_ip)',
    summary:
      'Layer 4 (TCP/UDP). No cookies: without stickiness each connection (flow) is hashed; source_ip stickiness keys on the client IP, so everyone behind one NAT shares a target.',
    usesCookies: false,
    usesFlows: true,
  },
  classic: {
    label: 'Classic (CLB)',
    short: 'CLB',
    title: ['Classic', 'Load Balancer'],
    sticksBy: 'the AWSELB cookie (duration-based or application-controlled policy)',
    summary:
      'The previous generation. Sticks by the AWSELB cookie of a listener policy; a duration-based AWSELB is never refreshed.',
    usesCookies: true,
    usesFlows: false,
  },
  gateway: {
    label: 'Gateway (GWLB)',
    short: 'GWLB',
    title: ['Gateway', 'Load Balancer'],
    sticksBy: 'the flow tuple (5-tuple by default, or 3-tuple / 2-tuple)',
    summary:
      'Layer 3 (GENEVE to virtual appliances). No cookies: each flow sticks to an appliance by its 5-tuple, or by a 3-tuple or 2-tuple.',
    usesCookies: false,
    usesFlows: true,
  },
}

export function isLoadBalancerType(value: unknown): value is LoadBalancerType {
  return typeof value === 'string' && (LOAD_BALANCER_TYPES as readonly string[]).includes(value)
}

/** Target group stickiness choices per type: AWS's `stickiness.type` values (CLB has policies instead). */
export type TargetGroupStickinessChoice =
  | 'off'
  | 'lb_cookie'
  | 'app_cookie'
  | 'source_ip'
  | 'source_ip_dest_ip_proto'
  | 'source_ip_dest_ip'

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
  return type === 'source_ip' || type === 'source_ip_dest_ip_proto' || type === 'source_ip_dest_ip' ? type : 'off'
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

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/

/** An error sentence for a source IP field, or null when it is a dotted-quad IPv4 address. */
export function validateSourceIp(text: string): string | null {
  const t = text.trim()
  if (t === '') return 'Enter an IPv4 address such as 203.0.113.10.'
  if (!IPV4.test(t)) return `“${t}” is not an IPv4 address: use four numbers 0–255 separated by dots, such as 203.0.113.10.`
  return null
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

/** The NAT group label of a source IP shared by several clients ("NAT 203.0.113.7 · 3 clients"), else null. */
export function natLabel(sourceIp: string, members: number): string | null {
  return members > 1 ? `NAT ${sourceIp} · ${members} clients` : null
}

/** What the Cookies panel says under a load balancer that issues no cookies. */
export function noCookiesNote(type: LoadBalancerType): string | null {
  if (type === 'network')
    return 'This Network Load Balancer uses no cookies: it works below HTTP, and any cookie listed here is the application’s own. With source_ip stickiness it keeps a client on a target by its source IP address, so every client behind one NAT shares a target.'
  if (type === 'gateway')
    return 'This Gateway Load Balancer uses no cookies. It keeps each flow on one appliance by the flow’s tuple (the 5-tuple by default, or the 3-tuple or 2-tuple chosen in Target group settings).'
  return null
}
