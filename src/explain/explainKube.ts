// The Kubernetes hop in words (issue 19, item 1): which node the request entered and which pod served it. It
// follows the ALB's own sentence, which names the target (the node with target type instance, the pod with ip).
import type { KubeHop } from '../sim/model/kubernetes'

export function explainKube(k: KubeHop): string {
  const lost = k.cartLost
    ? ` ${k.pod} did not know the browser's session (carts live in each pod's memory), so the cart is lost.`
    : ''
  if (k.targetType === 'ip')
    return `With target-type ip the ALB target is pod ${k.pod} itself (on node ${k.node}), so the stickiness binding reaches the pod.${lost}`
  const where = k.podNode === k.node ? 'on the same node' : `on node ${k.podNode}`
  return (
    `With target-type instance the target is node ${k.node}; kube-proxy there forwarded the request to pod ${k.pod} ${where}, ` +
    `picked at random among the Service's ${k.choices} ready pod${k.choices === 1 ? '' : 's'}, so stickiness pins the node, not the pod.${lost}`
  )
}
