// Named starting labs for lessons and drills: a seed plus the setup events applied to a fresh default lab
// (target group web with i-1, i-2, i-3 in three AZs, HTTPS, stickiness off, round robin, client alice).
// Also applies lab-machine events straight to a Lab, which is how lessons are prepared at a given step.
import { createLab, type Lab, type Result } from '../sim'
import type { LabEventData, Lesson, Scenario } from './schema'
import { CLIENT_SCENARIOS } from './scenariosClients'
import { MYTH_SCENARIOS } from './scenariosMyths'
import { LAYER_SCENARIOS } from './drillsLayers'

/** The app's default lab for a seed (the same as src/app/createApp.ts createDefaultLab). */
export function defaultLab(seed: number): Lab {
  const lab = createLab({ seed })
  lab.addClient('alice')
  return lab
}

const call = (
  method: Extract<LabEventData, { type: 'lab.call' }>['method'],
  ...args: unknown[]
): LabEventData => ({ type: 'lab.call', method, args })
const advance = (seconds: number): LabEventData => ({ type: 'sim.advance', seconds })
const stickyOn = (durationSeconds = 86_400) =>
  call('modifyTargetGroupAttributes', 'web', {
    'stickiness.enabled': 'true',
    'stickiness.type': 'lb_cookie',
    'stickiness.lb_cookie.duration_seconds': String(durationSeconds),
  })
const SHOPPERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'] as const
/** The office NAT's public address: bob, carol and dave browse from behind it. */
export const OFFICE_NAT = '203.0.113.10'
const OFFICE = ['bob', 'carol', 'dave'] as const
const nlbOffice = (): LabEventData[] => [
  call('setLoadBalancerType', 'network'),
  // Cross-zone on, so the NLB hashes over all three instances (it is off by default on an NLB).
  call('modifyLoadBalancerAttributes', { 'load_balancing.cross_zone.enabled': 'true' }),
  call('addClient', 'alice'),
  ...OFFICE.map((id) => call('addClient', id, { sourceIp: OFFICE_NAT })),
]
const sourceIpOn = () =>
  call('modifyTargetGroupAttributes', 'web', {
    'stickiness.enabled': 'true',
    'stickiness.type': 'source_ip',
  })

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'default',
    title: 'Default lab',
    description:
      'Target group web with i-1, i-2 and i-3, an HTTPS listener, stickiness off, round robin, one browser (alice).',
    seed: 1,
    setup: [call('addClient', 'alice')],
  },
  {
    id: 'sticky',
    title: 'Duration-based stickiness, alice bound to i-1',
    description:
      'lb_cookie stickiness with the default 1-day duration. alice has sent one request, so AWSALB binds her to i-1.',
    seed: 1,
    setup: [call('addClient', 'alice'), stickyOn(), call('request', 'alice')],
  },
  {
    id: 'sticky-fresh',
    title: 'Duration-based stickiness, no cookies yet',
    description:
      'lb_cookie stickiness with the default 1-day duration. No browser has sent a request yet.',
    seed: 1,
    setup: [call('addClient', 'alice'), stickyOn()],
  },
  {
    id: 'cart-sticky',
    title: 'A 2-item cart on i-1',
    description:
      'lb_cookie stickiness (1 day). alice added 2 items; her cart lives in i-1’s memory.',
    seed: 1,
    setup: [
      call('addClient', 'alice'),
      stickyOn(),
      call('request', 'alice', { path: '/cart/add' }),
      call('request', 'alice', { path: '/cart/add' }),
    ],
  },
  {
    id: 'failed-instance',
    title: 'The sticky instance has just started failing',
    description:
      'lb_cookie stickiness. alice’s 2-item cart is on i-1, and i-1 has just started failing its health checks; no check has noticed yet.',
    seed: 1,
    setup: [
      call('addClient', 'alice'),
      stickyOn(),
      call('request', 'alice', { path: '/cart/add' }),
      call('request', 'alice', { path: '/cart/add' }),
      call('setHealthCheckFailing', 'i-1', true),
    ],
  },
  {
    id: 'draining',
    title: 'alice’s instance is draining',
    description:
      'lb_cookie stickiness. alice’s cart is on i-1, and i-1 has just been deregistered (deregistration delay 300 s).',
    seed: 1,
    setup: [
      call('addClient', 'alice'),
      stickyOn(),
      call('request', 'alice', { path: '/cart/add' }),
      call('deregisterTargets', 'web', ['i-1']),
    ],
  },
  {
    id: 'six-shoppers',
    title: 'Six shoppers spread over three instances',
    description:
      'lb_cookie stickiness (1 day). Six browsers each sent one request: two are bound to each of i-1, i-2 and i-3.',
    seed: 1,
    setup: [stickyOn(), ...SHOPPERS.flatMap((c) => [call('addClient', c), call('request', c)])],
  },
  {
    id: 'scaled-out',
    title: 'A new instance nobody uses',
    description:
      'Six browsers are bound to i-1, i-2 and i-3 by AWSALB (1 day). i-4 was just added and is healthy.',
    seed: 1,
    setup: [
      stickyOn(),
      ...SHOPPERS.flatMap((c) => [call('addClient', c), call('request', c)]),
      call('launchInstance', { az: 'us-east-1a' }),
      call('registerTargets', 'web', ['i-4']),
      advance(30),
    ],
  },
  {
    id: 'app-cookie',
    title: 'Application-based stickiness on SESSIONID',
    description:
      'app_cookie stickiness on the app’s SESSIONID cookie (1 day). alice has sent one request and holds AWSALBAPP-0..3.',
    seed: 1,
    setup: [
      call('addClient', 'alice'),
      call('modifyTargetGroupAttributes', 'web', {
        'stickiness.enabled': 'true',
        'stickiness.type': 'app_cookie',
        'stickiness.app_cookie.cookie_name': 'SESSIONID',
      }),
      call('request', 'alice'),
    ],
  },
  {
    id: 'cross-site',
    title: 'A cross-site API call',
    description:
      'lb_cookie stickiness over HTTPS. alice’s page called the ALB cross-site with credentials: include.',
    seed: 1,
    setup: [
      call('addClient', 'alice'),
      stickyOn(),
      call('request', 'alice', { crossSite: true, credentials: 'include' }),
    ],
  },
  {
    id: 'http-listener',
    title: 'Cross-site calls to an HTTP listener',
    description:
      'lb_cookie stickiness behind a plain HTTP listener. alice’s page called the ALB cross-site with credentials: include.',
    seed: 1,
    setup: [
      call('addClient', 'alice'),
      call('setListenerProtocol', 'HTTP'),
      stickyOn(),
      call('request', 'alice', { crossSite: true, credentials: 'include' }),
    ],
  },
  {
    id: 'blue-green',
    title: 'Blue/green with target group stickiness',
    description:
      'The rule forwards to web (weight 1) and green (weight 0) with target group stickiness (1 h). web has lb_cookie stickiness. alice is bound to web.',
    seed: 1,
    setup: [
      call('addClient', 'alice'),
      call('createTargetGroup', 'green', { targets: 3 }),
      call('setForward', {
        targetGroups: [
          { name: 'web', weight: 1 },
          { name: 'green', weight: 0 },
        ],
        stickiness: { enabled: true, durationSeconds: 3600 },
      }),
      stickyOn(),
      advance(30),
      call('request', 'alice'),
    ],
  },
  {
    id: 'weighted-app-cookie',
    title: 'Application-based stickiness behind a weighted rule',
    description:
      'The rule forwards to web and green (weight 1 each) with target group stickiness. web uses app_cookie stickiness on SESSIONID.',
    seed: 1,
    setup: [
      call('addClient', 'alice'),
      call('createTargetGroup', 'green', { targets: 3 }),
      call('setForward', {
        targetGroups: [
          { name: 'web', weight: 1 },
          { name: 'green', weight: 1 },
        ],
        stickiness: { enabled: true, durationSeconds: 3600 },
      }),
      call('modifyTargetGroupAttributes', 'web', {
        'stickiness.enabled': 'true',
        'stickiness.type': 'app_cookie',
        'stickiness.app_cookie.cookie_name': 'SESSIONID',
      }),
      advance(30),
    ],
  },
  {
    id: 'cookies-disabled',
    title: 'A client without cookies',
    description:
      'lb_cookie stickiness (1 day). alice’s browser has cookies switched off, like curl without a cookie jar.',
    seed: 1,
    setup: [call('addClient', 'alice', { cookiesEnabled: false }), stickyOn()],
  },
  {
    id: 'websocket',
    title: 'An open WebSocket',
    description:
      'Stickiness off. alice opened a WebSocket; i-1 answered 101 Switching Protocols and holds the connection.',
    seed: 1,
    setup: [call('addClient', 'alice'), call('openWebSocket', 'alice')],
  },
  {
    id: 'external-store',
    title: 'Sessions in an external store',
    description:
      'Stickiness off. The shop keeps carts in an external store (like ElastiCache) instead of instance memory.',
    seed: 1,
    setup: [call('addClient', 'alice'), call('configureApp', { sessionStore: 'external' })],
  },
  {
    id: 'cross-zone-off',
    title: 'Cross-zone load balancing off',
    description: 'Target group web has cross-zone load balancing turned off and stickiness off.',
    seed: 1,
    setup: [
      call('addClient', 'alice'),
      call('modifyTargetGroupAttributes', 'web', { 'load_balancing.cross_zone.enabled': 'false' }),
    ],
  },
  {
    id: 'nlb-office',
    title: 'A Network Load Balancer and an office NAT',
    description: `Network Load Balancer, TCP:80 listener, target group web (TCP) with i-1, i-2, i-3, stickiness off, cross-zone load balancing on. alice browses from home; bob, carol and dave share the office NAT address ${OFFICE_NAT}.`,
    seed: 1,
    setup: nlbOffice(),
  },
  {
    id: 'nlb-office-sticky',
    title: 'NLB source-IP stickiness and an office NAT',
    description: `As “A Network Load Balancer and an office NAT”, with source_ip stickiness on target group web. bob, carol and dave share ${OFFICE_NAT}.`,
    seed: 1,
    setup: [...nlbOffice(), sourceIpOn()],
  },
  {
    id: 'clb',
    title: 'A Classic Load Balancer',
    description:
      'Classic Load Balancer with an HTTP:80 listener and i-1, i-2, i-3 registered directly, no stickiness policy. One browser, alice.',
    seed: 1,
    setup: [call('setLoadBalancerType', 'classic'), call('addClient', 'alice')],
  },
  {
    id: 'clb-duration',
    title: 'CLB duration-based stickiness (60 s), alice stuck',
    description:
      'Classic Load Balancer with the duration-based policy duration-60 (CookieExpirationPeriod 60) on the port 80 listener. alice has one AWSELB cookie.',
    seed: 1,
    setup: [
      call('setLoadBalancerType', 'classic'),
      call('addClient', 'alice'),
      call('createLBCookieStickinessPolicy', {
        policyName: 'duration-60',
        cookieExpirationPeriod: 60,
      }),
      call('setLoadBalancerPoliciesOfListener', {
        loadBalancerPort: 80,
        policyNames: ['duration-60'],
      }),
      call('request', 'alice'),
    ],
  },
  {
    id: 'gwlb',
    title: 'A Gateway Load Balancer with three appliances',
    description:
      'Gateway Load Balancer, target group appliances (GENEVE:6081) with three appliances, 5-tuple flow stickiness (the default), cross-zone load balancing on. One client, alice.',
    seed: 1,
    setup: [
      call('setLoadBalancerType', 'gateway'),
      call('modifyLoadBalancerAttributes', { 'load_balancing.cross_zone.enabled': 'true' }),
      call('addClient', 'alice'),
    ],
  },
  {
    id: 'cdn-front',
    title: 'CloudFront in front, forwarding no cookies',
    description:
      'lb_cookie stickiness with the default 1-day duration behind a CloudFront distribution whose origin request policy forwards no cookies. alice has sent one request and holds AWSALB.',
    seed: 1,
    setup: [
      call('addClient', 'alice'),
      stickyOn(),
      call('setCdn', { enabled: true, cookies: 'none' }),
      call('request', 'alice'),
    ],
  },
  ...CLIENT_SCENARIOS,
  {
    id: 'kubernetes-instance',
    title: 'Kubernetes, target-type instance: alice bound to a node',
    description:
      'The app runs as a Kubernetes Service: two pods on each of the nodes i-1, i-2 and i-3, carts in pod memory. The AWS Load Balancer Controller registered the nodes (target-type: instance); lb_cookie stickiness (1 day). alice has one item in her cart.',
    seed: 1,
    setup: [
      call('addClient', 'alice'),
      stickyOn(),
      call('configureKubernetes', { targetType: 'instance' }),
      call('request', 'alice', { path: '/cart/add' }),
    ],
  },
  {
    id: 'socketio',
    title: 'A Socket.IO app, stickiness off',
    description:
      'The default lab (i-1, i-2, i-3, round robin, stickiness off) serving a Socket.IO app. alice connects with the default transports: long polling first, then the WebSocket upgrade.',
    seed: 1,
    setup: [call('addClient', 'alice')],
  },
  ...MYTH_SCENARIOS,
  ...LAYER_SCENARIOS,
]

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id)
}

function isResult(value: unknown): value is Result {
  return typeof value === 'object' && value !== null && 'ok' in value
}

/** Applies one lab-machine event directly to a Lab (no machine). Returns the core's Result, if any. */
export function applyLabEvent(lab: Lab, event: LabEventData): Result | null {
  if (event.type === 'sim.advance') {
    lab.advance(event.seconds)
    return null
  }
  const fn = lab[event.method] as (...args: unknown[]) => unknown
  const out = fn.apply(lab, event.args)
  return isResult(out) ? out : null
}

/** Builds a scenario's lab from a fresh default lab. */
export function buildScenarioLab(
  scenario: Scenario,
  makeLab: (seed: number) => Lab = defaultLab,
): Lab {
  const lab = makeLab(scenario.seed)
  for (const e of scenario.setup) applyLabEvent(lab, e)
  return lab
}

/**
 * The lab a lesson needs at a step: its scenario, then the "Show me" events of every earlier step,
 * so that opening a lesson in the middle (a deep link) finds the lab as the earlier steps left it.
 */
export function buildLessonLab(
  lesson: Lesson,
  stepIndex: number,
  makeLab: (seed: number) => Lab = defaultLab,
): Lab {
  const scenario = findScenario(lesson.scenario)
  if (scenario === undefined)
    throw new Error(`Lesson “${lesson.id}” names an unknown scenario “${lesson.scenario}”.`)
  const lab = buildScenarioLab(scenario, makeLab)
  for (const step of lesson.steps.slice(0, stepIndex))
    for (const e of step.solution) applyLabEvent(lab, e)
  return lab
}
