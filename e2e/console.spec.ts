// The Console tab: a learner types the AWS CLI commands they would run on a real ALB, and the stage follows.
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { showTab } from './pages/phoneTabs'

async function openConsole(page: Page) {
  await showTab(page, 'Console')
  const input = page.getByRole('textbox', { name: 'AWS CLI command' })
  const output = page.getByRole('region', { name: 'Console output' })
  await expect(input).toBeVisible()
  /** Types a line and presses Enter, as a learner would. */
  const run = async (line: string) => {
    await input.fill(line)
    await input.press('Enter')
    await expect(output.locator('.console-line').last()).toHaveText(`$ ${line}`)
  }
  return { input, output, run }
}

test('a CLI line turns on duration-based stickiness on the stage; a refused one changes nothing; ↑ recalls it', async ({
  lab: page,
}) => {
  const { input, output, run } = await openConsole(page)
  const stickiness = page.getByTestId('stage').getByRole('radiogroup', { name: 'Stickiness' })
  await expect(stickiness.getByRole('radio', { name: /^Off/ })).toBeChecked()

  // The web group's ARN, from describe-target-groups' answer.
  await run('aws elbv2 describe-target-groups')
  const answer = JSON.parse(await output.locator('.console-stdout').last().innerText()) as {
    TargetGroups: { TargetGroupArn: string; TargetGroupName: string }[]
  }
  const web = answer.TargetGroups.find((g) => g.TargetGroupName === 'web')!.TargetGroupArn
  expect(web).toMatch(
    /^arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\/web\/[0-9a-f]{16}$/,
  )

  const line = `aws elbv2 modify-target-group-attributes --target-group-arn ${web} --attributes Key=stickiness.enabled,Value=true Key=stickiness.type,Value=lb_cookie`
  await run(line)
  await expect(stickiness.getByRole('radio', { name: /^Duration-based/ })).toBeChecked()
  await expect(output.locator('.console-stdout').last()).toContainText(
    '"Key": "stickiness.enabled",',
  )

  // An invalid duration: AWS's error line, exit status 254, and the stage as it was.
  await run(
    `aws elbv2 modify-target-group-attributes --target-group-arn ${web} --attributes Key=stickiness.enabled,Value=false Key=stickiness.lb_cookie.duration_seconds,Value=999999999`,
  )
  await expect(output.locator('.console-stderr').last()).toHaveText(
    "An error occurred (ValidationError) when calling the ModifyTargetGroupAttributes operation: 'stickiness.lb_cookie.duration_seconds' value '999999999' must be between '1-604800' inclusive",
  )
  await expect(output.locator('.console-exit').last()).toHaveText('exit status 254')
  await expect(stickiness.getByRole('radio', { name: /^Duration-based/ })).toBeChecked()
  expect(
    await page.evaluate(
      () => window.stickylab.current.lab().targetGroups()[0]!.attributes['stickiness.enabled'],
    ),
  ).toBe('true')

  // ↑ recalls the lines run, newest first; ↓ comes back to an empty prompt.
  await input.press('ArrowUp')
  await expect(input).toHaveValue(/duration_seconds,Value=999999999$/)
  await input.press('ArrowUp')
  await expect(input).toHaveValue(line)
  await input.press('ArrowDown')
  await input.press('ArrowDown')
  await expect(input).toHaveValue('')
  await page.screenshot({ path: test.info().outputPath('console-1280.png') })
  await expectNoAxeViolations(page)
})

test('Tab completes command names and lists the candidates; help, usage errors and clear', async ({
  lab: page,
}) => {
  const { input, output, run } = await openConsole(page)
  await input.fill('aws elbv2 describe-target-gr')
  await input.press('Tab')
  await expect(input).toHaveValue('aws elbv2 describe-target-group')
  await expect(input).toBeFocused()
  await expect(page.locator('.console-candidates')).toHaveText(
    'describe-target-group-attributes  describe-target-groups',
  )
  await input.pressSequentially('s --na')
  await input.press('Tab')
  await expect(input).toHaveValue('aws elbv2 describe-target-groups --names ')

  await run('help')
  await expect(output).toContainText('modify-target-group-attributes')
  await run(
    'aws elbv2 modify-target-group-attributes --attributes Key=stickiness.enabled,Value=true',
  )
  await expect(output.locator('.console-stderr').last()).toContainText(
    'aws: error: the following arguments are required: --target-group-arn',
  )
  await expect(output.locator('.console-exit').last()).toHaveText('exit status 252')
  await input.fill('clear')
  await input.press('Enter')
  await expect(output.locator('.console-entry')).toHaveCount(0)
  // With nothing to complete, Tab moves on: the console is no keyboard trap.
  await input.press('Tab')
  await expect(input).not.toBeFocused()
})

test('Show as CLI lists the changes made in the forms and on the stage as console lines', async ({
  lab: page,
}) => {
  const stickiness = page.getByTestId('stage').getByRole('radiogroup', { name: 'Stickiness' })
  await stickiness.getByRole('radio', { name: /^Duration-based/ }).check()
  await showTab(page, 'Console')
  const show = page.getByRole('button', { name: 'Show as CLI' })
  await show.click()
  await expect(show).toHaveAttribute('aria-pressed', 'true')
  const lines = page.getByRole('region', { name: 'The lab’s configuration as AWS CLI lines' })
  await expect(lines).toContainText(
    'aws elbv2 modify-target-group-attributes --target-group-arn arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/',
  )
  await expect(lines).toContainText('Key=stickiness.enabled,Value=true')
  await expectNoAxeViolations(page)
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

  test('the Console tab fits 390 px: a long answer wraps in its own scrolling box, and Run works by touch', async ({
    lab: page,
  }) => {
    const { input, output, run } = await openConsole(page)
    await run('aws elbv2 describe-load-balancers')
    const answer = JSON.parse(await output.locator('.console-stdout').last().innerText()) as {
      LoadBalancers: { LoadBalancerArn: string }[]
    }
    await input.fill(
      `aws elbv2 describe-listeners --load-balancer-arn ${answer.LoadBalancers[0]!.LoadBalancerArn}`,
    )
    await page.getByRole('button', { name: 'Run', exact: true }).tap()
    await expect(output.locator('.console-stdout').last()).toContainText('"Protocol": "HTTPS"')
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - innerWidth),
    ).toBeLessThanOrEqual(0)
    await expectNoAxeViolations(page)
  })
})
