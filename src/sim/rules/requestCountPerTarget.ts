// CloudWatch's RequestCountPerTarget for one target group (issue 19, item 8). AWS defines it per target group (the
// TargetGroup dimension is required): the group's requests divided by the number of healthy targets in it, an
// average, not any one target's count (docs.aws.amazon.com/elasticloadbalancing/latest/application/
// load-balancer-cloudwatch-metrics.html). The simulator's older per-instance `RequestCountPerTarget:<id>` is a
// per-target total and keeps its key for existing labs; this key carries the dimension CloudWatch shows.
import type { TargetGroupState } from '../model/world'

/** Key prefix: `RequestCountPerTarget:targetgroup/<name>`, as CloudWatch's TargetGroup dimension starts. */
export const REQUEST_COUNT_PER_TARGET_GROUP = 'RequestCountPerTarget:targetgroup/'

/**
 * The group's answered requests over its healthy targets, to two decimals. With no healthy target the simulator
 * divides by the registered targets (a convention: CloudWatch would show no meaningful average then), and a group
 * with no targets reports 0.
 */
export function requestCountPerTarget(tg: TargetGroupState, healthy: number): number {
  let divisor = healthy
  if (divisor === 0) for (const r of tg.targets) if (!r.deregistered) divisor++
  if (divisor === 0) return 0
  return Math.round((tg.requestCount / divisor) * 100) / 100
}

/** Writes the group's `RequestCountPerTarget:targetgroup/<name>` into a metrics record. */
export function putRequestCountPerTarget(
  out: Record<string, number>,
  tg: TargetGroupState,
  healthy: number,
): void {
  out[REQUEST_COUNT_PER_TARGET_GROUP + tg.name] = requestCountPerTarget(tg, healthy)
}
