// The lab's statechart: owns the simulated world (a Lab from src/sim), the play/pause clock and the speed,
// and turns every learner action into a call on the core. The UI talks only to this machine.
import { assign, setup } from 'xstate'
import { createLab, type Lab, type Result } from '../sim'

/** Lab methods a learner action may call; all of them are recorded by the core's log for replay. */
export type LabMethod =
  | 'modifyTargetGroupAttributes'
  | 'modifyHealthCheck'
  | 'setListenerProtocol'
  | 'setForward'
  | 'createTargetGroup'
  | 'registerTargets'
  | 'deregisterTargets'
  | 'launchInstance'
  | 'stopInstance'
  | 'startInstance'
  | 'setHealthCheckFailing'
  | 'configureApp'
  | 'addClient'
  | 'removeClient'
  | 'setClientOptions'
  | 'request'
  | 'openWebSocket'
  | 'sendWebSocketMessage'
  | 'closeWebSocket'
  | 'setCookie'
  | 'deleteCookie'
  | 'clearCookies'

type CallEvent<K extends LabMethod> = { type: 'lab.call'; method: K; args: Parameters<Lab[K]>; tag?: string }
export type LabCallEvent = { [K in LabMethod]: CallEvent<K> }[LabMethod]

/** Speeds offered to the learner: 0.25× … 100× virtual seconds per real second. */
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 25, 100] as const

/** The outcome of the latest configuration call, so a form can show AWS's error beside its field. */
export interface LastCall {
  seq: number
  method: LabMethod
  tag?: string
  result: Result | null
}

export interface LabContext {
  lab: Lab
  /** Builds the starting world for a seed (the app adds its default client); used by reset. */
  makeLab: (seed: number) => Lab
  /** Bumped on every change to the world; selectors key their memoisation on it. */
  rev: number
  speed: number
  lastCall: LastCall | null
  seq: number
}

export type LabEvent =
  | LabCallEvent
  | { type: 'sim.play' }
  | { type: 'sim.pause' }
  | { type: 'sim.toggle' }
  | { type: 'sim.setSpeed'; speed: number }
  | { type: 'sim.advance'; seconds: number }
  | { type: 'sim.step' }
  | { type: 'sim.reset'; seed?: number }
  | { type: 'sim.load'; lab: Lab }
  | { type: 'frame.tick'; seconds: number }

export interface LabInput {
  seed?: number
  lab?: Lab
  makeLab?: (seed: number) => Lab
}

function isResult(value: unknown): value is Result {
  return typeof value === 'object' && value !== null && 'ok' in value
}

/** Applies one learner action to the core. Kept outside `assign` so it is testable on its own. */
export function applyCall(lab: Lab, event: LabCallEvent): Result | null {
  const fn = lab[event.method] as (...args: unknown[]) => unknown
  const out = fn.apply(lab, event.args as unknown[])
  return isResult(out) ? out : null
}

export const labMachine = setup({
  types: {
    context: {} as LabContext,
    events: {} as LabEvent,
    input: {} as LabInput,
  },
  actions: {
    callLab: assign(({ context, event }) => {
      if (event.type !== 'lab.call') return {}
      const result = applyCall(context.lab, event)
      const seq = context.seq + 1
      const lastCall: LastCall = { seq, method: event.method, result, ...(event.tag ? { tag: event.tag } : {}) }
      return { rev: context.rev + 1, seq, lastCall }
    }),
    advanceClock: assign(({ context }, params: { seconds: number }) => {
      if (!(params.seconds > 0)) return {}
      context.lab.advance(params.seconds)
      return { rev: context.rev + 1 }
    }),
    stepToNextEvent: assign(({ context }) => {
      context.lab.advance(context.lab.secondsToNextEvent())
      return { rev: context.rev + 1 }
    }),
    setSpeed: assign((_, params: { speed: number }) => ({ speed: params.speed })),
    resetLab: assign(({ context }, params: { seed: number | undefined }) => ({
      lab: context.makeLab(params.seed ?? context.lab.seed()),
      rev: context.rev + 1,
      lastCall: null,
    })),
    loadLab: assign(({ context }, params: { lab: Lab }) => ({ lab: params.lab, rev: context.rev + 1, lastCall: null })),
  },
  guards: {
    isValidSpeed: (_, params: { speed: number }) => Number.isFinite(params.speed) && params.speed > 0 && params.speed <= 100,
  },
}).createMachine({
  id: 'lab',
  context: ({ input }) => {
    const makeLab = input.makeLab ?? ((seed: number) => createLab({ seed }))
    return {
    lab: input.lab ?? makeLab(input.seed ?? 1),
    makeLab,
    rev: 0,
    speed: 1,
    lastCall: null,
    seq: 0,
    }
  },
  initial: 'running',
  on: {
    'lab.call': { actions: 'callLab' },
    'sim.advance': {
      description: 'Jump the virtual clock (e.g. +30 s, +5 min, +1 day) so expiry and health checks can be seen.',
      actions: { type: 'advanceClock', params: ({ event }) => ({ seconds: event.seconds }) },
    },
    'sim.setSpeed': {
      guard: { type: 'isValidSpeed', params: ({ event }) => ({ speed: event.speed }) },
      actions: { type: 'setSpeed', params: ({ event }) => ({ speed: event.speed }) },
    },
    'sim.reset': { actions: { type: 'resetLab', params: ({ event }) => ({ seed: event.seed }) } },
    'sim.load': { actions: { type: 'loadLab', params: ({ event }) => ({ lab: event.lab }) } },
  },
  states: {
    running: {
      tags: ['playing'],
      on: {
        'sim.pause': 'paused',
        'sim.toggle': 'paused',
        'frame.tick': {
          description: 'The frame driver feeds real elapsed time × speed into the virtual clock.',
          actions: { type: 'advanceClock', params: ({ event }) => ({ seconds: event.seconds }) },
        },
      },
    },
    paused: {
      on: {
        'sim.play': 'running',
        'sim.toggle': 'running',
        'sim.step': {
          description: 'Advance the virtual clock to the next scheduled event (a request finishing, a health check, a deadline).',
          actions: 'stepToNextEvent',
        },
      },
    },
  },
})
