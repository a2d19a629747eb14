// Pure predicates that decide whether a lesson step's goal is reached, evaluated against the lab and the
// moment the step began (a prediction's right answer is observed by observe.ts).
// Nothing here changes the lab: only read-only Lab methods are called.
import { dictGet } from '../sim'
import type { Lab, RequestRecord } from '../sim'
import type { Goal, GoalId } from './schema'

/** Where the current step began: the id of the latest request then, and the virtual time. */
export interface GoalContext {
  stepStartRequestId: number
  stepStartTime: number
}

/** The read-only part of the Lab that goals and observations use. */
export type GoalLab = Pick<
  Lab,
  | 'history'
  | 'targetGroups'
  | 'cookies'
  | 'listener'
  | 'app'
  | 'clients'
  | 'instances'
  | 'now'
  | 'webSockets'
  | 'describeTargetHealth'
  | 'loadBalancerType'
>

/** The context for a step that begins now. */
export function markOf(lab: Pick<Lab, 'history' | 'now'>): GoalContext {
  const h = lab.history()
  return { stepStartRequestId: h.length === 0 ? 0 : h[h.length - 1]!.id, stepStartTime: lab.now() }
}

type RequestFilter = {
  client?: string
  clients?: string[]
  pathPrefix?: string
  requestKind?: 'http' | 'websocket-upgrade'
  crossSite?: boolean
  carriesCookie?: string
  lacksCookie?: string
  method?: 'GET' | 'OPTIONS'
}

/** Whether a Cookie header ("a=1; b=2") carries a cookie with this name. */
export function headerCarries(header: string, cookieName: string): boolean {
  if (header === '') return false
  return header.split('; ').some((pair) => pair.slice(0, pair.indexOf('=')) === cookieName)
}

/** Requests made since the step began that pass the filter, oldest first. */
export function requestsSince(
  lab: Pick<Lab, 'history'>,
  ctx: GoalContext,
  f: RequestFilter = {},
): RequestRecord[] {
  return lab
    .history()
    .filter(
      (r) =>
        r.id > ctx.stepStartRequestId &&
        (f.client === undefined || r.clientId === f.client) &&
        (f.clients === undefined || f.clients.includes(r.clientId)) &&
        (f.pathPrefix === undefined || r.path.startsWith(f.pathPrefix)) &&
        (f.requestKind === undefined || r.kind === f.requestKind) &&
        (f.crossSite === undefined || r.crossSite === f.crossSite) &&
        (f.carriesCookie === undefined || headerCarries(r.requestCookieHeader, f.carriesCookie)) &&
        (f.lacksCookie === undefined || !headerCarries(r.requestCookieHeader, f.lacksCookie)) &&
        (f.method === undefined || (r.method ?? 'GET') === f.method),
    )
}

function distinct<T>(values: T[]): number {
  return new Set(values).size
}

type ParamsOf<K extends GoalId> = Extract<Goal, { id: K }>['params']
type Predicate<K extends GoalId> = (lab: GoalLab, ctx: GoalContext, params: ParamsOf<K>) => boolean

/** The goals catalogue. Each predicate is general: lessons pick one by id and pass parameters. */
export const GOALS: { [K in GoalId]: Predicate<K> } = {
  requestsSince(lab, ctx, p) {
    const rs = requestsSince(lab, ctx, p)
    if (rs.length < (p.min ?? 1)) return false
    if (p.allSticky !== undefined && !rs.every((r) => r.sticky === p.allSticky)) return false
    if (p.sameTarget && distinct(rs.map((r) => r.targetId)) !== 1) return false
    if (
      p.distinctTargets !== undefined &&
      distinct(rs.flatMap((r) => (r.targetId === null ? [] : [r.targetId]))) < p.distinctTargets
    )
      return false
    if (p.sameTargetGroup && distinct(rs.map((r) => r.targetGroup)) !== 1) return false
    if (
      p.distinctTargetGroups !== undefined &&
      distinct(rs.flatMap((r) => (r.targetGroup === null ? [] : [r.targetGroup]))) <
        p.distinctTargetGroups
    ) {
      return false
    }
    if (p.distinctClients !== undefined && distinct(rs.map((r) => r.clientId)) < p.distinctClients)
      return false
    if (p.decision !== undefined && !rs.some((r) => r.decision === p.decision)) return false
    if (p.allDecision !== undefined && !rs.every((r) => r.decision === p.allDecision)) return false
    if (p.status !== undefined && !rs.some((r) => r.status === p.status)) return false
    if (p.target !== undefined && !rs.some((r) => r.targetId === p.target)) return false
    if (p.notTarget !== undefined && rs.some((r) => r.targetId === p.notTarget)) return false
    if (p.targetGroup !== undefined && !rs.some((r) => r.targetGroup === p.targetGroup))
      return false
    if (p.allTargetGroup !== undefined && !rs.every((r) => r.targetGroup === p.allTargetGroup))
      return false
    if (p.cartLost === true && !rs.some((r) => r.session?.lost === true)) return false
    if (p.cartLost === false && rs.some((r) => r.session?.lost === true)) return false
    if (p.minSpanSeconds !== undefined && rs[rs.length - 1]!.at - rs[0]!.at < p.minSpanSeconds)
      return false
    return true
  },

  attributeEquals(lab, _ctx, p) {
    const tg = lab.targetGroups().find((g) => g.name === p.targetGroup)
    return tg !== undefined && dictGet(tg.attributes, p.key) === p.value
  },

  cookiePresent(lab, _ctx, p) {
    const c = lab.cookies(p.client).find((x) => x.name === p.name)
    if (p.present === false) return c === undefined
    if (c === undefined) return false
    if (p.valueNot !== undefined && c.value === p.valueNot) return false
    if (
      p.minLifetimeSeconds !== undefined &&
      (c.expiresAt === null || c.expiresAt - lab.now() < p.minLifetimeSeconds)
    )
      return false
    return true
  },

  targetHealth(lab, _ctx, p) {
    const t = lab.describeTargetHealth(p.targetGroup)?.find((x) => x.targetId === p.target)
    return t !== undefined && t.state === p.state
  },

  targetCount(lab, _ctx, p) {
    const all = lab.describeTargetHealth(p.targetGroup) ?? []
    return all.filter((t) => t.state === p.state).length >= p.min
  },

  instanceRunning(lab, _ctx, p) {
    const i = lab.instances().find((x) => x.id === p.target)
    return (
      i !== undefined &&
      i.running === p.running &&
      (p.healthCheckFailing === undefined || i.healthCheckFailing === p.healthCheckFailing)
    )
  },

  cartLost(lab, ctx, p) {
    return requestsSince(lab, ctx, { client: p.client }).some((r) => r.session?.lost === true)
  },

  listenerProtocol(lab, _ctx, p) {
    return lab.listener().protocol === p.protocol
  },

  forwardWeighted(lab, _ctx, p) {
    const f = lab.listener().forward
    if (f.targetGroups.length < (p.minGroups ?? 2)) return false
    if (p.groupStickiness !== undefined && f.stickiness.enabled !== p.groupStickiness) return false
    const weight = (n: string) => f.targetGroups.find((g) => g.name === n)?.weight
    if (p.weights !== undefined && !Object.entries(p.weights).every(([n, w]) => weight(n) === w))
      return false
    if (p.positive !== undefined && !p.positive.every((n) => (weight(n) ?? 0) > 0)) return false
    return true
  },

  sessionStore(lab, _ctx, p) {
    return lab.app().sessionStore === p.store
  },

  clientSettings(lab, _ctx, p) {
    const c = lab.clients().find((x) => x.id === p.client)
    if (c === undefined) return false
    if (p.cookiesEnabled !== undefined && c.cookiesEnabled !== p.cookiesEnabled) return false
    if (p.userAgent !== undefined && c.userAgent !== p.userAgent) return false
    if (p.kind !== undefined && c.kind !== p.kind) return false
    if (p.sourceIp !== undefined && c.sourceIp !== p.sourceIp) return false
    return true
  },

  loadBalancerType(lab, _ctx, p) {
    return lab.loadBalancerType() === p.type
  },

  clientExists(lab, _ctx, p) {
    return lab.clients().some((c) => c.id === p.client)
  },

  timeElapsed(lab, ctx, p) {
    return lab.now() - ctx.stepStartTime >= p.seconds
  },

  webSocket(lab, _ctx, p) {
    const ws = lab.webSockets().find((w) => w.clientId === p.client)
    if (!p.open) return ws === undefined
    if (ws === undefined) return false
    if (p.minMessages !== undefined && ws.messages < p.minMessages) return false
    if (p.notTarget !== undefined && ws.targetId === p.notTarget) return false
    return true
  },

  always() {
    return true
  },
}

export function isGoalMet(goal: Goal, lab: GoalLab, ctx: GoalContext): boolean {
  // The union is narrowed by id at runtime; TypeScript cannot correlate the two lookups.
  return (GOALS[goal.id] as Predicate<GoalId>)(lab, ctx, goal.params as never)
}

export function areGoalsMet(goals: readonly Goal[], lab: GoalLab, ctx: GoalContext): boolean {
  return goals.every((g) => isGoalMet(g, lab, ctx))
}
