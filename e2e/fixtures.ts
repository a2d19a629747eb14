// Shared Playwright fixtures: an axe check that fails on any violation, and screenshot helpers.
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  expect(summary, 'axe violations').toEqual([])
}

export const test = base.extend<{ lab: Page }>({
  lab: async ({ page }, use) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { name: 'Stickylab' })).toBeVisible()
    // The panels loaded just after the first paint (src/app/firstPaint.ts) have arrived once this button works.
    await expect(page.getByRole('button', { name: 'Share / Embed' })).toBeEnabled()
    await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeEnabled()
    await use(page)
  },
})

export { expect }
