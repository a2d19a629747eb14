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

/** Sets up `type`'s default listener (and, for a CLB, its empty policies) and returns its one group. */
export function newLoadBalancer(world: World, type: FamilyType): TargetGroupState {
  const stickiness = { enabled: false, durationSeconds: 3600 }
  switch (type) {
    case 'network': {
      world.listener = {
        protocol: 'HTTP',
        port: 80,
        transport: 'TCP',
        forward: { targetGroups: [], stickiness },
      }
      const tg = newTargetGroup(world, asTargetGroupName('web'), 'TCP')
      applyForward(world, { targetGroups: [{ name: 'web', weight: 1 }], stickiness })
      return tg
    }
    case 'gateway': {
      world.listener = {
        protocol: 'HTTP',
        port: 6081,
        transport: 'GENEVE',
        forward: { targetGroups: [], stickiness },
      }
      const tg = newTargetGroup(world, asTargetGroupName('appliances'), 'GENEVE')
      applyForward(world, { targetGroups: [{ name: 'appliances', weight: 1 }], stickiness })
      return tg
    }
    case 'classic': {
      world.listener = { protocol: 'HTTP', port: 80, forward: { targetGroups: [], stickiness } }
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
