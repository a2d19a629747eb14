// Browser cards grow with their chip rows: with a large application cookie (sessionCookie.valueBytes 4,000) and
// application-based stickiness after duration-based, alice's jar holds AWSALB, AWSALBCORS, AWSALBAPP-0…3 and
// SESSIONID — seven chips. Before, the card kept a fixed number of chip rows and on a 390 px phone the chips
// spilled over the load balancer's box; now every chip lies inside alice's card and none touches the load
// balancer, at 390×844, 1280×800 and 1920×1080 (screenshots under STICKYLAB_SHOTS for review).
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { advance, enableStickiness, labCall, pauseAtZero } from './pages/labDriver'
import { openTabOf } from './pages/phoneTabs'

const stage = (page: Page) => page.getByTestId('stage')
const browser = (page: Page) => stage(page).getByRole('group', { name: 'alice browser' })
const chips = (page: Page) =>
  browser(page).getByRole('list', { name: 'alice’s cookies' }).getByRole('button')

async function sendAndWait(page: Page, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    await browser(page).getByRole('button', { name: 'Send request' }).click()
    await advance(page, 2)
  }
}

type Rect = { x: number; y: number; width: number; height: number }
const rectOf = async (l: Locator): Promise<Rect> => (await l.boundingBox())!
const inside = (a: Rect, b: Rect) =>
  a.x >= b.x - 0.5 &&
  a.y >= b.y - 0.5 &&
  a.x + a.width <= b.x + b.width + 0.5 &&
  a.y + a.height <= b.y + b.height + 0.5
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5

for (const size of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`seven cookie chips stay inside alice's card and off the load balancer at ${size.width}×${size.height}`, async ({
    lab: page,
  }) => {
    await page.setViewportSize(size)
    await pauseAtZero(page)
    await enableStickiness(page, 86400)
    await openTabOf(page, browser(page).getByRole('button', { name: 'Send request' }))
    await sendAndWait(page, 1)
    await expect(chips(page)).toHaveCount(3)
    // The app's cookie grows past 3 KB and the ALB follows it: AWSALBAPP is split over four shards.
    await labCall(page, 'configureApp', { sessionCookie: { name: 'SESSIONID', valueBytes: 4000 } })
    await labCall(page, 'modifyTargetGroupAttributes', 'web', {
      'stickiness.type': 'app_cookie',
      'stickiness.app_cookie.cookie_name': 'SESSIONID',
    })
    await sendAndWait(page, 2)
    await expect(chips(page)).toHaveCount(7)
    await expect(browser(page).getByRole('button', { name: 'AWSALBAPP-3 cookie' })).toBeVisible()

    const card = await rectOf(browser(page))
    const alb = await rectOf(page.getByTestId('topology.alb').locator('rect.alb-box'))
    expect(overlaps(card, alb), 'the card overlaps the load balancer').toBe(false)
    for (const chip of await chips(page).all()) {
      const r = await rectOf(chip)
      const name = await chip.textContent()
      expect(inside(r, card), `${name} lies outside alice's card`).toBe(true)
      expect(overlaps(r, alb), `${name} overlaps the load balancer`).toBe(false)
    }
    await browser(page).scrollIntoViewIfNeeded()
    const dir = process.env.STICKYLAB_SHOTS ?? '/tmp/shots-stage'
    await page.screenshot({ path: `${dir}/chips-${size.width}x${size.height}.png` })
  })
}
