// The phone layout (390×844, touch): the panels become WAI-ARIA tabs, every tab passes axe, every control
// is at least 44×44 px, a lesson's "Go to" opens the tab holding the control, turning the phone keeps what
// the learner typed, and an embed with one tab's panels shows no tab bar.
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, gotoLab, test } from './fixtures'
import { labCall } from './pages/labDriver'
import { openTab } from './pages/phoneTabs'
import { stageBrowser } from './pages/ClientsPanel'

const TAB_NAMES = ['Lab', 'Cookies', 'Requests', 'Learn', 'Setup', 'Numbers', 'Your ALB']

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

function tab(page: Page, name: string) {
  return page.getByRole('tab', { name, exact: true })
}

test('the panels are tabs: arrow keys, Home and End move between them; picture and "Send request" come first; axe in each', async ({
  lab: page,
}) => {
  // Three axe scans: allow for a busy machine.
  test.setTimeout(60_000)
  const tablist = page.getByRole('tablist', { name: 'Lab sections' })
  await expect(tablist.getByRole('tab')).toHaveText(TAB_NAMES)
  // The first tab shows the picture, the clock and the selected client's "Send request" together.
  await expect(tab(page, 'Lab')).toHaveAttribute('aria-selected', 'true')
  const lab = page.getByRole('tabpanel', { name: 'Lab' })
  await expect(lab.getByTestId('topology')).toBeVisible()
  await expect(lab.getByRole('button', { name: 'Pause', exact: true })).toBeVisible()
  const send = lab.getByRole('group', { name: 'alice browser' }).getByRole('button', { name: 'Send request' })
  await send.click()
  await expect(lab.getByTestId('alb-decision')).toContainText('#1 from alice')
  await expect(page.getByRole('tabpanel')).toHaveCount(1)

  // Keyboard: only the selected tab is in the Tab order; arrows wrap, Home and End jump.
  await tab(page, 'Lab').focus()
  await page.keyboard.press('ArrowRight')
  await expect(tab(page, 'Cookies')).toBeFocused()
  await expect(tab(page, 'Cookies')).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('region', { name: 'Cookies', exact: true })).toBeVisible()
  await expect(tab(page, 'Lab')).toHaveAttribute('tabindex', '-1')
  await page.keyboard.press('End')
  await expect(tab(page, 'Your ALB')).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(tab(page, 'Lab')).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(tab(page, 'Your ALB')).toBeFocused()
  await page.keyboard.press('Home')
  await expect(tab(page, 'Lab')).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('tabpanel', { name: 'Lab' })).toBeFocused()

  // axe in each tab: these three here, the other three in the touch-target test (it visits every tab too).
  for (const name of TAB_NAMES.slice(0, 3)) {
    await openTab(page, name)
    await expect(page.getByRole('tabpanel', { name })).toBeVisible()
    await expectNoAxeViolations(page)
  }
})

test('screenshots of every tab, light and dark, without horizontal page scroll', async ({ lab: page }) => {
  for (const theme of ['light', 'dark'] as const) {
    if (theme === 'dark') await page.getByRole('button', { name: 'Dark theme' }).click()
    for (const name of TAB_NAMES) {
      await openTab(page, name)
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        `horizontal page scroll in ${name} (${theme})`,
      ).toBeLessThanOrEqual(0)
      await page.screenshot({
        path: `reports/screens/phone-${name.toLowerCase()}-${theme}-390.png`,
        animations: 'disabled',
      })
    }
  }
})

test('every control on every tab is at least 44×44 px (touch); axe in the last three tabs', async ({ page }) => {
  // Three axe scans: allow for a busy machine.
  test.setTimeout(60_000)
  // A lesson step (step buttons, predictions, "Go to") and cookies in the table (Delete, editable values).
  await gotoLab(page, '/?lesson=cookie-demo&step=3')
  await labCall(page, 'modifyTargetGroupAttributes', 'web', {
    'stickiness.enabled': 'true',
    'stickiness.type': 'lb_cookie',
  })
  await labCall(page, 'request', 'alice', {})
  await expect(page.locator('section.lesson-panel').getByRole('heading', { level: 3 })).toBeVisible()
  expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true)
  const offenders: string[] = []
  let measured = 0
  for (const name of TAB_NAMES) {
    await openTab(page, name)
    const small = await page.evaluate(() => {
      const selector =
        'button, input, select, textarea, summary, a[href], [role="tab"], [role="switch"], [role="radio"]'
      const out: string[] = []
      let count = 0
      for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
        // Inline links inside prose are exempt (WCAG 2.5.8's inline exception); so is a control inside its
        // label, whose whole box is the target (the label passes the click on).
        if (el.tagName === 'A' && el.closest('p, li, dd, figcaption') !== null) continue
        const label = el.closest('label')
        const box = (label ?? el).getBoundingClientRect()
        if (box.width === 0 || box.height === 0 || el.closest('dialog:not([open])')) continue
        count++
        if (box.width < 43.5 || box.height < 43.5) {
          const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''
          out.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`)
        }
      }
      return { out, count }
    })
    measured += small.count
    offenders.push(...small.out.map((s) => `${name}: ${s}`))
    if (TAB_NAMES.indexOf(name) >= 3) await expectNoAxeViolations(page)
  }
  expect(measured, 'controls measured').toBeGreaterThan(60)
  expect(offenders, 'controls smaller than 44×44 px').toEqual([])
})

test('a lesson’s "Go to" opens the tab holding the control, whose tab is marked', async ({ page }) => {
  await gotoLab(page, '/?lesson=cookie-demo&step=3')
  // A lesson link opens on the Learn tab.
  await expect(tab(page, 'Learn')).toHaveAttribute('aria-selected', 'true')
  const lesson = page.locator('section.lesson-panel')
  await expect(lesson.getByRole('heading', { level: 3 })).toBeVisible()
  // Nothing is marked to press until the prediction is locked in.
  await expect(tab(page, 'Lab')).not.toHaveClass(/lesson-highlight/)
  await lesson.getByRole('radio').first().check()
  await lesson.getByRole('button', { name: 'Lock in my prediction' }).click()
  // The step uses alice's "Send request" and her cookie chips, on her browser on the stage (the Lab tab): that
  // tab carries the lesson's dashed mark, a tab the step does not use does not.
  await expect(tab(page, 'Lab')).toHaveClass(/lesson-highlight/)
  await expect(tab(page, 'Numbers')).not.toHaveClass(/lesson-highlight/)
  await lesson.getByRole('button', { name: 'Go to alice’s browser › Send request' }).click()
  await expect(tab(page, 'Lab')).toHaveAttribute('aria-selected', 'true')
  const send = stageBrowser(page, 'alice').getByRole('button', { name: 'Send request' })
  await expect(send).toBeFocused()
  await expect(send).toBeInViewport()
  await expectNoAxeViolations(page)
})

test('turning the phone keeps the open tab and what was typed; an embed with one tab’s panels has no tab bar', async ({
  page,
}) => {
  await gotoLab(page, '/')
  await openTab(page, 'Setup')
  const delay = page.getByRole('spinbutton', { name: 'Deregistration delay (seconds)' })
  await delay.fill('45')
  // Sideways the phone's tab bar goes: the dock under the stage keeps the same tab open.
  await page.setViewportSize({ width: 844, height: 390 })
  await expect(page.getByRole('tablist', { name: 'Lab sections' })).toHaveCount(0)
  await expect(page.getByRole('tablist', { name: 'Panels' }).getByRole('tab', { name: 'Setup', exact: true })).toHaveAttribute('aria-selected', 'true')
  await expect(delay).toHaveValue('45')
  await page.setViewportSize({ width: 390, height: 844 })
  await expect(tab(page, 'Setup')).toHaveAttribute('aria-selected', 'true')
  await expect(delay).toHaveValue('45')

  // The inspector and the timeline are both the Requests tab's. (Since ADR 0006 an embed naming the picture also
  // brings the type chooser, which is Setup's, and the Clients panel is Setup's too: those embeds have two tabs.)
  await gotoLab(page, '/?embed=1&panels=inspector,timeline&autoplay=0')
  await expect(page.getByRole('region', { name: 'HTTP inspector' })).toBeVisible()
  await expect(page.getByRole('tablist')).toHaveCount(0)
  await gotoLab(page, '/?embed=1&panels=topology,cookies&autoplay=0')
  await expect(page.getByRole('tab')).toHaveText(['Lab', 'Cookies', 'Setup'])
  await expectNoAxeViolations(page)
})
