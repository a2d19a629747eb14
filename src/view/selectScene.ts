// Reads the lab (through the machine's context) into the plain scene the topology layout needs.
import type { LabQueries, LoadBalancerType } from '../sim'
import type { Scene } from './topology/layout'
import { LOAD_BALANCER_INFO, natLabel } from './loadBalancerType'
import { revealedMetrics, revealedSessions, revealStamp } from './revealedLab'
import type { MotionTrip } from './topology/motion'
import { tripOf } from './reveal'
import { isCartLoss } from './clientControls'
import { cdnScene } from './cdnScene'
import { outerScene } from './outerScene'
import { jarChipNames } from './jarChips'
import { selectKube, selectSessionUnknown } from './kubeScene'

export interface SceneOptions {
  selectedClient: string | null
  selectedRequest: number | null
}

/** Describes a target group's stickiness in the words the console uses. */
export function stickinessLabel(attributes: Record<string, string>, type: LoadBalancerType = 'application'): string {
  const kind = attributes['stickiness.type']
  if (type === 'gateway') {
    if (attributes['stickiness.enabled'] !== 'true') return '5-tuple flows'
    return kind === 'source_ip_dest_ip' ? '2-tuple flows (source_ip_dest_ip)' : '3-tuple flows (source_ip_dest_ip_proto)'
  }
  if (attributes['stickiness.enabled'] !== 'true') return type === 'network' ? 'stickiness off · flows hashed' : 'stickiness off'
  if (kind === 'source_ip') return 'source_ip stickiness'
  if (kind === 'app_cookie') return `app_cookie ${attributes['stickiness.app_cookie.cookie_name'] ?? ''} · ${attributes['stickiness.app_cookie.duration_seconds']} s`
  return `lb_cookie · ${attributes['stickiness.lb_cookie.duration_seconds']} s`
}

/**
 * Most browsers the stage draws. A lab may hold thousands (a load test's worth, a big import): drawing each as a card
 * with its controls took ≈ 5 ms a browser (10 s for 2,000) and pushed the picture off the stage. The rest are
 * counted in a strip under the cards; the Clients panel lists them all.
 */
export const STAGE_BROWSERS = 6

/** The first STAGE_BROWSERS browsers in the lab's order, the selected one always among them (in the last place). */
export function browsersOnStage<C extends { id: string }>(clients: readonly C[], selected: string | null): { c: C; i: number }[] {
  const all = clients.map((c, i) => ({ c, i }))
  if (all.length <= STAGE_BROWSERS) return all
  const first = all.slice(0, STAGE_BROWSERS)
  if (selected === null || first.some((x) => x.c.id === selected)) return first
  const chosen = all.find((x) => x.c.id === selected)
  return chosen === undefined ? first : [...first.slice(0, STAGE_BROWSERS - 1), chosen]
}

export function selectScene(lab: LabQueries, options: SceneOptions): Scene {
  const now = lab.now()
  const listener = lab.listener()
  const weights = new Map(listener.forward.targetGroups.map((t) => [t.name, t.weight]))
  const routed = new Set(weights.keys())
  // Counters, carts and recent outcomes as revealed so far: a request still on its way has not happened yet.
  const stamp = revealStamp(lab)
  const history = stamp.history
  const sessions = revealedSessions(lab.sessions(), history, stamp.unarrived)
  const metrics = revealedMetrics(lab.metrics(), stamp.unarrived)
  const sockets = lab.webSockets()
  const clients = lab.clients()
  const info = LOAD_BALANCER_INFO[lab.loadBalancerType()]
  const shared = new Map<string, number>()
  for (const c of clients) shared.set(c.sourceIp, (shared.get(c.sourceIp) ?? 0) + 1)
  /** Under an NLB or a GWLB the address is what counts: show it, and which clients share it (one NAT). */
  const clientNote = (c: (typeof clients)[number]): string | null => {
    const parts: string[] = []
    if (info.usesFlows) parts.push(natLabel(c.sourceIp, shared.get(c.sourceIp) ?? 1) === null ? c.sourceIp : `NAT ${c.sourceIp}`)
    if (!c.cookiesEnabled && info.usesCookies && c.kind === 'browser') parts.push('no cookies')
    return parts.length === 0 ? null : parts.join(' · ')
  }

  const onStage = browsersOnStage(clients, options.selectedClient)
  const classic = info.short === 'CLB'
  const trips = cachedTrips(lab, `${stamp.key}|${options.selectedRequest}|${classic}|${clients.length}|${onStage.map(({ c }) => c.id).join(',')}`, () => motionTrips(stamp.history.concat(stamp.unarrived), clients, classic, options.selectedRequest))
  const chips = jarChipNames(lab, stamp, onStage.map(({ c }) => c.id))
  const lostIds = new Set(trips.filter((t) => t.lostCart).map((t) => t.id))
  const targetGroups = classic
    ? [classicGroup(lab, (id) => ({
        served: metrics[`RequestCountPerTarget:${id}`] ?? 0,
        carts: sessions.filter((s) => s.where === id).length,
        websockets: sockets.filter((w) => w.targetId === id).length,
      }))]
    : lab
    .targetGroups()
    .filter((g) => routed.has(g.name))
    .map((g) => ({
      name: g.name,
      weight: listener.forward.targetGroups.length > 1 ? (weights.get(g.name) ?? 0) : null,
      stickiness: stickinessLabel(g.attributes, lab.loadBalancerType()),
      targets: g.targets.map((t) => ({
        id: t.id,
        az: t.az,
        state: t.health.state,
        ...(t.health.reason ? { reason: t.health.reason } : {}),
        running: t.running,
        ...(t.health.state === 'draining' ? drainEnd(lab, g.name, t.id, g.attributes) : {}),
        served: metrics[`RequestCountPerTarget:${t.id}`] ?? 0,
        carts: sessions.filter((s) => s.where === t.id).length,
        websockets: sockets.filter((w) => w.targetId === t.id).length,
      })),
    }))

  const fwd = listener.forward
  const rule =
    fwd.targetGroups.length > 1
      ? `weighted forward${fwd.stickiness.enabled ? ` · TG stickiness ${fwd.stickiness.durationSeconds} s` : ''}`
      : `forward to ${fwd.targetGroups[0]?.name ?? '—'}`

  const firstGroup = lab.targetGroups().find((g) => routed.has(g.name))
  const algorithm = classic ? undefined : firstGroup?.attributes['load_balancing.algorithm.type']
  return {
    now,
    listener: `${listener.protocol} :${listener.port}`,
    rule: info.short === 'CLB' ? clbRule(listener) : rule,
    title: info.title,
    short: info.short,
    ...(algorithm ? { algorithm } : {}),
    groupLabel: classic ? 'Registered' : 'Target group',
    clients: onStage.map(({ c, i }) => ({
      id: c.id,
      colorIndex: i,
      selected: c.id === options.selectedClient,
      ...(clientNote(c) === null ? {} : { note: clientNote(c)! }),
      // Only a browser's card shows a jar; other kinds show one line saying they keep none.
      ...(c.kind === 'browser' ? { chips: chips.get(c.id) ?? [] } : { noJar: true as const }),
    })),
    ...(clients.length > onStage.length ? { moreClients: clients.length - onStage.length } : {}),
    targetGroups,
    // `at` is when the outcome showed on the stage (arrival): the card's highlight and event start then. A card
    // says "cart lost" only for a cart that had items (isCartLoss), once, on the instance that did not know it.
    recent: history.slice(-30).map((h) => ({ targetId: h.targetId, status: h.status, at: tripOf(h).arrivesAt, cartLost: lostIds.has(h.id) })),
    // ---- motion (src/view/topology/motion.ts): every recent request, arrived or not; motion reveals on arrival.
    motion: { trips },
    // ---- end motion
    cdn: cdnScene(lab, history, options.selectedClient),
    ...outerPart(lab, history, options.selectedClient),
    ...kubeParts(lab, history, sessions, lostIds),
  }
}

const tripsCache = new WeakMap<LabQueries, { key: string; trips: MotionTrip[] }>()

/** The trips change only when a request is sent, arrives or returns: per frame, reuse them. */
function cachedTrips(lab: LabQueries, key: string, make: () => MotionTrip[]): MotionTrip[] {
  const hit = tripsCache.get(lab)
  if (hit && hit.key === key) return hit.trips
  const trips = make()
  tripsCache.set(lab, { key, trips })
  return trips
}

/** Re-binding after a failure: the browser's sticky target could not take it, so another one was bound. */
const RESTICK = new Set(['sticky-miss-unhealthy', 'sticky-miss-deregistered'])

/** The requests the stage moves, with what motion.ts needs to know of each (lost carts, re-sticking). */
export function motionTrips(
  all: readonly ReturnType<LabQueries['history']>[number][],
  clients: readonly { id: string }[],
  classic: boolean,
  selected: number | null,
): MotionTrip[] {
  const color = new Map(clients.map((c, i) => [c.id, i]))
  // The cart each browser last had (items), to tell a lost cart with something in it from an empty one.
  const cart = new Map<string, number>()
  const out: MotionTrip[] = []
  for (const h of all) {
    const colorIndex = color.get(h.clientId)
    const had = cart.get(h.clientId) ?? 0
    if (h.session) cart.set(h.clientId, h.session.items)
    if (colorIndex === undefined) continue
    out.push({
      id: h.id,
      clientId: h.clientId,
      colorIndex,
      targetGroup: classic ? CLASSIC_GROUP_NAME : h.targetGroup,
      targetId: h.targetId,
      at: h.at,
      completesAt: h.completesAt,
      status: h.status,
      sticky: h.sticky,
      cookies: [...new Set(h.setCookie.map((line) => line.slice(0, line.indexOf('='))))],
      selected: h.id === selected,
      lostCart: isCartLoss(had, h),
      restuck: RESTICK.has(h.decision) && h.status < 500 && h.targetId !== null,
      // A preflight carries nothing home: the browser stores no cookie from an OPTIONS response.
      ...(h.method === 'OPTIONS' ? { preflight: true as const, cookies: [] } : null),
    })
  }
  return out
}

/**
 * When a draining target's deregistration delay ends: the moment it went draining (its health event) plus the
 * group's delay. Read only for draining targets, so the per-frame scene stays cheap.
 */
function drainEnd(lab: LabQueries, group: string, id: string, attributes: Record<string, string>): { drainEndsAt?: number } {
  const events = lab.healthEvents()
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!
    if (e.targetGroup === group && e.targetId === id && e.to === 'draining') {
      return { drainEndsAt: e.at + Number(attributes['deregistration_delay.timeout_seconds'] ?? 300) }
    }
  }
  return {}
}

/** The picture's one group under a Classic Load Balancer: the instances registered with it. */
export const CLASSIC_GROUP_NAME = 'instances'

/** How a CLB listener sticks, from its policy (DescribeLoadBalancerPolicies). */
export function classicStickinessLabel(lab: Pick<LabQueries, 'listener' | 'describeLoadBalancerPolicies'>): string {
  const name = lab.listener().policyNames?.[0]
  if (name === undefined) return 'no stickiness policy'
  const policy = lab.describeLoadBalancerPolicies().find((p) => p.PolicyName === name)
  const attr = (key: string) => policy?.PolicyAttributeDescriptions.find((a) => a.AttributeName === key)?.AttributeValue
  if (policy?.PolicyTypeName === 'AppCookieStickinessPolicyType') return `AWSELB follows ${attr('CookieName') ?? 'the app cookie'}`
  const period = attr('CookieExpirationPeriod')
  return period === undefined || period === '0' ? 'AWSELB · browser session' : `AWSELB · ${period} s, not refreshed`
}

function classicGroup(
  lab: LabQueries,
  load: (id: string) => { served: number; carts: number; websockets: number },
): Scene['targetGroups'][number] {
  const health = new Map(lab.describeInstanceHealth().map((h) => [h.InstanceId, h]))
  return {
    name: CLASSIC_GROUP_NAME,
    weight: null,
    stickiness: classicStickinessLabel(lab),
    targets: lab
      .instances()
      .filter((i) => health.has(i.id))
      .map((i) => {
        const draining = health.get(i.id)!.Description === CLASSIC_DRAINING
        return {
          id: i.id,
          az: i.az,
          state: draining ? 'draining' : health.get(i.id)!.State,
          running: i.running,
          ...(draining ? drainEnd(lab, CLASSIC_HEALTH_GROUP, i.id, classicDrainAttributes(lab)) : {}),
          ...load(i.id),
        }
      }),
  }
}

/** DescribeInstanceHealth's description of an instance in connection draining. */
const CLASSIC_DRAINING = 'Instance deregistration currently in progress.'
/** The group the core's health events name for the Classic Load Balancer's instances. */
const CLASSIC_HEALTH_GROUP = '(classic)'

/** Connection draining as the deregistration delay drainEnd reads: the timeout while on, else 0. */
function classicDrainAttributes(lab: LabQueries): Record<string, string> {
  const d = lab.describeClassicLoadBalancerAttributes()?.ConnectionDraining
  return { 'deregistration_delay.timeout_seconds': String(d === undefined || !d.Enabled ? 0 : d.Timeout) }
}

/** A Classic Load Balancer's listener line: its stickiness policy, if any. */
function clbRule(listener: { policyNames?: string[] }): string {
  const names = listener.policyNames ?? []
  return names.length === 0 ? 'no stickiness policy' : `policy ${names.join(', ')}`
}

/** The Kubernetes and Socket.IO parts of the picture (kubeScene.ts), present only when there is something to draw. */
function kubeParts(lab: LabQueries, history: Parameters<typeof selectKube>[1], sessions: { where: string }[], lost: ReadonlySet<number>): Pick<Scene, 'kube' | 'sessionUnknown'> {
  const kube = selectKube(lab, history, sessions, lost)
  const sessionUnknown = selectSessionUnknown(history)
  return { ...(kube === undefined ? {} : { kube }), ...(sessionUnknown.length === 0 ? {} : { sessionUnknown }) }
}

/** The outer ALB hop (outerScene.ts), present only when the lab has one, so scenes without it are unchanged. */
function outerPart(lab: LabQueries, history: Parameters<typeof outerScene>[1], selected: string | null): Pick<Scene, 'outer'> {
  const outer = outerScene(lab, history, selected)
  return outer === null ? {} : { outer }
}
