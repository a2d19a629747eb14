// The stage: every control on the picture used as a learner would — a browser's Send request and Stream
// requests, its cookie chips (appearing when the response is back, their details, expired and withheld, Delete),
// the Stickiness radios that apply at once (and AWS's error for a bad duration, with nothing changed), each
// instance's actions menu, and the load balancer's settings button. Locators are scoped to the stage: the
// Clients panel has its own Send request buttons.
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { advance, advanceTo, labCall, pauseAtZero } from './pages/labDriver'

const stage = (page: Page) => page.getByTestId('stage')
const browser = (page: Page, id = 'alice') => stage(page).getByRole('group', { name: `${id} browser` })
const chip = (page: Page, name: string) => browser(page).getByRole('button', { name: `${name} cookie`, exact: true })
const card = (page: Page, id: string) => page.getByTestId(`topology.target.${id}`)
const history = (page: Page) => page.evaluate(() => window.stickylab.current.lab().history().map((r) => ({ client: r.clientId, at: r.at, target: r.targetId })))
/** The lab's world, byte for byte, but for its log of calls (which records a refused call too, as AWS's CloudTrail would). */
const world = (page: Page) =>
  page.evaluate(() => {
    const { log: _log, ...rest } = window.stickylab.current.lab().snapshot() as unknown as Record<string, unknown>
    return JSON.stringify(rest)
  })
const attributes = (page: Page) => page.evaluate(() => window.stickylab.current.lab().targetGroups()[0]!.attributes)

test('Send request on the browser card sends from that browser; its cookies appear as chips when the response is back', async ({ lab: page }) => {
  await pauseAtZero(page)
  await stage(page).getByRole('radio', { name: /^Duration-based/ }).check()
  await browser(page).getByRole('button', { name: 'Send request' }).click()
  expect(await history(page)).toEqual([{ client: 'alice', at: 0, target: expect.any(String) }])
  // Out 0.4 s, the app's 0.5 s, back 0.4 s: nothing in the jar the learner sees until 1.3 s.
  await advanceTo(page, 1.2)
  await expect(browser(page).getByText('No cookies yet')).toBeVisible()
  await expect(chip(page, 'AWSALB')).toHaveCount(0)
  await advanceTo(page, 1.3)
  for (const name of ['AWSALB', 'AWSALBCORS', 'SESSIONID']) await expect(chip(page, name)).toBeVisible()
  // Add to cart is the cart path.
  await browser(page).getByRole('button', { name: 'Add to cart' }).click()
  expect(await page.evaluate(() => window.stickylab.current.lab().history().at(-1)!.path)).toBe('/cart/add')
})

test('Stream requests sends one request per virtual second until it is switched off', async ({ lab: page }) => {
  await pauseAtZero(page)
  const stream = browser(page).getByRole('button', { name: 'Stream requests' })
  await expect(stream).toHaveAttribute('aria-pressed', 'false')
  await stream.click()
  await expect(stream).toHaveAttribute('aria-pressed', 'true')
  for (let t = 1; t <= 5; t++) await advanceTo(page, t)
  expect((await history(page)).map((r) => r.at)).toEqual([1, 2, 3, 4, 5])
  await stream.click()
  await expect(stream).toHaveAttribute('aria-pressed', 'false')
  for (let t = 6; t <= 8; t++) await advanceTo(page, t)
  expect(await history(page)).toHaveLength(5)
})

test('chip details: sent, then expired when the 20 s binding lapses; withheld after a cross-site request; Delete removes it', async ({ lab: page }) => {
  await pauseAtZero(page)
  const sticky = stage(page).getByRole('radiogroup', { name: 'Stickiness' })
  await sticky.getByRole('radio', { name: /^Duration-based/ }).check()
  await stage(page).getByRole('textbox', { name: 'Stickiness duration in seconds' }).fill('20')
  await page.keyboard.press('Enter')
  expect((await attributes(page))['stickiness.lb_cookie.duration_seconds']).toBe('20')
  await browser(page).getByRole('button', { name: 'Send request' }).click()
  await advanceTo(page, 2)

  await chip(page, 'AWSALB').click()
  const details = stage(page).getByRole('dialog', { name: 'AWSALB' })
  await expect(details).toBeVisible()
  await expect(details).toContainText('Sent with the next request.')
  await expect(details).toContainText('SameSite')
  await expect(details).toContainText('AWSALBCORS carries the same binding')
  await expectNoAxeViolations(page)
  // Escape closes the details and gives focus back to the chip.
  await page.keyboard.press('Escape')
  await expect(details).toHaveCount(0)
  await expect(chip(page, 'AWSALB')).toBeFocused()

  // 20 s without a request: the binding inside AWSALB has lapsed, though the cookie itself lives 7 days.
  await advanceTo(page, 22)
  await expect(chip(page, 'AWSALB')).toHaveClass(/expired/)
  await expect(chip(page, 'AWSALB')).toHaveAccessibleDescription('Expired.')
  await chip(page, 'AWSALB').click()
  await expect(details).toContainText('Expired: the stickiness it carries lapsed')
  await page.keyboard.press('Escape')

  // A cross-site fetch with credentials: AWSALB (no SameSite, so Lax) stays home; AWSALBCORS (None; Secure) goes.
  await labCall(page, 'request', 'alice', { crossSite: true, credentials: 'include' })
  await advance(page, 2)
  await expect(chip(page, 'AWSALB')).toHaveClass(/withheld/)
  await expect(chip(page, 'AWSALBCORS')).not.toHaveClass(/withheld/)
  await chip(page, 'AWSALB').click()
  await expect(details).toContainText('Withheld from the next request: it has no SameSite attribute, so the browser treats it as Lax')

  await details.getByRole('button', { name: 'Delete AWSALB' }).click()
  await expect(chip(page, 'AWSALB')).toHaveCount(0)
  expect(await page.evaluate(() => window.stickylab.current.lab().cookies('alice').map((c) => c.name))).not.toContain('AWSALB')
})

test('Edit on a chip tampers with the value, with the Cookies panel’s checks', async ({ lab: page }) => {
  await pauseAtZero(page)
  await browser(page).getByRole('button', { name: 'Send request' }).click()
  await advanceTo(page, 2)
  await chip(page, 'SESSIONID').click()
  const details = stage(page).getByRole('dialog', { name: 'SESSIONID' })
  await details.getByRole('button', { name: 'Edit SESSIONID' }).click()
  const before = await world(page)
  await details.getByRole('textbox', { name: 'Value of SESSIONID' }).fill('bad value;')
  await details.getByRole('button', { name: 'Save SESSIONID' }).click()
  await expect(details.getByRole('alert')).toContainText('Not changed. The value has a space at character 4')
  expect(await world(page)).toBe(before)
  await details.getByRole('textbox', { name: 'Value of SESSIONID' }).fill('forged')
  await details.getByRole('button', { name: 'Save SESSIONID' }).click()
  expect(await page.evaluate(() => window.stickylab.current.lab().cookies('alice').find((c) => c.name === 'SESSIONID')!.value)).toBe('forged')
})

test('the Stickiness radios apply at once; an invalid duration shows AWS’s error and changes nothing', async ({ lab: page }) => {
  await pauseAtZero(page)
  const sticky = stage(page).getByRole('radiogroup', { name: 'Stickiness' })
  await expect(sticky.getByRole('radio', { name: /^Off/ })).toBeChecked()
  await sticky.getByRole('radio', { name: /^Duration-based/ }).check()
  expect(await attributes(page)).toMatchObject({ 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' })
  await expect(page.getByTestId('topology.tg.web')).toContainText('lb_cookie · 86400 s')

  const before = await world(page)
  const duration = stage(page).getByRole('textbox', { name: 'Stickiness duration in seconds' })
  await duration.fill('0')
  await duration.press('Enter')
  const error = stage(page).getByRole('alert')
  await expect(error).toContainText('ValidationError')
  await expect(error).toContainText('Nothing changed.')
  await expect(duration).toHaveAttribute('aria-invalid', 'true')
  expect(await world(page)).toBe(before)
  await expectNoAxeViolations(page)
  await duration.press('Escape')
  await expect(error).toHaveCount(0)

  await sticky.getByRole('radio', { name: /^Application-based/ }).check()
  expect(await attributes(page)).toMatchObject({ 'stickiness.type': 'app_cookie', 'stickiness.app_cookie.cookie_name': 'SESSIONID' })
  await sticky.getByRole('radio', { name: /^Off/ }).check()
  expect((await attributes(page))['stickiness.enabled']).toBe('false')
})

test('an instance’s actions menu stops and starts it, fails and passes its health checks, deregisters and registers it', async ({ lab: page }) => {
  await pauseAtZero(page)
  const actions = stage(page).getByRole('button', { name: 'i-1 actions' })
  const menu = stage(page).getByRole('menu', { name: 'i-1 actions' })
  const pick = async (item: string) => {
    await actions.click()
    await menu.getByRole('menuitem', { name: item }).click()
    await expect(menu).toHaveCount(0)
  }
  await pick('Stop instance')
  await expect(card(page, 'i-1')).toHaveAttribute('data-running', 'false')
  await expect(card(page, 'i-1')).toContainText('⏹ stopped')
  // An EC2 stop is reported at once: the target is unused, not a target that health checks must catch.
  await expect(card(page, 'i-1')).toHaveAttribute('data-state', 'unused')
  await pick('Start instance')
  await expect(card(page, 'i-1')).toHaveAttribute('data-running', 'true')
  await expect(card(page, 'i-1')).toHaveAttribute('data-state', 'initial')

  await pick('Fail health checks')
  await advance(page, 120)
  await expect(card(page, 'i-1')).toHaveAttribute('data-state', 'unhealthy')
  await pick('Pass health checks')
  await advance(page, 200)
  await expect(card(page, 'i-1')).toHaveAttribute('data-state', 'healthy')

  await pick('Deregister')
  await expect(card(page, 'i-1')).toHaveAttribute('data-state', 'draining')
  await expect(card(page, 'i-1')).toContainText('300 s left')
  await advance(page, 10)
  await expect(card(page, 'i-1')).toContainText('290 s left')
  await pick('Register')
  await expect(card(page, 'i-1')).toHaveAttribute('data-state', 'initial')

  // By keyboard: arrows move through the items, Escape closes the menu and gives focus back to its button.
  await actions.focus()
  await page.keyboard.press('Enter')
  await expect(menu.getByRole('menuitem', { name: 'Stop instance' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(menu.getByRole('menuitem', { name: 'Fail health checks' })).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  await expect(menu.getByRole('menuitem', { name: 'Deregister' })).toBeFocused()
  await expectNoAxeViolations(page)
  await page.keyboard.press('Escape')
  await expect(menu).toHaveCount(0)
  await expect(actions).toBeFocused()
})

test('the load balancer shows its listener and algorithm, and Listener settings opens the settings', async ({ lab: page }) => {
  await expect(page.getByTestId('topology.alb')).toContainText('listener HTTPS :443')
  await expect(page.getByTestId('topology.alb')).toContainText('round_robin')
  await stage(page).getByRole('button', { name: 'Listener settings' }).click()
  expect(await page.evaluate(() => document.querySelector('.slot-listener') !== null)).toBe(true)
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

  test('the browser card, the load balancer, the Stickiness radios and the instances are on one screen, with 44 px targets', async ({ lab: page }) => {
    const controls = [
      browser(page).getByRole('button', { name: 'Send request' }),
      browser(page).getByRole('button', { name: 'Stream requests' }),
      stage(page).getByRole('button', { name: 'Listener settings' }),
      stage(page).getByRole('radio', { name: /^Application-based/ }),
      stage(page).getByRole('button', { name: 'i-3 actions' }),
    ]
    // The phone's header and tab bar take the rest of the screen: the stage's first 680 px hold it all.
    const top = (await stage(page).boundingBox())!.y
    for (const c of controls) {
      const box = (await c.boundingBox())!
      expect(box.y + box.height - top, 'within the stage’s first 680 px').toBeLessThanOrEqual(680)
      expect(box.x + box.width).toBeLessThanOrEqual(390)
    }
    for (const c of [controls[0]!, controls[1]!, controls[2]!, controls[4]!]) expect((await c.boundingBox())!.height).toBeGreaterThanOrEqual(44)
    // A radio's target is its whole label.
    const label = stage(page).locator('.stage-radio').first()
    expect((await label.boundingBox())!.height).toBeGreaterThanOrEqual(44)
    const i3 = (await card(page, 'i-3').boundingBox())!
    expect(i3.y + i3.height - top).toBeLessThanOrEqual(680)
  })
})
