// The seed article's demo, done on the stage at 1280×800, 1920×1080 and 390×844 with every control already on
// the first screen and no scrolling: stickiness Off spreads one browser's requests; Duration-based (no Apply)
// sticks them; deleting AWSALB and AWSALBCORS through the chips lets the next request be balanced afresh; Off
// again. Each state passes axe, and a screenshot of it is kept for people to look at (test-results/seed-demo).
import type { Locator, Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { advance, pauseAtZero } from './pages/labDriver'

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'wide', width: 1920, height: 1080 },
  { name: 'phone', width: 390, height: 844 },
] as const

/** The request's trip on the stage (out 0.4 s, the app's 0.5 s, back 0.4 s), with room to spare. */
const TRIP_SECONDS = 1.5

for (const vp of VIEWPORTS) {
  test.describe(`${vp.width}×${vp.height}`, () => {
    test.use({ viewport: { width: vp.width, height: vp.height }, ...(vp.name === 'phone' ? { hasTouch: true, isMobile: true } : {}) })

    test('the seed demo on the stage: spread, stuck, cookies deleted through the chips, spread again', async ({ lab: page }, info) => {
      test.setTimeout(120_000)
      const stage = page.getByTestId('stage')
      const browser = stage.getByRole('group', { name: 'alice browser' })
      const send = browser.getByRole('button', { name: 'Send request' })
      const stickiness = stage.getByRole('radiogroup', { name: 'Stickiness' })
      const decision = page.getByTestId('alb-decision')
      const shot = async (state: string) => {
        await expectNoAxeViolations(page)
        await page.screenshot({ path: info.outputPath(`seed-demo-${vp.name}-${state}.png`) })
      }
      /** Uses a control only if it is on the first screen: nothing scrolls, ever. */
      const onFirstScreen = async (control: Locator) => {
        const box = (await control.boundingBox())!
        expect(box.y, 'control above the fold').toBeGreaterThanOrEqual(0)
        expect(box.y + box.height, 'control below the fold').toBeLessThanOrEqual(vp.height)
        expect(await page.evaluate(() => window.scrollY)).toBe(0)
      }
      const sendAndWait = async (): Promise<string> => {
        await onFirstScreen(send)
        await send.click()
        await advance(page, TRIP_SECONDS)
        const id = await page.evaluate(() => window.stickylab.current.lab().history().at(-1)!.id)
        await expect(decision).toContainText(`#${id} from alice`)
        return targetOfLast(page)
      }
      await pauseAtZero(page)

      // 1. Stickiness Off: three requests from one browser reach at least two instances.
      await onFirstScreen(stickiness)
      await expect(stickiness.getByRole('radio', { name: /^Off/ })).toBeChecked()
      const spread = [await sendAndWait(), await sendAndWait(), await sendAndWait()]
      expect(new Set(spread).size).toBeGreaterThanOrEqual(2)
      await shot('1-off-spread')

      // 2. Duration-based, at once: no Apply.
      const duration = stickiness.getByRole('radio', { name: /^Duration-based/ })
      await onFirstScreen(duration)
      await duration.check()
      await expect(duration).toBeChecked()
      expect(await page.evaluate(() => window.stickylab.current.lab().targetGroups()[0]!.attributes['stickiness.enabled'])).toBe('true')

      // 3. Three more requests stick to one instance (the first sets the cookie, the next two follow it).
      const stuck = [await sendAndWait(), await sendAndWait(), await sendAndWait()]
      expect(new Set(stuck).size).toBe(1)
      expect(await lastWasSticky(page)).toBe(true)
      await shot('2-duration-stuck')

      // 4. Delete AWSALB and AWSALBCORS through the chips.
      for (const name of ['AWSALB', 'AWSALBCORS']) {
        const chip = browser.getByRole('button', { name: `${name} cookie`, exact: true })
        await onFirstScreen(chip)
        await chip.click()
        const del = stage.getByRole('button', { name: `Delete ${name}`, exact: true })
        await del.click()
        await expect(chip).toHaveCount(0)
      }
      expect(await page.evaluate(() => window.stickylab.current.lab().cookies('alice').map((c) => c.name))).not.toContain('AWSALB')
      await shot('3-cookies-deleted')

      // 5. The next request carries no binding: the load balancer balances it afresh.
      await sendAndWait()
      expect(await lastWasSticky(page)).toBe(false)
      expect(await page.evaluate(() => window.stickylab.current.lab().history().at(-1)!.decision)).toBe('sticky-miss-no-cookie')
      await shot('4-balanced-afresh')

      // 6. Off again.
      const off = stickiness.getByRole('radio', { name: /^Off/ })
      await onFirstScreen(off)
      await off.check()
      await expect(off).toBeChecked()
      expect(await page.evaluate(() => window.stickylab.current.lab().targetGroups()[0]!.attributes['stickiness.enabled'])).toBe('false')
      await shot('5-off-again')
    })
  })
}

function targetOfLast(page: Page): Promise<string> {
  return page.evaluate(() => window.stickylab.current.lab().history().at(-1)!.targetId ?? '')
}

function lastWasSticky(page: Page): Promise<boolean> {
  return page.evaluate(() => window.stickylab.current.lab().history().at(-1)!.sticky)
}
