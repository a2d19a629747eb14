// Lesson data: cookie-based stickiness needs a client that stores and returns cookies.
import type { Lesson } from '../schema'

export const cookiesDisabled: Lesson = {
  id: 'cookies-disabled',
  title: 'Clients that refuse cookies',
  summary: 'Without a cookie jar every request looks new: no stickiness, no cart.',
  scenario: 'sticky',
  covers: ['002-9', '004-4', '003-2'],
  steps: [
    {
      id: 'disable',
      title: 'Switch cookies off',
      prose: [
        'Stickiness is on and alice is bound to i-1. Some clients never keep cookies: curl without a cookie jar, health probes, many API clients, or a browser with cookies blocked.',
      ],
      task: 'Switch off “Cookies enabled” on alice’s card.',
      controls: 'Clients → alice → Cookies enabled',
      highlight: ['Client alice > Cookies enabled'],
      goals: [{ id: 'clientSettings', params: { client: 'alice', cookiesEnabled: false } }],
      hints: ['The switch is under the cart line on alice’s card.'],
      solution: [
        {
          type: 'lab.call',
          method: 'setClientOptions',
          args: ['alice', { cookiesEnabled: false }],
        },
      ],
      success: 'alice’s browser now stores and sends no cookies; her jar is empty.',
    },
    {
      id: 'no-stick',
      title: 'Browse without cookies',
      prose: ['Stickiness is still on in the target group.'],
      prediction: {
        question: 'Will alice’s requests stay on one instance?',
        choices: [
          { value: 'yes', label: 'Yes, stickiness is on' },
          { value: 'no', label: 'No' },
        ],
        observe: {
          kind: 'goal',
          goals: [{ id: 'requestsSince', params: { client: 'alice', min: 2, sameTarget: true } }],
          yes: 'alice stayed on one instance.',
          no: 'alice’s requests went to different instances.',
        },
      },
      task: 'Send three requests from alice.',
      controls: 'Clients → alice → Send request',
      highlight: ['Client alice > Send request'],
      goals: [
        {
          id: 'requestsSince',
          params: { client: 'alice', min: 3, allDecision: 'sticky-miss-no-cookie' },
        },
      ],
      hints: ['Every decision should read sticky-miss-no-cookie.'],
      solution: [
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success:
        'Every request arrived without AWSALB (sticky-miss-no-cookie), so each was routed by the algorithm and counted in NonStickyRequestCount. The shop’s SESSIONID was dropped too, so each request started a new cart.',
    },
    {
      id: 'enable',
      title: 'Cookies back on',
      prose: ['Turn cookies back on and watch stickiness start again.'],
      task: 'Switch “Cookies enabled” back on and send two requests.',
      controls: 'Clients → alice → Cookies enabled, Send request',
      highlight: ['Client alice > Cookies enabled', 'Client alice > Send request'],
      goals: [
        { id: 'clientSettings', params: { client: 'alice', cookiesEnabled: true } },
        { id: 'requestsSince', params: { client: 'alice', min: 2, decision: 'sticky-hit' } },
      ],
      hints: ['The first request gets a new AWSALB; the second is sticky.'],
      solution: [
        { type: 'lab.call', method: 'setClientOptions', args: ['alice', { cookiesEnabled: true }] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success:
        'The first response set AWSALB again and the second request was sticky. ALB stickiness needs a client that keeps cookies.',
    },
  ],
  takeaways: [
    'Cookie-based stickiness needs a client that stores and returns cookies; without them every request is non-sticky.',
    'Non-sticky requests while stickiness is on show up in the NonStickyRequestCount metric.',
  ],
}
