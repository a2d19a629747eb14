// The default Network, Gateway and Classic load balancers a switch of type builds (loadBalancerType.ts registers
// the instances with the group returned here). They load with the Network, Gateway and Classic families (ADR 0018).
import { asTargetGroupName } from '../model/ids'
import {
  CLB_CONNECTION_DRAINING_SECONDS,
  CLB_HEALTH_CHECK_DEFAULTS,
  CLB_INSTANCE_GROUP,
} from '../model/loadBalancerTypes'
import type { TargetGroupState, World } from '../model/world'
import type { FamilyType } from '../familySlot'
import { applyAttributes, applyForward, newTargetGroup } from './targetGroups'

/** An NLB's or a GWLB's listener (TCP :80, GENEVE :6081) forwarding to one new group of that protocol. */
function flowLoadBalancer(
  world: World,
  port: number,
  transport: 'TCP' | 'GENEVE',
  group: string,
): TargetGroupState {
  const stickiness = { enabled: false, durationSeconds: 3600 }
  world.listener = { protocol: 'HTTP', port, transport, forward: { targetGroups: [], stickiness } }
  const tg = newTargetGroup(world, asTargetGroupName(group), transport)
  applyForward(world, { targetGroups: [{ name: group, weight: 1 }], stickiness })
  return tg
}

/** Sets up `type`'s default listener (and, for a CLB, its empty policies) and returns its one group. */
export function newLoadBalancer(world: World, type: FamilyType): TargetGroupState {
  switch (type) {
    case 'network':
      return flowLoadBalancer(world, 80, 'TCP', 'web')
    case 'gateway':
      return flowLoadBalancer(world, 6081, 'GENEVE', 'appliances')
    case 'classic': {
      world.listener = {
        protocol: 'HTTP',
        port: 80,
        forward: { targetGroups: [], stickiness: { enabled: false, durationSeconds: 3600 } },
      }
      world.classic = {
        loadBalancerPort: 80,
        instancePort: 80,
        policyNames: [],
        policies: [],
        group: CLB_INSTANCE_GROUP,
        tieCursor: 0,
      }
      const tg = newTargetGroup(world, CLB_INSTANCE_GROUP, 'HTTP')
      tg.healthCheck = {
        ...tg.healthCheck,
        HealthCheckPort: '80',
        ...CLB_HEALTH_CHECK_DEFAULTS,
      }
      applyAttributes(tg, {
        ...tg.attributes,
        'deregistration_delay.timeout_seconds': String(CLB_CONNECTION_DRAINING_SECONDS),
      })
      tg.inUse = true
      return tg
    }
  }
}
