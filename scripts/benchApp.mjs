// Whole-app benchmarks for `npm run bench` (issue 14 item 7): the full app at 1920×1080 with its panels open,
// driven through the live lab API. What each figure means and how it is taken: docs/benchmarks.md.
import {
  VIEWPORT,
  clientNames,
  inFlightNow,
  median,
  metrics,
  openApp,
  percentile,
  round1,
  round2,
  startLab,
  workPerFrame,
} from './benchPage.mjs'

const FRAMES = 240
const RUNS = 3
const TRACE_CATEGORIES = ['toplevel', 'disabled-by-default-devtools.timeline.frame']

/**
 * The loads of issue 14: a few browsers refreshing, one browser sending fast, and 200 / 1,000 requests held in flight.
 * Exported so an A/B of two builds can keep only the scenarios it compares (docs/benchmarks.md, session 10).
 */
export const SCENARIOS = [
  {
    key: 'stream4',
    what: '4 browsers each sending 1 request per virtual second',
    clients: clientNames('s', 4),
    everySeconds: 1,
  },
  {
    key: 'stream20Hz',
    what: '1 browser sending every 50 ms (virtual)',
    clients: ['fast'],
    everySeconds: 0.05,
  },
  {
    key: 'inFlight200',
    what: '200 requests held in flight (20 browsers)',
    clients: clientNames('l', 20),
    burst: 200,
    durationSeconds: 600,
  },
  {
    key: 'inFlight1000',
    what: '1,000 requests held in flight (50 browsers)',
    clients: clientNames('l', 50),
    burst: 1000,
    durationSeconds: 600,
  },
]

/** Main-thread work per frame in each scenario: medians of 3 runs of 240 frames each, clock at 1×. */
export async function measureFrameWork(browser, url, log = console.log) {
  const out = {}
  const calibrations = []
  for (const s of SCENARIOS) {
    const runs = []
    for (let run = 0; run < RUNS; run++) runs.push(await frameRun(browser, url, s))
    calibrations.push(...runs.map((r) => r.calibration))
    const pick = (k) => median(runs.map((r) => r[k]))
    out[`frameWork.${s.key}.p50Ms`] = round1(pick('p50'))
    out[`frameWork.${s.key}.p95Ms`] = round1(pick('p95'))
    out[`frameWork.${s.key}.meanMs`] = round1(pick('mean'))
    out[`frameWork.${s.key}.scriptMs`] = round1(pick('script'))
    out[`frameWork.${s.key}.layoutMs`] = round1(pick('layout'))
    out[`frameWork.${s.key}.styleMs`] = round1(pick('style'))
    out[`frameWork.${s.key}.inFlight`] = Math.round(pick('inFlight'))
    const first = runs[0]
    log(
      `  ${s.key}: ${s.what}; p95 per run ${runs.map((r) => round1(r.p95)).join(' / ')} ms; tab ${first.tab ?? '(no tabs)'}; trails ${first.trails}; panels on screen: ${first.visible.join(', ')}`,
    )
  }
  out['frameWork.calibrationMs'] = round1(median(calibrations))
  return out
}

async function frameRun(browser, url, s) {
  const ctx = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'no-preference' })
  try {
    const { page, tab, trails, visible } = await openApp(ctx, url)
    const cdp = await ctx.newCDPSession(page)
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
    await startLab(page, {
      clients: s.clients,
      everySeconds: s.everySeconds,
      durationSeconds: s.durationSeconds,
      burst: s.burst,
    })
    // Two seconds for the load to reach its steady state (a request's trip is 1.3 s at the default latency).
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 2000)))
    const before = await metrics(cdp)
    await browser.startTracing(page, { categories: TRACE_CATEGORIES })
    const frames = await page.evaluate(
      (n) =>
        new Promise((resolve) => {
          let count = 0
          const tick = () => (++count < n ? requestAnimationFrame(tick) : resolve(count))
          requestAnimationFrame(tick)
        }),
      FRAMES,
    )
    const trace = await browser.stopTracing()
    const after = await metrics(cdp)
    const inFlight = await inFlightNow(page)
    const work = workPerFrame(trace)
    // The same fixed piece of JavaScript, timed the same way: how much the machine's load inflates thread time
    // right now. Figures taken under different loads compare better divided by it.
    const c0 = await metrics(cdp)
    await page.evaluate(() => {
      let x = 0
      for (let i = 0; i < 30_000_000; i++) x = (x * 31 + i) | 0
      return x
    })
    const calibration = (await metrics(cdp)).task - c0.task
    return {
      p50: percentile(work, 50),
      p95: percentile(work, 95),
      mean: (after.task - before.task) / frames,
      script: (after.script - before.script) / frames,
      layout: (after.layout - before.layout) / frames,
      style: (after.style - before.style) / frames,
      inFlight,
      calibration,
      tab,
      trails,
      visible,
    }
  } finally {
    await ctx.close()
  }
}

/**
 * How often the panels commit to the DOM per animation frame while requests arrive fast, each in its own task
 * (1 request per 10 ms of virtual time, clock at 1×, from a timer, not from a frame callback, so nothing lines
 * them up with frames but the app). A MutationObserver delivers one batch per commit; batches are counted per
 * frame. Observed: the dock's tab panels when the page has them, else the whole page except the picture's SVG
 * (which is redrawn every frame by design). Medians of 3 runs of 240 frames.
 */
export async function measurePanelCommits(browser, url, log = console.log) {
  const runs = []
  for (let run = 0; run < RUNS; run++) {
    const ctx = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'no-preference' })
    try {
      const { page } = await openApp(ctx, url)
      await startLab(page, { clients: ['rapid'] })
      runs.push(
        await page.evaluate(
          async ({ n, perVirtualSecond }) => {
            const api = window.stickylab.current
            const panels = [...document.querySelectorAll('[role="tabpanel"]')]
            const roots = panels.length > 0 ? panels : [document.body]
            const outsidePicture = (node) => {
              const el = node.nodeType === 1 ? node : node.parentElement
              return el !== null && el.closest('svg') === null
            }
            let frame = -1
            const batches = new Array(n).fill(0)
            const mo = new MutationObserver((records) => {
              if (frame >= 0 && frame < n && records.some((r) => outsidePicture(r.target)))
                batches[frame]++
            })
            for (const root of roots)
              mo.observe(root, {
                subtree: true,
                childList: true,
                attributes: true,
                characterData: true,
              })
            let sent = 0
            const t0 = performance.now()
            const send = () => {
              if (frame >= n) return
              const wanted = Math.floor(((performance.now() - t0) / 1000) * perVirtualSecond)
              if (sent < wanted) {
                api.send({ type: 'lab.call', method: 'request', args: ['rapid', {}] })
                sent++
              }
              setTimeout(send, 1)
            }
            setTimeout(send, 1)
            await new Promise((resolve) => {
              const tick = () => {
                frame++
                if (frame < n) requestAnimationFrame(tick)
                else resolve(undefined)
              }
              requestAnimationFrame(tick)
            })
            mo.disconnect()
            return {
              batches,
              sent,
              observed: panels.length > 0 ? 'tab panels' : 'page outside the picture',
            }
          },
          { n: FRAMES, perVirtualSecond: 100 },
        ),
      )
    } finally {
      await ctx.close()
    }
  }
  const maxes = runs.map((r) => Math.max(...r.batches))
  const p95s = runs.map((r) => percentile(r.batches, 95))
  const means = runs.map((r) => r.batches.reduce((a, b) => a + b, 0) / r.batches.length)
  log(
    `  panel commits: observed ${runs[0].observed}; ${runs[0].sent} requests in ${FRAMES} frames; max per run ${maxes.join(' / ')}`,
  )
  return {
    'panels.commitsPerFrameMax': median(maxes),
    'panels.commitsPerFrameP95': median(p95s),
    'panels.commitsPerFrameMean': round2(median(means)),
    'panels.requestsPerFrame': round2(median(runs.map((r) => r.sent / FRAMES))),
  }
}
