// The learner's lab is kept (issue 15, item 2), in real Chromium: from a lab with its own clients and history,
// opening a lesson or an exam drill's "Try it in the lab" stashes it, and "Back to your lab" restores it byte for
// byte (JSON.stringify of the lab's snapshot), also after reloading the page in the middle of either; the lesson
// left that way resumes at its step, in the lab it left.
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test, waitForLab } from './fixtures'
import { ClientsPanel } from './pages/ClientsPanel'
import { afterResponse, enableStickiness, pause, sendEvent } from './pages/labDriver'
import { showTab } from './pages/phoneTabs'
import { loadCatalog } from '../src/lessons/catalog'

const { lessons } = loadCatalog()
const lesson = lessons[2]!

const snapshot = (page: Page) =>
  page.evaluate(() => JSON.stringify(window.stickylab.current.lab().snapshot()))
const backBar = (page: Page) => page.getByRole('region', { name: 'Your lab' })
const backButton = (page: Page) => backBar(page).getByRole('button', { name: 'Back to your lab' })
const lessonPanel = (page: Page) => page.locator('section.lesson-panel')
/**
 * The saved lab after a reload with nothing stashed runs its clock again (docs/persistence.md), so time may have
 * passed: everything recorded before it is the same, and the last entry is the clock (an advance) moving on.
 */
const sameLabLater = async (page: Page, own: string) => {
  const recorded = (text: string) => {
    const calls = (JSON.parse(text) as { log: { items: { call: string }[] } }).log.items
    return JSON.stringify(calls.at(-1)?.call === 'advance' ? calls.slice(0, -1) : calls)
  }
  await expect.poll(async () => recorded(await snapshot(page))).toBe(recorded(own))
}

/** The learner's own lab: a client added and requests sent with the stage's controls, stickiness on, paused. */
async function makeOwnLab(page: Page): Promise<string> {
  await pause(page)
  await enableStickiness(page, 600)
  await (await new ClientsPanel(page).show()).add('bob')
  // On a phone the browsers' Send request is on the Lab tab (beside the dock there is no such tab).
  await showTab(page, 'Lab')
  await new ClientsPanel(page).client('bob').send.click()
  await afterResponse(page)
  await new ClientsPanel(page).client('alice').send.click()
  await afterResponse(page)
  const own = await snapshot(page)
  const world = JSON.parse(own) as { clients: unknown }
  expect(JSON.stringify(world.clients)).toContain('bob')
  return own
}

async function openLesson(page: Page): Promise<void> {
  await showTab(page, 'Learn')
  await lessonPanel(page).getByRole('button', { name: lesson.title, exact: true }).click()
  await expect(
    lessonPanel(page).getByRole('heading', { level: 2, name: lesson.title }),
  ).toBeVisible()
}

async function tryDrill(page: Page): Promise<void> {
  await showTab(page, 'Learn')
  const panel = page.locator('section.drills-panel')
  await panel.getByRole('button', { name: 'Open exam drills' }).click()
  const dialog = page.getByRole('dialog', { name: /^Exam drill \d+ of \d+$/ })
  await dialog.getByRole('radio', { name: /Amazon ElastiCache/ }).check()
  await dialog.getByRole('button', { name: 'Check answer' }).click()
  await dialog.getByRole('button', { name: 'Try it in the lab' }).click()
  await expect(dialog).toBeHidden()
}

test('a lesson keeps the learner’s lab: Back to your lab restores it byte for byte, and the lesson resumes', async ({
  lab: page,
}) => {
  const own = await makeOwnLab(page)
  await expect(backBar(page)).toHaveCount(0)
  await openLesson(page)
  await expect(backBar(page)).toContainText(
    `The stage shows the lab of lesson 3, “${lesson.title}”. Your own lab is kept as you left it.`,
  )
  expect(await snapshot(page)).not.toBe(own)
  await expectNoAxeViolations(page)
  // Time passes in the lesson's lab; the learner's lab is not touched.
  await pause(page)
  await sendEvent(page, { type: 'sim.advance', seconds: 40 })
  const lessonLab = await snapshot(page)

  await backButton(page).click()
  expect(await snapshot(page)).toBe(own)
  await expect(backBar(page)).toHaveCount(0)
  await expect(page.locator('#stage')).toBeFocused()
  // Its clock was paused, and stays paused.
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible()

  await showTab(page, 'Learn')
  await expect(lessonPanel(page)).toContainText(
    `You left lesson 3, “${lesson.title}”, at step 1 of ${lesson.steps.length}.`,
  )
  await lessonPanel(page).getByRole('button', { name: 'Resume lesson' }).click()
  await expect(lessonPanel(page).getByText(`Step 1 of ${lesson.steps.length}`)).toBeVisible()
  // The lesson carries on in the lab it left.
  expect(await snapshot(page)).toBe(lessonLab)
  await expect(backButton(page)).toBeVisible()
  await backButton(page).click()
  expect(await snapshot(page)).toBe(own)
})

test('a drill’s “Try it in the lab” keeps the learner’s lab, also across a reload', async ({
  lab: page,
}) => {
  const own = await makeOwnLab(page)
  await tryDrill(page)
  await expect(backBar(page)).toContainText(
    'The stage shows exam drill 1’s scenario, “The sticky instance has just stopped”.',
  )
  const drillLab = await snapshot(page)
  expect(drillLab).not.toBe(own)

  await page.reload()
  await waitForLab(page)
  await expect(backButton(page)).toBeVisible()
  await expect.poll(() => snapshot(page)).toBe(drillLab)
  await backButton(page).click()
  expect(await snapshot(page)).toBe(own)
  await expect(page.locator('section.drills-panel').getByRole('status')).toHaveCount(0)

  // Back home, the saved lab is the learner's again: a reload shows it, with no stash left.
  await page.reload()
  await waitForLab(page)
  await sameLabLater(page, own)
  await expect(backBar(page)).toHaveCount(0)
})

test('reloading in the middle of a lesson keeps the lesson’s lab and the stashed lab', async ({
  lab: page,
}) => {
  const own = await makeOwnLab(page)
  await openLesson(page)
  await pause(page)
  await sendEvent(page, { type: 'sim.advance', seconds: 12.5 })
  const lessonLab = await snapshot(page)
  expect(page.url()).toContain(`lesson=${lesson.id}`)

  await page.reload()
  await waitForLab(page)
  await expect(
    lessonPanel(page).getByRole('heading', { level: 2, name: lesson.title }),
  ).toBeVisible()
  await expect.poll(() => snapshot(page)).toBe(lessonLab)
  await expect(backButton(page)).toBeVisible()
  await backButton(page).click()
  expect(await snapshot(page)).toBe(own)
  await showTab(page, 'Learn')
  await expect(lessonPanel(page).getByRole('button', { name: 'Resume lesson' })).toBeVisible()
})

test('a damaged stash is explained and backed up; the learner’s own lab still comes back', async ({
  lab: page,
}) => {
  const own = await makeOwnLab(page)
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')))
  await page.evaluate(() =>
    window.localStorage.setItem(
      'stickylab.stash.v1',
      '{"version":1,"ownPlaying":false,"away":{"kind":"drill","drillId":"no-such-drill","playing":true,"lab":{}},"resume":null}',
    ),
  )
  await page.reload()
  await waitForLab(page)
  await expect(page.getByRole('region', { name: 'Saved data' })).toContainText(
    'The lesson or exam drill you had open over your own lab could not be restored (your own lab is back). It names a drill this Stickylab does not have.',
  )
  await sameLabLater(page, own)
  await expect(backBar(page)).toHaveCount(0)
  expect(
    await page.evaluate(() => window.localStorage.getItem('stickylab.stash.v1.backup')),
  ).toContain('no-such-drill')
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

  test('Back to your lab is above the tabs and brings the learner back to the Lab tab, byte for byte', async ({
    lab: page,
  }) => {
    const own = await makeOwnLab(page)
    await openLesson(page)
    // The strip is on screen over the Learn tab, without scrolling.
    await expect(backButton(page)).toBeInViewport()
    await expectNoAxeViolations(page)
    await backButton(page).click()
    expect(await snapshot(page)).toBe(own)
    await expect(page.getByRole('tab', { name: 'Lab', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    )
    await expect(page.locator('#stage')).toBeFocused()
  })
})
