// Lesson data: CloudFront in front of the ALB (issue 19 item 2). The origin request policy forwards only the
// cookies it names, so with `none` (or an allowlist without AWSALB) the ALB never sees the stickiness cookie and
// every request is a new pick, although the browser holds AWSALB; forwarding AWSALB makes the browser stick.
import type { Lesson } from '../schema'

export const cdnCookies: Lesson = {
  id: 'cdn-cookies',
  title: 'CloudFront in front: which cookies reach the ALB',
  summary:
    'CloudFront forwards only the cookies its origin request policy names; without AWSALB the ALB cannot stick.',
  scenario: 'cdn-front',
  covers: [],
  steps: [
    {
      id: 'withheld',
      title: 'The browser holds AWSALB, the ALB never sees it',
      prose: [
        'A CloudFront distribution now sits between the browsers and the load balancer. Its origin request policy decides which cookies in the viewer request go on to the origin: `CookieBehavior` is `none`, `whitelist` (only the named cookies) or `all`.',
        'Here it is `none`. Stickiness on target group web is duration-based, and alice already holds AWSALB: the load balancer’s Set-Cookie came back through CloudFront.',
      ],
      prediction: {
        question: 'alice sends three more requests. Where do they go?',
        choices: [
          { value: 'yes', label: 'All to the same instance: alice holds AWSALB' },
          { value: 'no', label: 'To new picks: the ALB never sees AWSALB' },
        ],
        observe: { kind: 'request', which: 'last', client: 'alice', field: 'sticky' },
      },
      task: 'Send three requests from alice and watch CloudFront’s box on the stage: AWSALB is struck through there.',
      controls: 'Stage → alice → Send request',
      highlight: ['Client alice > Send request'],
      goals: [
        {
          id: 'requestsSince',
          params: { client: 'alice', min: 3, allSticky: false, decision: 'sticky-miss-no-cookie' },
        },
      ],
      hints: [
        'Read the ALB decision under the picture: it says the browser’s AWSALB cookie never reached the load balancer.',
      ],
      solution: [
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'sim.advance', seconds: 2 },
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'sim.advance', seconds: 2 },
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'sim.advance', seconds: 2 },
      ],
      success:
        'Every request was a new pick: CloudFront kept AWSALB (and AWSALBCORS and SESSIONID) from the load balancer, although the browser sent them.',
    },
    {
      id: 'allowlist',
      title: 'Forward the stickiness cookie',
      prose: [
        'An allowlist fixes it: with `CookieBehavior` `whitelist` and AWSALB among the names, CloudFront passes AWSALB on and the load balancer can read the binding. Add the app’s own session cookie too, or the application never sees it either.',
        'With application-based stickiness, both the AWSALBAPP-0 cookie and the application’s cookie must be on the list.',
      ],
      task: 'In Setup → Listener and rules → CloudFront in front, choose “Forward only named cookies (whitelist)”, type AWSALB, SESSIONID, Apply CloudFront, then send three requests from alice.',
      controls:
        'Setup → Listener and rules → CloudFront in front → Forward only named cookies (whitelist), Cookie names to forward, Apply CloudFront; then alice → Send request',
      highlight: ['Forward only named cookies (whitelist)', 'Apply CloudFront'],
      goals: [
        {
          id: 'requestsSince',
          params: { client: 'alice', min: 3, allSticky: true, sameTarget: true },
        },
      ],
      hints: [
        'Cookie names are case-sensitive: AWSALB in capitals.',
        'The first request after the change may still be a new pick if alice’s AWSALB had been rewritten; the next ones stick.',
      ],
      solution: [
        {
          type: 'lab.call',
          method: 'setCdn',
          args: [{ enabled: true, cookies: 'whitelist', names: ['AWSALB', 'SESSIONID'] }],
        },
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'sim.advance', seconds: 2 },
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'sim.advance', seconds: 2 },
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'sim.advance', seconds: 2 },
      ],
      success: 'AWSALB now passes CloudFront (✓ in its box) and alice stays on one instance.',
    },
  ],
  takeaways: [
    'A CDN in front forwards only the cookies its policy names: AWSALB must be forwarded for duration-based stickiness to work.',
    'The browser still receives and stores the Set-Cookie lines; the loss is on the way in, not on the way back.',
    'With application-based stickiness, forward both AWSALBAPP-0 and the application’s cookie.',
  ],
}
