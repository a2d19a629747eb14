// Pure mapping for the target group settings form: a draft from the current configuration, the draft
// → the changed attributes (one ModifyTargetGroupAttributes) and health-check fields (one
// ModifyTargetGroup), and an AWS error → the form field it concerns, by the key the error names (`field`).
import { dictGet } from '../sim'
import {
  ALB_ATTRIBUTE_SPECS,
  type HealthCheckUpdate,
  type HealthCheckView,
  type LabQueries,
  type Result,
} from '../sim'
// The core's own pure health-check validator, so "Apply" can check the second call before making the
// first one: either both changes land or neither does (the core has no multi-call transaction).
import { validateHealthCheckUpdate, type HealthCheckSettings } from '../sim'

export type StickinessChoice = 'off' | 'lb_cookie' | 'app_cookie'

/** Form fields that can carry an error; "form" is the top of the form. */
export type TargetGroupField =
  | 'stickiness'
  | 'duration'
  | 'cookieName'
  | 'algorithm'
  | 'anomalyMitigation'
  | 'crossZone'
  | 'deregistrationDelay'
  | 'slowStart'
  | 'interval'
  | 'timeout'
  | 'healthyThreshold'
  | 'unhealthyThreshold'
  | 'form'

/** What the learner is editing. Numbers stay as typed text so that 0 or 700000 reach AWS unchanged. */
export interface TargetGroupDraft {
  stickiness: StickinessChoice
  /** stickiness.lb_cookie.duration_seconds */
  lbCookieDuration: string
  /** stickiness.app_cookie.duration_seconds */
  appCookieDuration: string
  /** stickiness.app_cookie.cookie_name */
  cookieName: string
  /** load_balancing.algorithm.type */
  algorithm: string
  /** load_balancing.algorithm.anomaly_mitigation ("on" | "off") */
  anomalyMitigation: string
  /** load_balancing.cross_zone.enabled */
  crossZone: string
  /** deregistration_delay.timeout_seconds */
  deregistrationDelay: string
  /** slow_start.duration_seconds */
  slowStart: string
  interval: string
  timeout: string
  healthyThreshold: string
  unhealthyThreshold: string
}

/** The four health-check settings the form edits, with AWS field names. */
export interface HealthCheckNumbers {
  HealthCheckIntervalSeconds: number
  HealthCheckTimeoutSeconds: number
  HealthyThresholdCount: number
  UnhealthyThresholdCount: number
}

export interface TargetGroupConfig {
  attributes: Record<string, string>
  healthCheck: HealthCheckView
}

export interface TargetGroupChanges {
  /** Only the attributes whose value differs from the current one, in a stable order. */
  attributes: Record<string, string>
  /** Only the health-check fields that differ; empty when none changed. */
  healthCheck: HealthCheckUpdate
}

/** Duration presets offered beside the stickiness duration (all within AWS's 1–604800 s). */
export const DURATION_PRESETS: readonly { label: string; seconds: number }[] = [
  { label: '20 s', seconds: 20 },
  { label: '1 min', seconds: 60 },
  { label: '1 h', seconds: 3600 },
  { label: '1 day', seconds: 86400 },
  { label: '7 days', seconds: 604800 },
]

/** Routing algorithms, with the console's names. */
export const ALGORITHM_OPTIONS: readonly { value: string; label: string }[] = [
  { value: 'round_robin', label: 'Round robin' },
  { value: 'least_outstanding_requests', label: 'Least outstanding requests' },
  { value: 'weighted_random', label: 'Weighted random' },
]

/** Cross-zone choices, with the console's names. */
export const CROSS_ZONE_OPTIONS: readonly { value: string; label: string }[] = [
  { value: 'use_load_balancer_configuration', label: 'Inherit from load balancer (on)' },
  { value: 'true', label: 'On' },
  { value: 'false', label: 'Off' },
]

/** Every target group's attributes and health check, in the lab's order (a handful of small objects). */
export function selectTargetGroupConfigs(
  lab: Pick<LabQueries, 'targetGroups' | 'healthCheck'>,
): (TargetGroupConfig & { name: string })[] {
  const out: (TargetGroupConfig & { name: string })[] = []
  for (const g of lab.targetGroups()) {
    const healthCheck = lab.healthCheck(g.name)
    if (healthCheck) out.push({ name: g.name, attributes: g.attributes, healthCheck })
  }
  return out
}

/**
 * Checks a health-check update exactly as the core's modifyHealthCheck will, without changing
 * anything. Returns the AWS-style failure, or ok.
 */
export function precheckHealthCheck(current: HealthCheckView, update: HealthCheckUpdate): Result {
  const checked = validateHealthCheckUpdate(current as HealthCheckSettings, update)
  return checked.ok ? { ok: true } : checked
}

const attr = (a: Record<string, string>, key: string): string => dictGet(a, key) ?? ''

export function draftFromConfig(config: TargetGroupConfig): TargetGroupDraft {
  const a = config.attributes
  const enabled = attr(a, 'stickiness.enabled') === 'true'
  const type = attr(a, 'stickiness.type')
  return {
    stickiness: !enabled ? 'off' : type === 'app_cookie' ? 'app_cookie' : 'lb_cookie',
    lbCookieDuration: attr(a, 'stickiness.lb_cookie.duration_seconds'),
    appCookieDuration: attr(a, 'stickiness.app_cookie.duration_seconds'),
    cookieName: attr(a, 'stickiness.app_cookie.cookie_name'),
    algorithm: attr(a, 'load_balancing.algorithm.type'),
    anomalyMitigation: attr(a, 'load_balancing.algorithm.anomaly_mitigation'),
    crossZone: attr(a, 'load_balancing.cross_zone.enabled'),
    deregistrationDelay: attr(a, 'deregistration_delay.timeout_seconds'),
    slowStart: attr(a, 'slow_start.duration_seconds'),
    interval: String(config.healthCheck.HealthCheckIntervalSeconds),
    timeout: String(config.healthCheck.HealthCheckTimeoutSeconds),
    healthyThreshold: String(config.healthCheck.HealthyThresholdCount),
    unhealthyThreshold: String(config.healthCheck.UnhealthyThresholdCount),
  }
}

/** The single "Stickiness duration (seconds)" field shows the duration of the selected type. */
export function durationOf(draft: TargetGroupDraft): string {
  return draft.stickiness === 'app_cookie' ? draft.appCookieDuration : draft.lbCookieDuration
}

export function withDuration(draft: TargetGroupDraft, value: string): TargetGroupDraft {
  return draft.stickiness === 'app_cookie'
    ? { ...draft, appCookieDuration: value }
    : { ...draft, lbCookieDuration: value }
}

/** The attributes the draft asks for. Stickiness keys of the type not selected are left alone. */
function wantedAttributes(draft: TargetGroupDraft): [string, string][] {
  const out: [string, string][] = []
  if (draft.stickiness === 'off') {
    out.push(['stickiness.enabled', 'false'])
  } else {
    out.push(['stickiness.enabled', 'true'])
    out.push(['stickiness.type', draft.stickiness])
    if (draft.stickiness === 'lb_cookie') {
      out.push(['stickiness.lb_cookie.duration_seconds', draft.lbCookieDuration.trim()])
    } else {
      out.push(['stickiness.app_cookie.cookie_name', draft.cookieName])
      out.push(['stickiness.app_cookie.duration_seconds', draft.appCookieDuration.trim()])
    }
  }
  out.push(['load_balancing.algorithm.type', draft.algorithm])
  out.push(['load_balancing.algorithm.anomaly_mitigation', draft.anomalyMitigation])
  out.push(['load_balancing.cross_zone.enabled', draft.crossZone])
  out.push(['deregistration_delay.timeout_seconds', draft.deregistrationDelay.trim()])
  out.push(['slow_start.duration_seconds', draft.slowStart.trim()])
  return out
}

/** Text typed in a number field → the number sent to AWS; an empty or unreadable field is NaN. */
export function numberFromText(text: string): number {
  const t = text.trim()
  return t === '' ? Number.NaN : Number(t)
}

const HEALTH_FIELDS: [keyof HealthCheckNumbers, keyof TargetGroupDraft][] = [
  ['HealthCheckIntervalSeconds', 'interval'],
  ['HealthCheckTimeoutSeconds', 'timeout'],
  ['HealthyThresholdCount', 'healthyThreshold'],
  ['UnhealthyThresholdCount', 'unhealthyThreshold'],
]

/** What "Apply" must send: the attributes and health-check fields that differ from the current ones. */
export function changesFromDraft(
  draft: TargetGroupDraft,
  config: TargetGroupConfig,
): TargetGroupChanges {
  const attributes: Record<string, string> = {}
  for (const [key, value] of wantedAttributes(draft)) {
    if (dictGet(config.attributes, key) !== value) attributes[key] = value
  }
  const healthCheck: HealthCheckUpdate = {}
  for (const [awsField, draftField] of HEALTH_FIELDS) {
    const value = numberFromText(draft[draftField] as string)
    if (!Object.is(value, config.healthCheck[awsField])) healthCheck[awsField] = value
  }
  return { attributes, healthCheck }
}

export function hasChanges(changes: TargetGroupChanges): boolean {
  return Object.keys(changes.attributes).length > 0 || Object.keys(changes.healthCheck).length > 0
}

/** The attribute keys and health-check fields the form edits (as a failure's `field` names them) → form fields. */
const FIELD_OF_KEY: ReadonlyMap<string, TargetGroupField> = new Map([
  ['stickiness.enabled', 'stickiness'],
  ['stickiness.type', 'stickiness'],
  ['stickiness.lb_cookie.duration_seconds', 'duration'],
  ['stickiness.app_cookie.duration_seconds', 'duration'],
  ['stickiness.app_cookie.cookie_name', 'cookieName'],
  ['load_balancing.algorithm.type', 'algorithm'],
  ['load_balancing.algorithm.anomaly_mitigation', 'anomalyMitigation'],
  ['load_balancing.cross_zone.enabled', 'crossZone'],
  ['deregistration_delay.timeout_seconds', 'deregistrationDelay'],
  ['slow_start.duration_seconds', 'slowStart'],
  ['HealthCheckIntervalSeconds', 'interval'],
  ['HealthCheckTimeoutSeconds', 'timeout'],
  ['HealthyThresholdCount', 'healthyThreshold'],
  ['UnhealthyThresholdCount', 'unhealthyThreshold'],
])

/**
 * The form field an AWS error concerns: the one showing the key the error names (`field`). A rule about several
 * keys ("stickiness and weighted random") names the one the request changed, so the error lands beside the field
 * the learner just edited. An error naming no field of this form goes to the top of the form.
 */
export function fieldForTargetGroupError(failure: { field?: string }): TargetGroupField {
  const field = failure.field === undefined ? undefined : FIELD_OF_KEY.get(failure.field)
  return field ?? 'form'
}

/**
 * The attribute changes that switch a group's stickiness to `choice`, through the full form's mapping (so AWS's
 * validation decides): what the stage's Stickiness radios and the keyboard shortcuts send. An application cookie
 * needs a name; when the group has none yet, the app's own session cookie (`appCookie`) is offered.
 */
export function stickinessChoiceChanges(
  config: TargetGroupConfig,
  choice: StickinessChoice,
  appCookie: string | null,
): Record<string, string> {
  const current = draftFromConfig(config)
  const cookieName =
    choice === 'app_cookie' && current.cookieName === '' && appCookie
      ? { cookieName: appCookie }
      : {}
  return changesFromDraft({ ...current, stickiness: choice, ...cookieName }, config).attributes
}

/**
 * The range AWS accepts for a numeric ALB target group attribute, from the core's attribute table (the one its
 * validation uses), so a form's limits and hints cannot drift from the rules. `zero` says 0 is also accepted
 * (slow start: 0 turns it off).
 */
export function attributeRange(key: string): { min: number; max: number; zero: boolean } {
  const spec = dictGet(ALB_ATTRIBUTE_SPECS, key)
  if (spec === undefined || (spec.kind !== 'int' && spec.kind !== 'zeroOrInt'))
    throw new Error(`${key} is not a numeric ALB target group attribute`)
  return { min: spec.min, max: spec.max, zero: spec.kind === 'zeroOrInt' }
}
