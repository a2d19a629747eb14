// Security scanner findings (issue 19 item 7), as a learner meets them: after a sticky request, open the AWSALB and
// AWSALBCORS chips on the stage and read what a scanner flags (from the cookies' attributes) and what can be done.
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { advance, pauseAtZero } from './pages/labDriver'

const stage = (page: Page) => page.getByTestId('stage')
const browser = (page: Page) => stage(page).getByRole('group', { name: 'alice browser' })
const chip = (page: Page, name: string) =>
  browser(page).getByRole('button', { name: `${name} cookie`, exact: true })

test('chip details of AWSALB and AWSALBCORS show the scanner findings and what can and cannot be done', async ({
  lab: page,
}) => {
  await pauseAtZero(page)
  await stage(page)
    .getByRole('radio', { name: /^Duration-based/ })
    .check()
  await browser(page).getByRole('button', { name: 'Send request' }).click()
  await advance(page, 2)

  await chip(page, 'AWSALB').click()
  const awsalb = page.getByRole('region', { name: 'Security scanner findings for AWSALB' })
  await expect(awsalb).toContainText(
    'A security scanner flags: Missing Secure flag, Missing HttpOnly flag.',
  )
  await expect(awsalb).toContainText('there is no attribute or setting to add Secure or HttpOnly')
  await expect(awsalb).toContainText(
    'With application-based stickiness your application sets its own cookie',
  )
  await expectNoAxeViolations(page)
  await page.keyboard.press('Escape')

  // AWSALBCORS is Secure over HTTPS: only HttpOnly is flagged.
  await chip(page, 'AWSALBCORS').click()
  const cors = page.getByRole('region', { name: 'Security scanner findings for AWSALBCORS' })
  await expect(cors).toContainText('A security scanner flags: Missing HttpOnly flag.')
  await expect(cors).toContainText('AWSALBCORS already carries SameSite=None; Secure.')
  await page.keyboard.press('Escape')

  // The application's own cookie is not the load balancer's: no findings there.
  await chip(page, 'SESSIONID').click()
  await expect(page.getByRole('dialog', { name: 'SESSIONID' })).toBeVisible()
  await expect(page.getByRole('region', { name: /Security scanner findings/ })).toHaveCount(0)
})
