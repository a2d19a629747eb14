// The Load test panel: bad fields are refused beside the field; a run shows its progress bar and ends in the
// distribution chart with a sentence on the spread (sticky vs not); Cancel stops a long run; the lab is untouched.
import { expect, expectNoAxeViolations, test } from './fixtures'
import { showTab } from './pages/phoneTabs'

test('load test: field errors, a run with stickiness off then on, the chart and its reading', async ({ lab: page }) => {
  await showTab(page, 'Numbers')
  const panel = page.getByRole('region', { name: 'Load test' })
  const run = panel.getByRole('button', { name: 'Run load test' })
  const clients = panel.getByLabel('Clients')
  const minutes = panel.getByLabel('Minutes (virtual)')
  const rate = panel.getByLabel('Requests per second')

  // Bad input: each field says what is wrong, focus goes to the first, nothing runs.
  await clients.fill('0')
  await rate.fill('2.5')
  await run.click()
  await expect(panel.getByText('Clients must be a whole number from 1 to 100,000.')).toBeVisible()
  await expect(panel.getByText('Requests per second must be a whole number from 1 to 10,000.')).toBeVisible()
  await expect(clients).toBeFocused()
  await expect(clients).toHaveAttribute('aria-invalid', 'true')
  await expect(panel.getByRole('progressbar')).toHaveCount(0)

  // Stickiness off (the default lab): round robin spreads the load exactly evenly.
  await clients.fill('300')
  await minutes.fill('2')
  await rate.fill('100')
  await expect(panel.getByText('12,000 requests', { exact: true })).toBeVisible()
  await run.click()
  const reading = panel.getByTestId('loadtest-reading')
  await expect(reading).toHaveText(
    /^12,000 requests from 300 clients over 2 virtual minutes\. Load is spread exactly evenly: each of the 3 instances served 4,000 requests; no request was kept on its instance by stickiness\.$/,
  )
  await expect(panel.getByRole('img', { name: /^Load test: requests per instance: i-1 4000, i-2 4000, i-3 4000$/ })).toBeVisible()

  // Stickiness on: heavy users stay on their instance and skew the spread.
  await page.evaluate(() =>
    window.stickylab.current.send({
      type: 'lab.call',
      method: 'modifyTargetGroupAttributes',
      args: ['web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' }],
    }),
  )
  await run.click()
  await expect(reading).toHaveText(/Load is spread (slightly )?unevenly: the busiest instance, i-\d, served \d\.\d\d× as many requests as the quietest, i-\d; 97\.5% of requests were kept on their instance by stickiness\./)
  // The learner's own lab did not take part: no load-test client, no request counted.
  expect(await page.evaluate(() => window.stickylab.current.lab().clients().map((c) => c.id))).toEqual(['alice'])
  await expect(page.getByTestId('stat-RequestCount').locator('dd')).toHaveText('0')
  await expectNoAxeViolations(page)
})

test('load test: the progress bar moves and Cancel stops a long run, keeping nothing', async ({ lab: page }) => {
  await showTab(page, 'Numbers')
  const panel = page.getByRole('region', { name: 'Load test' })
  await panel.getByLabel('Clients').fill('100000')
  await panel.getByLabel('Minutes (virtual)').fill('1440')
  await panel.getByLabel('Requests per second').fill('200')
  await expect(panel.getByText('17,280,000 requests', { exact: true })).toBeVisible()
  await panel.getByRole('button', { name: 'Run load test' }).click()
  const bar = panel.getByRole('progressbar', { name: 'Load test progress' })
  await expect(bar).toBeVisible()
  await expect(panel.getByRole('button', { name: 'Run load test' })).toBeDisabled()
  await expect(panel.getByLabel('Clients')).toBeDisabled()
  // Progress arrives from the worker while the page stays responsive.
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 15_000 }).toBeGreaterThan(0)
  await expect(bar).toHaveAttribute('aria-valuetext', /^\d+%: [\d,]+ of 17,280,000 requests$/)
  await panel.getByRole('button', { name: 'Cancel' }).click()
  await expect(bar).toHaveCount(0)
  await expect(panel.getByRole('status')).toHaveText(/^Load test cancelled after [\d,]+ of 17,280,000 requests; nothing was kept\.$/)
  await expect(panel.getByRole('button', { name: 'Run load test' })).toBeFocused()
  await expect(panel.getByTestId('loadtest-reading')).toHaveCount(0)
})
