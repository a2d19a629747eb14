// Record, replay and share in real Chromium: a session exported to a file and imported in a fresh page, or
// opened from a share link, rebuilds the identical world; the timeline rewinds and steps through what the
// learner saw; and corrupted, truncated or hand-edited files and links explain themselves and change nothing.
import { readFile } from 'node:fs/promises'
import { deflateRawSync } from 'node:zlib'
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, gotoLab, test } from './fixtures'
import { ClientsPanel, stageBrowser } from './pages/ClientsPanel'
import { InspectorPanel } from './pages/InspectorPanel'
import { InstancesPanel } from './pages/InstancesPanel'
import { advance, afterArrival, labCall, pause } from './pages/labDriver'
import { showTab } from './pages/phoneTabs'
import { shootPanel } from './pages/screens'

// Each test plays a whole session (several open a second page) with an axe check in every state: 30 s is
// too tight when the machine is busy.
test.describe.configure({ timeout: 90_000 })

const world = (page: Page) => page.evaluate(() => JSON.stringify(window.stickylab.current.lab().snapshot()))

function timeline(page: Page) {
  const root = page.getByRole('region', { name: 'Timeline' })
  return {
    root,
    /** Opens the Requests tab that holds the timeline (beside the stage, or on a phone). */
    show: () => showTab(page, 'Requests'),
    slider: root.getByRole('slider', { name: 'Timeline position' }),
    moment: root.getByTestId('timeline-moment'),
    count: root.getByTestId('timeline-count'),
    stepBack: root.getByRole('button', { name: 'Step back' }),
    stepForward: root.getByRole('button', { name: 'Step forward' }),
    live: root.getByRole('button', { name: 'Back to live' }),
    exportReplay: root.getByRole('button', { name: 'Export replay', exact: true }),
    importReplay: root.getByLabel('Import replay'),
    alert: root.getByRole('alert'),
    status: root.getByRole('status'),
  }
}

/** The header's Share dialog on "Link to this exact lab" (the link the timeline used to make). */
function shareDialog(page: Page) {
  const root = page.getByRole('dialog', { name: 'Share' })
  return {
    root,
    /** Opens the dialog, chooses the exact-lab link and makes it. */
    share: async () => {
      await page.getByRole('button', { name: 'Share', exact: true }).click()
      await root.getByRole('radio', { name: 'Link to this exact lab' }).check()
      await root.getByRole('button', { name: 'Make link' }).click()
    },
    link: root.getByRole('textbox', { name: /^Link to this lab/ }),
    copy: root.getByRole('button', { name: 'Copy link' }),
    alert: root.getByRole('alert'),
    status: root.getByRole('status'),
  }
}

/**
 * A paused session with a known recording (entries counted from 1):
 * 1 add alice · 2 stickiness on · 3 request · 4 request · 5 +12.4 s · 6 request · 7 stop the bound instance ·
 * 8 +61 s · 9 request (a sticky miss: the stopped instance's target is unused).
 * The clock stays paused, so a request sent at a moment shows in the inspector only once virtual time has
 * moved past its arrival (src/view/reveal.ts): the rows counted below are the requests that had arrived then.
 */
async function session(page: Page): Promise<void> {
  // A fresh default lab, loaded while paused, so no frame of real time creeps into the recording.
  await pause(page)
  await page.evaluate(() => {
    const lab = window.stickylab.createLab({ seed: 1 })
    lab.addClient('alice')
    window.stickylab.current.send({ type: 'sim.load', lab })
  })
  await labCall(page, 'modifyTargetGroupAttributes', 'web', {
    'stickiness.enabled': 'true',
    'stickiness.type': 'lb_cookie',
    'stickiness.lb_cookie.duration_seconds': '3600',
  })
  const alice = new ClientsPanel(page).client('alice')
  const inspector = await new InspectorPanel(page).show()
  const rows = inspector.rows
  await alice.send.click()
  await expect(rows).toHaveCount(0)
  await alice.send.click()
  await expect(rows).toHaveCount(0)
  await advance(page, 12.4)
  await alice.send.click()
  await expect(rows).toHaveCount(2)
  await (await new InstancesPanel(page).show()).button('i-1', 'Stop instance').click()
  await inspector.show()
  await advance(page, 61)
  await alice.send.click()
  await expect(rows).toHaveCount(3)
  await expect(timeline(page).count).toHaveText('9 events recorded')
}

test.describe('record and replay', () => {
  test('an exported replay, imported in a fresh page, rebuilds the identical lab', async ({ lab: page, context }) => {
    await session(page)
    const original = await world(page)
    const t = timeline(page)
    const downloading = page.waitForEvent('download')
    await t.exportReplay.click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe('stickylab-replay.json')
    const file = test.info().outputPath(download.suggestedFilename())
    await download.saveAs(file)
    const text = await readFile(file, 'utf8')
    expect(JSON.parse(text)).toMatchObject({ format: 'stickylab-replay', version: 1, seed: 1 })
    await expect(t.status).toHaveText('Saved stickylab-replay.json: 9 events.')
    expect(await world(page)).toBe(original)

    const fresh = await context.newPage()
    await gotoLab(fresh, '/')
    const f = timeline(fresh)
    await f.show()
    await f.importReplay.setInputFiles(file)
    await expect(f.status).toContainText('Loaded “stickylab-replay.json”: 9 events, virtual time 1:13.4. The clock is paused.')
    expect(await world(fresh)).toBe(original)
    await expect(fresh.getByTestId('clock')).toHaveText('1:13.4')
    await expect(new InspectorPanel(fresh).rows).toHaveCount(3)
    await expect(f.count).toHaveText('9 events recorded')
    await expectNoAxeViolations(fresh)
  })

  test('Share → "Link to this exact lab" makes a link that opens the identical lab in a new page', async ({ lab: page, context }) => {
    await session(page)
    const original = await world(page)
    const t = shareDialog(page)
    await t.share()
    await expect(t.link).toBeVisible()
    await expect(t.link).toBeFocused()
    const url = await t.link.inputValue()
    expect(url).toMatch(/^http:\/\/localhost:\d+\/#lab=[A-Za-z0-9_-]+$/)
    await t.copy.click()
    // Headless Chromium may refuse the clipboard; either way the learner is told what happened.
    await expect(t.status).toHaveText(/Link copied to the clipboard\.|the link is selected, press Ctrl\+C/)
    await expectNoAxeViolations(page)

    const opened = await context.newPage()
    await gotoLab(opened, url)
    const banner = opened.getByRole('region', { name: 'Shared link' })
    await expect(banner.getByRole('status')).toContainText('Shared lab loaded. It holds 9 recorded events and is paused at 1:13.4.')
    expect(await world(opened)).toBe(original)
    await expect(opened.getByRole('button', { name: 'Play', exact: true })).toBeVisible()
    await expectNoAxeViolations(opened)
    await banner.getByRole('button', { name: 'Dismiss' }).click()
    await expect(banner).toHaveCount(0)
  })
})

test.describe('a lab too long for a link', () => {
  test('Share → "Link to this exact lab" says so and offers the file export instead', async ({ lab: page }) => {
    await pause(page)
    // Thousands of cookie edits with scrambled values: a log that compresses far beyond 16,000 characters
    // while the page itself stays small (one browser, one cookie).
    await page.evaluate(() => {
      const lab = window.stickylab.createLab({ seed: 2 })
      lab.addClient('alice')
      for (let i = 1; i <= 3000; i++) lab.setCookie('alice', 'note', ((i * 2654435761) % 4294967296).toString(36))
      window.stickylab.current.send({ type: 'sim.load', lab })
    })
    const before = await world(page)
    const t = shareDialog(page)
    await t.share()
    await expect(t.alert).toHaveText(
      /^This lab is too long for a link: it needs [\d,]+ characters, and a link may carry 16,000\. Use "Export replay" to save it as a file instead\.$/,
    )
    await expect(t.link).toHaveCount(0)
    const downloading = page.waitForEvent('download')
    await t.root.getByRole('button', { name: 'Export replay instead' }).click()
    await expect(t.status).toHaveText(/^Saved stickylab-replay\.json: \d+ events\.$/)
    expect((await downloading).suggestedFilename()).toBe('stickylab-replay.json')
    expect(await world(page)).toBe(before)
    await expectNoAxeViolations(page)
  })
})

test.describe('the timeline', () => {
  test('seeks back, steps forward and returns to live, showing what the learner saw then', async ({ lab: page }) => {
    await session(page)
    const original = await world(page)
    const t = timeline(page)
    const rows = new InspectorPanel(page).rows
    const clock = page.getByTestId('clock')
    await expect(t.moment).toHaveText('1:13.4 · alice → request')
    await expectNoAxeViolations(page)

    // Entry 4: the second request, before the clock jump.
    await t.slider.fill('4')
    await expect(t.count).toHaveText('Event 4 of 9')
    await expect(t.moment).toHaveText('0:00 · alice → request')
    await expect(rows).toHaveCount(0)
    await expect(clock).toHaveText('0:00')
    await expect(t.root.getByText('Viewing the past')).toBeVisible()
    await expect(t.root.getByText(/drops the 5 later events/)).toBeVisible()
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible()

    await t.stepForward.click()
    await expect(t.count).toHaveText('Event 5 of 9')
    await expect(t.moment).toHaveText('0:00 · time passes +12.4 s')
    await expect(clock).toHaveText('0:12.4')
    await expect(rows).toHaveCount(2)
    await t.stepForward.click()
    await expect(rows).toHaveCount(2)
    await expect(t.moment).toHaveText('0:12.4 · alice → request')

    // The keyboard moves the slider one event at a time.
    await t.slider.focus()
    await page.keyboard.press('ArrowLeft')
    await expect(t.count).toHaveText('Event 5 of 9')
    await expect(rows).toHaveCount(2)
    await t.stepBack.click()
    await expect(t.count).toHaveText('Event 4 of 9')
    await expect(clock).toHaveText('0:00')
    await expectNoAxeViolations(page)

    await t.slider.fill('0')
    await expect(t.moment).toHaveText('0:00 · start, before anything was done')
    await expect(stageBrowser(page, 'alice')).toHaveCount(0)
    await expect(t.stepBack).toBeDisabled()

    await t.live.click()
    await expect(t.count).toHaveText('9 events recorded')
    await expect(t.root.getByText('Live', { exact: true })).toBeVisible()
    await expect(rows).toHaveCount(3)
    await expect(clock).toHaveText('1:13.4')
    expect(await world(page)).toBe(original)
  })

  test('an action in the past continues from there and drops the later events', async ({ lab: page }) => {
    await session(page)
    const t = timeline(page)
    await t.slider.fill('3')
    await expect(new InspectorPanel(page).rows).toHaveCount(0)
    await new ClientsPanel(page).client('alice').send.click()
    await expect(t.count).toHaveText('4 events recorded')
    await expect(t.root.getByText('Live', { exact: true })).toBeVisible()
    await expect(new InspectorPanel(page).rows).toHaveCount(0)
    await expect(t.stepForward).toBeDisabled()
    await afterArrival(page)
    await expect(new InspectorPanel(page).rows).toHaveCount(2)
  })
})

test.describe('bad files and links change nothing', () => {
  test('corrupted, truncated and hand-edited files are refused with the reason', async ({ lab: page }) => {
    await session(page)
    const t = timeline(page)
    const good = await page.evaluate(() => JSON.stringify({ format: 'stickylab-replay', version: 1, seed: 1, log: window.stickylab.current.lab().log() }))
    const doc = JSON.parse(good) as { version: number; log: { at: number; call: string; args: unknown[] }[] }
    const before = await world(page)
    const cases: { name: string; text: string; message: string | RegExp }[] = [
      { name: 'cut.json', text: good.slice(0, 200), message: 'Could not load “cut.json”: The file is not JSON: unexpected end at character 200 (was it cut short?) Your lab was not changed.' },
      { name: 'noise.json', text: 'PK\u0003\u0004 this is a zip file', message: /^Could not load “noise\.json”: The file is not JSON: unexpected "P" at line 1, column 1/ },
      {
        name: 'edited.json',
        text: JSON.stringify({ ...doc, log: doc.log.map((e, i) => (i === 2 ? { ...e, call: 'explode' } : e)) }),
        message: "Could not load “edited.json”: Entry 3 calls 'explode', which is not a lab action. Your lab was not changed.",
      },
      { name: 'newer.json', text: JSON.stringify({ ...doc, version: 3 }), message: /This replay was made by a newer Stickylab \(version 3\)/ },
      {
        name: 'refused.json',
        text: JSON.stringify({ ...doc, log: [...doc.log, { at: 80, call: 'launchInstance', args: [{ az: 'mars-1a' }] }] }),
        message:
          "Could not load “refused.json”: Entry 10 has arguments the lab would refuse: az must be one of the load balancer's Availability Zones. Your lab was not changed.",
      },
      {
        // Well-formed arguments the lab still refuses by throwing: a WebSocket once the load balancer is an NLB.
        name: 'throws.json',
        text: JSON.stringify({
          ...doc,
          log: [...doc.log, { at: 80, call: 'setLoadBalancerType', args: ['network'] }, { at: 80, call: 'openWebSocket', args: ['alice'] }],
        }),
        message: /^Could not load “throws\.json”: The replay could not be played back: entry 11 \(openWebSocket at 80 s\) failed: .* Your lab was not changed\.$/,
      },
    ]
    for (const c of cases) {
      await t.importReplay.setInputFiles({ name: c.name, mimeType: 'application/json', buffer: Buffer.from(c.text) })
      await expect(t.alert).toHaveText(c.message)
      expect(await world(page), c.name).toBe(before)
    }
    await expect(t.count).toHaveText('9 events recorded')
    await expectNoAxeViolations(page)
  })

  test('truncated, corrupted and hand-edited links show a banner and leave the lab as it was', async ({ lab: page }) => {
    await session(page)
    const share = shareDialog(page)
    await share.share()
    const url = await share.link.inputValue()
    await page.keyboard.press('Escape')
    await expect(share.root).toBeHidden()
    const fragment = url.slice(url.indexOf('#'))
    const before = await world(page)
    const banner = page.getByRole('region', { name: 'Shared link' })

    const edited = '#lab=' + deflateRawSync(JSON.stringify({ format: 'stickylab-replay', version: 1, seed: 1, log: [{ at: 0, call: 'addClient', args: ['bob'] }, { at: 5, call: 'advance', args: [1] }, { at: 2, call: 'advance', args: [1] }] })).toString('base64url')
    const cases: [string, string | RegExp][] = [
      [fragment.slice(0, Math.floor(fragment.length / 2)), 'The link is incomplete: its data ends early — copy the whole link.'],
      [fragment.slice(0, 40) + '*' + fragment.slice(41), /The link has been changed: "\*" at character 36 of its data does not belong/],
      [fragment.slice(0, 40) + (fragment[40] === 'A' ? 'B' : 'A') + fragment.slice(41), /The link (is damaged|has been changed)|not JSON|Entry \d+/],
      [edited, 'Entry 3 happens at 2 s, before entry 2 (at 5 s): times in a replay never go backwards.'],
    ]
    for (const [hash, message] of cases) {
      // Pasting a link into the same tab only changes the hash: the page decodes it without reloading.
      await page.evaluate((h) => (window.location.hash = h), hash)
      await expect(banner.getByRole('alert')).toContainText(message)
      await expect(banner.getByRole('alert')).toContainText('Your lab was not changed.')
      expect(await world(page), hash.slice(0, 60)).toBe(before)
    }
    await expectNoAxeViolations(page)
    await banner.getByRole('button', { name: 'Dismiss' }).click()
    await expect(banner).toHaveCount(0)
  })

  test('a page opened from a broken link explains it and starts the default lab', async ({ page }) => {
    // The replay JSON of a one-client lab, cut off after its first entry and then deflated.
    await gotoLab(page, '/#lab=HctBCsIwEEDRu_z1CHU7W49RXEyasQSnjSRBKMW7i-7e5p08attsoPRRlucRli7NX2EHwttbL3VHr0J3z39EXdH55JcmYbEIFMv5FsX3gWBt7ehMqon7R74')
    const banner = page.getByRole('region', { name: 'Shared link' })
    await expect(banner.getByRole('alert')).toContainText(
      "This shared link could not be opened. The link's data is not JSON: unexpected end at character 100 (was it cut short?)",
    )
    await expect(banner.getByRole('alert')).toContainText('The default lab was loaded instead.')
    const lab = await page.evaluate(() => {
      const l = window.stickylab.current.lab()
      return { seed: l.seed(), clients: l.clients().map((c) => c.id), calls: [...new Set(l.log().map((e) => e.call))] }
    })
    expect(lab.seed).toBe(1)
    expect(lab.clients).toEqual(['alice'])
    expect(lab.calls.filter((c) => c !== 'advance')).toEqual(['addClient'])
    await expectNoAxeViolations(page)
  })
})

test.describe('screenshots', () => {
  test('the panel and the link banner in light and dark, at 1280 and 390 px', async ({ lab: page, context }) => {
    await session(page)
    const t = timeline(page)
    await shootPanel(page, t.root, 'timeline-live')
    await t.slider.fill('4')
    await expect(t.count).toHaveText('Event 4 of 9')
    await shootPanel(page, t.root, 'timeline-past')
    await t.live.click()
    const share = shareDialog(page)
    await share.share()
    const url = await share.link.inputValue()
    await page.screenshot({ path: 'reports/screens/share-link-1280.png', animations: 'disabled' })
    await page.keyboard.press('Escape')
    await expect(share.root).toBeHidden()
    await t.importReplay.setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "stickylab-replay", "log": [') })
    await expect(t.alert).toContainText('was it cut short?')
    await shootPanel(page, t.root, 'timeline-error')

    const opened = await context.newPage()
    await gotoLab(opened, url)
    const banner = opened.getByRole('region', { name: 'Shared link' })
    await expect(banner.getByRole('status')).toContainText('Shared lab loaded.')
    await shootPanel(opened, banner, 'shared-link-banner-info')
    await opened.evaluate(() => (window.location.hash = '#lab=AAAA*'))
    await expect(banner.getByRole('alert')).toContainText('The link has been changed')
    await shootPanel(opened, banner, 'shared-link-banner-error')
  })
})
