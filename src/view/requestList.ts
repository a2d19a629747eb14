// The inspector's list: newest-first request rows narrowed by client, instance and decision, the
// choices each filter offers, and one-line summaries of the ALB's decision codes.
import type { Decision, RequestRecord } from '../sim'

/** The filters ('' = all). `target` may be NO_TARGET for requests the load balancer answered itself. */
export interface RequestFilter {
  client: string
  target: string
  decision: string
}

/** Filter value for requests that reached no instance (502/503 written by the load balancer). */
export const NO_TARGET = '(none)'

export interface RequestRow {
  id: number
  at: number
  clientId: string
  targetId: string | null
  status: number
  sticky: boolean
  decision: Decision
  /** A CORS preflight (absent on ordinary requests). */
  method?: 'OPTIONS'
}

export type RecordForRow = Pick<
  RequestRecord,
  'id' | 'at' | 'clientId' | 'targetId' | 'status' | 'sticky' | 'decision' | 'method'
>

export function matchesFilter(r: RecordForRow, f: RequestFilter): boolean {
  if (f.client !== '' && r.clientId !== f.client) return false
  if (f.target !== '' && (f.target === NO_TARGET ? r.targetId !== null : r.targetId !== f.target))
    return false
  if (f.decision !== '' && r.decision !== f.decision) return false
  return true
}

/** Newest-first rows that pass the filter, at most `limit` of them. Scans from the newest end only. */
const PREFLIGHT_ROW = { method: 'OPTIONS' } as const

export function requestRows(
  history: readonly RecordForRow[],
  f: RequestFilter,
  limit: number,
): RequestRow[] {
  const out: RequestRow[] = []
  for (let i = history.length - 1; i >= 0 && out.length < limit; i--) {
    const r = history[i]!
    if (!matchesFilter(r, f)) continue
    out.push({
      id: r.id,
      at: r.at,
      clientId: r.clientId,
      targetId: r.targetId,
      status: r.status,
      sticky: r.sticky,
      decision: r.decision,
      ...(r.method === 'OPTIONS' ? PREFLIGHT_ROW : null),
    })
  }
  return out
}

/** Sorted, de-duplicated choices: the known names plus any that appear in the history. */
export function filterChoices(known: readonly string[], seen: Iterable<string>): string[] {
  return [...new Set([...known, ...seen])].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  )
}

/** Whether a decision means the load balancer honoured a stickiness binding. */
export function isStickyDecision(d: Decision): boolean {
  return d === 'sticky-hit'
}
