// What NLB and GWLB flows need in every lab: their idle timeouts (the clock drops idled-out flows and schedules the
// next expiry) and the flow metrics a new load balancer starts. How a flow is opened, hashed and routed is in
// flowRouting.ts, which loads with the Network, Gateway and Classic families (ADR 0018).

import type { FlowMetricCounters, FlowProtocol, World } from '../model/world'
import { idleTimeoutSeconds } from '../model/loadBalancerTypes'
import { tcpIdleSeconds } from './listenerAttributes'
import { clientEntry } from '../worldEntries'

/** Ephemeral source ports (IANA dynamic range). */
export const FIRST_EPHEMERAL_PORT = 49152
export const LAST_EPHEMERAL_PORT = 65535

export function newFlowMetrics(): FlowMetricCounters {
  return { NewFlowCount: 0, NewFlowCount_TCP: 0, NewFlowCount_UDP: 0 }
}

/** Whether a flow has been idle longer than its protocol's timeout (then the next packet is a new flow). */
export function isIdledOut(
  protocol: FlowProtocol,
  lastSeenMs: number,
  nowMs: number,
  tcpSeconds?: number,
): boolean {
  return nowMs - lastSeenMs > idleTimeoutSeconds(protocol, tcpSeconds) * 1000
}

/** Earliest idle-timeout instant of any open flow (NLB/GWLB only), or null. */
export function flowExpiryMs(world: World): number | null {
  const type = world.loadBalancerType
  if (type !== 'network' && type !== 'gateway') return null
  let best: number | null = null
  for (const id of world.clientOrder) {
    for (const f of clientEntry(world, id).flows) {
      const t = f.lastSeenMs + idleTimeoutSeconds(f.protocol, tcpIdleSeconds(world)) * 1000
      if (best === null || t < best) best = t
    }
  }
  return best
}

/** Drops flows that have idled out at the current time; returns whether any was dropped. */
export function pruneIdleFlows(world: World): boolean {
  const type = world.loadBalancerType
  if (type !== 'network' && type !== 'gateway') return false
  let dropped = false
  for (const id of world.clientOrder) {
    const c = clientEntry(world, id)
    if (c.flows.length === 0) continue
    const tcp = tcpIdleSeconds(world)
    const kept = c.flows.filter((f) => !isIdledOut(f.protocol, f.lastSeenMs, world.nowMs, tcp))
    if (kept.length !== c.flows.length) {
      c.flows = kept
      dropped = true
    }
  }
  return dropped
}
