// Persistence in real Chromium: the lab, preferences and lesson progress survive a reload; damaged, truncated,
// foreign or newer saved data is backed up and explained in an alert with "Start fresh" / "Download backup";
// a lesson deep link wins over the saved lab without overwriting it; a storage that refuses writes is reported.
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, gotoLab, test } from './fixtures'
import { ClientsPanel } from './pages/ClientsPanel'
import { CookiesPanel } from './pages/CookiesPanel'
import { afterResponse, labCall, pause } from './pages/labDriver'
import { shootPanel } from './pages/screens'

const LAB_KEY = 'stickylab.lab.v1'
const PREFS_KEY = 'stickylab.prefs.v1'
const PROGRESS_KEY = 'stickylab.progress.v1'

const storageItem = (page: Page, key: string) =>
  page.evaluate((k) => window.localStorage.getItem(k), key)
const labLog = (page: Page) =>
  page.evaluate(() => JSON.stringify(window.stickylab.current.lab().log()))

test('the lab and the preferences survive a reload; a lesson link wins over the saved lab', async ({
  lab: page,
}) => {
  await pause(page)
  await labCall(page, 'modifyTargetGroupAttributes', 'web', { 'stickiness.enabled': 'true' })
  await new ClientsPanel(page).client('alice').send.click()
  await afterResponse(page)
  await page.getByRole('button', { name: 'Dark theme' }).click()
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('5')
  await (await new ClientsPanel(page).show()).add('bob')
  const cookiesClient = (await new CookiesPanel(page).show()).client
  await cookiesClient.selectOption('bob')
  await new CookiesPanel(page).xray.check()
  const before = JSON.parse(await labLog(page)) as unknown[]
  expect(before.length).toBeGreaterThanOrEqual(3)

  await page.reload()
  await expect(page.getByRole('heading', { name: 'Stickylab' })).toBeVisible()
  await pause(page)
  // The saved lab is restored just after the first paint; the clock runs again after a reload, so later
  // entries may follow the restored ones.
  await expect
    .poll(async () => (JSON.parse(await labLog(page)) as unknown[]).slice(0, before.length))
    .toEqual(before)
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('5')
  await expect(cookiesClient).toHaveValue('bob')
  await expect(new CookiesPanel(page).xray).toBeChecked()
  expect(
    await page.evaluate(
      () => window.stickylab.current.lab().targetGroups()[0]!.attributes['stickiness.enabled'],
    ),
  ).toBe('true')
  await expect(page.getByRole('region', { name: 'Saved data' })).toHaveCount(0)

  // A lesson deep link decides the lab: the saved lab is neither restored nor overwritten.
  await gotoLab(page, '/?lesson=cookie-demo&step=1')
  await expect(page.getByRole('heading', { name: 'Stickylab' })).toBeVisible()
  // Read after the previous page's last save (on pagehide), which is what a reload would restore.
  const saved = await storageItem(page, LAB_KEY)
  expect(JSON.parse(saved ?? 'null')).toMatchObject({ format: 'stickylab-replay' })
  const linked = JSON.parse(await labLog(page)) as unknown[]
  expect(linked.slice(0, before.length)).not.toEqual(before)
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')))
  expect(await storageItem(page, LAB_KEY)).toBe(saved)
})

const DAMAGED: [string, string, RegExp][] = [
  [
    LAB_KEY,
    '{"format":"stickylab-replay","version":1,"seed":1,"log":[{"at":0,"call":"addCl',
    /saved lab could not be restored\. The saved lab is not JSON: unexpected end/,
  ],
  [
    PREFS_KEY,
    '{"version":9,"theme":"dark"}',
    /preferences were written by a newer Stickylab \(version 9\)/,
  ],
  [PROGRESS_KEY, '<script>alert(1)</script>', /saved lesson progress could not be read/],
]

test('damaged saved data is backed up, explained, downloadable, and "Start fresh" clears it', async ({
  page,
}) => {
  // Written before the app's scripts run, on the first load only (the reload at the end must see the result).
  await page.addInitScript(
    (items) => {
      if (window.sessionStorage.getItem('seeded') !== null) return
      window.sessionStorage.setItem('seeded', '1')
      for (const [k, v] of items) window.localStorage.setItem(k!, v!)
    },
    DAMAGED.map(([k, v]) => [k, v]),
  )
  await gotoLab(page, '/')
  const banner = page.getByRole('region', { name: 'Saved data' })
  const alert = banner.getByRole('alert')
  for (const [, , message] of DAMAGED) await expect(alert).toContainText(message)
  // The page works underneath: the default lab with alice, nothing blank.
  await expect(new ClientsPanel(page).client('alice').send).toBeVisible()
  // The hostile text is shown nowhere as markup.
  expect(await page.locator('script:not([src])').count()).toBe(0)
  for (const [key, raw] of DAMAGED) expect(await storageItem(page, `${key}.backup`)).toBe(raw)
  await expectNoAxeViolations(page)
  await shootPanel(page, banner, 'saved-data-banner')

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Download backup' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('stickylab-backup.json')
  const body = JSON.parse(await streamText(await download.createReadStream())) as Record<
    string,
    string
  >
  expect(body).toEqual(Object.fromEntries(DAMAGED.map(([k, v]) => [k, v])))

  await banner.getByRole('button', { name: 'Start fresh' }).click()
  await expect(banner).toHaveCount(0)
  expect(await storageItem(page, PREFS_KEY)).toBeNull()
  expect(await storageItem(page, PROGRESS_KEY)).toBeNull()
  for (const [key, raw] of DAMAGED) expect(await storageItem(page, `${key}.backup`)).toBe(raw)
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Stickylab' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Saved data' })).toHaveCount(0)
})

test('a browser that refuses to store anything says so once, and the lab keeps working', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
  })
  await gotoLab(page, '/')
  await pause(page)
  await page.getByRole('button', { name: 'Dark theme' }).click()
  const banner = page.getByRole('region', { name: 'Saving' })
  await expect(banner.getByRole('alert')).toContainText(
    'Your work could not be saved in this browser',
  )
  await expect(banner.getByRole('alert')).toContainText('quota has been exceeded')
  await new ClientsPanel(page).client('alice').send.click()
  await afterResponse(page)
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')))
  await expect(banner).toHaveCount(1)
  await banner.getByRole('button', { name: 'Dismiss' }).click()
  await expect(banner).toHaveCount(0)
  expect(await page.evaluate(() => window.stickylab.current.lab().history().length)).toBe(1)
})

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer))
  return Buffer.concat(chunks).toString('utf8')
}
