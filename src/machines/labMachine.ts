// The lab's statechart: owns the simulated world (a Lab from src/sim), the play/pause clock and the speed,
// and turns every learner action into a call on the core. The UI talks only to this machine. It also keeps the
// timeline: rewinding the recording (the core's call log) to any earlier moment, and loading saved replays.
import { assign, enqueueActions, setup } from 'xstate'
import type { LabEventData } from '../lessons/schema'
import {
  checkCommand,
  createLab,
  isThrownRefusal,
  replayLab,
  type Lab,
  type LabCall,
  type Result,
} from '../sim/core'
import { acceptsCommand, decideCommand } from './commandDecision'
import {
  applyCall,
  commandOf,
  type LabAttemptEvent,
  type LabCallEvent,
  type LabCommandEvent,
  type LabMethod,
} from './learnerEvents'
import { buildReplayLab, recordingProblem } from './replayBuild'

// The learner events live in learnerEvents.ts; importers keep reading them from here.
export * from './learnerEvents'

/**
 * A lesson's or scenario's event data as a lab-machine event: its call passes the same gate as a live call
 * (checkCommand), so nothing is cast. Null for a call the gate refuses (the schema already refused it at load).
 */
export function labEventOf(data: LabEventData): LabEvent | null {
  if (data.type === 'sim.advance') return data
  const checked = checkCommand(data.method, data.args)
  if (!checked.ok) return null
  const { command } = checked
  // An attempt, so a step the lab refuses still tells the learner why (the failure notice), as a live call does.
  return command.call === 'advance' ? null : { type: 'lab.call', command }
}

/** Speeds offered to the learner: 0.25× … 100× virtual seconds per real second. */
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 25, 100] as const

/** The outcome of the latest configuration call, so a form can show AWS's error beside its field. */
export interface LastCall {
  method: LabMethod
  tag?: string
  result: Result | null
}

/**
 * The recording being viewed at an earlier moment. `lab` shows the world after the first `position` calls of
 * `log`; the last `log.length - position` calls are still there to step forward through, until the learner
 * changes anything, which continues from this moment and drops them (like undo, then a new edit).
 */
export interface Timeline {
  seed: number
  log: LabCall[]
  /** How many calls of `log` are applied: 0 (the fresh world) … log.length (the live lab). */
  position: number
  /** The learner's lab as it was at the end of the recording, handed back unchanged by "Back to live". */
  live: Lab
}

/** A recording to load (a parsed replay file or share link). */
export interface ReplayInput {
  seed: number
  log: LabCall[]
}

export interface LabContext {
  lab: Lab
  /** Builds the starting world for a seed (the app adds its default client); used by reset. */
  makeLab: (seed: number) => Lab
  /**
   * The one "the lab changed" signal (docs/decisions/0011-one-actor-system.md): grows exactly when an applied call
   * or a clock tick changes the world beyond its clock (the core's `changeCount()` grew), or another lab is swapped
   * in (reset, load, timeline). Time merely passing leaves it alone; hooks, the stage, persistence and the lesson
   * key their work on it.
   */
  version: number
  /** The `version` at which the current lab was swapped in: forms key on it to drop drafts of the previous lab. */
  labSince: number
  speed: number
  /** A new object for every call, so an observer tells two identical calls apart by identity. */
  lastCall: LastCall | null
  /** Non-null while the learner looks at an earlier moment of the recording; null when live. */
  timeline: Timeline | null
  /** Why the latest timeline event could not be done (the lab was left exactly as it was); null otherwise. */
  timelineError: string | null
  /**
   * The latest event that threw (a call the core refused by throwing, or a bug); a new object each time, so each one
   * is reported once. The machine catches it and carries on: an exception must never stop the actor (issue 16, finding 7).
   */
  failure: { event: string; message: string } | null
}

export type LabEvent =
  | LabCallEvent
  | LabAttemptEvent
  | LabCommandEvent
  | { type: 'sim.play' }
  | { type: 'sim.pause' }
  | { type: 'sim.toggle' }
  | { type: 'sim.setSpeed'; speed: number }
  | { type: 'sim.advance'; seconds: number }
  | { type: 'sim.step' }
  | { type: 'sim.reset'; seed?: number }
  | { type: 'sim.load'; lab: Lab }
  | { type: 'frame.tick'; seconds: number }
  | { type: 'timeline.seek'; position: number }
  | { type: 'timeline.stepBack' }
  | { type: 'timeline.stepForward' }
  | { type: 'timeline.live' }
  | { type: 'timeline.load'; replay: ReplayInput }

export interface LabInput {
  seed?: number
  lab?: Lab
  makeLab?: (seed: number) => Lab
}

/** What an event that threw leaves in the context: the lab as it was (the core's calls are atomic) and the reason. */
function failed(event: string, error: unknown): Partial<LabContext> {
  const message = error instanceof Error ? error.message : String(error)
  // The core refuses bad arguments or a call its load balancer type lacks with TypeError/RangeError, before anything
  // changes (a "Show me" for an ALB feature after switching to an NLB, say): reported, not a bug. Anything else is.
  if (error instanceof TypeError || error instanceof RangeError)
    console.warn(`Stickylab: ${event} was refused: ${message}`)
  else console.error(`Stickylab: ${event} failed:`, error)
  return { failure: { event, message } }
}

/** A new version if the current lab changed beyond its clock since its `changeCount()` was `before`. */
function changedSince(context: LabContext, before: number): Partial<LabContext> {
  return context.lab.changeCount() === before ? {} : { version: context.version + 1 }
}

/** The context with `lab` swapped in (reset, load, timeline): always a new version. */
function swapped(context: LabContext, lab: Lab): Pick<LabContext, 'lab' | 'version' | 'labSince'> {
  return { lab, version: context.version + 1, labSince: context.version + 1 }
}

type SeekOutcome =
  | { ok: true; changes: Partial<LabContext> }
  | { ok: false; message: string }
  | { ok: true; changes: null }

/**
 * What moving the timeline to `target` changes: a lab rebuilt with replayLab(seed, log.slice(0, target)), or
 * the live lab itself at the end. Pure apart from building the new lab; `changes: null` means nothing to do.
 */
export function seekTimeline(context: LabContext, target: (t: Timeline) => number): SeekOutcome {
  let timeline = context.timeline
  if (timeline === null) {
    const log = context.lab.log()
    const problem = recordingProblem(context.lab, log.length)
    if (problem !== null) return { ok: false, message: problem }
    timeline = { seed: context.lab.seed(), log, position: log.length, live: context.lab }
  }
  const wanted = target(timeline)
  if (!Number.isFinite(wanted)) return { ok: true, changes: null }
  const position = Math.min(Math.max(Math.round(wanted), 0), timeline.log.length)
  if (position === timeline.position) return { ok: true, changes: null }
  if (position === timeline.log.length) {
    return {
      ok: true,
      changes: { ...swapped(context, timeline.live), timeline: null, lastCall: null },
    }
  }
  let lab: Lab
  try {
    lab = replayLab(timeline.seed, timeline.log.slice(0, position))
  } catch (error) {
    // The live lab's own log should always replay; if it does not, say so rather than show a wrong world.
    const reason = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      message: `This moment of the recording cannot be rebuilt (${reason}). The lab was left as it was.`,
    }
  }
  return {
    ok: true,
    changes: { ...swapped(context, lab), timeline: { ...timeline, position }, lastCall: null },
  }
}

export const labMachine = setup({
  types: {
    context: {} as LabContext,
    events: {} as LabEvent,
    input: {} as LabInput,
  },
  actions: {
    /** Runs a command the guard accepted (the core still refuses safely if the world said otherwise). */
    applyCommand: assign(({ context, event }) => {
      if (event.type !== 'lab.call' && event.type !== 'lab.command') return {}
      const method = commandOf(event).call
      const before = context.lab.changeCount()
      let result: Result | null
      try {
        result = applyCall(context.lab, event)
      } catch (error) {
        return failed(method, error)
      }
      const lastCall: LastCall = {
        method,
        result,
        ...(event.tag ? { tag: event.tag } : {}),
      }
      // A change while viewing the past continues from there: the later recorded calls are dropped.
      return { ...changedSince(context, before), lastCall, timeline: null }
    }),
    /**
     * Answers a command the guard refused without running it, exactly as the call would have: AWS's refusal as
     * `lastCall` (a form shows it beside its field), or, for a call the lab refuses by throwing, `failure`.
     */
    recordRefusal: assign(({ context, event }) => {
      if (event.type !== 'lab.call') return {}
      const command = commandOf(event)
      const result = decideCommand(context.lab, command)
      if (result === null || result.ok) return {}
      if (isThrownRefusal(result)) {
        const error =
          result.code === 'RangeError'
            ? new RangeError(result.message)
            : new TypeError(result.message)
        return failed(command.call, error)
      }
      const lastCall: LastCall = {
        method: command.call,
        result,
        ...(event.tag ? { tag: event.tag } : {}),
      }
      return { lastCall, timeline: null }
    }),
    advanceClock: assign(({ context }, params: { seconds: number }) => {
      if (!(params.seconds > 0)) return {}
      const before = context.lab.changeCount()
      try {
        context.lab.advance(params.seconds)
      } catch (error) {
        return failed('advance', error)
      }
      return { ...changedSince(context, before), timeline: null }
    }),
    stepToNextEvent: assign(({ context }) => {
      const before = context.lab.changeCount()
      try {
        context.lab.advance(context.lab.secondsToNextEvent())
      } catch (error) {
        return failed('step', error)
      }
      return { ...changedSince(context, before), timeline: null }
    }),
    setSpeed: assign((_, params: { speed: number }) => ({ speed: params.speed })),
    resetLab: assign(({ context }, params: { seed: number | undefined }) => {
      try {
        return {
          ...swapped(context, context.makeLab(params.seed ?? context.lab.seed())),
          lastCall: null,
          timeline: null,
        }
      } catch (error) {
        return failed('reset', error)
      }
    }),
    loadLab: assign(({ context }, params: { lab: Lab }) => ({
      ...swapped(context, params.lab),
      lastCall: null,
      timeline: null,
    })),
    /** Moves along the recording; on success the clock pauses (the past does not play on by itself). */
    seek: enqueueActions(({ context, enqueue }, params: { target: (t: Timeline) => number }) => {
      const out = seekTimeline(context, params.target)
      if (!out.ok) {
        enqueue.assign({ timelineError: out.message })
        return
      }
      enqueue.assign({ ...out.changes, timelineError: null })
      if (out.changes !== null) enqueue.raise({ type: 'sim.pause' })
    }),
    /** Plays a replay back into a new lab (guarded: a replay that throws leaves the current lab untouched). */
    loadReplay: enqueueActions(({ context, enqueue }, params: { replay: ReplayInput }) => {
      const built = buildReplayLab(params.replay)
      if (!built.ok) {
        enqueue.assign({ timelineError: built.message })
        return
      }
      enqueue.assign({
        ...swapped(context, built.lab),
        lastCall: null,
        timeline: null,
        timelineError: null,
      })
      enqueue.raise({ type: 'sim.pause' })
    }),
  },
  guards: {
    /** The command's own validate (ADR 0010), read from the world as it is: pure, so `can()` may ask it. */
    commandAccepted: ({ context, event }) =>
      (event.type === 'lab.call' || event.type === 'lab.command') &&
      acceptsCommand(context.lab, commandOf(event)),
    isValidSpeed: (_, params: { speed: number }) =>
      Number.isFinite(params.speed) && params.speed > 0 && params.speed <= 100,
  },
}).createMachine({
  id: 'lab',
  context: ({ input }) => {
    const makeLab = input.makeLab ?? ((seed: number) => createLab({ seed }))
    return {
      lab: input.lab ?? makeLab(input.seed ?? 1),
      makeLab,
      version: 0,
      labSince: 0,
      speed: 1,
      lastCall: null,
      timeline: null,
      timelineError: null,
      failure: null,
    }
  },
  initial: 'running',
  on: {
    'lab.call': [
      {
        description: 'A learner action the lab accepts: applied.',
        guard: 'commandAccepted',
        actions: 'applyCommand',
      },
      {
        description:
          'A learner action the lab refuses: its refusal is recorded (AWS’s error beside the field), the world unchanged.',
        actions: 'recordRefusal',
      },
    ],
    'lab.command': {
      description:
        'A command, taken only when the lab accepts it, so snapshot.can() tells a control whether it would be.',
      guard: 'commandAccepted',
      actions: 'applyCommand',
    },
    'sim.advance': {
      description:
        'Jump the virtual clock (e.g. +30 s, +5 min, +1 day) so expiry and health checks can be seen.',
      actions: { type: 'advanceClock', params: ({ event }) => ({ seconds: event.seconds }) },
    },
    'sim.setSpeed': {
      guard: { type: 'isValidSpeed', params: ({ event }) => ({ speed: event.speed }) },
      actions: { type: 'setSpeed', params: ({ event }) => ({ speed: event.speed }) },
    },
    'sim.reset': { actions: { type: 'resetLab', params: ({ event }) => ({ seed: event.seed }) } },
    'sim.load': { actions: { type: 'loadLab', params: ({ event }) => ({ lab: event.lab }) } },
    'timeline.seek': {
      description:
        'Show the lab as it was after the first `position` recorded calls (rebuilt by replaying them), paused. The later calls stay available until the learner changes something.',
      actions: { type: 'seek', params: ({ event }) => ({ target: () => event.position }) },
    },
    'timeline.stepBack': {
      actions: { type: 'seek', params: { target: (t: Timeline) => t.position - 1 } },
    },
    'timeline.stepForward': {
      actions: { type: 'seek', params: { target: (t: Timeline) => t.position + 1 } },
    },
    'timeline.live': {
      description: 'Back to the end of the recording: the learner’s own lab, exactly as it was.',
      actions: { type: 'seek', params: { target: (t: Timeline) => t.log.length } },
    },
    'timeline.load': {
      description:
        'Load a saved replay (file or share link): rebuild its lab, paused, at the end of its recording.',
      actions: { type: 'loadReplay', params: ({ event }) => ({ replay: event.replay }) },
    },
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
          description:
            'Advance the virtual clock to the next scheduled event (a request finishing, a health check, a deadline).',
          actions: 'stepToNextEvent',
        },
      },
    },
  },
})
