// When the learner sees a request's outcome. The core decides a request the instant it is sent; the stage shows
// it travelling: the request leg (browser → load balancer → target), the time the target works on it, and the
// response leg back to the browser. The outcome (which target, the counters, the decision sentence) is revealed
// when the request reaches its target, and the cookies it sets when the response reaches the browser — never
// before, so a learner's prediction is not spoiled (docs/decisions/0006-the-stage.md). All in virtual seconds,
// so pause, step and seek are exact and the same lab always shows the same picture.
import type { CookieView, RequestRecord } from '../sim'

/** Virtual seconds a request takes from the browser to its target (and a response from the target back). */
export const LEG_SECONDS = 0.4

/** A request's trip as the stage draws it, in virtual seconds. */
export interface Trip {
  /** Sent by the browser. */
  at: number
  /** Reaches its target (or, when none answered, the load balancer's error is decided): the outcome shows. */
  arrivesAt: number
  /** The target starts answering. */
  answersAt: number
  /** The response (and its Set-Cookie lines) is back in the browser. */
  returnsAt: number
}

export function tripOf(r: Pick<RequestRecord, 'at' | 'completesAt'>): Trip {
  const work = Math.max(0, r.completesAt - r.at)
  const arrivesAt = r.at + LEG_SECONDS
  return { at: r.at, arrivesAt, answersAt: arrivesAt + work, returnsAt: arrivesAt + work + LEG_SECONDS }
}

/**
 * Slack for float sums: the clock counts whole milliseconds, and `at + LEG_SECONDS` can land a hair above the
 * millisecond it means (1.3 + 0.4 = 1.7000000000000002), which would hold an outcome back one more frame.
 */
export const SLACK = 1e-9

/** The request has reached its target: its outcome may be shown. */
export function hasArrived(r: Pick<RequestRecord, 'at'>, now: number): boolean {
  return now + SLACK >= r.at + LEG_SECONDS
}

/** When the response is back in the browser (tripOf's returnsAt, without building the trip: read per record per frame). */
export function returnsAt(r: Pick<RequestRecord, 'at' | 'completesAt'>): number {
  return r.at + LEG_SECONDS + Math.max(0, r.completesAt - r.at) + LEG_SECONDS
}

/** The response is back in the browser: the cookies it set may be shown. */
export function hasReturned(r: Pick<RequestRecord, 'at' | 'completesAt'>, now: number): boolean {
  return now + SLACK >= returnsAt(r)
}

/** The records whose outcome the learner has seen by `now`, oldest first (history is in send order). */
export function arrivedHistory<R extends Pick<RequestRecord, 'at'>>(history: readonly R[], now: number): R[] {
  // Every leg is the same length, so arrival follows send order: the arrived records are a prefix.
  let end = history.length
  while (end > 0 && !hasArrived(history[end - 1]!, now)) end--
  return end === history.length ? history.slice() : history.slice(0, end)
}

/** The newest record whose outcome the learner has seen, if any. */
export function lastArrived<R extends Pick<RequestRecord, 'at'>>(history: readonly R[], now: number): R | undefined {
  for (let i = history.length - 1; i >= 0; i--) if (hasArrived(history[i]!, now)) return history[i]
  return undefined
}

/** The records still travelling at `now` (sent, response not yet back). */
export function inFlight<R extends Pick<RequestRecord, 'at' | 'completesAt'>>(history: readonly R[], now: number): R[] {
  const out: R[] = []
  for (let i = history.length - 1; i >= 0; i--) {
    const r = history[i]!
    if (r.at > now) continue
    // History holds at most HISTORY_LIMIT records: scanning them all is cheap, and a long-served request is kept.
    if (!hasReturned(r, now)) out.push(r)
  }
  return out.reverse()
}

/** A cookie as the browser held it before the responses still travelling change it. */
export interface ShownCookie extends CookieView {
  /** A response on its way will change (or set, or delete) this cookie. */
  changing: boolean
}

/**
 * The browser's jar as the learner should see it at `now`: the jar the core holds, except that cookies set,
 * changed or deleted by a response still on its way keep the value the browser sent with that request (read
 * from its Cookie header), and cookies the response creates do not exist yet.
 */
export function shownCookies(
  jar: readonly CookieView[],
  history: readonly Pick<RequestRecord, 'at' | 'completesAt' | 'clientId' | 'setCookie' | 'requestCookieHeader'>[],
  clientId: string,
  now: number,
): ShownCookie[] {
  // The oldest pending response of this client says what the browser held before any pending change.
  const before = new Map<string, string | null>()
  for (const r of inFlight(history, now)) {
    if (r.clientId !== clientId) continue
    const sent = parseCookieHeader(r.requestCookieHeader)
    for (const line of r.setCookie) {
      const name = line.slice(0, line.indexOf('=')).trim()
      if (name === '' || before.has(name)) continue
      before.set(name, sent.get(name) ?? null)
    }
  }
  if (before.size === 0) return jar.map((c) => ({ ...c, changing: false }))
  const out: ShownCookie[] = []
  const seen = new Set<string>()
  for (const c of jar) {
    seen.add(c.name)
    if (!before.has(c.name)) out.push({ ...c, changing: false })
    else {
      const old = before.get(c.name)
      if (old !== null && old !== undefined) out.push({ ...c, value: old, changing: true })
    }
  }
  // A pending response that deletes a cookie: the browser still holds it until the response arrives.
  for (const [name, old] of before) {
    if (seen.has(name) || old === null) continue
    out.push({ name, value: old, path: '/', expiresAt: null, secure: false, httpOnly: false, changing: true })
  }
  return out
}

/** name → value pairs of a Cookie request header ("a=1; b=2"). */
export function parseCookieHeader(header: string): Map<string, string> {
  const out = new Map<string, string>()
  if (header === '') return out
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    const name = part.slice(0, eq).trim()
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim())
  }
  return out
}
