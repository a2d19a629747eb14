// Screenshots of one panel in the light and dark themes at desktop (1280×800) and phone (390×844)
// sizes into reports/screens/, checking on the way that nothing in the panel overflows horizontally.
import { expect, type Locator, type Page } from '@playwright/test'
import { openTabOf, screenshotUnstuck } from './phoneTabs'

const SIZES = [
  { name: '1280', width: 1280, height: 800 },
  { name: '390', width: 390, height: 844 },
] as const

export async function shootPanel(page: Page, panel: Locator, name: string): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Dark theme' })
  for (const theme of ['light', 'dark'] as const) {
    if ((await toggle.getAttribute('aria-pressed')) !== String(theme === 'dark'))
      await toggle.click()
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height })
      await openTabOf(page, panel)
      // Every element of the panel stays inside the panel, and the panel inside the viewport.
      const overflow = await panel.evaluate((root) => {
        const box = root.getBoundingClientRect()
        let right = box.right
        const clipped = (el: Element) => {
          // Content inside a scrolling box (the CLI block) may be wider than the panel by design.
          for (let a = el.parentElement; a && a !== root; a = a.parentElement)
            if (getComputedStyle(a).overflowX !== 'visible') return true
          return false
        }
        for (const el of Array.from(root.querySelectorAll('*')))
          if (!clipped(el)) right = Math.max(right, el.getBoundingClientRect().right)
        return Math.max(
          right - box.right,
          box.right - document.documentElement.clientWidth,
          root.scrollWidth - root.clientWidth,
        )
      })
      expect(overflow, `horizontal overflow at ${size.width}px (${theme})`).toBeLessThanOrEqual(0.5)
      await panel.scrollIntoViewIfNeeded()
      await screenshotUnstuck(panel, {
        path: `reports/screens/${name}-${theme}-${size.name}.png`,
        animations: 'disabled',
      })
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 })
}
