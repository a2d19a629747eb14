// The time bar (play/pause, step, speed, clock jumps, reset), the theme switch and the Numbers panel.
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { stageBrowser } from './pages/ClientsPanel'
import { afterResponse } from './pages/labDriver'
import { showTab } from './pages/phoneTabs'

const send = (page: Page) => stageBrowser(page, 'alice').getByRole('button', { name: 'Send request' }).click()

test('Step jumps to the next scheduled event while paused', async ({ lab: page }) => {
  await page.getByRole('button', { name: 'Pause', exact: true }).click()
  const clock = page.getByTestId('clock')
  const before = await clock.textContent()
  await send(page)
  await page.getByRole('button', { name: 'Step', exact: true }).click()
  // The request occupies its target for 0.5 virtual seconds: the next event is its completion.
  await expect(clock).not.toHaveText(before ?? '')
  await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeEnabled()
  await page.getByRole('button', { name: 'Play', exact: true }).click()
  // While the clock runs there is nothing to step: the button leaves the bar.
  await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeHidden()
})

test('clock jumps advance virtual time and let health checks run', async ({ lab: page }) => {
  await page.getByRole('button', { name: 'Pause', exact: true }).click()
  await page.evaluate(() => window.stickylab.current.send({ type: 'lab.call', method: 'setHealthCheckFailing', args: ['i-2', true] }))
  await page.getByRole('button', { name: 'Jump ahead' }).click()
  await page.getByRole('button', { name: 'Advance the clock 30 seconds' }).click()
  await expect(page.getByTestId('clock')).toHaveText(/^0:3\d/)
  await page.getByRole('button', { name: 'Jump ahead' }).click()
  await page.getByRole('button', { name: 'Advance the clock 5 minutes' }).click()
  await expect(page.getByTestId('clock')).toHaveText(/^5:3\d/)
  await expect(page.getByTestId('topology.target.i-2')).toHaveAttribute('data-state', 'unhealthy')
  await page.getByRole('button', { name: 'Jump ahead' }).click()
  await page.getByRole('button', { name: 'Advance the clock 1 day' }).click()
  await expect(page.getByTestId('clock')).toHaveText(/^1 d 00:05:3\d/)
})

test('speed changes how fast virtual time runs', async ({ lab: page }) => {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('100')
  await expect(page.getByTestId('clock')).toHaveText(/^[1-9]\d*:\d\d/, { timeout: 5000 })
})

test('Reset asks first, then brings the lab back to its start', async ({ lab: page }) => {
  await showTab(page, 'Requests')
  await send(page)
  await page.getByRole('button', { name: 'Reset' }).click()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByTestId('request-row')).toHaveCount(1)
  await page.getByRole('button', { name: 'Reset' }).click()
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Yes, reset' }).click()
  await expect(page.getByTestId('request-row')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Reset' })).toBeFocused()
})

test('the ALB decision is shown under the picture in one plain sentence', async ({ lab: page }) => {
  const decision = page.getByTestId('alb-decision')
  await expect(decision).toContainText('No request yet')
  await send(page)
  await expect(decision).toContainText('#1 from alice')
  await expect(decision).toContainText('i-1')
})

test('the Numbers panel charts requests per instance and counts non-sticky requests, ELB 5xx and lost carts', async ({ lab: page }) => {
  await page.evaluate(() => {
    const { send: s } = window.stickylab.current
    s({ type: 'sim.pause' })
    s({ type: 'lab.call', method: 'modifyTargetGroupAttributes', args: ['web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' }] })
  })
  await showTab(page, 'Numbers')
  const addToCart = stageBrowser(page, 'alice').getByRole('button', { name: 'Add to cart' })
  await addToCart.click()
  await afterResponse(page)
  await expect(page.getByTestId('stat-NonStickyRequestCount')).toContainText('1')
  // A hung application: alice's binding still wins and the load balancer answers 502 until checks notice.
  await page.evaluate(() => window.stickylab.current.send({ type: 'lab.call', method: 'setHealthCheckFailing', args: ['i-1', true, { mode: 'unresponsive' }] }))
  await addToCart.click()
  await afterResponse(page)
  await expect(page.getByTestId('stat-HTTPCode_ELB_5XX_Count')).toContainText('1')
  await page.evaluate(() => window.stickylab.current.send({ type: 'sim.advance', seconds: 70 }))
  await addToCart.click()
  await afterResponse(page)
  await expect(page.getByTestId('stat-SessionsLost')).toContainText('1')
  const chart = page.getByRole('img', { name: /Requests per instance/ })
  await expect(chart).toHaveAttribute('aria-label', /i-2 1/)
  await expect(chart.locator('g.bar')).toHaveCount(3)
  await expectNoAxeViolations(page)
})

test('the dark theme switch changes the whole page', async ({ lab: page }) => {
  const toggle = page.getByRole('button', { name: 'Dark theme' })
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  await toggle.click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(light)
  await expectNoAxeViolations(page)
})
