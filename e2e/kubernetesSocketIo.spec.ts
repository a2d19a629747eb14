// Issue 19 items 1 and 3 as a learner meets them. Kubernetes: choosing target-type instance draws two pods in every
// node card; Add to cart stays sticky to one node while the dot continues to pods on other nodes until one shows the
// cart lost, and the decision names the node and the pod; target-type ip frames the pod targets by node. Socket.IO:
// Connect without stickiness marks the card that answered 400 Session ID unknown; with stickiness the upgrade gets
// 101; transports ['websocket'] needs none. axe in each state; screenshots at 1280×800 and 390×844.
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { stageBrowser } from './pages/ClientsPanel'
import {
  afterArrival,
  afterResponse,
  enableStickiness,
  disableStickiness,
  pause,
} from './pages/labDriver'
import { openTabOf, showTab } from './pages/phoneTabs'

const SHOTS = '/tmp/shots-k8s'
test.describe.configure({ timeout: 90_000 })

const decision = (page: Page) => page.getByTestId('alb-decision')

async function chooseTargetType(page: Page, type: 'instance' | 'ip'): Promise<void> {
  const radio = page
    .getByRole('radiogroup', { name: 'Kubernetes (AWS Load Balancer Controller)' })
    .getByRole('radio', { name: `target-type: ${type}` })
  await openTabOf(page, radio)
  await radio.check()
  await expect(radio).toBeChecked()
}

/** Adds to alice's cart until a pod shows the cart lost (kube-proxy's pick is random); returns how many clicks. */
async function addUntilCartLost(page: Page): Promise<number> {
  const add = stageBrowser(page, 'alice').getByRole('button', { name: 'Add to cart' })
  for (let i = 1; i <= 12; i++) {
    await openTabOf(page, add)
    await add.click()
    await afterArrival(page)
    if ((await page.locator('g.pod[data-lost="true"]').count()) > 0) return i
    await afterResponse(page)
  }
  throw new Error('no cart was lost in 12 requests')
}

test('Kubernetes: target-type instance pins the node while kube-proxy moves the cart between pods; ip pins the pod', async ({
  lab: page,
}) => {
  await pause(page)
  await enableStickiness(page, 86_400)
  await showTab(page, 'Setup')
  await chooseTargetType(page, 'instance')
  // Two pods drawn inside each node card.
  for (const id of ['pod-1a', 'pod-1b', 'pod-2a', 'pod-2b', 'pod-3a', 'pod-3b'])
    await expect(page.getByTestId(`topology.pod.${id}`)).toBeAttached()
  const clicks = await addUntilCartLost(page)
  expect(clicks).toBeGreaterThan(1)
  // The sentence names the node AWSALB pinned and the pod kube-proxy chose, and says the cart is lost.
  await expect(decision(page)).toContainText(
    /With target-type instance the target is node i-\d; kube-proxy there forwarded the request to pod pod-\d[ab]/,
  )
  await expect(decision(page)).toContainText('so the cart is lost')
  await expect(decision(page)).toContainText(/the request stays on i-\d/)
  await expect(page.locator('g.pod.lost text')).toHaveText(/✕/)
  await expect(
    page.getByText('Simulator conventions: kube-proxy picks a pod at random'),
  ).toBeAttached()
  await expectNoAxeViolations(page)
  await page.getByTestId('topology.pod.pod-1a').scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/k8s-instance-${page.viewportSize()!.width}.png` })

  await chooseTargetType(page, 'ip')
  // The pods are the targets now, framed by their node.
  await expect(page.getByTestId('topology.target.pod-1a')).toBeAttached()
  await expect(page.getByTestId('topology.target.i-1')).toHaveCount(0)
  await expect(page.getByTestId('topology.node.i-1')).toContainText('node i-1')
  const add = stageBrowser(page, 'alice').getByRole('button', { name: 'Add to cart' })
  await openTabOf(page, add)
  await add.click()
  await afterResponse(page)
  await add.click()
  await afterArrival(page)
  await expect(decision(page)).toContainText(
    /With target-type ip the ALB target is pod pod-\d[ab] itself \(on node i-\d\), so the stickiness binding reaches the pod\./,
  )
  await expectNoAxeViolations(page)
  await page.screenshot({ path: `${SHOTS}/k8s-ip-${page.viewportSize()!.width}.png` })
})

test('Socket.IO: polls without stickiness meet 400 Session ID unknown; stickiness or WebSocket-only connect', async ({
  lab: page,
}) => {
  await pause(page)
  await showTab(page, 'Setup')
  const panel = page.getByRole('region', { name: 'Socket.IO client' })
  const connect = panel.getByRole('button', { name: 'Connect Socket.IO' })
  await openTabOf(page, connect)
  await connect.click()
  await afterArrival(page)
  await expect(panel.getByTestId('socketio-steps')).toContainText(
    'poll 1: 400 Session ID unknown from i-2',
  )
  await expect(page.getByTestId('topology.sid-unknown.i-2')).toContainText('400 Session ID unknown')
  await expect(decision(page)).toContainText('HTTP 400 {"code":1,"message":"Session ID unknown"}')
  await expectNoAxeViolations(page)
  await page.screenshot({ path: `${SHOTS}/socketio-400-${page.viewportSize()!.width}.png` })

  await afterResponse(page)
  await enableStickiness(page, 86_400)
  await openTabOf(page, connect)
  await connect.click()
  await afterArrival(page)
  await expect(panel.getByTestId('socketio-steps')).toContainText(/upgrade: 101 from i-\d/)
  await expect(decision(page)).toContainText('101 Switching Protocols: the connection stays on')

  await afterResponse(page)
  await disableStickiness(page)
  await openTabOf(page, connect)
  await panel.getByRole('radio', { name: "['websocket'] only" }).check()
  await connect.click()
  await afterArrival(page)
  await expect(panel.getByTestId('socketio-steps')).toHaveText(/WebSocket only: 101 from i-\d/)
  await expect(decision(page)).toContainText('no stickiness setting needed')
  await expectNoAxeViolations(page)
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
  test('the node cards hold their pods and a lost cart shows on a pod', async ({ lab: page }) => {
    await pause(page)
    await enableStickiness(page, 86_400)
    await chooseTargetType(page, 'instance')
    await addUntilCartLost(page)
    const lost = page.locator('g.pod[data-lost="true"]').first()
    // The picture is drawn on the frame after its tab shows: open the Lab tab, then let expect wait for it.
    await showTab(page, 'Lab')
    await expect(lost).toBeAttached()
    await lost.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/k8s-instance-390.png` })
    await expect(lost).toBeVisible()
  })

  test('a Socket.IO poll refused with 400 shows on the card that answered it', async ({
    lab: page,
  }) => {
    await pause(page)
    const connect = page
      .getByRole('region', { name: 'Socket.IO client' })
      .getByRole('button', { name: 'Connect Socket.IO' })
    await openTabOf(page, connect)
    await connect.click()
    await afterArrival(page)
    const badge = page.locator('g.sid-unknown').first()
    await showTab(page, 'Lab')
    await expect(badge).toBeAttached()
    await badge.scrollIntoViewIfNeeded()
    await expect(badge).toBeVisible()
    await expect(badge).toContainText('400 Session ID unknown')
    await page.screenshot({ path: `${SHOTS}/socketio-400-390.png` })
  })
})
