// Derives the Instances panel's rows from the lab: every instance with its AZ, running state, health in
// a target group (as DescribeTargetHealth reports it), requests served and carts in memory.
import type { LabCommand, LabQueries, TargetView } from '../sim'
import { AVAILABILITY_ZONES } from '../sim'

/** The Availability Zones the load balancer is enabled in (the core's list), offered for new instances. */
export const INSTANCE_AZS: readonly string[] = AVAILABILITY_ZONES

export interface InstanceRow {
  id: string
  az: string
  running: boolean
  healthCheckFailing: boolean
  /** Registered (and not being deregistered) in the target group. */
  registered: boolean
  health: { state: string; reason: string | null; description: string | null }
  served: number
  carts: number
}

/** AWS's answer for a target that is not registered in the group (DescribeTargetHealth). */
const NOT_REGISTERED = {
  state: 'unused',
  reason: 'Target.NotRegistered',
  description: 'Target is not registered to the target group',
} as const

/** Health as text: "unhealthy — Target.Timeout", or just "healthy" when there is no reason. */
export function healthText(health: InstanceRow['health']): string {
  return health.reason ? `${health.state} — ${health.reason}` : health.state
}

type InstanceSource = Pick<LabQueries, 'instances' | 'targetGroups' | 'metrics' | 'sessions'> &
  Partial<Pick<LabQueries, 'loadBalancerType' | 'describeInstanceHealth'>>

/** The one "group" of a Classic Load Balancer: its instances are registered with the load balancer itself. */
export const CLASSIC_GROUP = 'Classic Load Balancer'

/** A Classic Load Balancer's instances, with DescribeInstanceHealth's InService / OutOfService. */
function classicRows(lab: InstanceSource & Pick<LabQueries, 'describeInstanceHealth'>, served: (id: string) => number, carts: Map<string, number>): InstanceRow[] {
  const health = new Map(lab.describeInstanceHealth().map((h) => [h.InstanceId, h]))
  return lab.instances().map((i) => {
    const h = health.get(i.id)
    return {
      id: i.id,
      az: i.az,
      running: i.running,
      healthCheckFailing: i.healthCheckFailing,
      registered: h !== undefined,
      health: h
        ? { state: h.State, reason: h.ReasonCode === 'N/A' ? null : h.ReasonCode, description: h.Description === 'N/A' ? null : h.Description }
        : { state: 'not registered', reason: null, description: 'The instance is not registered with the load balancer' },
      served: served(i.id),
      carts: carts.get(i.id) ?? 0,
    }
  })
}

/** Rows for every target group, in the lab's order, so the panel can switch groups without re-selecting. */
export function selectInstancesByTargetGroup(
  lab: InstanceSource,
): { name: string; rows: InstanceRow[] }[] {
  const metrics = lab.metrics()
  const instances = lab.instances()
  const carts = new Map<string, number>()
  for (const s of lab.sessions()) carts.set(s.where, (carts.get(s.where) ?? 0) + 1)
  if (lab.loadBalancerType?.() === 'classic' && lab.describeInstanceHealth !== undefined) {
    const withHealth = { ...lab, describeInstanceHealth: lab.describeInstanceHealth.bind(lab) }
    return [{ name: CLASSIC_GROUP, rows: classicRows(withHealth, (id) => metrics[`RequestCountPerTarget:${id}`] ?? 0, carts) }]
  }
  const out: { name: string; rows: InstanceRow[] }[] = []
  for (const g of lab.targetGroups()) {
    // A target may be listed twice (an old, unused registration and a new one): the last one is current.
    const targets = new Map<string, TargetView>(g.targets.map((t) => [t.id, t]))
    const rows = instances.map((i): InstanceRow => {
      const t = targets.get(i.id)
      const health = t
        ? {
            state: String(t.health.state),
            reason: t.health.reason ? String(t.health.reason) : null,
            description: t.health.description ?? null,
          }
        : { ...NOT_REGISTERED }
      // Draining, or unused because deregistered, means on the way out: the learner may register it
      // again. Unused for other reasons (group not in use, instance stopped) is still registered.
      const registered =
        t !== undefined && health.state !== 'draining' && health.reason !== 'Target.NotRegistered'
      return {
        id: i.id,
        az: i.az,
        running: i.running,
        healthCheckFailing: i.healthCheckFailing,
        registered,
        health,
        served: metrics[`RequestCountPerTarget:${i.id}`] ?? 0,
        carts: carts.get(i.id) ?? 0,
      }
    })
    out.push({ name: g.name, rows })
  }
  return out
}

/** The commands that register an instance or take it out. */
type RegistrationCommand = Extract<
  LabCommand,
  { call: 'registerTargets' | 'deregisterTargets' | 'registerInstancesWithLoadBalancer' | 'deregisterInstancesFromLoadBalancer' }
>

/** registrationCall as a command, for asking the lab machine whether it would take it (useCan). */
export function registrationCommand(group: string, register: boolean, id: string): RegistrationCommand {
  if (group === CLASSIC_GROUP)
    return register
      ? { call: 'registerInstancesWithLoadBalancer', args: [[id]] }
      : { call: 'deregisterInstancesFromLoadBalancer', args: [[id]] }
  return register ? { call: 'registerTargets', args: [group, [id]] } : { call: 'deregisterTargets', args: [group, [id]] }
}

/**
 * The lab call that registers or deregisters instance `id` in `group`: RegisterTargets / DeregisterTargets, or
 * for a Classic Load Balancer, which has no target groups, its own Register/DeregisterInstancesWithLoadBalancer.
 */
export function registrationCall(
  group: string,
  register: boolean,
  id: string,
):
  | ['registerTargets' | 'deregisterTargets', [string, string[]]]
  | ['registerInstancesWithLoadBalancer' | 'deregisterInstancesFromLoadBalancer', [string[]]] {
  if (group === CLASSIC_GROUP) return [register ? 'registerInstancesWithLoadBalancer' : 'deregisterInstancesFromLoadBalancer', [[id]]]
  return [register ? 'registerTargets' : 'deregisterTargets', [group, [id]]]
}
