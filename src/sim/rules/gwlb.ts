// One request through a Gateway Load Balancer (reference §14): traffic to some destination is sent
// through an appliance. Flows stick to an appliance by their 5-tuple (3-tuple for non-TCP/UDP), or
// by the 3-tuple / 2-tuple that `stickiness.type` selects. When an appliance fails or is
// deregistered, target_failover decides whether existing flows stay on it (no_rebalance, the
// default) or are rehashed (rebalance). No application runs here and no cookies are involved.

import { dictDelete, dictGet, dictSet } from '../dict'
import type { RequestOptions } from '../model/api'
import type { Decision } from '../model/decisions'
import type { GwlbFacts, GwlbFlowKeyFacts, Silence } from '../model/facts'
import {
  GWLB_DEFAULT_DESTINATION_IP,
  GWLB_DEFAULT_DESTINATION_PORT,
} from '../model/loadBalancerTypes'
import type {
  FlowProtocol,
  FlowState,
  GatewayFlowEntry,
  RegistrationState,
  RequestRecordState,
  TargetGroupState,
  World,
} from '../model/world'
import { ringPush } from '../ring'
import type { Runtime } from '../runtime'
import { getClientSlot } from './clients'
import {
  startFlow,
  currentFlow,
  dropFlow,
  flowHash,
  flowScope,
  isIdledOut,
  nextSourcePort,
  pickByHash,
  registrationOf,
} from './flows'
import { answers, silenceReason } from './instances'

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
    if (isIdledOut(e.protocol, e.lastSeenMs, world.nowMs)) dictDelete(table, key)
  }
}

/** Serves one request on a Gateway Load Balancer; mutates the world and returns the history record. */
export function handleGwlbRequest(
  world: World,
  rt: Runtime,
  clientId: string,
  options: RequestOptions | undefined,
): RequestRecordState {
  const now = world.nowMs
  const client = getClientSlot(world, rt, clientId).state
  const protocol: FlowProtocol = options?.protocol ?? 'TCP'
  const destinationIp = options?.destinationIp ?? GWLB_DEFAULT_DESTINATION_IP
  const destinationPort =
    protocol === 'ICMP' ? 0 : (options?.destinationPort ?? GWLB_DEFAULT_DESTINATION_PORT)
  const name = world.listener.forward.targetGroups[0]?.name
  const tg = name === undefined ? null : (dictGet(world.targetGroups, name) ?? null)
  const src = client.sourceIp

  let decision: Decision = 'flow-no-targets'
  let status = 0
  let reg: RegistrationState | null = null
  let route: GwlbFacts['route'] = null
  let algorithm: string | null = null
  let failOpen = false
  let flow: FlowState | null = currentFlow(client, protocol, destinationIp, destinationPort, now)
  let replacedPort: number | null = null
  if (flow !== null && options?.newConnection === true && protocol !== 'ICMP') {
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
    if (entry !== null && isIdledOut(entry.protocol, entry.lastSeenMs, now)) {
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
        decision = 'flow-rebalanced'
        rebalanced = { targetId: entry.targetId, failed: bound === null ? null : failed }
      } else {
        reg = bound
        const same = !newConnection || entry.sourcePort === sourcePort
        decision = same ? 'existing-flow' : 'flow-stickiness-hit'
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
      failOpen = scope.failOpen
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
      algorithm = reg === null ? null : 'flow_hash'
      if (decision !== 'flow-rebalanced') decision = 'flow-hash'
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
        decision = 'flow-no-targets'
      }
    }
  }
  let silence: Silence | undefined
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
    const instance = world.instances[reg.id]!
    if (!answers(instance)) {
      decision = 'flow-target-unreachable'
      silence = silenceReason(instance)
    } else {
      status = 200
      instance.requestCount++
      tg.requestCount++
    }
  }

  const base = {
    family: 'gwlb',
    protocol,
    sourceIp: src,
    sourcePort,
    destinationIp,
    destinationPort,
    replacedPort,
    route,
  } as const
  const facts: GwlbFacts = silence === undefined ? base : { ...base, silence }
  const record: RequestRecordState = {
    id: ++world.counters.request,
    clientId: client.id,
    at: now / 1000,
    completesAt: now / 1000,
    path: options?.path ?? '/',
    crossSite: false,
    kind: 'http',
    loadBalancerType: 'gateway',
    status,
    targetId: reg === null ? null : reg.id,
    targetGroup: tg === null ? null : tg.name,
    sticky: decision === 'flow-stickiness-hit',
    decision,
    targetGroupDecision: 'single',
    algorithm,
    failOpen,
    facts,
    explanation: rt.explain.request(facts),
    requestCookieHeader: '',
    setCookie: [],
  }
  record.flow = { protocol, sourceIp: src, sourcePort, destinationIp, destinationPort }
  ringPush(world.history, record)
  return record
}
