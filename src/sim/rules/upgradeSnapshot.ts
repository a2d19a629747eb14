// What restoreLab fills in for snapshots taken by older builds, so saved labs and links keep loading.
import type { World } from '../model/world'
import { newFlowMetrics } from './flows'
import { nextDefaultSourceIp } from './sourceIp'
import { upgradeStickyReset } from './sourceIpTable'
import { clientEntry } from '../worldEntries'

/** Brings a deep-copied snapshot up to today's world: load balancer types, then today's facts. */
export function upgradeSnapshot(world: World): World {
  return upgradeFacts(upgradeWorld(world))
}

/** Fills in what snapshots taken before load balancer types existed lack (all ALB). */
function upgradeWorld(world: World): World {
  if (world.loadBalancerType !== undefined) return world
  world.loadBalancerType = 'application'
  world.loadBalancerAttributes = { crossZone: false }
  world.classic = null
  world.flowMetrics = newFlowMetrics()
  world.counters.sourceIp ??= 0
  world.counters.sourcePort ??= 49151
  for (const id of world.clientOrder) {
    const c = clientEntry(world, id)
    c.flows ??= []
    c.sourceIp ??= nextDefaultSourceIp(world)
  }
  return world
}

/** Brings an older snapshot's worded state up to today's facts (its history keeps the explanations it has). */
function upgradeFacts(world: World): World {
  for (const name of Object.keys(world.targetGroups)) upgradeStickyReset(world.targetGroups[name]!)
  return world
}
