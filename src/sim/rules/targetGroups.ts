// Target group lifecycle: creation with default attributes and health-check settings, applying a
// validated attribute set, and keeping "in use" in step with the listener's forward action.

import { dictGet, dictSet } from '../dict'
import {
  ALB_TARGET_GROUP_ATTRIBUTE_DEFAULTS,
  HEALTH_CHECK_DEFAULTS,
} from '../model/targetGroupAttributes'
import type { Dict } from '../dict'
import type { ListenerState, TargetGroupProtocol, TargetGroupState, World } from '../model/world'
import { setTargetGroupInUse } from './health'
import { parseAttributes } from './validation'

/** Creates an empty target group (not in use until the listener forwards to it). */
export function newTargetGroup(
  world: World,
  name: string,
  protocol: TargetGroupProtocol,
): TargetGroupState {
  const attributes: Dict<string> = { ...ALB_TARGET_GROUP_ATTRIBUTE_DEFAULTS }
  const serial = world.counters.targetGroupSerial++
  const tg: TargetGroupState = {
    name,
    serial,
    protocol,
    port: protocol === 'HTTPS' ? 443 : 80,
    attributes,
    parsed: parseAttributes(attributes),
    healthCheck: {
      HealthCheckProtocol: protocol === 'HTTPS' ? 'HTTPS' : 'HTTP',
      HealthCheckPort: 'traffic-port',
      HealthCheckPath: '/',
      ...HEALTH_CHECK_DEFAULTS,
      Matcher: { HttpCode: '200' },
    },
    targets: [],
    rrCursor: 0,
    inUse: false,
    requestCount: 0,
  }
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
    const tg = dictGet(world.targetGroups, name)!
    setTargetGroupInUse(
      world,
      tg,
      forward.targetGroups.some((g) => g.name === name),
    )
  }
}
