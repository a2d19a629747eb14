// Lesson data: the Classic Load Balancer's duration-based AWSELB cookie is set once and never refreshed,
// and the CLB never checks its expiry: the browser drops it, so the timeout is absolute and client-enforced.
import type { Lesson } from '../schema'

export const clbAwselb: Lesson = {
  id: 'clb-awselb',
  title: 'Classic ELB’s AWSELB: absolute, client-enforced expiry',
  summary: 'A CLB duration-based policy: AWSELB is set once, never refreshed, and only the browser enforces its expiry.',
  scenario: 'clb',
  covers: ['002-4', '004-12'],
  steps: [
    {
      id: 'policy',
      title: 'A duration-based stickiness policy',
      prose: [
        'A Classic Load Balancer has no target groups: its instances are registered directly, and without stickiness each request goes to the instance with the smallest load.',
        'Stickiness is a policy on the listener. CreateLBCookieStickinessPolicy makes a duration-based one with a CookieExpirationPeriod in seconds; SetLoadBalancerPoliciesOfListener puts it on the port 80 listener.',
      ],
      prediction: {
        question: 'With a 60-second duration-based policy on the listener, which cookie does alice’s browser get?',
        choices: [
          { value: 'AWSALB', label: 'AWSALB' },
          { value: 'AWSELB', label: 'AWSELB' },
          { value: 'none', label: 'None: a CLB sticks by source IP' },
        ],
        observe: { kind: 'cookies', client: 'alice', among: ['AWSALB', 'AWSELB'] },
      },
      task: 'In Stickiness policies choose Duration-based, set Cookie expiration period (seconds) to 60 and Apply. Then send a request from alice.',
      controls:
        'Stickiness policies → Duration-based (LBCookieStickinessPolicy), Policy name, Cookie expiration period (seconds), Apply; Clients → alice → Send request',
      highlight: ['Duration-based (LBCookieStickinessPolicy)', 'Cookie expiration period (seconds)', 'Stickiness policies > Apply', 'Client alice > Send request'],
      goals: [{ id: 'cookiePresent', params: { client: 'alice', name: 'AWSELB' } }],
      hints: ['A policy name may contain only letters, digits and dashes: my_policy is refused.'],
      solution: [
        {
          type: 'lab.call',
          method: 'createLBCookieStickinessPolicy',
          args: [{ policyName: 'duration-60', cookieExpirationPeriod: 60 }],
        },
        {
          type: 'lab.call',
          method: 'setLoadBalancerPoliciesOfListener',
          args: [{ loadBalancerPort: 80, policyNames: ['duration-60'] }],
        },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success: 'The CLB inserted AWSELB, expiring 60 s from now. It names the instance that served alice.',
      corrects: [
        {
          claim: '004-12',
          myth: 'The name of the AWS-generated cookie is always AWSALB.',
          fact: 'AWSALB (with AWSALBCORS) is the ALB’s duration-based cookie. The ALB also uses AWSALBAPP-n and AWSALBTG, and the Classic Load Balancer uses AWSELB (with AWSELBCORS).',
        },
      ],
    },
    {
      id: 'not-refreshed',
      title: 'Keep browsing: is the cookie refreshed?',
      prose: ['An ALB’s AWSALB slides: every response restarts its duration. Does AWSELB?'],
      prediction: {
        question: '40 s later alice sends another request and is still stuck. How long does her AWSELB have left after that response?',
        choices: [
          { value: '20', label: 'About 20 s: its expiry did not move' },
          { value: '60', label: '60 s again: the response refreshed it' },
        ],
        observe: { kind: 'cookieExpiresIn', client: 'alice', name: 'AWSELB', candidates: [20, 60] },
      },
      task: 'Advance the clock 40 s (or more, under 60 s), then send a request from alice.',
      controls: 'Time → +30 s, +10 s; Clients → alice → Send request',
      highlight: ['Advance the clock 30 seconds', 'Client alice > Send request'],
      goals: [
        { id: 'timeElapsed', params: { seconds: 30 } },
        { id: 'requestsSince', params: { client: 'alice', min: 1, allSticky: true, carriesCookie: 'AWSELB' } },
      ],
      hints: ['Check the Expires column in the Cookies panel before and after the request.'],
      solution: [
        { type: 'sim.advance', seconds: 40 },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success:
        'The request was sticky, but the response did not reset AWSELB: the CLB does not refresh the cookie’s expiry. The period counts from when the cookie was set.',
    },
    {
      id: 'client-drops',
      title: 'The browser enforces the expiry',
      prose: [
        'The CLB does not check whether AWSELB has expired before using it. Only the browser drops an expired cookie.',
      ],
      prediction: {
        question: 'The clock passes the cookie’s 60 s, and alice sends again. Does her request carry AWSELB?',
        choices: [
          { value: 'AWSELB', label: 'Yes, and the CLB rejects it as expired' },
          { value: 'none', label: 'No, the browser has dropped it' },
        ],
        observe: { kind: 'request', which: 'first', client: 'alice', field: 'sentCookies', among: ['AWSELB'] },
      },
      task: 'Advance the clock 30 s, then send a request from alice.',
      controls: 'Time → +30 s; Clients → alice → Send request',
      highlight: ['Advance the clock 30 seconds', 'Client alice > Send request'],
      goals: [
        { id: 'timeElapsed', params: { seconds: 20 } },
        { id: 'requestsSince', params: { client: 'alice', min: 1, lacksCookie: 'AWSELB' } },
      ],
      hints: ['If the request still carried AWSELB, the cookie had time left: jump the clock again.'],
      solution: [
        { type: 'sim.advance', seconds: 30 },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success:
        'The browser dropped AWSELB at its Expires time, so the request arrived without it and the CLB treated alice as new: a fresh AWSELB came back. An active user is re-placed every CookieExpirationPeriod, however busy.',
    },
  ],
  takeaways: [
    'CLB stickiness is a listener policy: duration-based (AWSELB with CookieExpirationPeriod) or application-controlled (AWSELB follows the app cookie).',
    'A duration-based AWSELB is never refreshed and the CLB never checks its expiry: the timeout is absolute and the browser enforces it.',
    'Policy names allow only letters, digits and dashes.',
  ],
}
