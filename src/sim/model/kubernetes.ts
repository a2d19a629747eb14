// The lab's app run as a Kubernetes Service behind the AWS Load Balancer Controller (issue 19, item 1). Plain JSON
// data kept in World.kubernetes, absent until configureKubernetes runs, so labs saved before it load unchanged.

import type { TargetId } from './ids'

/** `alb.ingress.kubernetes.io/target-type`: the ALB's targets are the nodes (NodePort) or the pods' IPs. */
export type KubernetesTargetType = 'instance' | 'ip'

/** One pod of the service. Pods are modelled as instances (ids pod-1a, pod-1b, …) so that, with target type
 *  `ip`, they are ordinary targets with health checks, cookies and in-memory carts; this says which node runs it. */
export interface PodState {
  id: TargetId
  node: TargetId
}

export interface KubernetesState {
  targetType: KubernetesTargetType
  /** The service's pods in creation order (node by node). */
  pods: PodState[]
}

/** How a request reached the pod that served it, for the decision facts and the stage. */
export interface KubeHop {
  targetType: KubernetesTargetType
  /** The node the request entered (the ALB target with `instance`; the pod's node with `ip`). */
  node: TargetId
  pod: TargetId
  /** The node the pod runs on (differs from `node` when kube-proxy sent the request to another node). */
  podNode: TargetId
  /** How many ready pods kube-proxy chose among (`instance`); 1 with `ip`. */
  choices: number
  /** The pod did not know the browser's session: its in-memory cart is gone. */
  cartLost: boolean
}
