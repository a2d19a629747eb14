// Offline after the first visit (service worker), and no request ever leaves the app's own origin.
import { expect, test, waitForLab } from './fixtures'
import { stageBrowser } from './pages/ClientsPanel'
import { showTab } from './pages/phoneTabs'

// The suite blocks service workers (playwright.config.ts); this test is about one.
test.use({ serviceWorkers: 'allow' })

test('works offline after the first visit and never calls another origin', async ({
  page,
  context,
  baseURL,
}) => {
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
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true)
  // Every file the worker precaches is in its cache before the network goes (names missing, if any, are shown).
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const listed = (await (await fetch('./precache.json')).json()) as string[]
        const cache = await caches.open('stickylab-v1')
        const missing: string[] = []
        for (const f of listed)
          if ((await cache.match(`./${f}`, { ignoreVary: true })) === undefined) missing.push(f)
        return missing
      }),
    )
    .toEqual([])

  await context.setOffline(true)
  await page.reload()
  // Every panel loaded after the first paint comes from the worker's cache too.
  await waitForLab(page)
  await showTab(page, 'Requests')
  await stageBrowser(page, 'alice').getByRole('button', { name: 'Send request' }).click()
  await expect(page.getByTestId('request-target').first()).toHaveText('i-1')
  await context.setOffline(false)

  expect([...origins]).toEqual([new URL(baseURL!).origin])
})

test('precache.json lists exactly the files the build serves, so the worker can install', async ({
  request,
}) => {
  const listed = (await (await request.get('/precache.json')).json()) as string[]
  expect(listed.length).toBeGreaterThan(10)
  for (const file of listed) {
    // `vite preview` answers a missing path with index.html, so the type tells a real asset from a fallback.
    const res = await request.get(`/${file}`)
    expect(res.status(), file).toBe(200)
    expect(res.headers()['content-type'], file).not.toContain('text/html')
  }
})
