// The Classic Load Balancer's attributes form (ModifyLoadBalancerAttributes on the elb API), as a learner uses it:
// an out-of-range draining timeout gets AWS's error beside the field and changes nothing; a valid one shows the
// aws elb command, and an instance deregistered afterwards drains on the stage for exactly that long. The
// attributes the lab only accepts say so.
import type { Locator, Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { InstancesPanel } from './pages/InstancesPanel'
import { Lab } from './pages/Lab'
import { showTab } from './pages/phoneTabs'

async function chooseClassic(page: Page): Promise<void> {
  const radio = page
    .getByRole('radiogroup', { name: 'Load balancer type' })
    .getByRole('radio', { name: 'Classic (CLB)', exact: true })
  await radio.click()
  await expect(radio).toBeChecked()
}

function attributesForm(page: Page): Locator {
  return page
    .getByRole('region', { name: 'Stickiness policies', exact: true })
    .getByRole('form', { name: 'Load balancer attributes' })
}

test('CLB attributes: AWS’s error beside the draining timeout, then a deregistered instance drains for the timeout set', async ({
  lab: page,
}) => {
  const lab = new Lab(page)
  await lab.pause()
  await showTab(page, 'Setup')
  await chooseClassic(page)
  const form = attributesForm(page)
  const timeout = form.getByRole('spinbutton', { name: 'Draining timeout (seconds)' })
  await expect(form.getByRole('switch', { name: 'Connection draining' })).toBeChecked()
  await expect(timeout).toHaveValue('300')
  await expect(form).toContainText(
    'Accepted; no effect in this simulator: connections here never sit idle.',
  )

  await timeout.fill('4000')
  await form.getByRole('button', { name: 'Save attributes' }).click()
  await expect(form.getByRole('alert')).toHaveText(
    "ValidationError: 'ConnectionDraining.Timeout' value '4000' must be between '1-3600' inclusive",
  )
  await expect(timeout).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(page)

  await timeout.fill('20')
  await form.getByRole('button', { name: 'Save attributes' }).click()
  await expect(form.getByRole('alert')).toHaveCount(0)
  await expect(form.getByRole('status')).toHaveText(
    'Saved. An instance you deregister now keeps its open requests for up to 20 s.',
  )
  const cli = page
    .getByRole('region', { name: 'Stickiness policies', exact: true })
    .getByTestId('cli-command')
    .last()
  await expect(cli).toContainText('aws elb modify-load-balancer-attributes')
  await expect(cli).toContainText('"ConnectionDraining":{"Enabled":true,"Timeout":20}')

  // Deregistering i-1 now: it drains on the stage with the 20 s countdown, then leaves.
  const instances = await new InstancesPanel(page).show()
  await instances.button('i-1', 'Deregister').click()
  await expect(lab.card('i-1')).toHaveAttribute('data-state', 'draining')
  await expect(lab.card('i-1')).toContainText('20 s left')
  await lab.advance(10)
  // The picture's clock may trail the lab's by a moment, so the countdown reads 10 or 11.
  await expect(lab.card('i-1')).toContainText(/\D1[01] s left/)
  await lab.advance(10)
  await expect(lab.card('i-1')).toHaveCount(0)
  await expectNoAxeViolations(page)
})
