// The Classic Load Balancer's ModifyLoadBalancerAttributes and DescribeLoadBalancerAttributes (AWS's `elb` API):
// the checks of the LoadBalancerAttributes structure a caller sends, its effect, and the description.
// Modelled: ConnectionDraining (the time a deregistered instance drains, through the internal group's
// deregistration delay, as an ALB target drains; disabled = 0 s). Accepted without effect (the lab has nothing to act
// on): ConnectionSettings.IdleTimeout, AccessLog, CrossZoneLoadBalancing and elb.http.desyncmitigationmode.
import { dictGet } from '../dict'
import {
  CLB_ATTRIBUTE_DEFAULTS,
  CLB_DESYNC_MITIGATION_KEY,
  CLB_DESYNC_MITIGATION_MODES,
  CLB_DRAINING_TIMEOUT_RANGE,
  CLB_EMIT_INTERVALS,
  CLB_IDLE_TIMEOUT_RANGE,
  type ClassicLoadBalancerAttributesView,
} from '../model/classicLoadBalancerAttributes'
import type { ClbAttributes, ClbState, World } from '../model/world'
import { ClbErrors } from './classicErrors'
import { memberField, type Failure } from './failure'
import { applyAttributes } from './targetGroups'

type Input = Record<string, unknown>

/** The members each attribute structure may carry; the first of each is required. */
const MEMBERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['ConnectionDraining', ['Enabled', 'Timeout']],
  ['ConnectionSettings', ['IdleTimeout']],
  ['CrossZoneLoadBalancing', ['Enabled']],
  ['AccessLog', ['Enabled', 'S3BucketName', 'EmitInterval', 'S3BucketPrefix']],
])

const isRecord = (v: unknown): v is Input =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
/** AWS's query-API path of a member in its null-value message: `loadBalancerAttributes.connectionDraining.enabled`. */
const awsPath = (...names: string[]): string =>
  ['loadBalancerAttributes', ...names.map((n) => n[0]!.toLowerCase() + n.slice(1))].join('.')

/** The attributes in force (a lab saved before attributes existed has the defaults). */
export function clbAttributesOf(clb: ClbState): ClbAttributes {
  return clb.attributes ?? CLB_ATTRIBUTE_DEFAULTS
}

function checkBool(field: string, v: unknown): Failure | null {
  return typeof v === 'boolean' ? null : ClbErrors.clbAttributeType(field, 'true or false', v)
}

function checkInt(field: string, v: unknown, range: { min: number; max: number }): Failure | null {
  if (typeof v !== 'number' || !Number.isInteger(v))
    return ClbErrors.clbAttributeType(field, 'a whole number', v)
  return v < range.min || v > range.max
    ? ClbErrors.clbAttributeRange(field, v, range.min, range.max)
    : null
}

function checkString(field: string, v: unknown): Failure | null {
  return v === undefined || typeof v === 'string'
    ? null
    : ClbErrors.clbAttributeType(field, 'a string', v)
}

/** Unknown members and a missing required member of one structure. */
function checkShape(name: string, value: unknown): Failure | null {
  const members = MEMBERS.get(name)!
  if (!isRecord(value)) return ClbErrors.clbAttributeType(name, 'a structure', value)
  for (const key of Object.keys(value))
    if (!members.includes(key)) return ClbErrors.clbAttributeNotFound(`${name}.${key}`)
  const required = members[0]!
  const present = dictGet(value, required)
  if (present === undefined || present === null)
    return ClbErrors.clbAttributeNull(`${name}.${required}`, awsPath(name, required))
  return null
}

function nextDesync(list: unknown): { ok: true; mode: string | null } | Failure {
  if (!Array.isArray(list))
    return ClbErrors.clbAttributeType('AdditionalAttributes', 'a list', list)
  let mode: string | null = null
  for (const [i, item] of list.entries()) {
    const keyField = memberField('AdditionalAttributes', i, 'Key')
    if (!isRecord(item))
      return ClbErrors.clbAttributeType(memberField('AdditionalAttributes', i), 'a structure', item)
    if (item.Key !== CLB_DESYNC_MITIGATION_KEY) return ClbErrors.clbAttributeNotFound(keyField)
    const valueField = memberField('AdditionalAttributes', i, 'Value')
    if (!CLB_DESYNC_MITIGATION_MODES.includes(item.Value as string))
      return ClbErrors.clbAttributeOneOf(valueField, item.Value, CLB_DESYNC_MITIGATION_MODES)
    mode = item.Value as string
  }
  return { ok: true, mode }
}

/**
 * Checks a LoadBalancerAttributes structure against the attributes in force and returns the attributes it would
 * leave, or AWS's refusal. Structures not sent keep their values; a ConnectionDraining without Timeout keeps the
 * timeout; an AccessLog sent replaces the whole access log setting.
 */
export function checkClassicAttributes(
  current: ClbAttributes,
  input: unknown,
): { ok: true; next: ClbAttributes } | Failure {
  if (!isRecord(input))
    return ClbErrors.clbAttributeNull('LoadBalancerAttributes', 'loadBalancerAttributes')
  for (const key of Object.keys(input))
    if (!MEMBERS.has(key) && key !== 'AdditionalAttributes')
      return ClbErrors.clbAttributeNotFound(key)
  for (const name of MEMBERS.keys()) {
    const sent = dictGet(input, name)
    if (sent !== undefined) {
      const bad = checkShape(name, sent)
      if (bad !== null) return bad
    }
  }
  const next: ClbAttributes = {
    connectionDraining: { ...current.connectionDraining },
    idleTimeout: current.idleTimeout,
    crossZone: current.crossZone,
    accessLog: { ...current.accessLog },
    desyncMitigationMode: current.desyncMitigationMode,
  }
  const drain = dictGet(input, 'ConnectionDraining') as Input | undefined
  if (drain !== undefined) {
    const bad =
      checkBool('ConnectionDraining.Enabled', drain.Enabled) ??
      (drain.Timeout === undefined
        ? null
        : checkInt('ConnectionDraining.Timeout', drain.Timeout, CLB_DRAINING_TIMEOUT_RANGE))
    if (bad !== null) return bad
    next.connectionDraining.enabled = drain.Enabled as boolean
    if (drain.Timeout !== undefined) next.connectionDraining.timeout = drain.Timeout as number
  }
  const settings = dictGet(input, 'ConnectionSettings') as Input | undefined
  if (settings !== undefined) {
    const bad = checkInt(
      'ConnectionSettings.IdleTimeout',
      settings.IdleTimeout,
      CLB_IDLE_TIMEOUT_RANGE,
    )
    if (bad !== null) return bad
    next.idleTimeout = settings.IdleTimeout as number
  }
  const zone = dictGet(input, 'CrossZoneLoadBalancing') as Input | undefined
  if (zone !== undefined) {
    const bad = checkBool('CrossZoneLoadBalancing.Enabled', zone.Enabled)
    if (bad !== null) return bad
    next.crossZone = zone.Enabled as boolean
  }
  const log = dictGet(input, 'AccessLog') as Input | undefined
  if (log !== undefined) {
    const bad =
      checkBool('AccessLog.Enabled', log.Enabled) ??
      checkString('AccessLog.S3BucketName', log.S3BucketName) ??
      checkString('AccessLog.S3BucketPrefix', log.S3BucketPrefix) ??
      (log.EmitInterval === undefined || CLB_EMIT_INTERVALS.includes(log.EmitInterval as number)
        ? null
        : ClbErrors.clbAttributeOneOf(
            'AccessLog.EmitInterval',
            log.EmitInterval,
            CLB_EMIT_INTERVALS,
          ))
    if (bad !== null) return bad
    const bucket = (log.S3BucketName as string | undefined) ?? ''
    if (log.Enabled === true && bucket === '') return ClbErrors.clbAccessLogBucket()
    next.accessLog = {
      enabled: log.Enabled as boolean,
      s3BucketName: bucket,
      emitInterval: (log.EmitInterval as number | undefined) ?? 60,
      s3BucketPrefix: (log.S3BucketPrefix as string | undefined) ?? '',
    }
  }
  if (dictGet(input, 'AdditionalAttributes') !== undefined) {
    const desync = nextDesync(dictGet(input, 'AdditionalAttributes'))
    if (!desync.ok) return desync
    if (desync.mode !== null) next.desyncMitigationMode = desync.mode
  }
  return { ok: true, next }
}

/** How long a deregistered instance drains: the timeout while connection draining is on, else 0 (at once). */
export function drainingSeconds(attributes: ClbAttributes): number {
  return attributes.connectionDraining.enabled ? attributes.connectionDraining.timeout : 0
}

/**
 * Stores checked attributes and applies connection draining to the instances deregistered from now on (those
 * already draining keep the end they were given, as an ALB's deregistration delay change does).
 */
export function applyClassicAttributes(world: World, clb: ClbState, next: ClbAttributes): void {
  clb.attributes = next
  const tg = dictGet(world.targetGroups, clb.group)!
  applyAttributes(tg, {
    ...tg.attributes,
    'deregistration_delay.timeout_seconds': String(drainingSeconds(next)),
  })
}

/** DescribeLoadBalancerAttributes. */
export function describeClassicAttributes(clb: ClbState): ClassicLoadBalancerAttributesView {
  const a = clbAttributesOf(clb)
  const log = a.accessLog
  return {
    CrossZoneLoadBalancing: { Enabled: a.crossZone },
    AccessLog: log.enabled
      ? {
          Enabled: true,
          S3BucketName: log.s3BucketName,
          EmitInterval: log.emitInterval,
          ...(log.s3BucketPrefix === '' ? {} : { S3BucketPrefix: log.s3BucketPrefix }),
        }
      : { Enabled: false },
    ConnectionDraining: {
      Enabled: a.connectionDraining.enabled,
      Timeout: a.connectionDraining.timeout,
    },
    ConnectionSettings: { IdleTimeout: a.idleTimeout },
    AdditionalAttributes: [{ Key: CLB_DESYNC_MITIGATION_KEY, Value: a.desyncMitigationMode }],
  }
}
