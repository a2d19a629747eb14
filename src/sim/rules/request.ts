// One HTTP request end to end: the browser picks the cookies it sends, the load balancer picks a
// target group (weights / AWSALBTG) and a target (stickiness, algorithm, health, fail-open), the
// target's application answers, the load balancer adds its cookies, the browser stores what it
// accepts, and metrics/history record the outcome. This is the hot path; keep it allocation-lean.

import type { BrowserContext, CookieRejection, SetCookieDirective } from '../cookieJar'
import { cookiesToSend, storeCookie } from '../cookieJar'
import type { RequestOptions, SessionView } from '../model/api'
import type { ClientSlot, HitFacts, Runtime } from '../runtime'
import type { Decision, TargetGroupDecision } from '../model/decisions'
import type { AlbFacts, AlbRoute, AlbTail, AlbWhy, GroupFacts } from '../model/facts'
import type {
  InstanceState,
  RegistrationState,
  RequestRecordState,
  TargetGroupState,
  World,
} from '../model/world'
import { ringPush } from '../ring'
import {
  expiresFor,
  pushAppCookieDirectives,
  pushGroupCookieDirectives,
  pushLbCookieDirectives,
} from './albCookies'
import { serveApplication } from './application'
import { getClientSlot } from './clients'
import { CookieKind, NO_TARGET } from './cookieCodec'
import { addInFlight, availability, pickTarget, zoneFilter } from './routing'
import type { TargetBinding } from './stickiness'
import { AWSALB, readAppBinding, readLbBinding } from './stickiness'
import { withAppCookieCopy } from './appCookieSize'
import { dictGet } from '../dict'
import { answers, silenceReason } from './instances'
import {
  chooseTargetGroup,
  stickyModeOf,
  durationSeconds,
  groupFacts,
  missFacts,
  issue,
  headerFor,
  hitFacts,
  NO_TAIL,
  LB_SETS,
  LB_REWRITES,
  APP_NO_COOKIE,
  NO_GROUP,
  STICKINESS_OFF,
  APP_IGNORED,
} from './albRequestParts'

/** History keeps the last this-many requests: the stage draws every request in flight from it, up to 1,000. */
export const HISTORY_LIMIT = 1_000

/**
 * Serves one request (or a WebSocket upgrade). Mutates the world: client jar, sessions, in-flight,
 * RNG, counters, metrics and history. Returns the history record (also the API result).
 */
export function handleRequest(
  world: World,
  rt: Runtime,
  clientId: string,
  options: RequestOptions | undefined,
  upgrade: boolean,
  /**
   * Set by the load test (loadTest.ts), which only counts outcomes: the client's slot it already holds, and
   * the record is neither kept in history nor given its Cookie header. Routing and the world are unchanged.
   */
  countOnly?: ClientSlot,
): RequestRecordState {
  const now = world.nowMs
  const slot = countOnly ?? getClientSlot(world, rt, clientId)
  const client = slot.state
  const memo = slot.memo
  const path = options?.path ?? '/'
  const crossSite = options?.crossSite === true
  const credentials = options?.credentials ?? 'same-origin'
  const durationMs = Math.round((options?.durationSeconds ?? world.app.latencySeconds) * 1000)
  const protocol = world.listener.protocol
  const ctx: BrowserContext = { protocol, path, crossSite, credentials }
  const sent = cookiesToSend(client, ctx)
  const header = countOnly === undefined ? headerFor(slot, sent) : ''

  // 1. Target group (fast path: one group and no target-group stickiness).
  const fwd = world.listener.forward
  let tg: TargetGroupState | null
  let groupDecision: TargetGroupDecision = 'single'
  let groupFact: GroupFacts | undefined
  if (fwd.targetGroups.length === 1 && !fwd.stickiness.enabled) {
    tg = dictGet(world.targetGroups, fwd.targetGroups[0]!.name) ?? null
  } else {
    const choice = chooseTargetGroup(world, sent, memo)
    tg = choice.tg
    groupDecision = choice.decision
    if (groupDecision !== 'single')
      groupFact = groupFacts(world, groupDecision, tg?.name ?? null, choice.cookieName)
  }

  let decision: Decision = 'no-targets-503'
  let route: AlbRoute = NO_GROUP
  let tail: AlbTail = NO_TAIL
  let silent = false
  /** A plain sticky hit's cached facts, used when nothing else is added. */
  let hit: HitFacts | null = null
  let status = 503
  let reg: RegistrationState | null = null
  let sticky = false
  let failOpen = false
  let algorithm: string | null = null
  let session: SessionView | null = null
  // Set-Cookie directives of this response, in the order the load balancer writes them.
  const directives: SetCookieDirective[] = []
  let instance: InstanceState | null = null

  if (tg !== null) {
    // 2. Target: stickiness first; the algorithm only makes a first or a replacement pick.
    const mode = stickyModeOf(world, tg)
    let binding: TargetBinding | null = null
    if (mode === 'lb') binding = readLbBinding(world, tg, sent, memo)
    else if (mode === 'app') binding = readAppBinding(world, tg, sent, memo)
    if (binding !== null && binding.hit) {
      reg = binding.reg
      sticky = true
      failOpen = binding.viaFailOpen
      decision = 'sticky-hit'
      const id = reg.id
      if (binding.viaFailOpen) {
        route = { kind: 'hit-fail-open', cookie: binding.cookieName, targetId: id }
      } else {
        hit = hitFacts(
          rt,
          slot,
          binding.cookieName,
          id,
          durationSeconds(tg, mode),
          mode === 'app' ? tg.parsed.appCookieName : '',
        )
        route = (hit.facts as AlbFacts).route
      }
    } else {
      const az = zoneFilter(tg, client)
      const avail = availability(world, tg, az)
      failOpen = avail.failOpen
      const pick = pickTarget(world, tg, avail.failOpen, az)
      let why: AlbWhy
      if (binding !== null && !binding.hit) {
        decision = binding.miss
        why = missFacts(world, tg, binding, mode === 'app' ? 'AWSALBAPP' : AWSALB, client, ctx)
      } else if (mode === 'app-ignored') {
        decision = 'app-cookie-ignored-weighted'
        why = APP_IGNORED
      } else {
        const a = tg.parsed.algorithm
        decision = avail.failOpen
          ? 'fail-open'
          : a === 'least_outstanding_requests'
            ? 'least-outstanding-requests'
            : a === 'weighted_random'
              ? 'weighted-random'
              : 'round-robin'
        why = STICKINESS_OFF
      }
      if (pick === null) {
        decision = 'no-targets-503'
        route = {
          kind: 'pick',
          why,
          targetGroup: tg.name,
          targetId: null,
          az,
          algorithm: null,
          inFlight: null,
          slowStart: false,
          failOpen: avail.failOpen,
        }
      } else {
        reg = pick.reg
        algorithm = pick.algorithm
        route = {
          kind: 'pick',
          why,
          targetGroup: tg.name,
          targetId: reg.id,
          az: null,
          algorithm: pick.algorithm,
          inFlight:
            pick.algorithm === 'least_outstanding_requests'
              ? world.instances[reg.id]!.inFlightCount
              : null,
          slowStart: pick.slowStart,
          failOpen: avail.failOpen,
        }
      }
    }

    if (reg !== null) {
      instance = world.instances[reg.id]!
      if (!answers(instance)) {
        // The ALB cannot connect: a 502 from the load balancer itself, with no stickiness cookies.
        decision = 'target-unreachable-502'
        status = 502
        silent = true
      } else {
        // 3. The application answers; the load balancer adds its cookies.
        status = upgrade ? 101 : 200
        session = serveApplication(world, rt, slot, instance, sent, path)
        const appDirective = session === null ? null : rt.applicationDirective
        addInFlight(instance, now + durationMs)
        const exp = expiresFor(rt.expires, now)
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
            tail = binding !== null && binding.cookieName !== null ? LB_REWRITES : LB_SETS
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
          const appValue = withAppCookieCopy(value, world.app.sessionCookie?.valueBytes)
          pushAppCookieDirectives(directives, appValue, exp, protocol, client.userAgent === 'chromium')
          if (!sticky) {
            const appCookie = world.app.sessionCookie
            tail = setsAppCookie
              ? { kind: 'app-sets', targetId: reg.id, appCookie: appName }
              : appCookie === null
                ? APP_NO_COOKIE
                : { kind: 'app-other-cookie', appCookie: appName, setCookie: appCookie.name }
          }
        }
        if (appDirective !== null) directives.push(appDirective)
      }
    }
    // NonStickyRequestCount: stickiness enabled, a target was chosen, but not by a binding.
    if ((mode === 'lb' || mode === 'app') && !sticky && reg !== null)
      world.metrics.NonStickyRequestCount++
  }

  // The facts, and their text (the load test keeps neither, so it renders none).
  let facts: AlbFacts
  let explanation = ''
  if (hit !== null && groupFact === undefined && tail === NO_TAIL && !silent) {
    facts = hit.facts
    explanation = hit.explanation
  } else {
    facts =
      groupFact === undefined
        ? silent
          ? { family: 'alb', route, silence: silenceReason(instance!), tail }
          : { family: 'alb', route, tail }
        : silent
          ? { family: 'alb', group: groupFact, route, silence: silenceReason(instance!), tail }
          : { family: 'alb', group: groupFact, route, tail }
    if (countOnly === undefined) explanation = rt.explain.request(facts)
  }

  // 4. The browser stores what it accepts.
  let blocked: { name: string; reason: CookieRejection }[] | undefined
  const nd = directives.length
  const lines: string[] = new Array<string>(nd)
  for (let i = 0; i < nd; i++) {
    const d = directives[i]!
    lines[i] = d.line
    const rejection = storeCookie(world, client, d, ctx)
    if (rejection !== null) (blocked ??= []).push({ name: d.name, reason: rejection })
  }

  // 5. Metrics and history.
  const m = world.metrics
  if (status === 503) {
    // CloudWatch RequestCount only counts requests for which a target was chosen.
    m.HTTPCode_ELB_5XX_Count++
    m.HTTPCode_ELB_503_Count++
  } else {
    m.RequestCount++
    if (status === 502) {
      m.HTTPCode_ELB_5XX_Count++
      m.HTTPCode_ELB_502_Count++
      m.TargetConnectionErrorCount++
    } else {
      if (status === 200) m.HTTPCode_Target_2XX_Count++
      if (instance !== null) instance.requestCount++
      if (tg !== null) tg.requestCount++
    }
  }

  const answered = status === 200 || status === 101
  const id = ++world.counters.request
  const at = now / 1000
  const completesAt = (answered ? now + durationMs : now) / 1000
  const kind = upgrade ? 'websocket-upgrade' : 'http'
  const targetId = reg === null ? null : reg.id
  const targetGroup = tg === null ? null : tg.name
  // Two literals rather than adding `session` afterwards: one allocation, stable object shapes.
  const record: RequestRecordState =
    session !== null
      ? {
          id,
          clientId: client.id,
          at,
          completesAt,
          path,
          crossSite,
          kind,
          loadBalancerType: 'application',
          status,
          targetId,
          targetGroup,
          sticky,
          decision,
          targetGroupDecision: groupDecision,
          algorithm,
          failOpen,
          facts,
          explanation,
          requestCookieHeader: header,
          setCookie: lines,
          session,
        }
      : {
          id,
          clientId: client.id,
          at,
          completesAt,
          path,
          crossSite,
          kind,
          loadBalancerType: 'application',
          status,
          targetId,
          targetGroup,
          sticky,
          decision,
          targetGroupDecision: groupDecision,
          algorithm,
          failOpen,
          facts,
          explanation,
          requestCookieHeader: header,
          setCookie: lines,
        }
  if (blocked !== undefined) record.blockedCookies = blocked
  if (countOnly === undefined) ringPush(world.history, record)

  if (upgrade && answered && reg !== null && tg !== null) {
    client.webSocket = {
      id: ++world.counters.webSocket,
      targetId: reg.id,
      targetGroup: tg.name,
      openedAtMs: now,
      messages: 0,
    }
  }
  return record
}
