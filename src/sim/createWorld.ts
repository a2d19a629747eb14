// Builds the default world every lab starts from: target group "web" with three healthy
// instances in three AZs, an HTTPS listener forwarding to it, stickiness off, round robin,
// the cart application with a SESSIONID cookie, virtual time 0.

import type { World } from './model/world'
import { newDict } from './dict'
import { asTargetGroupName } from './model/ids'
import { newRing } from './ring'
import { deriveSecret, seedToState } from './rng'
import { registerHealthyTarget } from './rules/health'
import { launchInstance } from './rules/instances'
import { HISTORY_LIMIT } from './pipeline/recordSink'
import { applyForward, newTargetGroup } from './rules/targetGroups'
import { FIRST_EPHEMERAL_PORT, newFlowMetrics } from './rules/flows'

export const WORLD_FORMAT = 'stickylab-world'
export const WORLD_VERSION = 1
/** How many health transitions are kept. */
export const HEALTH_EVENT_LIMIT = 500
/** How many API calls the replay log keeps; beyond this the oldest are dropped (log().length stops growing). */
export const LOG_LIMIT = 50000
/** Default application latency: how long each request occupies its target. */
export const DEFAULT_LATENCY_SECONDS = 0.5
export const DEFAULT_SEED = 1

/** The default lab world for a seed. */
export function createWorld(seed: number): World {
  const world: World = {
    format: WORLD_FORMAT,
    version: WORLD_VERSION,
    seed,
    loadBalancerType: 'application',
    loadBalancerAttributes: { crossZone: false },
    classic: null,
    rng: seedToState(seed),
    secret: deriveSecret(seed),
    nowMs: 0,
    counters: {
      instance: 0,
      instanceSerial: 0,
      targetGroupSerial: 0,
      cookie: 0,
      session: 0,
      request: 0,
      launchAz: 0,
      clientAz: 0,
      webSocket: 0,
      sourceIp: 0,
      sourcePort: FIRST_EPHEMERAL_PORT - 1,
    },
    listener: {
      protocol: 'HTTPS',
      port: 443,
      forward: { targetGroups: [], stickiness: { enabled: false, durationSeconds: 3600 } },
    },
    targetGroupOrder: [],
    targetGroups: newDict(),
    targetGroupBySerial: [],
    instanceOrder: [],
    instances: newDict(),
    instanceBySerial: [],
    app: {
      sessionCookie: { name: 'SESSIONID' },
      sessionStore: 'memory',
      latencySeconds: DEFAULT_LATENCY_SECONDS,
    },
    sessions: newDict(),
    clientOrder: [],
    clients: newDict(),
    nextCookieExpiryMs: null,
    metrics: {
      RequestCount: 0,
      NonStickyRequestCount: 0,
      HTTPCode_ELB_5XX_Count: 0,
      HTTPCode_ELB_502_Count: 0,
      HTTPCode_ELB_503_Count: 0,
      HTTPCode_Target_2XX_Count: 0,
      TargetConnectionErrorCount: 0,
      SessionsLost: 0,
    },
    flowMetrics: newFlowMetrics(),
    history: newRing(HISTORY_LIMIT),
    healthEvents: newRing(HEALTH_EVENT_LIMIT),
    log: newRing(LOG_LIMIT),
  }
  const web = newTargetGroup(world, asTargetGroupName('web'), 'HTTP')
  applyForward(world, {
    targetGroups: [{ name: 'web', weight: 1 }],
    stickiness: { enabled: false, durationSeconds: 3600 },
  })
  for (let i = 0; i < 3; i++) registerHealthyTarget(world, web, launchInstance(world))
  // The starting state is "already running": no registration transitions in the event list.
  world.healthEvents = newRing(HEALTH_EVENT_LIMIT)
  return world
}
