// The health-check fields of the target group form (TargetGroupPanel.tsx), with AWS's ranges from the core.
import { HEALTH_CHECK_RANGES } from '../../sim'
import type { TargetGroupDraft, TargetGroupField } from '../../view/targetGroupForm'
import type { Failure } from './forms/FieldError'
import { NumberField } from './forms/NumberField'

const range = (r: { min: number; max: number }) => `${r.min}–${r.max}`

export function HealthCheckFields({
  draft,
  update,
  errorAt,
}: {
  draft: TargetGroupDraft
  update: (changes: Partial<TargetGroupDraft>) => void
  errorAt: (field: TargetGroupField) => Failure | null
}) {
  return (
    <fieldset>
      <legend>Health checks</legend>
      <div className="cfg-grid">
        <NumberField
          label="Interval (seconds)"
          value={draft.interval}
          onChange={(v) => update({ interval: v })}
          min={HEALTH_CHECK_RANGES.HealthCheckIntervalSeconds.min}
          max={HEALTH_CHECK_RANGES.HealthCheckIntervalSeconds.max}
          hint={`${range(HEALTH_CHECK_RANGES.HealthCheckIntervalSeconds)} s`}
          error={errorAt('interval')}
        />
        <NumberField
          label="Timeout (seconds)"
          value={draft.timeout}
          onChange={(v) => update({ timeout: v })}
          min={HEALTH_CHECK_RANGES.HealthCheckTimeoutSeconds.min}
          max={HEALTH_CHECK_RANGES.HealthCheckTimeoutSeconds.max}
          hint={`${range(HEALTH_CHECK_RANGES.HealthCheckTimeoutSeconds)} s, less than the interval`}
          error={errorAt('timeout')}
        />
        <NumberField
          label="Healthy threshold"
          value={draft.healthyThreshold}
          onChange={(v) => update({ healthyThreshold: v })}
          min={HEALTH_CHECK_RANGES.HealthyThresholdCount.min}
          max={HEALTH_CHECK_RANGES.HealthyThresholdCount.max}
          hint={`${range(HEALTH_CHECK_RANGES.HealthyThresholdCount)} checks`}
          error={errorAt('healthyThreshold')}
        />
        <NumberField
          label="Unhealthy threshold"
          value={draft.unhealthyThreshold}
          onChange={(v) => update({ unhealthyThreshold: v })}
          min={HEALTH_CHECK_RANGES.UnhealthyThresholdCount.min}
          max={HEALTH_CHECK_RANGES.UnhealthyThresholdCount.max}
          hint={`${range(HEALTH_CHECK_RANGES.UnhealthyThresholdCount)} checks`}
          error={errorAt('unhealthyThreshold')}
        />
      </div>
    </fieldset>
  )
}
