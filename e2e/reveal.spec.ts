// Requests you can see (issue #14): a request's outcome is revealed when it reaches its target, never before —
// the decision sentence, the card's counter, the Numbers and the inspector — and the cookies its response sets
// when that response is back in the browser. Trails and tallies show "spread" against "stuck" at a glance.
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { ClientsPanel } from './pages/ClientsPanel'
import { CookiesPanel } from './pages/CookiesPanel'
import { InspectorPanel } from './pages/InspectorPanel'
import { advance, afterArrival, afterResponse, enableStickiness, pauseAtZero } from './pages/labDriver'
import { LEG_SECONDS } from '../src/view/reveal'

/** The browser card on the stage: where a learner presses Send request. */
const sendButton = (page: Page) => page.getByRole('group', { name: 'alice browser' }).getByRole('button', { name: 'Send request' })
const served = (page: Page, id: string) => page.getByTestId(`topology.target.${id}`).locator('text.card-served')
const tally = (page: Page, id: string) => page.getByTestId(`tally.${id}`).locator('g.pip')

test.beforeEach(async ({ lab: page }) => {
  await pauseAtZero(page)
})

test('the outcome shows on arrival and the cookies on return, not when Send is pressed', async ({ lab: page }) => {
  const cookies = new CookiesPanel(page)
  const inspector = new InspectorPanel(page)
  const decision = page.getByTestId('alb-decision')
  await enableStickiness(page, 3600)

  await sendButton(page).click()
  // Sent, still on its way: every view still shows the lab before it.
  await expect(page.getByTestId('topology.target.i-1')).toHaveAttribute('aria-label', /, 0 requests served/)
  await expect(decision).toContainText('No request yet')
  await expect(served(page, 'i-1')).toHaveText(/^0 served/)
  await inspector.show()
  await expect(inspector.rows).toHaveCount(0)
  await new ClientsPanel(page).show()
  await expect(new ClientsPanel(page).client('alice').root.getByText('No request sent yet.')).toBeVisible()
  await cookies.show()
  await expect(cookies.rows).toHaveCount(0)
  await expect(tally(page, 'i-1')).toHaveCount(0)
  await expectNoAxeViolations(page)

  // Just before it arrives: still nothing.
  await advance(page, LEG_SECONDS - 0.01)
  await expect(decision).toContainText('No request yet')
  await expect(served(page, 'i-1')).toHaveText(/^0 served/)

  // Arrived: the target, the decision, the counters — but the response (and its cookies) is not back yet.
  await advance(page, 0.01)
  await expect(decision).toContainText('#1 from alice')
  await expect(decision).toContainText('i-1')
  await expect(served(page, 'i-1')).toHaveText(/^1 served/)
  await expect(tally(page, 'i-1')).toHaveCount(1)
  await expect(cookies.rows).toHaveCount(0)
  await expect(page.getByRole('group', { name: 'alice browser' }).getByText('No cookies yet')).toBeVisible()
  await inspector.show()
  await expect(inspector.rows).toHaveCount(1)
  await expect(inspector.targets).toHaveText(['i-1'])
  await cookies.show()

  // Returned: the Set-Cookie lines are in the jar.
  await afterResponse(page)
  await expect(cookies.rows).toHaveCount(3)
  expect(await cookies.names()).toEqual(['AWSALB', 'AWSALBCORS', 'SESSIONID'])
  await expectNoAxeViolations(page)

  // The next request: the decision keeps naming #1 until #2 arrives.
  await sendButton(page).click()
  await expect(decision).toContainText('#1 from alice')
  await afterArrival(page)
  await expect(decision).toContainText('#2 from alice')
  await expect(served(page, 'i-1')).toHaveText(/^2 served/)
})

async function sendThree(page: Page): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await sendButton(page).click()
    await afterResponse(page)
  }
}

test('tallies: stickiness off spreads one browser over the instances; on, it stays on one', async ({ lab: page }) => {
  await sendThree(page)
  const counts = async () => Promise.all(['i-1', 'i-2', 'i-3'].map((id) => tally(page, id).count()))
  // The picture follows the lab on the next animation frame: wait until it shows all three pips.
  const allThree = () => expect.poll(async () => (await counts()).reduce((a, b) => a + b)).toBe(3)
  await allThree()
  expect((await counts()).filter((n) => n > 0).length).toBeGreaterThanOrEqual(2)
  // Each pip is alice's (her initial on it, not only her colour).
  await expect(page.locator('g.pip text').first()).toHaveText('A')
  await expectNoAxeViolations(page)

  // A fresh lab, the same browser, stickiness on.
  await pauseAtZero(page)
  await expect(page.locator('g.pip')).toHaveCount(0)
  await enableStickiness(page, 3600)
  await sendThree(page)
  await allThree()
  const sticky = await counts()
  expect(sticky.filter((n) => n > 0)).toEqual([3])
  // Trails: the requests' paths, drawn in alice's colour.
  await expect(page.locator('path.trail.client-c0').first()).toBeAttached()
  await expectNoAxeViolations(page)
})
