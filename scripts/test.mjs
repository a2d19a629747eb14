// `npm test`: typecheck, lint, unit tests, production build, then the Playwright e2e suite in real Chromium.
// Ends with one line "N passed, N failed" computed from the runners' JSON reports (CI reads it).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { ensureBrowser } from './e2e.mjs'

const REPORTS = 'reports'
rmSync(REPORTS, { recursive: true, force: true })
mkdirSync(REPORTS, { recursive: true })

const env = { ...process.env, TZ: 'UTC' }
const steps = []

function step(name, cmd, args, timeoutSec) {
  const started = Date.now()
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env, timeout: timeoutSec * 1000 })
  const ok = r.status === 0
  const note = r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM' ? ` (timed out after ${timeoutSec} s)` : ''
  steps.push({ name, ok, seconds: (Date.now() - started) / 1000, note })
  return ok
}

function readJson(path) {
  if (!existsSync(path)) return null
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

/** Counts from Vitest's JSON reporter (Jest-compatible shape). */
function vitestCounts(report) {
  if (!report) return null
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + (report.numTotalTestSuites && !report.success && !report.numFailedTests ? 1 : 0),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  }
}

/** Counts from Playwright's JSON reporter. */
function playwrightCounts(report) {
  if (!report?.stats) return null
  const s = report.stats
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 }
}

step('typecheck', 'npx', ['tsc', '-b'], 300)
step('lint', 'npx', ['eslint', '.', '--max-warnings=0'], 300)
step('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/unit.json`], 600)
const built = step('production build', 'npx', ['vite', 'build', '--logLevel', 'warn'], 300)

let browserOk = true
if (built) {
  try {
    const browser = ensureBrowser()
    console.log(`e2e browser: ${browser.description}`)
  } catch (e) {
    browserOk = false
    console.error(`\n✖ ${e instanceof Error ? e.message : String(e)}`)
    steps.push({ name: 'e2e browser', ok: false, seconds: 0, note: '' })
  }
  if (browserOk) {
    step('e2e (Playwright, Chromium)', 'npx', ['playwright', 'test'], 1500)
  }
}

const suites = [
  ['unit', vitestCounts(readJson(`${REPORTS}/unit.json`))],
  ['e2e', playwrightCounts(readJson(`${REPORTS}/e2e.json`))],
]

console.log('\nSummary')
for (const s of steps) console.log(`  ${s.ok ? '✔' : '✖'} ${s.name} (${s.seconds.toFixed(1)} s)${s.note}`)
let passed = 0
let failed = 0
let skipped = 0
let problems = steps.filter((s) => !s.ok).map((s) => `${s.name} failed`)
for (const [name, c] of suites) {
  if (!c) {
    problems.push(`${name} suite produced no report`)
    console.log(`  ${name}: no report`)
    continue
  }
  console.log(`  ${name}: ${c.passed} ok, ${c.failed} not ok, ${c.skipped} skipped`)
  if (c.passed + c.failed === 0) problems.push(`${name} suite ran no tests`)
  passed += c.passed
  failed += c.failed
  skipped += c.skipped
}
problems = [...new Set(problems)]
if (problems.length) console.log(`  problems: ${problems.join('; ')}`)
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(problems.length || failed ? 1 : 0)
