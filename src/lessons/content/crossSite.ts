// Lesson data: cross-site requests, SameSite and AWSALBCORS; why they need credentials and HTTPS.
import type { Lesson } from '../schema'

export const crossSite: Lesson = {
  id: 'cross-site',
  title: 'Cross-site requests: SameSite and AWSALBCORS',
  summary:
    'Why the ALB sends a second cookie, what it really holds, and why credentials and HTTPS are needed.',
  scenario: 'sticky',
  covers: ['004-23'],
  steps: [
    {
      id: 'cross-site',
      title: 'Call the ALB from another site',
      prose: [
        'alice’s page is on www.example.com and calls an API on this ALB with `fetch(url, { credentials: "include" })`: a cross-site request (and so a cross-origin one). With the switch on, the stage frames her browser in that site.',
        'AWSALB has no SameSite attribute, so browsers treat it as `SameSite=Lax` and do not send it on cross-site requests.',
      ],
      prediction: {
        question:
          'alice’s page makes a cross-site request with credentials. Which load-balancer cookie does the browser send?',
        choices: [
          { value: 'AWSALB', label: 'AWSALB' },
          { value: 'AWSALBCORS', label: 'AWSALBCORS' },
          { value: 'AWSALB+AWSALBCORS', label: 'Both' },
          { value: 'none', label: 'Neither' },
        ],
        observe: {
          kind: 'request',
          which: 'first',
          client: 'alice',
          crossSite: true,
          field: 'sentCookies',
          among: ['AWSALB', 'AWSALBCORS'],
        },
      },
      task: 'Switch on “Cross-site request” on alice’s card (credentials: include) and send two requests.',
      controls: 'Clients → alice → Cross-site request, Send request',
      highlight: ['Client alice > Cross-site request', 'Client alice > Send request'],
      goals: [
        {
          id: 'requestsSince',
          params: { client: 'alice', crossSite: true, min: 2, allSticky: true },
        },
      ],
      hints: ['Leave Credentials on “include”.'],
      solution: [
        {
          type: 'lab.call',
          method: 'request',
          args: ['alice', { crossSite: true, credentials: 'include' }],
        },
        {
          type: 'lab.call',
          method: 'request',
          args: ['alice', { crossSite: true, credentials: 'include' }],
        },
      ],
      success:
        'Only AWSALBCORS travelled, and it kept alice sticky. It carries the same binding as AWSALB plus `SameSite=None; Secure`, the attributes browsers require before they send a cookie cross-site. (The shop’s SESSIONID has no SameSite either, so the shop’s own session breaks cross-site; that is the app’s problem, not the ALB’s.)',
      corrects: [
        {
          claim: '004-21',
          myth: 'When CORS is used, the ALB generates a second cookie to note the second URL.',
          fact: 'AWSALBCORS records no URL. It holds the same binding as AWSALB plus SameSite=None; Secure, and the ALB sends it with every AWSALB, cross-site or not.',
        },
        {
          claim: '004-22',
          myth: 'The CORS cookie is AWSALBCORS and adds the SameSite=None; attribute.',
          fact: 'On an HTTPS listener it is SameSite=None; Secure. Browsers refuse a SameSite=None cookie that is not Secure.',
        },
      ],
    },
    {
      id: 'plain-http',
      title: 'Plain HTTP breaks it',
      prose: ['Some teams put internal APIs behind an HTTP listener. Try it.'],
      prediction: {
        question: 'On an HTTP listener, will cross-site requests with credentials stay sticky?',
        choices: [
          { value: 'yes', label: 'Yes, AWSALBCORS still works' },
          { value: 'no', label: 'No' },
        ],
        observe: {
          kind: 'request',
          which: 'last',
          client: 'alice',
          crossSite: true,
          field: 'sticky',
        },
      },
      task: 'Set Listener protocol to HTTP, then send two cross-site requests (credentials: include).',
      controls: 'Listener and rules → Listener protocol → HTTP; Clients → alice → Send request',
      highlight: ['Listener protocol > HTTP', 'Client alice > Send request'],
      goals: [
        { id: 'listenerProtocol', params: { protocol: 'HTTP' } },
        {
          id: 'requestsSince',
          params: { client: 'alice', crossSite: true, min: 2, allSticky: false },
        },
      ],
      hints: [
        'Keep CORS on and credentials on “include”. The Cookies panel lists the Set-Cookie lines the browser refused.',
      ],
      solution: [
        { type: 'lab.call', method: 'setListenerProtocol', args: ['HTTP'] },
        {
          type: 'lab.call',
          method: 'request',
          args: ['alice', { crossSite: true, credentials: 'include' }],
        },
        {
          type: 'lab.call',
          method: 'request',
          args: ['alice', { crossSite: true, credentials: 'include' }],
        },
      ],
      success:
        'Not sticky. Over http:// the browser does not send the Secure AWSALBCORS it already holds, and the new AWSALBCORS arrives without Secure (AWS was seen sending it that way), which a browser refuses for a SameSite=None cookie. Cross-site stickiness needs an HTTPS listener.',
    },
    {
      id: 'credentials',
      title: 'Credentials are required',
      prose: ['Back to HTTPS. This time the page forgets `credentials: "include"`.'],
      prediction: {
        question: 'On HTTPS, the page calls fetch without credentials. Will requests stay sticky?',
        choices: [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ],
        observe: {
          kind: 'request',
          which: 'last',
          client: 'alice',
          crossSite: true,
          field: 'sticky',
        },
      },
      task: 'Set Listener protocol to HTTPS, set Credentials to “omit”, and send two requests.',
      controls: 'Listener and rules → HTTPS; Clients → alice → Credentials → omit, Send request',
      highlight: [
        'Listener protocol > HTTPS',
        'Client alice > Credentials',
        'Client alice > Send request',
      ],
      goals: [
        { id: 'listenerProtocol', params: { protocol: 'HTTPS' } },
        {
          id: 'requestsSince',
          params: { client: 'alice', crossSite: true, min: 2, allSticky: false },
        },
      ],
      hints: [
        'With credentials “include”, the AWSALBCORS stored earlier would still make the request sticky. Choose “omit”.',
      ],
      solution: [
        { type: 'lab.call', method: 'setListenerProtocol', args: ['HTTPS'] },
        {
          type: 'lab.call',
          method: 'request',
          args: ['alice', { crossSite: true, credentials: 'omit' }],
        },
        {
          type: 'lab.call',
          method: 'request',
          args: ['alice', { crossSite: true, credentials: 'omit' }],
        },
      ],
      success:
        'Without credentials the browser sends and stores no cookies on cross-origin requests, so every request looks new. The page needs `credentials: "include"` (or `withCredentials` for XHR), and the response needs `Access-Control-Allow-Credentials: true` with a specific origin, not `*`.',
    },
  ],
  takeaways: [
    'Browsers do not send AWSALB (no SameSite, so Lax) on cross-site requests; AWSALBCORS (SameSite=None; Secure) carries the same binding instead.',
    'Cross-site stickiness needs credentials: "include" and an HTTPS listener.',
    'AWSALBCORS holds no URL; it is sent with every AWSALB.',
  ],
}
