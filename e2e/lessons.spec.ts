// Guided lessons in real Chromium: whole lessons played with the lab's real controls (predictions
// included, the feedback quoting them), "Show me" where the lab has no control, deep links, saved
// progress, highlighted controls, axe after each phase, and screenshots of the lesson panel.
import { expect, expectNoAxeViolations, gotoLab, test } from './fixtures'
import { ClientsPanel } from './pages/ClientsPanel'
import { afterResponse } from './pages/labDriver'
import { CookiesPanel } from './pages/CookiesPanel'
import { InstancesPanel } from './pages/InstancesPanel'
import { ListenerPanel } from './pages/ListenerPanel'
import { showTab } from './pages/phoneTabs'
import { shootPanel } from './pages/screens'
import { TargetGroupPanel } from './pages/TargetGroupPanel'
import type { Locator, Page } from '@playwright/test'
import { KNOWN_CONTROLS } from '../src/lessons/controls'
import { LESSON_SOURCES } from '../src/lessons/catalog'

/** How many lessons the catalog ships (the progress line counts them all). */
const LESSON_COUNT = LESSON_SOURCES.length

/** The lesson panel and its controls, found by role and name. */
class Lessons {
  readonly root: Locator
  readonly feedback: Locator
  constructor(readonly page: Page) {
    this.root = page.locator('section.lesson-panel')
    this.feedback = this.root.getByTestId('lesson-feedback')
  }
  /**
   * Opens the Learn tab that holds the lessons (beside the stage, or on a phone). Every action below does it
   * first, as a learner goes back to the lesson after using a panel in another tab.
   */
  async show(): Promise<this> {
    await showTab(this.page, 'Learn')
    return this
  }
  async open(title: string): Promise<void> {
    await this.show()
    await this.root.getByRole('button', { name: title, exact: true }).click()
    await expect(this.root.getByRole('heading', { level: 2, name: title })).toBeVisible()
  }
  stepHeading(title: string): Locator {
    return this.root.getByRole('heading', { level: 3, name: title })
  }
  async predict(label: string): Promise<void> {
    await this.show()
    await this.root.getByRole('radio', { name: label, exact: true }).check()
    await this.root.getByRole('button', { name: 'Lock in my prediction' }).click()
    await expect(this.root.getByText(`Your prediction: ${label}`)).toBeVisible()
  }
  async expectDone(): Promise<void> {
    await this.show()
    await expect(this.feedback).toContainText('Step done.')
  }
  async next(): Promise<void> {
    await this.show()
    await this.root.getByRole('button', { name: /^(Next step|Finish lesson)$/ }).click()
  }
  async showMe(): Promise<void> {
    await this.show()
    await this.root.getByRole('button', { name: 'Show me' }).click()
  }
}

/** Jumps the clock 30 s at a time (the real button) until the instance shows the health state. */
async function jumpUntilHealth(
  page: Page,
  id: string,
  state: 'healthy' | 'unhealthy',
): Promise<void> {
  const health = (await new InstancesPanel(page).show()).health(id)
  const jump = page.getByRole('button', { name: 'Jump ahead' })
  for (
    let i = 0;
    i < 8 &&
    !(await health.textContent())?.includes(state === 'healthy' ? '✓ healthy' : 'unhealthy');
    i++
  ) {
    // The +30 s button is behind the clock's Jump ahead disclosure, which closes after each jump.
    if ((await jump.getAttribute('aria-expanded')) !== 'true') await jump.click()
    await page.getByRole('button', { name: 'Advance the clock 30 seconds', exact: true }).click()
  }
  await expect(health).toContainText(state)
}

test('why-stickiness: a whole lesson with real buttons; the feedback quotes each prediction; progress is saved', async ({
  lab: page,
}) => {
  // A whole lesson with an accessibility scan after every phase takes longer than one interaction test.
  test.setTimeout(90_000)
  const lessons = new Lessons(page)
  const clients = new ClientsPanel(page)
  const alice = clients.client('alice')
  await lessons.show()
  await expect(lessons.root.getByRole('heading', { name: 'Lessons' })).toBeVisible()
  await expect(lessons.root.getByText(`0 of ${LESSON_COUNT} lessons complete.`)).toBeVisible()
  await expectNoAxeViolations(page)

  await test.step('step 1: add to cart (the button is highlighted)', async () => {
    await lessons.open('Why HTTP needs stickiness: the vanishing cart')
    await expect(page).toHaveURL(/\?lesson=why-stickiness&step=1$/)
    await expect(alice.addToCart).toHaveClass(/lesson-highlight/)
    await expect(lessons.root.getByRole('button', { name: 'Show me' })).toBeEnabled()
    await expectNoAxeViolations(page)
    await alice.addToCart.click()
    await afterResponse(page)
    await lessons.expectDone()
    await lessons.next()
  })

  await test.step('step 2: predict the cart, then add to it', async () => {
    await expect(lessons.stepHeading('Add a second item')).toBeFocused()
    await expect(page).toHaveURL(/step=2$/)
    await expect(lessons.root.getByRole('button', { name: 'Show me' })).toBeDisabled()
    await lessons.predict('2 items')
    await alice.addToCart.click()
    await afterResponse(page)
    await expect(lessons.feedback).toContainText('Not this time.')
    await expect(lessons.feedback).toContainText(
      'You predicted “2 items”. The cart holds 1 item. Why: Stickiness is off, so round robin picked i-2.',
    )
    await clients.show()
    await expect(alice.cart).toHaveText('Cart: 1 item')
    await expectNoAxeViolations(page)
    await lessons.next()
  })

  await test.step('step 3: predict whether she keeps an instance, send three requests', async () => {
    await lessons.predict('No, each request is routed on its own')
    for (let i = 0; i < 3; i++) {
      await alice.send.click()
      await afterResponse(page)
    }
    await expect(lessons.feedback).toContainText('Your prediction was right.')
    await expect(lessons.feedback).toContainText(
      'You predicted “No, each request is routed on its own”. They reached different instances: round robin takes turns.',
    )
    // The seed correction appears once the step is done.
    await expect(
      lessons.root.getByRole('complementary', { name: 'Correction of seed article 004' }),
    ).toContainText('There is no “least connections”')
    await lessons.next()
  })

  await test.step('finished: takeaways, then the catalog shows it complete, also after a reload', async () => {
    await expect(lessons.stepHeading('Lesson complete')).toBeVisible()
    await expect(
      lessons.root.getByRole('button', {
        name: 'Next lesson: Duration-based stickiness: the AWSALB demo',
      }),
    ).toBeVisible()
    await expectNoAxeViolations(page)
    await lessons.root.getByRole('button', { name: 'All lessons' }).click()
    await expect(page).toHaveURL(/\/$/)
    await expect(lessons.root.getByText(`1 of ${LESSON_COUNT} lessons complete.`)).toBeVisible()
    await page.reload()
    await lessons.show()
    await expect(lessons.root.getByText(`1 of ${LESSON_COUNT} lessons complete.`)).toBeVisible()
    await expect(lessons.root.getByText('Complete.', { exact: true })).toBeVisible()
  })
})

test('cookie-demo: the seeds’ demo with the Stickiness radios, Apply, Send request and Delete AWSALB', async ({
  lab: page,
}) => {
  test.setTimeout(90_000)
  const lessons = new Lessons(page)
  const alice = new ClientsPanel(page).client('alice')
  const cookies = new CookiesPanel(page)
  const tg = new TargetGroupPanel(page)
  await lessons.open('Duration-based stickiness: the AWSALB demo')

  await test.step('no cookie, then stickiness on', async () => {
    await alice.send.click()
    await afterResponse(page)
    await lessons.expectDone()
    await cookies.show()
    await expect(cookies.table).toBeVisible()
    await expect(cookies.row('AWSALB')).toHaveCount(0)
    await lessons.next()
    // The step points at the Stickiness radios on the stage; the panel's full form works too.
    await expect(
      page.getByTestId('stage').getByRole('radiogroup', { name: 'Stickiness' }),
    ).toHaveClass(/lesson-highlight/)
    await tg.show()
    await tg.stickiness.getByRole('radio', { name: 'Duration-based (lb_cookie)' }).check()
    await tg.apply.click()
    await lessons.expectDone()
    await expectNoAxeViolations(page)
    await lessons.next()
  })

  await test.step('AWSALB appears; refreshes hold', async () => {
    await lessons.predict('Yes, it stays on the instance that served her last')
    await alice.send.click()
    await afterResponse(page)
    await expect(lessons.feedback).toContainText(
      'You predicted “Yes, it stays on the instance that served her last”. The request was not sticky',
    )
    await cookies.show()
    await expect(cookies.row('AWSALB')).toBeVisible()
    await expect(cookies.row('AWSALBCORS')).toBeVisible()
    await lessons.next()
    for (let i = 0; i < 3; i++) {
      await alice.send.click()
      await afterResponse(page)
    }
    await lessons.expectDone()
    await lessons.next()
  })

  await test.step('delete the cookie: a new instance and a new cookie', async () => {
    await lessons.predict('No: without a cookie the algorithm chooses again')
    // The step points at the AWSALB chip on alice's browser; the Cookies panel's Delete works too.
    await expect(
      page
        .getByRole('group', { name: 'alice browser' })
        .getByRole('button', { name: 'AWSALB cookie' }),
    ).toHaveClass(/lesson-highlight/)
    await cookies.show()
    await cookies.deleteButton('AWSALB').click()
    await cookies.deleteButton('AWSALBCORS').click()
    await alice.send.click()
    await afterResponse(page)
    await expect(cookies.row('AWSALB')).toBeVisible()
    await lessons.show()
    await expect(lessons.feedback).toContainText(
      'You predicted “No: without a cookie the algorithm chooses again”. The request was not sticky',
    )
    await lessons.next()
    await lessons.predict('No, they stay on one instance')
    await alice.send.click()
    await afterResponse(page)
    await alice.send.click()
    await afterResponse(page)
    await expect(lessons.feedback).toContainText('Your prediction was right.')
    await lessons.next()
  })

  await test.step('stickiness off: requests spread although AWSALB is still sent', async () => {
    await tg.show()
    await tg.stickiness.getByRole('radio', { name: 'Off' }).check()
    await tg.apply.click()
    await lessons.expectDone()
    await lessons.next()
    await lessons.predict('No, they spread again')
    for (let i = 0; i < 3; i++) {
      await alice.send.click()
      await afterResponse(page)
    }
    await expect(lessons.feedback).toContainText('The requests spread')
    await lessons.next()
    await expect(lessons.stepHeading('Lesson complete')).toBeVisible()
    await expectNoAxeViolations(page)
  })
})

test('instance-failure: failing health checks, the lost cart, no way back, and a stop that EC2 reports at once', async ({
  lab: page,
}) => {
  test.setTimeout(90_000)
  const lessons = new Lessons(page)
  const clients = new ClientsPanel(page)
  const alice = clients.client('alice')
  const instances = new InstancesPanel(page)
  await lessons.open('When the sticky instance fails')
  // The lesson's set-up requests may still be on their way: let them come back.
  await afterResponse(page)
  await clients.show()
  await expect(alice.cart).toHaveText('Cart: 2 items')
  await expect(instances.carts('i-1')).toHaveText('1')

  // The step points at i-1's actions menu on the stage; the Instances panel's button works too.
  await expect(page.getByRole('button', { name: 'i-1 actions', exact: true })).toHaveClass(
    /lesson-highlight/,
  )
  await expect(page.getByRole('button', { name: 'i-2 actions', exact: true })).not.toHaveClass(
    /lesson-highlight/,
  )
  await instances.show()
  await instances.button('i-1', 'Fail health checks').click()
  await lessons.expectDone()
  await lessons.next()

  // Nothing has noticed yet: the binding still wins.
  await lessons.predict('Yes: i-1 is still marked healthy')
  await alice.send.click()
  await afterResponse(page)
  await expect(lessons.feedback).toContainText('Your prediction was right.')
  await expectNoAxeViolations(page)
  await lessons.next()

  await jumpUntilHealth(page, 'i-1', 'unhealthy')
  await lessons.expectDone()
  await lessons.next()

  await lessons.predict('No, the cart is lost')
  await alice.addToCart.click()
  await afterResponse(page)
  await expect(lessons.feedback).toContainText('Your prediction was right.')
  await expect(lessons.feedback).toContainText('The cart was lost: i-2 did not know the session')
  await clients.show()
  await expect(alice.cartLost).toBeVisible()
  await lessons.next()

  await instances.show()
  await instances.button('i-1', 'Pass health checks').click()
  await jumpUntilHealth(page, 'i-1', 'healthy')
  await lessons.expectDone()
  await lessons.next()

  await lessons.predict('Yes, back to her original instance')
  await alice.send.click()
  await afterResponse(page)
  await expect(lessons.feedback).toContainText(
    'You predicted “Yes, back to her original instance”.',
  )
  await expect(lessons.feedback).toContainText('She stayed on her new instance.')
  await lessons.next()

  // An EC2 stop: unused at once, so alice moves with no 502.
  await lessons.predict('502 Bad Gateway until health checks notice')
  await instances.show()
  await instances.button('i-2', 'Stop instance').click()
  await expect(instances.health('i-2')).toContainText('unused — Target.InvalidState')
  await alice.send.click()
  await afterResponse(page)
  await expect(lessons.feedback).toContainText('The response was 200 OK.')
  await lessons.expectDone()
  await lessons.next()
  await expect(lessons.stepHeading('Lesson complete')).toBeVisible()
  await expectNoAxeViolations(page)
})

test('websockets: “Show me” performs steps the lab has no buttons for', async ({ lab: page }) => {
  const lessons = new Lessons(page)
  await lessons.open('WebSockets: sticky by connection')
  await lessons.showMe()
  await lessons.expectDone()
  expect(
    await page.evaluate(() =>
      window.stickylab.current
        .lab()
        .webSockets()
        .map((w) => w.targetId),
    ),
  ).toEqual(['i-1'])
  await lessons.next()
  await lessons.predict('No: the algorithm routes it on its own')
  await lessons.showMe()
  await expect(lessons.feedback).toContainText(
    'You predicted “No: the algorithm routes it on its own”. The request was not sticky',
  )
  await lessons.next()
  await lessons.predict('Yes: the upgrade is routed afresh, like any new request')
  await lessons.showMe()
  await lessons.expectDone()
  await lessons.next()
  await expect(lessons.stepHeading('Lesson complete')).toBeVisible()
})

test('a deep link opens a lesson at a step, with the lab as the earlier steps left it', async ({
  page,
}) => {
  await gotoLab(page, '/?lesson=cookie-demo&step=4')
  const lessons = new Lessons(page)
  await expect(lessons.stepHeading('Refreshes hold')).toBeVisible()
  await expect(
    lessons.root.getByRole('button', { name: 'Step 4: Refreshes hold' }),
  ).toHaveAttribute('aria-current', 'step')
  const state = await page.evaluate(() => {
    const lab = window.stickylab.current.lab()
    return {
      sticky: lab.targetGroups()[0]!.attributes['stickiness.enabled'],
      requests: lab.history().length,
    }
  })
  expect(state).toEqual({ sticky: 'true', requests: 2 })
  // Focus is not stolen on a page load.
  await expect(lessons.stepHeading('Refreshes hold')).not.toBeFocused()
  await lessons.root
    .getByRole('button', { name: 'Step 2: Turn on duration-based stickiness' })
    .click()
  await expect(page).toHaveURL(/lesson=cookie-demo&step=2$/)
})

test('an invalid deep link shows a readable message and the lab keeps working', async ({
  page,
}) => {
  await gotoLab(page, '/?lesson=cookie-demo&step=12')
  const lessons = new Lessons(page)
  await expect(lessons.root.getByRole('alert')).toHaveText(
    /“Duration-based stickiness: the AWSALB demo” has 8 steps, so there is no step 12\./,
  )
  await expectNoAxeViolations(page)
  await new ClientsPanel(page).client('alice').send.click()
  await afterResponse(page)
  await expect(page.getByTestId('latest-decision')).toContainText('round robin picked i-1')
  await lessons.root.getByRole('button', { name: 'Dismiss' }).click()
  await expect(lessons.root.getByRole('alert')).toHaveCount(0)

  await gotoLab(page, '/?lesson=no-such-lesson')
  await expect(lessons.root.getByRole('alert')).toHaveText(
    /There is no lesson called “no-such-lesson”\./,
  )
})

test('corrupted saved progress is ignored with a warning, never a crash', async ({ page }) => {
  const warnings: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text())
  })
  await page.addInitScript(() =>
    window.localStorage.setItem('stickylab.progress.v1', '{"version":1,"lessons":"oops"'),
  )
  await gotoLab(page, '/')
  const lessons = await new Lessons(page).show()
  await expect(lessons.root.getByText(`0 of ${LESSON_COUNT} lessons complete.`)).toBeVisible()
  expect(warnings.some((w) => w.includes('stickylab.progress.v1 is not valid JSON'))).toBe(true)
})

test('a replaced lab pauses the step until the learner sets it up again', async ({ lab: page }) => {
  const lessons = new Lessons(page)
  await lessons.open('When the sticky instance fails')
  await page.getByRole('button', { name: 'Reset' }).click()
  await page.getByRole('button', { name: 'Yes, reset' }).click()
  await expect(lessons.root.getByRole('alert')).toContainText('The lab was reset or replaced')
  await expect(lessons.root.getByRole('button', { name: 'Show me' })).toBeDisabled()
  await lessons.root.getByRole('button', { name: 'Set up the lab for this step' }).click()
  await expect(lessons.root.getByRole('alert')).toHaveCount(0)
  await afterResponse(page)
  await expect((await new InstancesPanel(page).show()).carts('i-1')).toHaveText('1')
})

test('“Go to” buttons move keyboard focus to the step’s controls', async ({ page }) => {
  await gotoLab(page, '/?lesson=cookie-demo&step=2')
  const lessons = new Lessons(page)
  // The radios on the stage, which apply at once.
  await lessons.root.getByRole('button', { name: 'Go to Stickiness › Duration-based' }).click()
  await expect(
    page.getByTestId('stage').getByRole('radio', { name: /^Duration-based/ }),
  ).toBeFocused()
  await page.keyboard.press('Space')
  await lessons.expectDone()

  // A control only a panel has: the button opens the dock's tab that holds it.
  await gotoLab(page, '/?lesson=session-store&step=1')
  await lessons.root.getByRole('button', { name: 'Go to External store (ElastiCache)' }).click()
  await expect(page.getByRole('radio', { name: 'External store (ElastiCache)' })).toBeFocused()
  await expect(page.getByRole('tab', { name: 'Setup', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  )

  // A control behind the clock's closed Jump ahead disclosure: its button is marked, and "Go to" opens it.
  await gotoLab(page, '/?lesson=instance-failure&step=3')
  const jump = page.getByRole('button', { name: 'Jump ahead' })
  await expect(jump).toHaveClass(/lesson-highlight/)
  await expect(jump).toHaveAttribute('aria-expanded', 'false')
  await lessons.root.getByRole('button', { name: 'Go to Advance the clock 30 seconds' }).click()
  await expect(jump).toHaveAttribute('aria-expanded', 'true')
  await expect(
    page.getByRole('button', { name: 'Advance the clock 30 seconds', exact: true }),
  ).toBeFocused()
})

test('every control lessons may highlight exists on the page under its accessible name', async ({
  lab: page,
}) => {
  // Reach the states in which the conditional controls appear.
  await page.evaluate(() => {
    const s = window.stickylab.current
    s.send({ type: 'sim.pause' })
    s.send({
      type: 'lab.call',
      method: 'modifyTargetGroupAttributes',
      args: ['web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' }],
    } as never)
    s.send({ type: 'lab.call', method: 'request', args: ['alice'] } as never)
    // Until the response is back in the browser its cookies (and their Delete buttons) do not show.
    s.send({ type: 'sim.advance', seconds: 2 })
    s.send({ type: 'lab.call', method: 'stopInstance', args: ['i-3'] } as never)
    // So that both "Fail health checks" (i-1) and "Pass health checks" (i-2) are on the page.
    s.send({ type: 'lab.call', method: 'setHealthCheckFailing', args: ['i-2', true] } as never)
  })
  await (await new ClientsPanel(page).show()).client('alice').cors.check()
  await (await new ListenerPanel(page).show()).weighted.check()
  const tg = new TargetGroupPanel(page)
  const tabs = await page
    .getByRole('tablist', { name: 'Panels' })
    .getByRole('tab')
    .allTextContents()
  for (const c of KNOWN_CONTROLS) {
    // Controls of other load balancer types are checked in loadBalancerTypes.spec.ts.
    if (c.when?.startsWith('the load balancer type is')) continue
    if (c.name === 'App cookie name')
      await (
        await tg.show()
      ).stickiness
        .getByRole('radio', { name: 'Application-based (app_cookie)' })
        .check()
    // The clock's jumps are behind its Jump ahead disclosure (a click elsewhere closes it again).
    const jump = page.getByRole('button', { name: 'Jump ahead' })
    if (
      c.name.startsWith('Advance the clock') &&
      (await jump.getAttribute('aria-expanded')) !== 'true'
    )
      await jump.click()
    const found = page.getByRole(c.role, { name: c.name, exact: true })
    // Role locators see only the open tab (and the stage): the control must be in one of the dock's tabs.
    let count = await found.count()
    for (const tab of tabs) {
      if (count > 0) break
      await showTab(page, tab)
      count = await found.count()
    }
    expect(count, `${c.role} “${c.name}”`).toBeGreaterThan(0)
  }
})

test('screenshots of the lesson panel, light and dark, desktop and phone', async ({ page }) => {
  await gotoLab(page, '/?lesson=instance-failure&step=2')
  const lessons = new Lessons(page)
  await lessons.predict('Yes: i-1 is still marked healthy')
  await lessons.root.getByRole('button', { name: /^Hint/ }).click()
  await new ClientsPanel(page).client('alice').send.click()
  await afterResponse(page)
  await expect(lessons.feedback).toContainText('Your prediction was right.')
  await shootPanel(page, lessons.root, 'lesson-panel-step')
  await lessons.root.getByRole('button', { name: 'All lessons' }).click()
  await shootPanel(page, lessons.root, 'lesson-panel-catalog')
  await gotoLab(page, '/?lesson=cookie-demo&step=5')
  await shootPanel(page, lessons.root, 'lesson-panel-predict')
})
