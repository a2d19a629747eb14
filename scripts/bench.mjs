// `npm run bench`: runs every benchmark, prints a table against the budgets, writes bench/results.json.
// In-process numbers (core, machine) come from Vitest; bundle, startup and frame timings from a production
// build served by `vite preview` and measured in headless Chromium.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { launchOptionsFor } from './browser.mjs'
import { ensureBrowser } from './e2e.mjs'
import { initialJsGzipKb } from './initialJs.mjs'

/** Budgets from the issues: [key, comparison, limit, unit]. */
const BUDGETS = [
  ['core.stickyDecisionsPerSec', '>=', 1_000_000, '/s'],
  ['core.appCookieDecisionsPerSec', '>=', 500_000, '/s'],
  ['core.clients100kPerSec', '>=', 500_000, '/s'],
  ['machine.eventsPerSec', '>=', 100_000, '/s'],
  ['render.p95FrameMs', '<=', 16.7, 'ms'],
  ['render.droppedFramePct', '<=', 5, '%'],
  ['render.p95FrameMs100', '<=', 16.7, 'ms'],
  ['bundle.initialJsGzipKb', '<=', 130, 'kB'],
  ['startup.firstRenderMs', '<=', 400, 'ms'],
  ['load.millionRequestsMs', '<=', 3_000, 'ms'],
  ['load.longestMainThreadTaskMs', '<=', 50, 'ms'],
  ['memory.soak24hHeapGrowthMb', '<=', 50, 'MB'],
]

const results = {}

function step(title, cmd, args) {
  console.log(`\n▶ ${title}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } })
  if (r.status !== 0) throw new Error(`${title} failed`)
}

step('core, machine and memory (in process)', 'npx', ['vitest', 'run', '--config', 'bench/vitest.config.ts', '--reporter=dot'])
Object.assign(results, JSON.parse(readFileSync('bench/.inprocess.json', 'utf8')))

step('production build', 'npx', ['vite', 'build', '--logLevel', 'warn'])
results['bundle.initialJsGzipKb'] = initialJsGzipKb('dist')

const browser = ensureBrowser()
console.log(`\n▶ browser measurements in ${browser.description}`)
const server = spawn('npx', ['vite', 'preview', '--port', '4174', '--strictPort'], { stdio: 'ignore', detached: true })
try {
  await waitForServer('http://localhost:4174/')
  Object.assign(results, await measureInBrowser('http://localhost:4174/', browser))
} finally {
  try {
    process.kill(-server.pid)
  } catch {
    server.kill()
  }
}

printTable()
writeFileSync('bench/results.json', JSON.stringify({ measuredAt: new Date().toISOString(), machine: machineInfo(), results }, null, 2) + '\n')
console.log('\nWrote bench/results.json')

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`preview server did not start at ${url}`)
}

async function measureInBrowser(url, resolved) {
  const b = await chromium.launch({ ...launchOptionsFor(resolved), ...(resolved.channel ? { channel: resolved.channel } : {}) })
  const out = {}
  try {
    // Startup: navigation start → the lab is interactive (the Send request button is enabled and the picture drawn).
    const startups = []
    for (let i = 0; i < 7; i++) {
      const ctx = await b.newContext({ viewport: { width: 1280, height: 800 } })
      const page = await ctx.newPage()
      await page.goto(url)
      await page.getByRole('button', { name: 'Send request' }).first().waitFor()
      await page.locator('[data-testid="topology.target.i-1"]').waitFor()
      startups.push(await page.evaluate(() => window.__stickylabReadyAt ?? performance.now()))
      await ctx.close()
    }
    out['startup.firstRenderMs'] = Math.round(median(startups.slice(1)))

    // Three runs per load, each 240 frames; the figures are the medians. Chromium stamps frames with a ±0.1 ms
    // jitter around the display interval (an idle page gives 16.6/16.7/16.8 ms), so each frame time is counted
    // in whole display intervals (a frame that missed one vsync is two intervals): the p95 then says how smooth
    // the animation is, not how the timer jitters. The unrounded p95 is reported too (render.p95FrameMsRaw).
    for (const inFlight of [200, 100]) {
      const p95s = []
      const raws = []
      const dropped = []
      let drawn = 0
      for (let run = 0; run < 3; run++) {
        const ctx = await b.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'no-preference' })
        const page = await ctx.newPage()
        await page.goto(url)
        await page.getByRole('button', { name: 'Send request' }).first().waitFor()
        // Frames of the animation, not of start-up: the panels that load just after the first paint arrive first,
        // so their parsing and mounting is not counted here; startup.firstRenderMs measures start-up.
        await page.waitForFunction(() => document.querySelector('.panel-loading, .app-header [aria-disabled="true"]') === null)
        await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)))
        const frames = await page.evaluate(async (n) => {
          const api = window.stickylab.current
          // Slow responses keep the requests in flight for the whole measurement.
          api.send({ type: 'lab.call', method: 'configureApp', args: [{ latencySeconds: 60 }] })
          for (let c = 0; c < 20; c++) api.send({ type: 'lab.call', method: 'addClient', args: [`load${c}`] })
          for (let i = 0; i < n; i++) api.send({ type: 'lab.call', method: 'request', args: [`load${i % 20}`, {}] })
          const times = []
          await new Promise((resolve) => {
            let last = 0
            const tick = (t) => {
              if (last) times.push(t - last)
              last = t
              if (times.length < 240) requestAnimationFrame(tick)
              else resolve(undefined)
            }
            requestAnimationFrame(tick)
          })
          return { times, inFlight: document.querySelectorAll('g.packet').length }
        }, inFlight)
        await ctx.close()
        const interval = median(frames.times)
        const inIntervals = frames.times.map((t) => Math.max(1, Math.round(t / interval)) * interval)
        p95s.push(percentile(inIntervals, 95))
        raws.push(percentile(frames.times, 95))
        dropped.push(frames.times.filter((t) => t > interval * 1.5).length / frames.times.length)
        drawn = frames.inFlight
      }
      const key = inFlight === 200 ? 'render.p95FrameMs' : 'render.p95FrameMs100'
      out[key] = Math.round(median(p95s) * 10) / 10
      out[`${key}Raw`] = Math.round(median(raws) * 10) / 10
      if (inFlight === 200) {
        out['render.droppedFramePct'] = Math.round(median(dropped) * 1000) / 10
        out['render.packetsDrawn'] = drawn
      }
    }

    Object.assign(out, await measureLoadTest(b, url))
  } finally {
    await b.close()
  }
  return out
}

/**
 * The Load test panel's run of 1,000,200 requests (10,000 clients, 10 virtual minutes at 1,667/s: the nearest a
 * whole number of requests per second gets to a million) from the click on "Run load test" to the result on
 * screen, with a longtask observer on the main thread meanwhile. Median of 3 runs; the longest task is the
 * worst seen in any run (0 when no task reached 50 ms).
 */
async function measureLoadTest(b, url) {
  const times = []
  let longest = 0
  for (let i = 0; i < 3; i++) {
    const ctx = await b.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await ctx.newPage()
    await page.goto(url)
    const panel = page.getByRole('region', { name: 'Load test' })
    await panel.getByRole('button', { name: 'Run load test' }).waitFor()
    await panel.getByLabel('Clients').fill('10000')
    await panel.getByLabel('Minutes (virtual)').fill('10')
    await panel.getByLabel('Requests per second').fill('1667')
    const run = await page.evaluate(async () => {
      let worst = 0
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) worst = Math.max(worst, e.duration)
      })
      observer.observe({ type: 'longtask' })
      const button = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Run load test')
      const t0 = performance.now()
      button.click()
      await new Promise((resolve) => {
        const seen = () => document.querySelector('[data-testid="loadtest-reading"]') !== null
        const mo = new MutationObserver(() => {
          if (seen()) {
            mo.disconnect()
            resolve(undefined)
          }
        })
        mo.observe(document.body, { childList: true, subtree: true })
      })
      const ms = performance.now() - t0
      // Long tasks are reported after they end: give the observer a frame to deliver the last ones.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)))
      observer.disconnect()
      return { ms, worst, text: document.querySelector('[data-testid="loadtest-reading"]').textContent }
    })
    if (!run.text.startsWith('1,000,200 requests')) throw new Error(`unexpected load test result: ${run.text}`)
    times.push(run.ms)
    longest = Math.max(longest, run.worst)
    await ctx.close()
  }
  return { 'load.millionRequestsMs': Math.round(median(times)), 'load.longestMainThreadTaskMs': Math.round(longest) }
}

function median(v) {
  const s = [...v].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
function percentile(v, p) {
  const s = [...v].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]
}

function machineInfo() {
  const cpus = spawnSync('nproc', [], { encoding: 'utf8' }).stdout.trim()
  return { node: process.version, cpus }
}

function printTable() {
  const rows = []
  for (const [key, value] of Object.entries(results)) {
    const budget = BUDGETS.find((b) => b[0] === key)
    let verdict = ''
    let limit = ''
    if (budget) {
      const [, cmp, lim, unit] = budget
      const ok = cmp === '>=' ? value >= lim : value <= lim
      verdict = ok ? 'PASS' : 'FAIL'
      limit = `${cmp} ${lim.toLocaleString('en-US')} ${unit}`
    }
    rows.push([key, typeof value === 'number' ? value.toLocaleString('en-US') : String(value), limit, verdict])
  }
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ['metric', 'measured', 'budget', ''][i].length))
  const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')
  console.log('\n' + line(['metric', 'measured', 'budget', 'result']))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const r of rows) console.log(line(r))
}
