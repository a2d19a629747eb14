// The picture on a phone is tall: clients on top, the load balancer, then the instances, all inside the screen's
// width (no sideways scroll), text at 12 px or more, client nodes at least 44 px. A request lights up the
// answering instance where the learner sees it; turning the phone re-lays the picture out and keeps the lab.
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { afterArrival, labCall, pause } from './pages/labDriver'

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

const picture = (page: Page) => page.getByTestId('topology')

/** Screenshots the picture's frame. The sticky tab bar would be painted over it; the page's CSP refuses the
 * <style> a screenshot's `style` option injects, so the bar is unstuck through the CSSOM instead. */
async function shoot(page: Page, name: string) {
  await page.locator('.phone-tabs').evaluate((el: HTMLElement) => (el.style.position = 'static'))
  await picture(page)
    .locator('..')
    .screenshot({ path: `reports/screens/${name}.png`, animations: 'disabled' })
  await page.locator('.phone-tabs').evaluate((el: HTMLElement) => (el.style.position = ''))
}

/** What the learner would measure on screen: sideways overflow, small text, text leaving a card, small client nodes. */
function measure(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>('svg.topology')!
    const figure = svg.closest('figure')!
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
    const problems: string[] = []
    for (const t of Array.from(svg.querySelectorAll<SVGTextElement>('text'))) {
      if (!t.textContent || t.closest('[display="none"]')) continue
      const px = parseFloat(getComputedStyle(t).fontSize) * scale
      if (px < 11.95) problems.push(`"${t.textContent}" is ${px.toFixed(1)} px`)
    }
    for (const card of Array.from(svg.querySelectorAll<SVGGElement>('g.target'))) {
      const w = Number(card.querySelector('rect.card')!.getAttribute('width'))
      for (const t of Array.from(card.querySelectorAll<SVGTextElement>(':scope > text')))
        if (t.x.baseVal[0]!.value + t.getComputedTextLength() > w)
          problems.push(`"${t.textContent}" leaves its card`)
    }
    for (const frame of Array.from(svg.querySelectorAll('rect.client-frame'))) {
      const box = frame.getBoundingClientRect()
      if (box.width < 44 || box.height < 44)
        problems.push(`a client node is ${box.width}×${box.height} px`)
    }
    return {
      tall: svg.querySelector('g.topo')!.classList.contains('tall'),
      pageOverflow: document.documentElement.scrollWidth - innerWidth,
      pictureOverflow: figure.scrollWidth - figure.clientWidth,
      problems,
    }
  })
}

/** Every instance card lies inside the screen's width, and once scrolled to (vertically), wholly on screen. */
async function expectCardsOnScreen(page: Page, ids: string[]) {
  const width = page.viewportSize()!.width
  for (const id of ids) {
    const card = page.getByTestId(`topology.target.${id}`)
    const box = (await card.boundingBox())!
    expect(box.x, `${id} left edge`).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width, `${id} right edge`).toBeLessThanOrEqual(width)
  }
  await page.getByTestId(`topology.target.${ids[0]}`).scrollIntoViewIfNeeded()
  for (const id of ids)
    await expect(page.getByTestId(`topology.target.${id}`)).toBeInViewport({ ratio: 1 })
}

test('at 390×844 the picture is tall and fits: every instance on screen, a request lights up the answering one', async ({
  lab: page,
}) => {
  await expect(picture(page)).toBeVisible()
  await expect
    .poll(() => measure(page))
    .toEqual({ tall: true, pageOverflow: 0, pictureOverflow: 0, problems: [] })
  await expectCardsOnScreen(page, ['i-1', 'i-2', 'i-3'])

  // The clock stands still, so the highlight (static under reduced motion) stays while we look.
  await pause(page)
  await page
    .getByTestId('stage')
    .getByRole('group', { name: 'alice browser' })
    .getByRole('button', { name: 'Send request' })
    .click()
  // The outcome shows when the request reaches its target.
  await afterArrival(page)
  const decision = page.getByTestId('alb-decision')
  await expect(decision).toContainText('#1 from alice')
  const answered = await page.evaluate(
    () => window.stickylab.current.lab().history().at(-1)!.targetId!,
  )
  await expect(decision).toContainText(answered)
  const card = page.getByTestId(`topology.target.${answered}`)
  await card.scrollIntoViewIfNeeded()
  await expect(card).toBeInViewport({ ratio: 1 })
  // Lit at arrival (the flash fades over 1.5 virtual s: a frame past arrival it is a hair under 1).
  await expect.poll(async () => Number(await card.locator('rect.flash').getAttribute('opacity'))).toBeGreaterThan(0.9)
  await expect(card.locator('text.card-served')).toHaveText('1 served')
  await expect(page.getByTestId('topology.client.alice')).toBeInViewport()
  // axe at 390 in light runs in phone.spec.ts (the Lab tab, which holds this picture); dark runs below.
  await shoot(page, 'phone-picture-light-390')
})

test('360 px, dark, text at 200%: still tall and legible; turning the phone re-lays it out and keeps the lab', async ({
  lab: page,
}) => {
  await page.setViewportSize({ width: 360, height: 780 })
  await page.getByRole('button', { name: 'Dark theme' }).click()
  await pause(page)
  await labCall(page, 'addClient', 'bob')
  await labCall(page, 'stopInstance', 'i-2')
  await labCall(page, 'request', 'alice', {})
  await labCall(page, 'request', 'bob', {})
  await expect(page.getByTestId('topology.target.i-2').locator('text.card-state')).toHaveText(
    '⏹ stopped',
  )
  await expect
    .poll(() => measure(page))
    .toEqual({ tall: true, pageOverflow: 0, pictureOverflow: 0, problems: [] })
  await expectCardsOnScreen(page, ['i-1', 'i-2', 'i-3'])
  await shoot(page, 'phone-picture-dark-360')

  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'))
  await expect
    .poll(() => measure(page))
    .toEqual({ tall: true, pageOverflow: 0, pictureOverflow: 0, problems: [] })
  await shoot(page, 'phone-picture-dark-360-text200')
  await expectNoAxeViolations(page)
  await page.evaluate(() => (document.documentElement.style.fontSize = ''))

  // Turned sideways (844×390) the phone's tabs go and the dock stands under the stage (ADR 0006): the picture spans the
  // width, so it takes the wide arrangement; so does a wide screen. The lab is the same throughout.
  const served = page.getByTestId('topology.target.i-2').locator('text.card-served')
  const before = await served.textContent()
  const viewBoxWidth = () =>
    page.evaluate(
      () => document.querySelector<SVGSVGElement>('svg.topology')!.viewBox.baseVal.width,
    )
  // The wide picture is laid out in CSS pixels and scaled up on a large stage, never down: its text stays ≥ 12 px.
  const drawnAtLeastOneToOne = () =>
    page.evaluate(() => {
      const svg = document.querySelector<SVGSVGElement>('svg.topology')!
      return svg.getBoundingClientRect().width / svg.viewBox.baseVal.width >= 0.999
    })
  await page.setViewportSize({ width: 844, height: 390 })
  await expect(page.getByRole('tablist', { name: 'Lab sections' })).toHaveCount(0)
  expect(
    await page.locator('figure.topology-figure').evaluate((f) => f.clientWidth),
  ).toBeGreaterThan(800)
  await expect(page.locator('svg.topology g.topo')).not.toHaveClass(/tall/)
  await expect.poll(drawnAtLeastOneToOne).toBe(true)
  await expect(served).toHaveText(before!)
  await page.setViewportSize({ width: 1280, height: 800 })
  await expect(page.locator('svg.topology g.topo')).not.toHaveClass(/tall/)
  await expect.poll(drawnAtLeastOneToOne).toBe(true)
  await expect(page.getByTestId('topology.target.i-2').locator('text.card-state')).toHaveText(
    '⏹ stopped',
  )
  await expect(served).toHaveText(before!)
  await page.setViewportSize({ width: 360, height: 780 })
  await expect(page.locator('svg.topology g.topo')).toHaveClass(/tall/)
  await expect.poll(viewBoxWidth).toBe(342)
  await expect(page.getByTestId('topology.target.i-2').locator('text.card-state')).toHaveText(
    '⏹ stopped',
  )
  await expect(served).toHaveText(before!)
  await expect(page.getByTestId('topology.client.bob')).toBeVisible()
})

test('every load balancer type keeps its words in the tall picture, with every instance on screen', async ({
  lab: page,
}) => {
  const title = page.getByTestId('topology.alb').locator('text.alb-title')
  const group = page.locator('svg.topology g.tg').first()
  await labCall(page, 'addClient', 'alice')
  for (const [type, name, listener, groupTitle, subtitle] of [
    ['network', 'Network', 'listener TCP :80', 'Target group web', 'stickiness off · flows hashed'],
    ['gateway', 'Gateway', 'listener GENEVE :6081', 'Target group appliances', '5-tuple flows'],
    ['classic', 'Classic', 'listener HTTP :80', 'Registered instances', 'no stickiness policy'],
  ] as const) {
    await labCall(page, 'setLoadBalancerType', type)
    // Tall: the title on one line.
    await expect(title).toHaveText([`${name} Load Balancer`, ''])
    await expect(page.getByTestId('topology.alb').locator('text.alb-listener')).toHaveText(listener)
    await expect(group.locator('text.tg-title')).toHaveText(groupTitle)
    await expect(group.locator('text.tg-subtitle')).toHaveText(subtitle)
    if (type !== 'classic')
      await expect(
        page.getByTestId('stage').getByRole('group', { name: 'alice browser' }),
      ).toContainText('198.51.100.10')
    await expect.poll(async () => (await measure(page)).problems, type).toEqual([])
    await expectCardsOnScreen(page, ['i-1', 'i-2', 'i-3'])
  }
  await expect(page.getByTestId('topology.target.i-1').locator('text.card-state')).toHaveText(
    /InService|Unknown/,
  )
})
