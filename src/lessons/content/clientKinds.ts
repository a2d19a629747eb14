// Lesson data (issue 19, items 4, 6 and 8): clients that never stick. curl and SDKs keep no cookie jar; a CORS
// preflight never carries cookies; NonStickyRequestCount shows both.
import type { Lesson } from '../schema'

const CORS_JSON = { crossSite: true, credentials: 'include', preflight: true } as const

export const clientKinds: Lesson = {
  id: 'client-kinds',
  title: 'Clients that never stick',
  summary:
    'curl, SDKs and CORS preflights send no cookies: why load tests spread evenly while users stick.',
  scenario: 'load-tool-and-browsers',
  covers: ['004-4', '004-16'],
  steps: [
    {
      id: 'curl',
      title: 'A load tool without a cookie jar',
      prose: [
        'Stickiness is on. alice and bob are browsers; loadgen is curl and api an HTTP SDK. Their cards on the stage say so, and where a browser shows cookie chips they show “no cookie jar”.',
      ],
      prediction: {
        question: 'loadgen has sent requests before. Will its next requests stay on one instance?',
        choices: [
          { value: 'yes', label: 'Yes, stickiness is on' },
          { value: 'no', label: 'No' },
        ],
        observe: {
          kind: 'goal',
          goals: [{ id: 'requestsSince', params: { client: 'loadgen', min: 2, sameTarget: true } }],
          yes: 'loadgen stayed on one instance.',
          no: 'loadgen’s requests went to different instances.',
        },
      },
      task: 'Send three requests from loadgen.',
      controls: 'Stage → loadgen → Send request (or Clients → loadgen → Send request)',
      highlight: ['Client loadgen > Send request'],
      goals: [
        {
          id: 'requestsSince',
          params: { client: 'loadgen', min: 3, allDecision: 'sticky-miss-no-cookie' },
        },
      ],
      hints: ['Each decision reads sticky-miss-no-cookie: the client keeps no cookies.'],
      solution: [
        { type: 'lab.call', method: 'request', args: ['loadgen'] },
        { type: 'lab.call', method: 'request', args: ['loadgen'] },
        { type: 'lab.call', method: 'request', args: ['loadgen'] },
      ],
      success:
        'curl never returned AWSALB, so round robin chose a target for every request and each counted in NonStickyRequestCount. A load test of such clients spreads evenly; browsers stick where they first landed. The Numbers tab shows NonStickyRequestCount against RequestCount.',
    },
    {
      id: 'browser',
      title: 'Give it a cookie jar',
      prose: ['A browser, or curl with -c/-b and a jar file, returns the cookie.'],
      task: 'Set loadgen’s Client kind to Browser and send two requests from it.',
      controls: 'Clients → loadgen → Client kind → Browser, Send request',
      highlight: ['Client loadgen > Client kind', 'Client loadgen > Send request'],
      goals: [
        { id: 'clientSettings', params: { client: 'loadgen', kind: 'browser' } },
        { id: 'requestsSince', params: { client: 'loadgen', min: 2, decision: 'sticky-hit' } },
      ],
      hints: ['The first request gets AWSALB; the second one carries it back.'],
      solution: [
        { type: 'lab.call', method: 'setClientOptions', args: ['loadgen', { kind: 'browser' }] },
        { type: 'lab.call', method: 'request', args: ['loadgen'] },
        { type: 'lab.call', method: 'request', args: ['loadgen'] },
      ],
      success: 'With a jar the second request carried AWSALB back and was sticky.',
    },
    {
      id: 'preflight',
      title: 'A CORS preflight',
      prose: [
        'alice’s page on another site now calls the API with credentials: "include" and a JSON body. JSON is not a “simple” request, so the browser first sends an OPTIONS preflight.',
      ],
      prediction: {
        question: 'alice holds AWSALBCORS. Will the OPTIONS preflight reach her sticky instance?',
        choices: [
          { value: 'yes', label: 'Yes, it carries AWSALBCORS' },
          { value: 'no', label: 'Not necessarily: it carries no cookies' },
        ],
        observe: {
          kind: 'goal',
          goals: [
            {
              id: 'requestsSince',
              params: { client: 'alice', method: 'OPTIONS', allSticky: true },
            },
          ],
          yes: 'The preflight was sticky.',
          no: 'The preflight was balanced on its own, without cookies.',
        },
      },
      task: 'On alice’s card switch on Cross-site request and Preflight, and send two requests.',
      controls:
        'Clients → alice → Cross-site request, Preflight (JSON / custom header), Send request',
      highlight: [
        'Client alice > Cross-site request',
        'Client alice > Preflight (JSON / custom header)',
        'Client alice > Send request',
      ],
      goals: [
        {
          id: 'requestsSince',
          params: { client: 'alice', method: 'OPTIONS', min: 2, allSticky: false },
        },
        {
          id: 'requestsSince',
          params: { client: 'alice', method: 'GET', crossSite: true, min: 2, allSticky: true },
        },
      ],
      hints: [
        'Each call shows two dots: the OPTIONS one says “no cookies”. Open one in the HTTP inspector.',
      ],
      solution: [
        { type: 'lab.call', method: 'request', args: ['alice', CORS_JSON] },
        { type: 'lab.call', method: 'request', args: ['alice', CORS_JSON] },
      ],
      success:
        'Each OPTIONS went out without cookies (the Fetch standard never sends credentials on a preflight) and round robin placed it: it counts in NonStickyRequestCount. The calls themselves carried AWSALBCORS and stuck. Let every target answer preflights without a session.',
    },
  ],
  takeaways: [
    'Clients without a cookie jar (curl, many SDKs and load tools) are never sticky: NonStickyRequestCount ≈ RequestCount.',
    'A CORS preflight (OPTIONS) never carries cookies and is balanced freely; the call after it sticks only with credentials: "include" (withCredentials) and AWSALBCORS over HTTPS.',
  ],
}
