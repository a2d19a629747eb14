// Listener and rules in real Chromium: the protocol radio changes what the ALB shows, the blue/green
// switch creates green and a weighted forward the picture shows, weights and target-group stickiness
// change routing, and AWS's errors appear beside the fields while nothing changes.
import { expect, expectNoAxeViolations, test } from './fixtures'
import { InstancesPanel } from './pages/InstancesPanel'
import { Lab } from './pages/Lab'
import { expectAlbRule, expectTargetGroupHeading } from './pages/stageText'
import { ListenerPanel } from './pages/ListenerPanel'
import { shootPanel } from './pages/screens'
import { TargetGroupPanel } from './pages/TargetGroupPanel'

test('the listener protocol radio switches the ALB between HTTP :80 and HTTPS :443', async ({
  lab: page,
}) => {
  const listener = await new ListenerPanel(page).show()
  const lab = new Lab(page)
  await expect(listener.protocolChoice('HTTPS')).toBeChecked()
  await expect(lab.albListener).toHaveText(/HTTPS :443$/)

  await listener.protocolChoice('HTTP').check()
  await expect(lab.albListener).toHaveText(/HTTP :80$/)
  await expect(listener.protocolChoice('HTTP')).toBeChecked()
  await expect(listener.status).toHaveText('The listener now uses HTTP.')
  await expectNoAxeViolations(page)

  // Keyboard: arrows move within the radio group.
  await listener.protocolChoice('HTTP').focus()
  await page.keyboard.press('ArrowRight')
  await expect(lab.albListener).toHaveText(/HTTPS :443$/)
  await expect(listener.protocolChoice('HTTPS')).toBeChecked()
})

test('weighted forward on creates green and the picture shows both target groups with weights', async ({
  lab: page,
}) => {
  const listener = await new ListenerPanel(page).show()
  const lab = new Lab(page)
  const instances = await new InstancesPanel(page).show()
  await expect(listener.weighted).not.toBeChecked()
  await expectAlbRule(page, 'forward to web')
  await expect(lab.targetGroupBox('green')).toHaveCount(0)
  await expect(listener.weight('web')).toHaveCount(0)

  await listener.weighted.check()
  await expect(listener.weighted).toBeChecked()
  await expectTargetGroupHeading(page, 'web', 'Target group web · weight 1 · stickiness off')
  await expectTargetGroupHeading(page, 'green', 'Target group green · weight 1 · stickiness off')
  await expectAlbRule(page, 'weighted forward')
  await expect(listener.status).toHaveText(
    'Created target group green with 3 new instances. Weighted forward: web and green at weight 1 each.',
  )
  await expect(listener.weight('web')).toHaveValue('1')
  await expect(listener.weight('green')).toHaveValue('1')
  await expect(listener.tgStickinessDuration).toHaveValue('3600')
  await expect(listener.cli).toContainText('aws elbv2 modify-listener')
  await expect(listener.cli).toContainText(
    'ForwardConfig={TargetGroups=[{TargetGroupArn=$TG_ARN_WEB,Weight=1},{TargetGroupArn=$TG_ARN_GREEN,Weight=1}]',
  )
  // The new group's instances appear in the picture and in the Instances panel's group choice.
  await expect(lab.card('i-4')).toBeVisible()
  await expect(instances.targetGroup.getByRole('option')).toHaveText(['web', 'green'])
  await expectNoAxeViolations(page)
})

test('weights decide where requests go, and out-of-range weights are refused beside the field', async ({
  lab: page,
}) => {
  const listener = await new ListenerPanel(page).show()
  const lab = new Lab(page)
  const instances = await new InstancesPanel(page).show()
  await lab.pause()
  await listener.weighted.check()
  await expect(lab.targetGroupTitle('green')).toBeVisible()

  await listener.weight('web').fill('1000')
  await listener.applyRule.click()
  const error = listener.errorBeside(listener.weight('web'))
  await expect(error).toContainText(
    "ValidationError: Weight 1000 for target group 'web' is invalid",
  )
  await expect(listener.weight('web')).toHaveAttribute('aria-invalid', 'true')
  await expect(listener.weight('web')).toHaveAccessibleDescription(
    /Weight 1000 for target group 'web' is invalid/,
  )
  await expectTargetGroupHeading(page, 'web', 'Target group web · weight 1 · stickiness off')
  await expectNoAxeViolations(page)

  // All new traffic to green: web 0, green 1.
  await listener.weight('web').fill('0')
  await expect(listener.root).toContainText('100 % of weighted requests')
  await listener.applyRule.click()
  await expectTargetGroupHeading(page, 'web', 'Target group web · weight 0 · stickiness off')
  await expectTargetGroupHeading(page, 'green', 'Target group green · weight 1 · stickiness off')
  await expect(listener.status).toHaveText('Rule applied.')
  await expect(listener.cli).toContainText('{TargetGroupArn=$TG_ARN_WEB,Weight=0}')
  await lab.send(3)
  for (const id of ['i-1', 'i-2', 'i-3']) await expect(instances.served(id)).toHaveText('0')
  await instances.targetGroup.selectOption('green')
  for (const id of ['i-4', 'i-5', 'i-6']) await expect(instances.served(id)).toHaveText('1')
})

test('target group stickiness binds a browser to one group; its duration is checked like AWS', async ({
  lab: page,
}) => {
  const listener = await new ListenerPanel(page).show()
  const lab = new Lab(page)
  const instances = await new InstancesPanel(page).show()
  await lab.pause()
  await listener.weighted.check()
  await expect(listener.tgStickiness).not.toBeChecked()

  // 0 is rejected even with target group stickiness off (AWS validates DurationSeconds anyway).
  await listener.tgStickinessDuration.fill('0')
  await listener.applyRule.click()
  await expect(listener.errorBeside(listener.tgStickinessDuration)).toHaveText(
    'ValidationError: Target group stickiness duration must be between 1 and 604800 seconds',
  )
  await expect(listener.tgStickinessDuration).toHaveAttribute('aria-invalid', 'true')
  await expectAlbRule(page, 'weighted forward')
  await expectNoAxeViolations(page)

  await listener.tgStickiness.check()
  await listener.tgStickinessDuration.fill('600')
  await listener.applyRule.click()
  await expectAlbRule(page, 'weighted forward · TG stickiness 600 s')
  await expect(listener.cli).toContainText(
    'TargetGroupStickinessConfig={Enabled=true,DurationSeconds=600}',
  )
  await expect(listener.tgStickiness).toBeChecked()

  // Six requests from one browser all land in the same target group (AWSALBTG), whichever it is.
  await lab.send(6)
  const webServed = await Promise.all(
    ['i-1', 'i-2', 'i-3'].map(async (id) => Number(await instances.served(id).textContent())),
  )
  const webTotal = webServed.reduce((a, b) => a + b, 0)
  expect([0, 6]).toContain(webTotal)
})

test('with a sticky target group, turning blue/green on enables target group stickiness, and it cannot be turned off', async ({
  lab: page,
}) => {
  const listener = await new ListenerPanel(page).show()
  const tg = await new TargetGroupPanel(page).show()
  await tg.stickinessChoice('Duration-based (lb_cookie)').check()
  await tg.preset('1 min').click()
  await tg.apply.click()
  await expectTargetGroupHeading(page, 'web', 'Target group web · lb_cookie · 60 s')

  await listener.weighted.check()
  await expectAlbRule(page, 'weighted forward · TG stickiness 3600 s')
  await expect(listener.tgStickiness).toBeChecked()

  await listener.tgStickiness.uncheck()
  await listener.applyRule.click()
  await expect(listener.errorBeside(listener.tgStickiness)).toContainText(
    'Target group stickiness must be enabled',
  )
  await expect(listener.tgStickiness).toHaveAttribute('aria-invalid', 'true')
  await expectAlbRule(page, 'weighted forward · TG stickiness 3600 s')
  await expectNoAxeViolations(page)
})

test('weighted forward off sends the listener back to web only', async ({ lab: page }) => {
  const listener = await new ListenerPanel(page).show()
  const lab = new Lab(page)
  await listener.weighted.check()
  await expect(lab.targetGroupTitle('green')).toBeVisible()
  await listener.weighted.uncheck()
  await expect(listener.weighted).not.toBeChecked()
  await expectAlbRule(page, 'forward to web')
  await expect(lab.targetGroupBox('green')).toHaveCount(0)
  await expectTargetGroupHeading(page, 'web', 'Target group web · stickiness off')
  await expect(listener.weight('web')).toHaveCount(0)
  await expect(listener.status).toHaveText('The listener forwards to web only.')
  await expect(listener.cli).toContainText(
    '--default-actions "Type=forward,TargetGroupArn=$TG_ARN_WEB"',
  )

  // Turning it on again reuses green rather than creating another one.
  await listener.weighted.check()
  await expect(listener.status).toHaveText('Weighted forward: web and green at weight 1 each.')
  await expect(lab.card('i-7')).toHaveCount(0)
  await expectNoAxeViolations(page)
})

test('the switch is keyboard operable', async ({ lab: page }) => {
  const listener = await new ListenerPanel(page).show()
  await listener.weighted.focus()
  await page.keyboard.press('Space')
  await expectAlbRule(page, 'weighted forward')
  await listener.applyRule.focus()
  await page.keyboard.press('Enter')
  await expect(listener.status).toHaveText('Rule applied.')
})

test('screenshots: light and dark, desktop and phone, with the CLI and an error showing', async ({
  lab: page,
}) => {
  const listener = await new ListenerPanel(page).show()
  await listener.weighted.check()
  await expect(listener.cli).toBeVisible()
  await listener.weight('green').fill('1000')
  await listener.applyRule.click()
  await expect(listener.errorBeside(listener.weight('green'))).toBeVisible()
  await expectNoAxeViolations(page)
  await shootPanel(page, listener.root, 'listener-panel')
})
