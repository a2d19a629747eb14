// Lesson data: the seed articles' hands-on demo of duration-based stickiness, step by step in the lab.
import type { Lesson } from '../schema'

export const cookieDemo: Lesson = {
  id: 'cookie-demo',
  title: 'Duration-based stickiness: the AWSALB demo',
  summary: 'No cookie, stickiness on, AWSALB appears, refreshes hold, delete it, turn it off.',
  scenario: 'default',
  covers: [
    '000-1',
    '000-4',
    '003-2',
    '003-4',
    '003-6',
    '003-7',
    '003-9',
    '004-6',
    '004-14',
    '004-16',
    '004-23',
    '004-24',
  ],
  steps: [
    {
      id: 'no-cookie',
      title: 'Start without a load-balancer cookie',
      prose: [
        'Stickiness is a setting of the target group, and in target group `web` it is off.',
        'alice’s browser on the stage shows its cookies as chips: it holds none yet.',
      ],
      task: 'Send one request, then look at alice’s cookie chips.',
      controls: 'Clients → alice → Send request; then the Cookies panel',
      highlight: ['Client alice > Send request', 'Cookies'],
      goals: [
        { id: 'requestsSince', params: { client: 'alice', min: 1 } },
        { id: 'cookiePresent', params: { client: 'alice', name: 'AWSALB', present: false } },
      ],
      hints: [
        'Each chip on alice’s browser is one cookie; the Cookies tab beside the stage lists them as rows, like the Application tab of the browser’s developer tools.',
      ],
      solution: [{ type: 'lab.call', method: 'request', args: ['alice'] }],
      success:
        'Only the shop’s own SESSIONID arrived. With stickiness off, the load balancer adds no cookie.',
    },
    {
      id: 'turn-on',
      title: 'Turn on duration-based stickiness',
      prose: [
        'In AWS this is one target group attribute change: `stickiness.enabled=true` with `stickiness.type=lb_cookie`. The duration, `stickiness.lb_cookie.duration_seconds`, defaults to 86400 s (1 day).',
        'In the console it is Target groups → web → Attributes → Edit → Stickiness.',
      ],
      task: 'On the stage, choose Stickiness → “Duration-based”: the target group applies it at once.',
      controls: 'Target group settings → Stickiness → Duration-based (lb_cookie), then Apply',
      highlight: ['Stickiness', 'Duration-based (lb_cookie)'],
      goals: [
        {
          id: 'attributeEquals',
          params: { targetGroup: 'web', key: 'stickiness.enabled', value: 'true' },
        },
        {
          id: 'attributeEquals',
          params: { targetGroup: 'web', key: 'stickiness.type', value: 'lb_cookie' },
        },
      ],
      hints: [
        'Choosing the radio button only edits the form. Nothing changes until you press Apply.',
      ],
      solution: [
        {
          type: 'lab.call',
          method: 'modifyTargetGroupAttributes',
          args: ['web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' }],
        },
      ],
      success:
        'Stickiness is on for target group web. The form shows the equivalent aws elbv2 modify-target-group-attributes command.',
    },
    {
      id: 'first-cookie',
      title: 'The first sticky response',
      prose: ['alice still has no AWSALB cookie. Predict, then send a request.'],
      prediction: {
        question: 'Stickiness is on. Will alice’s next request be sticky?',
        choices: [
          { value: 'yes', label: 'Yes, it stays on the instance that served her last' },
          { value: 'no', label: 'No, the algorithm picks the instance' },
        ],
        observe: { kind: 'request', which: 'first', client: 'alice', field: 'sticky' },
        note: 'Stickiness starts with the response: the load balancer adds AWSALB, which names the instance it just picked.',
      },
      task: 'Send a request, then look at alice’s cookie chips.',
      controls: 'Clients → alice → Send request; Cookies panel',
      highlight: ['Client alice > Send request', 'Cookies'],
      goals: [
        { id: 'requestsSince', params: { client: 'alice', min: 1 } },
        { id: 'cookiePresent', params: { client: 'alice', name: 'AWSALB' } },
      ],
      hints: [
        'When the response is back, alice’s browser shows AWSALB and AWSALBCORS chips next to SESSIONID.',
      ],
      solution: [{ type: 'lab.call', method: 'request', args: ['alice'] }],
      success:
        'The response set AWSALB and AWSALBCORS, with the same encrypted value naming the chosen instance; clients cannot read it. (X-ray in the Cookies panel shows what the simulator put inside.)',
      corrects: [
        {
          claim: '002-5',
          myth: 'The instance creates the sticky cookie when the load balancer forwards the request, and the response includes it.',
          fact: 'The load balancer creates AWSALB and adds it to the response. The instance never sets it; only in application-based mode does the app set its own cookie.',
        },
      ],
    },
    {
      id: 'refresh',
      title: 'Refreshes hold',
      prose: [
        'Now every request carries AWSALB in its Cookie header. Check one in the HTTP inspector.',
      ],
      task: 'Send three more requests.',
      controls: 'Clients → alice → Send request',
      highlight: ['Client alice > Send request'],
      goals: [
        {
          id: 'requestsSince',
          params: { client: 'alice', min: 3, allSticky: true, sameTarget: true },
        },
      ],
      hints: ['Each request should show “sticky” under alice’s buttons.'],
      solution: [
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success:
        'Every request landed on the same instance (decision sticky-hit). Each response also rewrote AWSALB with a new value: the load balancer refreshes the cookie on every response.',
    },
    {
      id: 'delete',
      title: 'Delete the cookie',
      prose: [
        'In the seed demo the author deletes the cookie in the browser’s developer tools. Do the same.',
      ],
      prediction: {
        question: 'You delete AWSALB and AWSALBCORS. Will alice’s next request still be sticky?',
        choices: [
          { value: 'yes', label: 'Yes: the load balancer remembers her' },
          { value: 'no', label: 'No: without a cookie the algorithm chooses again' },
        ],
        observe: { kind: 'request', which: 'first', client: 'alice', field: 'sticky' },
      },
      task: 'Open the AWSALB chip on alice’s browser and delete it, do the same with AWSALBCORS, then send a request.',
      controls: 'Cookies → Delete AWSALB, Delete AWSALBCORS; then Send request',
      highlight: ['Delete AWSALB', 'Delete AWSALBCORS', 'Client alice > Send request'],
      goals: [
        {
          id: 'requestsSince',
          params: { client: 'alice', min: 1, decision: 'sticky-miss-no-cookie' },
        },
      ],
      hints: [
        'Delete both: AWSALBCORS carries the same binding as AWSALB, so a request that still carries it stays sticky.',
        'The decision you are looking for is sticky-miss-no-cookie: stickiness on, no cookie.',
      ],
      solution: [
        { type: 'lab.call', method: 'deleteCookie', args: ['alice', 'AWSALB'] },
        { type: 'lab.call', method: 'deleteCookie', args: ['alice', 'AWSALBCORS'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success:
        'Without a cookie, round robin chose the instance, and the response set a new AWSALB naming it.',
      corrects: [
        {
          claim: '003-8',
          myth: 'Deleting the cookie leads to requests being distributed across instances again.',
          fact: 'Only the next request is routed by the algorithm. Its response sets a new AWSALB, so the browser sticks to the new instance from then on.',
        },
      ],
    },
    {
      id: 'stuck-again',
      title: 'Stuck again',
      prose: ['alice has a fresh AWSALB. Keep browsing.'],
      prediction: {
        question: 'Will alice’s next requests spread across the instances, as before stickiness?',
        choices: [
          { value: 'yes', label: 'Yes, they spread again' },
          { value: 'no', label: 'No, they stay on one instance' },
        ],
        observe: {
          kind: 'goal',
          goals: [{ id: 'requestsSince', params: { client: 'alice', min: 2, distinctTargets: 2 } }],
          yes: 'The requests spread across instances.',
          no: 'The requests stayed on one instance: the new AWSALB holds alice there.',
        },
      },
      task: 'Send two more requests.',
      controls: 'Clients → alice → Send request',
      highlight: ['Client alice > Send request'],
      goals: [
        {
          id: 'requestsSince',
          params: { client: 'alice', min: 2, allSticky: true, sameTarget: true },
        },
      ],
      hints: ['The HTTP inspector’s decision column should read sticky-hit for both.'],
      solution: [
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success: 'Sticky again, on the new instance.',
    },
    {
      id: 'turn-off',
      title: 'Turn stickiness off',
      prose: ['Last part of the demo: disable stickiness in the target group.'],
      task: 'On the stage, choose Stickiness → Off.',
      controls: 'Target group settings → Stickiness → Off, then Apply',
      highlight: ['Stickiness > Off'],
      goals: [
        {
          id: 'attributeEquals',
          params: { targetGroup: 'web', key: 'stickiness.enabled', value: 'false' },
        },
      ],
      hints: ['“Off” is the first choice under Stickiness.'],
      solution: [
        {
          type: 'lab.call',
          method: 'modifyTargetGroupAttributes',
          args: ['web', { 'stickiness.enabled': 'false' }],
        },
      ],
      success:
        'Stickiness is off. alice still holds AWSALB (its Expires is days away), but the load balancer no longer reads it.',
    },
    {
      id: 'spread-again',
      title: 'Back to round robin',
      prose: ['alice’s browser still sends AWSALB with every request.'],
      prediction: {
        question: 'alice still sends AWSALB. Will her requests stay on one instance?',
        choices: [
          { value: 'yes', label: 'Yes, the cookie still binds her' },
          { value: 'no', label: 'No, they spread again' },
        ],
        observe: {
          kind: 'goal',
          goals: [{ id: 'requestsSince', params: { client: 'alice', min: 2, sameTarget: true } }],
          yes: 'The requests stayed on one instance.',
          no: 'The requests spread: with stickiness off, the load balancer ignores AWSALB and stops setting it.',
        },
      },
      task: 'Send three requests.',
      controls: 'Clients → alice → Send request',
      highlight: ['Client alice > Send request'],
      goals: [
        {
          id: 'requestsSince',
          params: { client: 'alice', min: 3, distinctTargets: 3, allSticky: false },
        },
      ],
      hints: ['Watch the decision: round-robin for each request.'],
      solution: [
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success: 'Each request was routed on its own again. That completes the seed articles’ demo.',
    },
  ],
  takeaways: [
    'Duration-based stickiness is a target group attribute: stickiness.type=lb_cookie, duration 1 s to 7 days (default 1 day).',
    'The load balancer, not the instance, sets AWSALB (plus AWSALBCORS with the same value) on the first response and refreshes it on every response.',
    'Deleting the cookie re-sticks the browser to whichever instance the algorithm picks next.',
    'With stickiness off, the load balancer ignores AWSALB even if the browser still sends it.',
  ],
}
