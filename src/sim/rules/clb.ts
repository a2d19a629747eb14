// The Classic Load Balancer (reference §15): instances registered directly, one HTTP:80 listener,
// routing to the registered instance with the smallest load, and AWSELB stickiness policies.
// Duration-based (LBCookieStickinessPolicyType): AWSELB is inserted only when a request has no
// usable cookie, is never refreshed, and its expiry is never checked by the CLB (only the browser
// drops it). Application-controlled (AppCookieStickinessPolicyType): AWSELB is inserted whenever
// the application's response sets its cookie, copying that cookie's attributes.

import type { BrowserContext, CookieRejection, SetCookieDirective } from '../cookieJar'
import {
  cookieHeader,
  cookiesToSend,
  noCookieReason,
  noteBrowserFacts,
  storeCookie,
  withheldFromRequest,
} from '../cookieJar'
import type { RequestOptions, SessionView } from '../model/api'
import type { Decision } from '../model/decisions'
import type { ClbFacts, ClbMissFacts, ClbRoute, ClbTail, Silence } from '../model/facts'
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
import { addInFlight, pruneInFlight } from './routing'
import { findSent } from './stickiness'
import { answers, silenceReason } from './instances'

export const AWSELB = 'AWSELB'
export const AWSELBCORS = 'AWSELBCORS'

const NO_TAIL: ClbTail = { kind: 'none' }

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
  { hit: true; reg: RegistrationState; cookieName: string } | { hit: false; miss: ClbMissFacts }

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
      miss: {
        code: 'sticky-miss-no-cookie',
        cookie: AWSELB,
        reason: noCookieReason(client, ctx, AWSELB),
      },
    }
  const name = cookie.name
  const p = decodeCookieValue(world.secret, cookie.value)
  if (p === null || p.kind !== CookieKind.elb)
    return { hit: false, miss: { code: 'sticky-miss-invalid', cookie: name } }
  const id = world.instanceBySerial[p.targetSerial]
  let reg: RegistrationState | null = null
  if (p.targetGroupSerial === tg.serial && id !== undefined)
    for (const r of tg.targets) if (r.id === id) reg = r
  if (reg === null)
    return {
      hit: false,
      miss: { code: 'sticky-miss-foreign-target', cookie: name, named: id ?? null },
    }
  if (reg.deregistered)
    return {
      hit: false,
      miss: { code: 'sticky-miss-deregistered', cookie: name, named: reg.id, state: reg.state },
    }
  if (reg.state !== 'healthy')
    return {
      hit: false,
      miss: {
        code: 'sticky-miss-unhealthy',
        cookie: name,
        named: reg.id,
        state: reg.state,
        invalidState: reg.reason === 'Target.InvalidState',
      },
    }
  if (
    policy.policyTypeName === 'AppCookieStickinessPolicyType' &&
    findSent(sent, policy.cookieName) === null
  )
    return {
      hit: false,
      miss: {
        code: 'sticky-miss-no-app-cookie',
        cookie: name,
        named: reg.id,
        appCookie: policy.cookieName,
      },
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
  const withheld = withheldFromRequest(client, ctx, sent)
  const policy = activePolicy(clb)

  let decision: Decision = 'no-targets-503'
  let status = 503
  let sticky = false
  let algorithm: string | null = null
  let reg: RegistrationState | null = null
  let route: ClbRoute
  const binding = policy === null ? null : readBinding(world, tg, policy, sent, client, ctx)
  if (binding !== null && binding.hit) {
    reg = binding.reg
    sticky = true
    decision = 'sticky-hit'
    const p = policy!
    route =
      p.policyTypeName === 'LBCookieStickinessPolicyType'
        ? { kind: 'hit', policy: 'lb', cookie: binding.cookieName, targetId: reg.id, appCookie: '' }
        : {
            kind: 'hit',
            policy: 'app',
            cookie: binding.cookieName,
            targetId: reg.id,
            appCookie: p.cookieName,
          }
  } else {
    const pick = leastLoaded(world, clb, tg)
    const miss = binding === null ? null : binding.miss
    if (miss !== null) decision = miss.code
    if (pick === null) {
      decision = 'no-targets-503'
      route = { kind: 'pick', miss, targetId: null, inFlight: 0 }
    } else {
      reg = pick.reg
      algorithm = 'least_outstanding_requests'
      if (binding === null) decision = 'least-outstanding-requests'
      route = { kind: 'pick', miss, targetId: reg.id, inFlight: pick.inFlight }
    }
  }

  let session: SessionView | null = null
  const out: SetCookieDirective[] = []
  let instance: InstanceState | null = null
  let tail: ClbTail = NO_TAIL
  let silence: Silence | undefined
  if (reg !== null) {
    instance = world.instances[reg.id]!
    if (!answers(instance)) {
      decision = 'target-unreachable-502'
      status = 502
      silence = silenceReason(instance)
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
          tail = { kind: 'lb-sets', periodSeconds: period }
        }
      } else if (policy !== null && policy.policyTypeName === 'AppCookieStickinessPolicyType') {
        if (app !== null && app.name === policy.cookieName) {
          out.push(...appCookies(app, seal(0)))
          tail = { kind: 'app-sets', appCookie: app.name, targetId: reg.id }
        } else {
          tail =
            app === null
              ? { kind: 'app-no-cookie' }
              : { kind: 'app-other-cookie', appCookie: policy.cookieName, setCookie: app.name }
        }
      }
    }
  }
  const facts: ClbFacts =
    silence === undefined ? { family: 'clb', route, tail } : { family: 'clb', route, silence, tail }

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
    facts,
    explanation: rt.explain.request(facts),
    requestCookieHeader: header,
    setCookie: lines,
  }
  if (session !== null) record.session = session
  if (blocked !== undefined) record.blockedCookies = blocked
  noteBrowserFacts(record, ctx, withheld)
  ringPush(world.history, record)
  return record
}
