// The Classic Load Balancer's route strategy (reference §15): instances registered directly, one HTTP:80 listener,
// routing to the registered instance with the smallest load, and AWSELB stickiness policies.
// Duration-based (LBCookieStickinessPolicyType): AWSELB is inserted only when a request has no
// usable cookie, is never refreshed, and its expiry is never checked by the CLB (only the browser
// drops it). Application-controlled (AppCookieStickinessPolicyType): AWSELB is inserted whenever
// the application's response sets its cookie, copying that cookie's attributes.

import type { BrowserContext, SetCookieDirective } from '../cookieJar'
import { noCookieReason } from '../cookieJar'
import type { ClbFacts, ClbMissFacts, ClbRoute, ClbTail } from '../model/facts'
import type {
  ClbPolicy,
  ClbState,
  ClientState,
  RegistrationState,
  SameSite,
  StoredCookie,
  TargetGroupState,
  World,
} from '../model/world'
import type { Runtime } from '../runtime'
import { CookieKind, decodeCookieValue, encodeCookieValue } from '../rules/cookieCodec'
import { sessionCookieAttributes } from '../rules/application'
import { silenceReason } from '../rules/instances'
import { pruneInFlight } from '../rules/routing'
import { findSent } from '../rules/stickiness'
import type { Exchange } from './exchange'
import type { RouteStrategy } from './routeStrategy'

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
function appCookies(world: World, app: SetCookieDirective, value: string): SetCookieDirective[] {
  // The same attributes as the application's line (built only for records): Max-Age, Path, HttpOnly.
  const attrs = sessionCookieAttributes(world.app.sessionCookie?.maxAgeSeconds)
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

/** What the CLB decided: its policy, the route for the facts, and the tail its response adds. */
interface ClbPlan {
  policy: ClbPolicy | null
  route: ClbRoute
  tail: ClbTail
}

function route(world: World, _rt: Runtime, x: Exchange): ClbPlan {
  const clb = world.classic!
  const tg = world.targetGroups[clb.group]!
  x.tg = tg
  x.status = 503
  const policy = activePolicy(clb)
  const binding =
    policy === null ? null : readBinding(world, tg, policy, x.sent, x.slot.state, x.req)
  let route: ClbRoute
  if (binding !== null && binding.hit) {
    const reg = binding.reg
    x.reg = reg
    x.sticky = true
    x.decision = 'sticky-hit'
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
    if (miss !== null) x.decision = miss.code
    if (pick === null) {
      x.decision = 'no-targets-503'
      route = { kind: 'pick', miss, targetId: null, inFlight: 0 }
    } else {
      x.reg = pick.reg
      x.algorithm = 'least_outstanding_requests'
      if (binding === null) x.decision = 'least-outstanding-requests'
      route = { kind: 'pick', miss, targetId: pick.reg.id, inFlight: pick.inFlight }
    }
  }
  return { policy, route, tail: NO_TAIL }
}

/** The application's Set-Cookie first, then AWSELB/AWSELBCORS as the policy says. */
function respond(
  world: World,
  _rt: Runtime,
  x: Exchange,
  plan: ClbPlan,
  app: SetCookieDirective | null,
): void {
  const out = x.directives
  const policy = plan.policy
  const tg = x.tg!
  const instance = x.instance!
  if (app !== null) out.push(app)
  const seal = (period: number): string =>
    encodeCookieValue(world.secret, ++world.counters.cookie, {
      kind: CookieKind.elb,
      targetGroupSerial: tg.serial,
      targetSerial: instance.serial,
      issuedAtMs: world.nowMs,
      durationSeconds: period,
    })
  if (policy !== null && policy.policyTypeName === 'LBCookieStickinessPolicyType') {
    if (!x.sticky) {
      const period = policy.cookieExpirationPeriod ?? 0
      out.push(...durationCookies(world, seal(period), period))
      plan.tail = { kind: 'lb-sets', periodSeconds: period }
    }
  } else if (policy !== null && policy.policyTypeName === 'AppCookieStickinessPolicyType') {
    if (app !== null && app.name === policy.cookieName) {
      out.push(...appCookies(world, app, seal(0)))
      plan.tail = { kind: 'app-sets', appCookie: app.name, targetId: x.reg!.id }
    } else {
      plan.tail =
        app === null
          ? { kind: 'app-no-cookie' }
          : { kind: 'app-other-cookie', appCookie: policy.cookieName, setCookie: app.name }
    }
  }
}

function describe(_world: World, rt: Runtime, x: Exchange, plan: ClbPlan): void {
  const { route, tail } = plan
  const facts: ClbFacts = x.silent
    ? { family: 'clb', route, silence: silenceReason(x.instance!), tail }
    : { family: 'clb', route, tail }
  x.facts = facts
  x.explanation = rt.explain.request(facts)
}

export const clbStrategy: RouteStrategy<ClbPlan> = {
  type: 'classic',
  carriesHttp: () => true,
  tracksInFlight: true,
  elbMetrics: true,
  // Instances register with the Classic Load Balancer directly; its internal group has no name to show.
  namesGroup: false,
  silentDecision: 'target-unreachable-502',
  silentStatus: 502,
  route,
  onSilent: () => {},
  respond,
  describe,
}
