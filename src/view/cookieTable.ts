// Builds the DevTools-like cookie table for one browser (Name … SameSite, Size as DevTools counts it)
// and explains, with the browser's own rules, which cookies a request withholds and which Set-Cookie
// lines a response could not store (SameSite, Secure over http://, credentials mode).
import { VIRTUAL_EPOCH_UNIX_SECONDS, type CookieView } from '../sim'
import { dictGet } from '../sim'

/**
 * The simulated load balancer's DNS name: every cookie is host-only for this host. It is made up
 * (the shape of a real ALB name: <name>-<id>.<region>.elb.amazonaws.com) and labelled as simulated.
 */
export const ALB_DNS_NAME = 'stickylab-alb-1234567890.us-east-1.elb.amazonaws.com'

export type SameSiteValue = 'None' | 'Lax' | 'Strict'
export type Credentials = 'include' | 'same-origin' | 'omit'

/** Everything the browser consults when it decides which cookies a request carries or a response stores. */
export interface RequestContext {
  protocol: 'HTTP' | 'HTTPS'
  /** A cross-site fetch/XHR (CORS), not a top-level navigation. */
  crossSite: boolean
  credentials: Credentials
  path: string
  cookiesEnabled: boolean
  userAgent: 'chromium' | 'other'
}

/** One row of the table, with what the browser does with this cookie on a request like `ctx`. */
export interface CookieRow {
  name: string
  value: string
  domain: string
  path: string
  /** DevTools text: ISO date of the virtual expiry, or "Session". */
  expires: string
  /** Bytes of name + value, as DevTools' Size column counts them. */
  size: number
  httpOnly: boolean
  secure: boolean
  /** null when the cookie has no SameSite attribute (browsers then treat it as Lax). */
  sameSite: SameSiteValue | null
  sent: boolean
  /** Why the browser leaves this cookie off the request, or null when it is sent. */
  withheld: string | null
}

/** A Set-Cookie line of a response, parsed the way the browser reads it. */
export interface ParsedSetCookie {
  name: string
  value: string
  path: string
  /** Virtual seconds, or null for a session cookie. */
  expiresAt: number | null
  secure: boolean
  httpOnly: boolean
  sameSite: SameSiteValue | null
  line: string
}

/** A Set-Cookie line the browser refused to store, and why. */
export interface BlockedSetCookie {
  name: string
  line: string
  reason: string
}

/** Browsers refuse a cookie whose name plus value exceeds 4096 bytes (the core's jar applies the same limit). */
const MAX_COOKIE_BYTES = 4096

/** UTF-8 byte length (DevTools' Size counts bytes, not UTF-16 units). */
export function byteLength(s: string): number {
  return new TextEncoder().encode(s).length
}

/** DevTools' Size column: bytes of the name plus bytes of the value. */
export function cookieSize(name: string, value: string): number {
  return byteLength(name) + byteLength(value)
}

/** DevTools' Expires column: the ISO instant of a virtual expiry, or "Session" for a session cookie. */
export function formatExpires(expiresAt: number | null): string {
  if (expiresAt === null) return 'Session'
  return new Date((VIRTUAL_EPOCH_UNIX_SECONDS + expiresAt) * 1000).toISOString()
}

function sameSiteText(sameSite: SameSiteValue | null): string {
  return sameSite === null
    ? 'it has no SameSite attribute, so the browser treats it as Lax'
    : `it is SameSite=${sameSite}`
}

/** Why the request as a whole may carry no cookies (credentials mode, cookies off), or null. */
/** RFC 6265 §5.1.4 path-match (the core's jar uses the same rule; src/sim exposes only its public API). */
export function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (cookiePath === '/' || requestPath === cookiePath) return true
  if (!requestPath.startsWith(cookiePath)) return false
  return cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/'
}

function requestLevelBlock(ctx: RequestContext): string | null {
  if (!ctx.cookiesEnabled) return 'cookies are disabled in this browser'
  if (ctx.credentials === 'omit')
    return "the fetch used credentials: 'omit', so the browser sends no cookies at all"
  if (ctx.crossSite && ctx.credentials !== 'include') {
    return `a cross-site fetch carries cookies only with credentials: 'include' (this one used '${ctx.credentials}')`
  }
  return null
}

/** Why the browser leaves `cookie` off a request like `ctx`, or null when it is sent. Same order as the core's jar. */
export function withheldReason(
  cookie: Pick<CookieView, 'secure' | 'sameSite' | 'path'>,
  ctx: RequestContext,
): string | null {
  const block = requestLevelBlock(ctx)
  if (block !== null) return block
  if (cookie.secure && ctx.protocol === 'HTTP')
    return 'it is Secure, and Secure cookies are sent only over https:// (this listener is HTTP)'
  if (ctx.crossSite && cookie.sameSite !== 'None') {
    return `${sameSiteText(cookie.sameSite ?? null)}; only SameSite=None cookies go with cross-site requests`
  }
  if (!pathMatches(ctx.path, cookie.path))
    return `its Path=${cookie.path} does not match the request path ${ctx.path}`
  return null
}

/** The table rows for a jar, in the jar's order. */
export function cookieRows(jar: readonly CookieView[], ctx: RequestContext): CookieRow[] {
  return jar.map((c) => {
    const withheld = withheldReason(c, ctx)
    return {
      name: c.name,
      value: c.value,
      domain: ALB_DNS_NAME,
      path: c.path,
      expires: formatExpires(c.expiresAt),
      size: cookieSize(c.name, c.value),
      httpOnly: c.httpOnly,
      secure: c.secure,
      sameSite: c.sameSite ?? null,
      sent: withheld === null,
      withheld,
    }
  })
}

/** Virtual seconds of an HTTP-date written by the simulator, or null when it is not a date. */
function parseHttpDate(text: string): number | null {
  const unixMs = Date.parse(text)
  return Number.isNaN(unixMs) ? null : unixMs / 1000 - VIRTUAL_EPOCH_UNIX_SECONDS
}

/** Parses one Set-Cookie line; `responseAt` (virtual seconds) anchors Max-Age. */
export function parseSetCookie(line: string, responseAt: number): ParsedSetCookie {
  const parts = line.split(';')
  const pair = parts[0] ?? ''
  const eq = pair.indexOf('=')
  const out: ParsedSetCookie = {
    name: (eq < 0 ? pair : pair.slice(0, eq)).trim(),
    value: eq < 0 ? '' : pair.slice(eq + 1).trim(),
    path: '/',
    expiresAt: null,
    secure: false,
    httpOnly: false,
    sameSite: null,
    line,
  }
  let maxAge: number | null = null
  for (const raw of parts.slice(1)) {
    const i = raw.indexOf('=')
    const key = (i < 0 ? raw : raw.slice(0, i)).trim().toLowerCase()
    const val = i < 0 ? '' : raw.slice(i + 1).trim()
    if (key === 'secure') out.secure = true
    else if (key === 'httponly') out.httpOnly = true
    else if (key === 'path' && val.startsWith('/')) out.path = val
    else if (key === 'expires') out.expiresAt = parseHttpDate(val) ?? out.expiresAt
    else if (key === 'max-age' && /^-?\d+$/.test(val)) maxAge = Number(val)
    else if (key === 'samesite') {
      const v = val.toLowerCase()
      out.sameSite = v === 'none' ? 'None' : v === 'strict' ? 'Strict' : v === 'lax' ? 'Lax' : null
    }
  }
  // Max-Age wins over Expires (RFC 6265 §5.3 step 3).
  if (maxAge !== null) out.expiresAt = responseAt + maxAge
  return out
}

/**
 * Why the browser refuses to store `d` from a response to a request like `ctx`, or null when it is
 * stored. `jar` is the jar as it stands (for the "leave Secure cookies alone" rule). Same order as the core.
 */
export function rejectionReason(
  d: ParsedSetCookie,
  ctx: RequestContext,
  jar: readonly CookieView[],
): string | null {
  if (!ctx.cookiesEnabled) return 'cookies are disabled in this browser'
  if (ctx.credentials === 'omit' || (ctx.crossSite && ctx.credentials !== 'include')) {
    return `a response to a ${ctx.crossSite ? 'cross-site ' : ''}fetch sent with credentials: '${ctx.credentials}' cannot set cookies`
  }
  if (cookieSize(d.name, d.value) > MAX_COOKIE_BYTES)
    return 'name plus value exceed the browser limit of 4096 bytes'
  if (d.secure && ctx.protocol === 'HTTP')
    return 'it is Secure, and a browser does not store Secure cookies received over http://'
  if (d.sameSite === 'None' && !d.secure)
    return 'it is SameSite=None without Secure, and a browser rejects a SameSite=None cookie that is not Secure'
  if (ctx.crossSite && d.sameSite !== 'None' && ctx.userAgent === 'chromium') {
    return `${sameSiteText(d.sameSite)}, and Chromium does not store such cookies from a cross-site response`
  }
  const existing = jar.find((c) => c.name === d.name && c.path === d.path)
  if (existing?.secure && ctx.protocol === 'HTTP')
    return 'an http:// response may not overwrite a Secure cookie'
  return null
}

/**
 * The Set-Cookie lines of a response that the browser refused, with the reason. A line counts only if the
 * jar does not hold that exact name and value now (so a later edit or deletion is not blamed on the browser).
 */
export function blockedSetCookies(
  lines: readonly string[],
  responseAt: number,
  ctx: RequestContext,
  jar: readonly CookieView[],
): BlockedSetCookie[] {
  const out: BlockedSetCookie[] = []
  for (const line of lines) {
    const d = parseSetCookie(line, responseAt)
    // An expiry in the past deletes the cookie: that is not a refusal.
    if (d.expiresAt !== null && d.expiresAt <= responseAt) continue
    if (jar.some((c) => c.name === d.name && c.value === d.value)) continue
    const reason = rejectionReason(d, ctx, jar)
    if (reason !== null) out.push({ name: d.name, line, reason })
  }
  return out
}

/** True when the listener is HTTP and the browser refused a SameSite=None cookie (AWSALBCORS and its kin). */
export function sameSiteNoneLostOnHttp(
  blocked: readonly BlockedSetCookie[],
  ctx: RequestContext,
): boolean {
  return (
    ctx.protocol === 'HTTP' && blocked.some((b) => parseSetCookie(b.line, 0).sameSite === 'None')
  )
}

/** The options of a request call as the lab's call log records them. */
export interface RequestCallOptions {
  path?: string
  crossSite?: boolean
  credentials?: Credentials
}

/** Builds the browser context of a request from its options, the listener and the client's settings. */
export function requestContext(
  options: RequestCallOptions | undefined,
  protocol: 'HTTP' | 'HTTPS',
  client: { cookiesEnabled: boolean; userAgent: 'chromium' | 'other' },
): RequestContext {
  return {
    protocol,
    crossSite: options?.crossSite === true,
    credentials: options?.credentials ?? 'same-origin',
    path: options?.path ?? '/',
    cookiesEnabled: client.cookiesEnabled,
    userAgent: client.userAgent,
  }
}

/** Calls that send an HTTP request from a client (the WebSocket upgrade is one too). */
const REQUEST_CALLS = new Set(['request', 'openWebSocket'])

/**
 * The options of `clientId`'s latest request, read from the lab's call log (newest last), or undefined
 * when it has sent none. The log is the record of what the learner did, so no UI state is needed.
 */
export function latestRequestOptions(
  log: readonly { call: string; args: readonly unknown[] }[],
  clientId: string,
): RequestCallOptions | undefined {
  for (let i = log.length - 1; i >= 0; i--) {
    const entry = log[i]!
    if (!REQUEST_CALLS.has(entry.call) || entry.args[0] !== clientId) continue
    const opts = entry.args[1]
    return typeof opts === 'object' && opts !== null ? (opts as RequestCallOptions) : {}
  }
  return undefined
}

export type CookieChange = 'new' | 'updated'

/**
 * Which cookies were set or changed since the previous look at the same jar (name → value). With no
 * previous look (first render, another client) nothing is marked, so only real changes flash.
 */
export function changedCookies(
  previous: Readonly<Record<string, string>> | null,
  rows: readonly Pick<CookieRow, 'name' | 'value'>[],
): Record<string, CookieChange> {
  const out: Record<string, CookieChange> = {}
  if (previous === null) return out
  for (const r of rows) {
    const before = dictGet(previous, r.name)
    if (before === undefined) out[r.name] = 'new'
    else if (before !== r.value) out[r.name] = 'updated'
  }
  return out
}

/** The load balancer's own cookies, whose values the simulator can open with X-ray. */
export function isLoadBalancerCookie(name: string): boolean {
  return name.startsWith('AWSALB')
}

/** A SameSite=None stickiness cookie that the browser sends cross-site: the one keeping a CORS session sticky. */
export function carriesCrossSiteStickiness(
  row: Pick<CookieRow, 'name' | 'sent' | 'sameSite'>,
  ctx: RequestContext,
): boolean {
  return ctx.crossSite && row.sent && row.sameSite === 'None' && isLoadBalancerCookie(row.name)
}

/** A short description of the request context, e.g. "cross-site fetch, credentials: 'include', over HTTPS". */
export function describeContext(ctx: RequestContext): string {
  const kind = ctx.crossSite
    ? `cross-site fetch, credentials: '${ctx.credentials}'`
    : 'same-site request'
  return `${kind}, over ${ctx.protocol}`
}

/**
 * How a recorded request was made. When cookies went out, the credentials mode evidently allowed them
 * ('include' cross-site; same-site, 'same-origin' behaves the same), so only a cookie-less request needs
 * the call log, which is read lazily because copying it is the costly part.
 */
export function requestOptionsOf(
  record: { path: string; crossSite: boolean; requestCookieHeader: string },
  fromLog: () => RequestCallOptions | undefined,
): RequestCallOptions {
  const inferred: RequestCallOptions = {
    path: record.path,
    crossSite: record.crossSite,
    credentials: record.crossSite ? 'include' : 'same-origin',
  }
  if (record.requestCookieHeader !== '') return inferred
  return fromLog() ?? inferred
}
