// The Cookies panel in real Chromium: the DevTools-like table (AWSALB, AWSALBCORS, the app's SESSIONID),
// delete / clear / edit (tampering), rows flashing on change, X-ray, the client select, what a cross-site
// request withholds and why, the HTTP-listener trap, and the seed's practical demo end to end.
import { expect, expectNoAxeViolations, gotoLab, test } from './fixtures'
import { ClientsPanel } from './pages/ClientsPanel'
import { CookiesPanel } from './pages/CookiesPanel'
import { InspectorPanel } from './pages/InspectorPanel'
import {
  advanceTo,
  afterResponse,
  disableStickiness,
  enableStickiness,
  labCall,
  pause,
  pauseAtZero,
} from './pages/labDriver'

const ALB_HOST = 'stickylab-alb-1234567890.us-east-1.elb.amazonaws.com'

test.beforeEach(async ({ lab: page }) => {
  await pauseAtZero(page)
  // Whole-second clock, so Expires dates are exact.
  await advanceTo(page, 1)
})

test('stickiness on: the first response sets AWSALB and AWSALBCORS, shown like DevTools', async ({
  lab: page,
}) => {
  const alice = new ClientsPanel(page).client('alice')
  const cookies = new CookiesPanel(page)
  await expect(cookies.root.getByRole('cell', { name: 'No cookies.' })).toBeVisible()
  await expect(cookies.root.getByText(ALB_HOST)).toBeVisible()
  await expect(cookies.root.getByText('simulated ALB DNS name')).toBeVisible()
  await enableStickiness(page, 20)
  await alice.send.click()
  await afterResponse(page)

  await expect(cookies.rows).toHaveCount(3)
  expect(await cookies.names()).toEqual(['AWSALB', 'AWSALBCORS', 'SESSIONID'])
  await expect(cookies.table.locator('thead th')).toHaveText([
    'Name',
    'Value',
    'Domain',
    'Path',
    'Expires',
    'Size',
    'HttpOnly',
    'Secure',
    'SameSite',
    'Actions',
  ])
  const value = await cookies.valueInput('AWSALB').inputValue()
  expect(value).toMatch(/^[A-Za-z0-9+/]{20,}=*$/)
  await expect(cookies.valueInput('AWSALBCORS')).toHaveValue(value)

  await expect(cookies.cell('AWSALB', 'Domain')).toHaveText(ALB_HOST)
  await expect(cookies.cell('AWSALB', 'Path')).toHaveText('/')
  // Expires is 7 days after the response, whatever the 20 s stickiness duration.
  await expect(cookies.cell('AWSALB', 'Expires')).toHaveText('2025-01-08T00:00:01.000Z')
  await expect(cookies.cell('AWSALB', 'Size')).toHaveText(String('AWSALB'.length + value.length))
  await expect(cookies.cell('AWSALB', 'Secure')).not.toContainText('✓')
  await expect(cookies.cell('AWSALB', 'SameSite')).toHaveText('Not set')

  await expect(cookies.cell('AWSALBCORS', 'Path')).toHaveText('/')
  await expect(cookies.cell('AWSALBCORS', 'Secure')).toContainText('✓')
  await expect(cookies.cell('AWSALBCORS', 'SameSite')).toHaveText('None')
  await expect(cookies.cell('AWSALBCORS', 'Size')).toHaveText(
    String('AWSALBCORS'.length + value.length),
  )

  await expect(cookies.cell('SESSIONID', 'HttpOnly')).toContainText('✓')
  await expect(cookies.cell('SESSIONID', 'Expires')).toHaveText('Session')
  await expectNoAxeViolations(page)
})

test('rows flash when a response rewrites them (a static highlight under reduced motion)', async ({
  lab: page,
}) => {
  const alice = new ClientsPanel(page).client('alice')
  const cookies = new CookiesPanel(page)
  await enableStickiness(page, 20)
  await alice.send.click()
  await afterResponse(page)
  await expect(cookies.row('AWSALB').getByText('new')).toBeVisible()
  const before = await cookies.valueInput('AWSALB').inputValue()
  await alice.send.click()
  await afterResponse(page)
  await expect(cookies.valueInput('AWSALB')).not.toHaveValue(before)
  // The ALB re-issues its cookies on every response; the app's session cookie keeps its value.
  await expect(cookies.row('AWSALB').getByText('updated')).toBeVisible()
  await expect(cookies.row('AWSALBCORS').getByText('updated')).toBeVisible()
  await expect(cookies.row('SESSIONID').getByText(/new|updated/)).toHaveCount(0)
  // Playwright runs with prefers-reduced-motion: reduce, so the change is a static highlight, not an animation.
  await expect(cookies.row('AWSALB')).toHaveClass(/changed-static/)
  expect(
    await cookies
      .row('AWSALB')
      .locator('th')
      .evaluate((th) => getComputedStyle(th).animationName),
  ).toBe('none')
  await expect(cookies.row('SESSIONID')).not.toHaveClass(/changed/)
})

test('with motion allowed, a changed row runs the flash animation', async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: 'no-preference' })
  const page = await context.newPage()
  await gotoLab(page, '/')
  await pause(page)
  await enableStickiness(page, 20)
  const alice = new ClientsPanel(page).client('alice')
  const cookies = new CookiesPanel(page)
  await alice.send.click()
  await afterResponse(page)
  await alice.send.click()
  await afterResponse(page)
  await expect(cookies.row('AWSALB')).toHaveClass(/changed-[01]/)
  expect(
    await cookies
      .row('AWSALB')
      .locator('th')
      .evaluate((th) => getComputedStyle(th).animationName),
  ).toMatch(/^cookie-flash-[01]$/)
  await context.close()
})

test('"Delete <name>": without both ALB cookies the next request is non-sticky and gets a new cookie', async ({
  lab: page,
}) => {
  const alice = new ClientsPanel(page).client('alice')
  const cookies = new CookiesPanel(page)
  const inspector = new InspectorPanel(page)
  await enableStickiness(page, 20)
  await alice.send.click()
  await afterResponse(page)
  await alice.send.click()
  await afterResponse(page)
  await inspector.show()
  await expect(inspector.targets).toHaveText(['i-1', 'i-1'])

  await cookies.show()
  // Beside Delete, one line says why deleting AWSALB alone will not re-balance.
  await expect(page.getByTestId('awsalbcors-hint')).toHaveText(
    'Deleting AWSALB alone does not re-balance: AWSALBCORS carries the same binding, so delete both.',
  )
  await cookies.deleteButton('AWSALB').click()
  await expect(cookies.row('AWSALB')).toHaveCount(0)
  await expect(page.getByTestId('awsalbcors-hint')).toHaveCount(0)
  expect(await cookies.names()).toEqual(['AWSALBCORS', 'SESSIONID'])
  // AWSALBCORS carries the same binding, so the ALB still routes on it.
  await alice.send.click()
  await afterResponse(page)
  await inspector.show()
  await expect(inspector.latestDecision).toContainText('AWSALBCORS names i-1')
  await cookies.show()
  await expect(cookies.row('AWSALB')).toBeVisible()
  await expectNoAxeViolations(page)

  const oldValue = await cookies.valueInput('AWSALB').inputValue()
  await cookies.deleteButton('AWSALB').click()
  await cookies.deleteButton('AWSALBCORS').click()
  await expect(cookies.rows).toHaveCount(1)
  await alice.send.click()
  await afterResponse(page)
  await inspector.show()
  await expect(inspector.rows).toHaveCount(4)
  await expect(inspector.targets.first()).toHaveText('i-2')
  expect((await inspector.column(5))[0]).toBe('no')
  expect((await inspector.column(6))[0]).toBe('sticky-miss-no-cookie')
  await cookies.show()
  await expect(cookies.row('AWSALB')).toBeVisible()
  await expect(cookies.valueInput('AWSALB')).not.toHaveValue(oldValue)
  await cookies.xray.check()
  await expect(cookies.root.getByTestId('xray-AWSALB')).toContainText('target i-2')
})

test('"Clear all" empties the jar', async ({ lab: page }) => {
  const alice = new ClientsPanel(page).client('alice')
  const cookies = new CookiesPanel(page)
  const inspector = new InspectorPanel(page)
  await enableStickiness(page, 20)
  await alice.send.click()
  await afterResponse(page)
  await expect(cookies.rows).toHaveCount(3)
  await cookies.clearAll.click()
  await expect(cookies.rows).toHaveCount(0)
  // An empty jar has nothing to clear: the button leaves the panel until a cookie is back.
  await expect(cookies.clearAll).toHaveCount(0)
  await alice.send.click()
  await afterResponse(page)
  await inspector.show()
  await expect(inspector.rows).toHaveCount(2)
  expect((await inspector.column(6))[0]).toBe('sticky-miss-no-cookie')
  await expectNoAxeViolations(page)
})

test('editing a value (tampering): the ALB cannot decode it, picks a target and rewrites the cookie', async ({
  lab: page,
}) => {
  const alice = new ClientsPanel(page).client('alice')
  const cookies = new CookiesPanel(page)
  const inspector = new InspectorPanel(page)
  await enableStickiness(page, 20)
  await alice.send.click()
  await afterResponse(page)
  const original = await cookies.valueInput('AWSALB').inputValue()
  const tampered = (original.startsWith('A') ? 'B' : 'A') + original.slice(1)

  // Enter commits one, leaving the field (blur) commits the other.
  await cookies.valueInput('AWSALB').fill(tampered)
  await cookies.valueInput('AWSALB').press('Enter')
  await cookies.valueInput('AWSALBCORS').fill(tampered)
  await cookies.valueInput('AWSALBCORS').blur()
  await expect(cookies.valueInput('AWSALB')).toHaveValue(tampered)
  await expect(cookies.valueInput('AWSALBCORS')).toHaveValue(tampered)
  expect(await page.evaluate(() => window.stickylab.current.lab().cookies('alice')[0]!.value)).toBe(
    tampered,
  )
  await cookies.xray.check()
  await expect(cookies.root.getByTestId('xray-AWSALB')).toContainText(
    'the load balancer cannot open this value',
  )
  await expectNoAxeViolations(page)

  await alice.send.click()
  await afterResponse(page)
  await inspector.show()
  await expect(inspector.rows).toHaveCount(2)
  expect((await inspector.column(6))[0]).toBe('sticky-miss-invalid')
  expect((await inspector.column(5))[0]).toBe('no')
  await inspector.request(2).click()
  await expect(inspector.rawRequest).toContainText(
    `Cookie: AWSALB=${tampered}; AWSALBCORS=${tampered}`,
  )
  await expect(inspector.detailExplanation).toContainText('AWSALB')
  await cookies.show()
  // The response rewrote the cookie with a fresh, valid value.
  await expect(cookies.valueInput('AWSALB')).not.toHaveValue(tampered)
  await expect(cookies.row('AWSALB').getByText('updated')).toBeVisible()
  await expect(cookies.root.getByTestId('xray-AWSALB')).toContainText('lb_cookie')
})

test('"X-ray" reveals target group, target, issue time and duration, labelled as simulator-only', async ({
  lab: page,
}) => {
  const alice = new ClientsPanel(page).client('alice')
  const cookies = new CookiesPanel(page)
  await enableStickiness(page, 20)
  await alice.send.click()
  await afterResponse(page)
  await expect(cookies.root.getByTestId('xray')).toHaveCount(0)
  await cookies.xray.check()
  await expect(cookies.xray).toBeChecked()
  await expect(
    cookies.root.getByText('Simulator only: real AWS encrypts this cookie'),
  ).toBeVisible()
  const xray = cookies.root.getByTestId('xray-AWSALB')
  // The issue time is whenever the click landed on the running clock (a fraction of a second is shown as such).
  await expect(xray).toContainText(
    /AWSALB: lb_cookie, target group web, target i-1, issued at 0:0\d(\.\d)?, duration 20 s/,
  )
  await expect(xray).toContainText(/sticky until 0:2\d(\.\d)?/)
  await expect(cookies.root.getByTestId('xray-AWSALBCORS')).toContainText('target i-1')
  // The application's own cookie is not the load balancer's: X-ray does not claim to open it.
  await expect(cookies.root.getByTestId('xray-SESSIONID')).toHaveCount(0)
  await expectNoAxeViolations(page)
  await cookies.xray.uncheck()
  await expect(cookies.root.getByTestId('xray')).toHaveCount(0)
})

test('the "Client" select shows another browser\'s jar', async ({ lab: page }) => {
  const clients = new ClientsPanel(page)
  const cookies = new CookiesPanel(page)
  await enableStickiness(page, 20)
  await clients.client('alice').send.click()
  await afterResponse(page)
  await clients.show()
  await clients.add('bob')
  await cookies.show()
  await expect(cookies.client).toHaveValue('alice')
  await cookies.client.selectOption('bob')
  await expect(
    cookies.root.getByRole('table', { name: 'Cookies stored by bob’s browser' }),
  ).toBeVisible()
  await expect(cookies.rows).toHaveCount(0)
  await cookies.client.selectOption('alice')
  await expect(cookies.rows).toHaveCount(3)
  // Sending from a browser shows its jar.
  await clients.client('bob').send.click()
  await afterResponse(page)
  await expect(cookies.client).toHaveValue('bob')
  await expect(cookies.rows).toHaveCount(3)
  await expectNoAxeViolations(page)
})

test('cookies disabled: no rows, and the panel says why', async ({ lab: page }) => {
  const alice = new ClientsPanel(page).client('alice')
  const cookies = new CookiesPanel(page)
  await enableStickiness(page, 20)
  await new ClientsPanel(page).show()
  await alice.cookies.uncheck()
  await cookies.show()
  await alice.send.click()
  await afterResponse(page)
  await alice.send.click()
  await afterResponse(page)
  await expect(cookies.rows).toHaveCount(0)
  await expect(
    cookies.root.getByText('alice has cookies disabled: the browser stores none and sends none'),
  ).toBeVisible()
  await expect(cookies.verdict).toContainText(
    'AWSALB was not stored: cookies are disabled in this browser',
  )
})

test('cross-site (CORS, credentials include): AWSALB is withheld, AWSALBCORS keeps the session sticky', async ({
  lab: page,
}) => {
  const alice = new ClientsPanel(page).client('alice')
  const cookies = new CookiesPanel(page)
  const inspector = new InspectorPanel(page)
  await enableStickiness(page, 20)
  await alice.send.click()
  await afterResponse(page)
  await expect(cookies.verdict).toHaveCount(0)

  await new ClientsPanel(page).show()
  await alice.cors.check()
  await alice.send.click()
  await afterResponse(page)
  await cookies.show()
  await expect(cookies.verdict).toContainText(
    "On alice’s requests (cross-site fetch, credentials: 'include', over HTTPS)",
  )
  await expect(cookies.verdict).toContainText(
    'AWSALB is withheld: it has no SameSite attribute, so the browser treats it as Lax; only SameSite=None cookies go with cross-site requests.',
  )
  await expect(cookies.verdict).toContainText(
    'AWSALBCORS is sent. It is SameSite=None; Secure, so it is the cookie that keeps this cross-site session sticky.',
  )
  await expect(cookies.verdict).toContainText('AWSALB was not stored: it has no SameSite attribute')
  await expect(cookies.row('AWSALB')).toHaveClass(/not-sent/)
  await inspector.show()
  await inspector.request(2).click()
  await expect(inspector.rawRequest).toContainText(/^Cookie: AWSALBCORS=[^;]+$/m)
  expect((await inspector.column(5))[0]).toBe('sticky')
  await expectNoAxeViolations(page)

  await cookies.show()
  // Only AWSALBCORS is refreshed cross-site; the stale AWSALB is kept but never sent.
  await expect(cookies.row('AWSALBCORS').getByText('updated')).toBeVisible()
  await expect(cookies.row('AWSALB').getByText('updated')).toHaveCount(0)
  await alice.send.click()
  await afterResponse(page)
  await alice.send.click()
  await afterResponse(page)
  await inspector.show()
  await expect(inspector.targets).toHaveText(['i-1', 'i-1', 'i-1', 'i-1'])
})

test('HTTP listener + CORS: AWSALBCORS is never stored, and the panel explains why', async ({
  lab: page,
}) => {
  const alice = new ClientsPanel(page).client('alice')
  const cookies = new CookiesPanel(page)
  const inspector = new InspectorPanel(page)
  await enableStickiness(page, 20)
  await labCall(page, 'setListenerProtocol', 'HTTP')
  await new ClientsPanel(page).show()
  await alice.cors.check()
  await alice.send.click()
  await afterResponse(page)
  await inspector.show()
  await inspector.request(1).click()
  await expect(inspector.rawResponse).toContainText(
    /Set-Cookie: AWSALBCORS=\S+; Expires=.*; Path=\/; SameSite=None$/m,
  )

  await cookies.show()
  await expect(cookies.rows).toHaveCount(0)
  await expect(cookies.verdict).toContainText(
    'AWSALBCORS was not stored: it is SameSite=None without Secure, and a browser rejects a SameSite=None cookie that is not Secure.',
  )
  await expect(cookies.root.getByTestId('http-listener-explainer')).toHaveText(
    'On an HTTP listener a cross-site session cannot stay sticky: a SameSite=None cookie such as AWSALBCORS must be Secure, and a browser does not store Secure cookies received over http://. Use an HTTPS listener.',
  )
  await expectNoAxeViolations(page)
  await alice.send.click()
  await afterResponse(page)
  await alice.send.click()
  await afterResponse(page)
  await inspector.show()
  await expect(inspector.rows).toHaveCount(3)
  expect(await inspector.column(5)).toEqual(['no', 'no', 'no'])
  await expect(inspector.targets).toHaveText(['i-3', 'i-2', 'i-1'])
})

test('a Secure cookie stays home on an HTTP listener', async ({ lab: page }) => {
  const alice = new ClientsPanel(page).client('alice')
  const cookies = new CookiesPanel(page)
  await enableStickiness(page, 20)
  await alice.send.click()
  await afterResponse(page)
  await labCall(page, 'setListenerProtocol', 'HTTP')
  await alice.send.click()
  await afterResponse(page)
  await expect(cookies.verdict).toContainText(
    'AWSALBCORS is withheld: it is Secure, and Secure cookies are sent only over https:// (this listener is HTTP).',
  )
})

test('the seed demo: no cookie → stickiness on → AWSALB holds the instance → delete it → new instance → stickiness off', async ({
  lab: page,
}) => {
  const alice = new ClientsPanel(page).client('alice')
  const cookies = new CookiesPanel(page)
  const inspector = new InspectorPanel(page)

  await test.step('without stickiness, refreshes spread over the instances and no cookie is set', async () => {
    for (let i = 0; i < 3; i++) {
      await alice.send.click()
      await afterResponse(page)
    }
    await inspector.show()
    await expect(inspector.targets).toHaveText(['i-3', 'i-2', 'i-1'])
    await cookies.show()
    await expect(cookies.rows).toHaveCount(1)
    expect(await cookies.names()).toEqual(['SESSIONID'])
    await expect(cookies.row('AWSALB')).toHaveCount(0)
  })

  await test.step('stickiness on: the load balancer sets AWSALB and refreshes hold the instance', async () => {
    await enableStickiness(page, 20)
    for (let i = 0; i < 4; i++) {
      await alice.send.click()
      await afterResponse(page)
    }
    await inspector.show()
    await expect(inspector.rows).toHaveCount(7)
    await expect(inspector.targets.first()).toHaveText('i-1')
    expect((await inspector.column(3)).slice(0, 4)).toEqual(['i-1', 'i-1', 'i-1', 'i-1'])
    expect((await inspector.column(5)).slice(0, 4)).toEqual(['sticky', 'sticky', 'sticky', 'no'])
    await cookies.show()
    await expect(cookies.row('AWSALB')).toBeVisible()
    await cookies.xray.check()
    await expect(cookies.root.getByTestId('xray-AWSALB')).toContainText('target i-1')
  })

  await test.step('deleting the cookie: a new instance and a new cookie', async () => {
    await cookies.deleteButton('AWSALB').click()
    await cookies.deleteButton('AWSALBCORS').click()
    await alice.send.click()
    await afterResponse(page)
    await inspector.show()
    await expect(inspector.rows).toHaveCount(8)
    await expect(inspector.targets.first()).toHaveText('i-2')
    expect((await inspector.column(6))[0]).toBe('sticky-miss-no-cookie')
    await cookies.show()
    await expect(cookies.root.getByTestId('xray-AWSALB')).toContainText('target i-2')
    await alice.send.click()
    await afterResponse(page)
    await inspector.show()
    await expect(inspector.rows).toHaveCount(9)
    await expect(inspector.targets.first()).toHaveText('i-2')
  })

  await test.step('stickiness off: requests spread again', async () => {
    await disableStickiness(page)
    for (let i = 0; i < 3; i++) {
      await alice.send.click()
      await afterResponse(page)
    }
    await expect(inspector.rows).toHaveCount(12)
    expect((await inspector.column(3)).slice(0, 3)).toEqual(['i-2', 'i-1', 'i-3'])
    expect((await inspector.column(5)).slice(0, 3)).toEqual(['no', 'no', 'no'])
    expect((await inspector.column(6)).slice(0, 3)).toEqual([
      'round-robin',
      'round-robin',
      'round-robin',
    ])
    await expectNoAxeViolations(page)
  })
})
