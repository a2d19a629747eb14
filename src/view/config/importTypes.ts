// What every import reader produces from its format: the configuration it found, with names resolved to the lab's
// target group names, and a line for each thing it read or left out. importPlan.ts turns it into lab commands.
import type { HealthCheckUpdate } from '../../sim'

export type PlanLineKind = 'understood' | 'ignored' | 'rejected'

/** One line of the plan: what was read, where (a resource, a key), and what the lab does with it. */
export interface PlanLine {
  kind: PlanLineKind
  /** Where it comes from: `aws_lb_target_group.web`, `Resources.Listener`, `Attributes[2]`. */
  item: string
  text: string
}

export interface ImportedGroup {
  /** The target group's name in the lab. */
  name: string
  /** Where it was read. */
  item: string
  protocol?: string
  port?: number
  /** Attribute keys and values, in the order read (AWS validates them as one request). */
  attributes: [string, string][]
  healthCheck: HealthCheckUpdate
  /** Health-check settings the lab cannot change (path, port, protocol, matcher), to compare with its own. */
  fixedHealth: {
    field: 'HealthCheckProtocol' | 'HealthCheckPort' | 'HealthCheckPath' | 'Matcher'
    value: string
  }[]
  /** Registered targets, when the source lists them (then the group's targets are made exactly these). */
  targets?: string[]
}

export interface ImportedListener {
  item: string
  protocol?: string
  port?: number
  forward?: {
    targetGroups: { name: string; weight: number }[]
    stickiness: { enabled: boolean; durationSeconds?: number }
  }
}

export interface ImportedConfiguration {
  /** The format recognised, as shown to the learner ("Terraform", "CloudFormation template", …). */
  format: string
  groups: ImportedGroup[]
  listener?: ImportedListener
  /** Lines from reading the input (ignored resources, unknown keys, values of the wrong type). */
  lines: PlanLine[]
}

/** Raised by a reader for input it cannot use at all; the message is shown as it is. */
export class ImportError extends Error {}

/** A configuration value as an attribute string: strings, finite numbers and booleans; anything else is null. */
export function attributeValue(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return String(value)
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

/** A whole number from a number or numeric string (Terraform and YAML write both), or null. */
export function wholeNumber(value: unknown): number | null {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim())
        ? Number(value)
        : NaN
  return Number.isSafeInteger(n) ? n : null
}

/** A boolean from true/false or "true"/"false", or null. */
export function booleanValue(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value
  if (value === 'true') return true
  if (value === 'false') return false
  return null
}

/** A plain object (not a list, not null), read only through own keys. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** An own property, never one inherited from Object.prototype (`__proto__`, `constructor` in hostile input). */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.getOwnPropertyDescriptor(record, key)?.value as unknown
}

/** A short, printable rendering of an outside value for a plan line. */
export function shown(value: unknown): string {
  let text: string
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  } catch {
    text = String(value)
  }
  return text.length > 80 ? `${text.slice(0, 77)}…` : text
}

/**
 * A forward action as CloudFormation and `describe-listeners` both spell it (AWS's `ForwardConfig` with weighted
 * `TargetGroups` and `TargetGroupStickinessConfig`, or a bare `TargetGroupArn`); `nameOf` turns an ARN or reference
 * into a target group name (null when it cannot, having said why). Weights that are not whole numbers are listed.
 */
export function readForwardAction(
  forward: Record<string, unknown>,
  nameOf: (ref: unknown) => string | null,
  item: string,
  lines: PlanLine[],
): ImportedListener['forward'] {
  const config = own(forward, 'ForwardConfig')
  if (!isRecord(config)) {
    const name = nameOf(own(forward, 'TargetGroupArn'))
    return name === null
      ? undefined
      : {
          targetGroups: [{ name, weight: 1 }],
          stickiness: { enabled: false, durationSeconds: 3600 },
        }
  }
  const groups: { name: string; weight: number }[] = []
  const tuples = own(config, 'TargetGroups')
  for (const t of Array.isArray(tuples) ? tuples.filter(isRecord) : []) {
    const name = nameOf(own(t, 'TargetGroupArn'))
    const weight = own(t, 'Weight') === undefined ? 1 : wholeNumber(own(t, 'Weight'))
    if (name === null) continue
    if (weight === null)
      lines.push({
        kind: 'ignored',
        item,
        text: `Weight ${shown(own(t, 'Weight'))} of '${name}': not a whole number`,
      })
    else groups.push({ name, weight })
  }
  const s = own(config, 'TargetGroupStickinessConfig')
  const enabled = isRecord(s) ? (booleanValue(own(s, 'Enabled')) ?? false) : false
  const duration = isRecord(s) ? wholeNumber(own(s, 'DurationSeconds')) : null
  return {
    targetGroups: groups,
    stickiness: duration === null ? { enabled } : { enabled, durationSeconds: duration },
  }
}
