// Builds the DevTools-like cookie table for one browser (Name … SameSite, Size as DevTools counts it)
// and shows which cookies a request withholds and which Set-Cookie lines a response could not store.
// The rules are the core's (src/sim/cookiePolicy.ts) and the request record's codes; the words are
// src/explain's. This file only shapes rows.
import {
  VIRTUAL_EPOCH_UNIX_SECONDS,
  dictGet,
  parseSetCookie,
  withheldCode,
  type CookieRejection,
  type CookieView,
  type RequestRecord,
} from '../sim'
import { refusedCookieText, withheldCookieText } from '../explain/cookiePolicyTexts'

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

/** A Set-Cookie line the browser refused to store, and why (the record's code, and its sentence). */
export interface BlockedSetCookie {
  name: string
  line: string
  code: CookieRejection
  reason: string
  /** The line's SameSite attribute (null when it has none). */
  sameSite: SameSiteValue | null
}

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

/** The table rows for a jar, in the jar's order. */
export function cookieRows(jar: readonly CookieView[], ctx: RequestContext): CookieRow[] {
  return jar.map((c) => {
    const code = withheldCode(c, ctx)
    const withheld = code === null ? null : withheldCookieText(code, c.path, ctx.path)
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

/** What the Cookies panel reads of a request record. */
export type RecordedRequest = Pick<
  RequestRecord,
  | 'at'
  | 'path'
  | 'crossSite'
  | 'requestCookieHeader'
  | 'setCookie'
  | 'blockedCookies'
  | 'credentials'
>

/**
 * The Set-Cookie lines of a recorded response that the browser refused, with the record's reason. A line
 * counts only if the jar does not hold that exact name and value now (so a later edit or deletion is not
 * blamed on the browser), and a refused deletion is no loss.
 */
export function blockedSetCookies(
  record: RecordedRequest,
  jar: readonly CookieView[],
): BlockedSetCookie[] {
  const refused = record.blockedCookies
  if (refused === undefined) return []
  const credentials = credentialsOf(record)
  const parsed = record.setCookie.map((line) => parseSetCookie(line, record.at))
  const used = new Set<number>()
  const out: BlockedSetCookie[] = []
  for (const b of refused) {
    const i = parsed.findIndex((d, k) => !used.has(k) && d.name === b.name)
    if (i < 0) continue
    used.add(i)
    const d = parsed[i]!
    if (d.expiresAt !== null && d.expiresAt <= record.at) continue
    if (jar.some((c) => c.name === d.name && c.value === d.value)) continue
    const reason = refusedCookieText(b.reason, {
      crossSite: record.crossSite,
      credentials,
      sameSite: d.sameSite,
    })
    out.push({ name: d.name, line: d.line, code: b.reason, reason, sameSite: d.sameSite })
  }
  return out
}

/** True when the listener is HTTP and the browser refused a SameSite=None cookie (AWSALBCORS and its kin). */
export function sameSiteNoneLostOnHttp(
  blocked: readonly BlockedSetCookie[],
  ctx: RequestContext,
): boolean {
  return ctx.protocol === 'HTTP' && blocked.some((b) => b.sameSite === 'None')
}

/** How a request was made: the options of its `request` call, as the record keeps them. */
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
 * The fetch credentials mode of a recorded request. Records name it when it is not 'same-origin'; a record
 * saved before they did shows it only by its cookies: a cross-site request that carried some used 'include'.
 */
export function credentialsOf(
  record: Pick<RecordedRequest, 'credentials' | 'crossSite' | 'requestCookieHeader'>,
): Credentials {
  if (record.credentials !== undefined) return record.credentials
  return record.crossSite && record.requestCookieHeader !== '' ? 'include' : 'same-origin'
}

/** How a recorded request was made, read from the record itself. */
export function requestOptionsOf(
  record: Pick<RecordedRequest, 'path' | 'credentials' | 'crossSite' | 'requestCookieHeader'>,
): RequestCallOptions {
  return { path: record.path, crossSite: record.crossSite, credentials: credentialsOf(record) }
}
