// How NLB and GWLB flows are opened and routed: a client's connection identified by its tuple, ephemeral source
// ports, the seeded flow hash, and which targets a load balancer node may use (health, fail-open, cross-zone with DNS
// failover of a node whose zone has no healthy target). Loads with the Network, Gateway and Classic families
// (ADR 0018); the idle timeouts every lab's clock needs are in flows.ts.

import { dictGet } from '../dict'
import type { TargetGroupName, TargetId } from '../model/ids'
import type {
  ClientState,
  FlowProtocol,
  FlowState,
  RegistrationState,
  TargetGroupState,
  World,
} from '../model/world'
import { AVAILABILITY_ZONES } from '../model/world'
import { hash32 } from '../rng'
import { FIRST_EPHEMERAL_PORT, isIdledOut, LAST_EPHEMERAL_PORT } from './flows'
import { isRoutableIgnoringHealth } from './routing'
import { clientEntry } from '../worldEntries'

/** The next ephemeral port, lab-wide, so two clients behind one NAT never share a tuple. */
export function nextSourcePort(world: World): number {
  const p = world.counters.sourcePort + 1
  world.counters.sourcePort = p > LAST_EPHEMERAL_PORT ? FIRST_EPHEMERAL_PORT : p
  return world.counters.sourcePort
}

/** The client's open flow to this destination, or null (idled-out flows are dropped here). */
export function currentFlow(
  client: ClientState,
  protocol: FlowProtocol,
  destinationIp: string,
  destinationPort: number,
  nowMs: number,
  tcpSeconds?: number,
): FlowState | null {
  const flows = client.flows
  for (let i = 0; i < flows.length; i++) {
    const f = flows[i]!
    if (
      f.protocol !== protocol ||
      f.destinationIp !== destinationIp ||
      f.destinationPort !== destinationPort
    )
      continue
    if (isIdledOut(f.protocol, f.lastSeenMs, nowMs, tcpSeconds)) {
      flows.splice(i, 1)
      return null
    }
    return f
  }
  return null
}

/** Forgets the client's flow to this destination (a new connection replaces it). */
export function dropFlow(client: ClientState, flow: FlowState): void {
  client.flows = client.flows.filter((f) => f !== flow)
}

/** Opens a client's new flow to a target: counted in the CloudWatch-named flow metrics and kept on the client. */
export function startFlow(
  world: World,
  client: ClientState,
  tuple: Pick<FlowState, 'protocol' | 'sourcePort' | 'destinationIp' | 'destinationPort'>,
  targetId: TargetId,
  targetGroup: TargetGroupName,
): FlowState {
  const m = world.flowMetrics
  m.NewFlowCount++
  if (tuple.protocol === 'TCP') m.NewFlowCount_TCP++
  else if (tuple.protocol === 'UDP') m.NewFlowCount_UDP++
  const now = world.nowMs
  const flow: FlowState = { ...tuple, targetId, targetGroup, openedAtMs: now, lastSeenMs: now }
  client.flows.push(flow)
  return flow
}

function ipWord(ip: string): number {
  let n = 0
  for (const part of ip.split('.')) n = ((n << 8) | Number(part)) >>> 0
  return n
}

const PROTOCOL_NUMBER: Readonly<Record<FlowProtocol, number>> = { TCP: 6, UDP: 17, ICMP: 1 }

/** Seeded hash of a flow key; fields a tuple leaves out are passed as 0. */
export function flowHash(
  world: World,
  protocol: FlowProtocol | null,
  sourceIp: string,
  sourcePort: number,
  destinationIp: string,
  destinationPort: number,
  sequence: number,
): number {
  let h = hash32(world.secret, ipWord(sourceIp))
  h = hash32(h, ipWord(destinationIp))
  h = hash32(h, ((sourcePort << 16) | destinationPort) >>> 0)
  h = hash32(h, protocol === null ? 0 : PROTOCOL_NUMBER[protocol])
  return hash32(h, sequence >>> 0)
}

/**
 * The load balancer node a client reaches. Clients behind one NAT share its DNS resolver, so they
 * all use the node the group's first client was given (simulator convention).
 */
export function nodeAzOf(world: World, client: ClientState): string {
  for (const id of world.clientOrder) {
    const c = clientEntry(world, id)
    if (c.sourceIp === client.sourceIp) return c.nodeAz
  }
  return client.nodeAz
}

/** Whether cross-zone load balancing applies to this group (NLB: group setting over the LB attribute). */
export function crossZoneOn(world: World, tg: TargetGroupState): boolean {
  const v = dictGet(tg.attributes, 'load_balancing.cross_zone.enabled')
  if (v === 'true') return true
  if (v === 'false') return false
  return world.loadBalancerAttributes.crossZone
}

function azOf(world: World, reg: RegistrationState): string {
  return dictGet(world.instances, reg.id)?.az ?? ''
}

function healthyIn(world: World, tg: TargetGroupState, az: string | null): number {
  let n = 0
  for (const r of tg.targets)
    if (r.state === 'healthy' && !r.deregistered && (az === null || azOf(world, r) === az)) n++
  return n
}

/** Where a new flow may go: the zone (null = all zones) and whether health is ignored (fail-open). */
export interface FlowScope {
  az: string | null
  /** The client's own node, when DNS failover moved it to another zone's node. */
  movedFrom: string | null
  failOpen: boolean
}

/**
 * With cross-zone off a node routes only inside its zone. A node whose zone has no healthy target
 * leaves DNS, so the client reaches the next zone that has one (AWS documents the DNS behaviour;
 * the "next zone" order is a simulator convention). With no healthy target anywhere, every node
 * stays in DNS and routes to all its registered targets (fail-open).
 */
export function flowScope(world: World, tg: TargetGroupState, client: ClientState): FlowScope {
  if (crossZoneOn(world, tg))
    return { az: null, movedFrom: null, failOpen: healthyIn(world, tg, null) === 0 }
  const own = nodeAzOf(world, client)
  if (healthyIn(world, tg, own) > 0) return { az: own, movedFrom: null, failOpen: false }
  const start = AVAILABILITY_ZONES.indexOf(own as (typeof AVAILABILITY_ZONES)[number])
  for (let i = 1; i < AVAILABILITY_ZONES.length; i++) {
    const az = AVAILABILITY_ZONES[(start + i) % AVAILABILITY_ZONES.length]!
    if (healthyIn(world, tg, az) > 0) return { az, movedFrom: own, failOpen: false }
  }
  return { az: own, movedFrom: null, failOpen: true }
}

/** Whether a registration may receive a NEW flow within the scope. */
export function takesNewFlows(world: World, reg: RegistrationState, scope: FlowScope): boolean {
  const ok = scope.failOpen
    ? isRoutableIgnoringHealth(reg)
    : reg.state === 'healthy' && !reg.deregistered
  return ok && (scope.az === null || azOf(world, reg) === scope.az)
}

/** The target a hash selects among the registrations that take new flows (registration order), or null. */
export function pickByHash(
  world: World,
  tg: TargetGroupState,
  scope: FlowScope,
  hash: number,
): RegistrationState | null {
  const regs = tg.targets
  let count = 0
  for (let i = 0; i < regs.length; i++) if (takesNewFlows(world, regs[i]!, scope)) count++
  if (count === 0) return null
  let k = hash % count
  for (let i = 0; i < regs.length; i++) {
    const r = regs[i]!
    if (!takesNewFlows(world, r, scope)) continue
    if (k === 0) return r
    k--
  }
  return null
}

/** The registration of a target id in a group (the live one if it was registered more than once). */
export function registrationOf(tg: TargetGroupState, targetId: string): RegistrationState | null {
  let found: RegistrationState | null = null
  for (const r of tg.targets) if (r.id === targetId) found = r
  return found
}
