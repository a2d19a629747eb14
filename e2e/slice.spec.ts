// The first vertical slice: a request travels through the machine and the core, round-robin across three instances.
import { expect, expectNoAxeViolations, gotoLab, test } from './fixtures'
import { stageBrowser } from './pages/ClientsPanel'
import { animationFrames } from './pages/labDriver'
import { showTab } from './pages/phoneTabs'

test('three requests are served by three different instances in round-robin order', async ({ lab: page }) => {
  await showTab(page, 'Requests')
  const send = stageBrowser(page, 'alice').getByRole('button', { name: 'Send request' })
  for (let i = 0; i < 3; i++) await send.click()

  const targets = page.getByTestId('request-target')
  await expect(targets).toHaveCount(3)
  // The log lists newest first.
  await expect(targets).toHaveText(['i-3', 'i-2', 'i-1'])
  await expect(page.getByTestId('latest-decision')).toContainText('i-3')
  await showTab(page, 'Setup')
  for (const id of ['i-1', 'i-2', 'i-3']) await expect(page.getByTestId(`served-${id}`)).toHaveText('1')

  await expect(page.getByTestId('topology.target.i-1')).toHaveAttribute('aria-label', /1 requests served/)
  await expectNoAxeViolations(page)
  await page.screenshot({ path: 'reports/screens/slice-round-robin.png', fullPage: true })
})

test('pause freezes the virtual clock and play resumes it', async ({ lab: page }) => {
  const pause = page.getByRole('button', { name: 'Pause', exact: true })
  await pause.click()
  const clock = page.getByTestId('clock')
  const frozen = await clock.textContent()
  await animationFrames(page)
  await expect(clock).toHaveText(frozen ?? '')
  await page.getByRole('button', { name: 'Play', exact: true }).click()
  await expect(clock).not.toHaveText(frozen ?? '', { timeout: 3000 })
})

test('an animated dot travels while a request is in flight and stops when paused', async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: 'no-preference' })
  const page = await context.newPage()
  await gotoLab(page, '/')
  // A slow application keeps the request in flight long enough to watch on a busy machine.
  await page.evaluate(() => window.stickylab.current.send({ type: 'lab.call', method: 'configureApp', args: [{ latencySeconds: 20 }] }))
  // Sent while paused, the dot waits at the browser; Play moves it; Pause stops it where it is.
  await page.getByRole('button', { name: 'Pause', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible()
  await page.getByTestId('stage').getByRole('button', { name: 'Send request' }).click()
  const dot = page.locator('g.packet').first()
  await expect(dot).toBeAttached()
  await animationFrames(page)
  const start = await dot.getAttribute('transform')
  await animationFrames(page)
  await expect(dot).toHaveAttribute('transform', start ?? '')
  await page.getByRole('button', { name: 'Play', exact: true }).click()
  await expect(dot).not.toHaveAttribute('transform', start ?? '')
  await page.getByRole('button', { name: 'Pause', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible()
  // The frame already scheduled when Pause was clicked may still draw the dot once: read its place after a few.
  await animationFrames(page)
  const at = await dot.getAttribute('transform')
  await animationFrames(page)
  await expect(dot).toHaveAttribute('transform', at ?? '')
  await context.close()
})
