// Lesson data: the sticky instance fails its health checks: it keeps its clients until the checks
// notice, then a new target, a lost cart and no return to the recovered instance. Then the contrast
// with an EC2 stop, which EC2 reports to the load balancer at once (unused / Target.InvalidState).
import type { Lesson } from '../schema'

/** Where alice lands after the failover when the earlier steps were done with "Show me" (seed 1);
 *  the goals do not depend on it, since a learner's own clicks may move her elsewhere. */
const SHOW_ME_NEW_TARGET = 'i-2'

export const instanceFailure: Lesson = {
  id: 'instance-failure',
  title: 'When the sticky instance fails',
  summary:
    'A failing instance keeps its clients until health checks notice; then a new instance, a lost cart, no way back. A stop is different.',
  scenario: 'cart-sticky',
  covers: ['001-5', '001-6', '002-7', '004-17'],
  steps: [
    {
      id: 'fail',
      title: 'Make alice’s instance fail',
      prose: [
        'alice is stuck to i-1 by AWSALB, and her cart (2 items) lives in i-1’s memory. Instances fail: a bad deployment, a hung process. Here i-1’s health-check page starts answering 500.',
      ],
      task: 'Choose “Fail health checks” in i-1’s actions.',
      controls: 'Instances → i-1 → Fail health checks',
      highlight: ['i-1 > Fail health checks'],
      goals: [
        {
          id: 'instanceRunning',
          params: { target: 'i-1', running: true, healthCheckFailing: true },
        },
      ],
      hints: ['Each instance on the stage has an actions menu (⋯).'],
      solution: [{ type: 'lab.call', method: 'setHealthCheckFailing', args: ['i-1', true] }],
      success:
        'i-1 now fails its health checks, but the target group still lists it as healthy: no check has run yet.',
    },
    {
      id: 'still-stuck',
      title: 'Right after the failure',
      prose: ['alice keeps shopping straight away.'],
      prediction: {
        question: 'alice sends a request before any health check has run. Will it still go to i-1?',
        choices: [
          { value: 'yes', label: 'Yes: i-1 is still marked healthy' },
          { value: 'no', label: 'No: the load balancer already avoids i-1' },
        ],
        observe: {
          kind: 'goal',
          goals: [{ id: 'requestsSince', params: { client: 'alice', target: 'i-1' } }],
          yes: 'It went to i-1, which is still marked healthy.',
          no: 'It went to another instance.',
        },
      },
      task: 'Send a request from alice.',
      controls: 'Clients → alice → Send request',
      highlight: ['Client alice > Send request'],
      goals: [{ id: 'requestsSince', params: { client: 'alice', target: 'i-1', allSticky: true } }],
      hints: ['Send it before jumping the clock: the health checks have not run yet.'],
      solution: [{ type: 'lab.call', method: 'request', args: ['alice'] }],
      success:
        'The load balancer knows only what health checks tell it, so AWSALB keeps alice on i-1 until i-1 fails 2 checks in a row. Had i-1’s application crashed outright, the load balancer would answer her with 502s in this window.',
    },
    {
      id: 'health-checks',
      title: 'Wait for the health checks',
      prose: [
        'With the default health check (interval 30 s, unhealthy threshold 2), a target is marked unhealthy after 2 failed checks in a row: about 60 s.',
      ],
      task: 'Jump the clock 30 s at a time until i-1’s card on the stage shows unhealthy.',
      controls: 'Time → +30 s; watch Instances → i-1 → Health',
      highlight: ['Advance the clock 30 seconds', 'i-1'],
      goals: [
        { id: 'targetHealth', params: { targetGroup: 'web', target: 'i-1', state: 'unhealthy' } },
      ],
      hints: ['Two or three jumps of 30 s are enough.'],
      solution: [{ type: 'sim.advance', seconds: 90 }],
      success:
        'i-1 failed two checks in a row and is unhealthy. The load balancer stops routing to it.',
    },
    {
      id: 'lost-cart',
      title: 'Moved, and the cart is gone',
      prose: ['AWSALB still names i-1.'],
      prediction: {
        question: 'alice adds another item. Will her first 2 items still be in the cart?',
        choices: [
          { value: 'yes', label: 'Yes, the cart follows her' },
          { value: 'no', label: 'No, the cart is lost' },
        ],
        observe: {
          kind: 'request',
          which: 'first',
          client: 'alice',
          pathPrefix: '/cart/add',
          field: 'cartKept',
        },
      },
      task: 'Press “Add to cart” for alice.',
      controls: 'Clients → alice → Add to cart',
      highlight: ['Client alice > Add to cart'],
      goals: [
        {
          id: 'requestsSince',
          params: { client: 'alice', pathPrefix: '/cart/add', decision: 'sticky-miss-unhealthy' },
        },
      ],
      hints: ['If the request still went to i-1, i-1 is not unhealthy yet: jump the clock again.'],
      solution: [{ type: 'lab.call', method: 'request', args: ['alice', { path: '/cart/add' }] }],
      success:
        'AWSALB named an unhealthy target, so the load balancer picked a new one by round robin and rewrote AWSALB. The new instance had never seen alice’s session, so her cart was lost (it is still in i-1’s memory). Stickiness moved her; it cannot move memory.',
      corrects: [
        {
          claim: '004-2',
          myth: 'Stickiness guarantees that all connections are sent to the same target.',
          fact: 'Stickiness holds only while the cookie is valid and its target is healthy and registered. When the target fails, the client gets a new target and, with in-memory sessions, loses its session.',
        },
      ],
    },
    {
      id: 'recover',
      title: 'Bring i-1 back',
      prose: [
        'An unhealthy target must pass 5 checks in a row (healthy threshold 5) before it gets traffic again: about 150 s.',
      ],
      task: 'Choose “Pass health checks” in i-1’s actions, then jump the clock until it shows healthy.',
      controls: 'Instances → i-1 → Pass health checks; Time → +30 s',
      highlight: ['i-1 > Pass health checks', 'Advance the clock 30 seconds'],
      goals: [
        { id: 'targetHealth', params: { targetGroup: 'web', target: 'i-1', state: 'healthy' } },
      ],
      hints: ['Five or six jumps of 30 s.'],
      solution: [
        { type: 'lab.call', method: 'setHealthCheckFailing', args: ['i-1', false] },
        { type: 'sim.advance', seconds: 180 },
      ],
      success: 'i-1 is healthy again.',
    },
    {
      id: 'no-return',
      title: 'Does alice go back?',
      prose: ['i-1 is healthy again, and its memory still holds alice’s old 2-item cart.'],
      prediction: {
        question: 'Will alice’s next request go back to i-1?',
        choices: [
          { value: 'yes', label: 'Yes, back to her original instance' },
          { value: 'no', label: 'No, she stays where she is' },
        ],
        observe: {
          kind: 'goal',
          goals: [{ id: 'requestsSince', params: { client: 'alice', target: 'i-1' } }],
          yes: 'She went back to i-1.',
          no: 'She stayed on her new instance.',
        },
      },
      task: 'Send a request from alice.',
      controls: 'Clients → alice → Send request',
      highlight: ['Client alice > Send request'],
      goals: [{ id: 'requestsSince', params: { client: 'alice', min: 1, allSticky: true } }],
      hints: [
        'Look at what AWSALB names now (X-ray in the Cookies panel shows it in the simulator).',
      ],
      solution: [{ type: 'lab.call', method: 'request', args: ['alice'] }],
      success:
        'She stays on her new instance: the load balancer rewrote AWSALB to name it. A recovered target gets no returning sessions, only new ones.',
    },
    {
      id: 'stop',
      title: 'A stop is not a failure',
      prose: [
        'Stopping an instance in EC2 is different: EC2 tells the load balancer, so no health check has to fail.',
      ],
      prediction: {
        question: 'You stop the instance alice is on, and she sends a request at once. What does she get?',
        choices: [
          { value: '200', label: '200 OK from another instance' },
          { value: '502', label: '502 Bad Gateway until health checks notice' },
        ],
        observe: { kind: 'request', which: 'first', client: 'alice', field: 'status' },
      },
      task: 'Stop the instance alice is on (her last request shows which), then send a request from alice.',
      controls: 'Instances → Stop instance; Clients → alice → Send request',
      highlight: ['Instances', 'Client alice > Send request'],
      goals: [
        { id: 'targetCount', params: { targetGroup: 'web', state: 'unused', min: 1 } },
        {
          id: 'requestsSince',
          params: { client: 'alice', status: 200, decision: 'sticky-miss-unhealthy' },
        },
      ],
      hints: [
        'Stop the instance named in alice’s AWSALB (not i-1), then send from alice.',
      ],
      solution: [
        { type: 'lab.call', method: 'stopInstance', args: [SHOW_ME_NEW_TARGET] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success:
        'A stopped instance’s target is unused at once, reason Target.InvalidState (“Target is in the stopped or terminated state”), and gets no traffic, so alice moved straight away. Starting it again sends it through the initial health check.',
    },
  ],
  takeaways: [
    'A failing target keeps its sticky clients until health checks mark it unhealthy (interval × unhealthy threshold: about 60 s by default); a crashed application answers them with 502s meanwhile.',
    'Then the load balancer picks a new target and rewrites the cookie; in-memory sessions are lost.',
    'The client stays on the new target even after the old one recovers.',
    'An EC2 stop is reported at once: the target is unused (Target.InvalidState) and gets no traffic.',
  ],
}
