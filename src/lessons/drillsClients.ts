// Drills for issue 19 items 4, 6 and 8: clients that keep no cookies, CORS preflights and credentials, and reading
// NonStickyRequestCount and RequestCountPerTarget. Appended to DRILLS (drills.ts) with one spread line.
import type { Drill } from './schema'

export const CLIENT_DRILLS: readonly Drill[] = [
  {
    id: 'load-test-spreads-users-stick',
    question:
      'A team load-tests an ALB target group with lb_cookie stickiness using curl scripts: requests spread evenly over four targets. In production, one target runs hot while RequestCountPerTarget looks moderate. What explains the difference?',
    options: [
      {
        id: 'a',
        text: 'The load test ran over HTTP, and stickiness applies only to HTTPS listeners.',
      },
      {
        id: 'b',
        text: 'curl keeps no cookies, so every test request was balanced afresh (counted in NonStickyRequestCount); real browsers return AWSALB and stay on the target they first reached, and RequestCountPerTarget is a per-group average that hides it.',
      },
      {
        id: 'c',
        text: 'RequestCountPerTarget counts only sticky requests, so the test did not show in it.',
      },
      {
        id: 'd',
        text: 'The ALB disables stickiness automatically while the request rate is high.',
      },
    ],
    correct: ['b'],
    explanation:
      'Cookie-based stickiness needs a client that stores and returns cookies. curl without -b/-c, and SDKs or load tools without a cookie jar, never send AWSALB, so each request is a new pick: NonStickyRequestCount ≈ RequestCount. Browsers stick, so uneven clients make uneven targets. CloudWatch’s RequestCountPerTarget is the group’s requests divided by its healthy targets: an average, not any one target’s load.',
    refs: ['§3.9', '§11'],
    scenario: 'load-tool-and-browsers',
    tryIt:
      'Open the Numbers tab: NonStickyRequestCount against RequestCount, and RequestCountPerTarget for web. Send requests from loadgen (curl, no cookie jar) and from alice: loadgen moves round the targets, alice stays. Switch loadgen’s Client kind to Browser and it sticks too.',
  },
  {
    id: 'awsalbcors-comes-back-nothing-sticks',
    question:
      'A single-page app on app.example.com calls api.example.net through an ALB over HTTPS with lb_cookie stickiness. DevTools shows AWSALB and AWSALBCORS in every response, yet each API call lands on a different target. The calls send a JSON body with fetch(url, { method: "POST", body }). Which TWO facts explain it? (Choose two.)',
    options: [
      { id: 'a', text: 'The ALB rejects cookies on POST requests.' },
      {
        id: 'b',
        text: 'Without credentials: "include" the browser neither sends nor stores cookies on the cross-origin call, so AWSALBCORS never comes back.',
      },
      {
        id: 'c',
        text: 'Each JSON call is preceded by a CORS preflight OPTIONS, which never carries cookies and is balanced on its own.',
      },
      {
        id: 'd',
        text: 'AWSALBCORS is only honoured by the ALB when AWSALB is absent from the jar.',
      },
    ],
    correct: ['b', 'c'],
    explanation:
      'A cross-origin fetch carries and stores cookies only with credentials: "include" (XHR: withCredentials = true), and the response must allow credentials for that origin. Cross-site, only AWSALBCORS (SameSite=None; Secure) travels, so the listener must be HTTPS. A JSON body makes the request non-simple, so the browser first sends OPTIONS, which per the Fetch standard never includes cookies: the ALB balances it freely and counts it in NonStickyRequestCount. The app must answer preflights on any target.',
    refs: ['§3.7', '§11'],
    scenario: 'cors-preflight',
    tryIt:
      'In the HTTP inspector, open an OPTIONS row: no Cookie header, and it may land on another target. On alice’s card (Clients tab) set Cross-site on, Credentials to omit and Preflight on, and send: nothing sticks. Set Credentials back to include: the request sticks, its OPTIONS does not.',
  },
]
