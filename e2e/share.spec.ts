// The header's one Share dialog and its three choices (a link to this exact lab, an embed of the lab, an embed of a
// lesson with the panels it needs), and the behaviour reference inside the app: a drill's citation ("§3.3") opens
// the fact it cites, whose sources link to AWS documentation.
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, gotoLab, test } from './fixtures'
import { showTab } from './pages/phoneTabs'
import { labCall } from './pages/labDriver'

const PORT = Number(process.env.STICKYLAB_E2E_PORT ?? 4173)
const APP = `http://localhost:${PORT}`

/** The page (a modal dialog on top) at desktop and phone size, into reports/screens/. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const [w, h] of [[1280, 800], [390, 844]] as const) {
    await page.setViewportSize({ width: w, height: h })
    await page.screenshot({ path: `reports/screens/${name}-${w}.png`, animations: 'disabled' })
  }
  await page.setViewportSize({ width: 1280, height: 800 })
}

test('Share offers three choices: the exact lab as a link, the lab as an embed, a lesson as an embed', async ({
  lab: page,
  context,
}) => {
  test.setTimeout(60_000)
  const open = page.getByRole('button', { name: 'Share', exact: true })
  const dialog = page.getByRole('dialog', { name: 'Share' })
  const url = dialog.getByTestId('embed-url')
  // The timeline no longer makes links of its own: it points here.
  await showTab(page, 'Requests')
  await expect(page.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: 'Share link' })).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('use Share at the top of the page')

  await test.step('with no lesson open it starts on the link; the three choices are named', async () => {
    await open.click()
    const choices = dialog.getByRole('group', { name: 'What to share' }).getByRole('radio')
    await expect(choices).toHaveCount(3)
    expect(await choices.evaluateAll((rs) => rs.map((r) => r.parentElement!.textContent!.trim()))).toEqual([
      'Link to this exact lab',
      'Embed this lab',
      'Embed a lesson',
    ])
    await expect(dialog.getByRole('radio', { name: 'Link to this exact lab' })).toBeChecked()
    await expectNoAxeViolations(page)
  })

  await test.step('link to this exact lab: the #lab= link opens the identical lab, paused', async () => {
    await labCall(page, 'addClient', 'dora')
    const world = () => page.evaluate(() => JSON.stringify(window.stickylab.current.lab().snapshot()))
    await dialog.getByRole('button', { name: 'Make link' }).click()
    const link = dialog.getByRole('textbox', { name: /^Link to this lab \(as it was at / })
    await expect(link).toBeFocused()
    const address = await link.inputValue()
    expect(address).toMatch(new RegExp(`^${APP}/#lab=[A-Za-z0-9_-]+$`))
    const opened = await context.newPage()
    await gotoLab(opened, address)
    await expect(opened.getByRole('region', { name: 'Shared link' }).getByRole('status')).toContainText('Shared lab loaded.')
    const mine = JSON.parse(await world()) as { clients: unknown }
    const theirs = JSON.parse(
      await opened.evaluate(() => JSON.stringify(window.stickylab.current.lab().snapshot())),
    ) as { clients: unknown }
    expect(theirs.clients).toEqual(mine.clients)
    await opened.close()
  })

  await test.step('embed this lab: every panel unless the author narrows them', async () => {
    await dialog.getByRole('radio', { name: 'Embed this lab' }).check()
    await expect(url).toHaveText(`${APP}/?embed=1`)
    await dialog.getByRole('checkbox', { name: 'Numbers and metrics' }).uncheck()
    await expect(url).toHaveText(/^[^&]*\?embed=1&panels=topology,time,timeline,cookies,inspector,learn,/)
    await expect(dialog.getByRole('textbox', { name: 'Snippet' })).toHaveValue(/^<iframe src="/)
  })

  await test.step('embed a lesson: the panels the lesson needs are checked and locked', async () => {
    await dialog.getByRole('radio', { name: 'Embed a lesson' }).check()
    await dialog.getByRole('combobox', { name: 'Lesson' }).selectOption('cookies-disabled')
    await expect(url).toHaveText(`${APP}/?embed=1&lesson=cookies-disabled&step=1&panels=topology,time,learn,clients`)
    const clients = dialog.getByRole('checkbox', { name: 'Clients (needed)' })
    await expect(clients).toBeChecked()
    await expect(clients).toBeDisabled()
    await dialog.getByRole('combobox', { name: 'Start at step' }).selectOption('2')
    await expect(url).toHaveText(/lesson=cookies-disabled&step=2&/)
    await expectNoAxeViolations(page)
    await shoot(page, 'share-dialog-lesson')
  })
})

test('a drill’s citation opens the behaviour reference at the fact, with its AWS sources', async ({ lab: page }) => {
  await showTab(page, 'Learn')
  await page.locator('section.drills-panel').getByRole('button', { name: 'Open exam drills' }).click()
  const drill = page.getByRole('dialog', { name: /^Exam drill 1 of \d+$/ })
  await drill.getByRole('radio', { name: /Amazon ElastiCache/ }).check()
  await drill.getByRole('button', { name: 'Check answer' }).click()
  const result = drill.getByTestId('drill-result')
  await expect(result).toContainText('Reference: §3.3, §7 of the ALB behaviour reference.')

  const citation = result.getByRole('link', { name: '§3.3' })
  await citation.click()
  const reference = page.getByRole('dialog', { name: 'ALB behaviour reference' })
  await expect(reference).toBeVisible()
  // The cited fact is the one in view and focused: the third of section 3, on undecodable or stale cookies.
  const fact = reference.locator('li:focus')
  await expect(fact).toContainText('§3.3 Undecodable cookie, or a cookie naming a deregistered or unhealthy target.')
  await expect(fact).toBeInViewport()
  // Its source tag is a link to the AWS page it rests on, opening in a new tab.
  const source = fact.getByRole('link', { name: /^S1/ }).first()
  await expect(source).toHaveAttribute('href', 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/sticky-sessions.html')
  await expect(source).toHaveAttribute('target', '_blank')
  await expectNoAxeViolations(page)
  await shoot(page, 'reference-3-3')

  await test.step('Close returns to the drill, focus on the citation', async () => {
    await reference.getByRole('button', { name: 'Close' }).click()
    await expect(reference).toBeHidden()
    await expect(drill).toBeVisible()
    await expect(citation).toBeFocused()
  })

  await test.step('the reference by name opens at its top; §7 at its section heading', async () => {
    await result.getByRole('link', { name: '§7' }).click()
    await expect(reference.getByRole('heading', { name: '7. Failure handling (ALB)' })).toBeFocused()
    await page.keyboard.press('Escape')
    await result.getByRole('link', { name: 'ALB behaviour reference' }).click()
    await expect(reference.getByRole('heading', { name: /^AWS ELB session stickiness/ })).toBeInViewport()
  })
})
