// Shared Playwright fixtures: the `lab` page (loaded, with every deferred panel in place), an axe check that
// fails on any violation, and gotoLab for tests that open a particular address.
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'

export async function expectNoAxeViolations(page: Page): Promise<void> {
  // A boxed step: the report shows each scan's time, and a failure points at the test's line.
  await base.step(
    'axe scan',
    async () => {
      // Legacy mode runs axe.run in the page (frames included, through axe's own messaging) instead of
      // runPartial plus finishRun in a second page it opens for every scan; only violations are asserted, so
      // passes and incomplete results are not gathered node by node. Together they halve a scan's time.
      const results = await new AxeBuilder({ page })
        .setLegacyMode(true)
        .options({ resultTypes: ['violations'] })
        .analyze()
      const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
      expect(summary, 'axe violations').toEqual([])
    },
    { box: true },
  )
}

/**
 * Waits until the lab is drawn and every part loaded just after the first paint (src/app/firstPaint.ts) has
 * replaced its placeholder: each lazy panel's PanelFallback (.panel-loading) and, outside embed mode, the
 * header's Share and Keyboard shortcuts placeholders (PendingButton, aria-disabled). The chunks arrive independently, in any order under load,
 * so waiting for one of them is not enough: a request sent before the Cookies panel exists can never flash in it.
 */
export async function waitForLab(page: Page): Promise<void> {
  // The h1 is rendered in the same commit as the slots and their placeholders (visually hidden when embedded).
  await expect(page.getByRole('heading', { level: 1, name: 'Stickylab' })).toBeAttached()
  await expect(page.locator('.panel-loading, .app-header [aria-disabled="true"]')).toHaveCount(0)
}

/** Opens an address of the app and waits for the whole lab (see waitForLab). */
export async function gotoLab(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await waitForLab(page)
}

/** Where the app remembers that the first-visit welcome was dismissed (src/app/welcome.ts). */
export const WELCOME_KEY = 'stickylab.welcome.v1'

export const test = base.extend<{ lab: Page; welcome: boolean }>({
  /** Whether pages open as a first visit, with the welcome on the stage. Off: most tests start from the lab itself. */
  welcome: [false, { option: true }],
  context: async ({ context, welcome }, use) => {
    if (!welcome)
      await context.addInitScript((key) => {
        try {
          if (window.localStorage.getItem(key) === null) window.localStorage.setItem(key, 'dismissed')
        } catch {
          // Storage refused (a test of that): the welcome cannot show either.
        }
      }, WELCOME_KEY)
    await use(context)
  },
  lab: async ({ page }, use) => {
    await gotoLab(page, '/')
    await use(page)
  },
})

export { expect }
