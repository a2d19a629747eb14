// NLB source_ip stickiness table: source IP → target, per target group. AWS says the NLB "may
// reset" sticky sessions when any target's health state changes or targets are (de)registered; the
// simulator always does (convention), by starting a new epoch so older entries no longer count.

import { dictGet, dictSet } from '../dict'
import { asTargetId, type TargetId } from '../model/ids'
import type { SourceIpBinding, StickyReset, TargetGroupState } from '../model/world'

/** Wipes the group's table (if it has one), remembering why (target and health change) for explanations. */
export function resetSourceIpTable(
  tg: TargetGroupState,
  atMs: number,
  targetId: TargetId,
  from: string,
  to: string,
): void {
  if (tg.sourceIpTable === undefined) return
  tg.stickyReset = { epoch: currentEpoch(tg) + 1, atMs, targetId, from, to }
}

/** Snapshots saved before facts existed kept the cause as a sentence ("i-2 went from healthy to
 *  unhealthy"); read its parts back so old labs explain their resets as before. */
export function upgradeStickyReset(tg: TargetGroupState): void {
  const r = tg.stickyReset as (StickyReset & { cause?: unknown }) | undefined
  if (r === undefined || typeof r.cause !== 'string' || r.targetId !== undefined) return
  const m = / went from (\S+) to (\S+)$/.exec(r.cause)
  r.targetId = asTargetId(m === null ? r.cause : r.cause.slice(0, m.index))
  r.from = m === null ? '' : m[1]!
  r.to = m === null ? '' : m[2]!
  delete r.cause
}

export function currentEpoch(tg: TargetGroupState): number {
  return tg.stickyReset?.epoch ?? 0
}

/** The entry for an IP: current, stale (from before a reset) or absent. */
export function lookupSourceIp(
  tg: TargetGroupState,
  sourceIp: string,
): { entry: SourceIpBinding; stale: boolean } | null {
  const entry = tg.sourceIpTable === undefined ? undefined : dictGet(tg.sourceIpTable, sourceIp)
  if (entry === undefined) return null
  return { entry, stale: entry.epoch !== currentEpoch(tg) }
}

export function bindSourceIp(
  tg: TargetGroupState,
  sourceIp: string,
  targetId: string,
  atMs: number,
): void {
  if (tg.sourceIpTable === undefined) return
  dictSet(tg.sourceIpTable, sourceIp, { targetId, createdAtMs: atMs, epoch: currentEpoch(tg) })
}
