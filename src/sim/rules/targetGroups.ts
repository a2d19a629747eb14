// Target group lifecycle: creation with default attributes and health-check settings, applying a
// validated attribute set, and keeping "in use" in step with the listener's forward action.

import { dictSet, newDict } from '../dict'
import type { TargetGroupName } from '../model/ids'
import {
  ALB_TARGET_GROUP_ATTRIBUTE_DEFAULTS,
  HEALTH_CHECK_DEFAULTS,
} from '../model/targetGroupAttributes'
import {
  defaultPort,
  FLOW_HEALTH_CHECK_DEFAULTS,
  GWLB_TARGET_GROUP_ATTRIBUTE_DEFAULTS,
  NLB_TARGET_GROUP_ATTRIBUTE_DEFAULTS,
} from '../model/loadBalancerTypes'
import type { Dict } from '../dict'
import type {
  HealthCheckSettings,
  ListenerState,
  TargetGroupProtocol,
  TargetGroupState,
  World,
} from '../model/world'
import { setTargetGroupInUse } from './health'
import { parseAttributes } from './validation'
import { targetGroupEntry } from '../worldEntries'

/** Creates an empty target group (not in use until the listener forwards to it). */
export function newTargetGroup(
  world: World,
  name: TargetGroupName,
  protocol: TargetGroupProtocol,
): TargetGroupState {
  const alb = protocol === 'HTTP' || protocol === 'HTTPS'
  const attributes: Dict<string> = {
    ...(alb
      ? ALB_TARGET_GROUP_ATTRIBUTE_DEFAULTS
      : protocol === 'GENEVE'
        ? GWLB_TARGET_GROUP_ATTRIBUTE_DEFAULTS
        : NLB_TARGET_GROUP_ATTRIBUTE_DEFAULTS),
  }
  const serial = world.counters.targetGroupSerial++
  const healthCheck: HealthCheckSettings = alb
    ? {
        HealthCheckProtocol: protocol === 'HTTPS' ? 'HTTPS' : 'HTTP',
        HealthCheckPort: 'traffic-port',
        HealthCheckPath: '/',
        ...HEALTH_CHECK_DEFAULTS,
        Matcher: { HttpCode: '200' },
      }
    : {
        // TCP checks: a connection to the port is the whole check (path and matcher are not used).
        HealthCheckProtocol: 'TCP',
        // GENEVE's 6081 is not a TCP service: GWLB appliances are checked on port 80.
        HealthCheckPort: protocol === 'GENEVE' ? '80' : 'traffic-port',
        HealthCheckPath: '/',
        ...FLOW_HEALTH_CHECK_DEFAULTS,
        Matcher: { HttpCode: '200' },
      }
  const tg: TargetGroupState = {
    name,
    serial,
    protocol,
    port: defaultPort(protocol),
    attributes,
    parsed: parseAttributes(attributes),
    healthCheck,
    targets: [],
    rrCursor: 0,
    inUse: false,
    requestCount: 0,
  }
  // NLB groups keep a source_ip sticky table, GWLB groups a flow table (both JSON data in the world).
  if (protocol === 'GENEVE') tg.flowTable = newDict()
  else if (!alb) tg.sourceIpTable = newDict()
  dictSet(world.targetGroups, name, tg)
  world.targetGroupOrder.push(name)
  world.targetGroupBySerial[serial] = name
  return tg
}

/** Swaps in a validated attribute map and keeps derived state consistent. */
export function applyAttributes(tg: TargetGroupState, attributes: Dict<string>): void {
  const before = tg.parsed
  tg.attributes = attributes
  tg.parsed = parseAttributes(attributes)
  // Turning slow start off ends any ramp in progress; turning it on does not start one for
  // targets that are already healthy (reference §9).
  if (before.slowStartSeconds > 0 && tg.parsed.slowStartSeconds === 0) {
    for (const r of tg.targets) {
      r.slowStartFromMs = null
      r.slowStartEndsAtMs = null
    }
  }
}

/** Replaces the forward action and attaches/detaches target groups accordingly. */
export function applyForward(world: World, forward: ListenerState['forward']): void {
  world.listener.forward = forward
  for (const name of world.targetGroupOrder) {
    const tg = targetGroupEntry(world, name)
    setTargetGroupInUse(
      world,
      tg,
      forward.targetGroups.some((g) => g.name === name),
    )
  }
}
