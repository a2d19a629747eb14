// Scenarios for the exam-prep myth drills (drillsMyths.ts): small labs in which the myth can be seen to be
// false. Appended to SCENARIOS in scenarios.ts.
import type { LabEventData, Scenario } from './schema'

const call = (
  method: Extract<LabEventData, { type: 'lab.call' }>['method'],
  ...args: unknown[]
): LabEventData => ({ type: 'lab.call', method, args })

export const MYTH_SCENARIOS: readonly Scenario[] = [
  {
    id: 'lb-cookie-60s',
    title: 'Duration-based stickiness of 60 seconds, alice bound',
    description:
      'lb_cookie stickiness with stickiness.lb_cookie.duration_seconds = 60. alice has sent one request, so AWSALB binds her to a target; its Expires still reads 7 days ahead.',
    seed: 1,
    setup: [
      call('addClient', 'alice'),
      call('modifyTargetGroupAttributes', 'web', {
        'stickiness.enabled': 'true',
        'stickiness.type': 'lb_cookie',
        'stickiness.lb_cookie.duration_seconds': '60',
      }),
      call('request', 'alice'),
    ],
  },
  {
    id: 'nlb-sticky',
    title: 'NLB source-IP stickiness, one client',
    description:
      'Network Load Balancer, TCP:80 listener, target group web (TCP) with i-1, i-2, i-3, source_ip stickiness on, cross-zone load balancing on. One client, alice.',
    seed: 1,
    setup: [
      call('setLoadBalancerType', 'network'),
      call('modifyLoadBalancerAttributes', { 'load_balancing.cross_zone.enabled': 'true' }),
      call('addClient', 'alice'),
      call('modifyTargetGroupAttributes', 'web', {
        'stickiness.enabled': 'true',
        'stickiness.type': 'source_ip',
      }),
    ],
  },
]
