// The Instances panel in real Chromium: stop/start, failing health checks, deregister/register and scale
// out each change what the learner sees (the card, health with AWS's reason code, routing), with real
// 44px buttons that work from the keyboard.
import { expect, expectNoAxeViolations, test } from './fixtures'
import { stageBrowser } from './pages/ClientsPanel'
import { InstancesPanel } from './pages/InstancesPanel'
import { Lab } from './pages/Lab'
import { afterResponse } from './pages/labDriver'
import { shootPanel } from './pages/screens'

test('each instance is a group named by its id with its AZ, state, health, requests and carts', async ({
  lab: page,
}) => {
  const instances = await new InstancesPanel(page).show()
  for (const [id, az] of [
    ['i-1', 'us-east-1a'],
    ['i-2', 'us-east-1b'],
    ['i-3', 'us-east-1c'],
  ] as const) {
    const group = instances.instance(id)
    await expect(group).toBeVisible()
    await expect(group).toContainText(az)
    await expect(instances.state(id)).toHaveText('running')
    await expect(instances.health(id)).toHaveText('✓ healthy')
    await expect(instances.served(id)).toHaveText('0')
    await expect(instances.carts(id)).toHaveText('0')
    for (const name of ['Stop instance', 'Fail health checks', 'Deregister']) {
      await expect(instances.button(id, name)).toBeVisible()
    }
  }
  // Every button is a real button and a 44×44 px touch target.
  const buttons = instances.root.getByRole('button')
  for (const b of await buttons.all()) {
    const box = await b.boundingBox()
    expect(box?.height).toBeGreaterThanOrEqual(44)
    expect(box?.width).toBeGreaterThanOrEqual(44)
    expect(await b.evaluate((el) => el.tagName)).toBe('BUTTON')
  }
  await expectNoAxeViolations(page)
})

test('requests served and carts in memory follow the traffic', async ({ lab: page }) => {
  const instances = await new InstancesPanel(page).show()
  const lab = new Lab(page)
  const addToCart = stageBrowser(page, 'alice').getByRole('button', { name: 'Add to cart' })
  await lab.pause()
  await addToCart.click()
  await afterResponse(page)
  await expect(instances.served('i-1')).toHaveText('1')
  await expect(instances.carts('i-1')).toHaveText('1')
  // Without stickiness the next request lands on i-2, which does not know the cart: a second cart.
  await addToCart.click()
  await afterResponse(page)
  await expect(instances.served('i-2')).toHaveText('1')
  await expect(instances.carts('i-2')).toHaveText('1')
  await expect(instances.carts('i-1')).toHaveText('1')
  await expect(instances.carts('i-3')).toHaveText('0')
  // Stopping an instance loses the carts in its memory.
  await instances.button('i-1', 'Stop instance').click()
  await expect(instances.carts('i-1')).toHaveText('0')
})

test('stopping an instance makes its target unused with Target.InvalidState at once; starting sends it through the initial check', async ({
  lab: page,
}) => {
  const instances = await new InstancesPanel(page).show()
  const lab = new Lab(page)
  await lab.pause()
  await instances.button('i-2', 'Stop instance').click()
  await expect(lab.card('i-2').locator('text.card-state')).toHaveText('⏹ stopped')
  await expect(instances.instance('i-2').getByRole('heading')).toHaveText('i-2 (stopped)')
  await expect(instances.state('i-2')).toHaveText('stopped')
  await expect(instances.button('i-2', 'Start instance')).toBeVisible()
  await expect(instances.status).toHaveText(
    'Stopped i-2: its target is unused (Target.InvalidState) and gets no traffic.',
  )
  // As DescribeTargetHealth reports it, with no health check having to fail first.
  await expect(instances.health('i-2')).toContainText('unused — Target.InvalidState')
  await expect(instances.health('i-2')).toContainText('Target is in the stopped or terminated state')
  await expect(lab.card('i-2')).toHaveAttribute('data-state', 'unused')
  await expectNoAxeViolations(page)

  // The load balancer routes around it straight away.
  await lab.send(3)
  await expect(instances.served('i-2')).toHaveText('0')

  await instances.button('i-2', 'Start instance').click()
  await expect(instances.state('i-2')).toHaveText('running')
  await expect(instances.health('i-2')).toContainText('initial')
  await expect(lab.card('i-2').locator('text.card-id')).toHaveText('i-2')
  await lab.advance(40)
  await expect(instances.health('i-2')).toHaveText('✓ healthy')
  await expectNoAxeViolations(page)
})

test('failing health checks makes an instance unhealthy with Target.ResponseCodeMismatch; passing heals it', async ({
  lab: page,
}) => {
  const instances = await new InstancesPanel(page).show()
  const lab = new Lab(page)
  await lab.pause()
  await instances.button('i-3', 'Fail health checks').click()
  await expect(instances.button('i-3', 'Pass health checks')).toBeVisible()
  await expect(instances.state('i-3')).toHaveText('running')
  await lab.advance(70)
  await expect(instances.health('i-3')).toContainText('unhealthy — Target.ResponseCodeMismatch')
  await expect(lab.card('i-3')).toHaveAttribute('data-state', 'unhealthy')
  await lab.send(4)
  await expect(instances.served('i-3')).toHaveText('0')
  await expectNoAxeViolations(page)

  await instances.button('i-3', 'Pass health checks').click()
  await expect(instances.button('i-3', 'Fail health checks')).toBeVisible()
  // Five consecutive passes at 30 s.
  await lab.advance(160)
  await expect(instances.health('i-3')).toHaveText('✓ healthy')
})

test('deregistering drains an instance, then it is unused; registering brings it back', async ({
  lab: page,
}) => {
  const instances = await new InstancesPanel(page).show()
  const lab = new Lab(page)
  await lab.pause()
  await instances.button('i-1', 'Deregister').click()
  await expect(instances.health('i-1')).toContainText('draining — Target.DeregistrationInProgress')
  await expect(lab.card('i-1')).toHaveAttribute('data-state', 'draining')
  await expect(instances.button('i-1', 'Register')).toBeVisible()
  await lab.send(2)
  await expect(instances.served('i-1')).toHaveText('0')
  await expectNoAxeViolations(page)

  // The default deregistration delay is 300 s.
  await lab.advance(301)
  await expect(instances.health('i-1')).toContainText('unused — Target.NotRegistered')

  await instances.button('i-1', 'Register').click()
  await expect(instances.button('i-1', 'Deregister')).toBeVisible()
  await expect(instances.health('i-1')).toContainText('initial')
  await lab.advance(31)
  await expect(instances.health('i-1')).toHaveText('✓ healthy')
})

test('Add instance launches a new instance in the chosen AZ and registers it (scale out)', async ({
  lab: page,
}) => {
  const instances = await new InstancesPanel(page).show()
  const lab = new Lab(page)
  await lab.pause()
  await expect(instances.az.getByRole('option')).toHaveText([
    'us-east-1a',
    'us-east-1b',
    'us-east-1c',
  ])
  await instances.az.selectOption('us-east-1b')
  await instances.addInstance.click()
  await expect(instances.status).toHaveText('Launched i-4 in us-east-1b and registered it in web.')
  await expect(instances.instance('i-4')).toContainText('us-east-1b')
  await expect(instances.health('i-4')).toContainText('initial — Elb.RegistrationInProgress')
  await expect(lab.card('i-4')).toBeVisible()
  await expectNoAxeViolations(page)

  await lab.advance(31)
  await expect(instances.health('i-4')).toHaveText('✓ healthy')
  await lab.send(4)
  await expect(instances.served('i-4')).toHaveText('1')
})

test('the buttons work from the keyboard', async ({ lab: page }) => {
  const instances = await new InstancesPanel(page).show()
  await instances.button('i-1', 'Stop instance').focus()
  await page.keyboard.press('Enter')
  await expect(instances.state('i-1')).toHaveText('stopped')
  await expect(instances.button('i-1', 'Start instance')).toBeFocused()
  await page.keyboard.press('Space')
  await expect(instances.state('i-1')).toHaveText('running')
  await page.keyboard.press('Tab')
  await expect(instances.button('i-1', 'Fail health checks')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(instances.button('i-1', 'Pass health checks')).toBeVisible()
})

test('the target group select shows health in the chosen group', async ({ lab: page }) => {
  const instances = await new InstancesPanel(page).show()
  await page.evaluate(() =>
    window.stickylab.current.send({
      type: 'lab.call',
      method: 'createTargetGroup',
      args: ['blue', { targets: 1 }],
    }),
  )
  await instances.targetGroup.selectOption('blue')
  // blue is not behind the listener, so its instance is registered but unused, and web's are not registered.
  await expect(instances.health('i-4')).toContainText('unused — Target.NotInUse')
  await expect(instances.button('i-4', 'Deregister')).toBeVisible()
  await expect(instances.health('i-1')).toContainText('unused — Target.NotRegistered')
  await instances.button('i-1', 'Register').click()
  await expect(instances.status).toHaveText('Registered i-1 in blue.')
  await expect(instances.button('i-1', 'Deregister')).toBeVisible()
})

test('screenshots: light and dark, desktop and phone, with stopped, unhealthy and draining instances', async ({
  lab: page,
}) => {
  const instances = await new InstancesPanel(page).show()
  const lab = new Lab(page)
  await lab.pause()
  await lab.send(3)
  await instances.button('i-2', 'Stop instance').click()
  await instances.button('i-3', 'Fail health checks').click()
  await lab.advance(70)
  await instances.button('i-1', 'Deregister').click()
  await expect(instances.health('i-1')).toContainText('draining')
  await expect(instances.health('i-3')).toContainText('unhealthy')
  await expectNoAxeViolations(page)
  await shootPanel(page, instances.root, 'instances-panel')
})
