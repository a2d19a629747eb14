// The lab machine: clock control (play/pause/step/speed/jumps), learner actions reaching the core, and reset.
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { createActor } from 'xstate'
import { createLab } from '../sim'
import { labMachine, type LabEvent } from './labMachine'

function start(seed = 3) {
  const makeLab = (s: number) => {
    const lab = createLab({ seed: s })
    lab.addClient('alice')
    return lab
  }
  return createActor(labMachine, { input: { seed, makeLab } }).start()
}

describe('labMachine', () => {
  it('survives an event that throws, reports it, and keeps working (issue 16, finding 7)', () => {
    const actor = start()
    const errors: unknown[] = []
    actor.subscribe({ error: (e) => errors.push(e) })
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const before = JSON.stringify(actor.getSnapshot().context.lab.snapshot())
    actor.send({ type: 'sim.advance', seconds: Infinity })
    actor.send({ type: 'lab.call', method: 'removeClient', args: [['alice'] as unknown as string] })
    spy.mockRestore()
    expect(errors).toEqual([])
    expect(actor.getSnapshot().status).toBe('active')
    expect(actor.getSnapshot().context.failure).toMatchObject({
      event: 'removeClient',
      message: /must be a string/,
    })
    expect(JSON.stringify(actor.getSnapshot().context.lab.snapshot())).toBe(before)
    actor.send({ type: 'lab.call', method: 'request', args: ['alice'] })
    expect(actor.getSnapshot().context.lab.history()).toHaveLength(1)
  })

  it('starts playing, and frame ticks advance the virtual clock only while playing', () => {
    const actor = start()
    expect(actor.getSnapshot().hasTag('playing')).toBe(true)
    actor.send({ type: 'frame.tick', seconds: 1.5 })
    expect(actor.getSnapshot().context.lab.now()).toBeCloseTo(1.5)
    actor.send({ type: 'sim.pause' })
    actor.send({ type: 'frame.tick', seconds: 10 })
    expect(actor.getSnapshot().context.lab.now()).toBeCloseTo(1.5)
    actor.send({ type: 'sim.play' })
    actor.send({ type: 'frame.tick', seconds: 1 })
    expect(actor.getSnapshot().context.lab.now()).toBeCloseTo(2.5)
  })

  it('clock jumps work whether playing or paused', () => {
    const actor = start()
    actor.send({ type: 'sim.advance', seconds: 30 })
    actor.send({ type: 'sim.pause' })
    actor.send({ type: 'sim.advance', seconds: 86_400 })
    expect(actor.getSnapshot().context.lab.now()).toBeCloseTo(86_430)
  })

  it('steps to the next scheduled event only when paused', () => {
    const actor = start()
    actor.send({ type: 'sim.step' })
    expect(actor.getSnapshot().context.lab.now()).toBe(0)
    actor.send({ type: 'sim.pause' })
    actor.send({ type: 'lab.call', method: 'request', args: ['alice', {}] })
    const completesAt = actor.getSnapshot().context.lab.history().at(-1)!.completesAt
    actor.send({ type: 'sim.step' })
    const now = actor.getSnapshot().context.lab.now()
    expect(now).toBeGreaterThan(0)
    expect(now).toBeLessThanOrEqual(completesAt)
  })

  it('accepts speeds from 0.25× to 100× and ignores anything else', () => {
    const actor = start()
    actor.send({ type: 'sim.setSpeed', speed: 100 })
    expect(actor.getSnapshot().context.speed).toBe(100)
    actor.send({ type: 'sim.setSpeed', speed: 0 })
    actor.send({ type: 'sim.setSpeed', speed: 1000 })
    actor.send({ type: 'sim.setSpeed', speed: Number.NaN })
    expect(actor.getSnapshot().context.speed).toBe(100)
  })

  it('routes learner actions to the core and keeps the AWS result for the form that asked', () => {
    const actor = start()
    const version0 = actor.getSnapshot().context.version
    actor.send({
      type: 'lab.call',
      method: 'modifyTargetGroupAttributes',
      args: ['web', { 'stickiness.lb_cookie.duration_seconds': '0' }],
      tag: 'tg-form',
    })
    const last = actor.getSnapshot().context.lastCall
    expect(last?.tag).toBe('tg-form')
    expect(last?.result).toMatchObject({ ok: false })
    expect(
      actor.getSnapshot().context.lab.targetGroups()[0]!.attributes[
        'stickiness.lb_cookie.duration_seconds'
      ],
    ).toBe('86400')
    // AWS refused it: the world is as it was, so nothing needs redrawing or saving.
    expect(actor.getSnapshot().context.version).toBe(version0)
    // The same refused call again is a new lastCall, so the form that asked sees its own answer.
    actor.send({
      type: 'lab.call',
      method: 'modifyTargetGroupAttributes',
      args: ['web', { 'stickiness.lb_cookie.duration_seconds': '0' }],
      tag: 'tg-form',
    })
    expect(actor.getSnapshot().context.lastCall).not.toBe(last)

    actor.send({ type: 'lab.call', method: 'request', args: ['alice', {}] })
    expect(actor.getSnapshot().context.lab.history().at(-1)?.targetId).toBe('i-1')
    expect(actor.getSnapshot().context.version).toBe(version0 + 1)
  })

  it('has one change signal: the version grows when the world changes, not while time merely passes', () => {
    const actor = start()
    const version = () => actor.getSnapshot().context.version
    const v0 = version()
    actor.send({ type: 'frame.tick', seconds: 1 })
    expect(version()).toBe(v0)
    actor.send({ type: 'lab.call', method: 'request', args: ['alice', {}] })
    expect(version()).toBe(v0 + 1)
    actor.send({ type: 'frame.tick', seconds: 0.1 }) // still travelling
    expect(version()).toBe(v0 + 1)
    actor.send({ type: 'frame.tick', seconds: 1 }) // the request completes
    expect(version()).toBe(v0 + 2)
    const since = actor.getSnapshot().context.labSince
    actor.send({ type: 'sim.reset' })
    expect(version()).toBe(v0 + 3)
    expect(actor.getSnapshot().context.labSince).toBe(v0 + 3)
    expect(since).toBeLessThan(v0 + 3)
  })

  it('bumps the version exactly when the core counts a change or another lab is swapped in', () => {
    const events = fc.oneof(
      fc.record({
        type: fc.constant('frame.tick' as const),
        seconds: fc.double({ min: 0, max: 40, noNaN: true }),
      }),
      fc.constant({
        type: 'lab.call' as const,
        method: 'request' as const,
        args: ['alice', {}] as [string, object],
      }),
      fc.constant({
        type: 'lab.call' as const,
        method: 'stopInstance' as const,
        args: ['i-2'] as [string],
      }),
      fc.constant({
        type: 'lab.call' as const,
        method: 'startInstance' as const,
        args: ['i-2'] as [string],
      }),
      fc.constant({ type: 'sim.step' as const }),
      fc.constant({ type: 'sim.pause' as const }),
      fc.constant({ type: 'sim.play' as const }),
      fc.constant({ type: 'sim.reset' as const }),
    )
    fc.assert(
      fc.property(fc.array(events, { maxLength: 40 }), (list) => {
        const actor = start()
        for (const event of list) {
          const before = actor.getSnapshot().context
          const changes = before.lab.changeCount()
          actor.send(event as LabEvent)
          const after = actor.getSnapshot().context
          const changed = after.lab !== before.lab || after.lab.changeCount() !== changes
          expect(after.version).toBe(before.version + (changed ? 1 : 0))
          expect(after.labSince).toBe(after.lab === before.lab ? before.labSince : after.version)
        }
      }),
      { numRuns: 50 },
    )
  })

  it('reset rebuilds the starting world from the same seed', () => {
    const actor = start(9)
    actor.send({ type: 'lab.call', method: 'addClient', args: ['bob'] })
    actor.send({ type: 'sim.advance', seconds: 100 })
    actor.send({ type: 'sim.reset' })
    const lab = actor.getSnapshot().context.lab
    expect(lab.now()).toBe(0)
    expect(lab.seed()).toBe(9)
    expect(lab.clients().map((c) => c.id)).toEqual(['alice'])
  })
})
