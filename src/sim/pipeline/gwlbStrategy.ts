// The Gateway Load Balancer's route strategy (reference §14): traffic to some destination is sent
// through an appliance. Flows stick to an appliance by their 5-tuple (3-tuple for non-TCP/UDP), or
// by the 3-tuple / 2-tuple that `stickiness.type` selects. When an appliance fails or is
// deregistered, target_failover decides whether existing flows stay on it (no_rebalance, the
// default) or are rehashed (rebalance). No application runs here and no cookies are involved (carriesHttp is false).

import { dictDelete, dictGet, dictSet } from '../dict'
import type { GwlbFacts, GwlbFlowKeyFacts } from '../model/facts'
import type {
  FlowProtocol,
  FlowState,
  GatewayFlowEntry,
  RegistrationState,
  TargetGroupState,
  World,
} from '../model/world'
import type { Runtime } from '../runtime'
import {
  startFlow,
  currentFlow,
  dropFlow,
  flowHash,
  flowScope,
  nextSourcePort,
  pickByHash,
  registrationOf,
} from '../rules/flowRouting'
import { isIdledOut } from '../rules/flows'
import { silenceReason } from '../rules/instances'
import { tcpIdleSeconds } from '../rules/listenerAttributes'
import type { Exchange } from './exchange'
import type { RouteStrategy } from './routeStrategy'

/** Which fields identify a flow for stickiness. */
interface FlowKey {
  key: string
  tuple: '5-tuple' | '3-tuple' | '2-tuple'
  usesPorts: boolean
  usesProtocol: boolean
}

function flowKey(
  tg: TargetGroupState,
  protocol: FlowProtocol,
  src: string,
  sport: number,
  dst: string,
  dport: number,
): FlowKey {
  const p = tg.parsed
  const twoTuple = p.stickinessEnabled && p.stickinessType === 'source_ip_dest_ip'
  if (twoTuple)
    return {
      key: `${src} > ${dst}`,
      tuple: '2-tuple',
      usesPorts: false,
      usesProtocol: false,
    }
  if (p.stickinessEnabled || protocol === 'ICMP')
    return {
      key: `${protocol} ${src} > ${dst}`,
      tuple: '3-tuple',
      usesPorts: false,
      usesProtocol: true,
    }
  return {
    key: `${protocol} ${src}:${sport} > ${dst}:${dport}`,
    tuple: '5-tuple',
    usesPorts: true,
    usesProtocol: true,
  }
}

/** The tuple and why it was used (the stickiness type, or none: stickiness off). */
function keyFacts(tg: TargetGroupState, k: FlowKey): GwlbFlowKeyFacts {
  const p = tg.parsed
  return { tuple: k.tuple, stickinessType: p.stickinessEnabled ? p.stickinessType : null }
}

/** Whether the appliance failed or left, and which target_failover attribute governs that. */
function failure(reg: RegistrationState | null): { attribute: string; state: string } | null {
  if (reg === null)
    return { attribute: 'target_failover.on_deregistration', state: 'no longer registered' }
  if (reg.deregistered)
    return {
      attribute: 'target_failover.on_deregistration',
      state: reg.state === 'draining' ? 'draining' : 'deregistered',
    }
  if (reg.state === 'unhealthy')
    return { attribute: 'target_failover.on_unhealthy', state: 'unhealthy' }
  // A stopped appliance (unused / Target.InvalidState) counts as failed, like an unhealthy one.
  if (reg.reason === 'Target.InvalidState')
    return { attribute: 'target_failover.on_unhealthy', state: 'stopped' }
  return null
}

/** Drops idled-out entries (TCP 350 s, others 120 s) so the table only holds live flows. */
function pruneTable(world: World, table: Record<string, GatewayFlowEntry>): void {
  for (const key of Object.keys(table)) {
    const e = table[key]!
    if (isIdledOut(e.protocol, e.lastSeenMs, world.nowMs, tcpIdleSeconds(world)))
      dictDelete(table, key)
  }
}

/** What the GWLB decided, for the facts. */
interface GwlbPlan {
  route: GwlbFacts['route']
  replacedPort: number | null
}

function route(world: World, _rt: Runtime, x: Exchange): GwlbPlan {
  const now = world.nowMs
  const client = x.slot.state
  const req = x.req
  const protocol = req.transport
  const destinationIp = req.destinationIp
  const destinationPort = req.destinationPort
  const name = world.listener.forward.targetGroups[0]?.name
  const tg = name === undefined ? null : (dictGet(world.targetGroups, name) ?? null)
  x.tg = tg
  const src = client.sourceIp
  x.decision = 'flow-no-targets'

  let reg: RegistrationState | null = null
  let route: GwlbFacts['route'] = null
  let flow: FlowState | null = currentFlow(
    client,
    protocol,
    destinationIp,
    destinationPort,
    now,
    tcpIdleSeconds(world),
  )
  let replacedPort: number | null = null
  if (flow !== null && req.newConnection) {
    dropFlow(client, flow)
    replacedPort = flow.sourcePort
    flow = null
  }
  const sourcePort =
    flow !== null ? flow.sourcePort : protocol === 'ICMP' ? 0 : nextSourcePort(world)
  const newConnection = flow === null

  if (tg !== null) {
    const table = tg.flowTable!
    const k = flowKey(tg, protocol, src, sourcePort, destinationIp, destinationPort)
    let entry = dictGet(table, k.key) ?? null
    if (
      entry !== null &&
      isIdledOut(entry.protocol, entry.lastSeenMs, now, tcpIdleSeconds(world))
    ) {
      dictDelete(table, k.key)
      entry = null
    }
    let rehash = entry === null
    let rebalanced: (GwlbFacts['route'] & { kind: 'hash' })['rebalanced'] = null
    if (entry !== null) {
      const bound = registrationOf(tg, entry.targetId)
      const failed = failure(bound)
      const mode =
        failed === null
          ? 'no_rebalance'
          : (dictGet(tg.attributes, failed.attribute) ?? 'no_rebalance')
      // rebalance waits for the deregistration delay: a draining appliance keeps its flows until it ends.
      if (
        failed !== null &&
        (bound === null || (mode === 'rebalance' && failed.state !== 'draining'))
      ) {
        rehash = true
        x.decision = 'flow-rebalanced'
        rebalanced = { targetId: entry.targetId, failed: bound === null ? null : failed }
      } else {
        reg = bound
        const same = !newConnection || entry.sourcePort === sourcePort
        x.decision = same ? 'existing-flow' : 'flow-stickiness-hit'
        x.sticky = !same
        route = {
          kind: same ? 'existing' : 'joined',
          key: keyFacts(tg, k),
          targetId: entry.targetId,
          failed,
        }
        entry.lastSeenMs = now
      }
    }
    if (rehash) {
      const scope = flowScope(world, tg, client)
      x.failOpen = scope.failOpen
      const hash = flowHash(
        world,
        k.usesProtocol ? protocol : null,
        src,
        k.usesPorts ? sourcePort : 0,
        destinationIp,
        k.usesPorts ? destinationPort : 0,
        0,
      )
      reg = pickByHash(world, tg, scope, hash)
      x.algorithm = reg === null ? null : 'flow_hash'
      if (x.decision !== 'flow-rebalanced') x.decision = 'flow-hash'
      route = {
        kind: 'hash',
        key: keyFacts(tg, k),
        rebalanced,
        targetId: reg === null ? null : reg.id,
        failOpen: scope.failOpen,
        az: scope.az,
      }
      if (reg !== null) {
        pruneTable(world, table)
        dictSet(table, k.key, { targetId: reg.id, protocol, sourcePort, lastSeenMs: now })
      } else {
        x.decision = 'flow-no-targets'
      }
    }
  }
  if (reg !== null && tg !== null) {
    if (flow === null) {
      flow = startFlow(
        world,
        client,
        { protocol, sourcePort, destinationIp, destinationPort },
        reg.id,
        tg.name,
      )
    }
    flow.targetId = reg.id
    flow.lastSeenMs = now
  }
  x.reg = reg
  x.flow = { protocol, sourceIp: src, sourcePort, destinationIp, destinationPort }
  return { route, replacedPort }
}

function describe(_world: World, rt: Runtime, x: Exchange, plan: GwlbPlan): void {
  const f = x.flow!
  const base = {
    family: 'gwlb',
    protocol: f.protocol,
    sourceIp: f.sourceIp,
    sourcePort: f.sourcePort,
    destinationIp: f.destinationIp,
    destinationPort: f.destinationPort,
    replacedPort: plan.replacedPort,
    route: plan.route,
  } as const
  const facts: GwlbFacts = x.silent ? { ...base, silence: silenceReason(x.instance!) } : base
  x.facts = facts
  x.explanation = rt.explain.request(facts)
}

export const gwlbStrategy: RouteStrategy<GwlbPlan> = {
  type: 'gateway',
  carriesHttp: () => false,
  // An appliance forwards packets; nothing keeps it busy between them.
  tracksInFlight: false,
  elbMetrics: false,
  namesGroup: true,
  silentDecision: 'flow-target-unreachable',
  silentStatus: 0,
  route,
  onSilent(_world, x) {
    // A flow stuck to a silent appliance was not a stickiness hit that served anything.
    x.sticky = false
  },
  respond: () => {},
  describe,
}
