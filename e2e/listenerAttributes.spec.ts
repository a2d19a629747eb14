// The NLB listener's TCP idle timeout (ModifyListenerAttributes `tcp.idle_timeout.seconds`) as a learner uses it:
// AWS's range error beside the field for 30 s, then 60 s saved with its aws elbv2 command, and a flow that sat idle
// for just over 60 s gone from "Open flows" (the default would have kept it for 350 s).
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { Lab } from './pages/Lab'
import { showTab } from './pages/phoneTabs'

async function chooseNetwork(page: Page): Promise<void> {
  const radio = page
    .getByRole('radiogroup', { name: 'Load balancer type' })
    .getByRole('radio', { name: 'Network (NLB)', exact: true })
  await radio.click()
  await expect(radio).toBeChecked()
}

test('NLB listener: AWS’s error beside the TCP idle timeout, then a flow idle past 60 s leaves Open flows', async ({
  lab: page,
}) => {
  const lab = new Lab(page)
  await lab.pause()
  await showTab(page, 'Setup')
  await chooseNetwork(page)
  const listener = page.getByRole('region', { name: 'Listener and rules', exact: true })
  const timeout = listener.getByRole('spinbutton', { name: 'TCP idle timeout (seconds)' })
  await expect(timeout).toHaveValue('350')

  await timeout.fill('30')
  await listener.getByRole('button', { name: 'Save listener attributes' }).click()
  await expect(listener.getByRole('alert')).toHaveText(
    "ValidationError: 'tcp.idle_timeout.seconds' value '30' must be between '60-6000' inclusive",
  )
  await expect(timeout).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(page)

  await timeout.fill('60')
  await listener.getByRole('button', { name: 'Save listener attributes' }).click()
  await expect(listener.getByRole('alert')).toHaveCount(0)
  await expect(listener.getByRole('status')).toHaveText(
    'Saved. A TCP flow idle for more than 60 s is closed; the next request opens a new one.',
  )
  await expect(listener.getByTestId('cli-command')).toContainText(
    'aws elbv2 modify-listener-attributes \\\n  --listener-arn "$LISTENER_ARN" \\\n  --attributes Key=tcp.idle_timeout.seconds,Value=60',
  )

  await lab.send(1)
  await showTab(page, 'Setup')
  const flows = page.getByTestId('open-flows')
  await expect(flows).toContainText('alice')
  // Sending moved the clock a few seconds for the response to come back: 45 s more is still under 60 s idle,
  // 20 s after that is over it (and far under the default 350 s).
  await lab.advance(45)
  await expect(flows).toContainText('alice')
  await lab.advance(20)
  await expect(flows).toHaveCount(0)
  await expect(page.getByText('None yet. A client’s first request opens a flow')).toBeVisible()
})
