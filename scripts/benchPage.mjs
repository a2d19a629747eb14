// Shared set-up for the whole-app benchmarks (scripts/benchApp.mjs, scripts/benchSoak.mjs): open the full app
// as a learner sees it, drive the lab through its live API (window.stickylab.current, docs/api.md) and turn a
// Chromium trace into main-thread work per frame. Set-up never relies on where a panel sits on the page (the
// layout moves); panels are opened by tab role and name when the page has tabs.

/** The wide viewport: on the two-column layout every panel is on the page; on a docked layout, tabs are clicked. */
export const VIEWPORT = { width: 1920, height: 1080 }

/** Panels the benchmarks want on screen while they measure, in the order their tabs are tried. */
const PANEL_TABS = [/^Cookies/i, /^Numbers/i]

/**
 * Opens the app, waits until it is interactive and its deferred panels have loaded, dismisses a first-visit
 * welcome if there is one, opens the Cookies (else Numbers) tab if the page has tabs and switches trails on if
 * the page offers them. Returns what it found, so a run says what it measured.
 */
export async function openApp(ctx, url) {
  const page = await ctx.newPage()
  await page.goto(url)
  await page.getByRole('button', { name: 'Send request' }).first().waitFor()
  await page.waitForFunction(
    () => document.querySelector('.panel-loading, .app-header [aria-disabled="true"]') === null,
  )
  const explore = page.getByRole('button', { name: /^Explore/ })
  if (
    await explore
      .first()
      .isVisible()
      .catch(() => false)
  )
    await explore.first().click()
  let tab = null
  for (const name of PANEL_TABS) {
    const t = page.getByRole('tab', { name })
    if ((await t.count()) > 0 && (await t.first().isVisible())) {
      await t.first().click()
      tab = (await t.first().textContent())?.trim() ?? null
      break
    }
  }
  let trails = 'not offered'
  const trailSwitch = page
    .getByRole('checkbox', { name: /trails/i })
    .or(page.getByRole('switch', { name: /trails/i }))
  if ((await trailSwitch.count()) > 0) {
    if (!(await trailSwitch.first().isChecked())) await trailSwitch.first().check()
    trails = 'on'
  }
  // Let the chunks that load after the first paint settle, so their parsing is not counted as frame work.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)))
  const visible = await page.evaluate(() =>
    [...document.querySelectorAll('section[aria-labelledby], [role="region"], [role="tabpanel"]')]
      .filter((el) => {
        const r = el.getBoundingClientRect()
        return r.width > 0 && r.height > 0 && r.top < window.innerHeight && r.bottom > 0
      })
      .map((el) => {
        const by = el.getAttribute('aria-labelledby')
        const label =
          el.getAttribute('aria-label') ??
          (by ? document.getElementById(by)?.textContent : '') ??
          ''
        return label.trim()
      })
      .filter(Boolean),
  )
  return { page, tab, trails, visible }
}

/**
 * Starts the clock at `speed` and, on every animation frame, sends one request from each of `clients` for every
 * `everySeconds` of virtual time gone by (like the Clients panel's auto-refresh, which also fires on the clock's
 * ticks). `durationSeconds` keeps each request busy on its target that long (the core's request option), so
 * requests stay in flight. `burst` requests, spread over the clients, are sent once at the start.
 */
export async function startLab(
  page,
  { clients, everySeconds = 0, durationSeconds, speed = 1, burst = 0 },
) {
  await page.evaluate(
    ({ clients, everySeconds, durationSeconds, speed, burst }) => {
      const api = window.stickylab.current
      const call = (method, ...args) => api.send({ type: 'lab.call', method, args })
      const options = () => (durationSeconds ? { durationSeconds } : {})
      for (const c of clients) call('addClient', c)
      for (let i = 0; i < burst; i++) call('request', clients[i % clients.length], options())
      api.send({ type: 'sim.setSpeed', speed })
      api.send({ type: 'sim.play' })
      window.__benchStreaming = everySeconds > 0
      let next = api.lab().now() + everySeconds
      const tick = () => {
        if (!window.__benchStreaming) return
        const now = api.lab().now()
        // A frame can cover several periods at high speed: send each one's requests, as auto-refresh would.
        for (let n = 0; next <= now && n < 100; n++, next += everySeconds) {
          for (const c of clients) call('request', c, options())
        }
        if (next <= now) next = now + everySeconds
        requestAnimationFrame(tick)
      }
      if (window.__benchStreaming) requestAnimationFrame(tick)
    },
    { clients, everySeconds, durationSeconds, speed, burst },
  )
}

/** Requests whose response is not back yet, counted from the lab (history keeps the newest 500 records). */
export async function inFlightNow(page) {
  return page.evaluate(() => {
    const lab = window.stickylab.current.lab()
    const now = lab.now()
    // 0.4 s each way (src/view/reveal.ts LEG_SECONDS) around the target's work.
    return lab.history().filter((r) => r.at <= now && now < r.completesAt + 0.8).length
  })
}

/** Names made from a prefix: clientNames('s', 3) → ['s0', 's1', 's2']. */
export function clientNames(prefix, n) {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}`)
}

/** The page's renderer main-thread metrics (CDP Performance.getMetrics), durations in ms, sizes in bytes. */
export async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics')
  const m = Object.fromEntries(list.map((x) => [x.name, x.value]))
  return {
    task: m.TaskDuration * 1000,
    script: m.ScriptDuration * 1000,
    layout: m.LayoutDuration * 1000,
    style: m.RecalcStyleDuration * 1000,
    heap: m.JSHeapUsedSize,
  }
}

/**
 * Main-thread work per frame from a Chromium trace (categories `toplevel` and
 * `disabled-by-default-devtools.timeline.frame`): the renderer main thread's top-level tasks, summed between one
 * BeginMainThreadFrame and the next, so a frame the main thread was too busy to start is part of the long frame
 * before it. Task time is the thread's CPU time (trace `tdur`), as Performance.getMetrics reports with
 * timeDomain 'threadTicks'. Returns one figure in ms per frame.
 */
export function workPerFrame(traceBuffer) {
  const parsed = JSON.parse(traceBuffer.toString())
  const events = parsed.traceEvents ?? parsed
  const frameCounts = new Map()
  for (const e of events) {
    if (e.name === 'BeginMainThreadFrame')
      frameCounts.set(`${e.pid}:${e.tid}`, (frameCounts.get(`${e.pid}:${e.tid}`) ?? 0) + 1)
  }
  // The page's renderer main thread is the one drawing the most frames.
  const main = [...frameCounts].sort((a, b) => b[1] - a[1])[0]?.[0]
  if (!main) throw new Error('the trace has no BeginMainThreadFrame: no frames were drawn')
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === main)
  const frames = mine
    .filter((e) => e.name === 'BeginMainThreadFrame')
    .map((e) => e.ts)
    .sort((a, b) => a - b)
  const tasks = mine
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask')
    .sort((a, b) => a.ts - b.ts)
  const work = new Array(Math.max(0, frames.length - 1)).fill(0)
  let f = 0
  let end = -Infinity
  for (const t of tasks) {
    if (t.ts < end) continue // a task run inside another (a nested loop) is already counted
    end = t.ts + t.dur
    while (f < frames.length - 1 && t.ts >= frames[f + 1]) f++
    if (t.ts < frames[0] || t.ts >= frames[frames.length - 1]) continue
    // Thread time (tdur: CPU time the main thread spent running the task), not wall time: on a shared machine a
    // descheduled thread would otherwise count someone else's work as this page's.
    work[f] += (t.tdur ?? t.dur) / 1000
  }
  return work
}

export function median(v) {
  const s = [...v].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

export function percentile(v, p) {
  const s = [...v].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]
}

export const round1 = (x) => Math.round(x * 10) / 10
export const round2 = (x) => Math.round(x * 100) / 100
