// The explain layer words every fact the core can record: each Decision and TargetGroupDecision,
// each no-cookie and blocked-cookie reason, with exact sentences for representative cases (the
// same sentences the lab showed before the facts/explain split, which lessons and tests match on).

import { asClientId, asTargetGroupName, asTargetId } from '../sim/model/ids'
import { describe, expect, it } from 'vitest'
import {
  COOKIE_REJECTIONS,
  COOKIE_WITHHELD,
  DECISIONS,
  NO_COOKIE_REASONS,
  TARGET_GROUP_DECISIONS,
  type AlbFacts,
  type AlbRoute,
  type Decision,
  type GroupFacts,
  type RequestFacts,
  type TargetGroupDecision,
  type WebSocketFacts,
} from '../sim'
import { blockedCookieReason, noCookieCause } from './cookieReasons'
import { refusedCookieText, withheldCookieText } from './cookiePolicyTexts'
import { explainRequest, explainWebSocket, explainer } from './explainer'
import { formatDuration } from './formatDuration'

const pick = (over: Partial<AlbRoute & { kind: 'pick' }> = {}): AlbRoute => ({
  kind: 'pick',
  why: { code: 'stickiness-off' },
  targetGroup: asTargetGroupName('web'),
  targetId: asTargetId('i-2'),
  az: null,
  algorithm: 'round_robin',
  inFlight: null,
  slowStart: false,
  failOpen: false,
  ...over,
})

const alb = (route: AlbRoute, more: Partial<AlbFacts> = {}): AlbFacts => ({
  family: 'alb',
  route,
  tail: { kind: 'none' },
  ...more,
})

const flow = {
  sourceIp: '198.51.100.11',
  sourcePort: 49152,
  peers: null,
  targetId: asTargetId('i-1'),
  scope: { failOpen: false, az: null, movedFrom: null },
  targetGroup: asTargetGroupName('web'),
  replaced: null,
} as const

const gwlb = {
  family: 'gwlb',
  protocol: 'TCP',
  sourceIp: '198.51.100.11',
  sourcePort: 49152,
  destinationIp: '192.0.2.80',
  destinationPort: 443,
  replacedPort: null,
} as const

const key = { tuple: '5-tuple', stickinessType: null } as const

/** One representative set of facts per decision code (the compiler insists on every code). */
const BY_DECISION: Record<Decision, RequestFacts | WebSocketFacts> = {
  'round-robin': alb(pick()),
  'least-outstanding-requests': alb(pick({ algorithm: 'least_outstanding_requests', inFlight: 2 })),
  'weighted-random': alb(pick({ algorithm: 'weighted_random' })),
  'sticky-hit': alb({
    kind: 'hit',
    cookie: 'AWSALB',
    targetId: asTargetId('i-1'),
    durationSeconds: 86400,
    appCookie: '',
  }),
  'sticky-miss-no-cookie': alb(
    pick({ why: { code: 'sticky-miss-no-cookie', cookie: 'AWSALB', reason: 'none' } }),
  ),
  'sticky-miss-invalid': alb(pick({ why: { code: 'sticky-miss-invalid', cookie: 'AWSALB' } })),
  'sticky-miss-foreign-target': alb(
    pick({ why: { code: 'sticky-miss-foreign-target', cookie: 'AWSALB', named: 'i-9' } }),
  ),
  'sticky-miss-expired': alb(
    pick({
      why: { code: 'sticky-miss-expired', cookie: 'AWSALB', idleSeconds: 90, durationSeconds: 60 },
    }),
  ),
  'sticky-miss-unhealthy': alb(
    pick({
      why: {
        code: 'sticky-miss-unhealthy',
        cookie: 'AWSALB',
        named: 'i-1',
        state: 'unhealthy',
        invalidState: false,
      },
    }),
  ),
  'sticky-miss-deregistered': alb(
    pick({
      why: { code: 'sticky-miss-deregistered', cookie: 'AWSALB', named: 'i-1', state: 'draining' },
    }),
  ),
  'sticky-miss-no-app-cookie': alb(
    pick({
      why: {
        code: 'sticky-miss-no-app-cookie',
        cookie: 'AWSALBAPP-0',
        named: 'i-1',
        appCookie: 'SESSIONID',
      },
    }),
  ),
  'app-cookie-ignored-weighted': alb(pick({ why: { code: 'app-cookie-ignored-weighted' } })),
  'fail-open': alb(pick({ failOpen: true })),
  'target-unreachable-502': alb(pick(), { silence: 'hung' }),
  'no-targets-503': alb(pick({ targetId: null })),
  websocket: { family: 'websocket', targetId: asTargetId('i-1') },
  'websocket-closed': { family: 'websocket-closed', clientId: asClientId('alice') },
  'flow-hash': { family: 'nlb', protocol: 'TCP', route: { kind: 'new', sticky: null, ...flow } },
  'existing-flow': {
    family: 'nlb',
    protocol: 'UDP',
    route: { kind: 'existing', sourcePort: 49152, targetId: asTargetId('i-1') },
  },
  'source-ip-sticky-hit': {
    family: 'nlb',
    protocol: 'TCP',
    route: { kind: 'new', sticky: { kind: 'hit' }, ...flow },
  },
  'source-ip-sticky-new': {
    family: 'nlb',
    protocol: 'TCP',
    route: { kind: 'new', sticky: { kind: 'new' }, ...flow },
  },
  'source-ip-sticky-reset': {
    family: 'nlb',
    protocol: 'TCP',
    route: {
      kind: 'new',
      sticky: {
        kind: 'reset',
        boundTo: asTargetId('i-2'),
        reset: { atMs: 60_000, targetId: asTargetId('i-3'), from: 'healthy', to: 'unhealthy' },
      },
      ...flow,
    },
  },
  'source-ip-sticky-unavailable': {
    family: 'nlb',
    protocol: 'TCP',
    route: { kind: 'new', sticky: { kind: 'unavailable', boundTo: asTargetId('i-2') }, ...flow },
  },
  'flow-stickiness-hit': {
    ...gwlb,
    route: {
      kind: 'joined',
      key: { tuple: '3-tuple', stickinessType: 'source_ip_dest_ip_proto' },
      targetId: asTargetId('i-1'),
      failed: null,
    },
  },
  'flow-rebalanced': {
    ...gwlb,
    route: {
      kind: 'hash',
      key,
      rebalanced: {
        targetId: asTargetId('i-2'),
        failed: { state: 'unhealthy', attribute: 'target_failover.on_unhealthy' },
      },
      targetId: asTargetId('i-1'),
      failOpen: false,
      az: null,
    },
  },
  'flow-target-unreachable': {
    family: 'nlb',
    protocol: 'TCP',
    route: { kind: 'new', sticky: null, ...flow },
    silence: 'stopped',
  },
  'flow-no-targets': {
    family: 'nlb',
    protocol: 'TCP',
    route: { kind: 'new', sticky: null, ...flow, targetId: null },
  },
}

const weights = [
  { name: 'blue', weight: 1 },
  { name: 'green', weight: 0 },
]

function group(decision: Exclude<TargetGroupDecision, 'single'>): GroupFacts {
  return { decision, group: 'green', weights, cookieName: 'AWSALBTG', durationSeconds: 3600 }
}

function render(f: RequestFacts | WebSocketFacts): string {
  return f.family === 'websocket' || f.family === 'websocket-closed'
    ? explainWebSocket(f)
    : explainRequest(f)
}

describe('every code has words', () => {
  it.each(DECISIONS.map((d) => [d]))('decision %s renders to a sentence', (d) => {
    const text = render(BY_DECISION[d])
    expect(text.length).toBeGreaterThan(20)
    // (NLB sentences open in lower case, as they always have: "stickiness is off, …", "source_ip stickiness: …".)
    expect(text).toMatch(/\.$/)
    expect(text).not.toMatch(/undefined|null|\[object/)
  })

  it.each(TARGET_GROUP_DECISIONS.map((d) => [d]))('target group decision %s renders', (d) => {
    const route = pick()
    const facts = d === 'single' ? alb(route) : alb(route, { group: group(d) })
    const text = explainRequest(facts)
    expect(text).toMatch(/^[A-Z].*\.$/)
    expect(text).not.toMatch(/undefined|null|\[object/)
    if (d !== 'single') expect(text).not.toBe(explainRequest(alb(route)))
  })

  it.each(NO_COOKIE_REASONS.map((r) => [r]))(
    'no-cookie reason %s renders, on the ALB and the CLB',
    (r) => {
      expect(noCookieCause(r, 'AWSALB')).toMatch(/^the .*cookie/)
      const clb = explainRequest({
        family: 'clb',
        route: {
          kind: 'pick',
          miss: { code: 'sticky-miss-no-cookie', cookie: 'AWSELB', reason: r },
          targetId: asTargetId('i-1'),
          inFlight: 0,
        },
        tail: { kind: 'none' },
      })
      expect(clb).toMatch(/^The .*i-1 has the smallest load/)
    },
  )

  it.each(COOKIE_REJECTIONS.map((r) => [r]))('blocked-cookie reason %s renders', (r) => {
    expect(blockedCookieReason(r).length).toBeGreaterThan(10)
  })

  it.each(COOKIE_WITHHELD.map((r) => [r]))('withheld-cookie reason %s renders', (r) => {
    const text = withheldCookieText(r, '/cart', '/')
    expect(text).toMatch(/^[a-z]/)
    expect(text).not.toMatch(/undefined|null|\[object/)
  })

  it.each(COOKIE_REJECTIONS.map((r) => [r]))(
    'refused-cookie reason %s renders in the panel',
    (r) => {
      const text = refusedCookieText(r, { crossSite: true, credentials: 'omit', sameSite: null })
      expect(text).toMatch(/^[a-z]/)
      expect(text).not.toMatch(/undefined|null|\[object/)
    },
  )

  it('the renderer handed to labs is this layer', () => {
    expect(explainer.request).toBe(explainRequest)
    expect(explainer.webSocket).toBe(explainWebSocket)
  })
})

describe('exact sentences', () => {
  it('an lb_cookie sticky hit, and an app_cookie one', () => {
    expect(render(BY_DECISION['sticky-hit'])).toBe(
      'AWSALB names i-1, which is healthy, and the 1 day idle window has not lapsed, so the request stays on i-1.',
    )
    const app = alb({
      kind: 'hit',
      cookie: 'AWSALBAPP-0',
      targetId: asTargetId('i-2'),
      durationSeconds: 120,
      appCookie: 'SESSIONID',
    })
    expect(explainRequest(app)).toBe(
      'AWSALBAPP-0 names i-2 and the request also carries SESSIONID; i-2 is healthy and the 2 min idle window has not lapsed, so the request stays on i-2.',
    )
  })

  it('a first request: no cookie, round robin, and the response sets AWSALB', () => {
    const f = alb(
      pick({ why: { code: 'sticky-miss-no-cookie', cookie: 'AWSALB', reason: 'none' } }),
      {
        tail: { kind: 'lb-sets' },
      },
    )
    expect(explainRequest(f)).toBe(
      'Stickiness is on but the request carried no AWSALB cookie, so round robin picked i-2, and the response sets AWSALB naming it.',
    )
  })

  it('AWSALBTG keeps a zero-weight group, and the target half follows in lower case', () => {
    const f = alb(pick({ targetGroup: asTargetGroupName('green') }), {
      group: group('group-sticky-hit'),
    })
    expect(explainRequest(f)).toBe(
      'AWSALBTG keeps the client in target group green, even though its weight is now 0, because its 1 h window has not lapsed; stickiness is off, so round robin picked i-2.',
    )
  })

  it('an expired cookie, least outstanding requests with slow start, and a hung target', () => {
    const f = alb(
      pick({
        why: {
          code: 'sticky-miss-expired',
          cookie: 'AWSALB',
          idleSeconds: 90.5,
          durationSeconds: 60,
        },
        algorithm: 'least_outstanding_requests',
        inFlight: 3,
        slowStart: true,
      }),
      { silence: 'hung' },
    )
    expect(explainRequest(f)).toBe(
      'AWSALB was last refreshed 90.5 s ago, longer than the 1 min stickiness duration, so least outstanding requests (3 in flight) weighted by slow start picked i-2, but i-2 does not answer (its application has hung), so the load balancer returned 502 Bad Gateway.',
    )
  })

  it('no target in the zone: 503', () => {
    expect(explainRequest(alb(pick({ targetId: null, az: 'us-east-1b' })))).toBe(
      'Stickiness is off, and us-east-1b (cross-zone load balancing is off for web) has no registered target that can take traffic, so the load balancer returned 503 Service Unavailable.',
    )
    expect(explainRequest(alb({ kind: 'no-group' }, { group: group('none') }))).toBe(
      'Every target group in the forward action has weight 0; there is no target group to send to, so the load balancer returned 503 Service Unavailable.',
    )
  })

  it('cookies withheld cross-site', () => {
    expect(noCookieCause('cross-site-withheld', 'AWSALB')).toBe(
      'the browser holds AWSALB but withheld it from this cross-site request (only SameSite=None; Secure cookies travel cross-site)',
    )
    expect(noCookieCause('credentials-omit', 'AWSALB')).toBe(
      "the request was sent with credentials 'omit', so it carried no cookies",
    )
  })

  it('an NLB sticky-table reset', () => {
    expect(render(BY_DECISION['source-ip-sticky-reset'])).toBe(
      "source_ip stickiness: the sticky table was reset at 60 s (i-3 went from healthy to unhealthy), so 198.51.100.11's binding to i-2 is gone and the new flow was hashed on protocol, source and destination address and port, and the TCP sequence number to i-1.",
    )
  })

  it('a GWLB flow rebalanced off a failed appliance', () => {
    expect(render(BY_DECISION['flow-rebalanced'])).toBe(
      "The flow's appliance i-2 is unhealthy and target_failover.on_unhealthy is rebalance, so TCP 198.51.100.11:49152 → 192.0.2.80:443 was hashed on its 5-tuple (source IP and port, destination IP and port, protocol; stickiness is off) to appliance i-1, which inspected the packets and sent them on to their destination.",
    )
  })

  it('a CLB duration cookie set for the first time', () => {
    const f: RequestFacts = {
      family: 'clb',
      route: { kind: 'pick', miss: null, targetId: asTargetId('i-1'), inFlight: 0 },
      tail: { kind: 'lb-sets', periodSeconds: 60 },
    }
    expect(explainRequest(f)).toBe(
      'The listener has no stickiness policy; i-1 has the smallest load (0 outstanding, ties go round robin), so it gets the request, and the response sets AWSELB naming it with Max-Age=60 (the CLB never refreshes it).',
    )
  })

  it('a WebSocket message with no connection', () => {
    expect(render(BY_DECISION['websocket-closed'])).toBe(
      'Client alice has no open WebSocket connection (never opened, closed, or its target went away), so the message was not sent.',
    )
  })

  it.each([
    [20, '20 s'],
    [90, '90 s'],
    [120, '2 min'],
    [3600, '1 h'],
    [86400, '1 day'],
    [604800, '7 days'],
  ])('duration %s → %s', (s, text) => expect(formatDuration(s)).toBe(text))
})
