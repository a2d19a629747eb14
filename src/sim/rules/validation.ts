// Validation of configuration calls, all-or-nothing: attribute changes are checked key by key and
// then as the RESULTING configuration (current attributes merged with the request), the way AWS
// rejects incompatible combinations. Returns the normalised new state or an AWS-style failure.

import type { Dict } from '../dict'
import { dictGet, dictSet } from '../dict'
import type { ForwardConfig, HealthCheckUpdate } from '../model/api'
import {
  GWLB_ATTRIBUTE_SPECS,
  GWLB_STICKINESS_TYPES,
  NLB_ATTRIBUTE_SPECS,
} from '../model/loadBalancerTypes'
import type { AttributeSpec } from '../model/targetGroupAttributes'
import {
  ALB_ATTRIBUTE_SPECS,
  ALL_STICKINESS_TYPES,
  HEALTH_CHECK_RANGES,
  MAX_FORWARD_TARGET_GROUPS,
  MAX_FORWARD_WEIGHT,
  MIN_FORWARD_WEIGHT,
  RESERVED_COOKIE_PREFIXES,
  STICKINESS_TYPES_BY_PROTOCOL,
  TG_STICKINESS_DEFAULT_SECONDS,
  TG_STICKINESS_MAX_SECONDS,
  TG_STICKINESS_MIN_SECONDS,
} from '../model/targetGroupAttributes'
import type {
  HealthCheckSettings,
  ListenerState,
  ParsedAttributes,
  TargetGroupState,
  World,
} from '../model/world'
import type { Failure } from './errors'
import { blame, Errors, memberField } from './errors'

const KEY_PATTERN = /^[a-zA-Z0-9._]+$/
const INT_PATTERN = /^[+-]?\d+$/
const COOKIE_NAME_PATTERN = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]{1,256}$/

function parseIntStrict(value: string): number | null {
  return INT_PATTERN.test(value) ? Number(value) : null
}

/** The attribute table for a target group's protocol: ALB (HTTP/HTTPS), GWLB (GENEVE) or NLB. */
export function attributeSpecsFor(protocol: string): Readonly<Record<string, AttributeSpec>> {
  if (protocol === 'HTTP' || protocol === 'HTTPS') return ALB_ATTRIBUTE_SPECS
  return protocol === 'GENEVE' ? GWLB_ATTRIBUTE_SPECS : NLB_ATTRIBUTE_SPECS
}

/** Checks one value against its spec; returns the canonical string or a failure. */
export function validateValue(
  specs: Readonly<Record<string, AttributeSpec>>,
  key: string,
  value: string,
): string | Failure {
  const spec = dictGet(specs, key)
  if (spec === undefined) return Errors.attributeNotSupported(key)
  switch (spec.kind) {
    case 'text':
      return value
    case 'gwlbStickinessType':
      if ((GWLB_STICKINESS_TYPES as readonly string[]).includes(value)) return value
      return Errors.gwlbStickinessType(value)
    case 'bool':
      if (value === 'true' || value === 'false') return value
      return Errors.oneOf(key, value, ['true', 'false'])
    case 'enum':
      if (spec.values.includes(value)) return value
      return Errors.oneOf(key, value, spec.values)
    case 'stickinessType':
      if ((ALL_STICKINESS_TYPES as readonly string[]).includes(value)) return value
      return Errors.oneOf(key, value, ALL_STICKINESS_TYPES)
    case 'int': {
      const n = parseIntStrict(value)
      if (n === null || n < spec.min || n > spec.max)
        return Errors.intRange(key, value, spec.min, spec.max)
      return String(n)
    }
    case 'zeroOrInt': {
      const n = parseIntStrict(value)
      if (n === null || (n !== 0 && (n < spec.min || n > spec.max))) {
        return Errors.zeroOrIntRange(key, value, spec.min, spec.max)
      }
      return String(n)
    }
    case 'offOrInt': {
      if (value === 'off') return value
      const n = parseIntStrict(value)
      if (n === null || n < spec.min || n > spec.max)
        return Errors.offOrIntRange(key, value, spec.min, spec.max)
      return String(n)
    }
    case 'cookieName':
      // Empty means "not set" (the default); anything else must be a token and not reserved.
      if (value === '') return value
      for (const prefix of RESERVED_COOKIE_PREFIXES) {
        if (value.startsWith(prefix)) return Errors.reservedCookieName(value)
      }
      if (!COOKIE_NAME_PATTERN.test(value)) return Errors.invalidCookieName(value)
      return value
  }
}

/** Turns attribute strings into the typed view the request path uses. Assumes they are valid. */
export function parseAttributes(a: Dict<string>): ParsedAttributes {
  const get = (k: string): string => dictGet(a, k) ?? ''
  const pct = get('target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage')
  return {
    stickinessEnabled: get('stickiness.enabled') === 'true',
    stickinessType: get('stickiness.type'),
    lbCookieDurationSeconds: Number(get('stickiness.lb_cookie.duration_seconds')),
    appCookieName: get('stickiness.app_cookie.cookie_name'),
    appCookieDurationSeconds: Number(get('stickiness.app_cookie.duration_seconds')),
    algorithm: get('load_balancing.algorithm.type') as ParsedAttributes['algorithm'],
    anomalyMitigation: get('load_balancing.algorithm.anomaly_mitigation') === 'on',
    slowStartSeconds: Number(get('slow_start.duration_seconds')),
    deregistrationDelaySeconds: Number(get('deregistration_delay.timeout_seconds')),
    crossZone: get('load_balancing.cross_zone.enabled') as ParsedAttributes['crossZone'],
    // NLB and GWLB groups have no such key: they fail open only when no target is healthy.
    minHealthyCount: Number(
      get('target_group_health.unhealthy_state_routing.minimum_healthy_targets.count') || '1',
    ),
    minHealthyPercent: pct === 'off' ? null : Number(pct),
  }
}

const STICKINESS_KEYS = ['stickiness.enabled', 'stickiness.type'] as const
const ALGORITHM = 'load_balancing.algorithm.type'

/**
 * Rules that involve several attributes (or the listener), checked on the merged configuration. Each failure
 * blames the attribute the request set among those involved (`requested`), so a form puts it beside the field the
 * learner just changed; the order of the keys says which one wins when the request set several.
 */
function checkCombination(
  tg: Pick<TargetGroupState, 'name' | 'protocol'>,
  merged: Dict<string>,
  listener: ListenerState,
  requested: (key: string) => boolean,
): Failure | null {
  const p = parseAttributes(merged)
  const sticky = (first?: string): string =>
    blame(first === undefined ? STICKINESS_KEYS : [first, ...STICKINESS_KEYS], requested)
  if (tg.protocol === 'GENEVE') {
    const onDereg = dictGet(merged, 'target_failover.on_deregistration')
    if (onDereg !== dictGet(merged, 'target_failover.on_unhealthy'))
      return Errors.targetFailoverMismatch(
        blame(['target_failover.on_deregistration', 'target_failover.on_unhealthy'], requested),
      )
    return null
  }
  // Protocol support is checked even while stickiness is disabled (reference §12, O10).
  const allowed = STICKINESS_TYPES_BY_PROTOCOL[tg.protocol] ?? []
  if (!allowed.includes(p.stickinessType))
    return Errors.stickinessTypeNotSupported(p.stickinessType, tg.protocol)
  if (tg.protocol === 'TLS' && p.stickinessEnabled) return Errors.stickinessOnTls()
  if (tg.protocol !== 'HTTP' && tg.protocol !== 'HTTPS')
    return checkNlbCombination(tg.protocol, merged, requested)
  if (p.stickinessEnabled && p.stickinessType === 'app_cookie' && p.appCookieName === '') {
    return Errors.appCookieNameRequired()
  }
  if (p.stickinessEnabled && p.algorithm === 'weighted_random')
    return Errors.stickinessWithWeightedRandom(sticky(ALGORITHM))
  if (p.stickinessEnabled && p.crossZone === 'false')
    return Errors.stickinessWithCrossZoneOff(sticky('load_balancing.cross_zone.enabled'))
  const slowStart = (): string => blame(['slow_start.duration_seconds', ALGORITHM], requested)
  if (p.slowStartSeconds > 0 && p.algorithm === 'least_outstanding_requests')
    return Errors.slowStartWithLor(slowStart())
  if (p.slowStartSeconds > 0 && p.algorithm === 'weighted_random')
    return Errors.slowStartWithWeightedRandom(slowStart())
  if (p.anomalyMitigation && p.algorithm !== 'weighted_random')
    return Errors.anomalyMitigationNeedsWeightedRandom(
      blame(['load_balancing.algorithm.anomaly_mitigation', ALGORITHM], requested),
    )
  const fwd = listener.forward
  if (
    p.stickinessEnabled &&
    fwd.targetGroups.length > 1 &&
    !fwd.stickiness.enabled &&
    fwd.targetGroups.some((g) => g.name === tg.name)
  ) {
    return Errors.stickyGroupInWeightedForward(tg.name, sticky())
  }
  return null
}

const DRAINING_INTERVAL = 'target_health_state.unhealthy.draining_interval_seconds'
const UNHEALTHY_TERMINATION = 'target_health_state.unhealthy.connection_termination.enabled'

/** NLB: UDP keeps the client IP (NLB guide), and a draining interval other than 0 needs unhealthy connection
 *  termination off (API_TargetGroupAttribute). */
function checkNlbCombination(
  protocol: string,
  merged: Dict<string>,
  requested: (key: string) => boolean,
): Failure | null {
  if (
    (protocol === 'UDP' || protocol === 'TCP_UDP') &&
    dictGet(merged, 'preserve_client_ip.enabled') === 'false'
  )
    return Errors.clientIpPreservationRequired(protocol)
  const interval = dictGet(merged, DRAINING_INTERVAL)
  if (
    interval !== undefined &&
    interval !== '0' &&
    dictGet(merged, UNHEALTHY_TERMINATION) !== 'false'
  )
    return Errors.drainingIntervalNeedsTerminationOff(
      blame([DRAINING_INTERVAL, UNHEALTHY_TERMINATION], requested),
    )
  return null
}

/**
 * Validates a ModifyTargetGroupAttributes request. On success returns the merged attribute map
 * (a new object; the caller swaps it in), otherwise the first failure. Nothing is mutated.
 */
export function validateAttributeChanges(
  tg: TargetGroupState,
  changes: Record<string, unknown>,
  listener: ListenerState,
): { ok: true; attributes: Dict<string> } | Failure {
  const entries = Object.entries(changes)
  // 1. Key syntax (request-level ValidationError), as the API model constrains keys.
  for (let i = 0; i < entries.length; i++) {
    const key = entries[i]![0]
    if (key.length > 256) return Errors.attributeKeyLength(key, i + 1)
    if (!KEY_PATTERN.test(key)) return Errors.attributeKeyPattern(key, i + 1)
  }
  // 2. Keys this target-group type does not support.
  const specs = attributeSpecsFor(tg.protocol)
  for (const [key] of entries) {
    if (dictGet(specs, key) === undefined) return Errors.attributeNotSupported(key)
  }
  // 3. Each value on its own.
  const merged: Dict<string> = { ...tg.attributes }
  for (const [key, raw] of entries) {
    if (typeof raw !== 'string') return Errors.attributeValueNotString(key)
    const v = validateValue(specs, key, raw)
    if (typeof v !== 'string') return v
    dictSet(merged, key, v)
  }
  // 4. The resulting configuration as a whole.
  const combo = checkCombination(tg, merged, listener, (key) => Object.hasOwn(changes, key))
  return combo ?? { ok: true, attributes: merged }
}

const HEALTH_FIELDS = Object.keys(HEALTH_CHECK_RANGES) as (keyof typeof HEALTH_CHECK_RANGES)[]

/** Validates a health-check update against ranges and timeout < interval on the result. */
export function validateHealthCheckUpdate(
  current: HealthCheckSettings,
  update: HealthCheckUpdate,
): { ok: true; settings: HealthCheckSettings } | Failure {
  const next: HealthCheckSettings = { ...current, Matcher: { ...current.Matcher } }
  const given = new Set<string>()
  for (const [field, value] of Object.entries(update as Record<string, unknown>)) {
    if (value === undefined) continue
    given.add(field)
    if (!(HEALTH_FIELDS as string[]).includes(field)) return Errors.healthCheckUnknownField(field)
    const range = HEALTH_CHECK_RANGES[field as keyof typeof HEALTH_CHECK_RANGES]
    if (typeof value !== 'number' || !Number.isInteger(value))
      return Errors.healthCheckNotInteger(field, value)
    if (value < range.min) return Errors.healthCheckBelowMin(field, value, range.min)
    if (value > range.max) return Errors.healthCheckAboveMax(field, value, range.max)
    next[field as keyof typeof HEALTH_CHECK_RANGES] = value
  }
  if (next.HealthCheckTimeoutSeconds >= next.HealthCheckIntervalSeconds) {
    return Errors.healthCheckTimeoutNotBelowInterval(
      next.HealthCheckTimeoutSeconds,
      next.HealthCheckIntervalSeconds,
      blame(['HealthCheckTimeoutSeconds', 'HealthCheckIntervalSeconds'], (f) => given.has(f)),
    )
  }
  return { ok: true, settings: next }
}

/** Validates a forward action; returns the normalised listener forward config or a failure. */
export function validateForward(
  world: World,
  forward: ForwardConfig,
): { ok: true; forward: ListenerState['forward'] } | Failure {
  const groups = Array.isArray(forward?.targetGroups) ? forward.targetGroups : null
  if (groups === null || groups.length === 0) return Errors.forwardEmpty()
  if (groups.length > MAX_FORWARD_TARGET_GROUPS)
    return Errors.forwardTooMany(MAX_FORWARD_TARGET_GROUPS)
  const seen = new Set<string>()
  const normalised: { name: string; weight: number }[] = []
  for (const [i, g] of groups.entries()) {
    const name = String(g?.name)
    if (dictGet(world.targetGroups, name) === undefined)
      return Errors.targetGroupNotFound(memberField('TargetGroups', i, 'TargetGroupName'))
    if (seen.has(name)) return Errors.forwardDuplicate(name, i)
    seen.add(name)
    const w = g.weight
    if (
      typeof w !== 'number' ||
      !Number.isInteger(w) ||
      w < MIN_FORWARD_WEIGHT ||
      w > MAX_FORWARD_WEIGHT
    ) {
      return Errors.forwardWeight(name, w, i)
    }
    normalised.push({ name, weight: w })
  }
  // DurationSeconds is validated whenever the stickiness config is given, even when disabled (O9).
  let enabled = false
  let duration = TG_STICKINESS_DEFAULT_SECONDS
  if (forward.stickiness !== undefined && forward.stickiness !== null) {
    enabled = forward.stickiness.enabled === true
    const d = forward.stickiness.durationSeconds
    if (d === undefined) {
      if (enabled) return Errors.groupStickinessDuration()
    } else if (
      typeof d !== 'number' ||
      !Number.isInteger(d) ||
      d < TG_STICKINESS_MIN_SECONDS ||
      d > TG_STICKINESS_MAX_SECONDS
    ) {
      return Errors.groupStickinessDuration()
    } else {
      duration = d
    }
  }
  if (normalised.length > 1 && !enabled) {
    for (const g of normalised) {
      const tg = dictGet(world.targetGroups, g.name)
      if (tg !== undefined && tg.parsed.stickinessEnabled)
        return Errors.forwardNeedsGroupStickiness(g.name)
    }
  }
  return {
    ok: true,
    forward: { targetGroups: normalised, stickiness: { enabled, durationSeconds: duration } },
  }
}

const TG_NAME_PATTERN = /^[A-Za-z0-9-]+$/

/** CreateTargetGroup name rules: 1-32 alphanumerics or hyphens, no leading/trailing hyphen. */
export function validateTargetGroupName(world: World, name: unknown): Failure | null {
  if (typeof name !== 'string' || name.length === 0) return Errors.targetGroupNameEmpty()
  if (name.length > 32) return Errors.targetGroupNameLength(name)
  if (!TG_NAME_PATTERN.test(name)) return Errors.targetGroupNameChars(name)
  if (name.startsWith('-') || name.endsWith('-')) return Errors.targetGroupNameHyphen(name)
  if (dictGet(world.targetGroups, name) !== undefined) return Errors.duplicateTargetGroup(name)
  return null
}

const TARGET_ID_PATTERN = /^[A-Za-z0-9.-]{1,64}$/

/** Target ids must look like ids (the simulator launches unknown ones as new instances). */
export function isValidTargetId(id: unknown): id is string {
  return typeof id === 'string' && TARGET_ID_PATTERN.test(id)
}
