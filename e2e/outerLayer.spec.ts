// Layered load balancers (issue 19 item 5), as a learner meets them: turn on duration-based stickiness on the
// stage, put an outer ALB with duration-based stickiness in front from the Setup tab's Listener panel, send
// requests from alice's card, and see under the picture the two AWSALB Set-Cookie lines with only the outer ALB's
// kept, the decision naming both layers, and alice moving between instances; then switch the outer layer to
// application-based stickiness and see alice stick.
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { advance, pauseAtZero } from './pages/labDriver'
import { openTabOf, showTab } from './pages/phoneTabs'

const stage = (page: Page) => page.getByTestId('stage')
const browser = (page: Page) => stage(page).getByRole('group', { name: 'alice browser' })
const outerForm = (page: Page) => page.getByRole('form', { name: 'Outer ALB layer in front' })
const targets = (page: Page) =>
  page.evaluate(() =>
    window.stickylab.current
      .lab()
      .history()
      .map((r) => r.targetId),
  )

async function sendAndWait(page: Page, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    await browser(page).getByRole('button', { name: 'Send request' }).click()
    await advance(page, 2)
  }
}

async function outerLb(page: Page): Promise<void> {
  await pauseAtZero(page)
  await stage(page)
    .getByRole('radio', { name: /^Duration-based/ })
    .check()
  await showTab(page, 'Setup')
  await outerForm(page).getByRole('radio', { name: 'Outer ALB, duration-based (AWSALB)' }).check()
  await outerForm(page).getByRole('button', { name: 'Apply outer ALB' }).click()
  await expect(outerForm(page)).toContainText('Outer ALB applied')
}

test('two ALB layers on AWSALB: the stage shows the inner ALB’s AWSALB overwritten and alice moves; application-based on the outer layer makes alice stick', async ({
  lab: page,
}) => {
  await outerLb(page)
  await openTabOf(page, browser(page).getByRole('button', { name: 'Send request' }))
  await sendAndWait(page, 5)
  const strip = page.getByTestId('outer-layer')
  await expect(strip).toContainText(
    'Outer ALB (duration-based (AWSALB)): alice → outer ALB → proxy-',
  )
  const lines = strip.getByRole('list', { name: 'AWSALB Set-Cookie lines in the response' })
  await expect(lines.getByRole('listitem')).toHaveCount(2)
  await expect(lines.getByRole('listitem').first()).toContainText(
    'from this ALB — overwritten (same name, earlier line)',
  )
  await expect(lines.getByRole('listitem').last()).toContainText(
    'from outer ALB — kept by the browser',
  )
  const decision = page.getByTestId('alb-decision')
  await expect(decision).toContainText('Both layers set AWSALB in the response')
  await expect(decision).toContainText('The AWSALB cookie could not be decoded')
  expect(new Set((await targets(page)).slice(1)).size).toBeGreaterThan(1)
  // The new form and the strip pass axe.
  await expectNoAxeViolations(page)

  // Application-based stickiness on the outer layer: distinct cookie names, both layers sticky.
  await showTab(page, 'Setup')
  await outerForm(page)
    .getByRole('radio', { name: 'Outer ALB, application-based (PROXYSESSION)' })
    .check()
  await outerForm(page).getByRole('button', { name: 'Apply outer ALB' }).click()
  await openTabOf(page, browser(page).getByRole('button', { name: 'Send request' }))
  const before = (await targets(page)).length
  await sendAndWait(page, 5)
  const after = (await targets(page)).slice(before + 1)
  expect(new Set(after).size).toBe(1)
  await expect(strip).toContainText('application-based (PROXYSESSION)')
  await expect(strip).toContainText('outer layer sticky')
  await expect(lines.getByRole('listitem')).toHaveCount(1)
  await expect(decision).toContainText('does not collide')
})

for (const size of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`screenshot of two ALB layers colliding on AWSALB at ${size.width}×${size.height}`, async ({
    lab: page,
  }) => {
    await page.setViewportSize(size)
    await outerLb(page)
    await openTabOf(page, browser(page).getByRole('button', { name: 'Send request' }))
    await sendAndWait(page, 3)
    await expect(page.getByTestId('outer-layer')).toContainText('kept by the browser')
    await page.getByTestId('outer-layer').scrollIntoViewIfNeeded()
    const dir = process.env.STICKYLAB_SHOTS ?? '/tmp/shots-layers2'
    await page.screenshot({ path: `${dir}/outer-${size.width}x${size.height}.png` })
  })
}
