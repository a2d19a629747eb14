// A lesson embedded with the panels the Share dialog derives for it can be completed inside a frame on another
// origin (the example host page on 127.0.0.1 framing the lab on localhost): every step's "Go to" lands on a
// control in the frame, "Show me" does the step, and the host page hears lessonCompleted. `npm test` plays a
// representative few (the lesson whose embed used to be impossible among them); `npm run test:long`
// (STICKYLAB_LONG=1) plays every lesson.
import type { FrameLocator, Locator, Page } from '@playwright/test'
import { expect, gotoLab, test } from './fixtures'
import { LESSON_SOURCES } from '../src/lessons/catalog'
import { lessonSlots } from '../src/view/lessonPanels'

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
  if (!landed) await expect(group.getByRole('status')).not.toBeEmpty()
  return landed
}

/** Plays the open lesson in the frame to the end: predict, follow every "Go to", "Show me", next. */
async function playInFrame(lab: FrameLocator, page: Page, steps: number): Promise<void> {
  const panel = lab.locator('section.lesson-panel')
  // Every panel of the frame has loaded (they arrive just after the first paint).
  await expect(lab.locator('.panel-loading')).toHaveCount(0)
  for (let i = 1; i <= steps; i++) {
    // As a learner would, keep the clock running, so responses come back and their cookies show.
    const play = lab.getByRole('button', { name: 'Play', exact: true })
    if (await play.isVisible()) await play.click()
    await expect(panel.getByRole('button', { name: new RegExp(`^Step ${i}:`) })).toHaveAttribute('aria-current', 'step')
    const lock = panel.getByRole('button', { name: 'Lock in my prediction' })
    if (await lock.isVisible()) {
      await panel.getByRole('radio').first().check()
      await lock.click()
    }
    // Each "Go to" must land on its control inside the frame: before "Show me", or (for a control the step itself
    // brings, such as a browser it adds) after it. When it cannot land yet it says why, never nothing.
    const goTos = panel.getByRole('group', { name: 'Go to a control' })
    const names = await goTos.getByRole('button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')!))
    const pending: string[] = []
    for (const name of names) if (!(await goTo(page, goTos, name, 3_000))) pending.push(name)
    await panel.getByRole('button', { name: 'Show me' }).click()
    await expect(panel.getByTestId('lesson-feedback')).toContainText('Step done.', { timeout: 20_000 })
    for (const name of pending)
      expect(await goTo(page, goTos, name, 10_000), `${name} (step ${i}) found no control in the frame`).toBe(true)
    await panel.getByRole('button', { name: /^(Next step|Finish lesson)$/ }).click()
  }
  await expect(panel.getByRole('heading', { level: 3, name: 'Lesson complete' })).toBeVisible({ timeout: 10_000 })
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
    await playInFrame(lab, page, lesson.steps.length)
    await expect(page.locator('#log li.in[data-type="stickylab:lessonCompleted"]')).toHaveCount(1)
  })
}
