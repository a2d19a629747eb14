// The HTTP inspector in real Chromium: rows for every request, selection by mouse and keyboard with the raw
// request (Cookie header), the response (Set-Cookie lines) and the ALB's reasoning, the three filters, and
// the latest-decision sentence.
import { expect, expectNoAxeViolations, test } from './fixtures'
import { ClientsPanel } from './pages/ClientsPanel'
import { CookiesPanel } from './pages/CookiesPanel'
import { InspectorPanel } from './pages/InspectorPanel'
import { advance, afterResponse, enableStickiness, labCall, pause } from './pages/labDriver'
import { openTabOf, screenshotUnstuck } from './pages/phoneTabs'

const ALB_HOST = 'stickylab-alb-1234567890.us-east-1.elb.amazonaws.com'

test.beforeEach(async ({ lab: page }) => {
  await pause(page)
  // The inspector is in the dock's Requests tab.
  await new InspectorPanel(page).show()
})

test('every request is a row: time, client, target, status, sticky, decision; newest first', async ({
  lab: page,
}) => {
  const alice = new ClientsPanel(page).client('alice')
  const inspector = new InspectorPanel(page)
  await expect(inspector.latestDecision).toHaveText(/No request yet/)
  // Requests are announced once, by the narration region; the sentence here is not a second live region.
  await expect(page.getByTestId('narration')).toHaveAttribute('aria-live', 'polite')
  await enableStickiness(page, 20)
  await alice.send.click()
  await afterResponse(page)
  await advance(page, 2)
  await alice.send.click()
  await afterResponse(page)
  await expect(inspector.rows).toHaveCount(2)
  expect(await inspector.column(0)).toEqual(['Inspect request #2', 'Inspect request #1'])
  expect(await inspector.column(2)).toEqual(['alice', 'alice'])
  await expect(inspector.targets).toHaveText(['i-1', 'i-1'])
  expect(await inspector.column(4)).toEqual(['200', '200'])
  expect(await inspector.column(5)).toEqual(['sticky', 'no'])
  expect(await inspector.column(6)).toEqual(['sticky-hit', 'sticky-miss-no-cookie'])
  const [t2, t1] = await inspector.column(1)
  expect(t2).not.toBe(t1)
  await expect(inspector.latestDecision).toHaveText(
    'AWSALB names i-1, which is healthy, and the 20 s idle window has not lapsed, so the request stays on i-1.',
  )
  await expectNoAxeViolations(page)
})

test('selecting a row shows the raw request with its Cookie header, the response with Set-Cookie, and the reasoning', async ({
  lab: page,
}) => {
  const alice = new ClientsPanel(page).client('alice')
  const inspector = new InspectorPanel(page)
  await enableStickiness(page, 20)
  await alice.send.click()
  await afterResponse(page)
  await alice.addToCart.click()
  await afterResponse(page)
  await expect(inspector.details).toHaveCount(0)

  await inspector.request(1).click()
  await expect(inspector.request(1)).toHaveAttribute('aria-pressed', 'true')
  await expect(inspector.rows.nth(1)).toHaveClass(/selected/)
  await expect(
    inspector.details.getByRole('heading', { name: /Request #1 from alice/ }),
  ).toBeVisible()
  await expect(inspector.rawRequest).toHaveText(`GET / HTTP/1.1\nHost: ${ALB_HOST}`)
  await expect(
    inspector.details.getByText('No Cookie header: the browser sent no cookies with this request.'),
  ).toBeVisible()
  await expect(inspector.rawResponse).toContainText('HTTP/1.1 200 OK')
  await expect(inspector.rawResponse).toContainText(
    /^Set-Cookie: AWSALB=\S+; Expires=Wed, 08 Jan 2025 \d\d:\d\d:\d\d GMT; Path=\/$/m,
  )
  await expect(inspector.rawResponse).toContainText(
    /^Set-Cookie: AWSALBCORS=\S+; Expires=.* GMT; Path=\/; SameSite=None; Secure$/m,
  )
  await expect(inspector.rawResponse).toContainText(
    'Set-Cookie: SESSIONID=sess-1; Path=/; HttpOnly',
  )
  await expect(inspector.detailDecision).toHaveText('sticky-miss-no-cookie')
  await expect(inspector.detailExplanation).toHaveText(
    /stickiness is on but the request carried no AWSALB cookie, so round robin picked i-1/i,
  )
  await expect(inspector.details).toContainText('i-1 in target group web · picked by')
  await expectNoAxeViolations(page)

  // Keyboard: Tab to the other row's button and press Enter.
  await inspector.request(2).focus()
  await page.keyboard.press('Enter')
  await expect(inspector.request(2)).toHaveAttribute('aria-pressed', 'true')
  await expect(inspector.request(1)).toHaveAttribute('aria-pressed', 'false')
  await expect(inspector.rawRequest).toContainText('GET /cart/add HTTP/1.1')
  await expect(inspector.rawRequest).toContainText(
    /^Cookie: AWSALB=\S+; AWSALBCORS=\S+; SESSIONID=sess-1$/m,
  )
  await expect(inspector.detailDecision).toHaveText('sticky-hit')
  await expect(inspector.details).toContainText('1 item in session sess-1')

  // Pressing the selected row again clears the selection.
  await page.keyboard.press('Space')
  await expect(inspector.details).toHaveCount(0)
})

test("the load balancer's own 502 carries its Server header", async ({ lab: page }) => {
  const alice = new ClientsPanel(page).client('alice')
  const inspector = new InspectorPanel(page)
  await enableStickiness(page, 3600)
  await alice.send.click()
  await afterResponse(page)
  // A hung application (not an EC2 stop, whose target gets no traffic): still "healthy", so alice's binding wins.
  await labCall(page, 'setHealthCheckFailing', 'i-1', true, { mode: 'unresponsive' })
  await alice.send.click()
  await afterResponse(page)
  await expect(inspector.rows.first().locator('td').nth(4)).toHaveText('502')
  await expect(inspector.rows.first().locator('td').nth(4)).toHaveClass(/status-error/)
  await inspector.request(2).click()
  await expect(inspector.rawResponse).toHaveText('HTTP/1.1 502 Bad Gateway\nServer: awselb/2.0')
  await expect(inspector.detailDecision).toHaveText('target-unreachable-502')
})

test('filters: by client, by instance, by decision, and together', async ({ lab: page }) => {
  const clients = new ClientsPanel(page)
  const inspector = new InspectorPanel(page)
  await clients.show()
  await clients.add('bob')
  await inspector.show()
  await enableStickiness(page, 20)
  const alice = clients.client('alice')
  const bob = clients.client('bob')
  await alice.send.click() // #1 i-1 new cookie
  await afterResponse(page)
  await bob.send.click() // #2 i-2 new cookie
  await afterResponse(page)
  await alice.send.click() // #3 i-1 sticky
  await afterResponse(page)
  await bob.send.click() // #4 i-2 sticky
  await afterResponse(page)
  await alice.send.click() // #5 i-1 sticky
  await afterResponse(page)
  await expect(inspector.rows).toHaveCount(5)

  await inspector.byClient.selectOption('bob')
  await expect(inspector.rows).toHaveCount(2)
  expect(await inspector.column(2)).toEqual(['bob', 'bob'])
  await expectNoAxeViolations(page)

  await inspector.byClient.selectOption('')
  await inspector.byInstance.selectOption('i-1')
  await expect(inspector.targets).toHaveText(['i-1', 'i-1', 'i-1'])
  expect(await inspector.column(0)).toEqual([
    'Inspect request #5',
    'Inspect request #3',
    'Inspect request #1',
  ])

  await inspector.byInstance.selectOption('')
  await inspector.byDecision.selectOption('sticky-hit')
  await expect(inspector.rows).toHaveCount(3)
  expect(await inspector.column(6)).toEqual(['sticky-hit', 'sticky-hit', 'sticky-hit'])

  await inspector.byClient.selectOption('bob')
  await expect(inspector.rows).toHaveCount(1)
  expect(await inspector.column(0)).toEqual(['Inspect request #4'])

  await inspector.byDecision.selectOption('no-targets-503')
  await expect(inspector.root.getByText('No request matches these filters.')).toBeVisible()
  await inspector.byInstance.selectOption({ label: 'None (answered by the load balancer)' })
  await expect(inspector.rows).toHaveCount(0)
  await expectNoAxeViolations(page)

  await inspector.byClient.selectOption('')
  await inspector.byInstance.selectOption('')
  await inspector.byDecision.selectOption('')
  await expect(inspector.rows).toHaveCount(5)
  // The latest decision always describes the newest request, whatever the filters.
  await expect(inspector.latestDecision).toContainText('AWSALB names i-1')
})

test('selecting a request keeps its details while new requests arrive', async ({ lab: page }) => {
  const alice = new ClientsPanel(page).client('alice')
  const inspector = new InspectorPanel(page)
  await alice.send.click()
  await afterResponse(page)
  await inspector.request(1).click()
  await alice.send.click()
  await afterResponse(page)
  await alice.send.click()
  await afterResponse(page)
  await expect(
    inspector.details.getByRole('heading', { name: /Request #1 from alice/ }),
  ).toBeVisible()
  await expect(inspector.request(1)).toHaveAttribute('aria-pressed', 'true')
  await expect(inspector.latestDecision).toContainText('i-3')
})

// One page, one set-up, then every theme and size: the panels keep their state across a layout change.
test('screenshots of the Clients, Cookies and inspector panels, light and dark, at 1280×800 and 390×844', async ({
  lab: page,
}) => {
  // Four layouts and six axe scans in one test: allow for a busy machine.
  test.setTimeout(60_000)
  const clients = new ClientsPanel(page)
  const inspector = new InspectorPanel(page)
  const alice = clients.client('alice')
  await enableStickiness(page, 20)
  await alice.addToCart.click()
  await afterResponse(page)
  await alice.addToCart.click()
  await afterResponse(page)
  await labCall(page, 'stopInstance', 'i-1')
  await advance(page, 120)
  await alice.addToCart.click()
  await afterResponse(page)
  await clients.show()
  await alice.cors.check()
  await alice.send.click()
  await afterResponse(page)
  await new CookiesPanel(page).show()
  await page.getByRole('switch', { name: 'X-ray' }).check()
  await inspector.show()
  await inspector.request(4).click()
  await clients.show()
  await clients.addButton.click()
  await expect(clients.error).toBeVisible()

  const cookies = page.getByRole('region', { name: 'Cookies', exact: true })
  const toggle = page.getByRole('button', { name: 'Dark theme' })
  for (const theme of ['light', 'dark'] as const) {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      await test.step(`${theme} at ${viewport.width}×${viewport.height}`, async () => {
        await page.setViewportSize(viewport)
        if ((await toggle.getAttribute('aria-pressed')) !== String(theme === 'dark'))
          await toggle.click()
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
        // At 390 px each panel lives in its own tab; openTabOf opens it (and does nothing on a desktop).
        await openTabOf(page, clients.root)
        await expect(clients.error).toBeVisible()
        // No page-level horizontal scrolling: wide tables scroll inside their own wrappers.
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0)
        const name = `${theme}-${viewport.width}`
        await screenshotUnstuck(clients.root, {
          path: `reports/screens/clients-${name}.png`,
        })
        // On a desktop every panel is in view at once, so one scan covers them; on a phone, one per tab.
        await expectNoAxeViolations(page)
        await openTabOf(page, cookies)
        await expect(page.getByTestId('xray')).toBeVisible()
        await screenshotUnstuck(cookies, {
          path: `reports/screens/cookies-${name}.png`,
        })
        await openTabOf(page, inspector.root)
        await expect(inspector.request(4)).toHaveAttribute('aria-pressed', 'true')
        await screenshotUnstuck(inspector.root, {
          path: `reports/screens/inspector-${name}.png`,
        })
        if (viewport.width < 700) await expectNoAxeViolations(page)
      })
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 })
})
