// Exam drills in real Chromium: open the dialog, answer a question, read the explanation, and "Try it in
// the lab" loads the drill's scenario and closes the dialog; multi-answer questions use checkboxes.
import { expect, expectNoAxeViolations, test } from './fixtures'
import { InstancesPanel } from './pages/InstancesPanel'
import { shootPanel } from './pages/screens'
import { openTabOf, showTab } from './pages/phoneTabs'
import type { Page } from '@playwright/test'
import { DRILLS } from '../src/lessons/drills'

function drills(page: Page) {
  const panel = page.locator('section.drills-panel')
  const dialog = page.getByRole('dialog', { name: /^Exam drill \d+ of \d+$/ })
  return { panel, dialog, result: dialog.getByTestId('drill-result') }
}

test('answer a drill, read the explanation, and try it in the lab', async ({ lab: page }) => {
  const { panel, dialog, result } = drills(page)
  await showTab(page, 'Learn')
  await expect(panel.getByRole('heading', { name: 'Exam drills' })).toBeVisible()
  await expect(panel).toContainText('0 answered correctly')
  await panel.getByRole('button', { name: 'Open exam drills' }).click()
  await expect(dialog).toBeVisible()
  await expect(
    dialog.getByRole('heading', { name: `Exam drill 1 of ${DRILLS.length}` }),
  ).toBeVisible()
  await expectNoAxeViolations(page)

  await test.step('checking without a choice asks for one', async () => {
    await dialog.getByRole('button', { name: 'Check answer' }).click()
    await expect(dialog.getByRole('alert')).toHaveText('Choose an answer first.')
  })

  await test.step('a wrong answer names the right one and explains it', async () => {
    await dialog
      .getByRole('radio', { name: /Raise stickiness\.lb_cookie\.duration_seconds/ })
      .check()
    await dialog.getByRole('button', { name: 'Check answer' }).click()
    await expect(result).toContainText('Not quite. The answer is B.')
    await expect(result).toContainText(
      'When a sticky target fails, the ALB picks a new healthy target',
    )
    await expect(result).toContainText('Reference: §3.3, §7')
  })

  await test.step('the right answer', async () => {
    await dialog.getByRole('radio', { name: /Amazon ElastiCache/ }).check()
    await dialog.getByRole('button', { name: 'Check answer' }).click()
    await expect(result).toContainText('Correct.')
    await expectNoAxeViolations(page)
  })

  await test.step('“Try it in the lab” loads the scenario and closes the dialog', async () => {
    await dialog.getByRole('button', { name: 'Try it in the lab' }).click()
    await expect(dialog).toBeHidden()
    await expect(panel.getByRole('status')).toContainText(
      'The lab now shows The sticky instance has just started failing (question 1), with the clock paused.',
    )
    const instances = await new InstancesPanel(page).show()
    await expect(instances.button('i-1', 'Pass health checks')).toBeVisible()
    const lab = await page.evaluate(() => {
      const l = window.stickylab.current.lab()
      const i1 = l.instances().find((i) => i.id === 'i-1')
      return {
        carts: l.history().map((r) => r.session?.items),
        i1: [i1?.running, i1?.healthCheckFailing],
        sticky: l.targetGroups()[0]!.attributes['stickiness.enabled'],
      }
    })
    expect(lab).toEqual({ carts: [1, 2], i1: [true, true], sticky: 'true' })
    await showTab(page, 'Learn')
    await expect(panel).toContainText('1 answered correctly')
    await expectNoAxeViolations(page)
  })

  await test.step('back to the question, and the answer is remembered after a reload', async () => {
    await panel.getByRole('button', { name: 'Back to question 1' }).click()
    await expect(
      dialog.getByRole('heading', { name: `Exam drill 1 of ${DRILLS.length}` }),
    ).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await page.reload()
    await expect(drills(page).panel).toContainText('1 answered correctly')
  })
})

test('multi-answer drills use checkboxes and need every right option', async ({ lab: page }) => {
  const { panel, dialog, result } = drills(page)
  await showTab(page, 'Learn')
  await panel.getByRole('button', { name: 'Open exam drills' }).click()
  await dialog.getByRole('combobox', { name: 'Question' }).selectOption({ label: '4' })
  await expect(
    dialog.getByText(
      'Which values are valid for stickiness.lb_cookie.duration_seconds on an ALB target group? (Choose two.)',
    ),
  ).toBeVisible()
  await dialog.getByRole('checkbox', { name: '1', exact: true }).check()
  await dialog.getByRole('button', { name: 'Check answer' }).click()
  await expect(result).toContainText('Not quite. The answer is B and C.')
  await dialog.getByRole('checkbox', { name: '604800', exact: true }).check()
  await dialog.getByRole('button', { name: 'Check answer' }).click()
  await expect(result).toContainText('Correct.')
  await dialog.getByRole('button', { name: 'Next' }).click()
  await expect(
    dialog.getByRole('heading', { name: `Exam drill 5 of ${DRILLS.length}` }),
  ).toBeVisible()
  await expect(dialog.getByRole('radio')).toHaveCount(4)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  await expect(panel.getByRole('button', { name: 'Open exam drills' })).toBeFocused()
})

test('screenshots of the drills panel and dialog', async ({ lab: page }) => {
  const { panel, dialog } = drills(page)
  await shootPanel(page, panel, 'drills-panel')
  // The page behind a modal dialog is inert, so the theme is switched with the dialog closed.
  const toggle = page.getByRole('button', { name: 'Dark theme' })
  for (const theme of ['light', 'dark'] as const) {
    if ((await toggle.getAttribute('aria-pressed')) !== String(theme === 'dark'))
      await toggle.click()
    for (const size of [
      { name: '1280', width: 1280, height: 800 },
      { name: '390', width: 390, height: 844 },
    ]) {
      await page.setViewportSize({ width: size.width, height: size.height })
      await openTabOf(page, panel)
      await panel.getByRole('button', { name: 'Open exam drills' }).click()
      await dialog.getByRole('radio').nth(1).check()
      await dialog.getByRole('button', { name: 'Check answer' }).click()
      const overflow = await dialog.evaluate((d) => d.scrollWidth - d.clientWidth)
      expect(overflow, `dialog overflows at ${size.width}px`).toBeLessThanOrEqual(0)
      await dialog.screenshot({
        path: `reports/screens/drills-dialog-${theme}-${size.name}.png`,
        animations: 'disabled',
      })
      await dialog.getByRole('button', { name: 'Close' }).click()
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 })
})
