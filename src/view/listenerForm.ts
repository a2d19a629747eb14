// Pure mapping for the listener rule form: a draft of the forward action (weights and target-group
// stickiness) from the listener, the draft → the ForwardConfig for setForward, and an AWS error → the
// field it concerns.
import {
  MAX_FORWARD_WEIGHT,
  MIN_FORWARD_WEIGHT,
  TG_STICKINESS_MAX_SECONDS,
  TG_STICKINESS_MIN_SECONDS,
  type ForwardConfig,
  type ListenerView,
} from '../sim'

/** The second target group the blue/green switch creates, and how many instances it launches. */
export const GREEN_TARGET_GROUP = 'green'
export const GREEN_TARGET_COUNT = 3
/** The target group the listener forwards to when weighted forward is off. */
export const PRIMARY_TARGET_GROUP = 'web'

/** The weights AWS accepts, from the core's limits (the ones setForward checks). */
export const WEIGHT_RANGE = { min: MIN_FORWARD_WEIGHT, max: MAX_FORWARD_WEIGHT } as const
/** The target group stickiness durations AWS accepts, in seconds, from the core's limits. */
export const GROUP_STICKINESS_RANGE = {
  min: TG_STICKINESS_MIN_SECONDS,
  max: TG_STICKINESS_MAX_SECONDS,
} as const

/** Console default for the target-group stickiness duration: 1 hour (reference §6). */
export const TG_STICKINESS_CONSOLE_DEFAULT_SECONDS = 3600

export interface ForwardDraft {
  /** Weight per target group, as typed. */
  weights: { name: string; weight: string }[]
  groupStickiness: boolean
  /** Target group stickiness duration (seconds), as typed. */
  groupStickinessDuration: string
}

/** Fields of the rule form that can carry an error. */
export type ListenerField =
  | { kind: 'weight'; name: string }
  | { kind: 'groupStickiness' }
  | { kind: 'groupStickinessDuration' }
  | { kind: 'weighted' }

export function isWeighted(listener: Pick<ListenerView, 'forward'>): boolean {
  return listener.forward.targetGroups.length > 1
}

export function forwardDraftFromListener(listener: Pick<ListenerView, 'forward'>): ForwardDraft {
  const f = listener.forward
  return {
    weights: f.targetGroups.map((g) => ({ name: g.name, weight: String(g.weight) })),
    groupStickiness: f.stickiness.enabled,
    groupStickinessDuration: String(f.stickiness.durationSeconds),
  }
}

function numberFromText(text: string): number {
  const t = text.trim()
  return t === '' ? Number.NaN : Number(t)
}

/** The ForwardConfig "Apply rule" sends; the duration is always sent, as the console does. */
export function forwardConfigFromDraft(draft: ForwardDraft): ForwardConfig {
  return {
    targetGroups: draft.weights.map((w) => ({ name: w.name, weight: numberFromText(w.weight) })),
    stickiness: {
      enabled: draft.groupStickiness,
      durationSeconds: numberFromText(draft.groupStickinessDuration),
    },
  }
}

/**
 * Each group's share of the requests the weights decide (those without a target-group binding), in
 * whole percent; null for all while any weight is not a whole number in 0–999 or all are 0.
 */
export function weightShares(draft: ForwardDraft): (number | null)[] {
  const weights = draft.weights.map((w) => numberFromText(w.weight))
  const valid = weights.every(
    (w) => Number.isInteger(w) && w >= WEIGHT_RANGE.min && w <= WEIGHT_RANGE.max,
  )
  const total = weights.reduce((a, b) => a + b, 0)
  if (!valid || total === 0) return weights.map(() => null)
  return weights.map((w) => Math.round((w / total) * 100))
}

/**
 * The forward action that turning weighted forward on sends: the primary group and the green group at
 * equal weights. Target-group stickiness starts on (for the console's one hour) when either group has
 * sticky sessions, because AWS requires it then.
 */
export function weightedForwardOn(options: {
  primary: string
  second: string
  anySticky: boolean
}): ForwardConfig {
  return {
    targetGroups: [
      { name: options.primary, weight: 1 },
      { name: options.second, weight: 1 },
    ],
    stickiness: {
      enabled: options.anySticky,
      durationSeconds: TG_STICKINESS_CONSOLE_DEFAULT_SECONDS,
    },
  }
}

/** The forward action that turning weighted forward off sends: the primary group alone. */
export function weightedForwardOff(primary: string): ForwardConfig {
  return { targetGroups: [{ name: primary, weight: 1 }] }
}

const WEIGHT_FIELD = /^TargetGroups\.member\.(\d+)\.Weight$/

/**
 * Which field an AWS error from setForward concerns, by the parameter it names (`field`): a member's weight (AWS
 * numbers members from 1, in the order of `names`, the groups that were sent) or the target group stickiness
 * config's keys. Anything else goes beside the weighted-forward switch.
 */
export function fieldForForwardError(
  failure: { field?: string },
  names: readonly string[],
): ListenerField {
  const field = failure.field ?? ''
  if (field === 'TargetGroupStickinessConfig.DurationSeconds')
    return { kind: 'groupStickinessDuration' }
  if (field === 'TargetGroupStickinessConfig.Enabled') return { kind: 'groupStickiness' }
  const weight = WEIGHT_FIELD.exec(field)
  const name = weight ? names[Number(weight[1]) - 1] : undefined
  return name === undefined ? { kind: 'weighted' } : { kind: 'weight', name }
}

export function sameField(a: ListenerField | null, b: ListenerField): boolean {
  if (a === null || a.kind !== b.kind) return false
  return a.kind !== 'weight' || (b.kind === 'weight' && a.name === b.name)
}
