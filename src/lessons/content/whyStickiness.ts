// Lesson data: why a stateful web app behind a load balancer needs stickiness (the cart that vanishes).
import type { Lesson } from '../schema'

export const whyStickiness: Lesson = {
  id: 'why-stickiness',
  title: 'Why HTTP needs stickiness: the vanishing cart',
  summary:
    'Requests are routed one at a time. Watch a cart kept in one instance’s memory disappear.',
  scenario: 'default',
  covers: ['000-2', '003-1', '003-3', '002-6'],
  steps: [
    {
      id: 'add-item',
      title: 'Put something in the cart',
      prose: [
        'The shop in this lab keeps each shopper’s cart in the memory of the instance that served them. Target group `web` has three instances, stickiness is off, and the algorithm is round robin.',
        'HTTP is stateless: every request is a separate exchange, and the load balancer routes each request on its own.',
      ],
      task: 'Press “Add to cart” on alice’s card.',
      controls: 'Clients → alice → Add to cart',
      highlight: ['Client alice > Add to cart'],
      goals: [
        { id: 'requestsSince', params: { client: 'alice', pathPrefix: '/cart/add', status: 200 } },
      ],
      hints: [
        'Each simulated browser is a card on the stage. alice’s card has “Send request” and “Add to cart”.',
      ],
      solution: [{ type: 'lab.call', method: 'request', args: ['alice', { path: '/cart/add' }] }],
      success:
        'An instance served the request and now keeps alice’s cart (1 item) in its memory. The shop also set a SESSIONID cookie so it can find the cart again.',
    },
    {
      id: 'second-item',
      title: 'Add a second item',
      prose: [
        'Stickiness is off, so nothing ties alice to the instance that holds her cart. Predict first, then add another item.',
      ],
      prediction: {
        question: 'How many items will alice’s cart hold after this second “Add to cart”?',
        choices: [
          { value: '2', label: '2 items' },
          { value: '1', label: '1 item' },
          { value: '0', label: 'None' },
        ],
        observe: {
          kind: 'request',
          which: 'first',
          client: 'alice',
          pathPrefix: '/cart/add',
          field: 'cartItems',
        },
        note: 'The new instance had never seen alice’s SESSIONID, so the shop started a new cart there. Her first item is stranded on the other instance.',
      },
      task: 'Press “Add to cart” again.',
      controls: 'Clients → alice → Add to cart',
      highlight: ['Client alice > Add to cart'],
      goals: [
        { id: 'requestsSince', params: { client: 'alice', pathPrefix: '/cart/add', min: 1 } },
      ],
      hints: [
        'Look at the line under alice’s buttons: it names the instance that answered. Compare it with the first request.',
      ],
      solution: [{ type: 'lab.call', method: 'request', args: ['alice', { path: '/cart/add' }] }],
      success:
        'The cart vanished. This is the problem the seed articles open with: a session stored on one server is lost when the next request goes elsewhere.',
    },
    {
      id: 'spread',
      title: 'Every request goes its own way',
      prose: [
        'Now send plain page requests and watch where they land in the picture and in the HTTP inspector.',
      ],
      prediction: {
        question: 'With stickiness off, will alice’s next three requests reach the same instance?',
        choices: [
          { value: 'yes', label: 'Yes, she keeps her instance' },
          { value: 'no', label: 'No, each request is routed on its own' },
        ],
        observe: {
          kind: 'goal',
          goals: [{ id: 'requestsSince', params: { client: 'alice', min: 3, sameTarget: true } }],
          yes: 'All three reached one instance.',
          no: 'They reached different instances: round robin takes turns.',
        },
      },
      task: 'Press “Send request” three times.',
      controls: 'Clients → alice → Send request',
      highlight: ['Client alice > Send request'],
      goals: [{ id: 'requestsSince', params: { client: 'alice', min: 3, distinctTargets: 3 } }],
      hints: [
        'Round robin takes the healthy targets in turn, so three requests reach three instances.',
      ],
      solution: [
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
        { type: 'lab.call', method: 'request', args: ['alice'] },
      ],
      success:
        'Three requests, three instances. Stickiness (session affinity) fixes this by binding a browser to one target with a cookie. Later lessons show how, and where it stops working.',
      corrects: [
        {
          claim: '004-1',
          myth: 'The ALB distributes connections with an algorithm such as round robin or least connections.',
          fact: 'An ALB routes each request, not each connection, and its algorithms are round robin (the default), least outstanding requests and weighted random. There is no “least connections”.',
        },
      ],
    },
  ],
  takeaways: [
    'An ALB routes every HTTP request on its own; without stickiness, consecutive requests from one browser reach different targets.',
    'An app that keeps session data (a cart, a login) in one instance’s memory loses it when a request lands elsewhere.',
    'Stickiness binds a browser to one target with a cookie. Keeping sessions outside the instances removes the need for it.',
  ],
}
