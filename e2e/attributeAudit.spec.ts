// The "All attributes" list under Target group settings, as a learner uses it: open it, read which keys the
// lab acts on and which it only accepts ("accepted; no effect in this simulator"), and see the list follow
// the load balancer type and a change made in the form. The audit itself is docs/attributes.md.
import type { Locator, Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { Lab } from './pages/Lab'
import { showTab } from './pages/phoneTabs'
import { InstancesPanel } from './pages/InstancesPanel'
import { DRILLS } from '../src/lessons/drills'
import { TargetGroupPanel } from './pages/TargetGroupPanel'

test.describe.configure({ timeout: 60_000 })

const NOTE = 'accepted; no effect in this simulator'

function row(list: Locator, caption: string, key: string): Locator {
  return list
    .getByRole('table', { name: caption })
    .getByRole('row', { name: new RegExp(`^${key.replaceAll('.', '\\.')} `) })
}

async function openList(page: Page): Promise<Locator> {
  await new Lab(page).pause()
  const tg = await new TargetGroupPanel(page).show()
  const list = tg.root.locator('details.attr-list')
  await list.getByText('All attributes, as describe lists them').click()
  await expect(list).toHaveAttribute('open', '')
  return list
}

test('the ALB list marks keys the lab only accepts, and follows a change applied in the form', async ({
  lab: page,
}) => {
  const list = await openList(page)
  const web = 'Target group web (HTTP)'
  await expect(row(list, web, 'stickiness.enabled')).toContainText('false')
  await expect(row(list, web, 'stickiness.enabled')).not.toContainText(NOTE)
  await expect(
    row(list, web, 'target_group_health.dns_failover.minimum_healthy_targets.count'),
  ).toContainText(NOTE)
  await expect(row(list, 'Load balancer', 'idle_timeout.timeout_seconds')).toContainText('60')
  await expect(row(list, 'Load balancer', 'idle_timeout.timeout_seconds')).toContainText(NOTE)
  await expect(row(list, 'Load balancer', 'load_balancing.cross_zone.enabled')).toContainText(
    'true',
  )
  await expectNoAxeViolations(page)

  const tg = new TargetGroupPanel(page)
  await tg.stickinessChoice('Duration-based (lb_cookie)').check()
  await tg.apply.click()
  await expect(tg.status).toHaveText('Applied to target group web.')
  await expect(row(list, web, 'stickiness.enabled')).toContainText('true')
})

test('myth drill: the NLB sticks by source IP, not by port; its attribute list notes what the lab ignores', async ({
  lab: page,
}) => {
  const index = DRILLS.findIndex((d) => d.id === 'myth-nlb-hashes-ip-port') + 1
  await showTab(page, 'Learn')
  const panel = page.locator('section.drills-panel')
  await panel.getByRole('button', { name: 'Open exam drills' }).click()
  const dialog = page.getByRole('dialog', { name: /^Exam drill \d+ of \d+$/ })
  await dialog.getByRole('combobox', { name: 'Question' }).selectOption({ label: String(index) })
  await expect(dialog).toContainText(
    'Which statement about Network Load Balancer stickiness is correct?',
  )
  await dialog.getByRole('radio', { name: /Its only type is source_ip/ }).check()
  await dialog.getByRole('button', { name: 'Check answer' }).click()
  await expect(dialog.getByTestId('drill-result')).toContainText('Correct.')
  await dialog.getByRole('button', { name: 'Try it in the lab' }).click()
  await expect(dialog).toBeHidden()

  // As the drill says: press New connection on alice a few times; every connection reaches i-2.
  const instances = await new InstancesPanel(page).show()
  await showTab(page, 'Setup')
  const alice = page.getByRole('group', { name: 'Client alice' })
  for (let i = 0; i < 3; i++) await alice.getByRole('button', { name: 'New connection' }).click()
  // The drill leaves the clock paused: let the three requests arrive.
  await new Lab(page).advance(30)
  await expect(instances.served('i-2')).toHaveText('3')
  await expect(instances.served('i-1')).toHaveText('0')
  await expect(instances.served('i-3')).toHaveText('0')
  await page.screenshot({ path: '/tmp/shots-audit/myth-nlb-sticky-1280.png' })
  await page.setViewportSize({ width: 390, height: 844 })
  await showTab(page, 'Lab')
  await page.screenshot({ path: '/tmp/shots-audit/myth-nlb-sticky-390.png' })
  await page.setViewportSize({ width: 1280, height: 800 })

  const list = await openList(page)
  const web = 'Target group web (TCP)'
  await expect(row(list, web, 'stickiness.type')).toContainText('source_ip')
  await expect(row(list, web, 'stickiness.type')).not.toContainText(NOTE)
  await expect(row(list, web, 'preserve_client_ip.enabled')).toContainText(NOTE)
  await expect(
    row(list, web, 'target_health_state.unhealthy.connection_termination.enabled'),
  ).not.toContainText(NOTE)
  await expect(row(list, 'Load balancer', 'load_balancing.cross_zone.enabled')).toContainText(
    'true',
  )
  await expect(list.getByRole('row', { name: /idle_timeout\.timeout_seconds/ })).toHaveCount(0)
  await expectNoAxeViolations(page)
})
