// Screen-reader narration, the picture's text alternative, keyboard shortcuts, reduced motion, a whole lesson
// by keyboard only, forced colours, prefers-contrast: more, and text at 200%.
import type { Locator, Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { stageBrowser } from './pages/ClientsPanel'
import { afterResponse } from './pages/labDriver'
import { showTab } from './pages/phoneTabs'

test('each request is narrated in a polite live region', async ({ lab: page }) => {
  const narration = page.getByTestId('narration')
  await expect(narration).toHaveAttribute('aria-live', 'polite')
  await expect(narration).toHaveAttribute('role', 'status')
  await page.evaluate(() =>
    window.stickylab.current.send({
      type: 'lab.call',
      method: 'modifyTargetGroupAttributes',
      args: ['web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' }],
    }),
  )
  const send = stageBrowser(page, 'alice').getByRole('button', { name: 'Send request' })
  await send.click()
  await afterResponse(page)
  await expect(narration).toHaveText('Request 1 from alice went to i-1, not sticky: no stickiness cookie yet.')
  await send.click()
  await afterResponse(page)
  await expect(narration).toHaveText('Request 2 from alice went to i-1, sticky: AWSALB still valid.')
})

test('the picture has a table alternative that stays in sync', async ({ lab: page }) => {
  await page.getByText('The picture as a table').click()
  const alice = page.getByTestId('picture-client-alice')
  await expect(alice).toContainText('none yet')
  await page.evaluate(() =>
    window.stickylab.current.send({
      type: 'lab.call',
      method: 'modifyTargetGroupAttributes',
      args: ['web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' }],
    }),
  )
  await stageBrowser(page, 'alice').getByRole('button', { name: 'Send request' }).click()
  await expect(alice).toContainText('i-1 in web (AWSALB)')
  await page.evaluate(() => window.stickylab.current.send({ type: 'lab.call', method: 'stopInstance', args: ['i-2'] }))
  await expect(page.getByTestId('picture-target-i-2')).toContainText('stopped')
  await expectNoAxeViolations(page)
})

test('"?" opens the shortcuts dialog; keys drive the lab; typing in a field does not', async ({ lab: page }) => {
  await page.locator('body').press('?')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('row')).toHaveCount(11)
  await expectNoAxeViolations(page)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  await page.keyboard.press('p')
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible()
  await page.keyboard.press('r')
  await afterResponse(page)
  await expect(page.getByTestId('request-target').first()).toHaveText('i-1')
  const clock = page.getByTestId('clock')
  const before = await clock.textContent()
  await page.keyboard.press('t')
  await expect(clock).not.toHaveText(before ?? '')

  await showTab(page, 'Setup')
  await page.getByRole('textbox', { name: 'Client name' }).fill('rrr')
  await expect(page.getByTestId('request-row')).toHaveCount(1)
})

test('with reduced motion no dot travels; the instance that answered is highlighted instead', async ({ lab: page }) => {
  await stageBrowser(page, 'alice').getByRole('button', { name: 'Send request' }).click()
  await expect(page.locator('g.packet')).toHaveCount(0)
  await expect(page.getByTestId('topology.target.i-1').locator('rect.flash')).not.toHaveAttribute('opacity', '0')
})

/** Presses Tab (or Shift+Tab) until `target` has the focus; returns how many presses it took. */
async function tabTo(page: Page, target: Locator, back = false, max = 150): Promise<number> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return i
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`${max} presses of ${back ? 'Shift+Tab' : 'Tab'} never reached ${target.toString()}`)
}

/** The focused control shows a ring a sighted keyboard user can see: a 2 px+ outline or a box shadow. */
async function expectFocusRing(target: Locator): Promise<void> {
  await expect(target).toBeFocused()
  const ring = await target.evaluate((el) => {
    const s = getComputedStyle(el)
    return {
      visible: el.matches(':focus-visible'),
      outline: s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth),
      shadow: s.boxShadow,
    }
  })
  expect(ring.visible).toBe(true)
  expect(ring.outline >= 2 || ring.shadow !== 'none', `focus ring ${JSON.stringify(ring)}`).toBe(true)
}

/** After a lesson's "Go to" opened the Setup tab: Shift+Tab back to its tab, and the arrow key to Learn. */
async function backToLesson(page: Page): Promise<void> {
  // A control on the stage leaves the dock on the Learn tab: nothing to go back to.
  if ((await page.getByRole('tab', { name: 'Learn', exact: true }).getAttribute('aria-selected')) === 'true') return
  await tabTo(page, page.getByRole('tab', { name: 'Setup', exact: true }), true)
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByRole('tab', { name: 'Learn', exact: true })).toHaveAttribute('aria-selected', 'true')
}

/** Checks the radio named `label` in the focused radio group with Space and the arrow keys. */
async function chooseRadio(page: Page, group: Locator, label: string): Promise<void> {
  const radio = group.getByRole('radio', { name: label, exact: true })
  await tabTo(page, group.getByRole('radio').first())
  await page.keyboard.press('Space')
  for (let i = 0; i < 6 && !(await radio.isChecked()); i++) await page.keyboard.press('ArrowDown')
  await expect(radio).toBeChecked()
  await expectFocusRing(radio)
}

test('keyboard only: a whole lesson without the mouse, in a sensible Tab order with a visible focus ring', async ({
  lab: page,
}) => {
  test.setTimeout(60_000)
  const lesson = page.locator('section.lesson-panel')
  const feedback = lesson.getByTestId('lesson-feedback')
  // "Client alice" in a lesson means alice's browser on the stage, where the learner sends from.
  const alice = stageBrowser(page, 'alice')
  const next = lesson.getByRole('button', { name: /^(Next step|Finish lesson)$/ })

  // The header comes first, then the stage (its browser's Send request first), then the clock controls, long
  // before the lesson catalog.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to the stage' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expectFocusRing(page.getByRole('button', { name: 'Share', exact: true }))
  const stageSend = page.getByTestId('stage').getByRole('button', { name: 'Send request' })
  expect(await tabTo(page, stageSend)).toBeLessThan(8)
  await expectFocusRing(stageSend)
  const pause = page.getByRole('button', { name: 'Pause', exact: true })
  expect(await tabTo(page, pause)).toBeLessThan(12)
  await expectFocusRing(pause)
  // The lessons are in the dock's Learn tab: Tab reaches the open tab (Cookies), an arrow key moves to Learn.
  await tabTo(page, page.getByRole('tab', { name: 'Cookies', exact: true }))
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('tab', { name: 'Learn', exact: true })).toHaveAttribute('aria-selected', 'true')
  const open = lesson.getByRole('button', { name: 'Why HTTP needs stickiness: the vanishing cart', exact: true })
  await tabTo(page, open)
  await expectFocusRing(open)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/lesson=why-stickiness&step=1$/)

  // Step 1: "Go to" moves the focus to the highlighted control; Enter presses it.
  await tabTo(page, lesson.getByRole('button', { name: 'Go to alice’s browser › Add to cart' }))
  await page.keyboard.press('Enter')
  await expectFocusRing(alice.getByRole('button', { name: 'Add to cart' }))
  await page.keyboard.press('Enter')
  await expect(feedback).toContainText('Step done.')
  await backToLesson(page)
  await tabTo(page, next)
  await page.keyboard.press('Enter')

  // Step 2: the prediction with the arrow keys, then the keyboard shortcut "A" (Add to cart).
  await expect(lesson.getByRole('heading', { level: 3, name: 'Add a second item' })).toBeFocused()
  await chooseRadio(page, lesson, '2 items')
  await tabTo(page, lesson.getByRole('button', { name: 'Lock in my prediction' }))
  await page.keyboard.press('Enter')
  await expect(lesson.getByText('Your prediction: 2 items')).toBeVisible()
  await page.keyboard.press('a')
  await expect(feedback).toContainText('You predicted “2 items”. The cart holds 1 item.')
  await tabTo(page, next)
  await page.keyboard.press('Enter')

  // Step 3: predict, then send three requests from the focused "Send request" button.
  await chooseRadio(page, lesson, 'No, each request is routed on its own')
  await tabTo(page, lesson.getByRole('button', { name: 'Lock in my prediction' }))
  await page.keyboard.press('Enter')
  await tabTo(page, lesson.getByRole('button', { name: 'Go to alice’s browser › Send request' }))
  await page.keyboard.press('Enter')
  const send = alice.getByRole('button', { name: 'Send request' })
  await expectFocusRing(send)
  for (let i = 0; i < 3; i++) await page.keyboard.press('Enter')
  await expect(feedback).toContainText(
    'You predicted “No, each request is routed on its own”. They reached different instances',
  )
  await backToLesson(page)
  await tabTo(page, next)
  await page.keyboard.press('Enter')
  await expect(lesson.getByRole('heading', { level: 3, name: 'Lesson complete' })).toBeVisible()
})

test('forced colours (Windows High Contrast): axe passes, the focus ring, instance health and the selected tab keep non-colour cues', async ({
  lab: page,
}) => {
  // Two axe scans (desktop and phone): allow for a busy machine.
  test.setTimeout(60_000)
  await page.emulateMedia({ forcedColors: 'active' })
  expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true)
  await page.evaluate(() =>
    window.stickylab.current.send({ type: 'lab.call', method: 'deregisterTargets', args: ['web', ['i-2']] }),
  )
  // Health shows by the card's line style and its words, whatever colours the system imposes.
  const card = (id: string) => page.getByTestId(`topology.target.${id}`)
  await expect(card('i-2')).toContainText('draining')
  const dash = (id: string) => card(id).locator('.card').evaluate((el) => getComputedStyle(el).strokeDasharray)
  expect(await dash('i-1')).toBe('none')
  expect(await dash('i-2')).not.toBe('none')
  // The skip link is the first Tab stop, Share the next.
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  const share = page.getByRole('button', { name: 'Share', exact: true })
  await expectFocusRing(share)
  expect(await share.evaluate((el) => getComputedStyle(el).outlineColor)).not.toBe('rgba(0, 0, 0, 0)')
  await expectNoAxeViolations(page)

  await page.setViewportSize({ width: 390, height: 844 })
  const selected = page.getByRole('tab', { name: 'Lab', exact: true })
  await expect(selected).toHaveAttribute('aria-selected', 'true')
  const border = (name: string) =>
    page.getByRole('tab', { name, exact: true }).evaluate((el) => parseFloat(getComputedStyle(el).borderTopWidth))
  expect(await border('Lab')).toBeGreaterThanOrEqual(3)
  expect(await border('Cookies')).toBeLessThan(2)
  expect(await selected.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('underline')
  await page.screenshot({ path: 'reports/screens/forced-colors-390.png', animations: 'disabled' })
  await expectNoAxeViolations(page)
})

test('prefers-contrast: more strengthens text, borders and the focus ring; axe passes', async ({ lab: page }) => {
  const muted = () =>
    page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--muted').trim())
  const before = await muted()
  await page.emulateMedia({ contrast: 'more' })
  expect(await muted()).not.toBe(before)
  // The skip link is the first Tab stop, Share the next.
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  const share = page.getByRole('button', { name: 'Share', exact: true })
  await expectFocusRing(share)
  expect(await share.evaluate((el) => parseFloat(getComputedStyle(el).outlineWidth))).toBe(4)
  await page.screenshot({ path: 'reports/screens/contrast-more-1280.png', animations: 'disabled' })
  await expectNoAxeViolations(page)
})

test('text at 200%: no control’s text is clipped and the page never scrolls sideways, at 1280 and in every phone tab', async ({
  lab: page,
}) => {
  test.setTimeout(60_000)
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'))
  // Controls whose own box hides overflow must fit their text; every control stays inside the viewport
  // unless it sits in a box that scrolls sideways on purpose (wide tables, code).
  const problems = () =>
    page.evaluate(() => {
      const out: string[] = []
      const scrollsSideways = (el: Element) => {
        for (let a = el.parentElement; a; a = a.parentElement) {
          const o = getComputedStyle(a).overflowX
          if (o === 'auto' || o === 'scroll') return true
        }
        return false
      }
      const selector =
        'button, label, summary, select, input, legend, h1, h2, h3, [role="tab"], [role="switch"], .btn, th, dt'
      for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
        const box = el.getBoundingClientRect()
        if (box.width === 0 || box.height === 0 || el.closest('dialog:not([open]), .visually-hidden')) continue
        const s = getComputedStyle(el)
        const name = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`
        if (s.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1 && !['SELECT', 'INPUT'].includes(el.tagName))
          out.push(`${name} clipped (${el.scrollWidth} > ${el.clientWidth})`)
        if (box.right > innerWidth + 1 && !scrollsSideways(el)) out.push(`${name} beyond the viewport`)
      }
      const page = document.documentElement.scrollWidth - innerWidth
      if (page > 0) out.push(`the page scrolls sideways by ${page} px`)
      return out
    })
  expect(await problems(), 'at 1280×800').toEqual([])
  await page.screenshot({ path: 'reports/screens/text-200-1280.png', animations: 'disabled' })
  await expectNoAxeViolations(page)

  await page.setViewportSize({ width: 390, height: 844 })
  for (const name of ['Lab', 'Cookies', 'Requests', 'Learn', 'Setup', 'Numbers', 'Console']) {
    await page.getByRole('tab', { name, exact: true }).click()
    await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true')
    expect(await problems(), `at 390×844 in ${name}`).toEqual([])
    if (name === 'Lab') await page.screenshot({ path: 'reports/screens/text-200-390.png', animations: 'disabled' })
  }
  await expectNoAxeViolations(page)
})

test('client kinds, the preflight switch, an OPTIONS in the inspector and the CloudWatch metrics pass axe in the dark theme', async ({
  lab: page,
}) => {
  // Three axe runs over full tabs: slow on a shared machine. The light theme is checked by clientKinds.spec.ts.
  test.setTimeout(90_000)
  await page.evaluate(() => {
    const send = (method: string, ...args: unknown[]) => window.stickylab.current.send({ type: 'lab.call', method, args } as never)
    send('modifyTargetGroupAttributes', 'web', { 'stickiness.enabled': 'true' })
    send('addClient', 'loadgen', { kind: 'curl' })
    send('request', 'loadgen')
    send('request', 'alice', { crossSite: true, credentials: 'include', preflight: true })
    window.stickylab.current.send({ type: 'sim.advance', seconds: 5 })
  })
  await page.getByRole('button', { name: 'Dark theme' }).click()
  await showTab(page, 'Setup')
  await page.getByRole('group', { name: 'Client alice' }).getByRole('switch', { name: 'Cross-site request' }).check()
  await expect(page.getByRole('switch', { name: 'Preflight (JSON / custom header)' })).toBeVisible()
  await expect(page.getByTestId('no-jar-loadgen')).toBeVisible()
  await expectNoAxeViolations(page)
  await showTab(page, 'Requests')
  await page.getByTestId('request-row').filter({ hasText: 'OPTIONS' }).first().getByRole('button').click()
  await expect(page.getByTestId('no-cookie-fix')).toBeVisible()
  await expectNoAxeViolations(page)
  await showTab(page, 'Numbers')
  await expect(page.getByTestId('cloudwatch-metrics')).toBeVisible()
  await expectNoAxeViolations(page)
})
