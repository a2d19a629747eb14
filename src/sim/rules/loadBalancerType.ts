// Switching the lab's load balancer type: the old load balancer (listener, target groups or CLB
// policies, sticky and flow tables, metrics) is replaced by the new type's default one, built on
// the same instances. Clients keep their source IPs, options and cookie jars (cookies of the old
// load balancer are simply foreign to the new one); their flows and WebSockets end.

import { newDict } from '../dict'
import { asTargetGroupName, type TargetId } from '../model/ids'
import { familiesFor, isFamilyType } from '../familySlot'
import type {
  InstanceState,
  LoadBalancerType,
  RegistrationState,
  TargetGroupState,
  World,
} from '../model/world'
import { newFlowMetrics } from './flows'
import { registerTarget } from './health'
import { launchInstance } from './instances'
import { applyForward, newTargetGroup } from './targetGroups'
import { dictGet } from '../dict'
import { clientEntry, instanceEntry } from '../worldEntries'

/** How many instances a new default load balancer starts with when none were registered. */
const DEFAULT_TARGETS = 3

/** Instances registered (not deregistered) with the current load balancer, in first-seen order. */
function registeredInstanceIds(world: World): TargetId[] {
  const ids: TargetId[] = []
  const inUse =
    world.classic !== null
      ? [world.classic.group]
      : world.listener.forward.targetGroups.map((g) => g.name)
  for (const name of inUse) {
    const tg = dictGet(world.targetGroups, name)
    if (tg === undefined) continue
    for (const r of tg.targets) if (!r.deregistered && !ids.includes(r.id)) ids.push(r.id)
  }
  return ids
}

/** Registers an instance at the current time: healthy at once if it would pass its checks (the
 *  default world's "already running" start, without health events), otherwise through the usual
 *  registration states. */
function addTarget(world: World, tg: TargetGroupState, instance: InstanceState): void {
  if (!instance.running || instance.healthCheckFailing) {
    registerTarget(world, tg, instance)
    return
  }
  const now = world.nowMs
  const reg: RegistrationState = {
    id: instance.id,
    state: 'healthy',
    reason: null,
    registeredAtMs: now,
    deregistered: false,
    lastCheckAtMs: now,
    nextCheckAtMs: now + tg.healthCheck.HealthCheckIntervalSeconds * 1000,
    passes: 0,
    fails: 0,
    failReason: null,
    drainEndsAtMs: null,
    slowStartFromMs: null,
    slowStartEndsAtMs: null,
    swrr: 0,
  }
  tg.targets.push(reg)
}

/** Replaces the load balancer with `type`'s default one (see the file comment). */
export function switchLoadBalancer(world: World, type: LoadBalancerType): void {
  // Before anything changes: another type's load balancer comes with its family, and without it this throws.
  const newLoadBalancer = builderOf(type)
  let ids = registeredInstanceIds(world)
  if (ids.length === 0) {
    while (world.instanceOrder.length < DEFAULT_TARGETS) launchInstance(world)
    ids = world.instanceOrder.slice(0, DEFAULT_TARGETS)
  }
  for (const id of world.clientOrder) {
    const c = clientEntry(world, id)
    c.webSocket = null
    c.flows = []
  }
  world.targetGroupOrder = []
  world.targetGroups = newDict()
  world.classic = null
  world.loadBalancerType = type
  world.loadBalancerAttributes = { crossZone: false }
  // The CDN and outer-layer hops are modelled in front of the ALB only (cdn.ts, outerLayer.ts); the Kubernetes
  // Service's registrations belong to the target group the switch replaces (its pods stay, as plain instances).
  delete world.cdn
  delete world.outerLayer
  delete world.kubernetes
  // A new load balancer reports fresh CloudWatch metrics.
  for (const k of Object.keys(world.metrics) as (keyof World['metrics'])[]) world.metrics[k] = 0
  world.flowMetrics = newFlowMetrics()
  for (const id of world.instanceOrder) instanceEntry(world, id).requestCount = 0
  const instances = ids.map((id) => instanceEntry(world, id))
  const tg = newLoadBalancer(world)
  for (const i of instances) addTarget(world, tg, i)
}

/** What builds `type`'s default load balancer and returns the group its instances are registered with. */
function builderOf(type: LoadBalancerType): (world: World) => TargetGroupState {
  if (!isFamilyType(type)) return newApplicationLoadBalancer
  const families = familiesFor(type)
  return (world) => families.newLoadBalancer(world, type)
}

/** The default ALB: HTTPS:443 forwarding to `web` (HTTP:80). */
function newApplicationLoadBalancer(world: World): TargetGroupState {
  const stickiness = { enabled: false, durationSeconds: 3600 }
  world.listener = { protocol: 'HTTPS', port: 443, forward: { targetGroups: [], stickiness } }
  const tg = newTargetGroup(world, asTargetGroupName('web'), 'HTTP')
  applyForward(world, { targetGroups: [{ name: 'web', weight: 1 }], stickiness })
  return tg
}
