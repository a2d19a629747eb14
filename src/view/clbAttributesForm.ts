// The Classic Load Balancer's attributes form, without React: the draft the form edits (from
// DescribeLoadBalancerAttributes), the LoadBalancerAttributes structure that sends only what changed, and the form
// field each of AWS's errors belongs to (by its `field`).
import type { ClassicLoadBalancerAttributes, ClassicLoadBalancerAttributesView } from '../sim'

export interface ClbAttributesDraft {
  draining: boolean
  /** Text as typed: the core answers for anything that is not a whole number in range. */
  drainingTimeout: string
  idleTimeout: string
  crossZone: boolean
  accessLog: boolean
  bucket: string
  emitInterval: '5' | '60'
  prefix: string
}

export type ClbAttributesField =
  | 'draining'
  | 'drainingTimeout'
  | 'idleTimeout'
  | 'crossZone'
  | 'accessLog'
  | 'bucket'
  | 'emitInterval'
  | 'prefix'
  | 'form'

export function draftFromAttributes(view: ClassicLoadBalancerAttributesView): ClbAttributesDraft {
  return {
    draining: view.ConnectionDraining.Enabled,
    drainingTimeout: String(view.ConnectionDraining.Timeout),
    idleTimeout: String(view.ConnectionSettings.IdleTimeout),
    crossZone: view.CrossZoneLoadBalancing.Enabled,
    accessLog: view.AccessLog.Enabled,
    bucket: view.AccessLog.S3BucketName ?? '',
    emitInterval: view.AccessLog.EmitInterval === 5 ? '5' : '60',
    prefix: view.AccessLog.S3BucketPrefix ?? '',
  }
}

/** A typed number as a number; other text is sent as typed, so the core's error names it. */
function numberOrText(text: string): number {
  const t = text.trim()
  const n = Number(t)
  return (t !== '' && Number.isFinite(n) ? n : t) as number
}

/** The structures whose values differ from the lab's; {} when nothing changed. */
export function attributesFromDraft(
  draft: ClbAttributesDraft,
  current: ClassicLoadBalancerAttributesView,
): ClassicLoadBalancerAttributes {
  const base = draftFromAttributes(current)
  const out: ClassicLoadBalancerAttributes = {}
  if (draft.draining !== base.draining || draft.drainingTimeout.trim() !== base.drainingTimeout)
    out.ConnectionDraining = {
      Enabled: draft.draining,
      Timeout: numberOrText(draft.drainingTimeout),
    }
  if (draft.idleTimeout.trim() !== base.idleTimeout)
    out.ConnectionSettings = { IdleTimeout: numberOrText(draft.idleTimeout) }
  if (draft.crossZone !== base.crossZone) out.CrossZoneLoadBalancing = { Enabled: draft.crossZone }
  const logChanged =
    draft.accessLog !== base.accessLog ||
    (draft.accessLog &&
      (draft.bucket.trim() !== base.bucket ||
        draft.emitInterval !== base.emitInterval ||
        draft.prefix.trim() !== base.prefix))
  if (logChanged)
    out.AccessLog = draft.accessLog
      ? {
          Enabled: true,
          S3BucketName: draft.bucket.trim(),
          EmitInterval: Number(draft.emitInterval),
          ...(draft.prefix.trim() === '' ? {} : { S3BucketPrefix: draft.prefix.trim() }),
        }
      : { Enabled: false }
  return out
}

const FIELDS: ReadonlyMap<string, ClbAttributesField> = new Map([
  ['ConnectionDraining.Enabled', 'draining'],
  ['ConnectionDraining.Timeout', 'drainingTimeout'],
  ['ConnectionSettings.IdleTimeout', 'idleTimeout'],
  ['CrossZoneLoadBalancing.Enabled', 'crossZone'],
  ['AccessLog.Enabled', 'accessLog'],
  ['AccessLog.S3BucketName', 'bucket'],
  ['AccessLog.EmitInterval', 'emitInterval'],
  ['AccessLog.S3BucketPrefix', 'prefix'],
])

/** The form field an AWS error concerns; the top of the form when it names none of them. */
export function fieldForClbAttributesError(field: string | undefined): ClbAttributesField {
  return (field === undefined ? undefined : FIELDS.get(field)) ?? 'form'
}
