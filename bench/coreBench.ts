// Core throughput benchmark for the simulation (src/sim): sticky routing decisions per second via
// lab.request(). Outside src/sim, so it may use the host clock. Each figure is the median of 5 runs.

import { createLab } from '../src/sim/index'
import type { Lab } from '../src/sim/index'

const RUNS = 5

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

function clientIds(n: number): string[] {
  const ids: string[] = []
  for (let i = 0; i < n; i++) ids.push('c' + i)
  return ids
}

/** A lab with stickiness of the given type, every client already bound (one warm-up request each). */
function stickyLab(type: 'lb_cookie' | 'app_cookie', ids: string[]): Lab {
  const lab = createLab({ seed: 42 })
  const attrs: Record<string, string> =
    type === 'lb_cookie'
      ? { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' }
      : {
          'stickiness.enabled': 'true',
          'stickiness.type': 'app_cookie',
          'stickiness.app_cookie.cookie_name': 'SESSIONID',
        }
  const r = lab.modifyTargetGroupAttributes('web', attrs)
  if (!r.ok) throw new Error(r.message)
  for (const id of ids) lab.request(id)
  return lab
}

/** Requests per second over `rounds` passes across all clients (all sticky hits). */
function measure(lab: Lab, ids: string[], rounds: number): number {
  const n = ids.length
  const t0 = performance.now()
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < n; i++) {
      const res = lab.request(ids[i]!)
      if (!res.sticky) throw new Error('expected a sticky hit: ' + res.decision)
    }
  }
  const seconds = (performance.now() - t0) / 1000
  return (rounds * n) / seconds
}

function scenario(type: 'lb_cookie' | 'app_cookie', clients: number, requests: number): number {
  const ids = clientIds(clients)
  const results: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const lab = stickyLab(type, ids)
    measure(lab, ids, 1) // warm-up pass (JIT)
    results.push(measure(lab, ids, Math.max(1, Math.round(requests / clients))))
  }
  return Math.round(median(results))
}

/** Runs the core benchmark; keys are stable metric names for `npm run bench`. */
export async function runCoreBench(): Promise<Record<string, number>> {
  return {
    'core.stickyDecisionsPerSec': scenario('lb_cookie', 1000, 1_000_000),
    'core.appCookieDecisionsPerSec': scenario('app_cookie', 1000, 1_000_000),
    'core.clients100kPerSec': scenario('lb_cookie', 100_000, 500_000),
  }
}
