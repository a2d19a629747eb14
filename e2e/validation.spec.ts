// Hostile and malformed input at the page's form boundaries, in real Chromium: cookie values a browser would
// refuse (semicolon, control characters, quotes, oversized), cookie names that are not tokens, HTML and script in
// names and values, bad client names; a Classic policy's expiration period past what a browser keeps. Each is refused
// with a plain message (AWS's beside its field), and the lab is exactly as before.
// (Replay files and share links: replay.spec.ts; host messages: embed.spec.ts; target-group fields:
// targetGroup.spec.ts; saved data: persistence.spec.ts.)
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, gotoLab, test } from './fixtures'
import { ClientsPanel } from './pages/ClientsPanel'
import { CookiesPanel } from './pages/CookiesPanel'
import { afterResponse, enableStickiness, pause } from './pages/labDriver'
import { showTab } from './pages/phoneTabs'
import { shootPanel } from './pages/screens'

const world = (page: Page) =>
  page.evaluate(() => JSON.stringify(window.stickylab.current.lab().snapshot()))

test('the Cookies panel refuses values and names a browser would refuse, and changes nothing', async ({
  lab: page,
}) => {
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await pause(page)
  await enableStickiness(page)
  await new ClientsPanel(page).client('alice').send.click()
  await afterResponse(page)
  const cookies = new CookiesPanel(page)
  await expect(cookies.rows).toHaveCount(3)
  const before = await world(page)
  const input = cookies.valueInput('AWSALB')
  const original = await input.inputValue()

  const badValues: [string, RegExp][] = [
    ['abc;def', /a semicolon \(;\) at character 4: a browser would end the cookie there/],
    ['a\u0007b', /a control character \(U\+0007\)/],
    ['x y', /a space at character 2/],
    ['a"b', /quotes are allowed only as one pair/],
    ['x'.repeat(4091), /Too long: AWSALB and its value are 4,097 bytes together/],
  ]
  for (const [value, message] of badValues) {
    await input.fill(value)
    await input.press('Enter')
    const error = cookies.row('AWSALB').getByRole('alert')
    await expect(error).toContainText(message)
    await expect(error).toContainText(/^Not changed\./)
    await expect(input).toHaveAttribute('aria-invalid', 'true')
    await expect(input).toHaveAccessibleDescription(message)
    expect(await world(page)).toBe(before)
  }
  await expectNoAxeViolations(page)
  await shootPanel(page, cookies.root, 'cookies-refused-value')
  // Escape puts the stored value back; a valid edit then goes through.
  await input.press('Escape')
  await expect(input).toHaveValue(original)
  await expect(cookies.row('AWSALB').getByRole('alert')).toHaveCount(0)
  await input.fill('"tampered"')
  await input.press('Enter')
  await expect
    .poll(() => page.evaluate(() => window.stickylab.current.lab().cookies('alice')[0]!.value))
    .toBe('"tampered"')

  // Adding a cookie: names must be RFC 6265 tokens; markup stays text.
  await cookies.root.getByText('Add a cookie by hand').click()
  const form = cookies.root.getByRole('form', { name: 'Add a cookie' })
  const name = form.getByRole('textbox', { name: 'Name' })
  const value = form.getByRole('textbox', { name: 'Value' })
  const add = form.getByRole('button', { name: 'Add cookie' })
  const afterEdit = await world(page)
  const badNames: [string, string, RegExp][] = [
    ['', 'v', /A cookie needs a name/],
    ['my cookie', 'v', /a space at character 3/],
    ['<img src=x onerror=alert(1)>', 'v', /the character < at character 1/],
    ['SESSIONID', 'v', /already has a cookie named SESSIONID/],
    ['theme', 'dark;Path=/admin', /a semicolon/],
  ]
  for (const [n, v, message] of badNames) {
    await name.fill(n)
    await value.fill(v)
    await add.click()
    await expect(form.getByRole('alert')).toContainText(message)
    expect(await world(page)).toBe(afterEdit)
  }
  await name.fill('note')
  await value.fill('<img/src=x/onerror=alert(1)>')
  await add.click()
  await expect(form.getByRole('alert')).toHaveCount(0)
  await expect(cookies.valueInput('note')).toHaveValue('<img/src=x/onerror=alert(1)>')
  await expect(cookies.root.locator('img')).toHaveCount(0)
  expect(dialogs).toEqual([])

  // Client names: markup and over-long names are refused, and no client appears.
  const clients = await new ClientsPanel(page).show()
  for (const bad of ['<script>alert(1)</script>', 'x'.repeat(25), '   ']) {
    await clients.add(bad)
    await expect(clients.error).toBeVisible()
    expect(
      await page.evaluate(() =>
        window.stickylab.current
          .lab()
          .clients()
          .map((c) => c.id),
      ),
    ).toEqual(['alice'])
  }
})

test('the built page has a strict CSP and no inline script, and using the app raises no CSP violation', async ({
  page,
}) => {
  const html = await (await page.request.get('/')).text()
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? ''
  const directives = Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v.join(' ')]),
  )
  expect(directives['script-src']).toBe("'self'")
  expect(directives['style-src']).toBe("'self'")
  expect(directives['object-src']).toBe("'none'")
  expect(directives['base-uri']).toBe("'self'")
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|\*/)
  // Every <script> has a src; none carries code inline, and no element has an inline event handler.
  expect(html.match(/<script\b[^>]*>/g)?.every((tag) => / src="\.\/assets\//.test(tag))).toBe(true)
  expect(html).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/)
  expect(html).not.toMatch(/\son[a-z]+=/i)

  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __cspViolations: string[] }).__cspViolations = seen
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    )
  })
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  await gotoLab(page, '/')
  await expect(page.getByRole('heading', { name: 'Stickylab' })).toBeVisible()
  // The stylesheet applied (a blocked stylesheet would leave the header unstyled).
  expect(await page.locator('.app-header').evaluate((el) => getComputedStyle(el).display)).toBe(
    'flex',
  )
  await pause(page)
  await enableStickiness(page)
  await new ClientsPanel(page).client('alice').send.click()
  await afterResponse(page)
  await page.getByRole('switch', { name: 'X-ray' }).check()
  await page.getByRole('button', { name: 'Dark theme' }).click()
  // The link to this exact lab is one of the Share dialog's choices; the reference opens from a drill's citation.
  await page.getByRole('button', { name: 'Share', exact: true }).click()
  await page.getByRole('radio', { name: 'Link to this exact lab' }).check()
  await page.getByRole('button', { name: 'Make link' }).click()
  await expect(page.getByRole('textbox', { name: /^Link to this lab/ })).toHaveValue(/#lab=/)
  await page.getByRole('link', { name: 'the embedding guide' }).click()
  await expect(page.getByRole('heading', { name: 'Address options' })).toBeVisible()
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
  await page.keyboard.press('?')
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Step', exact: true }).click()
  expect(
    await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  ).toEqual([])
  expect(errors).toEqual([])
})

test('a Classic policy with an expiration period past 400 days is refused beside that field, within the limits the field shows', async ({
  lab: page,
}) => {
  await pause(page)
  await showTab(page, 'Setup')
  const classic = page
    .getByRole('radiogroup', { name: 'Load balancer type' })
    .getByRole('radio', { name: 'Classic (CLB)', exact: true })
  await classic.click()
  await expect(classic).toBeChecked()
  const panel = page.getByRole('region', { name: 'Stickiness policies', exact: true })
  await panel.getByRole('radio', { name: 'Duration-based (LBCookieStickinessPolicy)' }).check()
  const name = panel.getByRole('textbox', { name: 'Policy name' })
  const period = panel.getByRole('spinbutton', { name: 'Cookie expiration period (seconds)' })
  await expect(period).toHaveAttribute('min', '0')
  await expect(period).toHaveAttribute('max', '34560000')
  await expect(period).toHaveAccessibleDescription(
    /^0–34560000 seconds; leave empty or 0 for a browser-session cookie\./,
  )
  await name.fill('long-policy')
  await period.fill('34560001')
  await panel.getByRole('button', { name: 'Apply' }).click()
  await expect(panel.getByRole('alert')).toHaveText(
    "ValidationError: CookieExpirationPeriod must be a whole number of seconds from 0 to 34560000 (400 days, the longest a browser keeps a cookie), got '34560001'",
  )
  await expect(period).toHaveAttribute('aria-invalid', 'true')
  await expect(name).not.toHaveAttribute('aria-invalid')
  await expect(panel.getByTestId('clb-listener-policies')).toHaveText('none')
  await expectNoAxeViolations(page)

  await period.fill('34560000')
  await panel.getByRole('button', { name: 'Apply' }).click()
  await expect(panel.getByTestId('clb-listener-policies')).toHaveText('long-policy')
  await expect(panel.getByRole('alert')).toHaveCount(0)
})
