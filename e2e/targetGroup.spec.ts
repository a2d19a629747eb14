// Target group settings in real Chromium: every control changes what the learner sees (the picture's
// target group title, routing, health), invalid input shows AWS's error beside its field and changes
// nothing, and the equivalent aws elbv2 command appears for what was applied.
import { expect, expectNoAxeViolations, test } from './fixtures'
import { InstancesPanel } from './pages/InstancesPanel'
import { Lab } from './pages/Lab'
import { expectTargetGroupHeading } from './pages/stageText'
import { showTab } from './pages/phoneTabs'
import { shootPanel } from './pages/screens'
import { TargetGroupPanel } from './pages/TargetGroupPanel'

test.describe('stickiness', () => {
  test('lb_cookie with the 20 s preset makes requests sticky, and they spread again once it lapses', async ({
    lab: page,
  }) => {
    const tg = await new TargetGroupPanel(page).show()
    const lab = new Lab(page)
    const instances = await new InstancesPanel(page).show()
    await lab.pause()
    await expectTargetGroupHeading(page, 'web', 'Target group web · stickiness off')

    await tg.stickinessChoice('Duration-based (lb_cookie)').check()
    await expect(tg.duration).toHaveValue('86400')
    await tg.preset('20 s').click()
    await expect(tg.duration).toHaveValue('20')
    await expect(tg.preset('20 s')).toHaveAttribute('aria-pressed', 'true')
    await tg.apply.click()

    await expectTargetGroupHeading(page, 'web', 'Target group web · lb_cookie · 20 s')
    await expect(tg.status).toHaveText('Applied to target group web.')
    await expect(tg.cli).toContainText('aws elbv2 modify-target-group-attributes')
    await expect(tg.cli).toContainText('Key=stickiness.enabled,Value=true')
    await expect(tg.cli).toContainText('Key=stickiness.lb_cookie.duration_seconds,Value=20')
    await expect(tg.cli).toContainText('--names web')
    await expectNoAxeViolations(page)

    await lab.send(3)
    await expect(instances.served('i-1')).toHaveText('3')
    await expect(instances.served('i-2')).toHaveText('0')
    await expect(page.getByRole('group', { name: 'Client alice' })).toContainText('sticky')
    await expect(page.getByRole('group', { name: 'Client alice' })).not.toContainText('not sticky')

    // 20 s of idle time later the AWSALB cookie has lapsed: round robin picks the next instance.
    await lab.advance(25)
    await lab.send(1)
    await expect(instances.served('i-2')).toHaveText('1')
    await expect(page.getByRole('group', { name: 'Client alice' })).toContainText('not sticky')
  })

  test('each duration preset fills the field', async ({ lab: page }) => {
    const tg = await new TargetGroupPanel(page).show()
    await tg.stickinessChoice('Duration-based (lb_cookie)').check()
    for (const [label, seconds] of [
      ['20 s', '20'],
      ['1 min', '60'],
      ['1 h', '3600'],
      ['1 day', '86400'],
      ['7 days', '604800'],
    ] as const) {
      await tg.preset(label).click()
      await expect(tg.duration).toHaveValue(seconds)
      await expect(tg.preset(label)).toHaveAttribute('aria-pressed', 'true')
    }
    await tg.apply.click()
    await expectTargetGroupHeading(page, 'web', 'Target group web · lb_cookie · 604800 s')
  })

  test('typing 0 or 700000 shows AWS’s error beside the duration and changes nothing', async ({
    lab: page,
  }) => {
    const tg = await new TargetGroupPanel(page).show()
    await tg.stickinessChoice('Duration-based (lb_cookie)').check()

    await tg.duration.fill('0')
    await tg.apply.click()
    const error = tg.errorBeside(tg.duration)
    await expect(error).toHaveText(
      "ValidationError: 'stickiness.lb_cookie.duration_seconds' value '0' must be between '1-604800' inclusive",
    )
    await expect(tg.duration).toHaveAttribute('aria-invalid', 'true')
    await expect(tg.duration).toHaveAccessibleDescription(
      /value '0' must be between '1-604800' inclusive/,
    )
    await expect(tg.anyError).toHaveCount(1)
    // Nothing changed: the picture still says stickiness off, and the draft is kept for fixing.
    await expectTargetGroupHeading(page, 'web', 'Target group web · stickiness off')
    await expect(tg.stickinessChoice('Duration-based (lb_cookie)')).toBeChecked()
    await expect(tg.duration).toHaveValue('0')
    await expect(tg.cli).toHaveCount(0)
    await expectNoAxeViolations(page)

    // The native field does not clamp: 700000 reaches AWS as typed.
    await tg.duration.fill('700000')
    await tg.apply.click()
    await expect(error).toContainText("value '700000' must be between '1-604800' inclusive")
    await expectTargetGroupHeading(page, 'web', 'Target group web · stickiness off')

    // Fixing the value applies it and clears the error.
    await tg.duration.fill('604800')
    await tg.apply.click()
    await expectTargetGroupHeading(page, 'web', 'Target group web · lb_cookie · 604800 s')
    await expect(tg.anyError).toHaveCount(0)
    await expect(tg.duration).not.toHaveAttribute('aria-invalid', 'true')
  })

  test('app_cookie uses the app cookie name and its own duration key', async ({ lab: page }) => {
    const tg = await new TargetGroupPanel(page).show()
    const lab = new Lab(page)
    const instances = await new InstancesPanel(page).show()
    await lab.pause()
    await tg.stickinessChoice('Application-based (app_cookie)').check()
    await expect(tg.cookieName).toBeVisible()

    // No name: AWS's own message, beside the name field.
    await tg.apply.click()
    await expect(tg.errorBeside(tg.cookieName)).toHaveText(
      "InvalidConfigurationRequest: You must set an application cookie name to enable stickiness of type 'app_cookie'",
    )
    await expect(tg.cookieName).toHaveAttribute('aria-invalid', 'true')
    await expectTargetGroupHeading(page, 'web', 'Target group web · stickiness off')
    await expectNoAxeViolations(page)

    // A reserved name is refused too.
    await tg.cookieName.fill('AWSALBAPP-0')
    await tg.apply.click()
    await expect(tg.errorBeside(tg.cookieName)).toContainText('reserved')
    await expectTargetGroupHeading(page, 'web', 'Target group web · stickiness off')

    await tg.cookieName.fill('SESSIONID')
    await tg.preset('1 min').click()
    await tg.apply.click()
    await expectTargetGroupHeading(page, 'web', 'Target group web · app_cookie SESSIONID · 60 s')
    await expect(tg.cli).toContainText('Key=stickiness.type,Value=app_cookie')
    await expect(tg.cli).toContainText('Key=stickiness.app_cookie.cookie_name,Value=SESSIONID')
    await expect(tg.cli).toContainText('Key=stickiness.app_cookie.duration_seconds,Value=60')
    await expect(tg.cli).not.toContainText('lb_cookie.duration_seconds')

    // The app sets SESSIONID on the first response, so the next requests stick to that instance.
    await lab.send(4)
    await expect(instances.served('i-1')).toHaveText('4')
    await expectNoAxeViolations(page)
  })

  test('turning stickiness off again makes requests round robin', async ({ lab: page }) => {
    const tg = await new TargetGroupPanel(page).show()
    const lab = new Lab(page)
    const instances = await new InstancesPanel(page).show()
    await lab.pause()
    await tg.stickinessChoice('Duration-based (lb_cookie)').check()
    await tg.apply.click()
    await expectTargetGroupHeading(page, 'web', 'Target group web · lb_cookie · 86400 s')
    await tg.stickinessChoice('Off').check()
    await expect(tg.duration).toBeHidden()
    await tg.apply.click()
    await expectTargetGroupHeading(page, 'web', 'Target group web · stickiness off')
    await expect(tg.cli).toContainText('Key=stickiness.enabled,Value=false')
    await lab.send(3)
    for (const id of ['i-1', 'i-2', 'i-3']) await expect(instances.served(id)).toHaveText('1')
  })

  test('Apply with nothing changed says so and calls nothing', async ({ lab: page }) => {
    const tg = await new TargetGroupPanel(page).show()
    await tg.apply.click()
    await expect(tg.status).toHaveText('Nothing to apply: these are the current settings.')
    await expect(tg.cli).toHaveCount(0)
  })
})

test.describe('routing settings', () => {
  test('least outstanding requests is applied, and cannot be combined with slow start', async ({
    lab: page,
  }) => {
    const tg = await new TargetGroupPanel(page).show()
    await tg.algorithm.selectOption({ label: 'Least outstanding requests' })
    await tg.apply.click()
    await expect(tg.status).toHaveText('Applied to target group web.')
    await expect(tg.cli).toContainText(
      'Key=load_balancing.algorithm.type,Value=least_outstanding_requests',
    )
    await expect(tg.algorithm).toHaveValue('least_outstanding_requests')
    await new Lab(page).send(1)
    await showTab(page, 'Requests')
    await expect(page.getByRole('region', { name: 'HTTP inspector' })).toContainText(
      'least outstanding requests',
    )

    await tg.show()
    await tg.slowStart.fill('60')
    await tg.apply.click()
    await expect(tg.errorBeside(tg.slowStart)).toContainText('least outstanding requests')
    await expect(tg.slowStart).toHaveAttribute('aria-invalid', 'true')
    await expectNoAxeViolations(page)
  })

  test('weighted random cannot be combined with stickiness: the error sits beside what was changed', async ({
    lab: page,
  }) => {
    const tg = await new TargetGroupPanel(page).show()
    await tg.stickinessChoice('Duration-based (lb_cookie)').check()
    await tg.preset('1 h').click()
    await tg.apply.click()
    await expectTargetGroupHeading(page, 'web', 'Target group web · lb_cookie · 3600 s')

    await tg.algorithm.selectOption({ label: 'Weighted random' })
    await tg.apply.click()
    await expect(tg.errorBeside(tg.algorithm)).toHaveText(
      'InvalidConfigurationRequest: You cannot have both stickiness and weighted random algorithm enabled on the same target group.',
    )
    await expect(tg.algorithm).toHaveAttribute('aria-invalid', 'true')
    await expectTargetGroupHeading(page, 'web', 'Target group web · lb_cookie · 3600 s')
    await expectNoAxeViolations(page)
  })

  test('anomaly mitigation needs weighted random', async ({ lab: page }) => {
    const tg = await new TargetGroupPanel(page).show()
    await tg.anomalyMitigation.check()
    await tg.apply.click()
    await expect(tg.errorBeside(tg.anomalyMitigation)).toContainText(
      "only be turned on when the routing algorithm is 'weighted_random'",
    )
    await tg.algorithm.selectOption({ label: 'Weighted random' })
    await tg.apply.click()
    await expect(tg.anyError).toHaveCount(0)
    await expect(tg.cli).toContainText('Key=load_balancing.algorithm.type,Value=weighted_random')
    await expect(tg.cli).toContainText('Key=load_balancing.algorithm.anomaly_mitigation,Value=on')
    await expect(tg.anomalyMitigation).toBeChecked()
  })

  test('cross-zone off keeps a browser in its own zone and refuses stickiness', async ({
    lab: page,
  }) => {
    const tg = await new TargetGroupPanel(page).show()
    const lab = new Lab(page)
    const instances = await new InstancesPanel(page).show()
    await lab.pause()
    await tg.crossZone.selectOption({ label: 'Off' })
    await tg.apply.click()
    await expect(tg.cli).toContainText('Key=load_balancing.cross_zone.enabled,Value=false')

    // alice's DNS answer is one load balancer node; with cross-zone off it only uses its own AZ's instance.
    await lab.send(3)
    // Panels follow the lab once per animation frame: read the counts until the third arrival shows.
    await expect
      .poll(async () => (await Promise.all(['i-1', 'i-2', 'i-3'].map((id) => instances.served(id).textContent()))).sort())
      .toEqual(['0', '0', '3'])

    await tg.stickinessChoice('Duration-based (lb_cookie)').check()
    await tg.apply.click()
    await expect(tg.errorBeside(tg.stickiness)).toContainText(
      'cross-zone load balancing turned off',
    )
    await expectTargetGroupHeading(page, 'web', 'Target group web · stickiness off')
    await expectNoAxeViolations(page)
  })

  test('deregistration delay sets how long a deregistered instance drains', async ({
    lab: page,
  }) => {
    const tg = await new TargetGroupPanel(page).show()
    const lab = new Lab(page)
    const instances = await new InstancesPanel(page).show()
    await lab.pause()
    await tg.deregistrationDelay.fill('4000')
    await tg.apply.click()
    await expect(tg.errorBeside(tg.deregistrationDelay)).toHaveText(
      "ValidationError: 'deregistration_delay.timeout_seconds' value '4000' must be between '0-3600' inclusive",
    )
    await expectNoAxeViolations(page)

    await tg.deregistrationDelay.fill('10')
    await tg.apply.click()
    await expect(tg.cli).toContainText('Key=deregistration_delay.timeout_seconds,Value=10')
    await instances.button('i-1', 'Deregister').click()
    await expect(instances.health('i-1')).toContainText(
      'draining — Target.DeregistrationInProgress',
    )
    await lab.advance(11)
    await expect(instances.health('i-1')).toContainText('unused — Target.NotRegistered')
  })

  test('slow start accepts 0 or 30–900 seconds', async ({ lab: page }) => {
    const tg = await new TargetGroupPanel(page).show()
    await tg.slowStart.fill('10')
    await tg.apply.click()
    await expect(tg.errorBeside(tg.slowStart)).toContainText(
      "'slow_start.duration_seconds' value '10'",
    )
    await tg.slowStart.fill('30')
    await tg.apply.click()
    await expect(tg.anyError).toHaveCount(0)
    await expect(tg.cli).toContainText('Key=slow_start.duration_seconds,Value=30')
    await expect(tg.slowStart).toHaveValue('30')
  })
})

test.describe('health checks', () => {
  test('out-of-range values show AWS’s error beside each field', async ({ lab: page }) => {
    const tg = await new TargetGroupPanel(page).show()
    const cases = [
      [
        tg.interval,
        '4',
        "Value '4' at 'healthCheckIntervalSeconds' failed to satisfy constraint: Member must have value greater than or equal to 5",
      ],
      [tg.interval, '301', 'less than or equal to 300'],
      [tg.timeout, '1', "Value '1' at 'healthCheckTimeoutSeconds'"],
      [tg.timeout, '121', 'less than or equal to 120'],
      [tg.healthyThreshold, '11', "Value '11' at 'healthyThresholdCount'"],
      [tg.unhealthyThreshold, '1', "Value '1' at 'unhealthyThresholdCount'"],
    ] as const
    for (const [field, value, message] of cases) {
      const before = await field.inputValue()
      await field.fill(value)
      await tg.apply.click()
      await expect(tg.errorBeside(field)).toContainText(message)
      await expect(field).toHaveAttribute('aria-invalid', 'true')
      await field.fill(before)
    }
    await expectNoAxeViolations(page)
    // Every rejected value left the lab's health check as it was.
    const hc = await page.evaluate(() => window.stickylab.current.lab().healthCheck('web'))
    expect(hc).toMatchObject({
      HealthCheckIntervalSeconds: 30,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 5,
      UnhealthyThresholdCount: 2,
    })
  })

  test('a timeout not below the interval is refused beside the timeout', async ({ lab: page }) => {
    const tg = await new TargetGroupPanel(page).show()
    await tg.timeout.fill('30')
    await tg.apply.click()
    await expect(tg.errorBeside(tg.timeout)).toHaveText(
      "ValidationError: Health check timeout '30' must be smaller than the interval '30'",
    )
  })

  test('a bad health check with good attributes changes nothing at all', async ({ lab: page }) => {
    const tg = await new TargetGroupPanel(page).show()
    await tg.stickinessChoice('Duration-based (lb_cookie)').check()
    await tg.preset('20 s').click()
    await tg.unhealthyThreshold.fill('11')
    await tg.apply.click()
    await expect(tg.errorBeside(tg.unhealthyThreshold)).toContainText('less than or equal to 10')
    await expectTargetGroupHeading(page, 'web', 'Target group web · stickiness off')
  })

  test('a shorter interval and threshold mark a failing instance unhealthy sooner', async ({
    lab: page,
  }) => {
    const tg = await new TargetGroupPanel(page).show()
    const lab = new Lab(page)
    const instances = await new InstancesPanel(page).show()
    await lab.pause()
    await tg.interval.fill('10')
    await tg.healthyThreshold.fill('2')
    await tg.apply.click()
    await expect(tg.cli).toContainText('aws elbv2 modify-target-group \\')
    await expect(tg.cli).toContainText('--health-check-interval-seconds 10')
    await expect(tg.cli).toContainText('--healthy-threshold-count 2')
    await expect(tg.cli).not.toContainText('modify-target-group-attributes')
    await expect(tg.interval).toHaveValue('10')

    await instances.button('i-1', 'Fail health checks').click()
    // Two failed checks 10 s apart (the default 30 s interval would need about a minute).
    await lab.advance(21)
    await expect(instances.health('i-1')).toContainText('unhealthy — Target.ResponseCodeMismatch')
    await expect(lab.card('i-1')).toHaveAttribute('data-state', 'unhealthy')
    await expectNoAxeViolations(page)
  })

  test('attributes and health checks changed together are applied together', async ({
    lab: page,
  }) => {
    const tg = await new TargetGroupPanel(page).show()
    await tg.stickinessChoice('Duration-based (lb_cookie)').check()
    await tg.preset('1 min').click()
    await tg.interval.fill('15')
    await tg.apply.click()
    await expectTargetGroupHeading(page, 'web', 'Target group web · lb_cookie · 60 s')
    await expect(tg.cli).toContainText('modify-target-group-attributes')
    await expect(tg.cli).toContainText('--health-check-interval-seconds 15')
  })
})

test('a select chooses which target group the form edits', async ({ lab: page }) => {
  const tg = await new TargetGroupPanel(page).show()
  await expect(tg.targetGroup.getByRole('option')).toHaveText(['web'])
  await page.evaluate(() =>
    window.stickylab.current.send({
      type: 'lab.call',
      method: 'createTargetGroup',
      args: ['blue', { targets: 2 }],
    }),
  )
  await expect(tg.targetGroup.getByRole('option')).toHaveText(['web', 'blue'])
  await tg.targetGroup.selectOption('blue')
  await tg.stickinessChoice('Duration-based (lb_cookie)').check()
  await tg.preset('1 h').click()
  await tg.apply.click()
  await expect(tg.status).toHaveText('Applied to target group blue.')
  await expect(tg.cli).toContainText('--names blue')
  // web is untouched; blue has its own settings when chosen again.
  await expectTargetGroupHeading(page, 'web', 'Target group web · stickiness off')
  await tg.targetGroup.selectOption('web')
  await expect(tg.stickinessChoice('Off')).toBeChecked()
  await tg.targetGroup.selectOption('blue')
  await expect(tg.stickinessChoice('Duration-based (lb_cookie)')).toBeChecked()
  await expect(tg.duration).toHaveValue('3600')
  await expectNoAxeViolations(page)
})

test('resetting the lab starts the form afresh', async ({ lab: page }) => {
  const tg = await new TargetGroupPanel(page).show()
  await tg.stickinessChoice('Duration-based (lb_cookie)').check()
  await tg.preset('20 s').click()
  await tg.apply.click()
  await expect(tg.cli).toBeVisible()
  await tg.duration.fill('0')
  await tg.apply.click()
  await expect(tg.anyError).toHaveCount(1)
  await page.evaluate(() => window.stickylab.current.send({ type: 'sim.reset' }))
  await expectTargetGroupHeading(page, 'web', 'Target group web · stickiness off')
  await expect(tg.stickinessChoice('Off')).toBeChecked()
  await expect(tg.anyError).toHaveCount(0)
  await expect(tg.cli).toHaveCount(0)
})

test('the form is keyboard operable', async ({ lab: page }) => {
  const tg = await new TargetGroupPanel(page).show()
  await tg.stickinessChoice('Off').focus()
  await page.keyboard.press('ArrowDown')
  await expect(tg.stickinessChoice('Duration-based (lb_cookie)')).toBeChecked()
  await tg.preset('20 s').focus()
  await page.keyboard.press('Enter')
  await expect(tg.duration).toHaveValue('20')
  await tg.apply.focus()
  await page.keyboard.press('Enter')
  await expectTargetGroupHeading(page, 'web', 'Target group web · lb_cookie · 20 s')
})

test('screenshots: light and dark, desktop and phone, with the CLI and an error showing', async ({
  lab: page,
}) => {
  const tg = await new TargetGroupPanel(page).show()
  await tg.stickinessChoice('Duration-based (lb_cookie)').check()
  await tg.preset('20 s').click()
  await tg.apply.click()
  await expect(tg.cli).toBeVisible()
  await tg.duration.fill('0')
  await tg.apply.click()
  await expect(tg.errorBeside(tg.duration)).toBeVisible()
  await expectNoAxeViolations(page)
  await shootPanel(page, tg.root, 'target-group-panel')
})
