// Issue 19 items 4, 6 and 8 as a learner meets them: a curl client (no cookie jar) next to a browser, a CORS
// preflight shown as its own cookie-less OPTIONS, and the CloudWatch metrics that tell the two apart.
import { expect, expectNoAxeViolations, test } from './fixtures'
import { ClientsPanel, stageBrowser } from './pages/ClientsPanel'
import { InspectorPanel } from './pages/InspectorPanel'
import {
  advance,
  afterResponse,
  animationFrames,
  enableStickiness,
  labCall,
  pauseAtZero,
} from './pages/labDriver'
import { LEG_SECONDS } from '../src/view/reveal'
import { showTab } from './pages/phoneTabs'

test('a curl client never sticks, says it has no cookie jar, and NonStickyRequestCount shows it', async ({
  lab: page,
}) => {
  test.setTimeout(90_000)
  await pauseAtZero(page)
  await enableStickiness(page, 3600)
  const clients = await new ClientsPanel(page).show()
  await clients.add('loadgen')
  const kind = clients.client('loadgen').root.getByRole('combobox', { name: 'Client kind' })
  await kind.selectOption('curl')
  await expect(
    clients.client('loadgen').root.getByRole('switch', { name: 'Cookies enabled' }),
  ).toBeDisabled()

  // The stage: a terminal badge and "no cookie jar" where a browser has chips.
  const card = page.getByTestId('stage').getByRole('group', { name: 'loadgen curl client' })
  await expect(card.getByTestId('client-kind')).toHaveText('>_ curl')
  await expect(card.getByTestId('no-jar-loadgen')).toContainText('no cookie jar')

  const targets: string[] = []
  for (let i = 0; i < 3; i++) {
    await card.getByRole('button', { name: 'Send request' }).click()
    await afterResponse(page)
    targets.push(
      await page.evaluate(() => window.stickylab.current.lab().history().at(-1)!.targetId!),
    )
  }
  expect(new Set(targets).size).toBe(3)
  await expect(page.getByTestId('alb-decision')).toContainText(
    'keeps no cookies (curl or an SDK without a cookie jar)',
  )
  await expect(card.getByTestId('no-jar-loadgen')).toBeVisible()

  // alice, a browser, sticks.
  for (let i = 0; i < 2; i++) {
    await stageBrowser(page, 'alice').getByRole('button', { name: 'Send request' }).click()
    await afterResponse(page)
  }
  await expect(page.getByTestId('alb-decision')).toContainText('AWSALB')

  await showTab(page, 'Numbers')
  const cw = page.getByTestId('cloudwatch-metrics')
  await expect(cw.getByTestId('cw-NonStickyRequestCount')).toContainText('4')
  await expect(cw.getByTestId('cw-NonStickyRequestCount')).toContainText(
    'could not use an existing sticky session',
  )
  await expect(cw.getByTestId('cw-RequestCountPerTarget:web')).toContainText(
    'TargetGroup=targetgroup/web',
  )
  await expect(cw.getByTestId('cw-RequestCountPerTarget:web')).toContainText('1.67')
  await expect(cw.getByTestId('cw-reading')).toContainText(
    '4 of 5 requests (80%) were balanced afresh',
  )
  await expectNoAxeViolations(page)
})

test('a preflighted cross-site call: the OPTIONS goes without cookies, the call sticks', async ({
  lab: page,
}) => {
  test.setTimeout(90_000)
  await pauseAtZero(page)
  await enableStickiness(page, 3600)
  const alice = (await new ClientsPanel(page).show()).client('alice')
  await alice.cors.check()
  await alice.credentials.selectOption('include')
  const preflight = alice.root.getByRole('switch', { name: 'Preflight (JSON / custom header)' })
  await preflight.check()
  await expectNoAxeViolations(page)
  for (let i = 0; i < 4; i++) {
    await alice.send.click()
    await afterResponse(page)
  }
  const h = await page.evaluate(() =>
    window.stickylab.current
      .lab()
      .history()
      .map((r) => ({ method: r.method ?? 'GET', sticky: r.sticky, target: r.targetId })),
  )
  expect(h.map((r) => r.method)).toEqual([
    'OPTIONS',
    'GET',
    'OPTIONS',
    'GET',
    'OPTIONS',
    'GET',
    'OPTIONS',
    'GET',
  ])
  expect(h.filter((r) => r.method === 'OPTIONS').every((r) => !r.sticky)).toBe(true)
  expect(
    h
      .filter((r) => r.method === 'GET')
      .slice(1)
      .every((r) => r.sticky),
  ).toBe(true)

  const inspector = await new InspectorPanel(page).show()
  const optionsRow = inspector.rows.filter({ hasText: 'OPTIONS' }).first()
  await optionsRow.getByRole('button').click()
  await expect(inspector.rawRequest).toContainText('OPTIONS / HTTP/1.1')
  await expect(inspector.rawRequest).toContainText('Access-Control-Request-Method: POST')
  await expect(inspector.rawRequest).not.toContainText('Cookie:')
  await expect(page.getByTestId('no-cookie-fix')).toContainText('credentials: "include"')
  await expect(page.getByTestId('no-cookie-fix')).toContainText('withCredentials = true')
  await expect(page.getByTestId('no-cookie-fix')).toContainText('AWSALBCORS (SameSite=None; Secure')
  await expect(inspector.detailExplanation).toContainText(
    'CORS preflight (OPTIONS), which browsers always send without cookies',
  )
  await expectNoAxeViolations(page)
})

test.describe('screenshots', () => {
  // Dots are drawn only without reduced motion.
  test.use({ reducedMotion: 'no-preference' })
  for (const size of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    test(`at ${size.width}×${size.height}: a curl card and an OPTIONS dot on its way`, async ({
      lab: page,
    }) => {
      await page.setViewportSize(size)
      await pauseAtZero(page)
      await enableStickiness(page, 3600)
      await labCall(page, 'addClient', 'loadgen', { kind: 'curl' })
      await labCall(page, 'request', 'alice', { crossSite: true, credentials: 'include' })
      await afterResponse(page)
      await labCall(page, 'request', 'alice', {
        crossSite: true,
        credentials: 'include',
        preflight: true,
      })
      await labCall(page, 'request', 'loadgen')
      // A quarter of the way along the first leg: the OPTIONS and its request travel side by side.
      await advance(page, LEG_SECONDS / 4)
      await animationFrames(page, 5)
      await expect(page.locator('g.packet.preflight text.preflight-tag').first()).toHaveText(
        'OPTIONS · no cookies',
      )
      await page.screenshot({ path: `/tmp/shots-clients/stage-${size.width}.png` })
    })
  }
})
