// The Load test panel's view model: reading its three number fields (with a clear sentence per bad field),
// the result as bars per instance, and one sentence saying how even the spread is.
import { LOAD_TEST_LIMITS, totalRequests, type LoadTestOptions, type LoadTestResult } from '../sim'
import type { Bar } from './chart/BarChartView'

export type LoadTestField = 'clients' | 'minutes' | 'requestsPerSecond'

export const LOAD_TEST_FIELDS: readonly { field: LoadTestField; label: string }[] = [
  { field: 'clients', label: 'Clients' },
  { field: 'minutes', label: 'Minutes (virtual)' },
  { field: 'requestsPerSecond', label: 'Requests per second' },
]

export const LOAD_TEST_DEFAULTS: Readonly<Record<LoadTestField, string>> = {
  clients: '1000',
  minutes: '10',
  requestsPerSecond: '500',
}

export type LoadTestForm =
  | { ok: true; options: LoadTestOptions; total: number }
  | { ok: false; errors: Partial<Record<LoadTestField, string>>; total: null }

const fmt = (n: number) => n.toLocaleString('en-US')

/** Parses the fields; every bad one gets its own sentence, and the whole run is checked against its cap. */
export function readLoadTestForm(text: Readonly<Record<LoadTestField, string>>): LoadTestForm {
  const errors: Partial<Record<LoadTestField, string>> = {}
  const values = {} as Record<LoadTestField, number>
  for (const { field, label } of LOAD_TEST_FIELDS) {
    const { min, max } = LOAD_TEST_LIMITS[field]
    const raw = text[field].trim().replace(/[,_\s]/g, '')
    const n = Number(raw)
    if (raw === '')
      errors[field] =
        `Enter ${label.toLowerCase().replace(' (virtual)', '')}: a whole number from ${fmt(min)} to ${fmt(max)}.`
    else if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min || n > max)
      errors[field] = `${label} must be a whole number from ${fmt(min)} to ${fmt(max)}.`
    else values[field] = n
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, total: null }
  const total = totalRequests(values)
  if (total > LOAD_TEST_LIMITS.maxRequests) {
    return {
      ok: false,
      errors: {
        requestsPerSecond: `That is ${fmt(total)} requests in all; a load test sends at most ${fmt(LOAD_TEST_LIMITS.maxRequests)}. Lower the minutes or the requests per second.`,
      },
      total: null,
    }
  }
  return { ok: true, options: values, total }
}

/** Bars per instance, in the order the lab lists its targets (instances that got nothing show 0). */
export function loadTestBars(result: LoadTestResult, targetOrder: readonly string[]): Bar[] {
  const byId = new Map<string, { requests: number }>(result.targets.map((t) => [t.targetId, t]))
  const ids = [
    ...targetOrder,
    ...result.targets.map((t) => t.targetId).filter((id) => !targetOrder.includes(id)),
  ]
  return ids.map((id) => ({ id, label: id, value: byId.get(id)?.requests ?? 0 }))
}

/** One sentence reading the spread: how uneven (busiest ÷ quietest), and how much stickiness decided. */
export function readSpread(result: LoadTestResult, bars: readonly Bar[]): string {
  if (result.requests === 0) return 'No requests were sent.'
  const served = bars.filter((b) => b.value > 0)
  const errors =
    result.errors5xx > 0
      ? ` ${fmt(result.errors5xx)} request${result.errors5xx === 1 ? '' : 's'} got a 5xx from the load balancer.`
      : ''
  if (served.length === 0) return `No instance served a request.${errors}`
  const stickyPct = Math.round((result.sticky / result.requests) * 1000) / 10
  const how =
    result.sticky === 0
      ? 'no request was kept on its instance by stickiness'
      : `${stickyPct}% of requests were kept on their instance by stickiness`
  if (served.length === 1)
    return `Only ${served[0]!.id} served requests (${fmt(served[0]!.value)}); ${how}.${errors}`
  const max = served.reduce((a, b) => (b.value > a.value ? b : a))
  const min = served.reduce((a, b) => (b.value < a.value ? b : a))
  const idle = bars.length - served.length
  const idleText = idle > 0 ? ` ${idle} instance${idle === 1 ? '' : 's'} served nothing.` : ''
  if (max.value === min.value)
    return `Load is spread exactly evenly: each of the ${served.length} instances served ${fmt(max.value)} requests; ${how}.${idleText}${errors}`
  const ratio = max.value / min.value
  const shape = ratio < 1.05 ? 'evenly' : ratio < 1.25 ? 'slightly unevenly' : 'unevenly'
  return `Load is spread ${shape}: the busiest instance, ${max.id}, served ${ratio.toFixed(2)}× as many requests as the quietest, ${min.id}; ${how}.${idleText}${errors}`
}

/** Progress as a whole percentage of the requests to send. */
export function loadTestPercent(result: LoadTestResult, total: number): number {
  return total === 0 ? 100 : Math.min(100, Math.floor((result.requests / total) * 100))
}
