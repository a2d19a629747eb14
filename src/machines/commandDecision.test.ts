// The lab machine decides (issue 17): a command's transition is guarded by its validate, so snapshot.can() says
// whether the lab would accept it, a refused `lab.command` is not taken, and a refused `lab.call` is still answered
// with AWS's error (or the failure notice) exactly as the call itself would answer, leaving the world unchanged.
import { describe, expect, it, vi } from 'vitest'
import { createActor } from 'xstate'
import { applyCommand, createLab, validateCommand, type LabCommand } from '../sim'
import { labMachine, type LearnerCommand } from './labMachine'

function start() {
  const makeLab = (seed: number) => {
    const lab = createLab({ seed })
    lab.addClient('alice')
    return lab
  }
  return createActor(labMachine, { input: { seed: 7, makeLab } }).start()
}

const COMMANDS: LearnerCommand[] = [
  { call: 'request', args: ['alice'] },
  { call: 'request', args: ['alice', { durationSeconds: -1 }] },
  { call: 'registerTargets', args: ['web', ['i-1']] },
  { call: 'registerTargets', args: ['nope', ['i-1']] },
  { call: 'deregisterTargets', args: ['web', []] },
  { call: 'createTargetGroup', args: ['web'] },
  { call: 'createTargetGroup', args: ['green', { targets: 2 }] },
  { call: 'modifyTargetGroupAttributes', args: ['web', { 'stickiness.enabled': 'true' }] },
  {
    call: 'modifyTargetGroupAttributes',
    args: ['web', { 'stickiness.lb_cookie.duration_seconds': '0' }],
  },
  { call: 'setListenerProtocol', args: ['HTTPS'] },
  { call: 'stopInstance', args: ['i-2'] },
  { call: 'removeClient', args: ['alice'] },
  { call: 'deleteCookie', args: ['alice', 'AWSALB'] },
  { call: 'createLBCookieStickinessPolicy', args: [{ policyName: 'p' }] },
]

describe('the lab machine decides with each command’s validate', () => {
  it('snapshot.can agrees with validateCommand, on an ALB and after switching to an NLB', () => {
    const actor = start()
    const seen = new Set<boolean>()
    for (const command of COMMANDS) {
      const { lab } = actor.getSnapshot().context
      const can = actor.getSnapshot().can({ type: 'lab.command', command })
      expect(can, command.call).toBe(validateCommand(lab, command).ok)
      seen.add(can)
    }
    // Both answers occur, so the agreement is not trivial.
    expect([...seen].sort()).toEqual([false, true])
    actor.send({ type: 'lab.command', command: { call: 'setLoadBalancerType', args: ['network'] } })
    for (const command of [
      ...COMMANDS,
      { call: 'openWebSocket', args: ['alice'] } satisfies LearnerCommand,
    ] as LearnerCommand[]) {
      const { lab } = actor.getSnapshot().context
      expect(actor.getSnapshot().can({ type: 'lab.command', command }), command.call).toBe(
        validateCommand(lab, command).ok,
      )
    }
  })

  it('asking changes nothing', () => {
    const actor = start()
    const before = JSON.stringify(actor.getSnapshot().context.lab.snapshot())
    for (const command of COMMANDS) actor.getSnapshot().can({ type: 'lab.command', command })
    expect(JSON.stringify(actor.getSnapshot().context.lab.snapshot())).toBe(before)
    expect(actor.getSnapshot().context.version).toBe(0)
  })

  it('takes an accepted lab.command and ignores a refused one', () => {
    const actor = start()
    actor.send({ type: 'lab.command', command: { call: 'createTargetGroup', args: ['green'] } })
    const after = actor.getSnapshot().context
    expect(after.lab.targetGroups().map((g) => g.name)).toContain('green')
    expect(after.version).toBe(1)
    const world = JSON.stringify(after.lab.snapshot())
    actor.send({ type: 'lab.command', command: { call: 'createTargetGroup', args: ['green'] } })
    expect(actor.getSnapshot().context.lastCall).toBe(after.lastCall)
    expect(actor.getSnapshot().context.version).toBe(1)
    expect(JSON.stringify(actor.getSnapshot().context.lab.snapshot())).toBe(world)
  })

  it('answers a refused lab.call with the very refusal the call returns, changing nothing', () => {
    const actor = start()
    const command = {
      call: 'modifyTargetGroupAttributes',
      args: ['web', { 'stickiness.lb_cookie.duration_seconds': '0' }],
    } satisfies LabCommand
    const twin = createLab({ seed: 7 })
    twin.addClient('alice')
    const direct = applyCommand(twin, command)
    const before = JSON.stringify(actor.getSnapshot().context.lab.snapshot())
    actor.send({ type: 'lab.call', method: command.call, args: command.args, tag: 'tg-form' })
    const { lastCall, version, lab } = actor.getSnapshot().context
    expect(lastCall).toEqual({ method: command.call, result: direct, tag: 'tg-form' })
    expect(direct).toMatchObject({ ok: false, field: 'stickiness.lb_cookie.duration_seconds' })
    expect(version).toBe(0)
    expect(JSON.stringify(lab.snapshot())).toBe(before)
    expect(lab.log()).toHaveLength(1) // the starting addClient only
  })

  it('answers a lab.call the lab would throw on with the failure notice, as before', () => {
    const actor = start()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    actor.send({ type: 'lab.call', method: 'request', args: ['alice', { durationSeconds: -1 }] })
    warn.mockRestore()
    expect(actor.getSnapshot().context.failure).toEqual({
      event: 'request',
      message: expect.stringMatching(/durationSeconds/),
    })
    expect(actor.getSnapshot().context.lab.history()).toHaveLength(0)
  })

  it('answers a refused "Show me" step (an attempt carrying a checked command) like a live call', () => {
    const actor = start()
    actor.send({ type: 'lab.command', command: { call: 'setLoadBalancerType', args: ['network'] } })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    actor.send({ type: 'lab.call', command: { call: 'openWebSocket', args: ['alice'] } })
    warn.mockRestore()
    expect(actor.getSnapshot().context.failure).toEqual({
      event: 'openWebSocket',
      message: 'openWebSocket is modelled for the Application Load Balancer only',
    })
  })
})
