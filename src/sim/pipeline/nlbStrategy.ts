// The Network Load Balancer's route strategy (reference §13). The NLB is a layer-4 pass-through:
// a request travels on the client's current flow (TCP connection or UDP flow) to that flow's
// target; a new flow is hashed on its tuple (TCP adds the sequence number, so every new connection
// may land elsewhere) unless source_ip stickiness binds the client's source IP — shared by every
// client behind one NAT — to a target. The NLB adds no cookies; over TCP the application behind it
// answers HTTP as usual (its session cookie passes through untouched; the pipeline serves it).

import type { SetCookieDirective } from '../cookieJar'
import { dictGet } from '../dict'
import type { FlowEnd, NlbFacts, NlbRoute } from '../model/facts'
import type { ClientId } from '../model/ids'
import { NLB_NODE_IPS } from '../model/loadBalancerTypes'
import type {
  ClientState,
  FlowProtocol,
  FlowState,
  RegistrationState,
  TargetGroupState,
  World,
} from '../model/world'
import { nextRandom } from '../rng'
import type { Runtime } from '../runtime'
import type { FlowScope } from '../rules/flowRouting'
import {
  startFlow,
  dropFlow,
  flowHash,
  flowScope,
  nextSourcePort,
  nodeAzOf,
  pickByHash,
  registrationOf,
  takesNewFlows,
} from '../rules/flowRouting'
import { isIdledOut } from '../rules/flows'
import { silenceReason } from '../rules/instances'
import { tcpIdleSeconds } from '../rules/listenerAttributes'
import { bindSourceIp, lookupSourceIp } from '../rules/sourceIpTable'
import type { Exchange } from './exchange'
import type { RouteStrategy } from './routeStrategy'

const STICKY_HIT = { kind: 'hit' } as const
const STICKY_NEW = { kind: 'new' } as const

/** The NLB's own flow for this client and protocol (idled-out flows are dropped). */
function openFlow(
  world: World,
  client: ClientState,
  protocol: FlowProtocol,
  tg: TargetGroupState,
): FlowState | null {
  for (const f of client.flows) {
    if (f.protocol !== protocol || f.targetGroup !== tg.name) continue
    if (isIdledOut(f.protocol, f.lastSeenMs, world.nowMs, tcpIdleSeconds(world))) {
      dropFlow(client, f)
      return null
    }
    return f
  }
  return null
}

/** Why an established flow cannot continue to its target, or null if it can. */
function flowEndReason(
  tg: TargetGroupState,
  reg: RegistrationState | null,
  scope: FlowScope,
): FlowEnd | null {
  if (reg !== null && reg.reason === 'Target.InvalidState')
    return { code: 'stopped', targetId: reg.id }
  if (reg === null) return DEREGISTERED
  if (reg.state === 'unused') {
    // A completed deregistration closes the flow only when the group asks for it; with AWS's default (false)
    // an established connection stays open past the delay and keeps reaching its target until it idles out.
    if (
      reg.deregistered &&
      reg.reason === 'Target.NotRegistered' &&
      !terminatesOnDeregistration(tg)
    )
      return null
    return reg.deregistered ? TERMINATED : DEREGISTERED
  }
  if (reg.state === 'healthy' || reg.state === 'draining') return null
  if (scope.failOpen && reg.state !== 'initial') return null
  if (reg.state === 'unhealthy') {
    const terminate =
      dictGet(tg.attributes, 'target_health_state.unhealthy.connection_termination.enabled') !==
      'false'
    return terminate ? { code: 'unhealthy-terminated', targetId: reg.id } : null
  }
  return { code: 'state', targetId: reg.id, state: reg.state }
}

const DEREGISTERED: FlowEnd = { code: 'deregistered' }
const TERMINATED: FlowEnd = { code: 'deregistered', terminated: true }

/** deregistration_delay.connection_termination.enabled (default false: flows outlive the delay). */
function terminatesOnDeregistration(tg: TargetGroupState): boolean {
  return dictGet(tg.attributes, 'deregistration_delay.connection_termination.enabled') === 'true'
}

/** The clients sharing this client's source IP (behind one NAT), or null when it is alone. */
function peersOf(world: World, client: ClientState): ClientId[] | null {
  const peers: ClientId[] = []
  for (const id of world.clientOrder)
    if (world.clients[id]!.sourceIp === client.sourceIp) peers.push(id)
  return peers.length > 1 ? peers : null
}

/** What the NLB decided: the route for the facts, and the flow (dropped when its target does not answer). */
interface NlbPlan {
  route: NlbRoute | null
  flow: FlowState | null
}

function route(world: World, _rt: Runtime, x: Exchange): NlbPlan {
  const now = world.nowMs
  const client = x.slot.state
  const listener = world.listener
  const req = x.req
  const protocol = req.transport
  const name = listener.forward.targetGroups[0]?.name
  const tg = name === undefined ? null : (dictGet(world.targetGroups, name) ?? null)
  x.tg = tg
  x.decision = 'flow-no-targets'

  let route: NlbRoute | null = null
  let reg: RegistrationState | null = null
  let flow: FlowState | null = null
  let sourcePort = 0
  let destinationIp = dictGet(NLB_NODE_IPS, nodeAzOf(world, client)) ?? ''
  const destinationPort = req.destinationPort

  if (tg !== null) {
    const scope = flowScope(world, tg, client)
    if (scope.az !== null) destinationIp = dictGet(NLB_NODE_IPS, scope.az) ?? destinationIp
    let replaced: (NlbRoute & { kind: 'new' })['replaced'] = null
    flow = openFlow(world, client, protocol, tg)
    if (flow !== null && req.newConnection) {
      dropFlow(client, flow)
      replaced = { kind: 'new-connection', sourcePort: flow.sourcePort }
      flow = null
    }
    if (flow !== null) {
      const existing = registrationOf(tg, flow.targetId)
      const ended = flowEndReason(tg, existing, scope)
      if (ended === null) {
        reg = existing
        x.decision = 'existing-flow'
        flow.lastSeenMs = now
        sourcePort = flow.sourcePort
        destinationIp = flow.destinationIp
        route = { kind: 'existing', sourcePort: flow.sourcePort, targetId: flow.targetId }
        if (existing !== null && existing.state === 'unused') route.deregistered = true
      } else {
        dropFlow(client, flow)
        replaced = { kind: 'ended', targetId: flow.targetId, end: ended }
        flow = null
      }
    }
    if (flow === null) {
      sourcePort = nextSourcePort(world)
      let sequence = 0
      if (protocol === 'TCP') {
        const [f, next] = nextRandom(world.rng)
        world.rng = next
        sequence = Math.floor(f * 4294967296)
      }
      const hash = flowHash(
        world,
        protocol,
        client.sourceIp,
        sourcePort,
        destinationIp,
        destinationPort,
        sequence,
      )
      const hashed = (): RegistrationState | null => pickByHash(world, tg, scope, hash)
      const ip = client.sourceIp
      x.failOpen = scope.failOpen
      let stickyFacts: (NlbRoute & { kind: 'new' })['sticky'] = null
      let peers: ClientId[] | null = null
      if (tg.parsed.stickinessEnabled) {
        const found = lookupSourceIp(tg, ip)
        const bound =
          found === null || found.stale ? null : registrationOf(tg, found.entry.targetId)
        if (
          found !== null &&
          !found.stale &&
          bound !== null &&
          takesNewFlows(world, bound, scope)
        ) {
          reg = bound
          x.sticky = true
          x.decision = 'source-ip-sticky-hit'
          stickyFacts = STICKY_HIT
          peers = peersOf(world, client)
        } else {
          reg = hashed()
          x.algorithm = 'flow_hash'
          if (reg !== null) bindSourceIp(tg, ip, reg.id, now)
          if (found === null) {
            x.decision = 'source-ip-sticky-new'
            stickyFacts = STICKY_NEW
            if (reg !== null) peers = peersOf(world, client)
          } else if (found.stale) {
            x.decision = 'source-ip-sticky-reset'
            const r = tg.stickyReset!
            stickyFacts = {
              kind: 'reset',
              boundTo: found.entry.targetId,
              reset: { atMs: r.atMs, targetId: r.targetId, from: r.from, to: r.to },
            }
          } else {
            x.decision = 'source-ip-sticky-unavailable'
            stickyFacts = { kind: 'unavailable', boundTo: found.entry.targetId }
          }
        }
      } else {
        reg = hashed()
        x.algorithm = 'flow_hash'
        x.decision = 'flow-hash'
      }
      route = {
        kind: 'new',
        replaced,
        sticky: stickyFacts,
        sourceIp: ip,
        sourcePort,
        peers,
        targetId: reg === null ? null : reg.id,
        scope: { failOpen: scope.failOpen, az: scope.az, movedFrom: scope.movedFrom },
        targetGroup: tg.name,
      }
      if (reg === null) {
        x.decision = 'flow-no-targets'
        x.algorithm = null
        x.sticky = false
      } else {
        flow = startFlow(
          world,
          client,
          { protocol, sourcePort, destinationIp, destinationPort },
          reg.id,
          tg.name,
        )
      }
    }
  }
  x.reg = reg
  x.flow = { protocol, sourceIp: client.sourceIp, sourcePort, destinationIp, destinationPort }
  return { route, flow }
}

/** Over TCP the application's own Set-Cookie passes through; the NLB adds none. */
function respond(
  _world: World,
  _rt: Runtime,
  x: Exchange,
  _plan: NlbPlan,
  app: SetCookieDirective | null,
): void {
  if (app !== null) x.directives.push(app)
}

function describe(_world: World, rt: Runtime, x: Exchange, plan: NlbPlan): void {
  const protocol = x.req.transport
  const facts: NlbFacts = x.silent
    ? { family: 'nlb', protocol, route: plan.route, silence: silenceReason(x.instance!) }
    : { family: 'nlb', protocol, route: plan.route }
  x.facts = facts
  x.explanation = rt.explain.request(facts)
}

export const nlbStrategy: RouteStrategy<NlbPlan> = {
  type: 'network',
  // UDP is a datagram exchange: no HTTP, so no cookies and no application session.
  carriesHttp: (req) => req.transport === 'TCP',
  tracksInFlight: true,
  elbMetrics: false,
  namesGroup: true,
  silentDecision: 'flow-target-unreachable',
  silentStatus: 0,
  route,
  onSilent(_world, x, plan) {
    if (plan.flow !== null) dropFlow(x.slot.state, plan.flow)
  },
  respond,
  describe,
}
