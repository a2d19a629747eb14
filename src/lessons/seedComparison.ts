// Seed 002's comparison table ("Load Balancer | Sticky Method | How It Works"), one row per load balancer,
// each with the lab events that reproduce the claim from a fresh default lab (client alice), what the
// learner should see, and the seed claim it confirms (reference §16). Plus the correction of claim 002-8.
import type { LabEventData } from './schema'

export interface SeedComparisonRow {
  id: 'alb' | 'nlb' | 'clb'
  loadBalancer: 'ALB' | 'NLB' | 'CLB'
  /** The seed's "Sticky Method" and "How It Works" cells, verbatim. */
  method: string
  howItWorks: string
  claim: string
  /** Applied in order to a freshly reset lab. */
  events: LabEventData[]
  /** What the learner sees once the events ran. */
  see: string
}

const call = (method: Extract<LabEventData, { type: 'lab.call' }>['method'], ...args: unknown[]): LabEventData => ({
  type: 'lab.call',
  method,
  args,
})
/** alice and bob reach the load balancer from one office NAT. */
export const SEED_NAT_IP = '203.0.113.10'

export const SEED_COMPARISON_ROWS: readonly SeedComparisonRow[] = [
  {
    id: 'alb',
    loadBalancer: 'ALB',
    method: 'Cookie-based',
    howItWorks: 'ELB sets its own cookie (or uses app-generated ones) to track sessions',
    claim: '002-2',
    events: [
      call('setLoadBalancerType', 'application'),
      call('setClientOptions', 'alice', { sourceIp: SEED_NAT_IP }),
      call('addClient', 'bob', { sourceIp: SEED_NAT_IP }),
      call('modifyTargetGroupAttributes', 'web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' }),
      call('request', 'alice'),
      call('request', 'bob'),
      call('request', 'alice'),
      call('request', 'bob'),
    ],
    see: 'alice and bob share one NAT address, yet each browser gets its own AWSALB cookie and stays on its own instance.',
  },
  {
    id: 'nlb',
    loadBalancer: 'NLB',
    method: 'Source IP stickiness',
    howItWorks: 'Uses source IP to route requests to same backend',
    claim: '002-3',
    events: [
      call('setLoadBalancerType', 'network'),
      call('setClientOptions', 'alice', { sourceIp: SEED_NAT_IP }),
      call('addClient', 'bob', { sourceIp: SEED_NAT_IP }),
      call('modifyTargetGroupAttributes', 'web', { 'stickiness.enabled': 'true', 'stickiness.type': 'source_ip' }),
      call('request', 'alice', { newConnection: true }),
      call('request', 'bob', { newConnection: true }),
      call('request', 'alice', { newConnection: true }),
      call('request', 'bob', { newConnection: true }),
    ],
    see: 'No cookies at all. Every new connection from the NAT address reaches the same target, for alice and bob alike.',
  },
  {
    id: 'clb',
    loadBalancer: 'CLB',
    method: 'Cookie-based',
    howItWorks: 'Uses an AWS-generated or app cookie',
    claim: '002-4',
    events: [
      call('setLoadBalancerType', 'classic'),
      call('createLBCookieStickinessPolicy', { policyName: 'duration-60', cookieExpirationPeriod: 60 }),
      call('setLoadBalancerPoliciesOfListener', { loadBalancerPort: 80, policyNames: ['duration-60'] }),
      call('request', 'alice'),
      { type: 'sim.advance', seconds: 20 },
      call('request', 'alice'),
    ],
    see: 'The CLB sets AWSELB (duration-based policy, 60 s) on the first response and does not refresh it: 20 s later, alice is still stuck and her cookie’s Expires has not moved.',
  },
]

/** The correction of seed claim 002-8 shown under the table. */
export const NAT_SKEW_CORRECTION = {
  claim: '002-8',
  myth: 'Sticky sessions cause uneven load, “especially behind NATs or proxies where many users share 1 IP”.',
  fact: 'That skew is real for NLB source-IP stickiness only. ALB and CLB stick by cookie, and every browser behind the NAT has its own cookie, so they are still spread out.',
} as const
