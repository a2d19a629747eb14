// Your ALB as code (Console tab) in real Chromium: export the lab as Terraform and read the target group's stickiness block; paste an
// engineer's Terraform with duration-based stickiness and see the stage's Stickiness radio follow; paste garbage and
// get a readable error with the lab unchanged.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { showTab } from './pages/phoneTabs'

const LB_COOKIE_TF = `resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 80
  protocol = "HTTP"
  vpc_id   = var.vpc_id

  stickiness {
    type            = "lb_cookie"
    cookie_duration = 3600
    enabled         = true
  }
}
`

function panel(page: Page) {
  return page.getByRole('region', { name: 'Your ALB as code', exact: true })
}

test('export the configuration as Terraform: a target group resource with a stickiness block', async ({
  lab: page,
}) => {
  await showTab(page, 'Console')
  const yourAlb = panel(page)
  await expect(yourAlb.getByLabel('Format')).toHaveValue('terraform')
  await yourAlb.getByRole('button', { name: 'Export configuration' }).click()
  const code = yourAlb.getByTestId('config-export')
  await expect(code).toContainText('resource "aws_lb_target_group" "web" {')
  await expect(code).toContainText(/stickiness \{\s+enabled\s+= false\s+type\s+= "lb_cookie"/)
  // Download gives the Terraform file; Copy puts the same text on the clipboard and says so.
  const download = page.waitForEvent('download')
  await yourAlb.getByRole('button', { name: 'Download' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('stickylab.tf')
  const saved = await file.path().then((p) => readFileSync(p, 'utf8'))
  expect(saved).toContain('resource "aws_lb_target_group" "web" {')
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await yourAlb.getByRole('button', { name: 'Copy' }).click()
  await expect(
    yourAlb.getByRole('status').filter({ hasText: 'Copied to the clipboard.' }),
  ).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(saved)
  await expectNoAxeViolations(page)

  // Keyboard: choose CloudFormation and export again.
  await yourAlb.getByLabel('Format').focus()
  await yourAlb.getByLabel('Format').selectOption('cloudformation')
  await yourAlb.getByRole('button', { name: 'Export configuration' }).press('Enter')
  await expect(code).toContainText('Type: AWS::ElasticLoadBalancingV2::TargetGroup')
  await expect(code).toContainText('Key: stickiness.enabled')
})

test('import a Terraform target group with lb_cookie stickiness: the stage shows Duration-based at once', async ({
  lab: page,
}) => {
  const stickiness = page.getByRole('radiogroup', { name: 'Stickiness', exact: true })
  await showTab(page, 'Console')
  const yourAlb = panel(page)
  await yourAlb.getByLabel('Paste configuration').fill(LB_COOKIE_TF)
  await yourAlb.getByRole('button', { name: 'Import' }).click()
  const result = yourAlb.getByTestId('config-import-result')
  await expect(result).toHaveText(/^Terraform: Imported: 1 change applied to the lab/)
  const plan = yourAlb.getByTestId('config-plan')
  await expect(plan.getByRole('heading', { name: /^Understood/ })).toBeVisible()
  await expect(plan).toContainText("target group 'web' attributes → modifyTargetGroupAttributes")
  await expect(plan.getByRole('heading', { name: /^Ignored/ })).toBeVisible()
  await expect(plan).toContainText('vpc_id: not simulated')
  await showTab(page, 'Lab')
  await expect(stickiness.getByRole('radio', { name: /^Duration-based/ })).toBeChecked()
  await expectNoAxeViolations(page)
})

test('garbage gives a readable error and the lab is unchanged; an AWS rejection changes nothing either', async ({
  lab: page,
}) => {
  const stickiness = page.getByRole('radiogroup', { name: 'Stickiness', exact: true })
  await showTab(page, 'Console')
  const yourAlb = panel(page)
  const result = yourAlb.getByTestId('config-import-result')
  await yourAlb
    .getByLabel('Paste configuration')
    .fill('resource "aws_lb_target_group" "web" {\n  name = "web"\n')
  await yourAlb.getByRole('button', { name: 'Import' }).click()
  await expect(result).toHaveText(/not valid Terraform \(HCL\) syntax.*Nothing was changed\.$/)

  await yourAlb.getByLabel('Paste configuration').fill('please make my load balancer sticky')
  await yourAlb.getByRole('button', { name: 'Import' }).click()
  await expect(result).toHaveText(/does not recognise this configuration.*Nothing was changed\.$/)

  await yourAlb.getByLabel('Paste configuration').fill(LB_COOKIE_TF.replace('3600', '700000'))
  await yourAlb.getByRole('button', { name: 'Import' }).click()
  await expect(result).toHaveText(/Nothing was changed: AWS would reject one item/)
  await expect(yourAlb.getByTestId('config-plan')).toContainText('ValidationError')
  await expectNoAxeViolations(page)

  await showTab(page, 'Lab')
  await expect(stickiness.getByRole('radio', { name: /^Off/ })).toBeChecked()
})
