// Lesson data: application-based stickiness: the app's cookie plus the ALB's AWSALBAPP-n, both required,
// and the ALB's own duration (not the app cookie's expiry).
import type { Lesson } from '../schema'

export const appCookie: Lesson = {
  id: 'app-cookie',
  title: 'Application-based stickiness: AWSALBAPP',
  summary:
    'The app names the cookie; the ALB adds AWSALBAPP-0..3, needs both back, and keeps its own duration.',
  scenario: 'default',
  covers: ['001-7', '002-2', '003-5', '004-5', '004-18', '004-19', '004-20'],
  steps: [
    {
      id: 'enable',
      title: 'Stick to the application’s cookie',
      prose: [
        'The shop sets its own session cookie, SESSIONID. With application-based stickiness the target group follows that cookie: `stickiness.type=app_cookie` with `stickiness.app_cookie.cookie_name=SESSIONID`.',
        'Names starting with AWSALB, AWSALBAPP or AWSALBTG are reserved for the load balancer and are rejected.',
      ],
      task: 'On the stage, choose Stickiness → “Application-based”. Its cookie field should name SESSIONID (type it and press Enter if not).',
      controls: 'Target group settings → Application-based (app_cookie), App cookie name, Apply',
      highlight: ['Application-based (app_cookie)', 'App cookie name'],
      goals: [
        {
          id: 'attributeEquals',
          params: { targetGroup: 'web', key: 'stickiness.enabled', value: 'true' },
        },
        {
          id: 'attributeEquals',
          params: { targetGroup: 'web', key: 'stickiness.type', value: 'app_cookie' },
        },
        {
          id: 'attributeEquals',
          params: {
            targetGroup: 'web',
            key: 'stickiness.app_cookie.cookie_name',
            value: 'SESSIONID',
          },
        },
      ],
      hints: ['Cookie names are case-sensitive: SESSIONID in capitals.'],
      solution: [
        {
          type: 'lab.call',
          method: 'modifyTargetGroupAttributes',
          args: [
            'web',
            {
              'stickiness.enabled': 'true',
              'stickiness.type': 'app_cookie',
              'stickiness.app_cookie.cookie_name': 'SESSIONID',
            },
          ],
        },
      ],
      success: 'Target group web now waits for SESSIONID in its targets’ responses.',
      corrects: [
        {
          claim: '001-4',
          myth: 'I enabled “Target Group Stickiness” using application-based cookies.',
          fact: 'Application-based stickiness is a target group attribute (stickiness.type=app_cookie). “Target group stickiness” is a different feature: a listener-rule setting that binds a client to one of several weighted target groups with AWSALBTG.',
        },
      ],
    },
    {
      id: 'first',
      title: 'The first response',
      prose: ['Send a request and watch alice’s cookie chips.'],
      prediction: {
        question: 'Which load-balancer cookie will alice hold after the first request?',
        choices: [
          { value: 'AWSALB', label: 'AWSALB, as with duration-based stickiness' },
          { value: 'AWSALBAPP-0', label: 'AWSALBAPP-0' },
          { value: 'none', label: 'None: the app’s SESSIONID is enough' },
        ],
        observe: { kind: 'cookies', client: 'alice', among: ['AWSALB', 'AWSALBAPP-0'] },
      },
      task: 'Send a request from alice, then look at her cookie chips.',
      controls: 'Clients → alice → Send request; Cookies panel',
      highlight: ['Client alice > Send request', 'Cookies'],
      goals: [
        { id: 'requestsSince', params: { client: 'alice', min: 1 } },
        {
          id: 'cookiePresent',
          params: { client: 'alice', name: 'AWSALBAPP-0', valueNot: '_remove_' },
        },
      ],
      hints: ['Look for rows starting with AWSALBAPP.'],
      solution: [{ type: 'lab.call', method: 'request', args: ['alice'] }],
      success:
        'When the ALB saw SESSIONID in the response, it added its own encrypted cookie, AWSALBAPP-0, naming the target. It always writes AWSALBAPP-0 to AWSALBAPP-3; unused shards hold `_remove_`. The binding can grow to 16 KB in four 4 KB shards. Expires is 7 days; for Chromium 80 or later the ALB adds `SameSite=None; Secure` (there is no AWSALBAPPCORS).',
    },
    {
      id: 'both-needed',
      title: 'Both cookies are needed',
      prose: [
        'The ALB reads its own AWSALBAPP cookie and passes SESSIONID to the app untouched. What if only one comes back?',
      ],
      prediction: {
        question:
          'You delete SESSIONID but keep AWSALBAPP-0. Will the next request stay on alice’s instance?',
        choices: [
          { value: 'yes', label: 'Yes, AWSALBAPP-0 names the instance' },
          { value: 'no', label: 'No' },
        ],
        observe: { kind: 'request', which: 'first', client: 'alice', field: 'sticky' },
      },
      task: 'Open the SESSIONID chip on alice’s browser and delete it, then send a request.',
      controls: 'Cookies → Delete SESSIONID; Clients → alice → Send request',
      highlight: ['Delete SESSIONID', 'Client alice > Send request'],
      goals: [
        { id: 'requestsSince', params: { client: 'alice', decision: 'sticky-miss-no-app-cookie' } },
      ],
      hints: ['Keep the AWSALBAPP chips; delete only SESSIONID.'],
      solution: [
        { type: 'lab.call', method: 'deleteCookie', args: ['alice', 'SESSIONID'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success:
        'Not sticky (sticky-miss-no-app-cookie): the client must return both cookies. The new instance set a new SESSIONID, and the ALB bound alice to it.',
    },
    {
      id: 'alb-duration',
      title: 'Whose expiry counts?',
      prose: [
        'SESSIONID in this shop has no expiry at all: the browser keeps it until it closes. Set the stickiness duration, `stickiness.app_cookie.duration_seconds`, to 60 s and go idle.',
      ],
      prediction: {
        question:
          'SESSIONID never expires. After 5 idle minutes, will alice’s next request be sticky?',
        choices: [
          { value: 'yes', label: 'Yes, the app cookie is still valid' },
          { value: 'no', label: 'No' },
        ],
        observe: { kind: 'request', which: 'last', client: 'alice', field: 'sticky' },
      },
      task: 'Set the stickiness duration on the stage to 60 s (type it, press Enter), jump the clock 5 minutes, then send a request.',
      controls:
        'Target group settings → Stickiness duration (seconds), Apply; Time → +5 min; Clients → alice → Send request',
      highlight: [
        'Stickiness duration (seconds)',
        'Advance the clock 5 minutes',
        'Client alice > Send request',
      ],
      goals: [
        {
          id: 'attributeEquals',
          params: {
            targetGroup: 'web',
            key: 'stickiness.app_cookie.duration_seconds',
            value: '60',
          },
        },
        { id: 'requestsSince', params: { client: 'alice', decision: 'sticky-miss-expired' } },
      ],
      hints: ['Apply the 60 s first, then jump the clock, then send the request.'],
      solution: [
        {
          type: 'lab.call',
          method: 'modifyTargetGroupAttributes',
          args: ['web', { 'stickiness.app_cookie.duration_seconds': '60' }],
        },
        { type: 'sim.advance', seconds: 300 },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success:
        'Not sticky. The ALB never reads the app cookie’s expiry; it checks app_cookie.duration_seconds against its own AWSALBAPP cookie, and every response slides that window. Stickiness lasts as long as the shorter of the two: a browser drops an expired app cookie, and the ALB ignores a stale AWSALBAPP.',
      corrects: [
        {
          claim: '004-9',
          myth: 'With application cookies, the load balancer tracks the duration in the application cookie.',
          fact: 'The ALB ignores the application cookie’s expiry. It enforces stickiness.app_cookie.duration_seconds (1 s to 7 days, default 1 day) from its own AWSALBAPP cookie.',
        },
      ],
    },
  ],
  takeaways: [
    'app_cookie stickiness follows a cookie the application sets; the ALB adds AWSALBAPP-0..3 (7-day Expires, unused shards “_remove_”).',
    'Both cookies must come back: AWSALBAPP for the ALB, the app cookie for the app.',
    'The ALB enforces its own app_cookie.duration_seconds, sliding on each response; it never reads the app cookie’s expiry.',
    'After a failover the client stays with the new target even when the old one recovers.',
  ],
}
