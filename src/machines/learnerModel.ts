// A spec machine of what a learner can do to the default lab (alice; i-1..i-3; stickiness off) and what the
// load balancer must then do, for model-based tests: `xstate/graph` walks it to generate paths, and drivers replay
// each path against the core (learnerModel.test.ts) and in the browser (e2e/modelBased.spec.ts), checking
// `expectedSend` after every "send request". Test support only: the app never imports it.
import { assign, setup } from 'xstate'
import type { Decision } from '../sim'

export interface LearnerModelContext {
  /** lb_cookie stickiness is on (duration 86400 s: nothing expires within a path). */
  sticky: boolean
  /** alice's jar holds AWSALB (and AWSALBCORS) naming an instance (the "bound" instance). "deleteCookie" deletes
   *  both: AWSALBCORS carries the same binding, so deleting AWSALB alone would keep the session sticky. */
  cookie: boolean
  /** The stopped or recovering instance is the bound one. */
  boundIsDown: boolean
  /**
   * The bound instance after "stop": `stopped` (its target is unused / Target.InvalidState at once, as EC2
   * reports a stop to the load balancer); after "start", `recovering` (initial) until its first check passes;
   * `up` otherwise.
   */
  down: 'up' | 'stopped' | 'recovering'
}

export type LearnerEvent =
  | { type: 'stickinessOn' }
  | { type: 'stickinessOff' }
  | { type: 'send' }
  | { type: 'deleteCookie' }
  | { type: 'stopBound' }
  | { type: 'startInstance' }
  | { type: 'advance5min' }

export const LEARNER_EVENTS: readonly LearnerEvent[] = [
  { type: 'stickinessOn' },
  { type: 'stickinessOff' },
  { type: 'send' },
  { type: 'deleteCookie' },
  { type: 'stopBound' },
  { type: 'startInstance' },
  { type: 'advance5min' },
]

/** What the next request must show, given the model state before it. */
export interface ExpectedSend {
  status: number
  decision: Decision
  /** 'same': the bound instance; 'other': not the down instance; 'any': any instance. */
  target: 'same' | 'other' | 'any'
  /** Whether the response sets a new AWSALB. */
  setsCookie: boolean
}

export function expectedSend(c: LearnerModelContext): ExpectedSend {
  if (!c.sticky)
    return {
      status: 200,
      decision: 'round-robin',
      target: c.down === 'up' ? 'any' : 'other',
      setsCookie: false,
    }
  if (!c.cookie)
    return {
      status: 200,
      decision: 'sticky-miss-no-cookie',
      target: c.down === 'up' ? 'any' : 'other',
      setsCookie: true,
    }
  if (!c.boundIsDown || c.down === 'up')
    return { status: 200, decision: 'sticky-hit', target: 'same', setsCookie: true }
  // Stopped (unused) or recovering (initial): the binding names a target that cannot take traffic.
  return { status: 200, decision: 'sticky-miss-unhealthy', target: 'other', setsCookie: true }
}

export const learnerModel = setup({
  types: { context: {} as LearnerModelContext, events: {} as LearnerEvent },
  guards: {
    canStop: ({ context: c }) => c.down === 'up' && c.cookie,
  },
}).createMachine({
  id: 'learner',
  context: { sticky: false, cookie: false, boundIsDown: false, down: 'up' },
  on: {
    stickinessOn: { guard: ({ context }) => !context.sticky, actions: assign({ sticky: true }) },
    stickinessOff: { guard: ({ context }) => context.sticky, actions: assign({ sticky: false }) },
    send: {
      actions: assign(({ context: c }) => {
        const e = expectedSend(c)
        return e.setsCookie && e.target !== 'same' ? { cookie: true, boundIsDown: false } : {}
      }),
    },
    deleteCookie: {
      guard: ({ context }) => context.cookie,
      actions: assign({ cookie: false, boundIsDown: false }),
    },
    stopBound: {
      guard: 'canStop',
      actions: assign({ down: 'stopped' as const, boundIsDown: true }),
    },
    startInstance: {
      guard: ({ context }) => context.down === 'stopped',
      // A started instance's target goes back through the initial health check.
      actions: assign({ down: 'recovering' as const }),
    },
    advance5min: {
      // A stopped instance is not checked, so it stays unused; a recovering one passes its first check.
      actions: assign(({ context }) => ({
        down: context.down === 'recovering' ? ('up' as const) : context.down,
      })),
    },
  },
})

export type LearnerPath = LearnerEvent['type'][]

/** What a driver reads back after each step (from the core, or from the page). */
export interface LearnerObservation {
  /** The instance alice's AWSALB names, or null when she has none. */
  cookieTarget: string | null
  /** Instances that are stopped. */
  stopped: string[]
  /** The latest request, or null before the first. */
  last: {
    id: number
    status: number
    decision: string
    targetId: string | null
    setsAwsalb: boolean
  } | null
}

/** Performs learner actions on a lab (the core directly, or the page's controls) and reads the result. */
export interface LearnerDriver {
  reset(): Promise<void> | void
  perform(event: LearnerEvent['type'], instance: string | null): Promise<void> | void
  observe(): Promise<LearnerObservation> | LearnerObservation
}

/** A generated path: the model state after each event (the first step is the initial state). */
export interface ModelPath {
  steps: readonly { event: { type: string }; state: { context: LearnerModelContext } }[]
}

export function describePath(path: ModelPath): string {
  return (
    path.steps
      .slice(1)
      .map((s) => s.event.type)
      .join(' → ') || '(initial state)'
  )
}

/**
 * Walks one path with a driver, checking after every step that the lab agrees with the model: the cookie is
 * there or not, the stopped instance is stopped, and each request has the expected status, decision, target
 * and Set-Cookie. Throws with the path and every mismatch.
 */
export async function walkPath(path: ModelPath, driver: LearnerDriver): Promise<void> {
  await driver.reset()
  let down: string | null = null
  for (let i = 1; i < path.steps.length; i++) {
    const before = path.steps[i - 1]!.state.context
    const after = path.steps[i]!.state.context
    const event = path.steps[i]!.event.type as LearnerEvent['type']
    const seen = await driver.observe()
    if (event === 'stopBound') down = seen.cookieTarget
    await driver.perform(event, event === 'stopBound' ? seen.cookieTarget : down)
    const now = await driver.observe()
    const problems: string[] = []
    if ((now.cookieTarget !== null) !== after.cookie)
      problems.push(
        `AWSALB cookie ${now.cookieTarget === null ? 'missing' : `present (→ ${now.cookieTarget})`}, model says ${after.cookie ? 'present' : 'absent'}`,
      )
    const stoppedNow = after.down === 'stopped'
    if (down !== null && now.stopped.includes(down) !== stoppedNow)
      problems.push(
        `${down} is ${now.stopped.includes(down) ? 'stopped' : 'running'}, model says ${stoppedNow ? 'stopped' : 'running'}`,
      )
    if (event === 'send') {
      const want = expectedSend(before)
      const r = now.last
      if (r === null || r.id === seen.last?.id) problems.push('no new request')
      else {
        if (r.status !== want.status) problems.push(`status ${r.status}, expected ${want.status}`)
        if (r.decision !== want.decision)
          problems.push(`decision ${r.decision}, expected ${want.decision}`)
        if (want.target === 'same' && r.targetId !== seen.cookieTarget)
          problems.push(`went to ${r.targetId}, expected the bound ${seen.cookieTarget}`)
        if (want.target === 'other' && (r.targetId === null || r.targetId === down))
          problems.push(`went to ${r.targetId}, expected a healthy instance other than ${down}`)
        if (r.setsAwsalb !== want.setsCookie)
          problems.push(
            `${r.setsAwsalb ? 'set' : 'did not set'} AWSALB, expected ${want.setsCookie ? 'to set' : 'not to'}`,
          )
        if (want.decision === 'sticky-hit' && now.cookieTarget !== seen.cookieTarget)
          problems.push(`the binding moved from ${seen.cookieTarget} to ${now.cookieTarget}`)
      }
    }
    if (problems.length > 0)
      throw new Error(
        `Path ${describePath(path)}, step ${i} (${event}) from ${JSON.stringify(before)}: ${problems.join('; ')}`,
      )
  }
}
