// A client's source IP and flow choices in real Chromium: the Source IP field only under NLB and GWLB (and a
// value set there survives a trip through the ALB); ICMP, TCP and the destination under a GWLB with the
// 5-tuple and the 3-tuple, as the card, the decision sentence and the inspector tell it; UDP on an NLB TCP_UDP
// group. Touch targets and 200 % text on a phone, axe once per test.
import type { Locator, Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { ClientsPanel, stageBrowser } from './pages/ClientsPanel'
import { InspectorPanel } from './pages/InspectorPanel'
import { advance, afterResponse, labCall, pause } from './pages/labDriver'
import { openTab, screenshotUnstuck, showTab } from './pages/phoneTabs'

/**
 * Chooses a load balancer type as a learner clicks it. The radios follow the lab on the next animation frame
 * (panels update at most once per frame), so the check waits for that instead of wanting it at the click.
 */
async function chooseType(page: Page, label: string): Promise<void> {
  await typeRadio(page, label).click()
  await expect(typeRadio(page, label)).toBeChecked()
}

function typeRadio(page: Page, label: string): Locator {
  return page
    .getByRole('radiogroup', { name: 'Load balancer type' })
    .getByRole('radio', { name: label, exact: true })
}

/** The instance the client's latest request reached, from its card ("Latest: #3 → i-2 · 200 · …"). */
async function latestTarget(card: Locator): Promise<string> {
  const text = (await card.locator('.client-latest').textContent()) ?? ''
  const m = /→ (i-\d+)/.exec(text)
  if (m === null) throw new Error(`no target in “${text}”`)
  return m[1]!
}

// axe on this page takes seconds on a busy machine: allow for it, as loadBalancerTypes.spec.ts does.
test.describe.configure({ timeout: 60_000 })

test('Source IP shows only under NLB and GWLB, and what was set under the NLB survives a trip through the ALB', async ({
  lab: page,
}) => {
  const clients = new ClientsPanel(page)
  const alice = clients.client('alice')
  const sourceIp = alice.root.getByRole('textbox', { name: 'Source IP', exact: true })
  const natList = clients.root.getByRole('list', { name: 'Clients behind one NAT' })
  await pause(page)
  // The clients' cards and the type chooser are in the dock's Setup tab.
  await clients.show()
  await clients.add('bob')
  // ALB (the default) and CLB route by cookie: no source IP, no NAT groups, no flow choices.
  for (const type of ['Application (ALB)', 'Classic (CLB)']) {
    await chooseType(page, type)
    await expect(alice.send).toBeVisible()
    await expect(sourceIp).toHaveCount(0)
    await expect(alice.root.getByRole('button', { name: 'Set source IP' })).toHaveCount(0)
    await expect(alice.root.getByRole('radiogroup', { name: 'Protocol' })).toHaveCount(0)
  }

  await chooseType(page, 'Network (NLB)')
  await expect(sourceIp).toBeVisible()
  // A TCP target group carries only TCP: nothing to choose.
  await expect(alice.root.getByRole('radiogroup', { name: 'Protocol' })).toHaveCount(0)
  await sourceIp.fill('203.0.113.77')
  await alice.root.getByRole('button', { name: 'Set source IP' }).click()
  await expect(stageBrowser(page, 'alice')).toContainText('203.0.113.77')
  const bob = clients.client('bob')
  await bob.root.getByRole('textbox', { name: 'Source IP', exact: true }).fill('203.0.113.77')
  await bob.root.getByRole('button', { name: 'Set source IP' }).click()
  await expect(natList).toHaveText('Behind one NAT (203.0.113.77): alice, bob')
  await expect(alice.root).toContainText(
    'NAT 203.0.113.77 · 2 clients. Clients with the same address are behind one NAT',
  )

  await chooseType(page, 'Application (ALB)')
  await expect(sourceIp).toHaveCount(0)
  await expect(natList).toHaveCount(0)
  await expect(stageBrowser(page, 'alice')).not.toContainText('203.0.113.77')
  await chooseType(page, 'Network (NLB)')
  await expect(sourceIp).toHaveValue('203.0.113.77')
  await alice.send.click()
  await afterResponse(page)
  await expect(page.getByTestId('latest-decision')).toContainText('203.0.113.77')
  await chooseType(page, 'Gateway (GWLB)')
  await expect(sourceIp).toHaveValue('203.0.113.77')
  await expectNoAxeViolations(page)
})

test('GWLB: ICMP sticks by the 3-tuple to one appliance; TCP by the 5-tuple until the group sticks by the 3-tuple', async ({
  lab: page,
}) => {
  const alice = new ClientsPanel(page).client('alice')
  const inspector = new InspectorPanel(page)
  await pause(page)
  await showTab(page, 'Setup')
  await chooseType(page, 'Gateway (GWLB)')
  // Cross-zone on, so a flow may reach any of the three appliances.
  await labCall(page, 'modifyLoadBalancerAttributes', {
    'load_balancing.cross_zone.enabled': 'true',
  })
  const protocol = alice.root.getByRole('radiogroup', { name: 'Protocol' })
  const hint = alice.root.getByTestId('protocol-hint')
  const newConnection = alice.root.getByRole('button', { name: 'New connection' })
  const port = alice.root.getByRole('textbox', { name: 'Destination port' })
  await expect(protocol.getByRole('radio')).toHaveCount(3)
  await expect(protocol.getByRole('radio', { name: 'TCP', exact: true })).toBeChecked()
  await expect(hint).toHaveText(
    'TCP flows stick to an appliance by the 5-tuple (protocol, source IP and port, destination IP and port).',
  )

  await protocol.getByRole('radio', { name: 'ICMP', exact: true }).check()
  await expect(hint).toContainText(
    'by the 3-tuple (source IP, destination IP, protocol). ICMP has no ports',
  )
  await expect(newConnection).toBeDisabled()
  await expect(port).toBeDisabled()
  for (let i = 0; i < 2; i++) {
    await alice.send.click()
    await afterResponse(page)
  }
  const icmpAppliance = await latestTarget(alice.root)
  await expect(page.getByTestId('alb-decision')).toContainText(
    /GWLB decision #2 from alice: ICMP 198\.51\.100\.\d+ → 192\.0\.2\.80 belongs to an existing flow \(3-tuple/,
  )
  await inspector.show()
  await inspector.request(1).click()
  await expect(inspector.root.getByTestId('detail-flow')).toHaveText(
    /^ICMP 198\.51\.100\.\d+ → 192\.0\.2\.80$/,
  )
  await expect(inspector.root.getByTestId('raw-packets')).toContainText(
    `Inspected by appliance ${icmpAppliance}`,
  )
  await expect(inspector.rawRequest).toHaveCount(0)
  await expect(inspector.detailExplanation).toContainText(
    '3-tuple (source IP, destination IP, protocol; stickiness is off and ICMP has no ports)',
  )

  // A bad destination is refused beside the field and kept there; a good one is used from the next packet on.
  await showTab(page, 'Setup')
  const destination = alice.root.getByRole('textbox', { name: 'Destination IP' })
  const world = () => page.evaluate(() => JSON.stringify(window.stickylab.current.lab().snapshot()))
  const before = await world()
  await destination.fill('198.51.100.300')
  await alice.root.getByRole('button', { name: 'Set destination' }).click()
  await expect(alice.root.getByRole('alert')).toHaveText(
    '“198.51.100.300” is not an IPv4 address: use four numbers 0–255 separated by dots, such as 192.0.2.80.',
  )
  await expect(destination).toHaveValue('198.51.100.300')
  await expect(destination).toHaveAttribute('aria-invalid', 'true')
  expect(await world()).toBe(before)
  await destination.fill('198.51.100.200')
  await destination.press('Enter')
  await expect(alice.root.getByTestId('destination-hint')).toHaveText(
    'ICMP packets go to 198.51.100.200; ICMP has no ports.',
  )
  await alice.send.click()
  await afterResponse(page)
  await expect(inspector.latestDecision).toContainText('A new flow ICMP')
  await expect(inspector.latestDecision).toContainText('→ 198.51.100.200 was hashed on its 3-tuple')

  // TCP: every new connection is a new 5-tuple (a new source port), hashed on its own.
  await protocol.getByRole('radio', { name: 'TCP', exact: true }).check()
  await expect(port).toBeEnabled()
  await port.fill('0')
  await alice.root.getByRole('button', { name: 'Set destination' }).click()
  await expect(alice.root.getByRole('alert')).toHaveText(
    '“0” is not a port: use a whole number from 1 to 65535.',
  )
  await port.fill('8443')
  await alice.root.getByRole('button', { name: 'Set destination' }).click()
  await expect(alice.root.getByTestId('destination-hint')).toHaveText(
    'Packets go to 198.51.100.200:8443 through an appliance.',
  )
  const tcpTargets = new Set<string>()
  for (let i = 0; i < 4; i++) {
    await newConnection.click()
    await afterResponse(page)
    await expect(inspector.latestDecision).toContainText(`:8443 was hashed on its 5-tuple`)
    tcpTargets.add(await latestTarget(alice.root))
  }
  expect(tcpTargets.size).toBeGreaterThan(1)

  // The 3-tuple leaves the ports out: every new TCP connection joins the first one's appliance.
  const tg = page.getByRole('region', { name: 'Target group settings', exact: true })
  await tg.getByRole('radio', { name: '3-tuple (source_ip_dest_ip_proto)' }).check()
  await tg.getByRole('button', { name: 'Apply' }).click()
  await expect(hint).toContainText(
    'TCP flows stick to an appliance by the 3-tuple (source IP, destination IP, protocol).',
  )
  await newConnection.click()
  await afterResponse(page)
  const first = await latestTarget(alice.root)
  for (let i = 0; i < 2; i++) {
    await newConnection.click()
    await afterResponse(page)
    await expect(inspector.latestDecision).toContainText(
      'has the same 3-tuple (source IP, destination IP, protocol',
    )
    expect(await latestTarget(alice.root)).toBe(first)
  }
  await expectNoAxeViolations(page)
})

test('NLB TCP_UDP: UDP travels on its own flow without HTTP; the choice sits in the phone’s Setup tab with 44 px targets and 200 % text', async ({
  lab: page,
}) => {
  const alice = new ClientsPanel(page).client('alice')
  const inspector = new InspectorPanel(page)
  await pause(page)
  await showTab(page, 'Setup')
  await chooseType(page, 'Network (NLB)')
  await labCall(page, 'createTargetGroup', 'both', { protocol: 'TCP_UDP', targets: 0 })
  await labCall(page, 'registerTargets', 'both', ['i-1', 'i-2', 'i-3'])
  await labCall(page, 'setForward', { targetGroups: [{ name: 'both', weight: 1 }] })
  // Targets of the listener's group are health-checked: five passing TCP checks 30 s apart make them healthy.
  await advance(page, 300)
  const protocol = alice.root.getByRole('radiogroup', { name: 'Protocol' })
  await expect(protocol.getByRole('radio')).toHaveCount(2)
  await expect(protocol.getByRole('radio', { name: 'TCP', exact: true })).toBeChecked()
  await expect(alice.root.getByRole('textbox', { name: 'Destination IP' })).toHaveCount(0)

  // Keyboard: the choice is one radio group, so an arrow key moves to UDP.
  await protocol.getByRole('radio', { name: 'TCP', exact: true }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(protocol.getByRole('radio', { name: 'UDP', exact: true })).toBeChecked()
  await expect(alice.root.getByTestId('protocol-hint')).toHaveText(
    'The target group is TCP_UDP, so it takes both. Each new UDP flow is hashed on its 5-tuple. UDP carries no HTTP: no cookies and no cart.',
  )
  await alice.send.click()
  await afterResponse(page)
  await expect(inspector.latestDecision).toContainText('the new UDP flow from 198.51.100.')
  await expect(inspector.latestDecision).toContainText('was hashed on its 5-tuple')
  await alice.send.click()
  await afterResponse(page)
  await expect(page.getByTestId('alb-decision')).toContainText(
    "NLB decision #2 from alice: The request travelled on the client's open UDP flow",
  )
  await inspector.show()
  await inspector.request(1).click()
  await expect(inspector.root.getByTestId('detail-flow')).toHaveText(
    /^UDP 198\.51\.100\.\d+:\d+ → 192\.0\.2\.1[123]:80$/,
  )
  await expect(inspector.root.getByTestId('raw-packets')).toContainText(
    /^UDP datagram .* → 192\.0\.2\.1[123]:80\nDelivered to i-\d\.$/,
  )
  await showTab(page, 'Setup')
  await expect(alice.cart).toHaveText('Cart: no session yet')

  await protocol.getByRole('radio', { name: 'TCP', exact: true }).check()
  await alice.send.click()
  await afterResponse(page)
  await inspector.show()
  await inspector.request(3).click()
  await expect(inspector.root.getByTestId('detail-flow')).toContainText('TCP 198.51.100.')
  await expect(inspector.rawRequest).toContainText('GET / HTTP/1.1')
  await showTab(page, 'Setup')
  await expect(alice.cart).toHaveText('Cart: 0 items')
  await expectNoAxeViolations(page)

  // On a phone the card is in the Setup tab: every flow control is a 44 px target, and 200 % text fits the card.
  await page.setViewportSize({ width: 390, height: 844 })
  await openTab(page, 'Setup')
  await chooseType(page, 'Gateway (GWLB)')
  await expect(alice.root.getByRole('textbox', { name: 'Destination IP' })).toBeVisible()
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'))
  const problems = await alice.root.evaluate((card) => {
    const out: string[] = []
    const box = card.getBoundingClientRect()
    for (const el of Array.from(
      card.querySelectorAll<HTMLElement>('.source-ip *, .flow-protocol *, .flow-destination *'),
    )) {
      const r = el.getBoundingClientRect()
      if (r.width === 0) continue
      const name = `${el.tagName.toLowerCase()} “${(el.textContent ?? el.getAttribute('value') ?? '').trim().slice(0, 20)}”`
      if (r.right > box.right + 1) out.push(`${name} beyond the card`)
      if (
        getComputedStyle(el).overflowX !== 'visible' &&
        el.scrollWidth > el.clientWidth + 1 &&
        el.tagName !== 'INPUT'
      )
        out.push(`${name} clipped`)
      if (['BUTTON', 'INPUT'].includes(el.tagName)) {
        const target = (el.closest('label') ?? el).getBoundingClientRect()
        if (target.width < 43.5 || target.height < 43.5)
          out.push(`${name} ${Math.round(target.width)}×${Math.round(target.height)}`)
      }
    }
    if (document.documentElement.scrollWidth > innerWidth) out.push('the page scrolls sideways')
    return out
  })
  expect(problems).toEqual([])
  await screenshotUnstuck(alice.root, {
    path: 'reports/screens/flows-card-390-200.png',
    animations: 'disabled',
  })
})
