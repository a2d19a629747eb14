// Model-based tests in real Chromium: xstate/graph generates one shortest path to every state of the learner model
// (src/machines/learnerModel.ts); the 12 longest, each ending with one more "send request" where the model allows
// it, are walked with the page's own controls (Target group settings, Send request, Delete in the Cookies table,
// Stop/Start instance, +5 min), and after every step what the learner sees must match the model: the AWSALB row
// and what X-ray says it names, each instance's state, the newest request's target in the inspector.
// The core walks every simple path of the same model (src/machines/learnerModel.test.ts).
import type { Page } from '@playwright/test'
import { transition, type SnapshotFrom } from 'xstate'
import { getShortestPaths } from 'xstate/graph'
import {
  LEARNER_EVENTS,
  learnerModel,
  walkPath,
  type LearnerDriver,
  type LearnerObservation,
  type ModelPath,
} from '../src/machines/learnerModel'
import { expect, test } from './fixtures'
import { ClientsPanel } from './pages/ClientsPanel'
import { CookiesPanel } from './pages/CookiesPanel'
import { InspectorPanel } from './pages/InspectorPanel'
import { InstancesPanel } from './pages/InstancesPanel'
import { afterResponse, pause } from './pages/labDriver'
import { TargetGroupPanel } from './pages/TargetGroupPanel'

const INSTANCES = ['i-1', 'i-2', 'i-3']
const PATHS_IN_BROWSER = 12
const PER_TEST = 4

function withFinalSend(path: ModelPath): ModelPath {
  const last = path.steps.at(-1)!.state as unknown as SnapshotFrom<typeof learnerModel>
  if (!last.can({ type: 'send' })) return path
  const [next] = transition(learnerModel, last, { type: 'send' })
  return {
    steps: [
      ...path.steps,
      { event: { type: 'send' }, state: next as unknown as ModelPath['steps'][number]['state'] },
    ],
  }
}

const paths = getShortestPaths(learnerModel, {
  events: LEARNER_EVENTS,
  serializeState: (s) => JSON.stringify(s.context),
})
  .map((p) => withFinalSend(p as unknown as ModelPath))
  .sort((a, b) => b.steps.length - a.steps.length)
  .slice(0, PATHS_IN_BROWSER)

function pageDriver(page: Page): LearnerDriver {
  const tg = new TargetGroupPanel(page)
  const cookies = new CookiesPanel(page)
  const instances = new InstancesPanel(page)
  const inspector = new InspectorPanel(page)
  const alice = new ClientsPanel(page).client('alice')
  const lab = <T>(fn: () => T) => page.evaluate(fn)
  const stickiness = (on: boolean) =>
    expect
      .poll(() =>
        page.evaluate(
          () => window.stickylab.current.lab().targetGroups()[0]!.attributes['stickiness.enabled'],
        ),
      )
      .toBe(String(on))
  return {
    async reset() {
      await pause(page)
      await page.evaluate(() => {
        const fresh = window.stickylab.createLab({ seed: 1 })
        fresh.addClient('alice')
        window.stickylab.current.send({ type: 'sim.load', lab: fresh })
      })
      await cookies.show()
      await expect(cookies.rows).toHaveCount(0)
      await tg.show()
      await expect(tg.stickinessChoice('Off')).toBeChecked()
    },
    async perform(event, instance) {
      if (event === 'stickinessOn' || event === 'stickinessOff') {
        await tg.show()
        await tg
          .stickinessChoice(event === 'stickinessOn' ? 'Duration-based (lb_cookie)' : 'Off')
          .check()
        await tg.apply.click()
        await stickiness(event === 'stickinessOn')
      } else if (event === 'send') {
        const before = await lab(() => window.stickylab.current.lab().history().length)
        await alice.send.click()
        await afterResponse(page)
        await expect
          .poll(() => lab(() => window.stickylab.current.lab().history().length))
          .toBe(before + 1)
      } else if (event === 'deleteCookie') {
        await cookies.show()
        await cookies.deleteButton('AWSALB').click()
        await cookies.deleteButton('AWSALBCORS').click()
        await expect(cookies.row('AWSALBCORS')).toHaveCount(0)
      } else if (event === 'stopBound' || event === 'startInstance') {
        await instances.show()
        await instances
          .button(instance!, event === 'stopBound' ? 'Stop instance' : 'Start instance')
          .click()
        await expect(instances.state(instance!)).toHaveText(
          event === 'stopBound' ? 'stopped' : 'running',
        )
      } else {
        const t = await lab(() => window.stickylab.current.lab().now())
        await page.getByRole('button', { name: 'Jump ahead' }).click()
        await page.getByRole('button', { name: 'Advance the clock 5 minutes' }).click()
        await expect
          .poll(() => lab(() => window.stickylab.current.lab().now()))
          .toBeGreaterThanOrEqual(t + 300)
      }
    },
    async observe(): Promise<LearnerObservation> {
      let cookieTarget: string | null = null
      // Each panel is read with its dock tab open: a hidden tab's rows would count as none.
      await cookies.show()
      if ((await cookies.row('AWSALB').count()) > 0) {
        const xray = await page.getByTestId('xray-AWSALB').innerText()
        cookieTarget = /target (i-\d+)/.exec(xray)?.[1] ?? `unreadable: ${xray}`
      }
      const stopped: string[] = []
      await instances.show()
      for (const id of INSTANCES)
        if ((await instances.state(id).innerText()) === 'stopped') stopped.push(id)
      const last = await page.evaluate(() => {
        const r = window.stickylab.current.lab().history().at(-1)
        return r === undefined
          ? null
          : {
              id: r.id,
              status: r.status,
              decision: r.decision,
              targetId: r.targetId,
              setsAwsalb: r.setCookie.some((l) => l.startsWith('AWSALB=')),
            }
      })
      // The inspector's newest row shows the same target the core chose.
      await inspector.show()
      if (last !== null) await expect(inspector.targets.first()).toHaveText(last.targetId ?? '—')
      return { cookieTarget, stopped, last }
    },
  }
}

for (let t = 0; t * PER_TEST < paths.length; t++) {
  const mine = paths.slice(t * PER_TEST, (t + 1) * PER_TEST)
  test(`learner model paths ${t * PER_TEST + 1}–${t * PER_TEST + mine.length} of ${paths.length}`, async ({
    lab: page,
  }) => {
    // Four paths, each read through three dock tabs after every step (Cookies, Setup, Requests): slow by design.
    test.slow()
    await (await new CookiesPanel(page).show()).xray.check()
    const driver = pageDriver(page)
    for (const path of mine) await walkPath(path, driver)
  })
}
