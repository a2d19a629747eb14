// One request through a Network Load Balancer (reference §13). The NLB is a layer-4 pass-through:
// a request travels on the client's current flow (TCP connection or UDP flow) to that flow's
// target; a new flow is hashed on its tuple (TCP adds the sequence number, so every new connection
// may land elsewhere) unless source_ip stickiness binds the client's source IP — shared by every
// client behind one NAT — to a target. The NLB adds no cookies; over TCP the application behind it
// answers HTTP as usual (its session cookie passes through untouched).

import type { BrowserContext, CookieRejection } from '../cookieJar'
import {
  cookieHeader,
  cookiesToSend,
  noteBrowserFacts,
  storeCookie,
  withheldFromRequest,
} from '../cookieJar'
import { dictGet } from '../dict'
import type { RequestOptions, SessionView } from '../model/api'
import type { Decision } from '../model/decisions'
import type { FlowEnd, NlbFacts, NlbRoute, Silence } from '../model/facts'
import { NLB_NODE_IPS } from '../model/loadBalancerTypes'
import type {
  ClientState,
  FlowProtocol,
  FlowState,
  RegistrationState,
  RequestRecordState,
  TargetGroupState,
  World,
} from '../model/world'
import { ringPush } from '../ring'
import { nextRandom } from '../rng'
import type { Runtime } from '../runtime'
import { serveApplication } from './application'
import { getClientSlot } from './clients'
import type { FlowScope } from './flows'
import {
  startFlow,
  dropFlow,
  flowHash,
  flowScope,
  isIdledOut,
  nextSourcePort,
  nodeAzOf,
  pickByHash,
  registrationOf,
  takesNewFlows,
} from './flows'
import { addInFlight } from './routing'
import { bindSourceIp, lookupSourceIp } from './sourceIpTable'

const STICKY_HIT = { kind: 'hit' } as const
const STICKY_NEW = { kind: 'new' } as const
import { answers, silenceReason } from './instances'

/** The NLB's own flow for this client and protocol (idled-out flows are dropped). */
function openFlow(
  world: World,
  client: ClientState,
  protocol: FlowProtocol,
  tg: TargetGroupState,
): FlowState | null {
  for (const f of client.flows) {
    if (f.protocol !== protocol || f.targetGroup !== tg.name) continue
    if (isIdledOut(f.protocol, f.lastSeenMs, world.nowMs)) {
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
  if (reg === null || reg.state === 'unused') return DEREGISTERED
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

/** The clients sharing this client's source IP (behind one NAT), or null when it is alone. */
function peersOf(world: World, client: ClientState): string[] | null {
  const peers: string[] = []
  for (const id of world.clientOrder)
    if (world.clients[id]!.sourceIp === client.sourceIp) peers.push(id)
  return peers.length > 1 ? peers : null
}

/** Serves one request on a Network Load Balancer; mutates the world and returns the history record. */
export function handleNlbRequest(
  world: World,
  rt: Runtime,
  clientId: string,
  options: RequestOptions | undefined,
): RequestRecordState {
  const now = world.nowMs
  const slot = getClientSlot(world, rt, clientId)
  const client = slot.state
  const listener = world.listener
  const protocol: FlowProtocol = options?.protocol ?? (listener.transport === 'UDP' ? 'UDP' : 'TCP')
  const path = options?.path ?? '/'
  const crossSite = options?.crossSite === true
  const credentials = options?.credentials ?? 'same-origin'
  const durationMs = Math.round((options?.durationSeconds ?? world.app.latencySeconds) * 1000)
  const name = listener.forward.targetGroups[0]?.name
  const tg = name === undefined ? null : (dictGet(world.targetGroups, name) ?? null)

  let decision: Decision = 'flow-no-targets'
  let status = 0
  let route: NlbRoute | null = null
  let sticky = false
  let failOpen = false
  let algorithm: string | null = null
  let reg: RegistrationState | null = null
  let flow: FlowState | null = null
  let sourcePort = 0
  let destinationIp = dictGet(NLB_NODE_IPS, nodeAzOf(world, client)) ?? ''
  const destinationPort = listener.port

  if (tg !== null) {
    const scope = flowScope(world, tg, client)
    if (scope.az !== null) destinationIp = dictGet(NLB_NODE_IPS, scope.az) ?? destinationIp
    let replaced: (NlbRoute & { kind: 'new' })['replaced'] = null
    flow = openFlow(world, client, protocol, tg)
    if (flow !== null && options?.newConnection === true) {
      dropFlow(client, flow)
      replaced = { kind: 'new-connection', sourcePort: flow.sourcePort }
      flow = null
    }
    if (flow !== null) {
      const existing = registrationOf(tg, flow.targetId)
      const ended = flowEndReason(tg, existing, scope)
      if (ended === null) {
        reg = existing
        decision = 'existing-flow'
        flow.lastSeenMs = now
        sourcePort = flow.sourcePort
        destinationIp = flow.destinationIp
        route = { kind: 'existing', sourcePort: flow.sourcePort, targetId: flow.targetId }
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
      failOpen = scope.failOpen
      let stickyFacts: (NlbRoute & { kind: 'new' })['sticky'] = null
      let peers: string[] | null = null
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
          sticky = true
          decision = 'source-ip-sticky-hit'
          stickyFacts = STICKY_HIT
          peers = peersOf(world, client)
        } else {
          reg = hashed()
          algorithm = 'flow_hash'
          if (reg !== null) bindSourceIp(tg, ip, reg.id, now)
          if (found === null) {
            decision = 'source-ip-sticky-new'
            stickyFacts = STICKY_NEW
            if (reg !== null) peers = peersOf(world, client)
          } else if (found.stale) {
            decision = 'source-ip-sticky-reset'
            const r = tg.stickyReset!
            stickyFacts = {
              kind: 'reset',
              boundTo: found.entry.targetId,
              reset: { atMs: r.atMs, targetId: r.targetId, from: r.from, to: r.to },
            }
          } else {
            decision = 'source-ip-sticky-unavailable'
            stickyFacts = { kind: 'unavailable', boundTo: found.entry.targetId }
          }
        }
      } else {
        reg = hashed()
        algorithm = 'flow_hash'
        decision = 'flow-hash'
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
        decision = 'flow-no-targets'
        algorithm = null
        sticky = false
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

  // The target answers (TCP carries the application's HTTP; UDP is a datagram exchange).
  const ctx: BrowserContext = {
    protocol: listener.protocol,
    path,
    crossSite,
    credentials,
  }
  const sent = protocol === 'TCP' ? cookiesToSend(client, ctx) : []
  // UDP carries no HTTP, so no cookie is "withheld" from it.
  const withheld = protocol === 'TCP' ? withheldFromRequest(client, ctx, sent) : undefined
  const header = cookieHeader(sent)
  let session: SessionView | null = null
  const lines: string[] = []
  let blocked: { name: string; reason: CookieRejection }[] | undefined
  let silence: Silence | undefined
  if (reg !== null) {
    const instance = world.instances[reg.id]!
    if (!answers(instance)) {
      decision = 'flow-target-unreachable'
      if (flow !== null) dropFlow(client, flow)
      silence = silenceReason(instance)
    } else {
      status = 200
      if (protocol === 'TCP') {
        session = serveApplication(world, rt, slot, instance, sent, path)
        if (session !== null) {
          const d = rt.applicationDirective
          lines.push(d.line)
          const rejection = storeCookie(world, client, d, ctx)
          if (rejection !== null) (blocked ??= []).push({ name: d.name, reason: rejection })
        }
      }
      addInFlight(instance, now + durationMs)
      instance.requestCount++
      tg!.requestCount++
    }
  }

  const answered = status === 200
  const facts: NlbFacts =
    silence === undefined
      ? { family: 'nlb', protocol, route }
      : { family: 'nlb', protocol, route, silence }
  const record: RequestRecordState = {
    id: ++world.counters.request,
    clientId: client.id,
    at: now / 1000,
    completesAt: (answered ? now + durationMs : now) / 1000,
    path,
    crossSite,
    kind: 'http',
    loadBalancerType: 'network',
    status,
    targetId: reg === null ? null : reg.id,
    targetGroup: tg === null ? null : tg.name,
    sticky,
    decision,
    targetGroupDecision: 'single',
    algorithm,
    failOpen,
    facts,
    explanation: rt.explain.request(facts),
    requestCookieHeader: header,
    setCookie: lines,
  }
  if (session !== null) record.session = session
  if (blocked !== undefined) record.blockedCookies = blocked
  noteBrowserFacts(record, ctx, withheld)
  record.flow = { protocol, sourceIp: client.sourceIp, sourcePort, destinationIp, destinationPort }
  ringPush(world.history, record)
  return record
}
