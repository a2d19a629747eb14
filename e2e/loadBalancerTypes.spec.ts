// Load balancer types in real Chromium: the type switch redraws the picture and adapts the panels; NLB
// source-IP stickiness with clients behind one NAT and the reset after a failure; CLB's AWSELB (not
// refreshed) and AWS's policy-name error; GWLB flow tuples; the ALB/NLB comparison and seed 002's table;
// a lesson played to the end. axe in every state, screenshots of the NLB lab and the comparison.
import type { Locator, Page } from '@playwright/test'
import { KNOWN_CONTROLS } from '../src/lessons/controls'
import { expect, expectNoAxeViolations, gotoLab, test } from './fixtures'
import { ClientsPanel, stageBrowser } from './pages/ClientsPanel'
import { CookiesPanel } from './pages/CookiesPanel'
import { InstancesPanel } from './pages/InstancesPanel'
import { Lab } from './pages/Lab'
import { afterResponse } from './pages/labDriver'
import { showTab } from './pages/phoneTabs'
import { shootPanel } from './pages/screens'

const NAT = '203.0.113.10'

/**
 * Chooses a load balancer type as a learner clicks it. The radios follow the lab on the next animation frame
 * (panels update at most once per frame), so the check waits for that instead of wanting it at the click.
 */
async function chooseType(page: Page, label: string): Promise<void> {
  await typeRadio(page, label).click()
  await expect(typeRadio(page, label)).toBeChecked()
}

function typeRadio(page: Page, label: string): Locator {
  return page.getByRole('radiogroup', { name: 'Load balancer type' }).getByRole('radio', { name: label, exact: true })
}

function albTitle(page: Page): Locator {
  return page.getByTestId('topology.alb').locator('text.alb-title')
}

function tgPanel(page: Page, heading = 'Target group settings'): Locator {
  return page.getByRole('region', { name: heading, exact: true })
}

async function setSourceIp(page: Page, client: string, ip: string): Promise<void> {
  const card = page.getByRole('group', { name: `Client ${client}` })
  await card.getByRole('textbox', { name: 'Source IP', exact: true }).fill(ip)
  await card.getByRole('button', { name: 'Set source IP' }).click()
}

/** The instance whose "served" count equals `n` (the first one, in id order). */
async function instanceServing(page: Page, n: number): Promise<string> {
  const instances = new InstancesPanel(page)
  let found: string | null = null
  // The panel follows the lab on the next animation frame: look again until it has.
  await expect
    .poll(async () => {
      for (const id of ['i-1', 'i-2', 'i-3'])
        if ((await instances.served(id).textContent())?.trim() === String(n)) return (found = id)
      return null
    }, { message: `an instance served ${n}` })
    .not.toBeNull()
  return found!
}

// Each test checks several states with axe, which takes seconds on this page: allow for it.
test.describe.configure({ timeout: 60_000 })

test('the type switch redraws the picture with each type’s vocabulary and adapts the panels', async ({ lab: page }) => {
  const lab = new Lab(page)
  const cookies = new CookiesPanel(page)
  await lab.pause()
  // The type chooser, the target group and the clients are in the dock's Setup tab.
  await showTab(page, 'Setup')
  await expect(typeRadio(page, 'Application (ALB)')).toBeChecked()
  await expect(albTitle(page)).toHaveText(['Application', 'Load Balancer'])

  await chooseType(page, 'Network (NLB)')
  await expect(albTitle(page)).toHaveText(['Network', 'Load Balancer'])
  await expect(lab.albListener).toHaveText('listener TCP :80')
  await expect(lab.targetGroupBox('web')).toContainText('stickiness off · flows hashed')
  await expect(tgPanel(page).getByRole('radio', { name: 'Source IP (source_ip)' })).toBeVisible()
  await expect(tgPanel(page).getByRole('radio', { name: 'Duration-based (lb_cookie)' })).toHaveCount(0)
  await cookies.show()
  await expect(cookies.root.getByTestId('cookies-none')).toContainText('uses no cookies')
  await showTab(page, 'Setup')
  await expect(page.getByRole('group', { name: 'Client alice' }).getByRole('button', { name: 'New connection' })).toBeVisible()
  await expect(page.getByTestId('alb-decision')).toContainText('NLB decision')
  await expectNoAxeViolations(page)

  await chooseType(page, 'Classic (CLB)')
  await expect(albTitle(page)).toHaveText(['Classic', 'Load Balancer'])
  await expect(lab.albRule).toHaveText('no stickiness policy')
  await expect(tgPanel(page, 'Stickiness policies').getByRole('radio', { name: 'Duration-based (LBCookieStickinessPolicy)' })).toBeVisible()
  await cookies.show()
  await expect(cookies.root.getByTestId('cookies-none')).toHaveCount(0)
  await expect(cookies.root).toBeVisible()
  await showTab(page, 'Setup')
  await expect(page.getByRole('group', { name: 'Client alice' }).getByRole('button', { name: 'New connection' })).toHaveCount(0)
  await expect(page.getByTestId('listener-summary')).toContainText('Stickiness is a policy on this listener')

  await chooseType(page, 'Gateway (GWLB)')
  await expect(albTitle(page)).toHaveText(['Gateway', 'Load Balancer'])
  await expect(lab.targetGroupBox('appliances')).toContainText('5-tuple flows')
  await expect(tgPanel(page).getByRole('radio', { name: '2-tuple (source_ip_dest_ip)' })).toBeVisible()
  await cookies.show()
  await expect(cookies.root.getByTestId('cookies-none')).toContainText('5-tuple')
  await showTab(page, 'Setup')
  await expectNoAxeViolations(page)

  // Every control a lesson may highlight under another type is on the page in that type.
  const named = (name: string) => KNOWN_CONTROLS.find((c) => c.name === name)!
  await expect(page.getByRole(named('2-tuple (source_ip_dest_ip)').role, { name: '2-tuple (source_ip_dest_ip)', exact: true })).toHaveCount(1)
  await chooseType(page, 'Classic (CLB)')
  await tgPanel(page, 'Stickiness policies').getByRole('radio', { name: 'Duration-based (LBCookieStickinessPolicy)' }).check()
  for (const c of KNOWN_CONTROLS.filter((k) => k.when?.startsWith('the load balancer type is Classic')))
    expect(await page.getByRole(c.role, { name: c.name, exact: true }).count(), c.name).toBeGreaterThan(0)

  await chooseType(page, 'Application (ALB)')
  await expect(albTitle(page)).toHaveText(['Application', 'Load Balancer'])
  // The picture's group: its name, and under it how it sticks.
  await expect(lab.targetGroupTitle('web')).toHaveText('Target group web')
  await expect(lab.targetGroupBox('web').locator('text.tg-subtitle')).toHaveText('stickiness off')
})

test('NLB: three clients behind one NAT share a target with source_ip, and move together after it stops', async ({
  lab: page,
}) => {
  const lab = new Lab(page)
  const clients = new ClientsPanel(page)
  const instances = new InstancesPanel(page)
  await lab.pause()
  await clients.show()
  await chooseType(page, 'Network (NLB)')
  await clients.add('bob')
  await clients.add('carol')
  // A bad address is refused beside the field, and nothing changes.
  await setSourceIp(page, 'alice', '203.0.113.300')
  await expect(clients.client('alice').root.getByRole('alert')).toContainText('is not an IPv4 address')
  for (const id of ['alice', 'bob', 'carol']) await setSourceIp(page, id, NAT)
  await expect(clients.root.getByRole('list', { name: 'Clients behind one NAT' })).toContainText(
    `Behind one NAT (${NAT}): alice, bob, carol`,
  )
  await expect(lab.card('i-1')).toBeVisible()
  await expect(stageBrowser(page, 'bob')).toContainText(`NAT ${NAT}`)

  const tg = tgPanel(page)
  await tg.getByRole('radio', { name: 'Source IP (source_ip)' }).check()
  await tg.getByRole('button', { name: 'Apply' }).click()
  await expect(tg.getByTestId('cli-command')).toContainText('aws elbv2 modify-target-group-attributes')
  await expect(tg.getByTestId('cli-command')).toContainText('Key=stickiness.enabled,Value=true')
  await expect(lab.targetGroupBox('web')).toContainText('source_ip stickiness')

  for (const id of ['alice', 'bob', 'carol']) {
    await clients.client(id).send.click()
    await afterResponse(page)
  }
  const first = await instanceServing(page, 3)
  await expect(page.getByTestId('latest-decision')).toContainText('sticky table binds 203.0.113.10 (shared by alice, bob, carol')
  // The inspector shows the flow of an NLB request.
  await showTab(page, 'Requests')
  await page.getByRole('button', { name: 'Inspect request #3', exact: true }).click()
  await expect(page.getByTestId('detail-flow')).toContainText(`TCP ${NAT}:`)
  await shootPanel(page, page.locator('.slot-topology'), 'nlb-picture')
  await shootPanel(page, clients.root, 'nlb-clients')
  await expectNoAxeViolations(page)

  await instances.show()
  await instances.button(first, 'Stop instance').click()
  // EC2 reports the stop at once: the target is unused (Target.InvalidState), no health check has to fail.
  await expect(instances.health(first)).toContainText('unused — Target.InvalidState')
  for (const id of ['alice', 'bob', 'carol']) {
    await clients.client(id).send.click()
    await afterResponse(page)
  }
  // The whole NAT group moved together to one other instance; nothing more reached the stopped one.
  const total = async () => (await Promise.all(['i-1', 'i-2', 'i-3'].map(async (id) => Number(await instances.served(id).textContent())))).reduce((a, b) => a + b)
  await expect.poll(total).toBe(6)
  const counts = await Promise.all(['i-1', 'i-2', 'i-3'].map(async (id) => [id, Number(await instances.served(id).textContent())] as const))
  expect(counts.filter(([id, n]) => id !== first && n === 3)).toHaveLength(1)
  expect(counts.find(([id]) => id === first)![1]).toBe(3)
  // The first request after the health change found the sticky table reset.
  await showTab(page, 'Requests')
  await page.getByRole('button', { name: 'Inspect request #4', exact: true }).click()
  await expect(page.getByTestId('detail-decision')).toHaveText('source-ip-sticky-reset')
  await expect(page.getByTestId('detail-explanation')).toContainText('sticky table was reset')
})

test('CLB: a duration policy sets AWSELB that the next response does not refresh; a bad policy name is refused', async ({
  lab: page,
}) => {
  const lab = new Lab(page)
  const cookies = new CookiesPanel(page)
  const alice = new ClientsPanel(page).client('alice')
  await lab.pause()
  await showTab(page, 'Setup')
  await chooseType(page, 'Classic (CLB)')
  const panel = tgPanel(page, 'Stickiness policies')
  await panel.getByRole('radio', { name: 'Duration-based (LBCookieStickinessPolicy)' }).check()
  const name = panel.getByRole('textbox', { name: 'Policy name' })
  await name.fill('my_policy')
  await panel.getByRole('spinbutton', { name: 'Cookie expiration period (seconds)' }).fill('60')
  await panel.getByRole('button', { name: 'Apply' }).click()
  await expect(panel.getByRole('alert')).toHaveText(
    'ValidationError: Policy name cannot contain characters that are not letters, or digits or the dash.',
  )
  await expect(name).toHaveAttribute('aria-invalid', 'true')
  await expect(panel.getByTestId('clb-listener-policies')).toHaveText('none')

  await name.fill('my-policy')
  await panel.getByRole('button', { name: 'Apply' }).click()
  await expect(panel.getByTestId('clb-listener-policies')).toHaveText('my-policy')
  await expect(panel.getByTestId('cli-command')).toContainText('aws elb create-lb-cookie-stickiness-policy')
  await expect(panel.getByTestId('cli-command')).toContainText('--cookie-expiration-period 60')
  await expect(panel.getByTestId('cli-command')).toContainText('aws elb set-load-balancer-policies-of-listener')
  await expect(lab.albRule).toHaveText('policy my-policy')

  await alice.send.click()
  await afterResponse(page)
  await cookies.show()
  await expect(cookies.row('AWSELB')).toBeVisible()
  const expires = await cookies.cell('AWSELB', 'Expires').textContent()
  await lab.advance(20)
  await alice.send.click()
  await afterResponse(page)
  await showTab(page, 'Setup')
  await expect(alice.root).toContainText('· sticky')
  await cookies.show()
  await expect(cookies.cell('AWSELB', 'Expires')).toHaveText(expires!)
  await expectNoAxeViolations(page)

  // The application-controlled policy follows the app's cookie; "Off" removes the listener's policies.
  await showTab(page, 'Setup')
  await panel.getByRole('radio', { name: 'Application-controlled (AppCookieStickinessPolicy)' }).check()
  await name.fill('my-app-cookie-policy')
  await panel.getByRole('textbox', { name: 'Cookie name' }).fill('SESSIONID')
  await panel.getByRole('button', { name: 'Apply' }).click()
  await expect(panel.getByTestId('clb-listener-policies')).toHaveText('my-app-cookie-policy')
  await expect(panel.getByTestId('cli-command')).toContainText('aws elb create-app-cookie-stickiness-policy')
  await expect(lab.targetGroupBox('instances')).toContainText('AWSELB follows SESSIONID')
  await panel.getByRole('radio', { name: 'Off' }).check()
  await panel.getByRole('button', { name: 'Apply' }).click()
  await expect(panel.getByTestId('clb-listener-policies')).toHaveText('none')
  await expect(panel.getByTestId('cli-command')).toContainText("--policy-names '[]'")
})

test('GWLB: flows to appliances by 5-tuple, then by 2-tuple after changing the stickiness type', async ({ lab: page }) => {
  const lab = new Lab(page)
  const alice = new ClientsPanel(page).client('alice')
  const instances = new InstancesPanel(page)
  const served = async () => Promise.all(['i-1', 'i-2', 'i-3'].map(async (id) => Number(await instances.served(id).textContent())))
  await lab.pause()
  await showTab(page, 'Setup')
  await chooseType(page, 'Gateway (GWLB)')
  const tg = tgPanel(page)
  await expect(tg.getByRole('radio', { name: '5-tuple (stickiness off)' })).toBeChecked()
  await tg.getByRole('checkbox', { name: 'Cross-zone load balancing' }).check()
  await tg.getByRole('button', { name: 'Apply' }).click()
  await expect(tg.getByTestId('cli-command')).toContainText('aws elbv2 modify-load-balancer-attributes')
  const newConnection = alice.root.getByRole('button', { name: 'New connection' })
  // Each click's request is in the lab before its response is awaited: a paused clock would never bring back one
  // recorded after afterResponse looked (the 2-tuple count once read 3 of 4).
  const sent = () => page.evaluate(() => window.stickylab.current.lab().history().length)
  const connect = async () => {
    const before = await sent()
    await newConnection.click()
    await expect.poll(sent).toBe(before + 1)
    await afterResponse(page)
  }
  for (let i = 0; i < 6; i++) await connect()
  // Six new connections, each a new 5-tuple (new source port): hashed over more than one appliance.
  await expect.poll(async () => (await served()).filter((n) => n > 0).length).toBeGreaterThan(1)
  await expect.poll(async () => (await served()).reduce((a, b) => a + b)).toBe(6)
  await showTab(page, 'Requests')
  await page.getByRole('button', { name: 'Inspect request #1', exact: true }).click()
  await expect(page.getByTestId('detail-flow')).toHaveText(/^TCP 198\.51\.100\.\d+:\d+ → 192\.0\.2\.80:443$/)
  await showTab(page, 'Setup')

  await tg.getByRole('radio', { name: '2-tuple (source_ip_dest_ip)' }).check()
  await tg.getByRole('button', { name: 'Apply' }).click()
  await expect(tg.getByTestId('cli-command')).toContainText('Key=stickiness.type,Value=source_ip_dest_ip')
  await expect(lab.targetGroupBox('appliances')).toContainText('2-tuple flows')
  await expect(page.getByTestId('open-flows')).toContainText('sticks by 2-tuple')
  const before = await served()
  for (let i = 0; i < 4; i++) await connect()
  // Same source and destination address: every new flow reaches the same appliance. Polled: the counts follow the
  // last arrival in the next animation frame, and a read at once saw 3 of the 4.
  await expect.poll(async () => (await served()).map((n, i) => n - before[i]!).sort()).toEqual([0, 0, 4])
  await expectNoAxeViolations(page)
})

test('Compare ALB and NLB side by side; seed 002’s table reproduces its NLB row in the lab', async ({ lab: page }) => {
  const panel = page.getByRole('region', { name: 'Compare load balancers' })
  // The comparison is in the dock's Learn tab; the type chooser in Setup, the jar in Cookies.
  const learn = () => showTab(page, 'Learn')
  const typeIs = async (label: string) => {
    await showTab(page, 'Setup')
    await expect(typeRadio(page, label)).toBeChecked()
  }
  await learn()
  await panel.getByRole('button', { name: 'Compare ALB and NLB' }).click()
  const alb = panel.getByTestId('comparison-application')
  const nlb = panel.getByTestId('comparison-network')
  await expect(alb).toContainText('each has its own cookie')
  await expect(nlb).toContainText('shared one source IP, so they used 1 instance')
  await expect(nlb).toContainText('sticky table reset')
  await expectNoAxeViolations(page)
  await shootPanel(page, panel, 'compare-alb-nlb')

  const cookies = new CookiesPanel(page)
  await learn()
  await panel.getByRole('button', { name: 'Reproduce ALB: Cookie-based' }).click()
  await expect(panel.getByRole('status')).toContainText('claim 002-2')
  await typeIs('Application (ALB)')
  await cookies.show()
  await expect(cookies.row('AWSALB')).toBeVisible()
  await learn()
  await panel.getByRole('button', { name: 'Reproduce CLB: Cookie-based' }).click()
  await typeIs('Classic (CLB)')
  await cookies.show()
  await expect(cookies.row('AWSELB')).toBeVisible()
  await learn()
  await panel.getByRole('button', { name: 'Reproduce NLB: Source IP stickiness' }).click()
  await expect(panel.getByRole('status')).toContainText('claim 002-3')
  await expect(panel).toContainText('Correction (002-8)')
  await typeIs('Network (NLB)')
  await cookies.show()
  await expect(cookies.root.getByTestId('cookies-none')).toBeVisible()
})

test('NLB: a TLS target group refuses stickiness with AWS’s message; GWLB target failover sets both attributes', async ({
  lab: page,
}) => {
  await new Lab(page).pause()
  await showTab(page, 'Setup')
  await chooseType(page, 'Network (NLB)')
  const tg = tgPanel(page)
  const create = tg.getByRole('form', { name: 'New target group' })
  await expect(create.getByRole('combobox', { name: 'Protocol' })).toHaveValue('TLS')
  await create.getByRole('button', { name: 'Create target group' }).click()
  await expect(create.getByRole('status')).toHaveText('Created target group tls-web (TLS), with no targets.')
  await expect(tg.getByRole('combobox', { name: 'Target group' })).toHaveValue('tls-web')
  await tg.getByRole('radio', { name: 'Source IP (source_ip)' }).check()
  await tg.getByRole('button', { name: 'Apply' }).click()
  await expect(tg.getByRole('radiogroup', { name: 'Stickiness' }).getByRole('alert')).toHaveText(
    'InvalidConfigurationRequest: You cannot enable stickiness on target groups with the TLS protocol',
  )
  // A second group with the same name is refused beside the form.
  await create.getByRole('button', { name: 'Create target group' }).click()
  await expect(create.getByRole('alert')).toBeVisible()
  await tg.getByRole('spinbutton', { name: 'Deregistration delay (seconds)' }).fill('4000')
  await tg.getByRole('radio', { name: 'Off (each flow hashed)' }).check()
  await tg.getByRole('button', { name: 'Apply' }).click()
  await expect(tg.getByRole('alert').first()).toContainText('deregistration_delay.timeout_seconds')
  await expectNoAxeViolations(page)

  await chooseType(page, 'Gateway (GWLB)')
  const gw = tgPanel(page)
  await gw.getByRole('combobox', { name: 'Target failover' }).selectOption('rebalance')
  await gw.getByRole('button', { name: 'Apply' }).click()
  await expect(gw.getByTestId('cli-command')).toContainText('Key=target_failover.on_deregistration,Value=rebalance')
  await expect(gw.getByTestId('cli-command')).toContainText('Key=target_failover.on_unhealthy,Value=rebalance')
})

test('a lesson can be completed: Classic ELB’s AWSELB', async ({ page }) => {
  test.setTimeout(60_000)
  await gotoLab(page, '/?lesson=clb-awselb&step=1')
  const lessons = page.locator('section.lesson-panel')
  const predict = async (label: string) => {
    await lessons.getByRole('radio', { name: label, exact: true }).check()
    await lessons.getByRole('button', { name: 'Lock in my prediction' }).click()
  }
  await showTab(page, 'Setup')
  await expect(typeRadio(page, 'Classic (CLB)')).toBeChecked()
  await showTab(page, 'Learn')
  await predict('AWSELB')
  await lessons.getByRole('button', { name: 'Show me' }).click()
  await expect(lessons.getByTestId('lesson-feedback')).toContainText('Your prediction was right.')
  await lessons.getByRole('button', { name: 'Next step' }).click()
  await predict('About 20 s: its expiry did not move')
  await lessons.getByRole('button', { name: 'Show me' }).click()
  await expect(lessons.getByTestId('lesson-feedback')).toContainText('Your prediction was right.')
  await lessons.getByRole('button', { name: 'Next step' }).click()
  await predict('No, the browser has dropped it')
  await lessons.getByRole('button', { name: 'Show me' }).click()
  await expect(lessons.getByTestId('lesson-feedback')).toContainText('Your prediction was right.')
  await expectNoAxeViolations(page)
  await lessons.getByRole('button', { name: 'Finish lesson' }).click()
  await expect(lessons.getByRole('heading', { level: 3, name: 'Lesson complete' })).toBeVisible()
})
