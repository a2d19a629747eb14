// The application cookie's size, as a learner uses it: in the app-cookie drill's lab, make the app's SESSIONID
// 3,500 bytes and send a request; the stage shows alice holding two filled AWSALBAPP shards (-0 and -1) and two
// unused ones, and the next request is still sticky. Screenshots at 1280×800 and 390×844 for review.
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { Lab } from './pages/Lab'
import { showTab } from './pages/phoneTabs'
import { DRILLS } from '../src/lessons/drills'

test.describe.configure({ timeout: 90_000 })

async function loadAppCookieLab(page: Page): Promise<void> {
  const index = DRILLS.findIndex((d) => d.scenario === 'app-cookie') + 1
  const drill = DRILLS[index - 1]!
  const right = drill.options.find((o) => o.id === drill.correct[0])!.text
  await showTab(page, 'Learn')
  await page
    .locator('section.drills-panel')
    .getByRole('button', { name: 'Open exam drills' })
    .click()
  const dialog = page.getByRole('dialog', { name: /^Exam drill \d+ of \d+$/ })
  await dialog.getByRole('combobox', { name: 'Question' }).selectOption({ label: String(index) })
  await dialog.getByRole('radio', { name: right, exact: true }).check()
  await dialog.getByRole('button', { name: 'Check answer' }).click()
  await dialog.getByRole('button', { name: 'Try it in the lab' }).click()
  await expect(dialog).toBeHidden()
}

function chip(page: Page, name: string) {
  return page
    .getByRole('list', { name: 'alice’s cookies' })
    .getByRole('button', { name: `${name} cookie` })
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`a 3,500-byte application cookie splits AWSALBAPP over two shards (${size.width}×${size.height})`, async ({
    lab: page,
  }) => {
    await page.setViewportSize(size)
    await loadAppCookieLab(page)
    const lab = new Lab(page)
    await showTab(page, 'Setup')
    const field = page.getByRole('spinbutton', { name: 'Application cookie size (bytes)' })
    await field.fill('99999')
    await page.getByRole('button', { name: 'Set cookie size' }).click()
    await expect(page.getByText('Enter a whole number of bytes from 1 to 16384.')).toBeVisible()
    await field.fill('3500')
    await page.getByRole('button', { name: 'Set cookie size' }).click()
    await expect(
      page.getByText('The application now sets SESSIONID with a 3500-byte value.'),
    ).toBeVisible()
    await expectNoAxeViolations(page)

    await showTab(page, 'Lab')
    await lab.send(1)
    await expect(chip(page, 'AWSALBAPP-0')).not.toHaveClass(/empty-shard/)
    await expect(chip(page, 'AWSALBAPP-1')).not.toHaveClass(/empty-shard/)
    await expect(chip(page, 'AWSALBAPP-2')).toHaveClass(/empty-shard/)
    await expect(chip(page, 'AWSALBAPP-3')).toHaveClass(/empty-shard/)
    await expect(chip(page, 'SESSIONID')).toBeVisible()
    await lab.send(1)
    await expect(page.getByText(/^ALB decision/).locator('..')).toContainText('AWSALBAPP')
    const decision = await page.evaluate(
      () => window.stickylab.current.lab().history().at(-1)!.decision,
    )
    expect(decision).toBe('sticky-hit')
    await page.screenshot({ path: `/tmp/shots-audit/app-cookie-${size.width}.png` })
  })
}
