// The lab's read side (issue 17): every query of the public API, over one world, changing nothing. lab.ts spreads
// these into the Lab beside its commands; views and selectors receive them as LabQueries (model/api.ts).
import { cdnView } from '../rules/cdn'
import { outerLayerView } from '../rules/outerLayer'
import type { CallLog } from '../callLog'
import { msToSeconds } from '../clock'
import { dictGet } from '../dict'
import type {
  AppView,
  ClassicHealthCheckView,
  ClientView,
  CookieView,
  FlowView,
  HealthCheckView,
  LabCall,
  LabQueries,
  ListenerView,
  RequestRecord,
  SessionRecord,
  SourceIpStickinessView,
  TargetGroupName,
  TargetGroupView,
  TargetHealthDescription,
  WebSocketView,
  XrayResult,
} from '../model/api'
import { CLB_INSTANCE_GROUP, idleTimeoutSeconds } from '../model/loadBalancerTypes'
import type { RegistrationState, TargetGroupState, World } from '../model/world'
import { ringToArray } from '../ring'
import { describeListenerAttributes, tcpIdleSeconds } from '../rules/listenerAttributes'
import { describeLoadBalancerAttributes } from '../rules/loadBalancerAttributes'
import { CookieKind, decodeCookieValue } from '../rules/cookieCodec'
import { HEALTH_REASON_DESCRIPTIONS } from '../rules/health'
import { natGroups } from '../rules/sourceIp'
import { currentEpoch } from '../rules/sourceIpTable'
import { nextEventMs } from '../rules/timeline'
import type { SessionStore } from '../runtime'
import { albMetrics } from './albMetrics'
import { kubernetesQueries } from './kubernetesQueries'
import { familiesFor, isFamilyType } from '../familySlot'
import { clientEntry, instanceEntry, targetGroupEntry } from '../worldEntries'

/** A target group by its public name (the CLB's internal instance group is not one). */
export function findGroup(world: World, name: string): TargetGroupState | undefined {
  return name === CLB_INSTANCE_GROUP ? undefined : dictGet(world.targetGroups, name)
}

/** The Classic Load Balancer's instance group, or null for the other types. */
export function classicGroup(world: World): TargetGroupState | null {
  return world.classic === null ? null : targetGroupEntry(world, world.classic.group)
}

function healthView(r: RegistrationState): {
  state: string
  reason?: string
  description?: string
} {
  return r.reason === null
    ? { state: r.state }
    : { state: r.state, reason: r.reason, description: HEALTH_REASON_DESCRIPTIONS[r.reason] }
}

/** The queries of the lab owning `world`: `calls` is its live log, `sessions` its carts, `changeCount` its counter. */
// prettier-ignore
export function labQueries(world: World, calls: CallLog, sessions: SessionStore, changeCount: () => number): LabQueries {
  function tgView(name: TargetGroupName): TargetGroupView {
    const tg = targetGroupEntry(world, name)
    return {
      name: tg.name,
      protocol: tg.protocol,
      port: tg.port,
      inUse: tg.inUse,
      attributes: { ...tg.attributes },
      targets: tg.targets.map((r) => {
        const inst = dictGet(world.instances, r.id)
        return {
          id: r.id,
          az: inst?.az ?? '',
          running: inst?.running ?? false,
          health: healthView(r),
        }
      }),
    }
  }

  const queries: LabQueries = {
    ...kubernetesQueries(world),
    now: () => msToSeconds(world.nowMs),
    cdn: () => cdnView(world),
    outerLayer: () => outerLayerView(world),

    changeCount,

    secondsToNextEvent(): number {
      const t = nextEventMs(world)
      return t === null ? 0 : (t - world.nowMs) / 1000
    },

    targetGroups: () => world.targetGroupOrder.filter((n) => n !== CLB_INSTANCE_GROUP).map(tgView),

    cookies(clientId): CookieView[] {
      const client = dictGet(world.clients, clientId)
      if (client === undefined) return []
      return client.jar.map((c) => {
        const v: CookieView = {
          name: c.name,
          value: c.value,
          path: c.path,
          expiresAt: c.expiresAtMs === null ? null : c.expiresAtMs / 1000,
          secure: c.secure,
          httpOnly: c.httpOnly,
        }
        if (c.sameSite !== null) v.sameSite = c.sameSite
        return v
      })
    },

    metrics(): Record<string, number> {
      const type = world.loadBalancerType
      // Each other type reports its own CloudWatch names (they come with its family).
      if (isFamilyType(type)) return familiesFor(type).metrics(world, queries.flows().length)
      return albMetrics(world)
    },

    seed: () => world.seed,

    clients: (): ClientView[] =>
      world.clientOrder.map((id) => {
        const c = clientEntry(world, id)
        return {
          id: c.id,
          kind: c.kind ?? 'browser',
          cookiesEnabled: c.cookiesEnabled,
          userAgent: c.userAgent,
          nodeAz: c.nodeAz,
          sourceIp: c.sourceIp,
        }
      }),

    listener: (): ListenerView => {
      const view: ListenerView = {
        protocol: world.listener.transport ?? world.listener.protocol,
        port: world.listener.port,
        forward: {
          targetGroups: world.listener.forward.targetGroups.map((g) => ({
            name: g.name,
            weight: g.weight,
          })),
          stickiness: { ...world.listener.forward.stickiness },
        },
      }
      const clb = world.classic
      if (clb !== null) {
        view.instanceProtocol = 'HTTP'
        view.instancePort = clb.instancePort
        view.policyNames = [...clb.policyNames]
      }
      return view
    },

    app: (): AppView => ({
      sessionCookie: world.app.sessionCookie === null ? null : { ...world.app.sessionCookie },
      sessionStore: world.app.sessionStore,
      latencySeconds: world.app.latencySeconds,
    }),

    healthCheck(targetGroup): HealthCheckView | null {
      const tg = findGroup(world, targetGroup)
      return tg === undefined ? null : { ...tg.healthCheck, Matcher: { ...tg.healthCheck.Matcher } }
    },

    describeTargetHealth(targetGroup): TargetHealthDescription[] | null {
      const tg = findGroup(world, targetGroup)
      if (tg === undefined) return null
      return tg.targets.map((r) => {
        const d: TargetHealthDescription = {
          targetId: r.id,
          az: dictGet(world.instances, r.id)?.az ?? '',
          state: r.state,
        }
        if (r.reason !== null) {
          d.reason = r.reason
          d.description = HEALTH_REASON_DESCRIPTIONS[r.reason]
        }
        return d
      })
    },

    sessions(): SessionRecord[] {
      const out: SessionRecord[] = []
      for (const [where, bucket] of sessions) {
        for (const [sessionId, cell] of bucket) out.push({ where, sessionId, items: cell.items })
      }
      return out
    },

    history: () => ringToArray(world.history) as RequestRecord[],

    healthEvents: () => ringToArray(world.healthEvents),

    log: (): LabCall[] => calls.entries(),

    logInfo: () => calls.info(),

    snapshot: () => JSON.parse(JSON.stringify(world)) as World,

    xray(cookieValue): XrayResult | null {
      if (typeof cookieValue !== 'string') return null
      const p = decodeCookieValue(world.secret, cookieValue)
      if (p === null) return null
      const kind =
        p.kind === CookieKind.lb
          ? 'lb_cookie'
          : p.kind === CookieKind.app
            ? 'app_cookie'
            : p.kind === CookieKind.elb
              ? 'elb_cookie'
              : 'target_group'
      return {
        kind,
        targetGroup: world.targetGroupBySerial[p.targetGroupSerial] ?? null,
        targetId:
          p.kind === CookieKind.targetGroup
            ? null
            : (world.instanceBySerial[p.targetSerial] ?? null),
        issuedAt: p.issuedAtMs / 1000,
        durationSeconds: p.durationSeconds,
      }
    },

    instances: () =>
      world.instanceOrder.map((id) => {
        const i = instanceEntry(world, id)
        return {
          id: i.id,
          az: i.az,
          running: i.running,
          healthCheckFailing: i.healthCheckFailing,
          inFlight: i.inFlightCount,
        }
      }),

    webSockets(): WebSocketView[] {
      const out: WebSocketView[] = []
      for (const id of world.clientOrder) {
        const ws = clientEntry(world, id).webSocket
        if (ws !== null) {
          out.push({
            clientId: id,
            targetId: ws.targetId,
            targetGroup: ws.targetGroup,
            openedAt: ws.openedAtMs / 1000,
            messages: ws.messages,
          })
        }
      }
      return out
    },

    loadBalancerType: () => world.loadBalancerType,

    natGroups: () => natGroups(world),

    flows(): FlowView[] {
      const out: FlowView[] = []
      const now = world.nowMs
      for (const id of world.clientOrder) {
        const c = clientEntry(world, id)
        for (const f of c.flows) {
          const expires = f.lastSeenMs + idleTimeoutSeconds(f.protocol, tcpIdleSeconds(world)) * 1000
          if (now > expires) continue
          out.push({
            clientId: id,
            protocol: f.protocol,
            sourceIp: c.sourceIp,
            sourcePort: f.sourcePort,
            destinationIp: f.destinationIp,
            destinationPort: f.destinationPort,
            targetId: f.targetId,
            targetGroup: f.targetGroup,
            openedAt: f.openedAtMs / 1000,
            lastSeenAt: f.lastSeenMs / 1000,
            idleExpiresAt: expires / 1000,
          })
        }
      }
      return out
    },

    sourceIpStickiness() {
      const out: SourceIpStickinessView[] = []
      for (const name of world.targetGroupOrder) {
        const tg = targetGroupEntry(world, name)
        const table = tg.sourceIpTable
        if (table === undefined || !tg.parsed.stickinessEnabled) continue
        const epoch = currentEpoch(tg)
        for (const ip of Object.keys(table)) {
          const e = table[ip]!
          if (e.epoch === epoch)
            out.push({
              targetGroup: name,
              sourceIp: ip,
              targetId: e.targetId,
              createdAt: e.createdAtMs / 1000,
            })
        }
      }
      return out
    },

    loadBalancerAttributes: () => describeLoadBalancerAttributes(world),

    // A Classic Load Balancer's descriptions come with its family; another type has no policies nor CLB attributes.
    describeLoadBalancerPolicies: () =>
      world.classic === null ? [] : familiesFor('classic').classic.describePolicies(world.classic),
    describeClassicLoadBalancerAttributes: () =>
      world.classic === null
        ? null
        : familiesFor('classic').classic.describeAttributes(world.classic),
    listenerAttributes: () => describeListenerAttributes(world),

    describeInstanceHealth() {
      const tg = classicGroup(world)
      return tg === null ? [] : familiesFor('classic').classic.instanceHealth(world, tg)
    },

    classicHealthCheck(): ClassicHealthCheckView | null {
      const tg = classicGroup(world)
      if (tg === null) return null
      const hc = tg.healthCheck
      return {
        Target: `${hc.HealthCheckProtocol}:${hc.HealthCheckPort}${hc.HealthCheckPath}`,
        Interval: hc.HealthCheckIntervalSeconds,
        Timeout: hc.HealthCheckTimeoutSeconds,
        UnhealthyThreshold: hc.UnhealthyThresholdCount,
        HealthyThreshold: hc.HealthyThresholdCount,
      }
    },
  }

  return queries
}
