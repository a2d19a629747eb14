// Core throughput benchmark for the simulation (src/sim): sticky routing decisions per second via
// lab.request(). Outside src/sim, so it may use the host clock. Each figure is the median of 5 runs.
//
// Where it runs: the app ships the core bundled by Vite/rolldown, but under Vitest's module
// transform every imported name becomes a getter on the exporting module (~12 ns per call here,
// against ~0.5 ns in a bundle) and the request path crosses modules ~40 times. So runCoreBench()
// bundles this file together with src/sim using rolldown and runs the measurement in a plain
// `node` child process (`core.isolated = 1`), with --expose-gc so each run starts after collecting
// the previous run's lab. If that is not possible it measures in-process instead and reports
// `core.isolated = 0`.

import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLab } from '../src/sim/index'
import type { Lab } from '../src/sim/index'
import { median } from './stats'

const RUNS = 5

function clientIds(n: number): string[] {
  const ids: string[] = []
  for (let i = 0; i < n; i++) ids.push('c' + i)
  return ids
}

/** A lab with stickiness of the given type, every client already bound (one request each). */
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
  const gc = (globalThis as { gc?: () => void }).gc
  for (let run = 0; run < RUNS; run++) {
    // Collect the previous run's lab first (when exposed) so no run pays for another's garbage.
    gc?.()
    const lab = stickyLab(type, ids)
    measure(lab, ids, 1) // warm-up pass (JIT)
    results.push(measure(lab, ids, Math.max(1, Math.round(requests / clients))))
  }
  return Math.round(median(results))
}

/** The three measurements, in this process. */
export function measureCore(): Record<string, number> {
  return {
    'core.stickyDecisionsPerSec': scenario('lb_cookie', 1000, 1_000_000),
    'core.appCookieDecisionsPerSec': scenario('app_cookie', 1000, 1_000_000),
    'core.clients100kPerSec': scenario('lb_cookie', 100_000, 500_000),
  }
}

/** Bundles this file with the core and runs measureCore() in a fresh `node`; null if impossible. */
async function measureInChildProcess(): Promise<Record<string, number> | null> {
  let dir: string | null = null
  try {
    const { rolldown } = await import('rolldown')
    dir = mkdtempSync(join(tmpdir(), 'stickylab-core-bench-'))
    const entry = join(dir, 'entry.ts')
    const self = fileURLToPath(import.meta.url)
    writeFileSync(
      entry,
      `import { measureCore } from ${JSON.stringify(self)}\nprocess.stdout.write(JSON.stringify(measureCore()))\n`,
    )
    const bundle = await rolldown({
      input: entry,
      platform: 'node',
      external: [/^node:/, 'rolldown'],
      logLevel: 'silent',
    })
    const file = join(dir, 'bench.mjs')
    await bundle.write({ file, format: 'esm' })
    await bundle.close()
    const run = spawnSync(process.execPath, ['--expose-gc', file], {
      encoding: 'utf8',
      timeout: 600_000,
    })
    if (run.status !== 0) return null
    return JSON.parse(run.stdout) as Record<string, number>
  } catch {
    return null
  } finally {
    if (dir !== null) rmSync(dir, { recursive: true, force: true })
  }
}

/** Runs the core benchmark; keys are stable metric names for `npm run bench`. */
export async function runCoreBench(): Promise<Record<string, number>> {
  const isolated = await measureInChildProcess()
  if (isolated !== null) return { ...isolated, 'core.isolated': 1 }
  return { ...measureCore(), 'core.isolated': 0 }
}
