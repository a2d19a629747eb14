// Phones (≤ 700 px) show the lab's panels as tabs (src/view/slotPlaces.ts): these helpers open the tab that
// holds an element, so a test written for the desktop layout can check the same thing at 390×844.
import { expect, type Locator, type Page } from '@playwright/test'

/** Waits until the layout has followed a viewport change (tabs at ≤ 700 px, columns above). */
export async function settleLayout(page: Page): Promise<void> {
  const phone = await page.evaluate(() => window.matchMedia('(max-width: 700px)').matches)
  if (phone) await expect(page.locator('main.layout.phone')).toBeAttached()
  else await expect(page.locator('main.layout:not(.phone)')).toBeAttached()
}

/** Opens a phone tab by its name and waits until it is selected. */
export async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true })
  await tab.click()
  await expect(tab).toHaveAttribute('aria-selected', 'true')
}

/**
 * Opens the phone tab that shows `target`. Role locators do not match what a hidden tab holds, so the tabs
 * are tried in turn. Without tabs (desktop, or an embed with one tab) it does nothing.
 */
export async function openTabOf(page: Page, target: Locator): Promise<void> {
  await settleLayout(page)
  const tabs = page.getByRole('tab')
  if ((await tabs.count()) === 0 || (await target.isVisible())) return
  for (const name of await tabs.allTextContents()) {
    await openTab(page, name)
    if (await target.isVisible()) return
  }
  throw new Error(`no phone tab shows ${target.toString()}`)
}

/**
 * An element screenshot at any size with the phone tab bar unstuck, so it is not painted over the middle of a
 * tall panel. Through the CSSOM: the page's CSP (style-src 'self') refuses the <style> that a screenshot's
 * `style` option would inject.
 */
export async function screenshotUnstuck(
  target: Locator,
  options: Parameters<Locator['screenshot']>[0],
): Promise<void> {
  const bar = target.page().locator('.phone-tabs')
  const phone = (await bar.count()) > 0
  if (phone) await bar.evaluate((el: HTMLElement) => (el.style.position = 'static'))
  await target.screenshot(options)
  if (phone) await bar.evaluate((el: HTMLElement) => (el.style.position = ''))
}

/**
 * Opens the tab named `name` (the dock's beside the stage, or the phone's) unless it is open already. Without
 * such a tab (an embed that stacks its panels) it does nothing: the panel is on the page as it is.
 */
export async function showTab(page: Page, name: string): Promise<void> {
  await settleLayout(page)
  const tab = page.getByRole('tab', { name, exact: true })
  if ((await tab.count()) === 0 || (await tab.getAttribute('aria-selected')) === 'true') return
  await openTab(page, name)
}
