// Issue 16 in real Chromium: ordinary input that used to blank the app for good. A client named after an Object
// member survives a reload; a huge cookie expiry is refused in AWS's words and changes nothing; a share link pasted
// into an open tab does not overwrite the saved lab; a page that fails to draw keeps its shell and offers
// "Start fresh", which keeps a backup of the saved lab.
import type { Page } from '@playwright/test'
import { expect, gotoLab, test } from './fixtures'
import { ClientsPanel } from './pages/ClientsPanel'
import { labCall, pause } from './pages/labDriver'
import { showTab } from './pages/phoneTabs'

const LAB_KEY = 'stickylab.lab.v1'
const world = (page: Page) => page.evaluate(() => JSON.stringify(window.stickylab.current.lab().snapshot()))
const saved = (page: Page) => page.evaluate((k) => window.localStorage.getItem(k), LAB_KEY)

test('a client named __proto__ (or constructor) is added, saved, and the app still works after a reload', async ({ lab: page }) => {
  await pause(page)
  const clients = new ClientsPanel(page)
  await clients.show()
  await clients.add('__proto__')
  await clients.add('constructor')
  await clients.client('__proto__').send.click()
  await expect(clients.client('constructor').root).toBeVisible()
  await expect.poll(() => saved(page), { timeout: 10_000 }).toContain('constructor')
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Stickylab' })).toBeVisible()
  await clients.show()
  await expect(clients.client('__proto__').root).toBeVisible()
  await expect(clients.client('constructor').root).toBeVisible()
  await clients.client('constructor').send.click()
  await expect(page.getByRole('region', { name: 'Error' })).toHaveCount(0)
})

test('a Classic cookie expiration period of 9000000000000 s is refused in AWS words and nothing changes', async ({ lab: page }) => {
  await pause(page)
  await showTab(page, 'Setup')
  // The radios follow the lab on the next animation frame, so the click is checked by waiting, not at once.
  const classic = page.getByRole('radiogroup', { name: 'Load balancer type' }).getByRole('radio', { name: 'Classic (CLB)', exact: true })
  await classic.click()
  await expect(classic).toBeChecked()
  const panel = page.getByRole('region', { name: 'Stickiness policies', exact: true })
  await panel.getByRole('radio', { name: 'Duration-based (LBCookieStickinessPolicy)' }).check()
  await panel.getByRole('textbox', { name: 'Policy name' }).fill('long')
  const before = await world(page)
  await panel.getByRole('spinbutton', { name: 'Cookie expiration period (seconds)' }).fill('9000000000000')
  await panel.getByRole('button', { name: 'Apply' }).click()
  await expect(panel.getByRole('alert')).toContainText('CookieExpirationPeriod must be a whole number of seconds from 0 to 34560000')
  expect(await world(page)).toBe(before)
  await new ClientsPanel(page).client('alice').send.click()
  await expect(page.getByRole('heading', { name: 'Stickylab' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Error' })).toHaveCount(0)
})

test('a share link pasted into an open tab does not overwrite the saved lab', async ({ lab: page }) => {
  await pause(page)
  await labCall(page, 'addClient', 'mine')
  await expect.poll(() => saved(page), { timeout: 10_000 }).toContain('mine')
  const mine = await saved(page)
  // A link made from another lab: seed 5 with one client "shared".
  await page.evaluate(() => {
    const lab = window.stickylab.createLab({ seed: 5 })
    lab.addClient('shared')
    ;(window as unknown as { __sharedLog: unknown }).__sharedLog = lab.log()
  })
  const hash = await shareHashOf(page)
  await page.evaluate((h) => {
    window.location.hash = h
  }, hash)
  await expect(page.getByRole('region', { name: 'Shared link' })).toContainText('Shared lab loaded')
  await expect.poll(() => page.evaluate(() => window.stickylab.current.lab().clients().map((c) => c.id))).toEqual(['shared'])
  await labCall(page, 'addClient', 'after')
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')))
  await page.waitForTimeout(2_500) // longer than the 2 s save interval
  expect(await saved(page)).toBe(mine)
})

/** The "#lab=" fragment of the log stored in window.__sharedLog, built with the page's own Share encoder. */
async function shareHashOf(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const log = (window as unknown as { __sharedLog: unknown[] }).__sharedLog
    const text = JSON.stringify({ format: 'stickylab-replay', version: 1, seed: 5, log })
    const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'))
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer())
    let bin = ''
    for (const b of bytes) bin += String.fromCharCode(b)
    return '#lab=' + btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  })
}

test('when the page fails to draw, the shell stays with "Start fresh", which keeps a backup of the saved lab', async ({ lab: page }) => {
  await pause(page)
  await expect.poll(() => saved(page), { timeout: 10_000 }).not.toBeNull()
  // Break drawing from inside: a lab whose clients() throws makes every panel that lists clients fail to render.
  await page.evaluate(() => {
    const lab = window.stickylab.createLab()
    lab.addClient('alice')
    lab.clients = () => {
      throw new Error('clients() exploded')
    }
    window.stickylab.current.send({ type: 'sim.load', lab })
  })
  const alert = page.getByRole('region', { name: 'Error' })
  await expect(alert).toContainText('Stickylab stopped drawing this lab')
  await expect(page.getByRole('heading', { name: 'Stickylab' })).toBeVisible()
  const bad = await saved(page)
  await alert.getByRole('button', { name: 'Start fresh' }).click()
  await expect(page.getByRole('heading', { name: 'Stickylab' })).toBeVisible()
  await gotoLab(page, '/')
  expect(await page.evaluate((k) => window.localStorage.getItem(k + '.backup'), LAB_KEY)).toBe(bad)
  await expect(page.getByRole('region', { name: 'Error' })).toHaveCount(0)
})

test('a link that implies seconds of health checks opens in slices: the banner counts its progress and the page keeps drawing', async ({
  lab: page,
}) => {
  // 100 more targets checked every 5 s for 10 days: about 18 million health checks, a 300-character link.
  await page.evaluate(() => {
    const lab = window.stickylab.createLab({ seed: 5 })
    lab.registerTargets('web', Array.from({ length: 100 }, (_, i) => `i-${i + 10}`))
    lab.modifyHealthCheck('web', { HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 2 })
    lab.advance(10 * 86_400)
    ;(window as unknown as { __sharedLog: unknown }).__sharedLog = lab.log()
  })
  const hash = await shareHashOf(page)
  // Frames keep coming while it opens: record the gaps between them.
  await page.evaluate(() => {
    const w = window as unknown as { __gaps: number[] }
    w.__gaps = []
    let last = performance.now()
    const tick = (t: number) => {
      w.__gaps.push(t - last)
      last = t
      if (w.__gaps.length < 100_000) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  const banner = page.getByRole('region', { name: 'Shared link' })
  await page.evaluate((h) => {
    window.location.hash = h
  }, hash)
  await expect(banner).toContainText(/Opening the shared lab: \d+ % of its events replayed/)
  await expect(banner).toContainText('Shared lab loaded', { timeout: 60_000 })
  await expect.poll(() => page.evaluate(() => window.stickylab.current.lab().now())).toBe(10 * 86_400)
  // The replay took seconds, but no frame waited anywhere near that long.
  const longest = await page.evaluate(() => Math.max(...(window as unknown as { __gaps: number[] }).__gaps))
  expect(longest).toBeLessThan(1_000)
})

test('a lab of 10,000 browsers: the stage draws six and counts the rest; the Clients panel lists 25 at a time', async ({ lab: page }) => {
  await page.evaluate(() => {
    const lab = window.stickylab.createLab({ seed: 5 })
    for (let i = 0; i < 10_000; i++) lab.addClient(`c${i}`)
    window.stickylab.current.send({ type: 'sim.load', lab })
  })
  const stage = page.getByTestId('stage')
  await expect(stage.getByRole('group', { name: /browser$/ })).toHaveCount(6)
  await stage.getByRole('button', { name: '+9,994 more browsers' }).click()
  await expect(page.getByRole('heading', { name: 'Clients' })).toBeVisible()
  await expect(page.getByText('Showing 25 of 10,000 browsers.')).toBeVisible()
  await page.getByRole('button', { name: 'Show 25 more' }).click()
  await expect(page.getByText('Showing 50 of 10,000 browsers.')).toBeVisible()
})
