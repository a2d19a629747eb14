// What each command checks before it changes anything, as pure functions of the world and the (already copied and
// type-checked) arguments. The command methods call them and then apply; validateCommand calls them alone, so
// "would AWS accept this, and if not which field" and the call's own refusal can never disagree (ADR 0010).
// A check returns the failure the call returns, or, for a call that refuses by throwing, a refusal (errors.ts
// `refusal`) that the method throws and validateCommand returns.
import type {
  AppConfig,
  CreateTargetGroupOptions,
  ForwardConfig,
  HealthCheckUpdate,
  LoadBalancerType,
  RequestOptions,
  Result,
} from '../model/api'
import { asTargetGroupName, asTargetId, type TargetGroupName, type TargetId } from '../model/ids'
import { TARGET_GROUP_PROTOCOLS } from '../model/loadBalancerTypes'
import type {
  HealthCheckSettings,
  ListenerState,
  TargetGroupProtocol,
  TargetGroupState,
  World,
} from '../model/world'
import { findGroup } from '../queries/labQueries'
import { MAX_GROUP_SERIAL } from '../rules/cookieCodec'
import type { Dict } from '../dict'
import { Errors, memberField, OK, refusal, type Failure } from '../rules/errors'
import { familiesFor, isFamilyType } from '../familySlot'
import { validateLoadBalancerAttributes } from '../rules/loadBalancerAttributes'
import { APP_COOKIE_VALUE_BYTES } from '../rules/appCookieSize'
import {
  isValidTargetId,
  validateAttributeChanges,
  validateForward,
  validateHealthCheckUpdate,
  validateTargetGroupName,
} from '../rules/validation'

/** Upper bound for createTargetGroup's `targets` option (keeps the UI readable). */
export const MAX_TARGETS_ON_CREATE = 20

const COOKIE_TOKEN = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]{1,256}$/

/** A check's success as a plain Result (what validateCommand answers). */
export function resultOf(checked: { ok: true } | Failure): Result {
  return checked.ok ? OK : checked
}

export function checkCreateTargetGroup(
  world: World,
  name: unknown,
  options: CreateTargetGroupOptions | undefined,
): { ok: true; name: TargetGroupName; protocol: TargetGroupProtocol; count: number } | Failure {
  const bad = validateTargetGroupName(world, name)
  if (bad !== null) return bad
  // A name that passed AWS's naming rules and is not taken is a target group name from here on.
  const checkedName = asTargetGroupName(name as string)
  if (world.counters.targetGroupSerial > MAX_GROUP_SERIAL) return Errors.tooManyTargetGroups()
  const count = options?.targets ?? 0
  if (
    typeof count !== 'number' ||
    !Number.isInteger(count) ||
    count < 0 ||
    count > MAX_TARGETS_ON_CREATE
  )
    return Errors.targetCount(count, MAX_TARGETS_ON_CREATE)
  const type = world.loadBalancerType
  if (type === 'classic') return Errors.classicHasNoTargetGroups()
  const allowed = TARGET_GROUP_PROTOCOLS[type]
  const protocol = options?.protocol ?? allowed[0]!
  if (!allowed.includes(protocol)) {
    return type === 'network'
      ? Errors.networkTargetGroupProtocol(protocol)
      : type === 'gateway'
        ? Errors.gatewayTargetGroupProtocol(protocol)
        : Errors.targetGroupProtocol(protocol)
  }
  return { ok: true, name: checkedName, protocol, count }
}

export function checkAttributes(
  world: World,
  name: string,
  attributes: Record<string, unknown>,
): { ok: true; tg: TargetGroupState; attributes: Dict<string> } | Failure {
  const tg = findGroup(world, name)
  if (tg === undefined) return Errors.targetGroupNotFound()
  if (attributes === null || typeof attributes !== 'object')
    return Errors.attributeValueNotString('attributes')
  const checked = validateAttributeChanges(tg, attributes, world.listener)
  return checked.ok ? { ok: true, tg, attributes: checked.attributes } : checked
}

export function checkHealthCheck(
  world: World,
  name: string,
  settings: HealthCheckUpdate | undefined,
): { ok: true; tg: TargetGroupState; settings: HealthCheckSettings } | Failure {
  const tg = findGroup(world, name)
  if (tg === undefined) return Errors.targetGroupNotFound()
  const checked = validateHealthCheckUpdate(tg.healthCheck, settings ?? {})
  return checked.ok ? { ok: true, tg, settings: checked.settings } : checked
}

/** A call modelled only for the Application Load Balancer, under another type. */
export function albOnly(type: LoadBalancerType, what: string): Failure | null {
  return type === 'application'
    ? null
    : refusal('TypeError', `${what} is modelled for the Application Load Balancer only`)
}

export function checkListenerProtocol(world: World, protocol: unknown): Failure | null {
  if (protocol !== 'HTTP' && protocol !== 'HTTPS')
    return refusal('TypeError', "protocol must be 'HTTP' or 'HTTPS'", 'Protocol')
  return albOnly(world.loadBalancerType, 'setListenerProtocol')
}

export function checkForward(
  world: World,
  forward: ForwardConfig,
): { ok: true; forward: ListenerState['forward'] } | Failure {
  const type = world.loadBalancerType
  if (type === 'classic') return Errors.classicHasNoTargetGroups()
  const checked = validateForward(world, forward)
  if (!checked.ok) return checked
  // NLB and GWLB listeners forward to one group, without target group stickiness.
  if (
    type !== 'application' &&
    (checked.forward.targetGroups.length !== 1 || checked.forward.stickiness.enabled)
  )
    return Errors.forwardSingleGroup()
  return checked
}

/** RegisterTargets / DeregisterTargets: the group and the ids (a list member by member). */
export function checkTargets(
  world: World,
  name: string,
  ids: unknown,
): { ok: true; tg: TargetGroupState; ids: TargetId[] } | Failure {
  const tg = findGroup(world, name)
  if (tg === undefined) return Errors.targetGroupNotFound()
  const bad = checkIdList(ids, 'Targets', 'Id')
  // Every member is a well-formed instance id (isValidTargetId): target ids from here on.
  return bad ?? { ok: true, tg, ids: (ids as string[]).map(asTargetId) }
}

/** A non-empty list of well-formed instance ids (RegisterTargets, RegisterInstancesWithLoadBalancer). */
export function checkIdList(ids: unknown, list: string, member: string): Failure | null {
  if (!Array.isArray(ids) || ids.length === 0) return Errors.noTargetsGiven(list)
  for (const [i, id] of ids.entries())
    if (!isValidTargetId(id)) return Errors.invalidTargetId(id, memberField(list, i, member))
  return null
}

export function checkAppConfig(app: AppConfig): Failure | null {
  const sc = app?.sessionCookie
  if (sc !== undefined && sc !== null) {
    if (typeof sc.name !== 'string' || !COOKIE_TOKEN.test(sc.name))
      return refusal('TypeError', 'sessionCookie.name must be a cookie token', 'sessionCookie.name')
    const m = sc.maxAgeSeconds
    if (m !== undefined && (typeof m !== 'number' || !Number.isInteger(m) || m < 0))
      return refusal(
        'RangeError',
        'sessionCookie.maxAgeSeconds must be a whole number >= 0',
        'sessionCookie.maxAgeSeconds',
      )
    const b = sc.valueBytes
    const { min, max } = APP_COOKIE_VALUE_BYTES
    if (b !== undefined && (typeof b !== 'number' || !Number.isInteger(b) || b < min || b > max))
      return refusal(
        'RangeError',
        `sessionCookie.valueBytes must be a whole number ${min}-${max}`,
        'sessionCookie.valueBytes',
      )
  }
  if (
    app?.sessionStore !== undefined &&
    app.sessionStore !== 'memory' &&
    app.sessionStore !== 'external'
  )
    return refusal('TypeError', "sessionStore must be 'memory' or 'external'", 'sessionStore')
  const l = app?.latencySeconds
  if (l !== undefined && (typeof l !== 'number' || !Number.isFinite(l) || l < 0))
    return refusal('RangeError', 'latencySeconds must be a finite number >= 0', 'latencySeconds')
  return null
}

/** A request's flow options against the load balancer type and (NLB) the listener's protocol. */
export function checkRequestOptions(
  world: World,
  options: RequestOptions | null | undefined,
): Failure | null {
  if (options == null) return null
  if (options.preflight === true) {
    if (options.crossSite !== true)
      return refusal(
        'TypeError',
        'preflight needs crossSite: true (browsers preflight only cross-origin requests)',
        'preflight',
      )
    if (world.loadBalancerType !== 'application')
      return refusal(
        'TypeError',
        'preflight is modelled on an Application Load Balancer only',
        'preflight',
      )
  }
  const d = options.durationSeconds
  if (d !== undefined && (typeof d !== 'number' || !Number.isFinite(d) || d < 0))
    return refusal('RangeError', 'durationSeconds must be a finite number >= 0', 'durationSeconds')
  // An NLB's and a GWLB's flow options (protocol, destination) come with their families.
  const type = world.loadBalancerType
  return isFamilyType(type) ? familiesFor(type).requestOptionsProblem(world, options) : null
}

/** ModifyLoadBalancerAttributes: every key of the type's table (loadBalancerAttributes.ts). */
export function checkLoadBalancerAttributes(
  world: World,
  attributes: Record<string, string>,
): ReturnType<typeof validateLoadBalancerAttributes> {
  return validateLoadBalancerAttributes(world, attributes)
}
