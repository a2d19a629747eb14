// Target selection inside one target group: which registrations may receive traffic (health,
// fail-open, cross-zone), and the algorithms — round robin (with slow start ramp), least
// outstanding requests, weighted random. Stickiness is decided elsewhere and only calls in here
// for the first pick or a replacement pick.

import { dictGet } from '../dict'
import { nextRandom } from '../rng'
import type {
  ClientState,
  InstanceState,
  RegistrationState,
  TargetGroupState,
  World,
} from '../model/world'

/** Counts used for the fail-open decision (targets this load balancer node may use). */
export interface Availability {
  /** Registered targets that could take traffic if health were ignored. */
  registered: number
  healthy: number
  failOpen: boolean
}

/** Registered and not stopped-at-registration / not-in-use: the population fail-open routes to. */
export function isRoutableIgnoringHealth(reg: RegistrationState): boolean {
  const s = reg.state
  return !reg.deregistered && (s === 'healthy' || s === 'unhealthy' || s === 'initial')
}

/** With cross-zone off, a load balancer node only uses targets in its own AZ. */
export function zoneFilter(tg: TargetGroupState, client: ClientState): string | null {
  return tg.parsed.crossZone === 'false' ? client.nodeAz : null
}

function inZone(world: World, reg: RegistrationState, az: string | null): boolean {
  if (az === null) return true
  const inst = dictGet(world.instances, reg.id)
  return inst !== undefined && inst.az === az
}

/** Healthy/registered counts and whether the group is failing open (reference §7, target_group_health). */
export function availability(world: World, tg: TargetGroupState, az: string | null): Availability {
  let registered = 0
  let healthy = 0
  const regs = tg.targets
  for (let i = 0; i < regs.length; i++) {
    const r = regs[i]!
    if (!isRoutableIgnoringHealth(r) || !inZone(world, r, az)) continue
    registered++
    if (r.state === 'healthy') healthy++
  }
  const p = tg.parsed
  let failOpen = healthy < p.minHealthyCount
  if (!failOpen && p.minHealthyPercent !== null)
    failOpen = healthy * 100 < p.minHealthyPercent * registered
  if (registered === 0) failOpen = false
  return { registered, healthy, failOpen }
}

function eligible(
  world: World,
  reg: RegistrationState,
  failOpen: boolean,
  az: string | null,
): boolean {
  if (failOpen ? !isRoutableIgnoringHealth(reg) : reg.state !== 'healthy' || reg.deregistered)
    return false
  return inZone(world, reg, az)
}

/** Drops finished requests from an instance's in-flight list. */
export function pruneInFlight(inst: InstanceState, nowMs: number): void {
  const f = inst.inFlight
  if (f.length === 0 || f[0]! > nowMs) return
  let i = 0
  let done = 0
  while (i < f.length && f[i]! <= nowMs) {
    done += f[i + 1]!
    i += 2
  }
  f.splice(0, i)
  inst.inFlightCount -= done
}

/** Records a request occupying the instance until `completesAtMs`. */
export function addInFlight(inst: InstanceState, completesAtMs: number): void {
  const f = inst.inFlight
  const n = f.length
  inst.inFlightCount++
  if (n >= 2 && f[n - 2] === completesAtMs) {
    f[n - 1]!++
    return
  }
  if (n === 0 || f[n - 2]! < completesAtMs) {
    f.push(completesAtMs, 1)
    return
  }
  // Out-of-order completion time (a durationSeconds override): insert sorted.
  let i = 0
  while (i < n && f[i]! < completesAtMs) i += 2
  if (i < n && f[i] === completesAtMs) f[i + 1]!++
  else f.splice(i, 0, completesAtMs, 1)
}

export interface Pick {
  reg: RegistrationState
  algorithm: 'round_robin' | 'least_outstanding_requests' | 'weighted_random'
  slowStart: boolean
}

/** Slow-start share in (0, 1]: linear in elapsed time; 1 when not ramping. */
function slowStartWeight(reg: RegistrationState, nowMs: number): number {
  const from = reg.slowStartFromMs
  const end = reg.slowStartEndsAtMs
  if (from === null || end === null || nowMs >= end) return 1
  return Math.max(0.001, (nowMs - from) / (end - from))
}

/** Picks a target with the group's algorithm among eligible registrations; null if there are none. */
export function pickTarget(
  world: World,
  tg: TargetGroupState,
  failOpen: boolean,
  az: string | null,
): Pick | null {
  const regs = tg.targets
  const n = regs.length
  if (n === 0) return null
  const algorithm = tg.parsed.algorithm
  const now = world.nowMs

  if (algorithm === 'least_outstanding_requests') {
    let best: RegistrationState | null = null
    let bestCount = Infinity
    for (let i = 0; i < n; i++) {
      const r = regs[i]!
      if (!eligible(world, r, failOpen, az)) continue
      const inst = dictGet(world.instances, r.id)
      let count = 0
      if (inst !== undefined) {
        pruneInFlight(inst, now)
        count = inst.inFlightCount
      }
      // Strict "<" keeps the earliest-registered target on ties.
      if (count < bestCount) {
        best = r
        bestCount = count
      }
    }
    return best === null ? null : { reg: best, algorithm, slowStart: false }
  }

  if (algorithm === 'weighted_random') {
    let count = 0
    for (let i = 0; i < n; i++) if (eligible(world, regs[i]!, failOpen, az)) count++
    if (count === 0) return null
    // Every target has weight 1 (automatic target weights / anomaly mitigation are not simulated).
    const [f, next] = nextRandom(world.rng)
    world.rng = next
    let k = Math.floor(f * count)
    for (let i = 0; i < n; i++) {
      const r = regs[i]!
      if (!eligible(world, r, failOpen, az)) continue
      if (k === 0) return { reg: r, algorithm, slowStart: false }
      k--
    }
    return null
  }

  // Round robin. While any eligible target is in slow start, use smooth weighted round robin
  // (deterministic) with the ramp as weights; otherwise a plain cursor in registration order.
  let ramping = false
  for (let i = 0; i < n; i++) {
    const r = regs[i]!
    if (
      r.slowStartEndsAtMs !== null &&
      now < r.slowStartEndsAtMs &&
      eligible(world, r, failOpen, az)
    ) {
      ramping = true
      break
    }
  }
  if (ramping) {
    let total = 0
    let best: RegistrationState | null = null
    for (let i = 0; i < n; i++) {
      const r = regs[i]!
      if (!eligible(world, r, failOpen, az)) continue
      const w = slowStartWeight(r, now)
      total += w
      r.swrr += w
      if (best === null || r.swrr > best.swrr) best = r
    }
    if (best === null) return null
    best.swrr -= total
    return { reg: best, algorithm, slowStart: true }
  }
  const start = tg.rrCursor % n
  for (let i = 0; i < n; i++) {
    const idx = start + i < n ? start + i : start + i - n
    const r = regs[idx]!
    if (eligible(world, r, failOpen, az)) {
      tg.rrCursor = idx + 1 === n ? 0 : idx + 1
      return { reg: r, algorithm, slowStart: false }
    }
  }
  return null
}
