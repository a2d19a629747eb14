// Offline after the first visit (service worker), and no request ever leaves the app's own origin.
import { expect, test, waitForLab } from './fixtures'

// The suite blocks service workers (playwright.config.ts); this test is about one.
test.use({ serviceWorkers: 'allow' })

test('works offline after the first visit and never calls another origin', async ({ page, context, baseURL }) => {
  const origins = new Set<string>()
  page.on('request', (r) => origins.add(new URL(r.url()).origin))

  await page.goto('/')
  await expect(page.getByRole('button', { name: 'Send request' }).first()).toBeVisible()
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  // The first load happened before the worker controlled the page; a reload puts every asset in its cache.
  await page.reload()
  await expect(page.getByRole('button', { name: 'Send request' }).first()).toBeVisible()
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)

  await context.setOffline(true)
  await page.reload()
  // Every panel loaded after the first paint comes from the worker's cache too.
  await waitForLab(page)
  await page.getByRole('group', { name: 'Client alice' }).getByRole('button', { name: 'Send request' }).click()
  await expect(page.getByTestId('request-target').first()).toHaveText('i-1')
  await context.setOffline(false)

  expect([...origins]).toEqual([new URL(baseURL!).origin])
})
