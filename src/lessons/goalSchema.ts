// The goals a lesson step is judged by, as zod schemas: each names a pure predicate of goals.ts by id, with its
// parameters. Part of the lesson format (schema.ts).
import '../zodJitless'
import { z } from 'zod'
import { DECISIONS, type Decision } from '../sim'

const name = z.string().min(1)

const decision = z.enum(DECISIONS as unknown as [Decision, ...Decision[]])
const healthState = z.enum(['initial', 'healthy', 'unhealthy', 'unused', 'draining', 'unavailable'])
const count = z.number().int().min(1)

/**
 * Which requests since the step began a goal or an observation looks at. Every filter narrows the set.
 */
export const requestFilter = {
  /** Only this browser's requests. */
  client: name.optional(),
  /** Only these browsers' requests (e.g. the clients behind one NAT). */
  clients: z.array(name).min(1).optional(),
  /** Only requests whose path starts with this ("/cart/add"). */
  pathPrefix: z.string().startsWith('/').optional(),
  /** Only plain requests ("http") or WebSocket upgrades. */
  requestKind: z.enum(['http', 'websocket-upgrade']).optional(),
  /** Only cross-site (true) or same-site (false) requests. */
  crossSite: z.boolean().optional(),
  /** Only requests whose Cookie header carried this cookie. */
  carriesCookie: name.optional(),
  /** Only requests whose Cookie header did not carry this cookie. */
  lacksCookie: name.optional(),
  /** Only CORS preflights ("OPTIONS") or only the requests themselves ("GET"). */
  method: z.enum(['GET', 'OPTIONS']).optional(),
}

/** Goals: pure predicates from goals.ts, referenced by id with their parameters. */
export const GoalSchema = z.discriminatedUnion('id', [
  z.strictObject({
    id: z.literal('requestsSince'),
    params: z.strictObject({
      ...requestFilter,
      /** At least this many matching requests (default 1). */
      min: count.optional(),
      /** true: every matching request was sticky; false: none was. */
      allSticky: z.boolean().optional(),
      /** Every matching request reached the same instance. */
      sameTarget: z.boolean().optional(),
      /** The matching requests reached at least this many different instances. */
      distinctTargets: count.optional(),
      /** Every matching request went to the same target group. */
      sameTargetGroup: z.boolean().optional(),
      /** The matching requests went to at least this many target groups. */
      distinctTargetGroups: count.optional(),
      /** At least this many different browsers sent matching requests. */
      distinctClients: count.optional(),
      /** At least one matching request had this routing decision. */
      decision: decision.optional(),
      /** Every matching request had this routing decision. */
      allDecision: decision.optional(),
      /** At least one matching request got this HTTP status. */
      status: z.number().int().optional(),
      /** At least one matching request reached this instance. */
      target: name.optional(),
      /** No matching request reached this instance. */
      notTarget: name.optional(),
      /** At least one matching request went to this target group. */
      targetGroup: name.optional(),
      /** Every matching request went to this target group. */
      allTargetGroup: name.optional(),
      /** true: at least one matching request found its cart gone; false: none did. */
      cartLost: z.boolean().optional(),
      /** The first and last matching requests are at least this many virtual seconds apart. */
      minSpanSeconds: z.number().positive().optional(),
    }),
  }),
  z.strictObject({
    id: z.literal('attributeEquals'),
    params: z.strictObject({ targetGroup: name, key: name, value: z.string() }),
  }),
  z.strictObject({
    id: z.literal('cookiePresent'),
    params: z.strictObject({
      client: name,
      name,
      /** Default true; false means the browser must not hold the cookie. */
      present: z.boolean().optional(),
      /** The stored value must differ from this (e.g. "_remove_"). */
      valueNot: z.string().optional(),
      /** The cookie expires at least this many seconds from now. */
      minLifetimeSeconds: z.number().positive().optional(),
    }),
  }),
  z.strictObject({
    id: z.literal('targetHealth'),
    params: z.strictObject({ targetGroup: name, target: name, state: healthState }),
  }),
  z.strictObject({
    id: z.literal('targetCount'),
    params: z.strictObject({ targetGroup: name, state: healthState, min: count }),
  }),
  z.strictObject({
    id: z.literal('instanceRunning'),
    params: z.strictObject({
      target: name,
      running: z.boolean(),
      /** The instance must (true) or must not (false) be failing its health checks. */
      healthCheckFailing: z.boolean().optional(),
    }),
  }),
  z.strictObject({
    id: z.literal('cartLost'),
    params: z.strictObject({ client: name }),
  }),
  z.strictObject({
    id: z.literal('listenerProtocol'),
    params: z.strictObject({ protocol: z.enum(['HTTP', 'HTTPS']) }),
  }),
  z.strictObject({
    id: z.literal('forwardWeighted'),
    params: z.strictObject({
      /** The forward action lists at least this many target groups (default 2). */
      minGroups: count.optional(),
      /** Target group stickiness (AWSALBTG) on the rule is on (true) or off (false). */
      groupStickiness: z.boolean().optional(),
      /** Exact weights for the named target groups. */
      weights: z.record(z.string(), z.number().int().min(0).max(999)).optional(),
      /** These target groups have a weight above 0. */
      positive: z.array(name).optional(),
    }),
  }),
  z.strictObject({
    id: z.literal('sessionStore'),
    params: z.strictObject({ store: z.enum(['memory', 'external']) }),
  }),
  z.strictObject({
    id: z.literal('clientSettings'),
    params: z.strictObject({
      client: name,
      cookiesEnabled: z.boolean().optional(),
      userAgent: z.enum(['chromium', 'other']).optional(),
      /** browser, curl or sdk (curl and sdk keep no cookie jar). */
      kind: z.enum(['browser', 'curl', 'sdk']).optional(),
      /** The client's source IP address (clients with the same one are behind one NAT). */
      sourceIp: z.string().optional(),
    }),
  }),
  z.strictObject({
    id: z.literal('loadBalancerType'),
    params: z.strictObject({ type: z.enum(['application', 'network', 'gateway', 'classic']) }),
  }),
  z.strictObject({
    id: z.literal('clientExists'),
    params: z.strictObject({ client: name }),
  }),
  z.strictObject({
    id: z.literal('timeElapsed'),
    params: z.strictObject({ seconds: z.number().positive() }),
  }),
  z.strictObject({
    id: z.literal('webSocket'),
    params: z.strictObject({
      client: name,
      /** The client has an open connection (true) or none (false). */
      open: z.boolean(),
      /** At least this many messages went over the open connection. */
      minMessages: count.optional(),
      /** The open connection is not to this instance. */
      notTarget: name.optional(),
    }),
  }),
  z.strictObject({ id: z.literal('always'), params: z.strictObject({}) }),
])
export type Goal = z.infer<typeof GoalSchema>
export type GoalId = Goal['id']
