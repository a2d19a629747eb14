// Kubernetes behind an ALB (issue 19, item 1): the AWS Load Balancer Controller registers either the nodes
// (`target-type: instance`, traffic enters a NodePort) or the pods' IPs (`target-type: ip`) in the target group.
// With `instance`, kube-proxy on the node that received the request forwards it to one of the Service's ready pods on
// any node, so the ALB's stickiness pins the node but not the pod. With `ip` the target is the pod, so the binding
// reaches it. See docs/model.md "Kubernetes target types".

import { asTargetId, type TargetId } from '../model/ids'
import { dictGet } from '../dict'
import type { KubeHop, KubernetesTargetType, PodState } from '../model/kubernetes'
import type { SessionView } from '../model/api'
import type { InstanceState, TargetGroupState, World } from '../model/world'
import { nextIntBelow } from '../rng'
import { refusal, type Failure } from './errors'
import { registerHealthyTarget } from './health'
import { answers, launchInstance } from './instances'
import { instanceEntry } from '../worldEntries'

/** Pods of the Service started on each node (a Deployment with replicas = 2 × nodes, spread one node at a time). */
export const PODS_PER_NODE = 2
export const KUBERNETES_TARGET_TYPES: readonly KubernetesTargetType[] = ['instance', 'ip']

/** Why configureKubernetes cannot run, or null. */
export function kubernetesProblem(world: World, options: unknown): Failure | null {
  if (world.loadBalancerType !== 'application')
    return refusal(
      'TypeError',
      'configureKubernetes is modelled for the Application Load Balancer only',
    )
  const type = (options as { targetType?: unknown } | null | undefined)?.targetType
  if (!(KUBERNETES_TARGET_TYPES as readonly unknown[]).includes(type))
    return refusal('TypeError', "targetType must be 'instance' or 'ip'", 'targetType')
  if (forwardGroup(world) === null)
    return refusal(
      'TypeError',
      'the listener forwards to no target group to register the Service in',
    )
  return null
}

function forwardGroup(world: World): TargetGroupState | null {
  const name = world.listener.forward.targetGroups[0]?.name
  return name === undefined ? null : (dictGet(world.targetGroups, name) ?? null)
}

/**
 * Runs the app as a Kubernetes Service (pods on every instance, which become nodes) the first time, and registers
 * the nodes (`instance`) or the pods (`ip`) in the listener's target group in place of the other kind.
 * Simulator convention: the new targets start healthy and the old ones leave at once. The controller really
 * creates a new target group (a group's target type cannot change) whose targets pass initial health checks first.
 */
export function configureKubernetes(world: World, targetType: KubernetesTargetType): void {
  const tg = forwardGroup(world)!
  let k = world.kubernetes
  if (k === undefined) {
    const pods: PodState[] = []
    const nodes = world.instanceOrder.slice()
    nodes.forEach((nodeId, n) => {
      const node = instanceEntry(world, nodeId)
      for (let p = 0; p < PODS_PER_NODE; p++) {
        const id = asTargetId(`pod-${n + 1}${String.fromCharCode(97 + p)}`)
        if (dictGet(world.instances, id) !== undefined) continue
        launchInstance(world, id, node.az)
        pods.push({ id, node: nodeId })
      }
    })
    k = { targetType, pods }
    world.kubernetes = k
  }
  k.targetType = targetType
  const podIds = new Set(k.pods.map((p) => p.id))
  const wanted =
    targetType === 'ip' ? k.pods.map((p) => p.id) : [...new Set(k.pods.map((p) => p.node))]
  const keep = new Set(wanted)
  tg.targets = tg.targets.filter(
    (r) => keep.has(r.id) || (!podIds.has(r.id) && targetType === 'instance'),
  )
  tg.rrCursor = 0
  for (const id of wanted) {
    if (tg.targets.some((r) => r.id === id && !r.deregistered)) continue
    registerHealthyTarget(world, tg, instanceEntry(world, id))
  }
}

/** The node a pod runs on, or null for an instance that is not a pod. */
export function nodeOfPod(world: World, id: string): TargetId | null {
  const pods = world.kubernetes?.pods
  if (pods === undefined) return null
  for (const p of pods) if (p.id === id) return p.node
  return null
}

/** A pod that can take a request: its process and its node both run. */
function ready(world: World, pod: PodState): boolean {
  const p = dictGet(world.instances, pod.id)
  const n = dictGet(world.instances, pod.node)
  return p !== undefined && n !== undefined && answers(p) && answers(n)
}

/** The pod that serves a request the ALB sent to `target`, and how it got there; null outside Kubernetes labs. */
export interface PodChoice {
  pod: InstanceState
  hop: Omit<KubeHop, 'cartLost'>
}

/**
 * kube-proxy's choice. With `ip` the target is the pod. With `instance` the node's kube-proxy picks one of the
 * Service's ready pods on any node, uniformly at random with the lab's seeded generator (simulator convention
 * after kube-proxy's iptables mode, whose rules choose an endpoint at random; externalTrafficPolicy: Cluster and
 * no sessionAffinity, the defaults). With no ready pod the node itself answers (kept simple).
 */
export function choosePod(world: World, target: InstanceState): PodChoice | null {
  const k = world.kubernetes
  if (k === undefined || world.loadBalancerType !== 'application') return null
  const ownNode = nodeOfPod(world, target.id)
  if (ownNode !== null)
    return {
      pod: target,
      hop: {
        targetType: k.targetType,
        node: ownNode,
        pod: target.id,
        podNode: ownNode,
        choices: 1,
      },
    }
  const readyPods = k.pods.filter((p) => ready(world, p))
  if (readyPods.length === 0) return null
  const [i, next] = nextIntBelow(world.rng, readyPods.length)
  world.rng = next
  const pod = readyPods[i]!
  return {
    pod: instanceEntry(world, pod.id),
    hop: {
      targetType: k.targetType,
      node: target.id,
      pod: pod.id,
      podNode: pod.node,
      choices: readyPods.length,
    },
  }
}

/** The hop's facts once the pod has answered: whether it knew the browser's session. */
export function hopFacts(choice: PodChoice, session: SessionView | null): KubeHop {
  return { ...choice.hop, cartLost: session !== null && session.lost }
}
