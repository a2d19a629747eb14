// The cookie chips beside a browser on the stage: its jar as the learner should see it (reveal.ts: a cookie
// appears when the response carrying it is back), each with what the Cookies panel would say of it — whether the
// next request like the latest one sends it and why not (cookieTable.ts), and whether it, or the stickiness
// binding it carries, has expired.
import type { CookieView, LabQueries } from '../sim'
import {
  cookieRows,
  formatExpires,
  requestContext,
  requestOptionsOf,
  type RequestContext,
} from './cookieTable'
import { inFlight, shownCookies, tripOf } from './reveal'

/** How the browser's next request is made: like its latest one (same-site by default), over the listener's protocol. */
export function browserContext(lab: LabQueries, clientId: string): RequestContext | null {
  const client = lab.clients().find((c) => c.id === clientId)
  if (client === undefined) return null
  const history = lab.history()
  let latest: (typeof history)[number] | undefined
  for (let i = history.length - 1; i >= 0 && latest === undefined; i--)
    if (history[i]!.clientId === clientId) latest = history[i]
  const options = latest === undefined ? undefined : requestOptionsOf(latest)
  // Browsers speak HTTPS to HTTPS and TLS listeners and plain HTTP to every other kind.
  const lp = lab.listener().protocol
  return requestContext(options, lp === 'HTTPS' || lp === 'TLS' ? 'HTTPS' : 'HTTP', client)
}

export interface Chip {
  name: string
  value: string
  expires: string
  sameSite: string
  secure: boolean
  httpOnly: boolean
  /** Why the next request leaves it off, or null when it is sent. */
  withheld: string | null
  /** Why it no longer counts: the cookie's own expiry passed, or the binding it carries lapsed; else null. */
  expired: string | null
  /** A response on its way will change it. */
  changing: boolean
  /** An AWSALBAPP-n shard the load balancer left unused ("_remove_"): the value fitted in fewer shards. */
  emptyShard?: boolean
}

export interface Chips {
  chips: Chip[]
  /** The next virtual second at which the chips may look different without any call to the lab. */
  until: number
}

/** The chips of `clientId` at the lab's current time. */
export function chipsOf(lab: LabQueries, clientId: string): Chips {
  const now = lab.now()
  const ctx = browserContext(lab, clientId)
  if (ctx === null) return { chips: [], until: Infinity }
  const history = lab.history()
  const shown = shownCookies(lab.cookies(clientId), history, clientId, now)
  const rows = cookieRows(shown as CookieView[], ctx)
  let until = Infinity
  const later = (t: number) => {
    if (t > now && t < until) until = t
  }
  // A response still on its way changes the chips when it is back.
  for (const r of inFlight(history, now)) if (r.clientId === clientId) later(tripOf(r).returnsAt)
  const chips = rows.map((row, i): Chip => {
    const c = shown[i]!
    let expired: string | null = null
    if (c.expiresAt !== null) {
      if (c.expiresAt <= now) expired = `it expired at ${formatExpires(c.expiresAt)}`
      else later(c.expiresAt)
    }
    if (expired === null && row.name.startsWith('AWS')) {
      const x = lab.xray(row.value)
      if (x !== null && x.durationSeconds > 0) {
        const end = x.issuedAt + x.durationSeconds
        if (end <= now)
          expired = `the stickiness it carries lapsed ${Math.round(now - end)} s ago (duration ${x.durationSeconds} s, not refreshed): the load balancer ignores it`
        else later(end)
      }
    }
    return {
      name: row.name,
      value: row.value,
      expires: row.expires,
      sameSite: row.sameSite ?? 'not set (treated as Lax)',
      secure: row.secure,
      httpOnly: row.httpOnly,
      withheld: row.withheld,
      expired,
      changing: c.changing,
      ...(row.value === '_remove_' && row.name.startsWith('AWSALBAPP-') ? { emptyShard: true } : {}),
    }
  })
  return { chips, until }
}

/** A long value shortened for the chip's details: the start and the end, with an ellipsis between. */
export function shortValue(value: string, max = 28): string {
  if (value.length <= max) return value
  const half = Math.floor((max - 1) / 2)
  return `${value.slice(0, half)}…${value.slice(-half)}`
}
