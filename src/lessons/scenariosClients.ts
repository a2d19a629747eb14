// Starting labs for issue 19 items 4, 6 and 8: clients without a cookie jar next to browsers, and a cross-site page
// whose calls are preflighted. Appended to SCENARIOS (scenarios.ts) with one spread line.
import type { LabEventData, Scenario } from './schema'

const call = (
  method: Extract<LabEventData, { type: 'lab.call' }>['method'],
  ...args: unknown[]
): LabEventData => ({
  type: 'lab.call',
  method,
  args,
})
const sticky = call('modifyTargetGroupAttributes', 'web', {
  'stickiness.enabled': 'true',
  'stickiness.type': 'lb_cookie',
  'stickiness.lb_cookie.duration_seconds': '86400',
})
const CORS = { crossSite: true, credentials: 'include' } as const

export const CLIENT_SCENARIOS: readonly Scenario[] = [
  {
    id: 'load-tool-and-browsers',
    title: 'Browsers and a load tool without a cookie jar',
    description:
      'lb_cookie stickiness (1 day). alice and bob are browsers; loadgen is curl and api is an SDK, neither keeps cookies. Each has sent three requests.',
    seed: 1,
    setup: [
      call('addClient', 'alice'),
      call('addClient', 'bob'),
      call('addClient', 'loadgen', { kind: 'curl' }),
      call('addClient', 'api', { kind: 'sdk' }),
      sticky,
      ...['alice', 'bob', 'loadgen', 'api'].flatMap((id) => [
        call('request', id),
        call('request', id),
        call('request', id),
      ]),
    ],
  },
  {
    id: 'cors-preflight',
    title: 'Cross-site calls with a CORS preflight',
    description:
      'lb_cookie stickiness over HTTPS. alice’s page on another site calls the ALB with credentials: include and a JSON body, so every call is preceded by an OPTIONS preflight without cookies.',
    seed: 1,
    setup: [
      call('addClient', 'alice'),
      sticky,
      call('request', 'alice', CORS),
      call('request', 'alice', { ...CORS, preflight: true }),
      call('request', 'alice', { ...CORS, preflight: true }),
    ],
  },
]
