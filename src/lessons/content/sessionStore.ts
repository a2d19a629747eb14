// Lesson data: the lasting fix the seed articles recommend: keep session state outside the instances.
import type { Lesson } from '../schema'

export const sessionStore: Lesson = {
  id: 'session-store',
  title: 'The real fix: keep sessions outside the instance',
  summary:
    'Put carts in a shared store and any instance can serve any request, even after a failure.',
  scenario: 'default',
  covers: ['002-11', '003-10', '001-6', '002-7', '003-3'],
  steps: [
    {
      id: 'switch-store',
      title: 'Move carts to a shared store',
      prose: [
        'The seed articles end on the same advice: don’t rely on one instance’s memory. Keep session data in a shared store that every instance can read, such as Amazon ElastiCache (Redis or Memcached), DynamoDB or a database, or in a signed token such as a JWT.',
      ],
      task: 'In the Clients panel, set Session store to “External store (ElastiCache)”.',
      controls: 'Clients → Session store → External store (ElastiCache)',
      highlight: ['External store (ElastiCache)'],
      goals: [{ id: 'sessionStore', params: { store: 'external' } }],
      hints: ['Session store is near the top of the Clients panel.'],
      solution: [
        { type: 'lab.call', method: 'configureApp', args: [{ sessionStore: 'external' }] },
      ],
      success: 'The shop now keeps every cart in a shared store instead of instance memory.',
    },
    {
      id: 'move-around',
      title: 'Shop across three instances',
      prose: ['Stickiness is off, so round robin sends each request to a different instance.'],
      prediction: {
        question:
          'alice adds three items, each served by a different instance. How many items will the cart hold?',
        choices: [
          { value: '1', label: '1 item' },
          { value: '2', label: '2 items' },
          { value: '3', label: '3 items' },
        ],
        observe: {
          kind: 'request',
          which: 'last',
          client: 'alice',
          pathPrefix: '/cart/add',
          field: 'cartItems',
        },
      },
      task: 'Press “Add to cart” three times.',
      controls: 'Clients → alice → Add to cart',
      highlight: ['Client alice > Add to cart'],
      goals: [
        {
          id: 'requestsSince',
          params: {
            client: 'alice',
            pathPrefix: '/cart/add',
            min: 3,
            distinctTargets: 3,
            cartLost: false,
          },
        },
      ],
      hints: ['Watch “Latest:” under alice’s buttons: each request names a different instance.'],
      solution: [
        { type: 'lab.call', method: 'request', args: ['alice', { path: '/cart/add' }] },
        { type: 'lab.call', method: 'request', args: ['alice', { path: '/cart/add' }] },
        { type: 'lab.call', method: 'request', args: ['alice', { path: '/cart/add' }] },
      ],
      success:
        'Three items from three instances. No instance owns the session, so the load balancer may send each request anywhere.',
    },
    {
      id: 'survive-failure',
      title: 'Lose an instance, keep the cart',
      prose: ['Now take i-2 away and let health checks notice it.'],
      prediction: {
        question: 'After i-2 fails, will alice’s cart survive?',
        choices: [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ],
        observe: {
          kind: 'request',
          which: 'last',
          client: 'alice',
          pathPrefix: '/cart/add',
          field: 'cartKept',
        },
      },
      task: 'Stop i-2, then add another item.',
      controls: 'Instances → i-2 → Stop instance; Clients → alice → Add to cart',
      highlight: [
        'i-2 > Stop instance',
        'Client alice > Add to cart',
      ],
      goals: [
        { id: 'targetHealth', params: { targetGroup: 'web', target: 'i-2', state: 'unused' } },
        {
          id: 'requestsSince',
          params: { client: 'alice', pathPrefix: '/cart/add', status: 200, cartLost: false },
        },
      ],
      hints: [
        'A stopped instance’s target is unused at once (Target.InvalidState): the next request goes to another instance.',
      ],
      solution: [
        { type: 'lab.call', method: 'stopInstance', args: ['i-2'] },
        { type: 'lab.call', method: 'request', args: ['alice', { path: '/cart/add' }] },
      ],
      success:
        'The cart survived the failure. With sessions outside the instances, stickiness becomes optional: at most an optimisation for warm local caches, not a requirement.',
    },
  ],
  takeaways: [
    'Stickiness is a workaround for state kept on one instance; it does not survive failures or scale-in.',
    'Keeping sessions in ElastiCache, DynamoDB, a database or a signed token lets any instance serve any request.',
    'Whether to use stickiness at all is a trade-off (AWS Prescriptive Guidance weighs it); the seeds’ “not recommended” is opinion, not an AWS rule.',
  ],
}
