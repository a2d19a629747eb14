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
 * Reusable directive objects for the load balancer's own cookies. The browser copies fields out
 * of a directive when it stores it, so one set per lab can be refilled on every response instead
 * of allocating new objects (this is the hot path). Lines are new strings each time.
 */
export interface AlbDirectiveSlots {
  lb: SetCookieDirective
  lbCors: SetCookieDirective
  group: SetCookieDirective
  groupCors: SetCookieDirective
  app: SetCookieDirective[]
  /** The application's own session cookie (its name follows the app configuration). */
  application: SetCookieDirective
}

function slot(name: string, sameSite: 'None' | null): SetCookieDirective {
  return {
    name,
    value: '',
    path: '/',
    expiresAtMs: null,
    secure: false,
    httpOnly: false,
    sameSite,
    line: '',
    pair: '',
  }
}

export function newAlbDirectiveSlots(): AlbDirectiveSlots {
  return {
    lb: slot(AWSALB, null),
    lbCors: slot(AWSALBCORS, 'None'),
    group: slot(AWSALBTG, null),
    groupCors: slot(AWSALBTGCORS, 'None'),
    app: AWSALBAPP_SHARDS.map((n) => slot(n, null)),
    application: { ...slot('', null), httpOnly: true },
  }
}

// "name=" prefixes as constants, so a line costs two concatenations.
const PREFIX: Readonly<Record<string, string>> = {
  [AWSALB]: AWSALB + '=',
  [AWSALBCORS]: AWSALBCORS + '=',
  [AWSALBTG]: AWSALBTG + '=',
  [AWSALBTGCORS]: AWSALBTGCORS + '=',
}

function fillPlain(
  d: SetCookieDirective,
  prefix: string,
  value: string,
  exp: ExpiresCache,
): SetCookieDirective {
  d.value = value
  d.expiresAtMs = exp.expiresAtMs
  d.pair = prefix + value
  d.line = d.pair + exp.plainSuffix
  return d
}

/** The CORS twin: SameSite=None; Secure on HTTPS; on HTTP AWS was seen omitting Secure (O3). */
function fillCors(
  d: SetCookieDirective,
  prefix: string,
  value: string,
  exp: ExpiresCache,
  protocol: ListenerProtocol,
): SetCookieDirective {
  const secure = protocol === 'HTTPS'
  d.value = value
  d.expiresAtMs = exp.expiresAtMs
  d.secure = secure
  d.pair = prefix + value
  d.line = d.pair + (secure ? exp.corsSuffixHttps : exp.corsSuffixHttp)
  return d
}

/** Writes AWSALB then AWSALBCORS (same value) into `out` from index `n`; returns the next index. */
export function pushLbCookieDirectives(
  out: SetCookieDirective[],
  n: number,
  slots: AlbDirectiveSlots,
  value: string,
  exp: ExpiresCache,
  protocol: ListenerProtocol,
): number {
  out[n] = fillPlain(slots.lb, PREFIX[AWSALB]!, value, exp)
  out[n + 1] = fillCors(slots.lbCors, PREFIX[AWSALBCORS]!, value, exp, protocol)
  return n + 2
}

/** Writes AWSALBTG then AWSALBTGCORS (same value) into `out` from index `n`; returns the next index. */
export function pushGroupCookieDirectives(
  out: SetCookieDirective[],
  n: number,
  slots: AlbDirectiveSlots,
  value: string,
  exp: ExpiresCache,
  protocol: ListenerProtocol,
): number {
  out[n] = fillPlain(slots.group, PREFIX[AWSALBTG]!, value, exp)
  out[n + 1] = fillCors(slots.groupCors, PREFIX[AWSALBTGCORS]!, value, exp, protocol)
  return n + 2
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

/** Writes AWSALBAPP-0..3 into `out` from index `n`; returns the next index. Chromium ≥ 80 gets
 *  SameSite=None; Secure (simulator: only on HTTPS listeners). */
export function pushAppCookieDirectives(
  out: SetCookieDirective[],
  n: number,
  slots: AlbDirectiveSlots,
  value: string | null,
  exp: ExpiresCache,
  protocol: ListenerProtocol,
  chromium: boolean,
): number {
  const sameSiteNone = chromium && protocol === 'HTTPS'
  const suffix = sameSiteNone ? exp.plainSuffix + '; SameSite=None; Secure' : exp.plainSuffix
  // Common case: the value fits shard 0, the other three are "_remove_" (no splitting needed).
  const shards =
    value === null || value.length <= shardCapacity(0)
      ? null
      : (splitAppShards(value) ?? splitAppShards(null)!)
  for (let i = 0; i < AWSALBAPP_SHARDS.length; i++) {
    const d = slots.app[i]!
    const v = shards !== null ? shards[i]! : i === 0 && value !== null ? value : REMOVE_MARKER
    d.value = v
    d.expiresAtMs = exp.expiresAtMs
    d.sameSite = sameSiteNone ? 'None' : null
    d.secure = sameSiteNone
    d.pair = d.name + '=' + v
    d.line = d.pair + suffix
    out[n + i] = d
  }
  return n + AWSALBAPP_SHARDS.length
}
