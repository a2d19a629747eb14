// The browser's cookie policy, once: which cookies of a jar a request leaves off and why, and which
// Set-Cookie directives a response may not store and why — as codes (model/facts.ts), never words
// (ADR 0009). The jar (cookieJar.ts) applies these rules to the simulated browsers; the view calls
// the same functions to explain a jar, a recorded request or a pasted real response.

import { keepsCookies, type ClientKind } from './model/clientKind'
import type { CookieRejection, CookieWithheld } from './model/facts'
import type { SameSite, StoredCookie } from './model/world'

/** The request context that decides what is sent and stored. */
export interface BrowserContext {
  protocol: 'HTTP' | 'HTTPS'
  path: string
  crossSite: boolean
  credentials: 'include' | 'same-origin' | 'omit'
  /** A CORS preflight OPTIONS: it never carries cookies and its Set-Cookie is not stored (Fetch standard). */
  preflight?: boolean
}

/** The browser's own settings that the policy consults (a client's, or a typical browser's). */
export interface BrowserSettings {
  cookiesEnabled: boolean
  userAgent: 'chromium' | 'other'
  /** curl or an SDK: no cookie jar at all (absent: a browser). */
  kind?: ClientKind
}

/** A request context together with the browser that makes the request. */
export type CookiePolicyContext = BrowserContext & BrowserSettings

/** What the policy reads of a cookie in the jar (a missing SameSite, null or absent, means Lax). */
export interface JarCookieAttributes {
  secure: boolean
  sameSite?: SameSite | null
  path: string
}

/** What the policy reads of a Set-Cookie directive. */
export interface SetCookieAttributes {
  name: string
  value: string
  path: string
  secure: boolean
  sameSite: SameSite | null
}

/** Browsers reject a cookie whose name plus value exceeds 4096 bytes. */
export const MAX_COOKIE_BYTES = 4096

/** Whether cookies may travel with this request at all (fetch credentials mode + site). */
export function credentialsAllowCookies(ctx: BrowserContext): boolean {
  if (ctx.credentials === 'omit') return false
  return !ctx.crossSite || ctx.credentials === 'include'
}

/** RFC 6265 §5.1.4 path-match. */
export function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (cookiePath === '/' || requestPath === cookiePath) return true
  if (!requestPath.startsWith(cookiePath)) return false
  return cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/'
}

/** Why a request carries no cookie at all (cookies off, credentials mode), or null when it may carry some. */
export function requestWithheldCode(
  browser: BrowserSettings,
  ctx: BrowserContext,
): CookieWithheld | null {
  if (!browser.cookiesEnabled)
    return keepsCookies(browser.kind) ? 'cookies-disabled' : 'no-cookie-jar'
  if (ctx.credentials === 'omit') return 'credentials-omit'
  if (ctx.crossSite && ctx.credentials !== 'include') return 'cross-site-no-credentials'
  return null
}

/** Why this cookie stays off a request that may carry cookies, or null when it is sent. */
export function cookieWithheldCode(
  cookie: JarCookieAttributes,
  ctx: BrowserContext,
): CookieWithheld | null {
  // Secure cookies never travel over plain HTTP.
  if (cookie.secure && ctx.protocol === 'HTTP') return 'secure-over-http'
  // Cross-site subrequests carry only SameSite=None cookies (a missing SameSite means Lax).
  if (ctx.crossSite && cookie.sameSite !== 'None') {
    if (cookie.sameSite === 'Strict') return 'samesite-strict-cross-site'
    return cookie.sameSite === 'Lax' ? 'samesite-lax-cross-site' : 'samesite-unset-cross-site'
  }
  if (cookie.path !== '/' && !pathMatches(ctx.path, cookie.path)) return 'path-mismatch'
  return null
}

/** A cookie of the jar that a request left off, and why (the record's `withheldCookies`). */
export interface WithheldCookie {
  name: string
  path: string
  reason: CookieWithheld
}

/** Why the browser leaves `cookie` off a request like `ctx`, or null when it is sent. */
export function withheldCode(
  cookie: JarCookieAttributes,
  ctx: CookiePolicyContext,
): CookieWithheld | null {
  return requestWithheldCode(ctx, ctx) ?? cookieWithheldCode(cookie, ctx)
}

/** The cookies of `jar` a request like `ctx` leaves off, with why (undefined when all are sent). */
export function withheldCookies(
  jar: readonly StoredCookie[],
  ctx: BrowserContext,
  browser: BrowserSettings,
): WithheldCookie[] | undefined {
  let out: WithheldCookie[] | undefined
  const all = requestWithheldCode(browser, ctx)
  for (const c of jar) {
    const reason = all ?? cookieWithheldCode(c, ctx)
    if (reason !== null) (out ??= []).push({ name: c.name, path: c.path, reason })
  }
  return out
}

function utf8Length(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4
      i++
    } else n += 3
  }
  return n
}

/** True if name=value fits the browser's 4096-byte limit. */
export function fitsCookieLimit(name: string, value: string): boolean {
  if (name.length + value.length <= MAX_COOKIE_BYTES / 3) return true
  return utf8Length(name) + utf8Length(value) <= MAX_COOKIE_BYTES
}

/**
 * Why the browser refuses to store `d`, given the cookie of the same name and path it already holds
 * (`existing`, for "leave Secure cookies alone"), or null when it stores it. Deleting (an expiry in the
 * past) passes the same checks: a refused deletion leaves the cookie in place.
 */
export function rejectionCodeFor(
  d: SetCookieAttributes,
  ctx: BrowserContext,
  browser: BrowserSettings,
  existing: Pick<StoredCookie, 'secure'> | null,
): CookieRejection | null {
  if (!browser.cookiesEnabled)
    return keepsCookies(browser.kind) ? 'cookies-disabled' : 'no-cookie-jar'
  if (!credentialsAllowCookies(ctx)) return 'credentials-not-included'
  if (!fitsCookieLimit(d.name, d.value)) return 'too-large'
  if (d.secure && ctx.protocol === 'HTTP') return 'secure-over-http'
  if (d.sameSite === 'None' && !d.secure) return 'samesite-none-without-secure'
  // Chromium refuses to store non-None cookies (Lax by default included) from cross-site responses.
  if (ctx.crossSite && d.sameSite !== 'None' && browser.userAgent === 'chromium')
    return 'samesite-cross-site-blocked'
  // "Leave Secure cookies alone": an insecure response cannot overwrite a Secure cookie.
  if (existing !== null && existing.secure && ctx.protocol === 'HTTP')
    return 'overwrites-secure-over-http'
  return null
}

/** Why the browser refuses to store `d` from a response to a request like `ctx`, with `jar` as it stands. */
export function rejectionCode(
  d: SetCookieAttributes,
  ctx: CookiePolicyContext,
  jar: readonly Pick<StoredCookie, 'name' | 'path' | 'secure'>[],
): CookieRejection | null {
  const existing = jar.find((c) => c.name === d.name && c.path === d.path) ?? null
  return rejectionCodeFor(d, ctx, ctx, existing)
}
