// Lesson data: what AWSALB and AWSALBCORS carry, what an edited cookie does, and the other cookie names.
import type { Lesson } from '../schema'

export const cookieInternals: Lesson = {
  id: 'cookie-internals',
  title: 'Inside the cookie: delete one, tamper, and other names',
  summary:
    'AWSALB and AWSALBCORS carry the same binding, an edited cookie is ignored, and AWSALB is not the only name.',
  scenario: 'sticky',
  covers: ['004-11', '004-14', '003-7', '003-5'],
  steps: [
    {
      id: 'one-of-two',
      title: 'Delete only AWSALB',
      prose: [
        'Stickiness is on (lb_cookie, 1 day) and alice is bound to i-1. Her browser holds AWSALB and AWSALBCORS with the same value.',
      ],
      prediction: {
        question: 'You delete AWSALB but keep AWSALBCORS. Will alice’s next request stay on i-1?',
        choices: [
          { value: 'yes', label: 'Yes, it stays on i-1' },
          { value: 'no', label: 'No, it goes wherever round robin says' },
        ],
        observe: { kind: 'request', which: 'first', client: 'alice', field: 'sticky' },
      },
      task: 'Open the AWSALB chip on alice’s browser and delete it (only AWSALB), then send a request.',
      controls: 'Cookies → Delete AWSALB; Clients → alice → Send request',
      highlight: ['Delete AWSALB', 'Client alice > Send request'],
      goals: [
        {
          id: 'requestsSince',
          params: { client: 'alice', lacksCookie: 'AWSALB', carriesCookie: 'AWSALBCORS', min: 1 },
        },
      ],
      hints: [
        'Leave AWSALBCORS in place. The request’s Cookie header in the HTTP inspector shows which cookies travelled.',
      ],
      solution: [
        { type: 'lab.call', method: 'deleteCookie', args: ['alice', 'AWSALB'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success:
        'AWSALBCORS holds the same binding as AWSALB, so alice stayed on i-1 and the response set AWSALB again. To end stickiness from the browser you must remove both. (AWS documents that the two carry the same information; the simulator reads AWSALBCORS only when AWSALB is missing.)',
    },
    {
      id: 'tamper',
      title: 'Tamper with the value',
      prose: [
        'The value is encrypted with a key that AWS rotates, so a client can neither read nor forge it. What if someone edits it anyway?',
      ],
      prediction: {
        question:
          'You change the value of AWSALB. What will the load balancer do with the next request?',
        choices: [
          {
            value: 'sticky-miss-invalid',
            label: 'Ignore the cookie, pick a target with the algorithm, write a new cookie',
          },
          { value: 'sticky-hit', label: 'Still send it to i-1' },
          { value: 'error', label: 'Reject the request with an error' },
        ],
        observe: { kind: 'request', which: 'first', client: 'alice', field: 'decision' },
      },
      task: 'Open the AWSALB chip on alice’s browser, press “Edit AWSALB”, change the value and save it, then send a request.',
      controls: 'Cookies → Value of AWSALB; Clients → alice → Send request',
      highlight: ['Value of AWSALB', 'Client alice > Send request'],
      goals: [
        { id: 'requestsSince', params: { client: 'alice', decision: 'sticky-miss-invalid' } },
      ],
      hints: [
        'In the chip’s details, “Edit AWSALB” opens its value: change a character and save. Then send a request.',
      ],
      solution: [
        { type: 'lab.call', method: 'setCookie', args: ['alice', 'AWSALB', 'tampered-value'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success:
        'The value would not decrypt, so the request counted as non-sticky (decision sticky-miss-invalid, metric NonStickyRequestCount). Round robin picked a target and the response rewrote AWSALB. The browser sees no error. The same happens to a cookie a client or proxy URL-encodes: ALBs do not support URL-encoded cookie values.',
    },
    {
      id: 'names',
      title: 'Not only AWSALB',
      prose: [
        'AWSALB and AWSALBCORS belong to duration-based stickiness only. Each other kind of binding has its own cookie names.',
        'Application-based stickiness: `AWSALBAPP-0` to `AWSALBAPP-3`. Target group stickiness on a weighted rule: `AWSALBTG` and `AWSALBTGCORS`. Classic Load Balancer: `AWSELB` and `AWSELBCORS`.',
      ],
      prediction: {
        question:
          'A target group uses application-based stickiness. Which cookie does the ALB add for it?',
        choices: [
          { value: 'AWSALB', label: 'AWSALB' },
          { value: 'AWSALBAPP', label: 'AWSALBAPP-0 (up to AWSALBAPP-3)' },
          { value: 'AWSALBTG', label: 'AWSALBTG' },
          { value: 'AWSELB', label: 'AWSELB' },
        ],
        observe: {
          kind: 'fixed',
          value: 'AWSALBAPP',
          because:
            'With app_cookie the ALB writes its own encrypted AWSALBAPP-0 (split into up to four 4 KB shards, AWSALBAPP-0 to AWSALBAPP-3) next to the application’s cookie.',
        },
      },
      task: 'Answer the question. You will see AWSALBAPP-0 in the lab in the application-based stickiness lesson.',
      controls: 'This step is a question; no lab controls are needed.',
      highlight: [],
      goals: [{ id: 'always', params: {} }],
      hints: ['“APP” stands for application-based stickiness.'],
      solution: [],
      success: 'Know the names: the exam likes to offer AWSALB where another cookie is meant.',
      corrects: [
        {
          claim: '004-12',
          myth: 'The name of the AWS-generated cookie is always AWSALB.',
          fact: 'AWSALB (with AWSALBCORS) is only for duration-based stickiness. Application-based stickiness uses AWSALBAPP-0 to AWSALBAPP-3, target group stickiness uses AWSALBTG and AWSALBTGCORS, and the Classic Load Balancer uses AWSELB.',
        },
      ],
    },
  ],
  takeaways: [
    'AWSALBCORS carries the same binding as AWSALB; deleting only one keeps the browser sticky.',
    'An unreadable cookie (edited, truncated, URL-encoded, from another load balancer) is ignored without an error; a new target is chosen and the cookie rewritten.',
    'Cookie names: AWSALB/AWSALBCORS (lb_cookie), AWSALBAPP-0..3 (app_cookie), AWSALBTG/AWSALBTGCORS (target group stickiness), AWSELB/AWSELBCORS (CLB).',
  ],
}
