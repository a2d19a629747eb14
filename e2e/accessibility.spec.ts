// Screen-reader narration, the picture's text alternative, keyboard shortcuts and reduced motion.
import { expect, expectNoAxeViolations, test } from './fixtures'

test('each request is narrated in a polite live region', async ({ lab: page }) => {
  const narration = page.getByTestId('narration')
  await expect(narration).toHaveAttribute('aria-live', 'polite')
  await expect(narration).toHaveAttribute('role', 'status')
  await page.evaluate(() =>
    window.stickylab.current.send({
      type: 'lab.call',
      method: 'modifyTargetGroupAttributes',
      args: ['web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' }],
    }),
  )
  const send = page.getByRole('group', { name: 'Client alice' }).getByRole('button', { name: 'Send request' })
  await send.click()
  await expect(narration).toHaveText('Request 1 from alice went to i-1, not sticky: no stickiness cookie yet.')
  await send.click()
  await expect(narration).toHaveText('Request 2 from alice went to i-1, sticky: AWSALB still valid.')
})

test('the picture has a table alternative that stays in sync', async ({ lab: page }) => {
  await page.getByText('The picture as a table').click()
  const alice = page.getByTestId('picture-client-alice')
  await expect(alice).toContainText('none yet')
  await page.evaluate(() =>
    window.stickylab.current.send({
      type: 'lab.call',
      method: 'modifyTargetGroupAttributes',
      args: ['web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' }],
    }),
  )
  await page.getByRole('group', { name: 'Client alice' }).getByRole('button', { name: 'Send request' }).click()
  await expect(alice).toContainText('i-1 in web (AWSALB)')
  await page.evaluate(() => window.stickylab.current.send({ type: 'lab.call', method: 'stopInstance', args: ['i-2'] }))
  await expect(page.getByTestId('picture-target-i-2')).toContainText('stopped')
  await expectNoAxeViolations(page)
})

test('"?" opens the shortcuts dialog; keys drive the lab; typing in a field does not', async ({ lab: page }) => {
  await page.locator('body').press('?')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('row')).toHaveCount(8)
  await expectNoAxeViolations(page)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  await page.keyboard.press('p')
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible()
  await page.keyboard.press('r')
  await expect(page.getByTestId('request-target').first()).toHaveText('i-1')
  const clock = page.getByTestId('clock')
  const before = await clock.textContent()
  await page.keyboard.press('t')
  await expect(clock).not.toHaveText(before ?? '')

  await page.getByRole('textbox', { name: 'Client name' }).fill('rrr')
  await expect(page.getByTestId('request-row')).toHaveCount(1)
})

test('with reduced motion no dot travels; the instance that answered is highlighted instead', async ({ lab: page }) => {
  await page.getByRole('group', { name: 'Client alice' }).getByRole('button', { name: 'Send request' }).click()
  await expect(page.locator('g.packet')).toHaveCount(0)
  await expect(page.getByTestId('topology.target.i-1').locator('rect.flash')).not.toHaveAttribute('opacity', '0')
})
