// The heap soak (issues 14 and 16): the whole app streaming for 10 minutes of wall clock, clock at 60×, with the
// JavaScript heap read after a forced garbage collection at the start, every minute and at the end. Run by
// `npm run bench:soak` (it is too long for `npm run bench`); STICKYLAB_SOAK_MINUTES shortens it for a quick check.
import {
  VIEWPORT,
  clientNames,
  inFlightNow,
  metrics,
  openApp,
  round2,
  startLab,
} from './benchPage.mjs'

export const SOAK_MINUTES = Number(process.env.STICKYLAB_SOAK_MINUTES ?? 10)

/** Heap used after GC, in MB: collect twice (the first pass can leave objects its finalizers just released). */
async function heapAfterGcMb(cdp) {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  return (await metrics(cdp)).heap / (1024 * 1024)
}

/**
 * The two readings taken each minute. `streaming`: collect garbage and read while the page keeps running, as
 * before. `atRest`: the clock paused for 300 ms first, so no requests are sent and no dots move while garbage
 * is collected and the heap read. The page allocates ~1–2 MB between the collection and the read while it
 * streams at 60× (a heap snapshot taken at a streaming reading 1.9 MB above another held only 0.4 MB more live
 * objects), so `streaming` swings with whatever was just allocated; `atRest` is what is live, and is the budget
 * figure. Nothing is skipped: the virtual clock stops with the pause, and the streaming follows the clock.
 */
async function readHeap(page, cdp) {
  const streaming = await heapAfterGcMb(cdp)
  await page.evaluate(() => window.stickylab.current.send({ type: 'sim.pause' }))
  // Three reads 200 ms apart, the lowest kept: anything the page still does at rest (a periodic save, a last
  // frame) can only add garbage-to-be to a read, never remove live objects from it.
  let atRest = Infinity
  for (let i = 0; i < 3; i++) {
    await page.waitForTimeout(i === 0 ? 300 : 200)
    atRest = Math.min(atRest, await heapAfterGcMb(cdp))
  }
  await page.evaluate(() => window.stickylab.current.send({ type: 'sim.play' }))
  return { streaming, atRest }
}

/**
 * 4 browsers each sending 1 request per virtual second (240 requests per wall second at 60×). The start reading
 * is taken after 10 s of streaming, so chunks loaded after the first paint and the first requests' one-off
 * allocations are not counted as growth. Figures: growth (end − start), spread (largest distance of any reading
 * from the start) and growth over the second half (is it still growing once the lab's rings are full?).
 */
export async function measureSoak(browser, url, minutes = SOAK_MINUTES, log = console.log) {
  if (!(Number.isFinite(minutes) && minutes > 0))
    throw new Error(`STICKYLAB_SOAK_MINUTES must be a positive number, got ${minutes}`)
  const ctx = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'no-preference' })
  try {
    const { page } = await openApp(ctx, url)
    const cdp = await ctx.newCDPSession(page)
    await cdp.send('Performance.enable')
    await cdp.send('HeapProfiler.enable')
    await startLab(page, { clients: clientNames('soak', 4), everySeconds: 1, speed: 60 })
    await page.waitForTimeout(10_000)
    const first = await readHeap(page, cdp)
    const readings = [
      { minute: 0, mb: first.atRest, running: first.streaming, virtual: await virtualNow(page) },
    ]
    log(
      `  soak: start ${first.atRest.toFixed(2)} MB after GC at rest (${first.streaming.toFixed(2)} while streaming); streaming ${minutes} min at 60×`,
    )
    const totalMs = minutes * 60_000
    const t0 = Date.now()
    for (let minute = 1; Date.now() - t0 < totalMs; minute++) {
      await page.waitForTimeout(Math.min(60_000, totalMs - (Date.now() - t0)))
      const heap = await readHeap(page, cdp)
      const reading = {
        minute: round2((Date.now() - t0) / 60_000),
        mb: heap.atRest,
        running: heap.streaming,
        virtual: await virtualNow(page),
      }
      readings.push(reading)
      log(
        `  soak: ${reading.minute} min, virtual ${Math.round(reading.virtual)} s, ${reading.mb.toFixed(2)} MB after GC at rest (${reading.running.toFixed(2)} while streaming)`,
      )
    }
    const inFlight = await inFlightNow(page)
    const requests = await page.evaluate(
      () => window.stickylab.current.lab().history().at(-1)?.id ?? 0,
    )
    const start = readings[0].mb
    const end = readings.at(-1).mb
    const mid = readings[Math.floor((readings.length - 1) / 2)].mb
    return {
      'soak.minutes': minutes,
      'soak.heapStartMb': round2(start),
      'soak.heapEndMb': round2(end),
      'soak.heapGrowthMb': round2(end - start),
      'soak.heapSpreadMb': round2(Math.max(...readings.map((r) => Math.abs(r.mb - start)))),
      'soak.heapSecondHalfGrowthMb': round2(end - mid),
      'soak.virtualSeconds': Math.round(readings.at(-1).virtual - readings[0].virtual),
      'soak.lastRequestId': requests,
      'soak.inFlightAtEnd': inFlight,
      'soak.readingsMb': readings.map((r) => round2(r.mb)).join(' '),
      'soak.streamingReadingsMb': readings.map((r) => round2(r.running)).join(' '),
      'soak.streamingSpreadMb': round2(
        Math.max(...readings.map((r) => Math.abs(r.running - readings[0].running))),
      ),
      // Virtual seconds per wall minute between readings: the clock runs at 60× only while frames keep coming
      // (each frame advances at most 0.25 s of real time), so a falling figure means the page is slowing down.
      'soak.virtualPerMinute': readings
        .slice(1)
        .map((r, i) =>
          Math.round((r.virtual - readings[i].virtual) / (r.minute - readings[i].minute)),
        )
        .join(' '),
    }
  } finally {
    await ctx.close()
  }
}

function virtualNow(page) {
  return page.evaluate(() => window.stickylab.current.lab().now())
}
