// The Network, Gateway and Classic load balancer families load in their own chunk beside the picture (ADR 0018), by a
// module script that holds the page's load event: window.stickylab makes a Network lab as soon as page.goto resolves,
// even when that chunk is slow, and a saved Classic lab comes back into the picture after a reload.
import type { Page } from '@playwright/test'
import { expect, test, waitForLab } from './fixtures'
import { Lab } from './pages/Lab'
import { labCall, pause } from './pages/labDriver'

/** Holds back every file of the families' chunk by `ms`, as a slow network would. */
async function slowFamilies(page: Page, ms: number): Promise<void> {
  await page.route(/\/assets\/families-[\w-]+\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms))
    await route.continue()
  })
}

/** A Network lab made through the scripting API, with one request served. */
function networkRequest(page: Page) {
  return page.evaluate(() => {
    const lab = window.stickylab.createLab({ loadBalancerType: 'network' })
    lab.addClient('alice')
    const record = lab.request('alice')
    return { type: lab.loadBalancerType(), status: record.status, targetId: record.targetId }
  })
}

for (const delayMs of [0, 1500]) {
  test(`window.stickylab makes a Network lab right after the load event (families chunk +${delayMs} ms)`, async ({
    page,
  }) => {
    if (delayMs > 0) await slowFamilies(page, delayMs)
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(String(error)))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    const started = Date.now()
    await page.goto('/')
    if (delayMs > 0) expect(Date.now() - started).toBeGreaterThanOrEqual(delayMs)
    expect(await networkRequest(page)).toEqual({
      type: 'network',
      status: 200,
      targetId: expect.stringMatching(/^i-\d+$/),
    })
    // The chunk came in by its own script element, not before the first paint.
    const scripts = await page.evaluate(() =>
      [...document.querySelectorAll('script[type="module"]')].map(
        (s) => (s as HTMLScriptElement).src,
      ),
    )
    expect(scripts.some((src) => /\/assets\/families-[\w-]+\.js$/.test(src))).toBe(true)
    const html = await (await page.request.get('/')).text()
    expect(html).not.toMatch(/families-/)
    await page.evaluate(() => window.stickylab.ready)
    await waitForLab(page)
    // Nothing failed on the way, the CSP (script-src 'self') included.
    expect(errors).toEqual([])
  })
}

test('a saved Classic lab is restored into the picture after a reload, even when its family loads slowly', async ({
  lab: page,
}) => {
  await pause(page)
  await labCall(page, 'setLoadBalancerType', 'classic')
  await labCall(page, 'createLBCookieStickinessPolicy', {
    policyName: 'sticky',
    cookieExpirationPeriod: 60,
  })
  await labCall(page, 'setLoadBalancerPoliciesOfListener', {
    loadBalancerPort: 80,
    policyNames: ['sticky'],
  })
  const lab = new Lab(page)
  await expect(lab.albRule).toHaveText('policy sticky')

  await slowFamilies(page, 1000)
  await page.reload()
  await waitForLab(page)
  await expect(page.getByTestId('topology.alb').locator('text.alb-title')).toHaveText([
    'Classic',
    'Load Balancer',
  ])
  await expect(lab.albRule).toHaveText('policy sticky')
  expect(
    await page.evaluate(() => {
      const restored = window.stickylab.current.lab()
      return [restored.loadBalancerType(), restored.listener().policyNames]
    }),
  ).toEqual(['classic', ['sticky']])
})
