// Embedding in real Chromium, across two origins: the example host page on 127.0.0.1 frames the lab on
// localhost (same server, different origin). The frame resizes itself, obeys the host's commands, reports
// steps and lessons, and ignores messages from another origin or in the wrong shape. Also: embed options
// opened directly, the Share dialog's embed choices, axe, and screenshots into reports/screens/.
import type { ConsoleMessage, Frame, FrameLocator, Locator, Page } from '@playwright/test'
import { expect, expectNoAxeViolations, gotoLab, test } from './fixtures'
import { SLOT_NAMES } from '../src/view/embedSnippet'
import { animationFrames } from './pages/labDriver'

const PORT = Number(process.env.STICKYLAB_E2E_PORT ?? 4173)
const APP = `http://localhost:${PORT}`
const HOST = `http://127.0.0.1:${PORT}`

/** The example host page on 127.0.0.1, framing the lab on localhost with these query options. */
function hostPage(appQuery = `embed=1&host=${HOST}`): string {
  return `${HOST}/embed-example.html?app=${encodeURIComponent(`${APP}/?${appQuery}`)}`
}

interface Received {
  type: string
  [key: string]: unknown
}

/** The host page: its command buttons, the frame, and the messages it logged from the lab. */
class HostPage {
  readonly frame: FrameLocator
  readonly iframe: Locator
  /** Warnings printed inside the frame (Chromium reports a cross-origin frame's console to the page). */
  readonly frameWarnings: string[] = []

  constructor(readonly page: Page) {
    this.frame = page.frameLocator('#lab')
    this.iframe = page.locator('#lab')
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'warning' && m.location().url.startsWith(APP))
        this.frameWarnings.push(m.text())
    })
  }

  async open(appQuery?: string): Promise<void> {
    await this.page.goto(hostPage(appQuery))
    await expect(this.received('stickylab:ready')).toHaveCount(1)
    await expect(this.page.getByRole('button', { name: 'Load lesson' })).toBeEnabled()
  }

  received(type: string): Locator {
    return this.page.locator(`#log li.in[data-type="${type}"]`)
  }

  /** Every message of this type the lab sent, parsed from the log's JSON. */
  async messages(type: string): Promise<Received[]> {
    const texts = await this.received(type).locator('pre').allTextContents()
    return texts.map((t) => JSON.parse(t) as Received)
  }

  labFrame(): Frame {
    const frame = this.page.frames().find((f) => f.url().startsWith(`${APP}/`))
    if (!frame) throw new Error('the lab frame is not loaded')
    return frame
  }

  async loadLesson(id: string, step = 1): Promise<void> {
    await this.page.getByLabel('Lesson').selectOption(id)
    await this.page.getByLabel('Step').fill(String(step))
    await this.page.getByRole('button', { name: 'Load lesson' }).click()
  }

  /** Sends a message into the frame from the host page, as any script on it could. */
  async post(message: unknown, targetOrigin = APP): Promise<void> {
    await this.page.evaluate(
      ([m, o]) => document.querySelector('iframe')!.contentWindow!.postMessage(m, o as string),
      [message, targetOrigin] as const,
    )
  }
}

test('the host page frames the lab from another origin: ready, resize and every command', async ({
  page,
}) => {
  const host = new HostPage(page)
  await host.open()
  const lab = host.frame

  await test.step('ready names the API version and the lessons', async () => {
    const [ready] = await host.messages('stickylab:ready')
    expect(ready).toMatchObject({ apiVersion: 1, version: expect.any(String) })
    expect(ready!.lessons).toEqual(expect.arrayContaining(['why-stickiness', 'cookies-disabled']))
  })

  await test.step('embed mode: no header bar, the name kept for screen readers', async () => {
    await expect(lab.locator('header.app-header')).toHaveCount(0)
    await expect(lab.getByRole('heading', { level: 1, name: 'Stickylab' })).toHaveClass(
      /visually-hidden/,
    )
    await expect(lab.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0)
    await expect(lab.getByRole('link', { name: /Open in Stickylab/ })).toHaveAttribute(
      'target',
      '_blank',
    )
  })

  await test.step('the frame takes the height the lab reports, and the lab needs no inner scrollbar', async () => {
    await expect(host.received('stickylab:resize').first()).toBeAttached()
    await expect(async () => {
      const sizes = await host.messages('stickylab:resize')
      const last = sizes.at(-1)!.height as number
      expect(last).not.toBe(700)
      await expect(host.iframe).toHaveAttribute('style', `height: ${last}px;`)
      const inner = await host.labFrame().evaluate(() => ({
        doc: document.documentElement.scrollHeight,
        view: window.innerHeight,
      }))
      expect(inner.doc).toBeLessThanOrEqual(inner.view + 1)
    }).toPass()
  })

  await test.step('loadLesson opens the lesson at the step, and the frame grows or shrinks with it', async () => {
    const before = (await host.messages('stickylab:resize')).length
    await host.loadLesson('cookie-demo', 2)
    await expect(
      lab.getByRole('heading', { level: 2, name: /Duration-based stickiness/ }),
    ).toBeVisible()
    await expect(
      lab.getByRole('heading', { level: 3, name: 'Turn on duration-based stickiness' }),
    ).toBeVisible()
    // A new layout, a new height: reported once more, and applied.
    await expect
      .poll(async () => (await host.messages('stickylab:resize')).length)
      .toBeGreaterThan(before)
    const last = (await host.messages('stickylab:resize')).at(-1)!.height as number
    await expect(host.iframe).toHaveAttribute('style', `height: ${last}px;`)
    // Commands never move focus into the frame: the host page keeps it.
    await expect(page.getByRole('button', { name: 'Load lesson' })).toBeFocused()
  })

  await test.step('goToStep moves within the open lesson', async () => {
    await page.getByLabel('Step').fill('3')
    await page.getByRole('button', { name: 'Go to step' }).click()
    await expect(lab.getByRole('button', { name: /^Step 3:/ })).toHaveAttribute(
      'aria-current',
      'step',
    )
  })

  await test.step('setTheme switches the frame to dark and back', async () => {
    await page.getByRole('button', { name: 'Dark theme' }).click()
    await expect(lab.locator('html')).toHaveAttribute('data-theme', 'dark')
    await page.getByRole('button', { name: 'Light theme' }).click()
    await expect(lab.locator('html')).toHaveAttribute('data-theme', 'light')
  })

  await test.step('reset returns to the lesson list with a fresh lab', async () => {
    await lab
      .getByRole('group', { name: 'Client alice' })
      .getByRole('button', { name: 'Send request' })
      .click()
    await page.getByRole('button', { name: 'Reset the lab' }).click()
    await expect(lab.getByRole('heading', { level: 2, name: 'Lessons' })).toBeVisible()
    expect(
      await host.labFrame().evaluate(() => window.stickylab.current.lab().history().length),
    ).toBe(0)
  })

  await expectNoAxeViolations(page)
})

test('stepCompleted and lessonCompleted carry the score and xAPI statements', async ({ page }) => {
  const host = new HostPage(page)
  await host.open()
  const lab = host.frame
  const lesson = lab.locator('section.lesson-panel')
  await host.loadLesson('cookies-disabled')
  await expect(
    lesson.getByRole('heading', { level: 2, name: 'Clients that refuse cookies' }),
  ).toBeVisible()

  await test.step('step 1 with “Show me”: stepCompleted, progressed, no point for doing it', async () => {
    await lesson.getByRole('button', { name: 'Show me' }).click()
    await expect(host.received('stickylab:stepCompleted')).toHaveCount(1)
    const [step] = await host.messages('stickylab:stepCompleted')
    expect(step).toMatchObject({
      lessonId: 'cookies-disabled',
      step: 1,
      stepId: 'disable',
      shownMe: true,
      predictionCorrect: null,
      score: { raw: 0, max: 1, scaled: 0 },
      statement: {
        actor: { objectType: 'Agent', name: 'Stickylab learner' },
        verb: { id: 'http://adlnet.gov/expapi/verbs/progressed' },
        object: {
          objectType: 'Activity',
          id: `${APP}/#lesson/cookies-disabled/step/1`,
          definition: { type: 'http://adlnet.gov/expapi/activities/lesson' },
        },
        result: { completion: true, score: { raw: 0, max: 1, min: 0, scaled: 0 } },
      },
    })
    const statement = step!.statement as {
      timestamp: string
      context: { extensions: Record<string, string> }
    }
    expect(new Date(statement.timestamp).toISOString()).toBe(statement.timestamp)
    expect(Object.keys(statement.context.extensions)).toEqual([
      `${APP}/#xapi/extensions/stickylab-version`,
    ])
  })

  await test.step('step 2: a right prediction, then “Show me”', async () => {
    await lesson.getByRole('button', { name: 'Next step' }).click()
    await lesson.getByRole('radio', { name: 'No', exact: true }).check()
    await lesson.getByRole('button', { name: 'Lock in my prediction' }).click()
    await lesson.getByRole('button', { name: 'Show me' }).click()
    await expect(host.received('stickylab:stepCompleted')).toHaveCount(2)
    const step = (await host.messages('stickylab:stepCompleted'))[1]
    expect(step).toMatchObject({
      step: 2,
      stepId: 'no-stick',
      shownMe: true,
      predictionCorrect: true,
    })
    expect(step!.score).toEqual({ raw: 1, max: 2, scaled: 0.5 })
  })

  await test.step('step 3 with the real controls completes the lesson: 2 of 4', async () => {
    await lesson.getByRole('button', { name: 'Next step' }).click()
    const alice = lab.getByRole('group', { name: 'Client alice' })
    await alice.getByRole('switch', { name: 'Cookies enabled' }).click()
    await alice.getByRole('button', { name: 'Send request' }).click()
    await alice.getByRole('button', { name: 'Send request' }).click()
    await expect(host.received('stickylab:lessonCompleted')).toHaveCount(1)
    const [done] = await host.messages('stickylab:lessonCompleted')
    expect(done).toMatchObject({
      lessonId: 'cookies-disabled',
      score: { raw: 2, max: 4, scaled: 0.5 },
      statement: {
        verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
        object: {
          id: `${APP}/#lesson/cookies-disabled`,
          definition: { name: { 'en-US': 'Clients that refuse cookies' } },
        },
        result: { completion: true, score: { raw: 2, max: 4, min: 0, scaled: 0.5 } },
      },
    })
    await expect(host.received('stickylab:lessonCompleted')).toContainText(
      'lessonCompleted: cookies-disabled: score 2/4 (50%)',
    )
  })
})

test('messages from another origin, or not in the protocol, are ignored with a warning', async ({
  page,
}) => {
  const host = new HostPage(page)
  await host.open()
  const lab = host.frame

  await test.step('a malformed command from the host: ignored, explained in the frame console', async () => {
    await page.getByRole('button', { name: 'Send an invalid command' }).click()
    await host.post({ type: 'stickylab:command', command: 'launch', lessonId: 'x' })
    await host.post('reset')
    await expect
      .poll(() => host.frameWarnings.filter((w) => w.includes('not a valid command')).length)
      .toBe(3)
    expect(host.frameWarnings.find((w) => w.includes('"two"'))).toMatch(/at "step"/)
  })

  await test.step('a command from the lab’s own origin (not the host) is refused', async () => {
    // A script in the frame's origin posting to the frame: the origin is localhost, not the allowed 127.0.0.1.
    await host
      .labFrame()
      .evaluate(() =>
        window.postMessage(
          { type: 'stickylab:command', command: 'loadLesson', lessonId: 'cookie-demo' },
          '*',
        ),
      )
    await expect
      .poll(() => host.frameWarnings.find((w) => w.includes(`ignored a message from ${APP}`)))
      .toContain(`only ${HOST} may send commands`)
    await expect(lab.getByRole('heading', { level: 2, name: 'Lessons' })).toBeVisible()
  })

  await test.step('the frame still works: a valid command right after is carried out', async () => {
    await host.loadLesson('websockets')
    await expect(
      lab.getByRole('heading', { level: 2, name: 'WebSockets: sticky by connection' }),
    ).toBeVisible()
  })
})

test('a frame whose host= names another origin hears nothing from this page and sends it nothing', async ({
  page,
}) => {
  const host = new HostPage(page)
  await page.goto(hostPage('embed=1&host=https://course.example'))
  const lab = host.frame
  await expect(lab.getByRole('heading', { level: 2, name: 'Lessons' })).toBeVisible()
  // The page never hears "ready" (the lab posts only to https://course.example), so its buttons stay off;
  // send a command anyway, as a hostile page would.
  await host.post({ type: 'stickylab:command', command: 'loadLesson', lessonId: 'cookie-demo' })
  await expect
    .poll(() => host.frameWarnings.find((w) => w.includes(`ignored a message from ${HOST}`)))
    .toContain('only https://course.example may send commands')
  await expect(lab.getByRole('heading', { level: 2, name: 'Lessons' })).toBeVisible()
  await expect(page.locator('#log li.in')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Load lesson' })).toBeDisabled()
})

test('embed options opened directly: no header, only the chosen panels, dark, paused', async ({
  page,
}) => {
  const warnings: string[] = []
  page.on('console', (m) => {
    // Playwright's own note that it blocked the service worker (playwright.config.ts) is not the lab's.
    if (m.type() === 'warning' && !m.text().includes('blocked by Playwright')) warnings.push(m.text())
  })
  await gotoLab(page, '/?embed=1&panels=topology,clients&theme=dark&autoplay=0')
  await expect(page.getByRole('heading', { level: 1, name: 'Stickylab' })).toBeAttached()
  await expect(page.locator('header.app-header')).toHaveCount(0)
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  const slots = await page.locator('main .slot').evaluateAll((els) => els.map((e) => e.className))
  // Naming the picture keeps the load balancer type chooser with it (src/app/embedOptions.ts).
  expect(slots).toEqual(['slot slot-topology', 'slot slot-clients', 'slot slot-lbtype'])
  await expect(page.getByTestId('topology.alb')).toBeVisible()
  await expect(page.getByRole('group', { name: 'Client alice' })).toBeVisible()
  // Paused: the machine is not playing, and virtual time stands still.
  const state = () => page.evaluate(() => ({ now: window.stickylab.current.lab().now() }))
  const t0 = await state()
  await animationFrames(page)
  expect(await state()).toEqual(t0)
  expect(t0.now).toBe(0)
  // Not framed: the host API stays off, and nothing was wrong with the options.
  expect(warnings.filter((w) => w.startsWith('Stickylab'))).toEqual([])
  await expectNoAxeViolations(page)

  await test.step('bad options are ignored with readable warnings; the lab still runs', async () => {
    warnings.length = 0
    await gotoLab(page, '/?embed=1&panels=nope&theme=blue&autoplay=maybe')
    await expect(page.locator('main .slot')).toHaveCount(SLOT_NAMES.length)
    expect(warnings).toEqual([
      expect.stringContaining('panels=: "nope" is not a panel'),
      'Stickylab embed options: panels= names no known panel, so every panel is shown.',
      expect.stringContaining('theme="blue" is not light or dark'),
      'Stickylab embed options: autoplay="maybe" is not 0 or 1; it was ignored.',
    ])
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible()
  })
})

test('the Share dialog embeds the current lesson with the panels it needs, or the lab, and copies the snippet', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP })
  await gotoLab(page, '/?lesson=instance-failure&step=3')
  const open = page.getByRole('button', { name: 'Share', exact: true })
  await open.click()
  const dialog = page.getByRole('dialog', { name: 'Share' })
  await expect(dialog).toBeVisible()
  const url = dialog.getByTestId('embed-url')
  const snippet = dialog.getByRole('textbox', { name: 'Snippet' })

  await test.step('with a lesson open it starts on "Embed a lesson" at its step, with the panels it needs locked on', async () => {
    await expect(dialog.getByRole('radio', { name: 'Embed a lesson' })).toBeChecked()
    await expect(dialog.getByRole('combobox', { name: 'Lesson' })).toHaveValue('instance-failure')
    await expect(dialog.getByRole('combobox', { name: 'Start at step' })).toHaveValue('3')
    // The issue's embed: this lesson stops i-1 in the Instances panel, so the preset carries it.
    await expect(url).toHaveText(`${APP}/?embed=1&lesson=instance-failure&step=3&panels=topology,time,learn,instances`)
    for (const name of ['Picture of the load balancer', 'Clock controls', 'Lessons and drills', 'Instances']) {
      const box = dialog.getByRole('checkbox', { name: new RegExp(`^${name}`) })
      await expect(box).toBeChecked()
      await expect(box).toBeDisabled()
    }
    await expect(snippet).toHaveValue(
      new RegExp(`^<iframe src="${APP}/\\?embed=1&amp;lesson=instance-failure&amp;step=3&amp;panels=topology,time,learn,instances" title="Stickylab: AWS sticky sessions lab" width="100%" height="700" style="border:0" loading="lazy"`),
    )
    await expect(snippet).toHaveValue(/<script>[\s\S]*stickylab:resize[\s\S]*<\/script>$/)
    await expectNoAxeViolations(page)
  })

  await test.step('choices change the address and the snippet; another lesson brings its own panels', async () => {
    await dialog.getByRole('checkbox', { name: /^Clients/ }).check()
    await dialog.getByRole('radio', { name: 'Dark' }).check()
    await dialog.getByRole('checkbox', { name: 'Start with the clock running' }).uncheck()
    await dialog.getByRole('spinbutton', { name: 'Starting height (pixels)' }).fill('560')
    await expect(url).toHaveText(
      `${APP}/?embed=1&lesson=instance-failure&step=3&panels=topology,time,learn,clients,instances&theme=dark&autoplay=0`,
    )
    await expect(snippet).toHaveValue(/height="560"/)
    await dialog.getByRole('combobox', { name: 'Lesson' }).selectOption('weighted-target-groups')
    await expect(url).toHaveText(/lesson=weighted-target-groups&step=1&panels=topology,time,learn,clients,tg,listener&/)
    await dialog.getByRole('button', { name: 'Only what the lesson needs' }).click()
    await expect(url).toHaveText(/panels=topology,time,learn,clients,tg,listener&/)
    await dialog.getByRole('radio', { name: 'Embed this lab' }).check()
    await expect(url).toHaveText(`${APP}/?embed=1`)
    await dialog.getByRole('button', { name: 'Picture and clock' }).click()
    await expect(url).toHaveText(`${APP}/?embed=1&panels=topology,time`)
  })

  await test.step('bad choices are explained and block copying', async () => {
    await dialog.getByRole('spinbutton', { name: 'Starting height (pixels)' }).fill('50')
    await expect(dialog.getByText('The height must be between 200 and 4000 pixels.')).toBeVisible()
    await expect(dialog.getByRole('button', { name: 'Copy snippet' })).toBeDisabled()
    await dialog.getByRole('spinbutton', { name: 'Starting height (pixels)' }).fill('640')
    for (const name of ['Picture of the load balancer', 'Clock controls'])
      await dialog.getByRole('checkbox', { name }).uncheck()
    await expect(dialog.getByText('Choose at least one panel.')).toBeVisible()
    await expect(dialog.getByRole('button', { name: 'Copy snippet' })).toBeDisabled()
    await dialog.getByRole('button', { name: 'All panels' }).click()
    await expect(dialog.getByRole('button', { name: 'Copy snippet' })).toBeEnabled()
  })

  await test.step('Copy snippet puts it on the clipboard', async () => {
    await dialog.getByRole('button', { name: 'Copy snippet' }).click()
    await expect(dialog.locator('.embed-status')).toHaveText('Snippet copied to the clipboard.')
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(await snippet.inputValue())
    expect(copied).toContain(`src="${APP}/?embed=1"`)
  })

  await test.step('the embedding guide opens inside the app, over the dialog', async () => {
    await dialog.getByRole('link', { name: 'the embedding guide' }).click()
    const guide = page.getByRole('dialog', { name: 'Embedding Stickylab in a course page' })
    await expect(guide.getByRole('heading', { name: 'Address options' })).toBeVisible()
    await expectNoAxeViolations(page)
    await page.keyboard.press('Escape')
    await expect(guide).toBeHidden()
    await expect(dialog).toBeVisible()
  })

  await test.step('Escape closes it and focus returns to the button', async () => {
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(open).toBeFocused()
    await open.click()
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(open).toBeFocused()
  })
})

test('the address of a snippet opens exactly what the dialog promised', async ({ page }) => {
  await gotoLab(page, 
    '/?embed=1&lesson=cookie-demo&step=3&panels=topology,time,learn,clients&theme=dark&autoplay=0',
  )
  await expect(page.locator('section.lesson-panel').getByRole('heading', { level: 3 })).toHaveText(
    'The first sticky response',
  )
  // In the page's own order (src/view/slotPlaces.ts), whatever the order of `panels=`. The picture brings the load
  // balancer type chooser with it (src/app/embedOptions.ts), and the open lesson the panels its steps point at
  // (src/view/lessonPanels.ts: cookie-demo's stickiness settings are the target group panel's).
  await expect
    .poll(() => page.locator('main .slot').evaluateAll((els) => els.map((e) => e.classList[1])))
    .toEqual(['slot-topology', 'slot-time', 'slot-cookies', 'slot-learn', 'slot-clients', 'slot-lbtype', 'slot-tg'])
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible()
  // Focus is never moved on load inside a frame's page.
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true)
  await expectNoAxeViolations(page)
})

const SIZES = [
  { name: '1280', width: 1280, height: 800 },
  { name: '390', width: 390, height: 844 },
] as const

test('screenshots of embed mode and the Share dialog, light and dark, desktop and phone', async ({
  page,
}) => {
  test.setTimeout(60_000)
  for (const theme of ['light', 'dark'] as const) {
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height })
      await gotoLab(page, `/?embed=1&lesson=cookie-demo&step=3&theme=${theme}&autoplay=0`)
      await expect(
        page.locator('section.lesson-panel').getByRole('heading', { level: 3 }),
      ).toBeVisible()
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      )
      expect(overflow, `horizontal overflow at ${size.width}px (${theme})`).toBeLessThanOrEqual(0)
      await page.screenshot({
        path: `reports/screens/embed-${theme}-${size.name}.png`,
        animations: 'disabled',
      })

      await gotoLab(page, `/?embed=1&panels=topology,clients&theme=${theme}&autoplay=0`)
      await expect(page.getByTestId('topology.alb')).toBeVisible()
      await page.screenshot({
        path: `reports/screens/embed-panels-${theme}-${size.name}.png`,
        animations: 'disabled',
      })

      await gotoLab(page, `/?lesson=cookie-demo&step=3`)
      if (theme === 'dark') await page.getByRole('button', { name: 'Dark theme' }).click()
      await page.getByRole('button', { name: 'Share', exact: true }).click()
      const dialog = page.getByRole('dialog', { name: 'Share' })
      await expect(dialog).toBeVisible()
      const width = await dialog.evaluate((d) => d.scrollWidth - d.clientWidth)
      expect(width, `dialog overflow at ${size.width}px (${theme})`).toBeLessThanOrEqual(0)
      await page.screenshot({
        path: `reports/screens/embed-dialog-${theme}-${size.name}.png`,
        animations: 'disabled',
      })
      // The dialog scrolls on its own; its lower half holds the address, the snippet and Copy.
      await dialog.evaluate((d) => d.scrollTo(0, d.scrollHeight))
      await page.screenshot({
        path: `reports/screens/embed-dialog-end-${theme}-${size.name}.png`,
        animations: 'disabled',
      })
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(hostPage())
  await expect(
    page.frameLocator('#lab').getByRole('heading', { level: 2, name: 'Lessons' }),
  ).toBeVisible()
  await expect(page.locator('#log li.in[data-type="stickylab:resize"]').first()).toBeAttached()
  await page.screenshot({ path: 'reports/screens/embed-host-example-1280.png' })
  // A cross-origin frame is painted only where it is on screen, so the log gets its own shot.
  await page.locator('#log-box').scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'reports/screens/embed-host-example-log-1280.png' })
})
