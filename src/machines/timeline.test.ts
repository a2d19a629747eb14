// The lab machine's timeline: rewinding the recording to any moment (rebuilt by replayLab, paused), stepping
// and returning to live, branching when the learner changes the past, and guarded loading of replays.
import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import { createLab, LOG_LIMIT, replayLab, type Lab } from '../sim'
import { labMachine } from './labMachine'

function makeLab(seed: number): Lab {
  const lab = createLab({ seed })
  lab.addClient('alice')
  return lab
}

/** A paused lab with a short recorded session: 8 calls in the log. */
function session() {
  const actor = createActor(labMachine, { input: { seed: 5, makeLab } }).start()
  actor.send({ type: 'sim.pause' })
  const call = (method: string, ...args: unknown[]) =>
    actor.send({ type: 'lab.call', method, args } as never)
  call('modifyTargetGroupAttributes', 'web', {
    'stickiness.enabled': 'true',
    'stickiness.type': 'lb_cookie',
  })
  call('request', 'alice')
  actor.send({ type: 'sim.advance', seconds: 2 })
  call('request', 'alice')
  call('stopInstance', 'i-1')
  actor.send({ type: 'sim.advance', seconds: 61 })
  call('request', 'alice')
  return actor
}

const ctx = (actor: ReturnType<typeof session>) => actor.getSnapshot().context
const world = (lab: Lab) => JSON.stringify(lab.snapshot())

describe('timeline', () => {
  it('steps back one recorded call at a time, rebuilding the world by replay, and pauses', () => {
    const actor = session()
    actor.send({ type: 'sim.play' })
    const live = ctx(actor).lab
    const log = live.log()
    expect(log).toHaveLength(8)
    const version = ctx(actor).version

    actor.send({ type: 'timeline.stepBack' })
    expect(actor.getSnapshot().hasTag('playing')).toBe(false)
    expect(ctx(actor).timeline).toMatchObject({ seed: 5, position: 7, log })
    expect(ctx(actor).lab).not.toBe(live)
    expect(world(ctx(actor).lab)).toBe(world(replayLab(5, log.slice(0, 7))))
    expect(ctx(actor).lab.history()).toHaveLength(2)
    expect(ctx(actor).version).toBeGreaterThan(version)
    expect(ctx(actor).timelineError).toBeNull()

    actor.send({ type: 'timeline.stepBack' })
    expect(ctx(actor).timeline?.position).toBe(6)
    expect(ctx(actor).lab.now()).toBe(2)
  })

  it('seeks anywhere (clamped), steps forward, and "live" hands back the very same lab', () => {
    const actor = session()
    const live = ctx(actor).lab
    const before = world(live)

    actor.send({ type: 'timeline.seek', position: 0 })
    expect(ctx(actor).timeline?.position).toBe(0)
    expect(ctx(actor).lab.clients()).toEqual([]) // even alice was a recorded call
    actor.send({ type: 'timeline.seek', position: -4 })
    expect(ctx(actor).timeline?.position).toBe(0)
    actor.send({ type: 'timeline.seek', position: Number.NaN })
    expect(ctx(actor).timeline?.position).toBe(0)

    actor.send({ type: 'timeline.seek', position: 3 })
    actor.send({ type: 'timeline.stepForward' })
    expect(ctx(actor).timeline?.position).toBe(4)
    expect(world(ctx(actor).lab)).toBe(world(replayLab(5, live.log().slice(0, 4))))

    actor.send({ type: 'timeline.live' })
    expect(ctx(actor).timeline).toBeNull()
    expect(ctx(actor).lab).toBe(live)
    expect(world(live)).toBe(before)

    actor.send({ type: 'timeline.seek', position: 7 })
    actor.send({ type: 'timeline.seek', position: 99 }) // past the end is the end: live again
    expect(ctx(actor).timeline).toBeNull()
    expect(ctx(actor).lab).toBe(live)
  })

  it('does nothing when already live', () => {
    const actor = session()
    const { lab, version } = ctx(actor)
    actor.send({ type: 'timeline.stepForward' })
    actor.send({ type: 'timeline.live' })
    expect(ctx(actor).lab).toBe(lab)
    expect(ctx(actor).version).toBe(version)
    expect(ctx(actor).timeline).toBeNull()
  })

  it('a learner action in the past continues from there and drops the later calls (branching)', () => {
    const actor = session()
    const log = ctx(actor).lab.log()
    actor.send({ type: 'timeline.seek', position: 3 })
    actor.send({ type: 'lab.call', method: 'request', args: ['alice'] })
    expect(ctx(actor).timeline).toBeNull()
    const branched = ctx(actor).lab.log()
    expect(branched.slice(0, 3)).toEqual(log.slice(0, 3))
    expect(branched).toHaveLength(4)
    expect(branched[3]).toMatchObject({ call: 'request', args: ['alice'] })
    expect(ctx(actor).lastCall?.method).toBe('request')
    // Nothing left to step forward to.
    actor.send({ type: 'timeline.stepForward' })
    expect(ctx(actor).lab.log()).toHaveLength(4)
  })

  it('clock moves in the past branch too: a jump, a step, or playing', () => {
    for (const move of [
      (a: ReturnType<typeof session>) => a.send({ type: 'sim.advance', seconds: 5 }),
      (a: ReturnType<typeof session>) => a.send({ type: 'sim.step' }),
      (a: ReturnType<typeof session>) => {
        a.send({ type: 'sim.play' })
        a.send({ type: 'frame.tick', seconds: 0.5 })
      },
    ]) {
      const actor = session()
      actor.send({ type: 'timeline.seek', position: 2 })
      move(actor)
      expect(ctx(actor).timeline).toBeNull()
      expect(ctx(actor).lab.log()).toHaveLength(3)
    }
  })

  it('reset and loading another lab leave the past', () => {
    const actor = session()
    actor.send({ type: 'timeline.seek', position: 2 })
    actor.send({ type: 'sim.reset' })
    expect(ctx(actor).timeline).toBeNull()
    expect(ctx(actor).lab.log()).toHaveLength(1)

    const other = session()
    other.send({ type: 'timeline.seek', position: 2 })
    other.send({ type: 'sim.load', lab: makeLab(9) })
    expect(ctx(other).timeline).toBeNull()
    expect(ctx(other).lab.seed()).toBe(9)
  })

  it('refuses to rewind a recording whose oldest calls were dropped, leaving the lab alone', () => {
    const lab = makeLab(1)
    for (let i = 0; i < LOG_LIMIT; i++) lab.addClient('alice')
    const actor = createActor(labMachine, { input: { lab, makeLab } }).start()
    const version = ctx(actor).version
    actor.send({ type: 'timeline.stepBack' })
    expect(ctx(actor).lab).toBe(lab)
    expect(ctx(actor).version).toBe(version)
    expect(ctx(actor).timeline).toBeNull()
    expect(ctx(actor).timelineError).toMatch(/recording is too long/)
    expect(actor.getSnapshot().hasTag('playing')).toBe(true)
  })
})

describe('timeline.load', () => {
  it('rebuilds a replay byte for byte, paused, at the end of its recording', () => {
    const source = session()
    const original = ctx(source).lab
    const actor = createActor(labMachine, { input: { seed: 1, makeLab } }).start()
    actor.send({ type: 'timeline.load', replay: { seed: original.seed(), log: original.log() } })
    expect(actor.getSnapshot().hasTag('playing')).toBe(false)
    expect(world(ctx(actor).lab)).toBe(world(original))
    expect(ctx(actor).timeline).toBeNull()
    expect(ctx(actor).timelineError).toBeNull()
    // Its recording is rewindable like the learner's own.
    actor.send({ type: 'timeline.stepBack' })
    expect(ctx(actor).timeline?.position).toBe(7)
  })

  it('a replay whose call throws never touches the current lab (nor pauses it)', () => {
    const actor = createActor(labMachine, { input: { seed: 1, makeLab } }).start()
    actor.send({ type: 'lab.call', method: 'request', args: ['alice'] })
    const { lab, version } = ctx(actor)
    const before = world(lab)
    const log = [
      { at: 0, call: 'addClient', args: ['bob'] },
      { at: 0, call: 'advance', args: [-1] },
    ]
    actor.send({ type: 'timeline.load', replay: { seed: 3, log } })
    expect(ctx(actor).timelineError).toMatch(
      /^The replay could not be played back: entry 2 \(advance at 0 s\) failed: seconds must be/,
    )
    expect(ctx(actor).lab).toBe(lab)
    expect(ctx(actor).version).toBe(version)
    expect(world(lab)).toBe(before)
    expect(actor.getSnapshot().hasTag('playing')).toBe(true)

    // The next successful timeline event clears the message.
    actor.send({ type: 'timeline.stepBack' })
    expect(ctx(actor).timelineError).toBeNull()
  })
})
