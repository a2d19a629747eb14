// Model-based tests against the pure core: every simple path through the learner model (bounded by xstate/graph's
// traversal), each followed by one more "send request" where the model allows it, is replayed on a fresh lab and
// checked step by step (src/machines/learnerModel.ts). The browser walks a dozen of these (e2e/modelBased.spec.ts).
import { transition, type SnapshotFrom } from 'xstate'
import { getShortestPaths, getSimplePaths } from 'xstate/graph'
import { describe, expect, it } from 'vitest'
import { createLab, type Lab } from '../sim'
import {
  describePath,
  LEARNER_EVENTS,
  learnerModel,
  walkPath,
  type LearnerDriver,
  type ModelPath,
} from './learnerModel'

const serializeState = (s: { context: unknown }) => JSON.stringify(s.context)

function coreDriver(): LearnerDriver {
  let lab: Lab = createLab({ seed: 1 })
  return {
    reset() {
      lab = createLab({ seed: 1 })
      lab.addClient('alice')
    },
    perform(event, instance) {
      const sticky = (on: boolean) => {
        const r = lab.modifyTargetGroupAttributes('web', {
          'stickiness.enabled': String(on),
          'stickiness.type': 'lb_cookie',
        })
        if (!r.ok) throw new Error(r.message)
      }
      if (event === 'stickinessOn') sticky(true)
      else if (event === 'stickinessOff') sticky(false)
      else if (event === 'send') lab.request('alice')
      else if (event === 'deleteCookie') {
        // Both: AWSALBCORS carries the same binding, so deleting AWSALB alone keeps the session sticky.
        lab.deleteCookie('alice', 'AWSALB')
        lab.deleteCookie('alice', 'AWSALBCORS')
      } else if (event === 'stopBound') lab.stopInstance(instance!)
      else if (event === 'startInstance') lab.startInstance(instance!)
      else lab.advance(300)
    },
    observe() {
      const cookie = lab.cookies('alice').find((c) => c.name === 'AWSALB')
      const last = lab.history().at(-1)
      return {
        cookieTarget: cookie === undefined ? null : (lab.xray(cookie.value)?.targetId ?? null),
        stopped: lab
          .instances()
          .filter((i) => !i.running)
          .map((i) => i.id),
        last:
          last === undefined
            ? null
            : {
                id: last.id,
                status: last.status,
                decision: last.decision,
                targetId: last.targetId,
                setsAwsalb: last.setCookie.some((l) => l.startsWith('AWSALB=')),
              },
      }
    },
  }
}

/** The path with one more "send" appended when the model allows it in the final state. */
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

describe('the learner model, driven against the core', () => {
  it('every shortest path (one per model state) holds', async () => {
    const paths = getShortestPaths(learnerModel, { events: LEARNER_EVENTS, serializeState })
    expect(paths.length).toBe(18)
    for (const p of paths) await walkPath(withFinalSend(p as unknown as ModelPath), coreDriver())
  })

  it('every simple path (no state visited twice) holds', async () => {
    const paths = getSimplePaths(learnerModel, { events: LEARNER_EVENTS, serializeState })
    expect(paths.length).toBeGreaterThan(600)
    const driver = coreDriver()
    let steps = 0
    for (const p of paths) {
      const path = withFinalSend(p as unknown as ModelPath)
      steps += path.steps.length - 1
      await walkPath(path, driver)
    }
    expect(steps).toBeGreaterThan(5_000)
  }, 30_000) // about 680 paths and more than 5,000 steps: seconds of CPU, more on a busy machine

  it('describes a path for failure messages', () => {
    const [path] = getShortestPaths(learnerModel, {
      events: LEARNER_EVENTS,
      serializeState,
      toState: (s) => s.context.down === 'recovering',
    })
    expect(describePath(path as unknown as ModelPath)).toBe(
      'stickinessOn → send → stopBound → startInstance',
    )
  })
})
