// The Classic Load Balancer (reference §15): instances registered directly, one HTTP:80 listener,
// routing to the registered instance with the smallest load, and AWSELB stickiness policies.
// Duration-based (LBCookieStickinessPolicyType): AWSELB is inserted only when a request has no
// usable cookie, is never refreshed, and its expiry is never checked by the CLB (only the browser
// drops it). Application-controlled (AppCookieStickinessPolicyType): AWSELB is inserted whenever
// the application's response sets its cookie, copying that cookie's attributes.

import type { BrowserContext, CookieRejection, SetCookieDirective } from '../cookieJar'
import { cookieHeader, cookiesToSend, storeCookie } from '../cookieJar'
import type {
  RequestOptions,
  SessionView,
} from '../model/api'
import type { Decision } from '../model/decisions'
import type {
  ClbPolicy,
  ClbState,
  ClientState,
  InstanceState,
  RegistrationState,
  RequestRecordState,
  SameSite,
  StoredCookie,
  TargetGroupState,
  World,
} from '../model/world'
import { ringPush } from '../ring'
import type { Runtime } from '../runtime'
import { serveApplication } from './application'
import { getClientSlot } from './clients'
import { CookieKind, decodeCookieValue, encodeCookieValue } from './cookieCodec'
import { noCookieCause } from './explain'
import { addInFlight, pruneInFlight } from './routing'
import { findSent } from './stickiness'
import { answers, silenceReason } from './instances'

export const AWSELB = 'AWSELB'
export const AWSELBCORS = 'AWSELBCORS'

/** The listener's stickiness policy, or null. */
function activePolicy(clb: ClbState): ClbPolicy | null {
  for (const name of clb.policyNames) {
    const p = clb.policies.find((q) => q.policyName === name)
    if (p !== undefined) return p
  }
  return null
}

/** Smallest load = fewest outstanding requests among InService instances; ties go round robin. */
function leastLoaded(
  world: World,
  clb: ClbState,
  tg: TargetGroupState,
): { reg: RegistrationState; inFlight: number } | null {
  const regs = tg.targets
  const n = regs.length
  let best: RegistrationState | null = null
  let bestCount = Infinity
  let bestIdx = 0
  for (let k = 0; k < n; k++) {
    const idx = (clb.tieCursor + k) % n
    const r = regs[idx]!
    if (r.state !== 'healthy' || r.deregistered) continue
    const inst = world.instances[r.id]!
    pruneInFlight(inst, world.nowMs)
    if (inst.inFlightCount < bestCount) {
      best = r
      bestCount = inst.inFlightCount
      bestIdx = idx
    }
  }
  if (best === null) return null
  clb.tieCursor = (bestIdx + 1) % n
  return { reg: best, inFlight: bestCount }
}

type Binding =
  | { hit: true; reg: RegistrationState; cookieName: string }
  | { hit: false; miss: Decision; reason: string; cookieName: string | null }

function readBinding(
  world: World,
  tg: TargetGroupState,
  policy: ClbPolicy,
  sent: StoredCookie[],
  client: ClientState,
  ctx: BrowserContext,
): Binding {
  const cookie = findSent(sent, AWSELB) ?? findSent(sent, AWSELBCORS)
  if (cookie === null)
    return {
      hit: false,
      miss: 'sticky-miss-no-cookie',
      reason: noCookieCause(client.cookiesEnabled, ctx, AWSELB, client.jar.some((c) => c.name === AWSELB)),
      cookieName: null,
    }
  const name = cookie.name
  const p = decodeCookieValue(world.secret, cookie.value)
  if (p === null || p.kind !== CookieKind.elb)
    return {
      hit: false,
      miss: 'sticky-miss-invalid',
      reason: `the ${name} cookie could not be decoded (edited, truncated or not issued by this load balancer)`,
      cookieName: name,
    }
  const id = world.instanceBySerial[p.targetSerial]
  let reg: RegistrationState | null = null
  if (p.targetGroupSerial === tg.serial && id !== undefined)
    for (const r of tg.targets) if (r.id === id) reg = r
  if (reg === null)
    return {
      hit: false,
      miss: 'sticky-miss-foreign-target',
      reason: `${name} names ${id ?? 'an unknown instance'}, which is not registered with this load balancer`,
      cookieName: name,
    }
  if (reg.deregistered)
    return {
      hit: false,
      miss: 'sticky-miss-deregistered',
      reason: `${name} names ${reg.id}, which has been deregistered`,
      cookieName: name,
    }
  if (reg.state !== 'healthy')
    return {
      hit: false,
      miss: 'sticky-miss-unhealthy',
      reason: `${name} names ${reg.id}, which is OutOfService`,
      cookieName: name,
    }
  if (
    policy.policyTypeName === 'AppCookieStickinessPolicyType' &&
    findSent(sent, policy.cookieName) === null
  )
    return {
      hit: false,
      miss: 'sticky-miss-no-app-cookie',
      reason: `${name} names ${reg.id} but the request carries no ${policy.cookieName} cookie, so the session is not sticky until the application issues a new one`,
      cookieName: name,
    }
  return { hit: true, reg, cookieName: name }
}

function directive(
  name: string,
  value: string,
  expiresAtMs: number | null,
  secure: boolean,
  httpOnly: boolean,
  sameSite: SameSite | null,
  attributes: string,
): SetCookieDirective {
  const pair = name + '=' + value
  return {
    name,
    value,
    path: '/',
    expiresAtMs,
    secure,
    httpOnly,
    sameSite,
    pair,
    line: pair + attributes,
  }
}

/** AWSELB + AWSELBCORS for a duration policy: Max-Age = the period, or a session cookie for 0. */
function durationCookies(world: World, value: string, period: number): SetCookieDirective[] {
  const expires = period > 0 ? world.nowMs + period * 1000 : null
  const attrs = period > 0 ? `; Max-Age=${period}; Path=/` : '; Path=/'
  return [
    directive(AWSELB, value, expires, false, false, null, attrs),
    directive(AWSELBCORS, value, expires, true, false, 'None', attrs + '; SameSite=None; Secure'),
  ]
}

/** AWSELB + AWSELBCORS for an application-controlled policy, copying the app cookie's attributes. */
function appCookies(app: SetCookieDirective, value: string): SetCookieDirective[] {
  const attrs = app.line.slice(app.pair.length)
  return [
    directive(AWSELB, value, app.expiresAtMs, app.secure, app.httpOnly, app.sameSite, attrs),
    directive(
      AWSELBCORS,
      value,
      app.expiresAtMs,
      true,
      app.httpOnly,
      'None',
      attrs + '; SameSite=None; Secure',
    ),
  ]
}

/** Serves one request on a Classic Load Balancer; mutates the world and returns the history record. */
export function handleClbRequest(
  world: World,
  rt: Runtime,
  clientId: string,
  options: RequestOptions | undefined,
): RequestRecordState {
  const clb = world.classic!
  const tg = world.targetGroups[clb.group]!
  const now = world.nowMs
  const slot = getClientSlot(world, rt, clientId)
  const client = slot.state
  const path = options?.path ?? '/'
  const crossSite = options?.crossSite === true
  const credentials = options?.credentials ?? 'same-origin'
  const durationMs = Math.round((options?.durationSeconds ?? world.app.latencySeconds) * 1000)
  const ctx: BrowserContext = { protocol: 'HTTP', path, crossSite, credentials }
  const sent = cookiesToSend(client, ctx)
  const header = cookieHeader(sent)
  const policy = activePolicy(clb)

  let decision: Decision = 'no-targets-503'
  let status = 503
  let sticky = false
  let algorithm: string | null = null
  let reg: RegistrationState | null = null
  let how: string
  const binding = policy === null ? null : readBinding(world, tg, policy, sent, client, ctx)
  if (binding !== null && binding.hit) {
    reg = binding.reg
    sticky = true
    decision = 'sticky-hit'
    how =
      policy!.policyTypeName === 'LBCookieStickinessPolicyType'
        ? `${binding.cookieName} names ${reg.id}, which is InService; the CLB does not check the cookie's age (only the browser drops it when it expires), so the request stays on ${reg.id}`
        : `${binding.cookieName} names ${reg.id} and the request carries ${policy!.cookieName}, so the request stays on ${reg.id}`
  } else {
    const pick = leastLoaded(world, clb, tg)
    const prefix =
      binding === null
        ? 'the listener has no stickiness policy'
        : binding.miss === 'sticky-miss-no-cookie'
          ? binding.reason
          : `${binding.reason}, so the CLB routes as if there were no cookie`
    if (binding !== null && !binding.hit) decision = binding.miss
    if (pick === null) {
      decision = 'no-targets-503'
      how = `${prefix}, and no registered instance is InService, so the load balancer returned 503 Service Unavailable`
    } else {
      reg = pick.reg
      algorithm = 'least_outstanding_requests'
      if (binding === null) decision = 'least-outstanding-requests'
      how = `${prefix}; ${reg.id} has the smallest load (${pick.inFlight} outstanding, ties go round robin), so it gets the request`
    }
  }
  how = how.charAt(0).toUpperCase() + how.slice(1)

  let session: SessionView | null = null
  const out: SetCookieDirective[] = []
  let instance: InstanceState | null = null
  let tail = ''
  if (reg !== null) {
    instance = world.instances[reg.id]!
    if (!answers(instance)) {
      decision = 'target-unreachable-502'
      status = 502
      tail = `, but ${reg.id} does not answer (${silenceReason(instance)}), so the load balancer returned 502 Bad Gateway`
    } else {
      status = 200
      session = serveApplication(world, rt, slot, instance, sent, path)
      const app = session === null ? null : rt.applicationDirective
      if (app !== null) out.push({ ...app })
      addInFlight(instance, now + durationMs)
      const seal = (period: number): string =>
        encodeCookieValue(world.secret, ++world.counters.cookie, {
          kind: CookieKind.elb,
          targetGroupSerial: tg.serial,
          targetSerial: instance!.serial,
          issuedAtMs: now,
          durationSeconds: period,
        })
      if (policy !== null && policy.policyTypeName === 'LBCookieStickinessPolicyType') {
        if (!sticky) {
          const period = policy.cookieExpirationPeriod ?? 0
          out.push(...durationCookies(world, seal(period), period))
          tail =
            period > 0
              ? `, and the response sets AWSELB naming it with Max-Age=${period} (the CLB never refreshes it)`
              : ', and the response sets AWSELB naming it as a session cookie (no expiration period)'
        }
      } else if (policy !== null && policy.policyTypeName === 'AppCookieStickinessPolicyType') {
        if (app !== null && app.name === policy.cookieName) {
          out.push(...appCookies(app, seal(0)))
          tail = `; the response sets ${app.name}, so the CLB inserts AWSELB naming ${reg.id} with the same attributes`
        } else {
          tail =
            app === null
              ? '; the application sets no cookie, so no AWSELB is inserted'
              : `; the application sets ${app.name}, not ${policy.cookieName}, so no AWSELB is inserted`
        }
      }
    }
  }
  const explanation = how + tail + '.'

  let blocked: { name: string; reason: CookieRejection }[] | undefined
  const lines: string[] = []
  for (const d of out) {
    lines.push(d.line)
    const rejection = storeCookie(world, client, d, ctx)
    if (rejection !== null) (blocked ??= []).push({ name: d.name, reason: rejection })
  }

  const m = world.metrics
  if (status === 503) {
    m.HTTPCode_ELB_5XX_Count++
    m.HTTPCode_ELB_503_Count++
  } else {
    m.RequestCount++
    if (status === 502) {
      m.HTTPCode_ELB_5XX_Count++
      m.HTTPCode_ELB_502_Count++
      m.TargetConnectionErrorCount++
    } else {
      m.HTTPCode_Target_2XX_Count++
      instance!.requestCount++
      tg.requestCount++
    }
  }

  const answered = status === 200
  const record: RequestRecordState = {
    id: ++world.counters.request,
    clientId: client.id,
    at: now / 1000,
    completesAt: (answered ? now + durationMs : now) / 1000,
    path,
    crossSite,
    kind: 'http',
    loadBalancerType: 'classic',
    status,
    targetId: reg === null ? null : reg.id,
    targetGroup: null,
    sticky,
    decision,
    targetGroupDecision: 'single',
    algorithm,
    failOpen: false,
    explanation,
    requestCookieHeader: header,
    setCookie: lines,
  }
  if (session !== null) record.session = session
  if (blocked !== undefined) record.blockedCookies = blocked
  ringPush(world.history, record)
  return record
}
