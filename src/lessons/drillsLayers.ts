// Layered load balancers (issue 19 item 5): a drill on two ALB layers that both use duration-based stickiness,
// and the scenario it opens (an outer ALB in front, both layers on AWSALB). Appended to DRILLS and SCENARIOS.
import type { Drill, LabEventData, Scenario } from './schema'

const call = (
  method: Extract<LabEventData, { type: 'lab.call' }>['method'],
  ...args: unknown[]
): LabEventData => ({ type: 'lab.call', method, args })

export const LAYER_SCENARIOS: readonly Scenario[] = [
  {
    id: 'layered-albs',
    title: 'Two ALB layers, both duration-based (AWSALB)',
    description:
      'An outer ALB with two proxies forwards to this ALB; both layers use lb_cookie stickiness, so both set AWSALB. alice has sent one request.',
    seed: 1,
    setup: [
      call('addClient', 'alice'),
      call('modifyTargetGroupAttributes', 'web', {
        'stickiness.enabled': 'true',
        'stickiness.type': 'lb_cookie',
      }),
      call('setOuterLayer', { enabled: true, stickiness: 'lb_cookie' }),
      call('request', 'alice'),
    ],
  },
]

export const LAYER_DRILLS: readonly Drill[] = [
  {
    id: 'layered-albs-awsalb',
    question:
      'A company runs two layers of Application Load Balancers: an internet-facing ALB whose targets are proxy instances that forward to an internal ALB. Both target groups use duration-based stickiness. Users stay on one proxy, but their requests keep moving between the application instances behind the internal ALB. Which change makes both layers sticky?',
    options: [
      {
        id: 'a',
        text: 'Switch one layer’s target group to application-based stickiness, so that its cookie has a different name.',
      },
      { id: 'b', text: 'Raise stickiness.lb_cookie.duration_seconds on both target groups.' },
      { id: 'c', text: 'Enable target group stickiness on the internal ALB’s listener rule.' },
      { id: 'd', text: 'Turn on cross-zone load balancing on both load balancers.' },
    ],
    correct: ['a'],
    explanation:
      'Both layers name their duration-based cookie AWSALB, and a browser keeps one cookie per name: each layer’s Set-Cookie replaces the other’s, so stickiness holds on only one layer (AWS documents this). Application-based cookies with distinct names can be sticky on all layers. A longer duration does not help a cookie that is overwritten; AWSALBTG binds to a target group, not a target; cross-zone load balancing is always on for ALBs.',
    refs: ['§3.6'],
    scenario: 'layered-albs',
    tryIt:
      'Send requests from alice and watch the Outer ALB box between the browsers and this ALB: both layers set AWSALB, and the browser keeps only the outer ALB’s (this ALB’s is struck through). Then, in Setup → Outer ALB layer in front, choose application-based (PROXYSESSION) and send again.',
  },
]
