// Builds the Set-Cookie directives the load balancer adds to responses: AWSALB + AWSALBCORS,
// AWSALBAPP-0..3 (with _remove_ for unused shards) and AWSALBTG + AWSALBTGCORS, all with a
// visible Expires of exactly 7 days after the response and Path=/ (reference §5).

import type { SetCookieDirective } from '../cookieJar'
import { MAX_COOKIE_BYTES } from '../cookieJar'
import { formatHttpDate } from '../clock'
import type { ListenerProtocol } from '../model/world'
import {
  AWSALB,
  AWSALBAPP_SHARDS,
  AWSALBCORS,
  AWSALBTG,
  AWSALBTGCORS,
  REMOVE_MARKER,
} from './stickiness'

/** The non-configurable visible lifetime of every ALB stickiness cookie. */
export const ALB_COOKIE_LIFETIME_SECONDS = 7 * 24 * 3600

/** Caches the Expires date per whole virtual second; lives outside the world (derived data). */
export interface ExpiresCache {
  second: number
  date: string
  expiresAtMs: number
  /** "; Expires=<date>; Path=/" — shared by every line issued in this second. */
  plainSuffix: string
  corsSuffixHttps: string
  corsSuffixHttp: string
}

export function newExpiresCache(): ExpiresCache {
  return {
    second: -1,
    date: '',
    expiresAtMs: 0,
    plainSuffix: '',
    corsSuffixHttps: '',
    corsSuffixHttp: '',
  }
}

/** Expires = response Date (whole seconds) + 7 days. */
export function expiresFor(cache: ExpiresCache, nowMs: number): ExpiresCache {
  const second = Math.floor(nowMs / 1000)
  if (cache.second !== second) {
    cache.second = second
    cache.date = formatHttpDate(second + ALB_COOKIE_LIFETIME_SECONDS)
    cache.expiresAtMs = (second + ALB_COOKIE_LIFETIME_SECONDS) * 1000
    cache.plainSuffix = '; Expires=' + cache.date + '; Path=/'
    cache.corsSuffixHttps = cache.plainSuffix + '; SameSite=None; Secure'
    cache.corsSuffixHttp = cache.plainSuffix + '; SameSite=None'
  }
  return cache
}

/**
 * A fresh directive for one of the load balancer's own cookies. Fresh rather than refilled: a
 * response's directives die young, while refilling long-lived objects with new strings costs a
 * write barrier per field on every response (measured: that was the slower choice).
 */
function newDirective(
  name: string,
  value: string,
  expiresAtMs: number,
  secure: boolean,
  sameSite: 'None' | null,
  pair: string,
  line: string,
): SetCookieDirective {
  return { name, value, path: '/', expiresAtMs, secure, httpOnly: false, sameSite, line, pair }
}

/** The application's session-cookie directive, refilled by the application on every response. */
export function newApplicationDirective(): SetCookieDirective {
  return {
    name: '',
    value: '',
    path: '/',
    expiresAtMs: null,
    secure: false,
    httpOnly: true,
    sameSite: null,
    line: '',
    pair: '',
  }
}

// "name=" prefixes as constants, so a line costs two concatenations.
export const AWSALB_EQ = AWSALB + '='
export const AWSALBCORS_EQ = AWSALBCORS + '='
const AWSALBTG_EQ = AWSALBTG + '='
const AWSALBTGCORS_EQ = AWSALBTGCORS + '='

/** The CORS twin's attributes: SameSite=None; Secure on HTTPS; on HTTP AWS was seen omitting Secure (O3). */
function corsSuffix(exp: ExpiresCache, secure: boolean): string {
  return secure ? exp.corsSuffixHttps : exp.corsSuffixHttp
}

/** Appends a cookie and its CORS twin, both carrying the same value. */
function pushWithCorsTwin(
  out: SetCookieDirective[],
  name: string,
  nameEq: string,
  corsName: string,
  corsNameEq: string,
  value: string,
  exp: ExpiresCache,
  protocol: ListenerProtocol,
): void {
  const secure = protocol === 'HTTPS'
  const pair = nameEq + value
  const corsPair = corsNameEq + value
  out.push(
    newDirective(name, value, exp.expiresAtMs, false, null, pair, pair + exp.plainSuffix),
    newDirective(
      corsName,
      value,
      exp.expiresAtMs,
      secure,
      'None',
      corsPair,
      corsPair + corsSuffix(exp, secure),
    ),
  )
}

/** Appends AWSALB then AWSALBCORS (same value) to `out`. */
export function pushLbCookieDirectives(
  out: SetCookieDirective[],
  value: string,
  exp: ExpiresCache,
  protocol: ListenerProtocol,
): void {
  pushWithCorsTwin(out, AWSALB, AWSALB_EQ, AWSALBCORS, AWSALBCORS_EQ, value, exp, protocol)
}

/** Appends AWSALBTG then AWSALBTGCORS (same value) to `out`. */
export function pushGroupCookieDirectives(
  out: SetCookieDirective[],
  value: string,
  exp: ExpiresCache,
  protocol: ListenerProtocol,
): void {
  pushWithCorsTwin(out, AWSALBTG, AWSALBTG_EQ, AWSALBTGCORS, AWSALBTGCORS_EQ, value, exp, protocol)
}

/** Largest value per shard so that name + value fits the browser's 4096-byte cookie limit. */
export function shardCapacity(index: number): number {
  return MAX_COOKIE_BYTES - (AWSALBAPP_SHARDS[index] ?? AWSALBAPP_SHARDS[0]).length
}

/** Splits an application-stickiness value into at most 4 shards (16K total), "_remove_" for unused ones.
 *  Returns null if the value cannot fit (the ALB would not write it). */
export function splitAppShards(value: string | null): string[] | null {
  const shards: string[] = []
  let rest = value ?? ''
  for (let i = 0; i < AWSALBAPP_SHARDS.length; i++) {
    if (rest.length === 0) {
      shards.push(REMOVE_MARKER)
      continue
    }
    const cap = shardCapacity(i)
    shards.push(rest.slice(0, cap))
    rest = rest.slice(cap)
  }
  return rest.length === 0 ? shards : null
}

/** Appends AWSALBAPP-0..3 to `out`. Chromium ≥ 80 gets
 *  SameSite=None; Secure (simulator: only on HTTPS listeners). */
export function pushAppCookieDirectives(
  out: SetCookieDirective[],
  value: string | null,
  exp: ExpiresCache,
  protocol: ListenerProtocol,
  chromium: boolean,
): void {
  const sameSiteNone = chromium && protocol === 'HTTPS'
  const suffix = sameSiteNone ? exp.plainSuffix + '; SameSite=None; Secure' : exp.plainSuffix
  // Common case: the value fits shard 0, the other three are "_remove_" (no splitting needed).
  const shards =
    value === null || value.length <= shardCapacity(0)
      ? null
      : (splitAppShards(value) ?? splitAppShards(null)!)
  for (let i = 0; i < AWSALBAPP_SHARDS.length; i++) {
    const name = AWSALBAPP_SHARDS[i]!
    const v = shards !== null ? shards[i]! : i === 0 && value !== null ? value : REMOVE_MARKER
    const pair = name + '=' + v
    out.push(
      newDirective(
        name,
        v,
        exp.expiresAtMs,
        sameSiteNone,
        sameSiteNone ? 'None' : null,
        pair,
        pair + suffix,
      ),
    )
  }
}
