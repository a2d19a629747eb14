// Lesson data (issue 19, item 1): on Kubernetes, target-type instance pins the node and kube-proxy spreads requests
// over the pods; target-type ip makes the pods the ALB's targets, so the binding reaches the pod.
import type { Lesson } from '../schema'

export const kubernetesTargetType: Lesson = {
  id: 'kubernetes-target-type',
  title: 'Kubernetes: target-type instance or ip',
  summary:
    '“I get the AWSALB cookie but still bounce between pods”: with target-type instance stickiness pins the node, not the pod.',
  scenario: 'kubernetes-instance',
  covers: [],
  steps: [
    {
      id: 'bounce',
      title: 'Sticky to the node, not to the pod',
      prose: [
        'The app runs as a Kubernetes Service: two pods on every node, each pod keeping carts in its own memory. The AWS Load Balancer Controller registered the nodes as targets (alb.ingress.kubernetes.io/target-type: instance), so the ALB sends a request to a node’s NodePort and kube-proxy on that node hands it to one of the Service’s pods, on any node.',
        'alice holds an AWSALB cookie that binds her to a node. Each node card shows its pods; watch where her requests end up.',
      ],
      prediction: {
        question:
          'Stickiness is on and alice is bound to a node. Will all her next requests reach the pod that holds her cart?',
        choices: [
          { value: 'yes', label: 'Yes: AWSALB keeps her on her pod' },
          { value: 'no', label: 'No: the binding stops at the node' },
        ],
        observe: {
          kind: 'goal',
          goals: [
            {
              id: 'requestsSince',
              params: { client: 'alice', pathPrefix: '/cart/add', cartLost: true },
            },
          ],
          yes: 'The ALB kept her on her node, but kube-proxy sent a request to a pod that did not know her cart.',
          no: 'Every request reached a pod that knew her cart this time; press Add to cart a few more times.',
        },
      },
      task: 'Press “Add to cart” on alice’s card until a pod shows “✕” for a lost cart.',
      controls: 'alice’s card → Add to cart',
      highlight: ['Client alice > Add to cart'],
      goals: [
        {
          id: 'requestsSince',
          params: { client: 'alice', pathPrefix: '/cart/add', allSticky: true, cartLost: true },
        },
      ],
      hints: [
        'Every request is a sticky hit on the same node, yet the dot continues from the node to a pod, often on another node.',
        'kube-proxy picks among all six pods at random, so a few clicks are usually enough.',
      ],
      solution: [
        { type: 'lab.call', method: 'request', args: ['alice', { path: '/cart/add' }] },
        { type: 'lab.call', method: 'request', args: ['alice', { path: '/cart/add' }] },
        { type: 'lab.call', method: 'request', args: ['alice', { path: '/cart/add' }] },
        { type: 'lab.call', method: 'request', args: ['alice', { path: '/cart/add' }] },
      ],
      success:
        'The decision under the picture names the node the AWSALB cookie pinned and the pod kube-proxy chose: stickiness held, yet the cart was lost because it lives in another pod’s memory.',
    },
    {
      id: 'ip',
      title: 'target-type ip: the pod is the target',
      prose: [
        'With alb.ingress.kubernetes.io/target-type: ip the controller registers the pods’ IP addresses, so the ALB sends each request straight to a pod and the AWSALB binding names the pod itself. (The controller creates a new target group for it; the lab swaps the targets at once.)',
        'A new browser, bob, starts without cookies so his first request picks a pod and binds to it.',
      ],
      task: 'In Setup → Kubernetes choose “target-type: ip”, add a browser named bob, then press “Add to cart” on bob’s card three times.',
      controls:
        'Setup → Kubernetes → target-type: ip; Clients → Add client (bob); bob’s card → Add to cart',
      highlight: [],
      goals: [
        {
          id: 'requestsSince',
          params: {
            client: 'bob',
            pathPrefix: '/cart/add',
            min: 3,
            sameTarget: true,
            cartLost: false,
          },
        },
      ],
      hints: ['The target cards are now pods, framed by the node that runs them.'],
      solution: [
        { type: 'lab.call', method: 'configureKubernetes', args: [{ targetType: 'ip' }] },
        { type: 'lab.call', method: 'addClient', args: ['bob'] },
        { type: 'lab.call', method: 'request', args: ['bob', { path: '/cart/add' }] },
        { type: 'lab.call', method: 'request', args: ['bob', { path: '/cart/add' }] },
        { type: 'lab.call', method: 'request', args: ['bob', { path: '/cart/add' }] },
      ],
      success:
        'Every request of bob’s reached the same pod and his cart grew: with target-type ip the stickiness binding reaches the pod.',
    },
  ],
  takeaways: [
    'With target-type instance the ALB’s targets are nodes; stickiness pins the node and kube-proxy spreads requests across the Service’s pods.',
    'With target-type ip the pods are the targets, so the AWSALB binding reaches the pod.',
    'A shared session store makes the pod irrelevant either way.',
  ],
}
