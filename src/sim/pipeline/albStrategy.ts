// The Application Load Balancer's route strategy: the target group (weights / AWSALBTG), the target
// (stickiness first, then the algorithm, health and fail-open), and after the application answers, the load
// balancer's own cookies (AWSALBTG, AWSALB/AWSALBCORS or AWSALBAPP). Its parts live in albRequestParts.ts.

import type { SetCookieDirective } from '../cookieJar'
import type { AlbFacts, AlbRoute, AlbTail, AlbWhy } from '../model/facts'
import type { TargetId } from '../model/ids'
import type { TargetGroupState, World } from '../model/world'
import type { Runtime } from '../runtime'
import { dictGet } from '../dict'
import {
  expiresFor,
  pushAppCookieDirectives,
  pushGroupCookieDirectives,
  pushLbCookieDirectives,
} from '../rules/albCookies'
import type { StickyMode } from '../rules/albRequestParts'
import {
  chooseTargetGroup,
  stickyModeOf,
  durationSeconds,
  groupFacts,
  missFacts,
  issue,
  hitFacts,
  NO_TAIL,
  LB_SETS,
  LB_REWRITES,
  APP_NO_COOKIE,
  NO_GROUP,
  STICKINESS_OFF,
  APP_IGNORED,
} from '../rules/albRequestParts'
import { CookieKind, NO_TARGET } from '../rules/cookieCodec'
import { silenceReason } from '../rules/instances'
import { availability, pickTarget, zoneFilter } from '../rules/routing'
import type { TargetBinding } from '../rules/stickiness'
import { AWSALB, readAppBinding, readLbBinding } from '../rules/stickiness'
import { cdnFacts, cdnMiss } from '../rules/cdn'
import { outerFacts } from '../rules/outerLayer'
import { hopFacts } from '../rules/kubernetes'
import { withAppCookieCopy } from '../rules/appCookieSize'
import type { Exchange } from './exchange'
import type { RouteStrategy } from './routeStrategy'

/** What the ALB decided, kept for its response cookies and its facts. */
interface AlbPlan {
  mode: StickyMode
  binding: TargetBinding | null
  /** The AWSALBTG cookie's name when one was read (for the target-group facts). */
  groupCookie: string | null
  /** Why the algorithm picked (null for a binding's hit, or when there was no group). */
  why: AlbWhy | null
  az: string | null
  inFlight: number | null
  slowStart: boolean
  groupFailOpen: boolean
  tail: AlbTail
}

function route(world: World, _rt: Runtime, x: Exchange): AlbPlan {
  const client = x.slot.state
  const memo = x.slot.memo
  const sent = x.sent
  x.status = 503
  const plan: AlbPlan = {
    mode: 'off',
    binding: null,
    groupCookie: null,
    why: null,
    az: null,
    inFlight: null,
    slowStart: false,
    groupFailOpen: false,
    tail: NO_TAIL,
  }
  // 1. Target group (fast path: one group and no target-group stickiness).
  const fwd = world.listener.forward
  let tg: TargetGroupState | null
  if (fwd.targetGroups.length === 1 && !fwd.stickiness.enabled) {
    tg = dictGet(world.targetGroups, fwd.targetGroups[0]!.name) ?? null
  } else {
    const choice = chooseTargetGroup(world, sent, memo)
    tg = choice.tg
    x.groupDecision = choice.decision
    plan.groupCookie = choice.cookieName
  }
  x.tg = tg
  if (tg === null) return plan

  // 2. Target: stickiness first; the algorithm only makes a first or a replacement pick.
  const mode = stickyModeOf(world, tg)
  plan.mode = mode
  let binding: TargetBinding | null = null
  if (mode === 'lb') binding = readLbBinding(world, tg, sent, memo)
  else if (mode === 'app') binding = readAppBinding(world, tg, sent, memo)
  plan.binding = binding
  if (binding !== null && binding.hit) {
    x.reg = binding.reg
    x.sticky = true
    x.failOpen = binding.viaFailOpen
    x.decision = 'sticky-hit'
  } else {
    const az = zoneFilter(tg, client)
    const avail = availability(world, tg, az)
    x.failOpen = avail.failOpen
    plan.groupFailOpen = avail.failOpen
    const pick = pickTarget(world, tg, avail.failOpen, az)
    // The miss is read now: issuing this response's cookie reuses the memo the binding was decoded into.
    if (binding !== null && !binding.hit) {
      x.decision = binding.miss
      plan.why = missFacts(world, tg, binding, mode === 'app' ? 'AWSALBAPP' : AWSALB, client, x.req)
      if (x.cdn !== null) plan.why = cdnMiss(plan.why, x.cdn)
    } else if (mode === 'app-ignored') {
      x.decision = 'app-cookie-ignored-weighted'
      plan.why = APP_IGNORED
    } else {
      const a = tg.parsed.algorithm
      x.decision = avail.failOpen
        ? 'fail-open'
        : a === 'least_outstanding_requests'
          ? 'least-outstanding-requests'
          : a === 'weighted_random'
            ? 'weighted-random'
            : 'round-robin'
      plan.why = STICKINESS_OFF
    }
    if (pick === null) {
      x.decision = 'no-targets-503'
      plan.az = az
    } else {
      const reg = pick.reg
      x.reg = reg
      x.algorithm = pick.algorithm
      plan.slowStart = pick.slowStart
      // Read before this request is added to the target's in-flight count.
      if (pick.algorithm === 'least_outstanding_requests')
        plan.inFlight = world.instances[reg.id]!.inFlightCount
    }
  }
  // NonStickyRequestCount: stickiness enabled, a target was chosen, but not by a binding.
  if ((mode === 'lb' || mode === 'app') && !x.sticky && x.reg !== null)
    world.metrics.NonStickyRequestCount++
  return plan
}

/** 3. After the application answered: the load balancer adds its cookies, then the application's. */
function respond(
  world: World,
  rt: Runtime,
  x: Exchange,
  plan: AlbPlan,
  appDirective: SetCookieDirective | null,
): void {
  const tg = x.tg!
  const instance = x.instance!
  const memo = x.slot.memo
  const now = world.nowMs
  const protocol = x.req.protocol
  const directives = x.directives
  const fwd = world.listener.forward
  const exp = expiresFor(rt.expires, now)
  const mode = plan.mode
  const sticky = x.sticky
  if (fwd.stickiness.enabled) {
    const v = issue(
      world,
      memo,
      'group',
      CookieKind.targetGroup,
      tg.serial,
      NO_TARGET,
      now,
      fwd.stickiness.durationSeconds,
    )
    pushGroupCookieDirectives(directives, v, exp, protocol)
  }
  if (mode === 'lb') {
    const v = issue(
      world,
      memo,
      'target',
      CookieKind.lb,
      tg.serial,
      instance.serial,
      now,
      tg.parsed.lbCookieDurationSeconds,
    )
    pushLbCookieDirectives(directives, v, exp, protocol)
    if (!sticky) {
      const b = plan.binding
      plan.tail = b !== null && b.cookieName !== null ? LB_REWRITES : LB_SETS
    }
  } else if (mode === 'app') {
    const appName = tg.parsed.appCookieName
    const setsAppCookie = appDirective !== null && appDirective.name === appName
    let value: string | null = null
    // Convention (reference §17.4): refresh the binding while it is valid even if this
    // response sets no application cookie; otherwise bind only when the app sets its cookie.
    if (setsAppCookie || sticky) {
      value = issue(
        world,
        memo,
        'target',
        CookieKind.app,
        tg.serial,
        instance.serial,
        now,
        tg.parsed.appCookieDurationSeconds,
      )
    }
    // The AWSALBAPP value grows with the application's cookie (rules/appCookieSize.ts: a simulator convention).
    const appValue = withAppCookieCopy(value, world.app.sessionCookie?.valueBytes)
    pushAppCookieDirectives(
      directives,
      appValue,
      exp,
      protocol,
      x.slot.state.userAgent === 'chromium',
    )
    if (!sticky) {
      const appCookie = world.app.sessionCookie
      plan.tail = setsAppCookie
        ? { kind: 'app-sets', targetId: x.reg!.id, appCookie: appName }
        : appCookie === null
          ? APP_NO_COOKIE
          : { kind: 'app-other-cookie', appCookie: appName, setCookie: appCookie.name }
    }
  }
  if (appDirective !== null) directives.push(appDirective)
}

/** The route half of the facts. */
function routeFacts(rt: Runtime, x: Exchange, plan: AlbPlan): AlbRoute {
  const tg = x.tg
  if (tg === null) return NO_GROUP
  const b = plan.binding
  if (b !== null && b.hit) {
    if (b.viaFailOpen) return { kind: 'hit-fail-open', cookie: b.cookieName, targetId: b.reg.id }
    return stickyHit(rt, x, plan, b.cookieName, b.reg.id).facts.route
  }
  const reg = x.reg
  return {
    kind: 'pick',
    why: plan.why!,
    targetGroup: tg.name,
    targetId: reg === null ? null : reg.id,
    az: reg === null ? plan.az : null,
    algorithm: x.algorithm,
    inFlight: plan.inFlight,
    slowStart: plan.slowStart,
    failOpen: plan.groupFailOpen,
  }
}

function stickyHit(rt: Runtime, x: Exchange, plan: AlbPlan, cookie: string, id: TargetId) {
  const tg = x.tg!
  const mode = plan.mode
  return hitFacts(
    rt,
    x.slot,
    cookie,
    id,
    durationSeconds(tg, mode),
    mode === 'app' ? tg.parsed.appCookieName : '',
  )
}

function describeAlb(world: World, rt: Runtime, x: Exchange, plan: AlbPlan): void {
  const b = plan.binding
  const groupDecision = x.groupDecision
  const tail = plan.tail
  const silent = x.silent
  const cdn = cdnFacts(world.cdn, x.cdn)
  if (
    cdn === undefined &&
    b !== null &&
    b.hit &&
    !b.viaFailOpen &&
    groupDecision === 'single' &&
    tail === NO_TAIL &&
    !silent
  ) {
    // A plain sticky hit: its facts and words are cached per target.
    const hit = stickyHit(rt, x, plan, b.cookieName, b.reg.id)
    x.facts = hit.facts
    x.explanation = hit.explanation
    return
  }
  const route = routeFacts(rt, x, plan)
  const group =
    groupDecision === 'single'
      ? undefined
      : groupFacts(world, groupDecision, x.tg === null ? null : x.tg.name, plan.groupCookie)
  const facts: AlbFacts =
    group === undefined
      ? silent
        ? { family: 'alb', route, silence: silenceReason(x.instance!), tail }
        : { family: 'alb', route, tail }
      : silent
        ? { family: 'alb', group, route, silence: silenceReason(x.instance!), tail }
        : { family: 'alb', group, route, tail }
  if (cdn !== undefined) facts.cdn = cdn
  x.facts = facts
  x.explanation = rt.explain.request(facts)
}

/** The ALB's facts, with the node → pod hop when the app runs on Kubernetes. */
function describe(world: World, rt: Runtime, x: Exchange, plan: AlbPlan): void {
  describeAlb(world, rt, x, plan)
  if (x.outer !== null) {
    x.facts = { ...(x.facts as AlbFacts), outer: outerFacts(x.outer) }
    x.explanation = rt.explain.request(x.facts)
  }
  if (x.pod === null) return
  x.facts = { ...(x.facts as AlbFacts), kube: hopFacts(x.pod, x.session) }
  x.explanation = rt.explain.request(x.facts)
}

export const albStrategy: RouteStrategy<AlbPlan> = {
  type: 'application',
  carriesHttp: () => true,
  tracksInFlight: true,
  elbMetrics: true,
  namesGroup: true,
  silentDecision: 'target-unreachable-502',
  silentStatus: 502,
  route,
  onSilent: () => {},
  respond,
  describe,
}
