// Memory soak: a lab runs 24 simulated hours at 50 requests per second (4.32 million requests, the clock
// advancing 20 ms between requests as a playing lab does) and the heap is measured after a full GC before and
// after. Bounded structures (history ring, call-log ring with merged advances, one jar and one cart per client,
// fixed metric keys) keep the growth small. Runs in a plain `node --expose-gc` child (bundled with rolldown,
// like coreBench.ts) so the collector can be forced; without it the key is left out.

import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLab } from '../src/sim/index'

const HOURS = 24
const PER_SECOND = 50
const CLIENTS = 200

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc === undefined) throw new Error('run with --expose-gc')
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

/** Heap growth in MB over the soak, and the sizes of the bounded structures at the end. */
export function measureSoak(): Record<string, number> {
  const lab = createLab({ seed: 24 })
  const r = lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' })
  if (!r.ok) throw new Error(r.message)
  const ids: string[] = []
  for (let c = 0; c < CLIENTS; c++) ids.push(`c${c}`)
  for (const id of ids) lab.addClient(id)
  // One warm-up hour first, so the rings are full and every client has its cookies and cart before measuring.
  const step = 1 / PER_SECOND
  let i = 0
  const run = (seconds: number) => {
    const n = seconds * PER_SECOND
    for (let k = 0; k < n; k++, i++) {
      lab.request(ids[i % CLIENTS]!, i % 7 === 0 ? { path: '/cart/add' } : undefined)
      lab.advance(step)
    }
  }
  run(3600)
  const before = heapAfterGc()
  const t0 = performance.now()
  run(HOURS * 3600)
  const seconds = (performance.now() - t0) / 1000
  const after = heapAfterGc()
  const snapshot = lab.snapshot()
  return {
    'memory.soak24hHeapGrowthMb': Math.round(((after - before) / (1024 * 1024)) * 10) / 10,
    'memory.soak24hRequests': HOURS * 3600 * PER_SECOND,
    'memory.soak24hSeconds': Math.round(seconds * 10) / 10,
    'memory.logEntries': snapshot.log.items.length,
    'memory.historyEntries': snapshot.history.items.length,
  }
}

/** Bundles this file with the core and runs measureSoak() in `node --expose-gc`; {} if impossible. */
export async function runMemoryBench(): Promise<Record<string, number>> {
  let dir: string | null = null
  try {
    const { rolldown } = await import('rolldown')
    dir = mkdtempSync(join(tmpdir(), 'stickylab-memory-bench-'))
    const entry = join(dir, 'entry.ts')
    writeFileSync(
      entry,
      `import { measureSoak } from ${JSON.stringify(fileURLToPath(import.meta.url))}\nprocess.stdout.write(JSON.stringify(measureSoak()))\n`,
    )
    const bundle = await rolldown({ input: entry, platform: 'node', external: [/^node:/, 'rolldown'], logLevel: 'silent' })
    const file = join(dir, 'bench.mjs')
    await bundle.write({ file, format: 'esm' })
    await bundle.close()
    const out = spawnSync(process.execPath, ['--expose-gc', file], { encoding: 'utf8', timeout: 900_000 })
    if (out.status !== 0) {
      console.error(`memory soak failed: ${out.stderr}`)
      return {}
    }
    return JSON.parse(out.stdout) as Record<string, number>
  } finally {
    if (dir !== null) rmSync(dir, { recursive: true, force: true })
  }
}
