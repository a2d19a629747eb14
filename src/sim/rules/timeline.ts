// Moving virtual time forward: runs due health checks and drain completions in time order, then
// retires finished in-flight requests and evicts expired cookies at the new time.

import { evictExpiredCookies } from '../cookieJar'
import type { World } from '../model/world'
import { flowExpiryMs, pruneIdleFlows } from './flows'
import { nextHealthEventMs, runHealthEventsAt } from './health'
import { pruneInFlight } from './routing'
import { dictGet } from '../dict'
import { clientEntry, instanceEntry, targetGroupEntry } from '../worldEntries'

/** Virtual ms of the next scheduled change after now, or null. Cookie expiry counts at the first
 *  ms after the expiry time (a cookie is evicted once time is past it). */
export function nextEventMs(world: World): number | null {
  const now = world.nowMs
  let best: number | null = null
  const consider = (t: number): void => {
    if (t > now && (best === null || t < best)) best = t
  }
  for (const name of world.targetGroupOrder) {
    for (const reg of targetGroupEntry(world, name).targets) {
      if (reg.drainEndsAtMs !== null) consider(reg.drainEndsAtMs)
      if (reg.nextCheckAtMs !== null) consider(reg.nextCheckAtMs)
    }
  }
  for (const id of world.instanceOrder) {
    const f = instanceEntry(world, id).inFlight
    for (let i = 0; i < f.length; i += 2) {
      if (f[i]! > now) {
        consider(f[i]!)
        break
      }
    }
  }
  if (world.nextCookieExpiryMs !== null) {
    for (const id of world.clientOrder) {
      for (const c of clientEntry(world, id).jar)
        if (c.expiresAtMs !== null) consider(c.expiresAtMs + 1)
    }
  }
  const flowExpiry = flowExpiryMs(world)
  if (flowExpiry !== null) consider(flowExpiry + 1)
  return best
}

/**
 * Advances the world clock to `targetMs`, processing every scheduled event on the way. Returns whether
 * anything besides the clock may have changed (a health event, a finished request, an expired cookie), so
 * views can skip work when time merely passed.
 */
export function advanceWorld(world: World, targetMs: number): boolean {
  let changed = false
  for (;;) {
    const t = nextHealthEventMs(world, targetMs)
    if (t === null) break
    world.nowMs = t
    runHealthEventsAt(world)
    changed = true
  }
  world.nowMs = targetMs
  for (const id of world.instanceOrder) {
    const inst = dictGet(world.instances, id)
    if (inst !== undefined && inst.inFlight.length > 0 && inst.inFlight[0]! <= targetMs) {
      pruneInFlight(inst, targetMs)
      changed = true
    }
  }
  if (world.nextCookieExpiryMs !== null && targetMs > world.nextCookieExpiryMs) changed = true
  evictExpiredCookies(world)
  if (pruneIdleFlows(world)) changed = true
  return changed
}
