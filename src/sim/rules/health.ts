// Target health: registration, periodic health checks with thresholds, draining after
// deregistration, and the unused states (group not in use, instance stopped).
// Checks run per registration at lastCheck + interval, i.e. multiples of the interval counted
// from the moment checking began (registration, group attach, or instance start).

import { ringPush } from '../ring'
import { dictGet } from '../dict'
import { resetSourceIpTable } from './sourceIpTable'
import type {
  HealthReason,
  HealthState,
  InstanceState,
  RegistrationState,
  TargetGroupState,
  World,
} from '../model/world'
import { targetGroupEntry } from '../worldEntries'

/** AWS-like descriptions for each reason code (DescribeTargetHealth "Description"). */
export const HEALTH_REASON_DESCRIPTIONS: Readonly<Record<HealthReason, string>> = {
  'Elb.RegistrationInProgress': 'Target registration is in progress',
  'Elb.InitialHealthChecking': 'Initial health checks in progress',
  'Elb.InternalError': 'Health checks failed due to an internal error',
  'Target.ResponseCodeMismatch': 'Health checks failed with these codes: [500]',
  'Target.Timeout': 'Request timed out',
  'Target.FailedHealthChecks': 'Health checks failed',
  'Target.NotRegistered': 'Target is not registered to the target group',
  'Target.NotInUse': 'Target group is not configured to receive traffic from the load balancer',
  'Target.InvalidState': 'Target is in the stopped or terminated state',
  'Target.IpUnusable': 'The target IP address is reserved for use by a load balancer',
  'Target.DeregistrationInProgress': 'Target deregistration is in progress',
  'Target.HealthCheckDisabled': 'Health checks are disabled',
}

/** Moves a registration to a new state/reason and records the transition if the state changed. */
export function setHealth(
  world: World,
  tg: TargetGroupState,
  reg: RegistrationState,
  to: HealthState,
  reason: HealthReason | null,
): void {
  const from = reg.state
  reg.state = to
  reg.reason = reason
  if (from !== to) {
    ringPush(world.healthEvents, {
      at: world.nowMs / 1000,
      targetGroup: tg.name,
      targetId: reg.id,
      from,
      to,
      reason,
    })
    resetSourceIpTable(tg, world.nowMs, reg.id, from, to)
  }
}

function intervalMs(tg: TargetGroupState): number {
  return tg.healthCheck.HealthCheckIntervalSeconds * 1000
}

/** Starts health checking from now: state initial, first check one interval later. */
function beginChecking(world: World, tg: TargetGroupState, reg: RegistrationState): void {
  reg.passes = 0
  reg.fails = 0
  reg.failReason = null
  reg.lastCheckAtMs = world.nowMs
  reg.nextCheckAtMs = world.nowMs + intervalMs(tg)
  reg.slowStartFromMs = null
  reg.slowStartEndsAtMs = null
  setHealth(world, tg, reg, 'initial', 'Elb.RegistrationInProgress')
}

function stopChecking(reg: RegistrationState): void {
  reg.nextCheckAtMs = null
  reg.passes = 0
  reg.fails = 0
  reg.slowStartFromMs = null
  reg.slowStartEndsAtMs = null
}

/** Registers an instance in a group (idempotent for targets already registered). */
export function registerTarget(world: World, tg: TargetGroupState, instance: InstanceState): void {
  const idx = tg.targets.findIndex((r) => r.id === instance.id)
  if (idx >= 0) {
    const existing = tg.targets[idx]!
    if (!existing.deregistered) return // already registered: RegisterTargets is idempotent
    tg.targets.splice(idx, 1) // a new registration goes to the end of the order
  }
  const reg: RegistrationState = {
    id: instance.id,
    state: 'unused',
    reason: 'Target.NotRegistered',
    registeredAtMs: world.nowMs,
    deregistered: false,
    lastCheckAtMs: world.nowMs,
    nextCheckAtMs: null,
    passes: 0,
    fails: 0,
    failReason: null,
    drainEndsAtMs: null,
    slowStartFromMs: null,
    slowStartEndsAtMs: null,
    swrr: 0,
  }
  tg.targets.push(reg)
  activate(world, tg, reg, instance)
}

/** Puts a non-deregistered registration into its "in service" starting state for the current situation. */
function activate(
  world: World,
  tg: TargetGroupState,
  reg: RegistrationState,
  instance: InstanceState,
): void {
  if (!tg.inUse) {
    stopChecking(reg)
    setHealth(world, tg, reg, 'unused', 'Target.NotInUse')
  } else if (!instance.running) {
    stopChecking(reg)
    setHealth(world, tg, reg, 'unused', 'Target.InvalidState')
  } else {
    beginChecking(world, tg, reg)
  }
}

/** Adds a target in the healthy state at the current time (the default world's starting targets). */
export function registerHealthyTarget(
  world: World,
  tg: TargetGroupState,
  instance: InstanceState,
): void {
  registerTarget(world, tg, instance)
  const reg = tg.targets[tg.targets.length - 1]!
  reg.state = 'healthy'
  reg.reason = null
}

/** Starts draining a registration; it stays "draining" for the whole deregistration delay. */
export function deregisterTarget(world: World, tg: TargetGroupState, reg: RegistrationState): void {
  if (reg.deregistered) return
  reg.deregistered = true
  stopChecking(reg)
  reg.drainEndsAtMs = world.nowMs + tg.parsed.deregistrationDelaySeconds * 1000
  setHealth(world, tg, reg, 'draining', 'Target.DeregistrationInProgress')
  if (reg.drainEndsAtMs <= world.nowMs) completeDrain(world, tg, reg)
}

/** Ends draining: the target is no longer registered; WebSockets on it are closed. */
export function completeDrain(world: World, tg: TargetGroupState, reg: RegistrationState): void {
  reg.drainEndsAtMs = null
  setHealth(world, tg, reg, 'unused', 'Target.NotRegistered')
  for (const id of world.clientOrder) {
    const client = dictGet(world.clients, id)
    const ws = client?.webSocket
    if (
      client !== undefined &&
      ws != null &&
      ws.targetId === reg.id &&
      ws.targetGroup === tg.name
    ) {
      client.webSocket = null
    }
  }
}

/** Attaching a group to the listener starts health checks; detaching makes its targets unused. */
export function setTargetGroupInUse(world: World, tg: TargetGroupState, inUse: boolean): void {
  if (tg.inUse === inUse) return
  tg.inUse = inUse
  for (const reg of tg.targets) {
    if (reg.deregistered) continue
    const instance = dictGet(world.instances, reg.id)
    if (instance !== undefined) activate(world, tg, reg, instance)
  }
}

/** When an instance stops, EC2 tells ELB at once: every registration of it in a group in use goes
 *  to `unused / Target.InvalidState` ("Target is in the stopped or terminated state", as
 *  DescribeTargetHealth reports it), is no longer checked and gets no traffic. It is not a crash:
 *  health checks are not what notices it (a crash-like failure is `setHealthCheckFailing`). */
export function onInstanceStopped(world: World, instance: InstanceState): void {
  for (const name of world.targetGroupOrder) {
    const tg = targetGroupEntry(world, name)
    for (const reg of tg.targets) {
      if (reg.id === instance.id && !reg.deregistered) activate(world, tg, reg, instance)
    }
  }
}

/** After an instance starts, registrations parked as "stopped" begin initial health checks. */
export function onInstanceStarted(world: World, instance: InstanceState): void {
  for (const name of world.targetGroupOrder) {
    const tg = targetGroupEntry(world, name)
    for (const reg of tg.targets) {
      if (reg.id === instance.id && !reg.deregistered && reg.reason === 'Target.InvalidState') {
        activate(world, tg, reg, instance)
      }
    }
  }
}

/** Re-phases checks after the interval changes: next check one new interval after the last one,
 *  or one new interval from now if that moment has already passed. */
export function rescheduleChecks(world: World, tg: TargetGroupState): void {
  const iv = intervalMs(tg)
  for (const reg of tg.targets) {
    if (reg.nextCheckAtMs === null) continue
    const next = reg.lastCheckAtMs + iv
    reg.nextCheckAtMs = next > world.nowMs ? next : world.nowMs + iv
  }
}

function slowStartActive(reg: RegistrationState, nowMs: number): boolean {
  return reg.slowStartEndsAtMs !== null && nowMs < reg.slowStartEndsAtMs
}

/** Becoming healthy may start slow start: only if enabled and another healthy target is not ramping. */
function becomeHealthy(world: World, tg: TargetGroupState, reg: RegistrationState): void {
  reg.slowStartFromMs = null
  reg.slowStartEndsAtMs = null
  const seconds = tg.parsed.slowStartSeconds
  if (seconds > 0) {
    const now = world.nowMs
    const hasSteadyPeer = tg.targets.some(
      (r) => r !== reg && r.state === 'healthy' && !r.deregistered && !slowStartActive(r, now),
    )
    if (hasSteadyPeer) {
      reg.slowStartFromMs = now
      reg.slowStartEndsAtMs = now + seconds * 1000
      // Fresh smooth-weighted-round-robin accumulators so the ramp starts from a clean slate.
      for (const r of tg.targets) r.swrr = 0
    }
  }
  setHealth(world, tg, reg, 'healthy', null)
}

/** The outcome of checking this instance right now. */
function checkOutcome(instance: InstanceState | undefined): HealthReason | null {
  if (instance === undefined || !instance.running) return 'Target.Timeout'
  if (instance.healthCheckFailing && instance.failMode === 'unresponsive') return 'Target.Timeout'
  if (instance.healthCheckFailing) {
    return instance.failMode === 'connection'
      ? 'Target.FailedHealthChecks'
      : 'Target.ResponseCodeMismatch'
  }
  return null
}

/** Runs one scheduled health check and applies the threshold rules (reference §8). */
export function runHealthCheck(world: World, tg: TargetGroupState, reg: RegistrationState): void {
  reg.lastCheckAtMs = world.nowMs
  reg.nextCheckAtMs = world.nowMs + intervalMs(tg)
  const failure = checkOutcome(dictGet(world.instances, reg.id))
  const hc = tg.healthCheck
  if (failure === null) {
    reg.passes++
    reg.fails = 0
    // A new target needs one passing check; an unhealthy one needs HealthyThresholdCount in a row.
    if (reg.state === 'initial') becomeHealthy(world, tg, reg)
    else if (reg.state === 'unhealthy' && reg.passes >= hc.HealthyThresholdCount)
      becomeHealthy(world, tg, reg)
    return
  }
  reg.fails++
  reg.passes = 0
  reg.failReason = failure
  if (reg.state === 'initial') {
    if (reg.fails >= hc.UnhealthyThresholdCount) setHealth(world, tg, reg, 'unhealthy', failure)
    else reg.reason = 'Elb.InitialHealthChecking'
  } else if (reg.state === 'healthy') {
    if (reg.fails >= hc.UnhealthyThresholdCount) {
      reg.slowStartFromMs = null
      reg.slowStartEndsAtMs = null
      setHealth(world, tg, reg, 'unhealthy', failure)
    }
  } else if (reg.state === 'unhealthy') {
    reg.reason = failure
  }
}

/** Earliest pending health event (drain end or check) at or before `limitMs`, or null. */
export function nextHealthEventMs(world: World, limitMs: number): number | null {
  let best: number | null = null
  for (const name of world.targetGroupOrder) {
    const tg = targetGroupEntry(world, name)
    for (const reg of tg.targets) {
      const d = reg.drainEndsAtMs
      if (d !== null && d <= limitMs && (best === null || d < best)) best = d
      const c = reg.nextCheckAtMs
      if (c !== null && c <= limitMs && (best === null || c < best)) best = c
    }
  }
  return best
}

/** Runs every health event due exactly at world.nowMs: drain completions first, then checks,
 *  each in target-group order and then registration order (deterministic tie-breaking). */
export function runHealthEventsAt(world: World): void {
  const now = world.nowMs
  for (const name of world.targetGroupOrder) {
    const tg = targetGroupEntry(world, name)
    for (const reg of tg.targets) if (reg.drainEndsAtMs === now) completeDrain(world, tg, reg)
  }
  for (const name of world.targetGroupOrder) {
    const tg = targetGroupEntry(world, name)
    for (const reg of tg.targets) if (reg.nextCheckAtMs === now) runHealthCheck(world, tg, reg)
  }
}
