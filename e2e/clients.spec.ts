// The Clients panel in real Chromium: adding and removing browsers, sending requests and adding to the cart,
// the per-browser switches (cookies, CORS + credentials, user agent), auto-refresh on the virtual clock, and
// the session store deciding whether a cart survives an instance failure.
import { expect, expectNoAxeViolations, test } from './fixtures'
import { ClientsPanel } from './pages/ClientsPanel'
import { CookiesPanel } from './pages/CookiesPanel'
import { InspectorPanel } from './pages/InspectorPanel'
import {
  advance,
  advanceTo,
  afterArrival,
  afterResponse,
  animationFrames,
  enableStickiness,
  labCall,
  now,
  pause,
  pauseAtZero,
  sendEvent,
} from './pages/labDriver'

test.beforeEach(async ({ lab: page }) => {
  // Only explicit clock moves in these tests, from 0, so every count and time below is exact.
  await pauseAtZero(page)
})

test.describe('adding and removing clients', () => {
  test('rejects invalid names with a clear error and adds a valid one', async ({ lab: page }) => {
    const clients = await new ClientsPanel(page).show()
    await clients.addButton.click()
    await expect(clients.error).toHaveText(/Enter a name/)
    await expect(clients.nameInput).toHaveAttribute('aria-invalid', 'true')
    await expectNoAxeViolations(page)

    await clients.add('bob smith')
    await expect(clients.error).toHaveText(
      /only letters, digits, hyphens \(-\) and underscores \(_\)/,
    )
    await clients.add('a'.repeat(25))
    await expect(clients.error).toHaveText(/at most 24 characters \(this name has 25\)/)
    await clients.add('alice')
    await expect(clients.error).toHaveText(/A client named “alice” already exists/)
    await expect(page.getByRole('group', { name: /^Client / })).toHaveCount(1)

    await clients.add('bob_2-x')
    await expect(clients.error).toHaveCount(0)
    await expect(clients.nameInput).toHaveValue('')
    await expect(clients.nameInput).toHaveAttribute('aria-invalid', 'false')
    await expect(clients.client('bob_2-x').root).toBeVisible()
    await expect(clients.client('bob_2-x').root.getByText('No request sent yet.')).toBeVisible()
    await expectNoAxeViolations(page)
  })

  test('"Remove <name>" takes the browser away', async ({ lab: page }) => {
    const clients = await new ClientsPanel(page).show()
    await clients.add('bob')
    await expect(clients.client('bob').root).toBeVisible()
    await clients.client('bob').remove.click()
    await expect(clients.client('bob').root).toHaveCount(0)
    await expect(clients.client('alice').root).toBeVisible()
    await clients.client('alice').remove.click()
    await expect(clients.root.getByText('No browsers yet.')).toBeVisible()
    const cookies = await new CookiesPanel(page).show()
    await expect(cookies.root.getByText('No browsers.')).toBeVisible()
    await expectNoAxeViolations(page)
  })
})

test.describe('requests and the cart', () => {
  test('"Send request" and "Add to cart" reach the instances; the cart counts items and shows a loss', async ({
    lab: page,
  }) => {
    const clients = await new ClientsPanel(page).show()
    const alice = clients.client('alice')
    const inspector = new InspectorPanel(page)
    await alice.send.click()
    await afterResponse(page)
    await expect(alice.cart).toHaveText('Cart: 0 items')
    await alice.addToCart.click()
    await afterResponse(page)
    await expect(alice.root.getByText('Latest: #2 → i-2 · 200 · not sticky')).toBeVisible()
    // Without stickiness, round robin sent the cart request to i-2, which did not know alice's session. Her cart
    // was empty, so nothing was lost and no "Cart lost" is shown (issue 15: not "The 0 items were in …").
    await expect(alice.cart).toHaveText('Cart: 1 item')
    await expect(alice.cartLost).toHaveCount(0)
    await inspector.show()
    await inspector.request(2).click()
    await expect(inspector.rawRequest).toContainText('GET /cart/add HTTP/1.1')
    await clients.show()

    // With stickiness the first cart request still lands by round robin (on i-3, which does not know the 1-item
    // cart kept on i-2: a real loss); then alice stays.
    await enableStickiness(page, 3600)
    for (let i = 0; i < 3; i++) {
      await alice.addToCart.click()
      await afterResponse(page)
    }
    await expect(alice.root.getByText('Latest: #5 → i-3 · 200 · sticky')).toBeVisible()
    await expect(alice.cart).toHaveText('Cart: 3 items')
    await expect(alice.cartLost).toContainText('Cart lost: i-3 did not know this session')
    await expect(alice.cartLost).toContainText('The 1 item was in i-2’s memory.')
    await expectNoAxeViolations(page)
  })

  test('"Session store": a stopped instance loses the carts it kept in memory, but not those in ElastiCache', async ({
    lab: page,
  }) => {
    const clients = await new ClientsPanel(page).show()
    const alice = clients.client('alice')
    await enableStickiness(page, 3600)
    await expect(clients.memoryStore).toBeChecked()

    await test.step('in instance memory, the cart dies with i-1', async () => {
      await alice.addToCart.click()
      await afterResponse(page)
      await alice.addToCart.click()
      await afterResponse(page)
      await expect(alice.cart).toHaveText('Cart: 2 items')
      await labCall(page, 'stopInstance', 'i-1')
      // Two failed health checks (30 s apart) mark i-1 unhealthy; then the ALB moves alice.
      await advance(page, 120)
      await alice.addToCart.click()
      await afterResponse(page)
      await expect(alice.root.getByText(/Latest: #3 → i-2 · 200 · not sticky/)).toBeVisible()
      await expect(alice.cart).toHaveText('Cart: 1 item')
      await expect(alice.cartLost).toContainText(
        'Cart lost: i-2 did not know this session, so it started an empty cart. The 2 items were in i-1’s memory.',
      )
      await expectNoAxeViolations(page)
    })

    await test.step('in the external store, the same failure keeps the cart', async () => {
      await clients.add('bob')
      const bob = clients.client('bob')
      await clients.externalStore.check()
      await expect(clients.externalStore).toBeChecked()
      await expect(clients.memoryStore).not.toBeChecked()
      await bob.addToCart.click()
      await afterResponse(page)
      await bob.addToCart.click()
      await afterResponse(page)
      await expect(bob.cart).toHaveText('Cart: 2 items')
      await expect(bob.root.getByText(/Latest: #5 → (i-\d) · 200 · sticky/)).toBeVisible()
      const served = await bob.root.getByText(/^Latest:/).textContent()
      const instance = /→ (i-\d)/.exec(served ?? '')![1]!
      await labCall(page, 'stopInstance', instance)
      await advance(page, 120)
      await bob.addToCart.click()
      await afterResponse(page)
      await expect(bob.root.getByText(/Latest: #6 → i-\d · 200 · not sticky/)).toBeVisible()
      await expect(bob.cart).toHaveText('Cart: 3 items')
      await expect(bob.cartLost).toHaveCount(0)
      await expectNoAxeViolations(page)
    })
  })
})

test.describe('browser switches', () => {
  test('"Cookies enabled" off: the jar empties and every request is non-sticky', async ({
    lab: page,
  }) => {
    const clients = new ClientsPanel(page)
    const alice = clients.client('alice')
    const cookies = new CookiesPanel(page)
    const inspector = new InspectorPanel(page)
    await enableStickiness(page, 20)
    await alice.send.click()
    await afterResponse(page)
    await cookies.show()
    await expect(cookies.rows).toHaveCount(3)

    await clients.show()
    await alice.cookies.uncheck()
    await expect(alice.cookies).not.toBeChecked()
    await expect(alice.cookies).toHaveAttribute('role', 'switch')
    await cookies.show()
    await expect(cookies.rows).toHaveCount(0)
    await expect(cookies.root.getByText('alice has cookies disabled')).toBeVisible()
    for (let i = 0; i < 3; i++) {
      await alice.send.click()
      await afterResponse(page)
    }
    await inspector.show()
    await expect(inspector.targets).toHaveText(['i-1', 'i-3', 'i-2', 'i-1'])
    expect(await inspector.column(5)).toEqual(['no', 'no', 'no', 'no'])
    expect((await inspector.column(6)).slice(0, 3)).toEqual([
      'sticky-miss-no-cookie',
      'sticky-miss-no-cookie',
      'sticky-miss-no-cookie',
    ])
    await cookies.show()
    await expect(cookies.rows).toHaveCount(0)
    await expectNoAxeViolations(page)

    await clients.show()
    await alice.cookies.check()
    await alice.send.click()
    await afterResponse(page)
    await alice.send.click()
    await afterResponse(page)
    await cookies.show()
    await expect(cookies.rows).toHaveCount(3)
    await inspector.show()
    await expect(inspector.rows).toHaveCount(6)
    expect((await inspector.column(5)).slice(0, 2)).toEqual(['sticky', 'no'])
  })

  test('"Cross-site request" with "Credentials": only AWSALBCORS travels, and omit sends nothing', async ({
    lab: page,
  }) => {
    const clients = await new ClientsPanel(page).show()
    const alice = clients.client('alice')
    const inspector = new InspectorPanel(page)
    await enableStickiness(page, 20)
    await alice.send.click()
    await afterResponse(page)
    await expect(alice.credentials).toHaveCount(0)

    await alice.cors.check()
    await expect(alice.cors).toBeChecked()
    // One vocabulary: the switch says cross-site, its hint relates it to CORS and defines SameSite once.
    await expect(alice.cors).toHaveAccessibleDescription(/cross-site request, and so also a cross-origin \(CORS\) one\. SameSite is the cookie attribute/)
    // The other site is drawn on the stage, around alice's browser.
    await expect(page.getByTestId('other-site-alice')).toHaveText('page on www.example.com')
    await expect(alice.credentials).toHaveValue('include')
    await alice.send.click()
    await afterResponse(page)
    await inspector.show()
    await inspector.request(2).click()
    await expect(inspector.rawRequest).toContainText('Origin: https://www.example.com')
    await expect(inspector.rawRequest).toContainText('Sec-Fetch-Site: cross-site')
    await expect(inspector.rawRequest).toContainText(/Cookie: AWSALBCORS=\S+=$/m)
    await expect(inspector.rawRequest).not.toContainText('AWSALB=')
    await expect(inspector.rawRequest).not.toContainText('SESSIONID')
    await expect(inspector.detailDecision).toHaveText('sticky-hit')
    await expect(inspector.detailExplanation).toContainText('AWSALBCORS names i-1')
    await expectNoAxeViolations(page)

    await clients.show()
    await alice.credentials.selectOption('omit')
    await alice.send.click()
    await afterResponse(page)
    await inspector.show()
    await inspector.request(3).click()
    await expect(inspector.rawRequest).not.toContainText('Cookie:')
    await expect(inspector.details.getByText('No Cookie header')).toBeVisible()
    await expect(inspector.detailDecision).toHaveText('sticky-miss-no-cookie')

    await clients.show()
    await alice.credentials.selectOption('same-origin')
    await alice.send.click()
    await afterResponse(page)
    await inspector.show()
    await inspector.request(4).click()
    await expect(inspector.rawRequest).not.toContainText('Cookie:')

    await clients.show()
    await alice.cors.uncheck()
    await expect(alice.credentials).toHaveCount(0)
    await alice.send.click()
    await afterResponse(page)
    await inspector.show()
    await inspector.request(5).click()
    await expect(inspector.rawRequest).not.toContainText('Origin:')
    await expect(inspector.rawRequest).toContainText('Cookie: AWSALB=')
    await expectNoAxeViolations(page)
  })

  test('"User agent": Chromium refuses the Lax-by-default AWSALB cross-site, another browser stores it', async ({
    lab: page,
  }) => {
    const clients = await new ClientsPanel(page).show()
    const alice = clients.client('alice')
    const cookies = new CookiesPanel(page)
    await enableStickiness(page, 20)
    await expect(alice.userAgent).toHaveValue('chromium')
    await alice.cors.check()
    await alice.send.click()
    await afterResponse(page)
    await cookies.show()
    await expect(cookies.rows).toHaveCount(1)
    await expect(cookies.row('AWSALBCORS')).toBeVisible()
    await expect(cookies.verdict).toContainText(
      'AWSALB was not stored: it has no SameSite attribute, so the browser treats it as Lax, and Chromium does not store such cookies',
    )

    await clients.show()
    await alice.userAgent.selectOption({ label: 'Other browser or client' })
    await expect(alice.userAgent).toHaveValue('other')
    expect(await page.evaluate(() => window.stickylab.current.lab().clients()[0]!.userAgent)).toBe(
      'other',
    )
    await cookies.show()
    await cookies.clearAll.click()
    await alice.send.click()
    await afterResponse(page)
    await expect(cookies.rows).toHaveCount(3)
    expect(await cookies.names()).toEqual(['AWSALB', 'AWSALBCORS', 'SESSIONID'])
    await expectNoAxeViolations(page)
  })
})

test.describe('auto-refresh on the virtual clock', () => {
  test('sends one request each time the clock crosses a multiple of the period, and stops when off', async ({
    lab: page,
  }) => {
    const clients = await new ClientsPanel(page).show()
    const alice = clients.client('alice')
    const inspector = new InspectorPanel(page)
    await advanceTo(page, 10.4)
    await alice.autoRefresh.selectOption({ label: 'Every 2 s' })
    await expect(alice.autoRefresh).toHaveValue('2')
    await expect(
      alice.root.getByText(
        'Virtual time: one request each time the lab clock passes a multiple of the period.',
      ),
    ).toBeVisible()

    await inspector.show()
    await advanceTo(page, 11.9)
    await expect(inspector.rows).toHaveCount(0)
    await advanceTo(page, 12)
    // The refresh leaves at 12 and shows once it has reached its target.
    await expect(inspector.rows).toHaveCount(0)
    await afterArrival(page)
    await expect(inspector.rows).toHaveCount(1)
    await advanceTo(page, 13.9)
    await expect(inspector.rows).toHaveCount(1)
    await advanceTo(page, 14)
    await afterArrival(page)
    await expect(inspector.rows).toHaveCount(2)
    expect(await inspector.column(1)).toEqual(['0:14', '0:12'])
    expect(await inspector.column(2)).toEqual(['alice', 'alice'])
    // A jump over several periods refreshes once, as a browser coalesces missed timer ticks.
    await advanceTo(page, 44)
    await afterArrival(page)
    await expect(inspector.rows).toHaveCount(3)
    expect((await inspector.column(1))[0]).toBe('0:44')
    await expectNoAxeViolations(page)

    await clients.show()
    await alice.autoRefresh.selectOption({ label: 'Off' })
    await inspector.show()
    await advance(page, 10)
    await expect(inspector.rows).toHaveCount(3)
  })

  test("refreshes use the browser's CORS settings", async ({ lab: page }) => {
    const alice = (await new ClientsPanel(page).show()).client('alice')
    const inspector = new InspectorPanel(page)
    await advanceTo(page, 20)
    await alice.cors.check()
    await alice.autoRefresh.selectOption({ label: 'Every 5 s' })
    await inspector.show()
    await advanceTo(page, 25)
    await afterArrival(page)
    await expect(inspector.rows).toHaveCount(1)
    await inspector.request(1).click()
    await expect(inspector.rawRequest).toContainText('Sec-Fetch-Site: cross-site')
  })

  test('follows play and speed, and halts while paused', async ({ lab: page }) => {
    const alice = (await new ClientsPanel(page).show()).client('alice')
    const inspector = new InspectorPanel(page)
    await alice.autoRefresh.selectOption({ label: 'Every 1 s' })
    await inspector.show()
    await sendEvent(page, { type: 'sim.setSpeed', speed: 25 })
    await sendEvent(page, { type: 'sim.play' })
    await expect.poll(async () => inspector.rows.count(), { timeout: 5000 }).toBeGreaterThan(5)
    await pause(page)
    // Panels follow the lab once per frame: let the frame that shows the last arrival before the pause go by.
    await animationFrames(page, 3)
    const count = await inspector.rows.count()
    const virtual = await now(page)
    await animationFrames(page)
    await expect(inspector.rows).toHaveCount(count)
    // At most one request per whole virtual second that passed.
    expect(count).toBeLessThanOrEqual(Math.floor(virtual))
  })
})

test('"Reset" puts every browser setting back to its default', async ({ lab: page }) => {
  const alice = (await new ClientsPanel(page).show()).client('alice')
  const inspector = new InspectorPanel(page)
  await alice.cors.check()
  await alice.credentials.selectOption('omit')
  await alice.autoRefresh.selectOption({ label: 'Every 1 s' })
  await page.getByRole('button', { name: 'Reset' }).click()
  await page.getByRole('button', { name: 'Yes, reset' }).click()
  await expect(alice.cors).not.toBeChecked()
  await expect(alice.credentials).toHaveCount(0)
  await expect(alice.autoRefresh).toHaveValue('0')
  await pause(page)
  await inspector.show()
  await advance(page, 5)
  await afterArrival(page)
  await expect(inspector.rows).toHaveCount(0)
})
