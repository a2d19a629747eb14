// Drives the page's lab actor from tests for set-up only (settings another panel owns, the clock), through
// window.stickylab.current.send, so the picture and panels follow exactly as after a learner's action.
import type { Page } from '@playwright/test'
import { LEG_SECONDS } from '../../src/view/reveal'

type LabEventLike = { type: string; [key: string]: unknown }

export async function sendEvent(page: Page, event: LabEventLike): Promise<void> {
  await page.evaluate((e) => window.stickylab.current.send(e as never), event)
}

export async function labCall(page: Page, method: string, ...args: unknown[]): Promise<void> {
  await sendEvent(page, { type: 'lab.call', method, args })
}

/** Pauses the frame-driven clock so only explicit advances move virtual time. */
export async function pause(page: Page): Promise<void> {
  await sendEvent(page, { type: 'sim.pause' })
}

export async function advance(page: Page, seconds: number): Promise<void> {
  await sendEvent(page, { type: 'sim.advance', seconds })
}

export async function enableStickiness(page: Page, durationSeconds = 20): Promise<void> {
  await labCall(page, 'modifyTargetGroupAttributes', 'web', {
    'stickiness.enabled': 'true',
    'stickiness.type': 'lb_cookie',
    'stickiness.lb_cookie.duration_seconds': String(durationSeconds),
  })
}

export async function disableStickiness(page: Page): Promise<void> {
  await labCall(page, 'modifyTargetGroupAttributes', 'web', { 'stickiness.enabled': 'false' })
}

/** The virtual clock, read from the lab itself. */
export async function now(page: Page): Promise<number> {
  return page.evaluate(() => window.stickylab.current.lab().now())
}

/**
 * Pauses and starts the same lab over at virtual time 0. The clock runs from the first paint until a test
 * pauses it, and on a busy machine that can already be seconds, so a test that needs exact times starts here.
 */
export async function pauseAtZero(page: Page): Promise<void> {
  await pause(page)
  await sendEvent(page, { type: 'sim.reset' })
}

/**
 * Lets `count` animation frames go by. The frame driver (src/app/driver.ts) moves a playing clock, and the
 * picture its dots, only on animation frames, so this is how long "nothing moves while paused" must hold.
 */
export async function animationFrames(page: Page, count = 20): Promise<void> {
  await page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r))
  }, count)
}

/** Moves the virtual clock to exactly `seconds` (it must be ahead). */
export async function advanceTo(page: Page, seconds: number): Promise<void> {
  await page.evaluate((t) => {
    const lab = window.stickylab.current.lab()
    // Rounded to the clock's millisecond resolution so float noise never undershoots the target.
    window.stickylab.current.send({
      type: 'sim.advance',
      seconds: Math.round((t - lab.now()) * 1000) / 1000,
    })
  }, seconds)
}

/**
 * The stage reveals a request's outcome when it reaches its target (src/view/reveal.ts): with the clock
 * paused after a Send, moves virtual time on by the request leg so the outcome (target, counters, decision,
 * history) shows, as a learner would see once the dot arrived. Cookies it sets show only after `afterResponse`.
 */
export async function afterArrival(page: Page): Promise<void> {
  await advance(page, LEG_SECONDS)
}

/** Moves virtual time on until every response now travelling is back in its browser (its cookies show). */
export async function afterResponse(page: Page): Promise<void> {
  const seconds = await page.evaluate((leg) => {
    const lab = window.stickylab.current.lab()
    const now = lab.now()
    let back = now
    for (const r of lab.history()) if (r.at <= now) back = Math.max(back, r.completesAt + 2 * leg)
    // Rounded up to the clock's millisecond resolution so float noise never undershoots the return.
    return Math.ceil((back - now) * 1000) / 1000
  }, LEG_SECONDS)
  if (seconds > 0) await advance(page, seconds)
}
