// The vocabulary of each load balancer type, for the picture and the panels drawn at startup: names, what
// stickiness keys on, and the NAT label. How NLB and GWLB keep flows sticky is in flowStickiness.ts, and the
// checks of the Clients panel's flow fields in flowFields.ts, both used only by what loads after the first paint.
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

/** The NAT group label of a source IP shared by several clients ("NAT 203.0.113.7 · 3 clients"), else null. */
export function natLabel(sourceIp: string, members: number): string | null {
  return members > 1 ? `NAT ${sourceIp} · ${members} clients` : null
}
