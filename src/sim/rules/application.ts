// The web application running on every target: it issues its own session cookie and keeps a
// shopping cart per session, in instance memory or in an external store. Paths starting with
// "/cart/add" add one item. It is how a learner sees whether a session survived a re-route.

import type { SessionView } from '../model/api'
import type { InstanceState, StoredCookie, World } from '../model/world'
import type { ClientSlot, Runtime, SessionCell } from '../runtime'
import { newSessionCell } from '../runtime'
import { findSent } from './stickiness'
import { appCookieValue, sessionIdOf } from './appCookieSize'

/** Requests whose path starts with this add one item to the cart. */
export const CART_ADD_PREFIX = '/cart/add'
/** Where carts live when the learner switches to the external (ElastiCache-like) store. */
export const EXTERNAL_STORE = 'external'

/**
 * Serves a request on `instance`: looks up or starts the session, updates the cart, and fills
 * `rt.applicationDirective` with its session cookie (name, value and expiry; writeSessionLine adds the line).
 * Returns null for a stateless app (no session, no cookie).
 */
/**
 * Most sessions one store keeps (issue 16, finding 10): without a cap, every request that reaches an instance without
 * its session (round robin, no stickiness) adds one for good, and a lab left auto-refreshing grows without bound
 * (≈ 150 bytes a request). Like a server's session store under memory pressure, the oldest session is dropped; a
 * client that comes back with it finds its cart gone (counted in SessionsLost). The cap is far above what a lab's
 * own browsers use (100,000 sticky browsers over three instances keep every cart): it bounds memory (≈ 7.5 MB a
 * store), it does not shape what a learner sees.
 */
export const SESSION_LIMIT = 50_000

/**
 * The cap in force. Only tests lower it (to reach it in a few thousand requests, within the 50,000-entry log a replay
 * needs); every lab of a run shares it, so live, restored and replayed labs still agree.
 */
export const sessionLimits = { perStore: SESSION_LIMIT }

/**
 * A store sweeps out the sessions no browser holds once it has this many more sessions than the lab has browsers.
 * Without it, a browser bouncing between instances (no stickiness) starts a session on each new one and leaves the
 * old one behind for good, and a lab left streaming fills the store up to SESSION_LIMIT (≈ 20 MB over three stores).
 * A real server forgets those after its idle timeout; the lab has no idle timeout (jumping the clock a day must not
 * lose a cart by itself), so it forgets a session only when no browser's jar holds its cookie: nothing a browser
 * could send finds it any more. Simulator convention, in docs/model.md.
 */
export const SWEEP_SLACK = 1_000

/** Numbers the sweeps, so a cell's `heldInSweep` mark from an earlier sweep never counts in a later one. */
let sweeps = 0

/**
 * Drops every session of `bucket` whose id no client's jar holds under the session cookie's name. A held cell is
 * marked with this sweep's number rather than its id collected into a Set: the same cells go, in the same order,
 * without building and hashing a set of every browser's session id on each sweep.
 */
function sweepUnheld(rt: Runtime, bucket: Map<string, SessionCell>, cookieName: string): void {
  const sweep = ++sweeps
  for (const slot of rt.clients.values()) {
    const jar = slot.state.jar
    for (let i = 0; i < jar.length; i++) {
      const c = jar[i]!
      if (c.name !== cookieName) continue
      const cell = bucket.get(c.value)
      if (cell !== undefined) cell.heldInSweep = sweep
    }
  }
  for (const [id, cell] of bucket) {
    if (cell.heldInSweep === sweep) continue
    cell.evicted = true
    bucket.delete(id)
  }
}

function evictOldest(bucket: Map<string, SessionCell>): void {
  const oldest = bucket.keys().next().value as string
  bucket.get(oldest)!.evicted = true
  bucket.delete(oldest)
}

export function serveApplication(
  world: World,
  rt: Runtime,
  slot: ClientSlot,
  instance: InstanceState,
  sent: StoredCookie[],
  path: string,
): SessionView | null {
  const sc = world.app.sessionCookie
  if (sc === null) return null
  const where = world.app.sessionStore === 'external' ? EXTERNAL_STORE : instance.id
  let bucket = rt.sessions.get(where)
  if (bucket === undefined) {
    bucket = new Map<string, SessionCell>()
    rt.sessions.set(where, bucket)
  }
  const incoming = findSent(sent, sc.name)
  let id = ''
  let cell: SessionCell | undefined
  let lost = false
  if (incoming !== null) {
    id = sessionIdOf(incoming.value)
    // The client's last cart, if it is the same id in the same (still current) store.
    cell =
      slot.sessionBucket === bucket &&
      slot.sessionId === id &&
      slot.sessionCell !== null &&
      !slot.sessionCell.evicted
        ? slot.sessionCell
        : bucket.get(id)
    // A session id this store does not know: the cart is gone, start a fresh one.
    if (cell === undefined) {
      lost = true
      world.metrics.SessionsLost++
    }
  }
  if (cell === undefined) {
    if (bucket.size >= SWEEP_SLACK + world.clientOrder.length) sweepUnheld(rt, bucket, sc.name)
    id = 'sess-' + ++world.counters.session
    cell = newSessionCell(0)
    bucket.set(id, cell)
    if (bucket.size > sessionLimits.perStore) evictOldest(bucket)
  }
  if (path.startsWith(CART_ADD_PREFIX)) {
    cell.items++
  }
  slot.sessionBucket = bucket
  slot.sessionId = id
  slot.sessionCell = cell
  const items = cell.items
  // Rolling session cookie: re-sent on every response (so Max-Age is an idle timeout).
  const maxAge = sc.maxAgeSeconds
  const d = rt.applicationDirective
  d.name = sc.name
  d.value = appCookieValue(id, sc.valueBytes)
  d.expiresAtMs = maxAge === undefined ? null : world.nowMs + maxAge * 1000
  return { id, items, lost }
}

/** The attributes after "name=value" in the application's Set-Cookie line. */
export function sessionCookieAttributes(maxAgeSeconds: number | undefined): string {
  return maxAgeSeconds === undefined
    ? '; Path=/; HttpOnly'
    : '; Max-Age=' + maxAgeSeconds + '; Path=/; HttpOnly'
}

/**
 * Writes the Set-Cookie line (and its "name=value" pair) of the directive serveApplication just filled. Only
 * sinks that keep records read the line: the load test's counting sink skips it, which saves three strings and
 * five stores into the long-lived client slot per request (most of them on a new session, when nothing is reused).
 */
export function writeSessionLine(world: World, rt: Runtime, slot: ClientSlot): void {
  const sc = world.app.sessionCookie
  if (sc === null) return
  const maxAge = sc.maxAgeSeconds
  const d = rt.applicationDirective
  const value = d.value
  // The line only depends on the name, the id and Max-Age: reuse the client's last one if equal.
  if (
    slot.sessionLineId !== value ||
    slot.sessionLineName !== sc.name ||
    slot.sessionLineMaxAge !== maxAge ||
    slot.sessionLine === ''
  ) {
    slot.sessionPair = sc.name + '=' + value
    slot.sessionLine = slot.sessionPair + sessionCookieAttributes(maxAge)
    slot.sessionLineId = value
    slot.sessionLineName = sc.name
    slot.sessionLineMaxAge = maxAge
  }
  d.line = slot.sessionLine
  d.pair = slot.sessionPair
}
