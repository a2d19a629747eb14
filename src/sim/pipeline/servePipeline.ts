// One request end to end, for every type of load balancer (ADR 0015). The stages run in this order:
//   normalize (normalizeRequest.ts) → cookies the browser sends → route (the type's RouteStrategy) → serve (the
//   target answers: application, session, in-flight, the load balancer's Set-Cookie) → describe (facts, only for
//   sinks that keep records) → store cookies (the jar) → count (per-target counts, CloudWatch metrics) → sink.
// Hops that other layers add slot in between stages: a CDN that filters the Cookie header after the browser's
// choice, a client without a jar before it, a node → pod hop after route. This is the hot path: allocation-lean.

import type { CookieRejection } from '../cookieJar'
import { cookiesToSend, storeCookie, withheldFromRequest } from '../cookieJar'
import type { RequestOptions } from '../model/api'
import type { LoadBalancerType, World } from '../model/world'
import { familiesFor, isFamilyType } from '../familySlot'
import type { ClientSlot, Runtime } from '../runtime'
import { serveApplication, writeSessionLine } from '../rules/application'
import { cdnForward } from '../rules/cdn'
import { expiresFor } from '../rules/albCookies'
import { outerRespond, outerRoute } from '../rules/outerLayer'
import { choosePod } from '../rules/kubernetes'
import { getClientSlot } from '../rules/clients'
import { answers } from '../rules/instances'
import { addInFlight } from '../rules/routing'
import { albStrategy } from './albStrategy'
import type { Exchange } from './exchange'
import { newExchange } from './exchange'
import { headerFor } from './headerFor'
import type { NormalizedRequest, RequestKind } from './normalizeRequest'
import { normalizeRequest } from './normalizeRequest'
import type { RequestSink } from './requestSink'
import type { RouteStrategy } from './routeStrategy'

/** The last type looked up and its strategy: a lab keeps its type for many requests, so most calls skip the lookup. */
let lastType: LoadBalancerType | undefined = 'application'
let lastStrategy: RouteStrategy<unknown> = albStrategy as RouteStrategy<unknown>

/**
 * The strategy for a world (worlds saved before load balancer types had none: an ALB). The other types' strategies
 * come with the Network, Gateway and Classic families (familySlot.ts); without them this throws.
 */
export function strategyFor(world: World): RouteStrategy<unknown> {
  const type = world.loadBalancerType as LoadBalancerType | undefined
  if (type === lastType) return lastStrategy
  lastStrategy = isFamilyType(type)
    ? familiesFor(type).strategies[type]
    : (albStrategy as RouteStrategy<unknown>)
  lastType = type
  return lastStrategy
}

/** Normalizes the options and serves a client's request (the lab's entry: lab.request, openWebSocket). */
export function runRequest<T>(
  world: World,
  rt: Runtime,
  clientId: string,
  options: RequestOptions | undefined,
  kind: RequestKind,
  sink: RequestSink<T>,
): T {
  const slot = getClientSlot(world, rt, clientId)
  return serveRequest(world, rt, slot, normalizeRequest(world, options, kind), sink)
}

/** Runs the stages for one normalized request from `slot`'s client. Mutates the world; the sink gets the result. */
export function serveRequest<T>(
  world: World,
  rt: Runtime,
  slot: ClientSlot,
  req: NormalizedRequest,
  sink: RequestSink<T>,
): T {
  const strategy = strategyFor(world)
  const x = newExchange(req, slot)
  const records = sink.keepsRecords
  if (strategy.carriesHttp(req)) {
    x.sent = cookiesToSend(slot.state, req)
    if (records) {
      x.header = headerFor(slot, x.sent)
      x.withheld = withheldFromRequest(slot.state, req, x.sent)
    }
    // CloudFront in front (rules/cdn.ts): the load balancer and the application see only what it forwards; the
    // record keeps the browser's own Cookie header.
    if (world.cdn !== undefined) {
      x.cdn = cdnForward(world.cdn, x.sent)
      if (x.cdn !== null) x.sent = x.cdn.forwarded
    }
    // An outer ALB layer in front (rules/outerLayer.ts) picks a proxy and passes the Cookie header on unchanged.
    if (world.outerLayer !== undefined) x.outer = outerRoute(world, world.outerLayer, x.sent)
  }
  const plan = strategy.route(world, rt, x)
  serve(world, rt, x, strategy, plan, records)
  // The response leaves through the outer layer last, so its Set-Cookie lines follow the inner ALB's.
  if (x.outer !== null)
    outerRespond(
      world,
      world.outerLayer!,
      x.outer,
      x.directives,
      expiresFor(rt.expires, world.nowMs),
      x.req.protocol,
    )
  // Facts read the jar as it was when the request left (a miss explains why a cookie was not sent).
  if (records) strategy.describe(world, rt, x, plan)
  storeCookies(world, x, records)
  count(world, x, strategy)
  return sink.take(world, x, strategy, ++world.counters.request)
}

/** The chosen target answers (or is silent): the application, in-flight time, the load balancer's cookies. */
function serve(
  world: World,
  rt: Runtime,
  x: Exchange,
  strategy: RouteStrategy<unknown>,
  plan: unknown,
  records: boolean,
): void {
  const reg = x.reg
  if (reg === null) return
  const instance = world.instances[reg.id]!
  x.instance = instance
  if (!answers(instance)) {
    // The load balancer cannot connect: no application, no stickiness cookies.
    x.silent = true
    x.decision = strategy.silentDecision
    x.status = strategy.silentStatus
    strategy.onSilent(world, x, plan)
    return
  }
  const req = x.req
  const upgrade = req.kind === 'websocket-upgrade'
  x.answered = true
  x.status = upgrade ? 101 : 200
  let app = null
  if (strategy.carriesHttp(req)) {
    // Kubernetes: kube-proxy may hand the request on to a pod on another node (rules/kubernetes.ts).
    x.pod = choosePod(world, instance)
    const server = x.pod === null ? instance : x.pod.pod
    x.session = serveApplication(world, rt, x.slot, server, x.sent, req.path)
    if (x.session !== null) {
      app = rt.applicationDirective
      // The Set-Cookie line is read only by records (a counting sink stores the cookie without it).
      if (records) writeSessionLine(world, rt, x.slot)
    }
  }
  const now = world.nowMs
  if (strategy.tracksInFlight) addInFlight(instance, now + req.durationMs)
  strategy.respond(world, rt, x, plan, app)
  if (upgrade) {
    x.slot.state.webSocket = {
      id: ++world.counters.webSocket,
      targetId: reg.id,
      targetGroup: x.tg!.name,
      openedAtMs: now,
      messages: 0,
    }
  }
}

/** The browser stores what it accepts (and, for records, the lines as sent and what it refused). */
function storeCookies(world: World, x: Exchange, records: boolean): void {
  const directives = x.directives
  const client = x.slot.state
  const n = directives.length
  if (!records) {
    for (let i = 0; i < n; i++) storeCookie(world, client, directives[i]!, x.req)
    return
  }
  let blocked: { name: string; reason: CookieRejection }[] | undefined
  const lines: string[] = new Array<string>(n)
  for (let i = 0; i < n; i++) {
    const d = directives[i]!
    lines[i] = d.line
    const rejection = storeCookie(world, client, d, x.req)
    if (rejection !== null) (blocked ??= []).push({ name: d.name, reason: rejection })
  }
  x.setCookie = lines
  x.blocked = blocked
}

/** Per-target counts, and the CloudWatch metrics of the types that publish them. */
function count(world: World, x: Exchange, strategy: RouteStrategy<unknown>): void {
  if (x.answered) {
    x.instance!.requestCount++
    x.tg!.requestCount++
  }
  if (!strategy.elbMetrics) return
  const m = world.metrics
  if (x.reg === null) {
    // CloudWatch RequestCount only counts requests for which a target was chosen.
    m.HTTPCode_ELB_5XX_Count++
    m.HTTPCode_ELB_503_Count++
    return
  }
  m.RequestCount++
  if (x.silent) {
    m.HTTPCode_ELB_5XX_Count++
    m.HTTPCode_ELB_502_Count++
    m.TargetConnectionErrorCount++
  } else if (x.status === 200) m.HTTPCode_Target_2XX_Count++
}
