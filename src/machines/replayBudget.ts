// Work budgets for replays (issue 16, findings 2 and 8): size limits alone let a 3 kB link ask for years of health
// checks on 1,000 targets (minutes of frozen tab). Before a link, file or saved lab is played back, one pass over its
// log estimates the main-thread time its rebuild and first drawing would take, and anything over 1 s is refused with
// a sentence saying why. The estimate is an upper bound (targets are never subtracted, the shortest health-check
// interval applies to every target); its constants were measured (docs/replay.md#work-budget).
import type { LabCall } from '../sim'

/** The longest a replay may block the page: up to this much work, it is played in one go. */
export const REPLAY_BUDGET_MS = 1_000
/**
 * The most work a link or file may imply at all. Beyond REPLAY_BUDGET_MS it is played in slices (the page keeps
 * drawing and answering, with a progress line: replayBuild.ts buildReplayLabSliced); beyond this it is refused.
 */
export const SLICED_REPLAY_BUDGET_MS = 30_000
/**
 * Measured in Node on the shared 2-core machine, then raised by about 1.6× for a browser: a health check costs
 * 0.11–0.18 µs; a request 13 µs (known client) to 19 µs (new client); drawing a client in the page 0.09 ms since
 * the stage draws at most six browsers and the Clients panel lists 25 at a time (10,000 clients: 0.93 s; before,
 * each browser was a card on the stage: 3,000 clients took 4.1 s, 10,000 took 18.5 s).
 */
export const COST_MS = { healthCheck: 0.0003, request: 0.03, client: 0.15 } as const

const DEFAULT_TARGETS = 3
const DEFAULT_INTERVAL_SECONDS = 30
const MIN_INTERVAL_SECONDS = 5

export interface ReplayWork {
  healthChecks: number
  requests: number
  clients: number
  ms: number
}

const count = (v: unknown): number => (Array.isArray(v) ? v.length : 0)

/** One pass over the log: an upper bound of the work replaying it implies. */
export function replayWork(log: readonly LabCall[]): ReplayWork {
  let targets = DEFAULT_TARGETS
  let interval = DEFAULT_INTERVAL_SECONDS
  let healthChecks = 0
  let requests = 0
  const clients = new Set<string>()
  for (const { call, args } of log) {
    const [a, b] = args as unknown[]
    switch (call) {
      case 'advance':
        if (typeof a === 'number' && a > 0) healthChecks += (targets * a) / interval
        break
      case 'registerTargets':
        targets += count(b)
        break
      case 'registerInstancesWithLoadBalancer':
        targets += count(a)
        break
      case 'createTargetGroup': {
        const n = (b as { targets?: unknown } | undefined)?.targets
        if (typeof n === 'number' && n > 0) targets += Math.min(n, 1e6)
        break
      }
      case 'launchInstance':
        targets++
        break
      case 'modifyHealthCheck': {
        const v = (b as { HealthCheckIntervalSeconds?: unknown } | undefined)?.HealthCheckIntervalSeconds
        if (typeof v === 'number' && v >= MIN_INTERVAL_SECONDS) interval = Math.min(interval, v)
        break
      }
      case 'request':
      case 'openWebSocket':
      case 'sendWebSocketMessage':
        requests++
        if (typeof a === 'string') clients.add(a)
        break
      case 'addClient':
      case 'setCookie':
        if (typeof a === 'string') clients.add(a)
        break
    }
  }
  const ms = healthChecks * COST_MS.healthCheck + requests * COST_MS.request + clients.size * COST_MS.client
  return { healthChecks, requests, clients: clients.size, ms }
}

/** Why this log is too much work to replay on the page, or null. `noun` is "The replay", "The link", … */
export function replayWorkProblem(log: readonly LabCall[], noun = 'This replay', budgetMs = REPLAY_BUDGET_MS): string | null {
  return workProblem(replayWork(log), noun, budgetMs)
}

/** Why `w` is over `budgetMs`, or null. */
export function workProblem(w: ReplayWork, noun: string, budgetMs: number): string | null {
  if (w.ms <= budgetMs) return null
  const parts: string[] = []
  if (w.healthChecks * COST_MS.healthCheck > budgetMs / 4) parts.push(`about ${formatCount(w.healthChecks)} health checks`)
  if (w.requests * COST_MS.request > budgetMs / 4) parts.push(`${formatCount(w.requests)} requests`)
  if (w.clients * COST_MS.client > budgetMs / 4) parts.push(`${formatCount(w.clients)} clients to draw`)
  return (
    `${noun} is too much work to open here: ${parts.join(', ') || 'its events'} would take about ` +
    `${formatSeconds(w.ms)}, and Stickylab opens nothing that takes more than ${formatSeconds(budgetMs)}. ` +
    `Fewer targets, a longer health-check interval, less simulated time or fewer clients would fit.`
  )
}

function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US')
}

function formatSeconds(ms: number): string {
  const s = ms / 1000
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`
  if (s < 3600) return `${Math.round(s / 60)} min`
  if (s < 86_400 * 2) return `${Math.round(s / 3600)} h`
  return `${Math.round(s / 86_400).toLocaleString('en-US')} days`
}
