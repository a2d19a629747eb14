// Lessons on the stage (issue 15), played as a learner would with the clock running (it waits only while a step
// awaits a prediction, machines/lessonClock.ts): every step's prediction is locked in before anything is sent,
// "Show me" (or the stage's own controls) does the step, and the verdict and "Step done" appear only once the
// step's first request has reached its target on the stage. Every lesson at
// 1280×800, four at 390×844. The default suite plays a representative set; `npm run test:long`
// (STICKYLAB_LONG=1) plays every lesson.
import { expect, gotoLab, test } from './fixtures'
import { showTab } from './pages/phoneTabs'
import type { Locator, Page } from '@playwright/test'
import { loadCatalog } from '../src/lessons/catalog'
import { LEG_SECONDS } from '../src/view/reveal'

const LONG = process.env.STICKYLAB_LONG === '1'
const { lessons } = loadCatalog()
/** Played with “Show me” in the default suite at 1280×800 (cookie-demo and deregistration are played with the stage's controls below). */
const DESKTOP_DEFAULT = new Set(['instance-failure', 'cookie-internals', 'nlb-source-ip'])
/** Played at 390×844 (the default suite). */
const PHONE = ['why-stickiness', 'instance-failure', 'cookies-disabled', 'websockets']

/** What the page showed when "Step done." first appeared: the virtual time and the requests' send times. */
interface Seen {
  now: number
  requests: { id: number; at: number }[]
  prediction: string | null
}

/** Notes, in the page, the moment the lesson's feedback first says "Step done." (exactly then, not later). */
async function watchFeedback(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __seen: unknown }
    w.__seen = null
    const feedback = document.querySelector('[data-testid="lesson-feedback"]')!
    const note = () => {
      if (w.__seen !== null || !(feedback.textContent ?? '').includes('Step done.')) return
      const lab = window.stickylab.current.lab()
      w.__seen = {
        now: lab.now(),
        requests: lab.history().map((r) => ({ id: r.id, at: r.at })),
        prediction: document.querySelector('.lesson-predicted')?.textContent ?? null,
      }
      observer.disconnect()
    }
    const observer = new MutationObserver(note)
    observer.observe(feedback, { childList: true, subtree: true, characterData: true })
    note()
  })
}

async function seen(page: Page): Promise<Seen> {
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __seen: unknown }).__seen !== null))
    .toBe(true)
  return page.evaluate(() => (window as unknown as { __seen: Seen }).__seen)
}

async function lastRequestId(page: Page): Promise<number> {
  return page.evaluate(() => window.stickylab.current.lab().history().at(-1)?.id ?? 0)
}

/** Virtual time moves on by itself: the clock runs. */
async function expectTimeMoving(page: Page): Promise<void> {
  const t0 = await page.evaluate(() => window.stickylab.current.lab().now())
  await expect
    .poll(() => page.evaluate(() => window.stickylab.current.lab().now()))
    .toBeGreaterThan(t0)
}

/** The clock is running: the Time bar (on a phone, in the Lab tab) offers Pause, and virtual time moves on. */
async function expectClockRunning(page: Page): Promise<void> {
  await showTab(page, 'Lab')
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible()
  await expectTimeMoving(page)
}

/**
 * The lesson holds the clock for a prediction once nothing travels (the set-up's requests come back first):
 * soon, virtual time stands still over several frames.
 */
async function expectClockHeld(page: Page): Promise<void> {
  const still = () =>
    page.evaluate(async () => {
      const t0 = window.stickylab.current.lab().now()
      for (let i = 0; i < 10; i++) await new Promise((r) => requestAnimationFrame(r))
      return window.stickylab.current.lab().now() === t0
    })
  await expect.poll(still, { timeout: 10_000 }).toBe(true)
}

class LessonPanel {
  readonly root: Locator
  readonly feedback: Locator
  constructor(readonly page: Page) {
    this.root = page.locator('section.lesson-panel')
    this.feedback = this.root.getByTestId('lesson-feedback')
  }
  async show(): Promise<void> {
    await showTab(this.page, 'Learn')
  }
  button(name: string | RegExp): Locator {
    return this.root.getByRole('button', { name, exact: typeof name === 'string' })
  }
}

/**
 * Plays one lesson from its deep link: for each step, predict (the first choice) and lock it in before anything
 * is sent, then "Show me", then check that "Step done." and the verdict came no earlier than the step's first
 * request reached its target. The clock runs throughout.
 */
async function playLesson(page: Page, lessonId: string): Promise<void> {
  const lesson = lessons.find((l) => l.id === lessonId)!
  const panel = new LessonPanel(page)
  await gotoLab(page, `/?lesson=${lessonId}&step=1`)
  await panel.show()
  await expect(panel.root.getByRole('heading', { level: 2, name: lesson.title })).toBeVisible()
  // The clock runs, except that it waits while the first step awaits a prediction.
  if (lesson.steps[0]!.prediction === undefined) await expectClockRunning(page)
  for (const [i, step] of lesson.steps.entries()) {
    await test.step(`step ${i + 1}: ${step.title}`, async () => {
      await panel.show()
      await expect(panel.root.getByRole('heading', { level: 3, name: step.title })).toBeVisible()
      const question = step.goals.every((g) => g.id === 'always')
      const before = await lastRequestId(page)
      await watchFeedback(page)
      if (step.prediction !== undefined) {
        // Nothing can be done for the learner before the prediction is in, and the moment waits for it.
        if (!question) await expect(panel.button('Show me')).toBeDisabled()
        await expectClockHeld(page)
        const choice = step.prediction.choices[0]!
        await panel.root.getByRole('radio', { name: choice.label, exact: true }).check()
        await panel.button('Lock in my prediction').click()
        await expect(panel.root.getByText(`Your prediction: ${choice.label}`)).toBeVisible()
        // Locked in before the step sent anything; the clock runs on.
        expect(await lastRequestId(page)).toBe(before)
        await expectTimeMoving(page)
      }
      if (!question) await panel.button('Show me').click()
      await expect(panel.feedback).toContainText('Step done.', { timeout: 15_000 })
      const s = await seen(page)
      const first = s.requests.find((r) => r.id > before)
      // The outcome showed when the dot reached its target, never before.
      if (first !== undefined) expect(s.now + 1e-9).toBeGreaterThanOrEqual(first.at + LEG_SECONDS)
      if (step.prediction !== undefined) {
        expect(s.prediction).toContain(step.prediction.choices[0]!.label)
        await expect(panel.feedback).toContainText(/Your prediction was right\.|Not this time\./)
      }
      await panel.button(/^(Next step|Finish lesson)$/).click()
    })
  }
  await expect(panel.root.getByRole('heading', { level: 3, name: 'Lesson complete' })).toBeVisible()
  // The clock was never stopped for the learner: it still runs at the end.
  await expectClockRunning(page)
}

test.describe('every lesson at 1280×800, clock running', () => {
  for (const lesson of lessons) {
    const inDefault = DESKTOP_DEFAULT.has(lesson.id)
    test(`${lesson.id}: predicted, shown on arrival, completed`, async ({ page }) => {
      test.skip(!LONG && !inDefault, 'played in npm run test:long (STICKYLAB_LONG=1)')
      test.setTimeout(30_000 + lesson.steps.length * 15_000)
      await playLesson(page, lesson.id)
    })
  }
})

test.describe('lessons at 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 } })
  for (const id of PHONE) {
    test(`${id} on a phone: predicted, shown on arrival, completed`, async ({ page }) => {
      const lesson = lessons.find((l) => l.id === id)!
      test.setTimeout(30_000 + lesson.steps.length * 15_000)
      await playLesson(page, id)
    })
  }
})

/** Opens i-N's actions menu on the stage and picks an item. */
async function instanceAction(page: Page, id: string, item: string): Promise<void> {
  await page.getByRole('button', { name: `${id} actions`, exact: true }).click()
  await page.getByRole('menuitem', { name: item }).click()
}

/** Jumps the clock with the Time bar's button (behind Jump ahead, which closes after each jump). */
async function jump(page: Page, name: string): Promise<void> {
  const disclosure = page.getByRole('button', { name: 'Jump ahead' })
  if ((await disclosure.getAttribute('aria-expanded')) !== 'true') await disclosure.click()
  await page.getByRole('button', { name, exact: true }).click()
}

/** Locks in the first choice of the step's prediction (the lesson's wording may change; any answer will do). */
async function predict(panel: LessonPanel): Promise<void> {
  await panel.show()
  const first = panel.root.getByRole('radio').first()
  await first.check()
  await panel.button('Lock in my prediction').click()
  await expect(panel.root.getByText(/^Your prediction:/)).toBeVisible()
}

/** Waits for "Step done." and moves on. */
async function done(panel: LessonPanel, verdict?: RegExp): Promise<void> {
  await panel.show()
  if (verdict !== undefined) await expect(panel.feedback).toContainText(verdict)
  await expect(panel.feedback).toContainText('Step done.')
  await panel.button(/^(Next step|Finish lesson)$/).click()
}

const EITHER = /Your prediction was right\.|Not this time\./

for (const size of [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`deregistration with the stage’s controls (${size.name}): i-1’s actions menu, a pause mid-flight, the verdict on arrival`, async ({
    page,
  }) => {
    test.setTimeout(90_000)
    await page.setViewportSize({ width: size.width, height: size.height })
    const panel = new LessonPanel(page)
    const alice = page.getByRole('group', { name: 'alice browser' })
    await gotoLab(page, '/?lesson=deregistration&step=1')
    await panel.show()

    await test.step('step 1: the step points at i-1’s actions menu on the stage', async () => {
      const go = panel.button('Go to i-1 actions › Deregister')
      await expect(go).toBeVisible()
      // The stage names the object: no panel path.
      await expect(panel.root.getByText('Controls:')).toHaveCount(0)
      await go.click()
      const actions = page.getByRole('button', { name: 'i-1 actions', exact: true })
      await expect(actions).toBeFocused()
      await expect(actions).toHaveClass(/lesson-highlight/)
      await expect(page.getByRole('button', { name: 'i-2 actions', exact: true })).not.toHaveClass(
        /lesson-highlight/,
      )
      await instanceAction(page, 'i-1', 'Deregister')
      await done(panel)
    })

    await test.step('step 2: predict, pause, add to cart: nothing is judged until the dot arrives', async () => {
      // Until the prediction is locked in, nothing is marked to press.
      await expect(page.locator('.lesson-highlight')).toHaveCount(0)
      await predict(panel)
      await expect(panel.button('Go to alice’s browser › Add to cart')).toBeVisible()
      await showTab(page, 'Lab')
      // The clock waited for the prediction and runs again. The learner pauses it and sends: the dot is on its
      // way, the outcome not yet shown.
      await page.getByRole('button', { name: 'Pause', exact: true }).click()
      await expect(alice.getByRole('button', { name: 'Add to cart' })).toHaveClass(
        /lesson-highlight/,
      )
      await alice.getByRole('button', { name: 'Add to cart' }).click()
      await page.evaluate(() =>
        window.stickylab.current.send({ type: 'sim.advance', seconds: 0.2 }),
      )
      await page.screenshot({ path: `reports/screens/lesson-mid-step-${size.name}.png` })
      await panel.show()
      if (size.name === 'phone')
        await page.screenshot({ path: 'reports/screens/lesson-mid-step-phone-learn.png' })
      await expect(panel.feedback).not.toContainText('Step done.')
      await expect(panel.feedback).not.toContainText(EITHER)
      // Play again: the verdict shows once the dot arrives.
      await showTab(page, 'Lab')
      await page.getByRole('button', { name: 'Play', exact: true }).click()
      await panel.show()
      await expect(panel.feedback).toContainText(EITHER)
      if (size.name === 'desktop')
        await page.screenshot({ path: 'reports/screens/lesson-verdict-desktop.png' })
      await done(panel)
    })

    await test.step('step 3: jump 5 minutes; i-1’s card on the stage is marked', async () => {
      await expect(page.getByTestId('topology.target.i-1')).toHaveClass(/lesson-highlight/)
      await showTab(page, 'Lab')
      await jump(page, 'Advance the clock 5 minutes')
      await done(panel)
    })
    // The rest of the lesson asks questions only; leaving keeps the clock running.
    while (await panel.button(/^(Next step|Finish lesson)$/).isVisible()) {
      if (await panel.button('Lock in my prediction').isVisible()) {
        await panel.root.getByRole('radio').first().check()
        await panel.button('Lock in my prediction').click()
      }
      if (
        await panel
          .button('Show me')
          .isEnabled()
          .catch(() => false)
      )
        await panel.button('Show me').click()
      await expect(panel.feedback).toContainText('Step done.')
      await panel.button(/^(Next step|Finish lesson)$/).click()
    }
    await panel.button('All lessons').click()
    await expectClockRunning(page)
  })
}

test('cookie-demo with the stage’s controls: Send request, the Stickiness radios and the cookie chips', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const panel = new LessonPanel(page)
  const alice = page.getByRole('group', { name: 'alice browser' })
  const stickiness = page.getByRole('radiogroup', { name: 'Stickiness', exact: true })
  const send = alice.getByRole('button', { name: 'Send request' })
  await gotoLab(page, '/?lesson=cookie-demo&step=1')
  await panel.show()

  await test.step('1: send from alice’s browser; her chips are pointed at', async () => {
    await expect(panel.button('Go to Cookie chips')).toBeVisible()
    await expect(send).toHaveClass(/lesson-highlight/)
    await send.click()
    await done(panel)
  })
  await test.step('2: Stickiness → Duration-based on the stage (applied at once)', async () => {
    await expect(stickiness).toHaveClass(/lesson-highlight/)
    await stickiness.getByRole('radio', { name: /^Duration-based/ }).check()
    await done(panel)
  })
  await test.step('3: the AWSALB chip appears when the response is back', async () => {
    await predict(panel)
    await send.click()
    await done(panel, EITHER)
    await expect(alice.getByRole('button', { name: 'AWSALB cookie' })).toBeVisible()
  })
  await test.step('4: three more requests', async () => {
    for (let i = 0; i < 3; i++) await send.click()
    await done(panel)
  })
  await test.step('5: delete AWSALB and AWSALBCORS from their chips', async () => {
    await predict(panel)
    for (const name of ['AWSALB', 'AWSALBCORS']) {
      const chip = alice.getByRole('button', { name: `${name} cookie` })
      await expect(chip).toHaveClass(/lesson-highlight/)
      await chip.click()
      await alice.getByRole('button', { name: `Delete ${name}` }).click()
      await expect(chip).toHaveCount(0)
    }
    await send.click()
    await done(panel, EITHER)
  })
  await test.step('6: two more requests', async () => {
    await predict(panel)
    await send.click()
    await send.click()
    await done(panel, EITHER)
  })
  await test.step('7: Stickiness → Off on the stage', async () => {
    const off = stickiness.getByRole('radio', { name: /^Off/ })
    await expect(off.locator('xpath=ancestor::label')).toHaveClass(/lesson-highlight/)
    await off.check()
    await done(panel)
  })
  await test.step('8: three requests spread again', async () => {
    await predict(panel)
    for (let i = 0; i < 3; i++) await send.click()
    await done(panel, EITHER)
  })
  await expect(panel.root.getByRole('heading', { level: 3, name: 'Lesson complete' })).toBeVisible()
})
