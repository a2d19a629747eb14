// A browser cookie jar (RFC 6265 subset plus the SameSite rules browsers enforce today): which
// cookies a request carries, which Set-Cookie directives a response may store, and eviction of
// expired cookies. The simulated site is one host, so every cookie is host-only.

import type { CookieRejection, NoCookieReason } from './model/facts'
import type { ClientState, RequestRecordState, SameSite, StoredCookie, World } from './model/world'
import { dictGet } from './dict'
import {
  MAX_COOKIE_BYTES,
  cookieWithheldCode,
  credentialsAllowCookies,
  fitsCookieLimit,
  pathMatches,
  rejectionCodeFor,
  requestWithheldCode,
  withheldCookies,
  type BrowserContext,
  type WithheldCookie,
} from './cookiePolicy'
import { keepsCookies } from './model/clientKind'

/** A parsed Set-Cookie line: what the browser decides about. `line` is the verbatim header. */
export interface SetCookieDirective {
  name: string
  value: string
  path: string
  /** Absolute virtual ms (from Expires or Max-Age); null = session cookie. */
  expiresAtMs: number | null
  secure: boolean
  httpOnly: boolean
  sameSite: SameSite | null
  line: string
  /** "name=value", the start of `line` (reused for the next request's Cookie header). */
  pair: string
}

export type { BrowserContext, CookieRejection }
export { MAX_COOKIE_BYTES, credentialsAllowCookies, fitsCookieLimit, pathMatches }

/** Why a request carried no cookie named `cookieName` (the caller found none among those sent). */
export function noCookieReason(
  client: ClientState,
  ctx: BrowserContext,
  cookieName: string,
): NoCookieReason {
  if (ctx.preflight === true) return 'preflight'
  if (!client.cookiesEnabled)
    return keepsCookies(client.kind) ? 'cookies-disabled' : 'no-cookie-jar'
  if (ctx.credentials === 'omit') return 'credentials-omit'
  if (!ctx.crossSite) return 'none'
  if (ctx.credentials !== 'include') return 'cross-site-no-credentials'
  // The jar holds it but it may not travel cross-site: say it was withheld, not that there was none.
  return client.jar.some((c) => c.name === cookieName) ? 'cross-site-withheld' : 'cross-site-none'
}

/** Cookies the browser attaches to this request, in RFC order (longer paths first, then oldest). */
export function cookiesToSend(client: ClientState, ctx: BrowserContext): StoredCookie[] {
  if (requestWithheldCode(client, ctx) !== null) return []
  const jar = client.jar
  // Hot path: when every cookie in the jar goes out (same-site, Path=/, nothing Secure over HTTP),
  // the jar itself is the list — callers only read it, and only before the response is stored.
  let all = true
  for (let i = 0; i < jar.length; i++) {
    const c = jar[i]!
    if (c.path !== '/' || cookieWithheldCode(c, ctx) !== null) {
      all = false
      break
    }
  }
  if (all) return jar
  const out: StoredCookie[] = []
  collectCookies(client, ctx, out)
  return out
}

/**
 * The cookies of the jar a request leaves off, and why, given those it `sent` (cookiesToSend, before the
 * response is stored). Nothing is computed when every cookie went out, the common case on the request path.
 */
export function withheldFromRequest(
  client: ClientState,
  ctx: BrowserContext,
  sent: readonly StoredCookie[],
): WithheldCookie[] | undefined {
  return sent.length === client.jar.length ? undefined : withheldCookies(client.jar, ctx, client)
}

/** Adds the browser's side of a request to its record: what it withheld, and a credentials mode other than the default. */
export function noteBrowserFacts(
  record: RequestRecordState,
  ctx: BrowserContext,
  withheld: WithheldCookie[] | undefined,
): void {
  if (withheld !== undefined) record.withheldCookies = withheld
  if (ctx.credentials !== 'same-origin') record.credentials = ctx.credentials
}

/** Fills `out` with the cookies to send (RFC order) and returns the Cookie header. */
export function collectCookies(
  client: ClientState,
  ctx: BrowserContext,
  out: StoredCookie[],
): string {
  if (requestWithheldCode(client, ctx) !== null) return ''
  const jar = client.jar
  let allRoot = true
  for (let i = 0; i < jar.length; i++) {
    const c = jar[i]!
    if (c.path !== '/') allRoot = false
    if (cookieWithheldCode(c, ctx) === null) out.push(c)
  }
  if (!allRoot) out.sort((a, b) => b.path.length - a.path.length) // stable: creation order kept
  return cookieHeader(out)
}

/** The Cookie header for a list of cookies. */
export function cookieHeader(cookies: StoredCookie[]): string {
  if (cookies.length === 0) return ''
  let s = cookies[0]!.name + '=' + cookies[0]!.value
  for (let i = 1; i < cookies.length; i++) s += '; ' + cookies[i]!.name + '=' + cookies[i]!.value
  return s
}

function findIndex(jar: StoredCookie[], name: string, path: string): number {
  for (let i = 0; i < jar.length; i++) {
    const c = jar[i]!
    if (c.name === name && c.path === path) return i
  }
  return -1
}

/**
 * Applies one Set-Cookie directive to the jar. Returns null when stored (or deleted), or the
 * reason the browser refused it.
 */
export function storeCookie(
  world: World,
  client: ClientState,
  d: SetCookieDirective,
  ctx: BrowserContext,
): CookieRejection | null {
  const jar = client.jar
  const i = findIndex(jar, d.name, d.path)
  const existing = i >= 0 ? jar[i]! : null
  const rejection = rejectionCodeFor(d, ctx, client, existing)
  if (rejection !== null) return rejection
  if (d.expiresAtMs !== null && d.expiresAtMs <= world.nowMs) {
    // An expiry now or in the past deletes the cookie (RFC 6265 §5.3 step 11).
    if (i >= 0) jar.splice(i, 1)
    return null
  }
  if (existing !== null) {
    // Replacing keeps the original creation order (RFC 6265 §5.3 step 11.3).
    existing.value = d.value
    existing.expiresAtMs = d.expiresAtMs
    existing.secure = d.secure
    existing.httpOnly = d.httpOnly
    existing.sameSite = d.sameSite
  } else {
    // A new array of exactly the new size (push would reserve room for 16 more cookies per client).
    client.jar = jar.concat({
      name: d.name,
      value: d.value,
      path: d.path,
      expiresAtMs: d.expiresAtMs,
      secure: d.secure,
      httpOnly: d.httpOnly,
      sameSite: d.sameSite,
    })
  }
  noteExpiry(world, d.expiresAtMs)
  return null
}

/** Keeps the world's "earliest cookie expiry" hint no later than any stored expiry. */
export function noteExpiry(world: World, expiresAtMs: number | null): void {
  if (
    expiresAtMs !== null &&
    (world.nextCookieExpiryMs === null || expiresAtMs < world.nextCookieExpiryMs)
  ) {
    world.nextCookieExpiryMs = expiresAtMs
  }
}

/** A cookie is expired once virtual time is past its expiry (RFC 6265: "past the expiry-time"). */
export function isExpired(c: StoredCookie, nowMs: number): boolean {
  return c.expiresAtMs !== null && nowMs > c.expiresAtMs
}

/**
 * Removes every expired cookie from every jar. Called whenever time moves past the expiry hint, so
 * jars never hold an expired cookie; between sweeps nothing can expire.
 */
export function evictExpiredCookies(world: World): void {
  const now = world.nowMs
  if (world.nextCookieExpiryMs === null || now <= world.nextCookieExpiryMs) return
  let next: number | null = null
  for (const id of world.clientOrder) {
    const client = dictGet(world.clients, id)
    if (client === undefined) continue
    const jar = client.jar
    for (let i = jar.length - 1; i >= 0; i--) {
      const c = jar[i]!
      if (c.expiresAtMs === null) continue
      if (now > c.expiresAtMs) jar.splice(i, 1)
      else if (next === null || c.expiresAtMs < next) next = c.expiresAtMs
    }
  }
  world.nextCookieExpiryMs = next
}

/** DevTools-style edit: change the value of an existing cookie (first match by name), or create a
 *  host-only session cookie with Path=/ and no other attributes. */
export function editCookie(world: World, client: ClientState, name: string, value: string): void {
  if (!client.cookiesEnabled) return
  for (const c of client.jar) {
    if (c.name === name) {
      c.value = value
      return
    }
  }
  client.jar.push({
    name,
    value,
    path: '/',
    expiresAtMs: null,
    secure: false,
    httpOnly: false,
    sameSite: null,
  })
  noteExpiry(world, null)
}

/** Removes every cookie with this name. */
export function deleteCookieByName(client: ClientState, name: string): void {
  client.jar = client.jar.filter((c) => c.name !== name)
}
