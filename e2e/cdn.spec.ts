// CloudFront in front of the ALB (issue 19 item 2), as a learner meets it: turn on duration-based stickiness on
// the stage, put CloudFront in front from the Setup tab's Listener panel, send requests from alice's card, and see
// on the stage that the Cookie header shrinks at CloudFront (AWSALB struck through), that the browser still holds
// AWSALB, and that the ALB decision names CloudFront; then forward AWSALB and see alice stick.
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { advance, pauseAtZero } from './pages/labDriver'
import { openTabOf, showTab } from './pages/phoneTabs'

const stage = (page: Page) => page.getByTestId('stage')
const browser = (page: Page) => stage(page).getByRole('group', { name: 'alice browser' })
const cdnForm = (page: Page) => page.getByRole('form', { name: 'CloudFront in front' })
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

test('CloudFront forwarding no cookies: the stage shows AWSALB withheld at CloudFront and every request is a new pick; forwarding AWSALB makes alice stick', async ({
  lab: page,
}) => {
  await pauseAtZero(page)
  await stage(page)
    .getByRole('radio', { name: /^Duration-based/ })
    .check()
  await showTab(page, 'Setup')
  await cdnForm(page).getByRole('radio', { name: 'Forward no cookies (none)' }).check()
  await cdnForm(page).getByRole('button', { name: 'Apply CloudFront' }).click()
  await expect(cdnForm(page)).toContainText('CloudFront applied')

  const box = page.getByTestId('topology.cdn')
  await expect(box).toContainText('CloudFront')
  await expect(box).toContainText('cookies: none')
  await expect(page.getByRole('img', { name: /^Topology:/ })).toHaveAccessibleName(
    /client browser → CloudFront \(forwards no cookies\) → Application Load Balancer/,
  )
  await sendAndWait(page, 6)
  // The browser kept the load balancer's cookie (Set-Cookie came back through CloudFront) …
  await expect(
    browser(page).getByRole('button', { name: 'AWSALB cookie', exact: true }),
  ).toBeVisible()
  // … but CloudFront kept it from the load balancer: struck through in its box, and named in the decision.
  await expect(box).toContainText('⊘ AWSALB')
  await expect(box).toHaveAttribute('aria-label', /withheld AWSALB, AWSALBCORS, SESSIONID/)
  const decision = page.getByTestId('alb-decision')
  await expect(decision).toContainText(
    "the browser's AWSALB cookie never reached the load balancer (CloudFront in front kept it back)",
  )
  expect(new Set(await targets(page)).size).toBeGreaterThan(1)

  // Forward AWSALB (an allowlist): from the next request on, alice stays on one instance.
  await cdnForm(page).getByRole('radio', { name: 'Forward only named cookies (whitelist)' }).check()
  await cdnForm(page)
    .getByRole('textbox', { name: 'Cookie names to forward' })
    .fill('AWSALB, SESSIONID')
  await cdnForm(page).getByRole('button', { name: 'Apply CloudFront' }).click()
  await expect(box).toContainText('cookies: whitelist')
  // The new form (with its allowlist field) and CloudFront's box on the stage pass axe.
  await expectNoAxeViolations(page)
  const before = (await targets(page)).length
  await sendAndWait(page, 5)
  await expect(box).toContainText('✓ AWSALB')
  const after = (await targets(page)).slice(before)
  expect(new Set(after).size).toBe(1)
  await expect(decision).not.toContainText('never reached the load balancer')

  // An allowlist with no names is refused with AWS's error beside the field, and nothing changes.
  await cdnForm(page).getByRole('textbox', { name: 'Cookie names to forward' }).fill('')
  await cdnForm(page).getByRole('button', { name: 'Apply CloudFront' }).click()
  await expect(cdnForm(page).getByRole('alert')).toContainText('InvalidArgument')
  await expect(box).toContainText('cookies: whitelist')
})

for (const size of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`screenshot of CloudFront withholding AWSALB at ${size.width}×${size.height}`, async ({
    lab: page,
  }) => {
    await page.setViewportSize(size)
    await pauseAtZero(page)
    await page.evaluate(() => {
      const lab = window.stickylab.current.lab()
      lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    })
    await stage(page)
      .getByRole('radio', { name: /^Duration-based/ })
      .check()
    await showTab(page, 'Setup')
    await cdnForm(page).getByRole('radio', { name: 'Forward no cookies (none)' }).check()
    await cdnForm(page).getByRole('button', { name: 'Apply CloudFront' }).click()
    await openTabOf(page, browser(page).getByRole('button', { name: 'Send request' }))
    await sendAndWait(page, 3)
    const box = page.getByTestId('topology.cdn')
    await expect(box).toContainText('⊘ AWSALB')
    await box.scrollIntoViewIfNeeded()
    const dir = process.env.STICKYLAB_SHOTS ?? '/tmp/shots-layers'
    await page.screenshot({ path: `${dir}/cdn-${size.width}x${size.height}.png` })
  })
}
