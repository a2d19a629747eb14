// `npm run test:long`: the long runs that are too slow for `npm test`: the core's random call sequences at 2,000
// calls × 20 runs (src/sim/longSequences.test.ts), the hostile-argument API fuzzer at 104,000 calls
// (src/sim/hostileCalls.test.ts: atomicity, replay equality, no hang), the browser monkey at 2,000 actions × 3 seeds
// (e2e/monkey.spec.ts), every lesson embedded in a cross-origin frame and completed (e2e/lessonEmbeds.spec.ts) and
// every lesson played on the stage (e2e/lessonStage.spec.ts), against a fresh production build. All read
// STICKYLAB_LONG=1. Honours the same
// STICKYLAB_DIST / STICKYLAB_E2E_* variables as `npm test`. Ends with one line "N passed, N failed".
import { spawnSync } from 'node:child_process'
import { ensureBrowser } from './e2e.mjs'

const env = { ...process.env, TZ: 'UTC', STICKYLAB_LONG: '1' }
const dist = process.env.STICKYLAB_DIST ?? 'dist'
const results = []

function step(name, cmd, args, timeoutSec) {
  const started = Date.now()
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env, timeout: timeoutSec * 1000 })
  const ok = r.status === 0
  results.push({ name, ok, seconds: (Date.now() - started) / 1000 })
  return ok
}

step('long property tests', 'npx', ['vitest', 'run', 'src/sim/longSequences.test.ts'], 1200)
// Issue 16: ≥ 100,000 hostile calls over every replayable Lab call (200 runs × 520 calls); prints its counts.
step('hostile API fuzzer', 'npx', ['vitest', 'run', 'src/sim/hostileCalls.test.ts'], 1200)
if (
  step('production build', 'npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dist], 300)
) {
  let browserOk = true
  try {
    console.log(`e2e browser: ${ensureBrowser().description}`)
  } catch (e) {
    browserOk = false
    console.error(`\n✖ ${e instanceof Error ? e.message : String(e)}`)
    results.push({ name: 'e2e browser', ok: false, seconds: 0 })
  }
  if (browserOk)
  {
    step(
      'long monkey (Playwright, Chromium)',
      'npx',
      ['playwright', 'test', 'e2e/monkey.spec.ts'],
      3000,
    )
    // Issue 15: every lesson, embedded with the Share dialog's derived panels in a cross-origin frame, completed there.
    step(
      'every lesson embedded (Playwright, Chromium)',
      'npx',
      ['playwright', 'test', 'e2e/lessonEmbeds.spec.ts', '--workers=1'],
      1800,
    )
    // Issue 15: every lesson played in Chromium with the clock running (npm test plays a representative few).
    step(
      'every lesson on the stage (Playwright, Chromium)',
      'npx',
      ['playwright', 'test', 'e2e/lessonStage.spec.ts', '--workers=1'],
      1200,
    )
  }
}

console.log('\nSummary')
for (const r of results) console.log(`  ${r.ok ? '✔' : '✖'} ${r.name} (${r.seconds.toFixed(1)} s)`)
const failed = results.filter((r) => !r.ok).length
console.log(`${results.length - failed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
