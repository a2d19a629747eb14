// Reproduce in the lab applies its commands all or nothing: one refusal leaves the lab and its log untouched.
import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import { labMachine } from '../../machines/labMachine'
import { applyAllOrNothing } from './applyAllOrNothing'

function start() {
  return createActor(labMachine, { input: { seed: 1 } }).start()
}

describe('applyAllOrNothing', () => {
  it('applies every command as a learner call, recorded in the log', () => {
    const actor = start()
    const out = applyAllOrNothing(actor, [
      {
        call: 'modifyTargetGroupAttributes',
        args: ['web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' }],
      },
      { call: 'addClient', args: ['pasted'] },
      { call: 'setCookie', args: ['pasted', 'AWSALB', 'opaque'] },
    ])
    expect(out).toEqual({ ok: true })
    const lab = actor.getSnapshot().context.lab
    expect(lab.cookies('pasted').map((c) => c.name)).toEqual(['AWSALB'])
    expect(lab.log().map((e) => e.call)).toEqual([
      'modifyTargetGroupAttributes',
      'addClient',
      'setCookie',
    ])
  })

  it('a refused command (AWS error or a thrown check) changes nothing, and says why in AWS words', () => {
    const actor = start()
    const before = actor.getSnapshot().context.lab.log().length
    const refused = applyAllOrNothing(actor, [
      { call: 'addClient', args: ['pasted'] },
      {
        call: 'modifyTargetGroupAttributes',
        args: ['no-such-group', { 'stickiness.enabled': 'true' }],
      },
    ])
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.message).toMatch(
      /^modifyTargetGroupAttributes was refused \(TargetGroupNotFound: .*\)\. Nothing was changed\.$/,
    )
    const thrown = applyAllOrNothing(actor, [
      { call: 'addClient', args: ['pasted'] },
      { call: 'configureApp', args: [{ sessionCookie: { name: 'x', maxAgeSeconds: -1 } }] },
    ])
    expect(!thrown.ok && thrown.message).toMatch(/^configureApp was refused/)
    const lab = actor.getSnapshot().context.lab
    expect(lab.clients().map((c) => c.id)).not.toContain('pasted')
    expect(lab.log()).toHaveLength(before)
  })
})
