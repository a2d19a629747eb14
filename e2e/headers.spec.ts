// "Explain your ALB" (Console tab): a learner pastes their own load balancer's headers and access logs and reads what they mean, then
// sets the same situation up in the lab with "Reproduce in the lab" and sees the cookies on the stage.
import { expect, expectNoAxeViolations, test } from './fixtures'
import { stageBrowser } from './pages/ClientsPanel'
import { showTab } from './pages/phoneTabs'

const V =
  'x7bTqPz3mU2m9l0v9Y2Zk3hq8o0Jt3oC1uQ6ZbqQ4x8B1tqXe/Nq+Yc7o2cM0dD4Qm0aPp1QW7yR2a4wq9HjG1Vb5tQk3a8='
/** An ALB response over HTTPS with duration-based stickiness, as real ones look. */
const RESPONSE = [
  'HTTP/1.1 200 OK',
  'Date: Tue, 12 Oct 2021 10:00:00 GMT',
  'Content-Type: text/html',
  `Set-Cookie: AWSALB=${V}; Expires=Tue, 19 Oct 2021 10:00:00 GMT; Path=/`,
  `Set-Cookie: AWSALBCORS=${V}; Expires=Tue, 19 Oct 2021 10:00:00 GMT; Path=/; SameSite=None; Secure`,
].join('\n')

const TG =
  'arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067'
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const logLine = (second: string, client: string, target: string) =>
  `https 2026-12-07T10:00:${second}.000000Z app/shop/50dc6c495c0c9188 ${client} ${target} 0.001 0.012 0.000 200 200 512 2048 "GET https://shop.example.com:443/cart HTTP/1.1" "${CHROME}" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 ${TG} "Root=1-6754-abc" "shop.example.com" "-" 0 2026-12-07T10:00:${second}.000000Z "forward" "-" "-" "${target}" "200" "-" "-"`

test('paste a response: AWSALBCORS is the cross-site copy of AWSALB; Reproduce in the lab puts the chips on the stage', async ({
  lab: page,
}) => {
  await showTab(page, 'Console')
  await page.getByRole('textbox', { name: 'Paste HTTP headers' }).fill(RESPONSE)
  await page.getByRole('button', { name: 'Analyze', exact: true }).click()
  const report = page.getByRole('region', { name: 'Header analysis' })
  const cors = report.getByRole('article', { name: 'AWSALBCORS cookie' })
  await expect(cors).toContainText('The cross-site copy of AWSALB')
  await expect(cors).toContainText('Same value as AWSALB in the same response.')
  const awsalb = report.getByRole('article', { name: 'AWSALB cookie' })
  await expect(awsalb).toContainText('It is opaque')
  await expect(awsalb).toContainText('That is not your stickiness duration.')
  await expectNoAxeViolations(page)

  await report.getByRole('button', { name: 'Reproduce in the lab' }).click()
  await expect(report.getByRole('status')).toContainText(
    'Set up in the lab. Send a request from pasted',
  )
  const pasted = stageBrowser(page, 'pasted')
  await expect(pasted.getByRole('button', { name: 'AWSALB cookie' })).toBeVisible()
  await expect(pasted.getByRole('button', { name: 'AWSALBCORS cookie' })).toBeVisible()
  await expect(
    page
      .getByRole('radiogroup', { name: 'Stickiness', exact: true })
      .getByRole('radio', { name: /^Duration-based/ }),
  ).toBeChecked()
  // The lab's load balancer cannot read a real ALB's cookie: the first response replaces it.
  await pasted.getByRole('button', { name: 'Send request' }).click()
  await expect(page.getByTestId('narration')).toContainText('Request 1 from pasted')
})

test('a credentialed cross-origin call: Reproduce makes the pasted browser a page on the other site', async ({
  lab: page,
}) => {
  await showTab(page, 'Console')
  const capture = [
    'GET /api/cart HTTP/1.1',
    'Host: api.shop.example',
    'Origin: https://www.example.com',
    'Sec-Fetch-Site: cross-site',
    `Cookie: AWSALBCORS=${V}`,
    '',
    'HTTP/1.1 200 OK',
    'Date: Tue, 12 Oct 2021 10:00:00 GMT',
    'Access-Control-Allow-Origin: https://www.example.com',
    'Access-Control-Allow-Credentials: true',
    `Set-Cookie: AWSALB=${V}; Expires=Tue, 19 Oct 2021 10:00:00 GMT; Path=/`,
    `Set-Cookie: AWSALBCORS=${V}; Expires=Tue, 19 Oct 2021 10:00:00 GMT; Path=/; SameSite=None; Secure`,
  ].join('\n')
  await page.getByRole('textbox', { name: 'Paste HTTP headers' }).fill(capture)
  await page.getByRole('button', { name: 'Analyze', exact: true }).click()
  const report = page.getByRole('region', { name: 'Header analysis' })
  await expect(report.getByRole('article', { name: 'AWSALB cookie' })).toContainText(
    'treats it as Lax',
  )
  await report.getByRole('button', { name: 'Reproduce in the lab' }).click()
  await expect(report.getByRole('status')).toContainText(
    "Its requests are cross-site, credentials: 'include'.",
  )
  await expect(page.getByTestId('other-site-pasted')).toBeVisible()
})

test('by keyboard: paste, analyze and read a readable message for a broken HAR file', async ({
  lab: page,
}) => {
  await showTab(page, 'Console')
  const box = page.getByRole('textbox', { name: 'Paste HTTP headers' })
  await box.focus()
  await page.keyboard.insertText('{"log": {"entries": [ {"request": ')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Analyze', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('region', { name: 'Header analysis' })).toContainText(
    'This looks like a HAR file, but it is not valid JSON',
  )

  // A HAR exported sanitized (Chrome's default): told how to export the headers, nothing to reproduce.
  const entry = {
    request: {
      method: 'GET',
      url: 'https://shop.example.com/',
      headers: [{ name: 'user-agent', value: 'Chrome' }],
      cookies: [],
    },
    response: { status: 200, headers: [{ name: 'content-type', value: 'text/html' }], cookies: [] },
  }
  await box.fill(
    JSON.stringify({
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        entries: [entry, entry],
      },
    }),
  )
  await page.getByRole('button', { name: 'Analyze', exact: true }).click()
  const report = page.getByRole('region', { name: 'Header analysis' })
  await expect(report).toContainText('it was probably exported sanitized')
  await expect(report).toContainText("tick 'Allow to generate HAR with sensitive data'")
  await expect(report.getByRole('button', { name: 'Reproduce in the lab' })).toHaveCount(0)
})

test('paste access log lines: a client hopping between targets is flagged, a malformed line listed', async ({
  lab: page,
}) => {
  await showTab(page, 'Console')
  const lines = [
    logLine('01', '203.0.113.7:50123', '10.0.1.15:8080'),
    logLine('02', '203.0.113.7:50123', '10.0.2.27:8080'),
    logLine('03', '198.51.100.20:40000', '10.0.2.27:8080'),
    'not a log line',
  ].join('\n')
  await page.getByRole('textbox', { name: 'Paste access log lines' }).fill(lines)
  await page.getByRole('button', { name: 'Analyze log lines' }).click()
  const report = page.getByRole('region', { name: 'Access log analysis' })
  await expect(report).toContainText(
    'Access logs carry no cookies, so stickiness can only be inferred.',
  )
  await expect(report.getByRole('listitem').filter({ hasText: '203.0.113.7' })).toContainText(
    'Hops between targets',
  )
  await expect(report.getByRole('listitem').filter({ hasText: '203.0.113.7' })).toContainText(
    'even on one connection',
  )
  await expect(report.getByRole('listitem').filter({ hasText: '198.51.100.20' })).toContainText(
    'One target',
  )
  await expect(report).toContainText("Line 4: 'not' is not a request type")
  await expectNoAxeViolations(page)
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

  test('the Console tab analyzes a paste without sideways scrolling', async ({ lab: page }) => {
    await page.getByRole('tab', { name: 'Console', exact: true }).click()
    await page.getByRole('textbox', { name: 'Paste HTTP headers' }).fill(RESPONSE)
    await page.getByRole('button', { name: 'Analyze', exact: true }).click()
    await expect(
      page
        .getByRole('region', { name: 'Header analysis' })
        .getByRole('article', { name: 'AWSALBCORS cookie' }),
    ).toBeVisible()
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - innerWidth),
    ).toBeLessThanOrEqual(0)
    await expectNoAxeViolations(page)
  })
})
