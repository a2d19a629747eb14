// Lesson data: the sticky instance fails: 502s until health checks notice, a new target, a lost cart,
// and no return to the recovered instance.
import type { Lesson } from '../schema'

export const instanceFailure: Lesson = {
  id: 'instance-failure',
  title: 'When the sticky instance fails',
  summary: '502s until health checks notice, then a new instance, a lost cart, and no way back.',
  scenario: 'cart-sticky',
  covers: ['001-5', '001-6', '002-7', '004-17'],
  steps: [
    {
      id: 'stop',
      title: 'Stop alice’s instance',
      prose: [
        'alice is stuck to i-1 by AWSALB, and her cart (2 items) lives in i-1’s memory. Instances fail: a crash, a bad deployment, a lost Availability Zone.',
      ],
      task: 'Open i-1’s actions menu (⋯ on its card on the stage) and choose “Stop instance”.',
      controls: 'Instances → i-1 → Stop instance',
      highlight: ['i-1 > Stop instance'],
      goals: [{ id: 'instanceRunning', params: { target: 'i-1', running: false } }],
      hints: ['Each instance’s card on the stage has a ⋯ button with its actions.'],
      solution: [{ type: 'lab.call', method: 'stopInstance', args: ['i-1'] }],
      success:
        'i-1 is stopped, but the target group still lists it as healthy: no health check has failed yet.',
    },
    {
      id: 'bad-gateway',
      title: 'Right after the failure',
      prose: ['alice keeps shopping straight away.'],
      prediction: {
        question: 'alice sends a request now. What does she get?',
        choices: [
          { value: '200', label: '200 OK from another instance' },
          { value: '502', label: '502 Bad Gateway' },
          { value: '503', label: '503 Service Unavailable' },
        ],
        observe: { kind: 'request', which: 'first', client: 'alice', field: 'status' },
      },
      task: 'Send a request from alice.',
      controls: 'Clients → alice → Send request',
      highlight: ['Client alice > Send request'],
      goals: [{ id: 'requestsSince', params: { client: 'alice', status: 502 } }],
      hints: ['Send it before jumping the clock: the health checks have not run yet.'],
      solution: [{ type: 'lab.call', method: 'request', args: ['alice'] }],
      success:
        'AWSALB names i-1 and i-1 is still marked healthy, so the request goes there. Nothing answers, so the load balancer itself returns 502 Bad Gateway. That lasts until health checks mark i-1 unhealthy.',
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
      hints: ['If the request still got a 502, i-1 is not unhealthy yet: jump the clock again.'],
      solution: [{ type: 'lab.call', method: 'request', args: ['alice', { path: '/cart/add' }] }],
      success:
        'AWSALB named an unhealthy target, so the load balancer picked a new one by round robin and rewrote AWSALB. The new instance had never seen alice’s session, so her cart was lost. Stickiness moved her; it cannot move memory.',
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
        'A recovered target must pass 5 checks in a row (healthy threshold 5) before it gets traffic again: about 150 s.',
      ],
      task: 'Start i-1 from its ⋯ menu, then jump the clock until its card shows healthy.',
      controls: 'Instances → i-1 → Start instance; Time → +30 s',
      highlight: ['i-1 > Start instance', 'Advance the clock 30 seconds'],
      goals: [
        { id: 'targetHealth', params: { targetGroup: 'web', target: 'i-1', state: 'healthy' } },
      ],
      hints: ['Five or six jumps of 30 s.'],
      solution: [
        { type: 'lab.call', method: 'startInstance', args: ['i-1'] },
        { type: 'sim.advance', seconds: 180 },
      ],
      success: 'i-1 is healthy again.',
    },
    {
      id: 'no-return',
      title: 'Does alice go back?',
      prose: [
        'i-1 is healthy again. (Its old carts are gone: a stopped instance loses its memory.)',
      ],
      prediction: {
        question: 'Which instance will serve alice’s next request?',
        choices: [
          { value: 'i-1', label: 'i-1, her original instance' },
          { value: 'i-2', label: 'i-2' },
          { value: 'i-3', label: 'i-3' },
        ],
        observe: { kind: 'request', which: 'first', client: 'alice', field: 'target' },
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
  ],
  takeaways: [
    'Right after a sticky target dies, its clients get 502s until health checks mark it unhealthy (interval × unhealthy threshold: about 60 s by default).',
    'Then the load balancer picks a new target and rewrites the cookie; in-memory sessions are lost.',
    'The client stays on the new target even after the old one recovers.',
  ],
}
