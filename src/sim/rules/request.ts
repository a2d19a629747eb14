// One HTTP request end to end: the browser picks the cookies it sends, the load balancer picks a
// target group (weights / AWSALBTG) and a target (stickiness, algorithm, health, fail-open), the
// target's application answers, the load balancer adds its cookies, the browser stores what it
// accepts, and metrics/history record the outcome. This is the hot path; keep it allocation-lean.

import type { BrowserContext, CookieRejection, SetCookieDirective } from '../cookieJar'
import { cookiesToSend, storeCookie } from '../cookieJar'
import type { RequestOptions, SessionView } from '../model/api'
import type { ClientSlot, CookieMemo, HitText, Runtime } from '../runtime'
import type { Decision, TargetGroupDecision } from '../model/decisions'
import type {
  ClientState,
  InstanceState,
  RegistrationState,
  RequestRecordState,
  StoredCookie,
  TargetGroupState,
  World,
} from '../model/world'
import { ringPush } from '../ring'
import { nextRandom } from '../rng'
import {
  AWSALB_EQ,
  AWSALBCORS_EQ,
  expiresFor,
  pushAppCookieDirectives,
  pushGroupCookieDirectives,
  pushLbCookieDirectives,
} from './albCookies'
import { serveApplication } from './application'
import { getClientSlot } from './clients'
import type { CookieKindCode } from './cookieCodec'
import { CookieKind, encodeCookieValue, NO_TARGET } from './cookieCodec'
import { algorithmPhrase, explainGroup, noCookieCause, sentence } from './explain'
import { addInFlight, availability, pickTarget, zoneFilter } from './routing'
import type { TargetBinding } from './stickiness'
import { AWSALB, AWSALBCORS, readAppBinding, readGroupBinding, readLbBinding } from './stickiness'
import { dictGet } from '../dict'
import { answers, silenceReason } from './instances'

/** History keeps the last this-many requests: the stage draws every request in flight from it, up to 1,000. */
export const HISTORY_LIMIT = 1_000

/** How target stickiness applies in the chosen group. */
type StickyMode = 'off' | 'lb' | 'app' | 'app-ignored'

interface GroupChoice {
  tg: TargetGroupState | null
  decision: TargetGroupDecision
  cookieName: string | null
}

/** Chooses the target group: AWSALBTG when target-group stickiness is on, else by weight. */
function chooseTargetGroup(world: World, sent: StoredCookie[], memo: CookieMemo): GroupChoice {
  const fwd = world.listener.forward
  const groups = fwd.targetGroups
  let decision: TargetGroupDecision = groups.length === 1 ? 'single' : 'weighted'
  let cookieName: string | null = null
  if (fwd.stickiness.enabled) {
    const b = readGroupBinding(world, sent, memo)
    if (b.hit)
      return {
        tg: dictGet(world.targetGroups, b.targetGroup) ?? null,
        decision: 'group-sticky-hit',
        cookieName: b.cookieName,
      }
    decision = b.miss
    cookieName = b.cookieName
  }
  if (groups.length === 1)
    return { tg: dictGet(world.targetGroups, groups[0]!.name) ?? null, decision, cookieName }
  let total = 0
  for (const g of groups) total += g.weight
  if (total === 0) return { tg: null, decision: 'none', cookieName }
  const [f, next] = nextRandom(world.rng)
  world.rng = next
  let x = f * total
  let last: string | null = null
  for (const g of groups) {
    if (g.weight === 0) continue
    last = g.name
    if (x < g.weight) return { tg: dictGet(world.targetGroups, g.name) ?? null, decision, cookieName }
    x -= g.weight
  }
  // Floating-point edge (x == total): the last group with weight.
  return { tg: last === null ? null : (dictGet(world.targetGroups, last) ?? null), decision, cookieName }
}

function stickyModeOf(world: World, tg: TargetGroupState): StickyMode {
  const p = tg.parsed
  if (!p.stickinessEnabled) return 'off'
  if (p.stickinessType === 'app_cookie')
    return world.listener.forward.targetGroups.length > 1 ? 'app-ignored' : 'app'
  return 'lb'
}

function durationText(tg: TargetGroupState, mode: StickyMode): string {
  return mode === 'app' ? tg.parsed.appCookieDurationText : tg.parsed.lbCookieDurationText
}

/** First clause of a sticky-miss explanation, naming what the cookie said. */
function missClause(
  world: World,
  tg: TargetGroupState,
  b: TargetBinding & { hit: false },
  cookieLabel: string,
  client: ClientState,
  ctx: BrowserContext,
): string {
  const named =
    b.payload !== null
      ? (world.instanceBySerial[b.payload.targetSerial] ?? 'an unknown target')
      : ''
  const name = b.cookieName ?? cookieLabel
  switch (b.miss) {
    case 'sticky-miss-no-cookie':
      return `stickiness is on but ${noCookieCause(client.cookiesEnabled, ctx, cookieLabel, client.jar.some((c) => c.name === cookieLabel))}`
    case 'sticky-miss-invalid':
      return `the ${name} cookie could not be decoded (edited, truncated, URL-encoded or not issued by this load balancer)`
    case 'sticky-miss-foreign-target':
      return b.payload !== null && b.payload.targetGroupSerial !== tg.serial
        ? `${name} holds a binding for target group ${world.targetGroupBySerial[b.payload.targetGroupSerial] ?? 'unknown'}, not ${tg.name}`
        : `${name} names ${named}, which is not registered in target group ${tg.name}`
    case 'sticky-miss-expired': {
      const idle = (world.nowMs - b.payload!.issuedAtMs) / 1000
      const mode: StickyMode = tg.parsed.stickinessType === 'app_cookie' ? 'app' : 'lb'
      return `${name} was last refreshed ${idle} s ago, longer than the ${durationText(tg, mode)} stickiness duration`
    }
    case 'sticky-miss-deregistered':
      return `${name} names ${named}, which has been deregistered from ${tg.name} (${b.reg?.state ?? 'unused'})`
    case 'sticky-miss-unhealthy':
      return b.reg?.reason === 'Target.InvalidState'
        ? `${name} names ${named}, which is unused because its instance is stopped (Target.InvalidState)`
        : `${name} names ${named}, which is ${b.reg?.state ?? 'not healthy'}`
    case 'sticky-miss-no-app-cookie':
      return `${name} names ${named} but the request carries no ${tg.parsed.appCookieName} cookie, and both are required`
    default:
      return `the stickiness cookie could not be used`
  }
}

/** Seals a new stickiness value and remembers it (with its payload) for the client's next request. */
function issue(
  world: World,
  memo: CookieMemo,
  slot: 'target' | 'group',
  kind: CookieKindCode,
  groupSerial: number,
  targetSerial: number,
  issuedAtMs: number,
  durationSeconds: number,
): string {
  const p =
    slot === 'target'
      ? memo.targetPayload
      : (memo.groupPayload ??= {
          kind,
          targetGroupSerial: 0,
          targetSerial: 0,
          issuedAtMs: 0,
          durationSeconds: 0,
        })
  p.kind = kind
  p.targetGroupSerial = groupSerial
  p.targetSerial = targetSerial
  p.issuedAtMs = issuedAtMs
  p.durationSeconds = durationSeconds
  const value = encodeCookieValue(world.secret, ++world.counters.cookie, p)
  if (slot === 'target') memo.targetValue = value
  else memo.groupValue = value
  return value
}

/**
 * The Cookie header (same result as cookieHeader). The load balancer's own cookies change value on
 * every response, so their pieces are built fresh from constant "name=" prefixes; the application's
 * session cookie usually keeps its value, so its last "name=value" piece is reused.
 */
function headerFor(slot: ClientSlot, sent: StoredCookie[]): string {
  let s = ''
  for (let i = 0; i < sent.length; i++) {
    const c = sent[i]!
    const name = c.name
    const piece =
      name === AWSALB
        ? AWSALB_EQ + c.value
        : name === AWSALBCORS
          ? AWSALBCORS_EQ + c.value
          : name === slot.sessionLineName && c.value === slot.sessionLineId
            ? slot.sessionPair
            : name + '=' + c.value
    s = i === 0 ? piece : s + '; ' + piece
  }
  return s
}

/** The sticky-hit clause for a target, cached per target until the cookie name or duration changes. */
function hitText(
  rt: Runtime,
  slot: ClientSlot,
  cookieName: string,
  id: string,
  durationText: string,
  appCookieName: string,
): HitText {
  // The client's last sentence first (no lookup), then the per-target cache.
  let cached = slot.hit
  if (cached === null || cached.targetId !== id) cached = rt.hitTexts.get(id) ?? null
  if (
    cached !== null &&
    cached.cookieName === cookieName &&
    cached.durationText === durationText &&
    cached.appCookieName === appCookieName
  ) {
    slot.hit = cached
    return cached
  }
  const how =
    appCookieName !== ''
      ? `${cookieName} names ${id} and the request also carries ${appCookieName}; ${id} is healthy and the ${durationText} idle window has not lapsed, so the request stays on ${id}`
      : `${cookieName} names ${id}, which is healthy, and the ${durationText} idle window has not lapsed, so the request stays on ${id}`
  const entry: HitText = {
    targetId: id,
    cookieName,
    durationText,
    appCookieName,
    how,
    sentence: how + '.',
  }
  slot.hit = entry
  rt.hitTexts.set(id, entry)
  return entry
}

function isLowerStart(s: string): boolean {
  const c = s.charCodeAt(0)
  return c >= 97 && c <= 122
}

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
  let groupPart = ''
  if (fwd.targetGroups.length === 1 && !fwd.stickiness.enabled) {
    tg = dictGet(world.targetGroups, fwd.targetGroups[0]!.name) ?? null
  } else {
    const group = chooseTargetGroup(world, sent, memo)
    tg = group.tg
    groupDecision = group.decision
    if (groupDecision !== 'single')
      groupPart = explainGroup(groupDecision, tg?.name ?? null, world.listener, group.cookieName)
  }

  let decision: Decision = 'no-targets-503'
  let explanation = ''
  let status = 503
  let reg: RegistrationState | null = null
  let sticky = false
  let failOpen = false
  let algorithm: string | null = null
  let session: SessionView | null = null
  // Set-Cookie directives of this response, in the order the load balancer writes them.
  const directives: SetCookieDirective[] = []
  let instance: InstanceState | null = null

  if (tg === null) {
    explanation = sentence(
      groupPart,
      'there is no target group to send to, so the load balancer returned 503 Service Unavailable.',
      true,
    )
  } else {
    // 2. Target: stickiness first; the algorithm only makes a first or a replacement pick.
    const mode = stickyModeOf(world, tg)
    let binding: TargetBinding | null = null
    if (mode === 'lb') binding = readLbBinding(world, tg, sent, memo)
    else if (mode === 'app') binding = readAppBinding(world, tg, sent, memo)
    let how = ''
    let howLower = false
    /** The finished sentence for a plain sticky hit (cached), used when nothing else is added. */
    let hitSentence = ''
    if (binding !== null && binding.hit) {
      reg = binding.reg
      sticky = true
      failOpen = binding.viaFailOpen
      decision = 'sticky-hit'
      const id = reg.id
      if (binding.viaFailOpen) {
        how =
          binding.cookieName +
          ' names ' +
          id +
          '; no target is healthy, so the load balancer fails open and honours the cookie, keeping the request on ' +
          id
      } else {
        const hit = hitText(
          rt,
          slot,
          binding.cookieName,
          id,
          mode === 'app' ? tg.parsed.appCookieDurationText : tg.parsed.lbCookieDurationText,
          mode === 'app' ? tg.parsed.appCookieName : '',
        )
        how = hit.how
        hitSentence = hit.sentence
      }
    } else {
      const az = zoneFilter(tg, client)
      const avail = availability(world, tg, az)
      failOpen = avail.failOpen
      const pick = pickTarget(world, tg, avail.failOpen, az)
      let prefix: string
      if (binding !== null && !binding.hit) {
        decision = binding.miss
        prefix = missClause(world, tg, binding, mode === 'app' ? 'AWSALBAPP' : AWSALB, client, ctx)
      } else if (mode === 'app-ignored') {
        decision = 'app-cookie-ignored-weighted'
        prefix =
          'application-based stickiness does not work when the forward action spreads traffic over several target groups'
      } else {
        const a = tg.parsed.algorithm
        decision = avail.failOpen
          ? 'fail-open'
          : a === 'least_outstanding_requests'
            ? 'least-outstanding-requests'
            : a === 'weighted_random'
              ? 'weighted-random'
              : 'round-robin'
        prefix = 'stickiness is off'
      }
      howLower = isLowerStart(prefix)
      if (pick === null) {
        decision = 'no-targets-503'
        const where =
          az === null
            ? `target group ${tg.name}`
            : `${az} (cross-zone load balancing is off for ${tg.name})`
        explanation = sentence(
          groupPart,
          `${prefix}, and ${where} has no registered target that can take traffic, so the load balancer returned 503 Service Unavailable.`,
          howLower,
        )
      } else {
        reg = pick.reg
        algorithm = pick.algorithm
        let algo = algorithmPhrase(pick.algorithm)
        if (pick.algorithm === 'least_outstanding_requests')
          algo += ` (${world.instances[reg.id]!.inFlightCount} in flight)`
        if (pick.slowStart) algo += ' weighted by slow start'
        how = avail.failOpen
          ? `${prefix}; no target in ${tg.name} is healthy enough, so the load balancer fails open and ${algo} picked ${reg.id} among all registered targets`
          : `${prefix}, so ${algo} picked ${reg.id}`
      }
    }

    if (reg !== null) {
      instance = world.instances[reg.id]!
      if (!answers(instance)) {
        // The ALB cannot connect: a 502 from the load balancer itself, with no stickiness cookies.
        decision = 'target-unreachable-502'
        status = 502
        explanation = sentence(
          groupPart,
          `${how}, but ${reg.id} does not answer (${silenceReason(instance)}), so the load balancer returned 502 Bad Gateway.`,
          howLower,
        )
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
        let tail = ''
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
            tail =
              binding !== null && binding.cookieName !== null
                ? ', and the response rewrites AWSALB to name it'
                : ', and the response sets AWSALB naming it'
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
          pushAppCookieDirectives(directives, value, exp, protocol, client.userAgent === 'chromium')
          if (!sticky) {
            const appCookie = world.app.sessionCookie
            tail = setsAppCookie
              ? `, and because ${reg.id} set ${appName} the response sets AWSALBAPP-0 naming it`
              : appCookie === null
                ? `; the application sets no cookie, so AWSALBAPP-0..3 are written as _remove_ and stickiness never starts`
                : `; the application sets ${appCookie.name} but the target group waits for ${appName}, so AWSALBAPP-0..3 are written as _remove_ and stickiness never starts`
          }
        }
        if (appDirective !== null) directives.push(appDirective)
        explanation =
          hitSentence !== '' && groupPart === '' && tail === ''
            ? hitSentence
            : sentence(groupPart, how + tail + '.', howLower)
      }
    }
    // NonStickyRequestCount: stickiness enabled, a target was chosen, but not by a binding.
    if ((mode === 'lb' || mode === 'app') && !sticky && reg !== null)
      world.metrics.NonStickyRequestCount++
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
