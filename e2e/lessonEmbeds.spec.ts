// A lesson embedded with the panels the Share dialog derives for it can be completed inside a frame on another
// origin (the example host page on 127.0.0.1 framing the lab on localhost): every step's "Go to" lands on a
// control in the frame, "Show me" does the step, and the host page hears lessonCompleted. `npm test` plays a
// representative few (the lesson whose embed used to be impossible among them); `npm run test:long`
// (STICKYLAB_LONG=1) plays every lesson.
import type { FrameLocator, Locator, Page } from '@playwright/test'
import { expect, gotoLab, test } from './fixtures'
import { LESSON_SOURCES } from '../src/lessons/catalog'
import { KNOWN_CONTROLS, splitHighlight } from '../src/lessons/controls'
import type { Step } from '../src/lessons/schema'
import { lessonSlots } from '../src/view/lessonPanels'
import { pointerName } from '../src/ui/lessons/pointerName'

const PORT = Number(process.env.STICKYLAB_E2E_PORT ?? 4173)
const APP = `http://localhost:${PORT}`
const HOST = `http://127.0.0.1:${PORT}`
const LONG = process.env.STICKYLAB_LONG === '1'

/** The failing-instance lesson (its embed could not be completed before), cookies and target group, listener. */
const REPRESENTATIVE = ['instance-failure', 'app-cookie', 'weighted-target-groups']
const LESSONS = LESSON_SOURCES.filter((l) => LONG || REPRESENTATIVE.includes(l.id))

/** The address the Share dialog writes for this lesson, read from the dialog as an author would. */
async function derivedEmbedUrl(page: Page, lessonId: string, title: string): Promise<string> {
  await gotoLab(page, '/')
  await page.getByRole('button', { name: 'Share', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Share' })
  await dialog.getByRole('radio', { name: 'Embed a lesson' }).check()
  const select = dialog.getByRole('combobox', { name: 'Lesson' })
  await select.selectOption(lessonId)
  await expect(select.locator('option:checked')).toHaveText(new RegExp(`\\. ${escape(title)}$`))
  const url = await dialog.getByTestId('embed-url').textContent()
  expect(url).toContain(`lesson=${lessonId}&step=1`)
  return url!
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The accessible name of a highlight's "Go to" button in a frame that shows the stage (ControlFinder.tsx). */
function goToName(highlight: string): string {
  return `Go to ${pointerName(highlight, true)}`
}

/**
 * Clicks one "Go to" button until focus moves to a control in the frame, outside the lesson (true), or `within` ms
 * pass (false: then the lesson must say why). A control may wait for a response to come back (a cookie's Delete).
 */
async function goTo(page: Page, group: Locator, name: string, within: number): Promise<boolean> {
  const frame = page.frames().find((f) => f.url().startsWith(`${APP}/`))!
  const tryOnce = async () => {
    await group.getByRole('button', { name, exact: true }).click()
    return frame.evaluate(() => {
      const el = document.activeElement
      return el !== null && el !== document.body && el.closest('[data-lesson-ui]') === null
    })
  }
  const landed = await expect
    .poll(tryOnce, { timeout: within })
    .toBe(true)
    .then(
      () => true,
      () => false,
    )
  if (!landed) await expect(group.getByRole('status'), `"${name}" neither landed nor said why`).not.toBeEmpty()
  return landed
}

/**
 * Plays the open lesson in the frame to the end: predict (the first choice), follow every "Go to", "Show me" (a
 * question step has none: locking the prediction completes it), next. The frame grows and shrinks with each step
 * and the host page re-fits it, so a click that lands while it moves is retried until its effect shows.
 */
async function playInFrame(lab: FrameLocator, page: Page, steps: readonly Step[]): Promise<void> {
  const panel = lab.locator('section.lesson-panel')
  const feedback = panel.getByTestId('lesson-feedback')
  // Every panel of the frame has loaded (they arrive just after the first paint).
  await expect(lab.locator('.panel-loading')).toHaveCount(0)
  for (const [index, step] of steps.entries()) {
    const i = index + 1
    await expect(panel.getByRole('button', { name: new RegExp(`^Step ${i}:`) })).toHaveAttribute('aria-current', 'step')
    await expect(panel.getByRole('heading', { level: 3, name: step.title })).toBeVisible()
    // As a learner would, keep the clock running, so responses come back and their cookies show.
    const play = lab.getByRole('button', { name: 'Play', exact: true })
    if (await play.isVisible()) await play.click()
    if (step.prediction !== undefined) {
      await expect(async () => {
        await panel.getByRole('radio').first().check()
        await panel.getByRole('button', { name: 'Lock in my prediction' }).click({ timeout: 2_000 })
        await expect(panel.getByText('Your prediction:')).toBeVisible({ timeout: 2_000 })
      }).toPass({ timeout: 20_000 })
    }
    // Each "Go to" must land on its control inside the frame, or (a control the step itself brings, such as a
    // browser it adds, or one shown only in some states) say why it cannot yet, never nothing. The pointers go
    // away with the step once it is done, so they are followed before "Show me".
    const goTos = panel.getByRole('group', { name: 'Go to a control' })
    for (const h of step.highlight) {
      if (await goTo(page, goTos, goToName(h), 3_000)) continue
      const { scope, name } = splitHighlight(h)
      const when = KNOWN_CONTROLS.find((c) => c.name === name)?.when
      const brought = scope !== null && /^Client /.test(scope)
      expect(when !== undefined || brought, `"${h}" (step ${i}) found no control in the frame`).toBe(true)
    }
    const question = step.goals.every((g) => g.id === 'always')
    if (!question) {
      const showMe = panel.getByRole('button', { name: 'Show me' })
      await expect(async () => {
        if (await showMe.isEnabled()) await showMe.click({ timeout: 2_000 })
        await expect(feedback).toContainText('Step done.', { timeout: 8_000 })
      }).toPass({ timeout: 40_000 })
    }
    await expect(feedback).toContainText('Step done.', { timeout: 20_000 })
    const next = panel.getByRole('button', { name: /^(Next step|Finish lesson)$/ })
    const after =
      i < steps.length
        ? panel.getByRole('button', { name: new RegExp(`^Step ${i + 1}:`) })
        : panel.getByRole('heading', { level: 3, name: 'Lesson complete' })
    await expect(async () => {
      if (await next.isVisible()) await next.click({ timeout: 2_000 })
      if (i < steps.length) await expect(after).toHaveAttribute('aria-current', 'step', { timeout: 2_000 })
      else await expect(after).toBeVisible({ timeout: 2_000 })
    }).toPass({ timeout: 20_000 })
  }
}

for (const lesson of LESSONS) {
  test(`${lesson.id}: embedded with the derived panels in a cross-origin frame, completed there`, async ({ page }) => {
    test.setTimeout(120_000)
    const url = await derivedEmbedUrl(page, lesson.id, lesson.title)
    const panels = new URL(url).searchParams.get('panels')
    // The dialog's preset is the lesson's derived one (or every panel, which leaves panels= out).
    if (panels !== null) expect(panels.split(',')).toEqual(lessonSlots(lesson))

    await page.goto(`${HOST}/embed-example.html?app=${encodeURIComponent(url)}`)
    await expect(page.locator('#log li.in[data-type="stickylab:ready"]')).toHaveCount(1)
    const lab = page.frameLocator('#lab')
    const slots = await lab.locator('main .slot').evaluateAll((els) => els.map((e) => e.classList[1]!.slice(5)))
    for (const s of lessonSlots(lesson)) expect(slots).toContain(s)
    await playInFrame(lab, page, lesson.steps)
    await expect(page.locator('#log li.in[data-type="stickylab:lessonCompleted"]')).toHaveCount(1)
  })
}

test('a lesson the host page loads into a frame with fewer panels brings the panels it needs', async ({ page }) => {
  const app = `${APP}/?embed=1&panels=topology,time,learn&host=${HOST}`
  await page.goto(`${HOST}/embed-example.html?app=${encodeURIComponent(app)}`)
  await expect(page.locator('#log li.in[data-type="stickylab:ready"]')).toHaveCount(1)
  const lab = page.frameLocator('#lab')
  const slots = () => lab.locator('main .slot').evaluateAll((els) => els.map((e) => e.classList[1]!.slice(5)))
  expect(await slots()).toEqual(['topology', 'time', 'learn', 'lbtype'])
  await page.getByLabel('Lesson').selectOption('instance-failure')
  await page.getByLabel('Step').fill('1')
  await page.getByRole('button', { name: 'Load lesson' }).click()
  await expect(lab.getByRole('heading', { level: 3, name: 'Make alice’s instance fail' })).toBeVisible()
  // The Instances panel the lesson's first step points at joins the frame, and "Go to" lands on its button.
  await expect.poll(slots).toEqual(['topology', 'time', 'learn', 'lbtype', 'instances'])
  await expect(lab.locator('.panel-loading')).toHaveCount(0)
  await lab.getByRole('button', { name: 'Go to i-1 actions › Fail health checks' }).click()
  const focused = await page
    .frames()
    .find((f) => f.url().startsWith(`${APP}/`))!
    .evaluate(() => [document.activeElement?.getAttribute('aria-label'), document.activeElement?.closest('figure') !== null])
  // On the stage: i-1's actions menu button, where "Fail health checks" is.
  expect(focused).toEqual(['i-1 actions', true])
})
