// Layered load balancers (issue 19 item 5), as a learner meets them: turn on duration-based stickiness on the
// stage, put an outer ALB with duration-based stickiness in front from the Setup tab's form, and see the outer ALB
// drawn as a box in the picture between alice's browser and this ALB, naming its stickiness; after two requests
// the box shows the collision — this ALB's AWSALB struck through, the outer ALB's kept, the box outlined in the
// error colour — the decision names both layers and alice moves between instances. Then switch the outer layer
// to application-based stickiness and see alice stick and the collision mark go.
import type { Locator, Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { advance, pauseAtZero } from './pages/labDriver'
import { openTabOf, showTab } from './pages/phoneTabs'

const stage = (page: Page) => page.getByTestId('stage')
const browser = (page: Page) => stage(page).getByRole('group', { name: 'alice browser' })
const outerForm = (page: Page) => page.getByRole('form', { name: 'Outer ALB layer in front' })
const outerBox = (page: Page) => page.getByTestId('topology.outer')
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

async function outerLb(page: Page, mode = 'Outer ALB, duration-based (AWSALB)'): Promise<void> {
  await pauseAtZero(page)
  await stage(page)
    .getByRole('radio', { name: /^Duration-based/ })
    .check()
  await showTab(page, 'Setup')
  await outerForm(page).getByRole('radio', { name: mode }).check()
  await outerForm(page).getByRole('button', { name: 'Apply outer ALB' }).click()
  await expect(outerForm(page)).toContainText('Outer ALB applied')
  await openTabOf(page, browser(page).getByRole('button', { name: 'Send request' }))
}

/** The box's on-screen rectangle must not overlap another's. */
async function expectApart(a: Locator, b: Locator): Promise<void> {
  const ra = (await a.boundingBox())!
  const rb = (await b.boundingBox())!
  const apart =
    ra.x + ra.width <= rb.x + 0.5 ||
    rb.x + rb.width <= ra.x + 0.5 ||
    ra.y + ra.height <= rb.y + 0.5 ||
    rb.y + rb.height <= ra.y + 0.5
  expect(apart, `${JSON.stringify(ra)} overlaps ${JSON.stringify(rb)}`).toBe(true)
}

test('two ALB layers on AWSALB: the outer ALB box strikes this ALB’s AWSALB through and alice moves; application-based on the outer layer makes alice stick', async ({
  lab: page,
}) => {
  await outerLb(page)
  const box = outerBox(page)
  await expect(box).toBeVisible()
  await expect(box).toHaveAttribute(
    'aria-label',
    'Outer ALB in front of this ALB: duration-based stickiness (AWSALB, 1 day). No request has passed it yet.',
  )
  await expect(box).toContainText('Outer ALB')
  await expect(box).toContainText('duration-based')
  await expect(box.locator('.outer-line.dropped')).toHaveCount(0)
  // A screen reader hears the hop in the picture's own name (the box sits inside the picture's image).
  await expect(page.getByRole('img', { name: /^Topology:/ })).toHaveAccessibleName(
    /→ an outer Application Load Balancer \(duration-based stickiness, AWSALB\) and its 2 proxies → Application Load Balancer/,
  )

  await sendAndWait(page, 2)
  const dropped = box.locator('.outer-line.dropped')
  await expect(dropped).toHaveText('✗ this ALB')
  await expect(dropped).toHaveCSS('text-decoration-line', 'line-through')
  await expect(box.locator('.outer-line.kept')).toHaveText('✓ outer ALB')
  await expect(box).toHaveClass(/collided/)
  await expect(box).toHaveAttribute(
    'aria-label',
    /alice's latest request went alice → outer ALB → proxy-\d → this ALB → i-\d.*Both layers set AWSALB: the browser kept the outer ALB's, and this ALB's was overwritten\./,
  )
  const decision = page.getByTestId('alb-decision')
  await expect(decision).toContainText('Both layers set AWSALB in the response')
  await expect(decision).toContainText('The AWSALB cookie could not be decoded')
  await sendAndWait(page, 3)
  expect(new Set((await targets(page)).slice(1)).size).toBeGreaterThan(1)
  // The box sits between alice's browser and this ALB, clear of both.
  await expectApart(box.locator('rect.outer-box'), browser(page))
  await expectApart(
    box.locator('rect.outer-box'),
    page.getByTestId('topology.alb').locator('rect.alb-box'),
  )
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
  await expect(box).toContainText('application-based')
  await expect(box).toContainText('PROXYSESSION')
  await expect(box.locator('.outer-line.kept')).toHaveText('✓ this ALB')
  await expect(box.locator('.outer-line.dropped')).toHaveCount(0)
  await expect(box).not.toHaveClass(/collided/)
  await expect(decision).toContainText('does not collide')
})

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
]) {
  test(`the outer ALB box collides on AWSALB at ${size.width}×${size.height}, clear of the browser and this ALB (screenshot)`, async ({
    lab: page,
  }) => {
    await page.setViewportSize(size)
    await outerLb(page)
    await sendAndWait(page, 2)
    const box = outerBox(page)
    await expect(box.locator('.outer-line.dropped')).toHaveText('✗ this ALB')
    await expectApart(box.locator('rect.outer-box'), browser(page))
    await expectApart(
      box.locator('rect.outer-box'),
      page.getByTestId('topology.alb').locator('rect.alb-box'),
    )
    await box.scrollIntoViewIfNeeded()
    const dir = process.env.STICKYLAB_SHOTS ?? '/tmp/shots-stage'
    await page.screenshot({ path: `${dir}/outer-${size.width}x${size.height}.png` })
  })
}
