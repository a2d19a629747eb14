// Text the picture splits over several SVG lines (src/view/topology/TopologyView.ts), read back as the learner
// reads it, joined by " · ": a target group's heading (name and weight, then its stickiness) and the load
// balancer card's listener rule (wrapped under the listener and the algorithm, src/view/topology/albLines.ts).
import { expect, type Page } from '@playwright/test'

/** Waits until the picture's heading of target group `name` reads `text`, e.g. "Target group web · lb_cookie · 20 s". */
export async function expectTargetGroupHeading(page: Page, name: string, text: string): Promise<void> {
  const group = page.getByTestId(`topology.tg.${name}`)
  await expect
    .poll(async () => {
      const title = await group.locator('text.tg-title').textContent()
      const stickiness = await group.locator('text.tg-subtitle').textContent()
      return `${title} · ${stickiness}`
    })
    .toBe(text)
}

/**
 * Waits until the load balancer card's rule reads `rule`, e.g. "weighted forward · TG stickiness 600 s": the
 * card's lines joined, less the listener and the algorithm (one word, such as round_robin) that come first.
 */
export async function expectAlbRule(page: Page, rule: string): Promise<void> {
  const lines = page.getByTestId('topology.alb').locator('text.alb-listener, text.alb-rule')
  await expect
    .poll(async () => {
      const parts = (await lines.allTextContents()).join(' · ').split(' · ')
      if (!parts[0]?.startsWith('listener ') || !/^[a-z_]+$/.test(parts[1] ?? '')) return parts.join(' · ')
      return parts.slice(2).join(' · ')
    })
    .toBe(rule)
}
