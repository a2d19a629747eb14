// Moving virtual time forward: runs due health checks and drain completions in time order, then
// retires finished in-flight requests and evicts expired cookies at the new time.

import { evictExpiredCookies } from '../cookieJar'
import type { World } from '../model/world'
import { nextHealthEventMs, runHealthEventsAt } from './health'
import { pruneInFlight } from './routing'

/** Virtual ms of the next scheduled change after now, or null. Cookie expiry counts at the first
 *  ms after the expiry time (a cookie is evicted once time is past it). */
export function nextEventMs(world: World): number | null {
  const now = world.nowMs
  let best: number | null = null
  const consider = (t: number): void => {
    if (t > now && (best === null || t < best)) best = t
  }
  for (const name of world.targetGroupOrder) {
    for (const reg of world.targetGroups[name]!.targets) {
      if (reg.drainEndsAtMs !== null) consider(reg.drainEndsAtMs)
      if (reg.nextCheckAtMs !== null) consider(reg.nextCheckAtMs)
    }
  }
  for (const id of world.instanceOrder) {
    const f = world.instances[id]!.inFlight
    for (let i = 0; i < f.length; i += 2) {
      if (f[i]! > now) {
        consider(f[i]!)
        break
      }
    }
  }
  if (world.nextCookieExpiryMs !== null) {
    for (const id of world.clientOrder) {
      for (const c of world.clients[id]!.jar)
        if (c.expiresAtMs !== null) consider(c.expiresAtMs + 1)
    }
  }
  return best
}

/** Advances the world clock to `targetMs`, processing every scheduled event on the way. */
export function advanceWorld(world: World, targetMs: number): void {
  for (;;) {
    const t = nextHealthEventMs(world, targetMs)
    if (t === null) break
    world.nowMs = t
    runHealthEventsAt(world)
  }
  world.nowMs = targetMs
  for (const id of world.instanceOrder) {
    const inst = world.instances[id]
    if (inst !== undefined) pruneInFlight(inst, targetMs)
  }
  evictExpiredCookies(world)
}
