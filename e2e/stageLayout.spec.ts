// The page around the stage, as a newcomer meets it: the first-visit welcome (and that dismissing it is
// remembered), the skip link and the Tab order to the first Send request, the dock's tabs beside the stage, the
// stage's share of the first screen and how few controls and words surround it, and a stage that stays put while a
// dock panel scrolls.
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, gotoLab, test } from './fixtures'

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const

/** The stage's Send request of a browser (the picture's own button, not the Clients panel's). */
function stageSend(page: Page, client = 'alice') {
  return page.getByRole('region', { name: 'The lab' }).getByRole('group', { name: `${client} browser` }).getByRole('button', { name: 'Send request' })
}

test.describe('first visit', () => {
  test.use({ welcome: true })

  test('a welcome on the stage offers lesson 1 or exploring; Explore dismisses it for good', async ({ page }) => {
    await gotoLab(page, '/')
    const welcome = page.getByRole('region', { name: 'Watch a load balancer choose' })
    await expect(welcome).toBeVisible()
    // At most three sentences.
    const text = (await welcome.locator('p').textContent()) ?? ''
    expect(text.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 1).length).toBeLessThanOrEqual(3)
    await expect(welcome.getByRole('button', { name: 'Start lesson 1' })).toBeVisible()
    await expectNoAxeViolations(page)
    await welcome.getByRole('button', { name: /^Explore/ }).click()
    await expect(welcome).toBeHidden()
    await page.reload()
    await expect(page.getByRole('heading', { level: 1, name: 'Stickylab' })).toBeVisible()
    await expect(stageSend(page)).toBeVisible()
    await expect(page.getByRole('region', { name: 'Watch a load balancer choose' })).toHaveCount(0)
  })

  test('"Start lesson 1" opens the first lesson in the Learn tab', async ({ page }) => {
    await gotoLab(page, '/')
    await page.getByRole('button', { name: 'Start lesson 1' }).click()
    await expect(page.getByRole('tab', { name: 'Learn', exact: true })).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByRole('navigation', { name: 'Lesson steps' })).toBeVisible()
    await expect(page).toHaveURL(/\?lesson=[a-z-]+&step=1$/)
    await expect(page.getByRole('region', { name: 'Watch a load balancer choose' })).toHaveCount(0)
  })

  test('a shared lab or a lesson link never shows the welcome', async ({ page }) => {
    await gotoLab(page, '/?lesson=why-stickiness')
    await expect(page.getByRole('region', { name: 'Watch a load balancer choose' })).toHaveCount(0)
  })
})

for (const viewport of VIEWPORTS) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport })

    test('the stage fills at least 40 % of the first screen beside the dock, and stays put while the dock scrolls', async ({ lab: page }) => {
      const figure = page.getByTestId('topology')
      const box = (await figure.boundingBox())!
      expect(box.width * box.height).toBeGreaterThanOrEqual(0.4 * viewport.width * viewport.height)
      // Everything the learner needs is on the first screen: no page scroll at all.
      expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(1)
      await page.getByRole('tab', { name: 'Learn', exact: true }).click()
      const panel = page.getByRole('tabpanel', { name: 'Learn' })
      await panel.evaluate((el) => el.scrollBy(0, 600))
      expect((await figure.boundingBox())!.y).toBe(box.y)
    })

    test('at most 15 controls and 150 words around the picture on the first screen', async ({ lab: page }) => {
      const counts = await page.evaluate(() => {
        // The picture: the figure and its table alternative (the same picture for screen readers).
        const figure = document.querySelector('[data-testid="topology"]')?.closest('figure')
        const table = document.querySelector('.picture-table')
        const stage = { contains: (el: Node) => !!(figure?.contains(el) || table?.contains(el)) }
        const visible = (el: Element) => {
          const r = el.getBoundingClientRect()
          const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth
          return onScreen && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })
        }
        const controls = [...document.querySelectorAll('button, select, input, textarea, a[href], summary, [role="tab"], [role="switch"]')].filter(
          (el) => visible(el) && !stage.contains(el) && !el.classList.contains('skip-link'),
        )
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
        let words = 0
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement
          if (!el || stage.contains(el) || !visible(el) || el.closest('.visually-hidden')) continue
          words += (n.textContent ?? '').split(/\s+/).filter((w) => /\w/.test(w)).length
        }
        return { controls: controls.map((c) => c.getAttribute('aria-label') ?? c.textContent?.trim()), words }
      })
      expect(counts.controls.length, counts.controls.join(' | ')).toBeLessThanOrEqual(15)
      expect(counts.words).toBeLessThanOrEqual(150)
    })
  })
}

test('keyboard: the skip link leads to the stage, and the first Send request is within 5 Tab stops', async ({ lab: page }) => {
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to the stage' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeVisible()
  for (let i = 1; i < 5; i++) {
    if (await stageSend(page).evaluate((el) => el === document.activeElement)) break
    await page.keyboard.press('Tab')
  }
  await expect(stageSend(page)).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  // Back to the top and through the skip link: focus lands on the stage itself.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await skip.focus()
  await page.keyboard.press('Enter')
  await expect(page.locator('#stage')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.locator('#stage :focus')).toHaveCount(1)
})

test('the dock: one tab open at a time, arrow keys move between tabs, and each tab passes axe', async ({ lab: page }) => {
  test.setTimeout(90_000)
  const tabs = page.getByRole('tablist', { name: 'Panels' }).getByRole('tab')
  await expect(tabs).toHaveText(['Cookies', 'Requests', 'Learn', 'Setup', 'Numbers', 'Console'])
  await expect(page.getByRole('tab', { name: 'Cookies' })).toHaveAttribute('aria-selected', 'true')
  await page.getByRole('tab', { name: 'Cookies' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('tab', { name: 'Requests' })).toBeFocused()
  await expect(page.getByRole('region', { name: 'HTTP inspector' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Cookies', exact: true })).toBeHidden()
  await page.keyboard.press('End')
  await expect(page.getByRole('tab', { name: 'Console' })).toHaveAttribute('aria-selected', 'true')
  await expectNoAxeViolations(page)
  await page.getByRole('tab', { name: 'Setup' }).click()
  await expect(page.getByRole('region', { name: 'Target group settings' })).toBeVisible()
  await expectNoAxeViolations(page)
})

test('keys 1, 2 and 3 switch the stickiness mode, as the stage radios do, and the ? dialog lists them', async ({ lab: page }) => {
  const stickiness = page.getByRole('region', { name: 'The lab' }).getByRole('radiogroup', { name: 'Stickiness' })
  await expect(stickiness.getByRole('radio', { name: /^Off/ })).toBeChecked()
  await page.keyboard.press('2')
  await expect(stickiness.getByRole('radio', { name: /^Duration-based/ })).toBeChecked()
  expect(await page.evaluate(() => window.stickylab.current.lab().targetGroups()[0]!.attributes['stickiness.type'])).toBe('lb_cookie')
  await page.keyboard.press('3')
  await expect(stickiness.getByRole('radio', { name: /^Application-based/ })).toBeChecked()
  await page.keyboard.press('1')
  await expect(stickiness.getByRole('radio', { name: /^Off/ })).toBeChecked()
  await page.keyboard.press('?')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog.getByRole('row', { name: /^2 Stickiness: Duration-based/ })).toBeVisible()
})
