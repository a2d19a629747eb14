// The one gate every state-changing Lab call passes before anything changes or is logged (issue 16).
//
// 1. cloneCallArgs copies the arguments into plain JSON data, reading each property once, and throws on anything
//    JSON would not carry exactly (NaN, ±Infinity, undefined inside an array, functions, class instances, sparse
//    arrays, over-long strings or lists, deep nesting). The lab then applies *the copy* and logs the same copy, so
//    a logged call replays with byte-identical arguments: live and replayed labs cannot disagree.
// 2. CALL_CHECKS checks each call's argument types and the ranges the core enforces by throwing (TypeError /
//    RangeError). AWS-style refusals (`Result` failures) stay with the rules that produce them.
// Objects are rebuilt with Object.fromEntries, which defines own properties: a key "__proto__" stays data.

import { AVAILABILITY_ZONES } from './model/world'
import { LOAD_BALANCER_TYPES } from './model/loadBalancerTypes'
import type { ReplayableCall } from './replayCalls'
import { MAX_POLLS } from './rules/socketIo'

/** Longest string any argument may hold (a cookie is at most 4,096 bytes; names are far shorter). */
export const MAX_ARG_CHARS = 8_192
/** Longest list (target ids, policy names, forward groups) and most keys in one argument object. */
export const MAX_ARG_ITEMS = 1_000
/** Deepest nesting of arguments (real calls are at most 4 deep). */
export const MAX_ARG_DEPTH = 16
/** Longest single clock jump: one leap year, as for a whole replay (docs/replay.md). */
export const MAX_ADVANCE_SECONDS = 366 * 86_400
/**
 * Longest cookie lifetime the application's `Max-Age` and the Classic `CookieExpirationPeriod` accept: 400 days,
 * the cap RFC 6265bis (§5.6.1/§5.6.2) tells browsers to apply to any cookie, which Chromium enforces. AWS documents
 * no upper bound for CookieExpirationPeriod; a longer value could not be kept by a browser anyway.
 */
export const MAX_COOKIE_LIFETIME_SECONDS = 400 * 86_400
/** The CookieExpirationPeriod accepted, in seconds: 0 (a browser-session cookie) up to the 400 days a browser keeps one. */
export const COOKIE_EXPIRATION_PERIOD_RANGE = { min: 0, max: MAX_COOKIE_LIFETIME_SECONDS } as const
/** Longest time a request may occupy its target: the ALB's connection idle timeout range ends at 4,000 s. */
export const MAX_REQUEST_SECONDS = 4_000

const describe = (v: unknown): string => {
  if (typeof v === 'number') return String(v)
  if (typeof v === 'string') return v.length > 40 ? `a ${v.length}-character string` : `'${v}'`
  if (Array.isArray(v)) return 'a list'
  if (v === null) return 'null'
  return typeof v === 'object' ? 'an object' : typeof v
}

/** Set while copying when a number JSON cannot carry (NaN, ±Infinity) was met; it is copied as it is. */
interface CopyState {
  inexact: string | null
}

function cloneValue(v: unknown, path: string, depth: number, st: CopyState): unknown {
  if (depth > MAX_ARG_DEPTH)
    throw new RangeError(`${path} is nested more than ${MAX_ARG_DEPTH} levels deep`)
  switch (typeof v) {
    case 'string':
      if (v.length > MAX_ARG_CHARS)
        throw new RangeError(`${path} is longer than ${MAX_ARG_CHARS} characters`)
      return v
    case 'boolean':
      return v
    case 'number':
      // Kept, so an AWS-style check can still refuse it in its own words (a form's empty number field is NaN);
      // the lab never applies or logs a call that holds one (lab.ts guardCalls).
      if (!Number.isFinite(v)) st.inexact ??= `${path} is ${v}`
      // JSON writes -0 as 0; normalise so the live call and its replay see the same value.
      return v === 0 ? 0 : v
    case 'object': {
      if (v === null) return null
      if (Array.isArray(v)) {
        if (v.length > MAX_ARG_ITEMS)
          throw new RangeError(`${path} has more than ${MAX_ARG_ITEMS} items`)
        const out: unknown[] = []
        for (let i = 0; i < v.length; i++) {
          if (!(i in v)) throw new TypeError(`${path} has a hole at index ${i}`)
          const item: unknown = v[i]
          if (item === undefined) throw new TypeError(`${path}[${i}] is undefined`)
          out.push(cloneValue(item, `${path}[${i}]`, depth + 1, st))
        }
        return out
      }
      const proto: unknown = Object.getPrototypeOf(v)
      if (proto !== Object.prototype && proto !== null)
        throw new TypeError(`${path} must be a plain object`)
      const keys = Object.keys(v)
      if (keys.length > MAX_ARG_ITEMS)
        throw new RangeError(`${path} has more than ${MAX_ARG_ITEMS} keys`)
      const entries: [string, unknown][] = []
      for (const k of keys) {
        if (k.length > MAX_ARG_CHARS)
          throw new RangeError(`a key of ${path} is longer than ${MAX_ARG_CHARS} characters`)
        const item: unknown = (v as Record<string, unknown>)[k]
        // JSON drops undefined members; so does the copy (the call sees "absent", as its replay will).
        if (item !== undefined) entries.push([k, cloneValue(item, `${path}.${k}`, depth + 1, st)])
      }
      return Object.fromEntries(entries)
    }
    default:
      throw new TypeError(`${path} must be JSON data, not ${typeof v}`)
  }
}

/**
 * The call's arguments as JSON data (trailing undefined arguments dropped, at most `arity`); throws on anything
 * JSON cannot hold. `inexact` names a NaN or ±Infinity found (copied as is), or is null when the copy is exact.
 */
export function cloneCallArgs(
  call: string,
  args: readonly unknown[],
  arity: number,
): { args: unknown[]; inexact: string | null } {
  let n = Math.min(args.length, arity)
  while (n > 0 && args[n - 1] === undefined) n--
  const st: CopyState = { inexact: null }
  const out: unknown[] = []
  for (let i = 0; i < n; i++) {
    const a = args[i]
    out.push(a === undefined ? undefined : cloneValue(a, `${call} argument ${i + 1}`, 0, st))
  }
  return { args: out, inexact: st.inexact }
}

// --- per-call checks (on the copy) ---

type Rec = Record<string, unknown>

function str(call: string, what: string, v: unknown): void {
  if (typeof v !== 'string')
    throw new TypeError(`${call}: ${what} must be a string, not ${describe(v)}`)
}
function optObject(call: string, what: string, v: unknown): Rec {
  if (v === undefined) return {}
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    throw new TypeError(`${call}: ${what} must be an object, not ${describe(v)}`)
  return v as Rec
}
function object(call: string, what: string, v: unknown): Rec {
  if (v === undefined) throw new TypeError(`${call}: ${what} is required`)
  return optObject(call, what, v)
}
function optBool(call: string, what: string, v: unknown): void {
  if (v !== undefined && typeof v !== 'boolean')
    throw new TypeError(`${call}: ${what} must be true or false`)
}
function optOneOf(call: string, what: string, v: unknown, allowed: readonly string[]): void {
  if (v !== undefined && !allowed.includes(v as string))
    throw new TypeError(`${call}: ${what} must be one of ${allowed.join(', ')}, not ${describe(v)}`)
}
function optSeconds(call: string, what: string, v: unknown, max: number): void {
  if (v === undefined) return
  if (typeof v !== 'number' || !(v >= 0 && v <= max))
    throw new RangeError(
      `${call}: ${what} must be a number of seconds from 0 to ${max}, not ${describe(v)}`,
    )
}
function optWhole(call: string, what: string, v: unknown, min: number, max: number): void {
  if (v === undefined) return
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw new RangeError(
      `${call}: ${what} must be a whole number from ${min} to ${max}, not ${describe(v)}`,
    )
}

const CREDENTIALS = ['include', 'same-origin', 'omit'] as const

function requestOptions(call: string, v: unknown, flow: boolean): void {
  if (v === null && flow) return
  const o = optObject(call, 'options', v)
  if (o.path !== undefined) str(call, 'options.path', o.path)
  optBool(call, 'options.crossSite', o.crossSite)
  optOneOf(call, 'options.credentials', o.credentials, CREDENTIALS)
  optBool(call, 'options.preflight', o.preflight)
  if (!flow) return
  optSeconds(call, 'options.durationSeconds', o.durationSeconds, MAX_REQUEST_SECONDS)
  optBool(call, 'options.newConnection', o.newConnection)
  optOneOf(call, 'options.protocol', o.protocol, ['TCP', 'UDP', 'ICMP'])
  if (o.destinationIp !== undefined) str(call, 'options.destinationIp', o.destinationIp)
}

function clientOptions(call: string, v: unknown): void {
  const o = optObject(call, 'options', v)
  optOneOf(call, 'options.kind', o.kind, ['browser', 'curl', 'sdk'])
  optBool(call, 'options.cookiesEnabled', o.cookiesEnabled)
  optOneOf(call, 'options.userAgent', o.userAgent, ['chromium', 'other'])
  if (o.sourceIp !== undefined) str(call, 'options.sourceIp', o.sourceIp)
}

function appConfig(call: string, v: unknown): void {
  const app = object(call, 'the configuration', v)
  const sc = app.sessionCookie
  if (sc !== undefined && sc !== null) {
    const c = object(call, 'sessionCookie', sc)
    str(call, 'sessionCookie.name', c.name)
    optWhole(call, 'sessionCookie.maxAgeSeconds', c.maxAgeSeconds, 0, MAX_COOKIE_LIFETIME_SECONDS)
    optWhole(call, 'sessionCookie.valueBytes', c.valueBytes, 1, 16384)
  }
  optOneOf(call, 'sessionStore', app.sessionStore, ['memory', 'external'])
  optSeconds(call, 'latencySeconds', app.latencySeconds, MAX_REQUEST_SECONDS)
}

const ids = (call: string, n: number) => (a: unknown[]) => {
  for (let i = 0; i < n; i++) str(call, i === 0 ? 'the first argument' : `argument ${i + 1}`, a[i])
}

/** Each replayable call: how many arguments it takes, and the checks that throw. */
export const CALL_CHECKS: Readonly<
  Record<ReplayableCall, { arity: number; check: (a: unknown[]) => void }>
> = {
  advance: {
    arity: 1,
    check: (a) => {
      if (typeof a[0] !== 'number' || !(a[0] >= 0 && a[0] <= MAX_ADVANCE_SECONDS))
        throw new RangeError(
          `seconds must be a finite number >= 0 and at most ${MAX_ADVANCE_SECONDS} (366 days)`,
        )
    },
  },
  createTargetGroup: {
    arity: 2,
    check: (a) => {
      str('createTargetGroup', 'name', a[0])
      const o = optObject('createTargetGroup', 'options', a[1])
      if (o.protocol !== undefined) str('createTargetGroup', 'options.protocol', o.protocol)
    },
  },
  modifyTargetGroupAttributes: {
    arity: 2,
    check: (a) => {
      str('modifyTargetGroupAttributes', 'targetGroup', a[0])
      object('modifyTargetGroupAttributes', 'attributes', a[1])
    },
  },
  modifyHealthCheck: {
    arity: 2,
    check: (a) => {
      str('modifyHealthCheck', 'targetGroup', a[0])
      optObject('modifyHealthCheck', 'settings', a[1])
    },
  },
  setListenerProtocol: {
    arity: 1,
    check: (a) => optOneOf('setListenerProtocol', 'protocol', a[0] ?? '', ['HTTP', 'HTTPS']),
  },
  setForward: { arity: 1, check: (a) => void object('setForward', 'forward', a[0]) },
  registerTargets: { arity: 2, check: ids('registerTargets', 1) },
  deregisterTargets: { arity: 2, check: ids('deregisterTargets', 1) },
  stopInstance: { arity: 1, check: ids('stopInstance', 1) },
  startInstance: { arity: 1, check: ids('startInstance', 1) },
  setHealthCheckFailing: {
    arity: 3,
    check: (a) => {
      str('setHealthCheckFailing', 'instance id', a[0])
      if (typeof a[1] !== 'boolean')
        throw new TypeError('setHealthCheckFailing: failing must be true or false')
      const o = optObject('setHealthCheckFailing', 'options', a[2])
      optOneOf('setHealthCheckFailing', 'options.mode', o.mode, [
        'response-code',
        'connection',
        'unresponsive',
      ])
    },
  },
  configureApp: { arity: 1, check: (a) => appConfig('configureApp', a[0]) },
  addClient: {
    arity: 2,
    check: (a) => {
      str('addClient', 'client id', a[0])
      clientOptions('addClient', a[1])
    },
  },
  removeClient: { arity: 1, check: ids('removeClient', 1) },
  setClientOptions: {
    arity: 2,
    check: (a) => {
      str('setClientOptions', 'client id', a[0])
      clientOptions('setClientOptions', a[1])
    },
  },
  request: {
    arity: 2,
    check: (a) => {
      str('request', 'client id', a[0])
      requestOptions('request', a[1], true)
    },
  },
  setCookie: { arity: 3, check: ids('setCookie', 3) },
  deleteCookie: { arity: 2, check: ids('deleteCookie', 2) },
  clearCookies: { arity: 1, check: ids('clearCookies', 1) },
  launchInstance: {
    arity: 1,
    check: (a) => {
      const o = optObject('launchInstance', 'options', a[0])
      if (o.az !== undefined && !(AVAILABILITY_ZONES as readonly unknown[]).includes(o.az))
        throw new RangeError(`az must be one of the load balancer's Availability Zones`)
    },
  },
  openWebSocket: {
    arity: 2,
    check: (a) => {
      str('openWebSocket', 'client id', a[0])
      requestOptions('openWebSocket', a[1], false)
    },
  },
  sendWebSocketMessage: { arity: 1, check: ids('sendWebSocketMessage', 1) },
  closeWebSocket: { arity: 1, check: ids('closeWebSocket', 1) },
  setLoadBalancerType: {
    arity: 1,
    check: (a) => {
      if (!(LOAD_BALANCER_TYPES as readonly unknown[]).includes(a[0]))
        throw new TypeError(`loadBalancerType must be one of ${LOAD_BALANCER_TYPES.join(', ')}`)
    },
  },
  closeConnection: { arity: 1, check: ids('closeConnection', 1) },
  modifyLoadBalancerAttributes: {
    arity: 1,
    check: (a) => void object('modifyLoadBalancerAttributes', 'attributes', a[0]),
  },
  createLBCookieStickinessPolicy: {
    arity: 1,
    check: (a) => void object('createLBCookieStickinessPolicy', 'options', a[0]),
  },
  createAppCookieStickinessPolicy: {
    arity: 1,
    check: (a) => void object('createAppCookieStickinessPolicy', 'options', a[0]),
  },
  setLoadBalancerPoliciesOfListener: {
    arity: 1,
    check: (a) => void object('setLoadBalancerPoliciesOfListener', 'options', a[0]),
  },
  registerInstancesWithLoadBalancer: { arity: 1, check: () => {} },
  deregisterInstancesFromLoadBalancer: { arity: 1, check: () => {} },
  modifyListenerAttributes: {
    arity: 1,
    check: (a) => void object('modifyListenerAttributes', 'attributes', a[0]),
  },
  modifyClassicLoadBalancerAttributes: {
    arity: 1,
    check: (a) => void object('modifyClassicLoadBalancerAttributes', 'attributes', a[0]),
  },
  setCdn: {
    arity: 1,
    check: (a) => {
      const o = object('setCdn', 'options', a[0])
      if (typeof o.enabled !== 'boolean')
        throw new TypeError('setCdn: enabled must be true or false')
      if (o.cookies !== undefined) str('setCdn', 'cookies', o.cookies)
      if (o.names !== undefined && !Array.isArray(o.names))
        throw new TypeError('setCdn: names must be a list')
    },
  },
  setOuterLayer: {
    arity: 1,
    check: (a) => {
      const o = object('setOuterLayer', 'options', a[0])
      if (typeof o.enabled !== 'boolean')
        throw new TypeError('setOuterLayer: enabled must be true or false')
      if (o.stickiness !== undefined) str('setOuterLayer', 'stickiness', o.stickiness)
    },
  },
  configureKubernetes: {
    arity: 1,
    check: (a) => void object('configureKubernetes', 'options', a[0]),
  },
  connectSocketIo: {
    arity: 2,
    check: (a) => {
      str('connectSocketIo', 'client id', a[0])
      const o = optObject('connectSocketIo', 'options', a[1])
      optWhole('connectSocketIo', 'options.polls', o.polls, 1, MAX_POLLS)
      optOneOf('connectSocketIo', 'options.transports', o.transports, ['polling', 'websocket'])
    },
  },
}
