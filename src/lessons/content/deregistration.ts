// Lesson data: scaling in: a deregistered target stops getting sticky requests at once, then drains.
import type { Lesson } from '../schema'

export const deregistration: Lesson = {
  id: 'deregistration',
  title: 'Scaling in: deregistration and draining',
  summary:
    'Deregister the sticky instance: routing to it stops at once, and the deregistration delay only lets old requests finish.',
  scenario: 'cart-sticky',
  covers: ['004-17'],
  steps: [
    {
      id: 'deregister',
      title: 'Deregister alice’s instance',
      prose: [
        'alice is bound to i-1, where her cart lives. Auto Scaling is scaling in and removes i-1 from the target group.',
        'Deregistration starts the deregistration delay (`deregistration_delay.timeout_seconds`, 0 to 3600 s, default 300 s). Meanwhile the target is `draining`.',
      ],
      task: 'Open i-1’s actions menu (⋯ on its card on the stage) and choose “Deregister”.',
      controls: 'Instances → i-1 → Deregister',
      highlight: ['i-1 > Deregister'],
      goals: [
        { id: 'targetHealth', params: { targetGroup: 'web', target: 'i-1', state: 'draining' } },
      ],
      hints: ['The ⋯ button on i-1’s card opens its actions; Deregister is the last one.'],
      solution: [{ type: 'lab.call', method: 'deregisterTargets', args: ['web', ['i-1']] }],
      success: 'i-1 is draining (reason Target.DeregistrationInProgress).',
    },
    {
      id: 'during-drain',
      title: 'A sticky request during the drain',
      prose: ['i-1 is still running and AWSALB still names it.'],
      prediction: {
        question: 'While i-1 drains, will alice’s next request still go to i-1?',
        choices: [
          { value: 'yes', label: 'Yes, until the delay ends' },
          { value: 'no', label: 'No, routing to i-1 stopped at deregistration' },
        ],
        observe: {
          kind: 'goal',
          goals: [{ id: 'requestsSince', params: { client: 'alice', target: 'i-1' } }],
          yes: 'It went to i-1.',
          no: 'It went to another instance: AWSALB named a deregistered target.',
        },
      },
      task: 'Press “Add to cart” for alice.',
      controls: 'Clients → alice → Add to cart',
      highlight: ['Client alice > Add to cart'],
      goals: [
        { id: 'requestsSince', params: { client: 'alice', decision: 'sticky-miss-deregistered' } },
      ],
      hints: ['Watch the decision in the HTTP inspector: sticky-miss-deregistered.'],
      solution: [{ type: 'lab.call', method: 'request', args: ['alice', { path: '/cart/add' }] }],
      success:
        'Routing to a target stops as soon as it is deregistered. The cookie named a deregistered target, so the load balancer chose a new one and rewrote AWSALB; the cart in i-1’s memory stayed behind.',
    },
    {
      id: 'drained',
      title: 'The drain ends',
      prose: ['The deregistration delay only gives requests already in flight time to finish.'],
      task: 'Jump the clock 5 minutes and check i-1’s state.',
      controls: 'Time → +5 min; Instances → i-1',
      highlight: ['Advance the clock 5 minutes', 'i-1'],
      goals: [
        { id: 'targetHealth', params: { targetGroup: 'web', target: 'i-1', state: 'unused' } },
      ],
      hints: ['The default delay is 300 s, exactly 5 minutes.'],
      solution: [{ type: 'sim.advance', seconds: 300 }],
      success:
        'i-1 is unused (Target.NotRegistered). A shorter deregistration delay speeds up scale-in but can cut off long requests; a shared session store keeps carts safe either way.',
    },
  ],
  takeaways: [
    'A deregistered target gets no new requests, sticky ones included: the cookie is rewritten to a new target.',
    'The deregistration delay (default 300 s, 0–3600 s) only lets in-flight requests finish.',
    'In-memory sessions on a removed instance are lost, which is why Auto Scaling and stickiness need a shared session store.',
  ],
}
