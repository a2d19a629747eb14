// The command registry: every state-changing call is a command applied through one table; outside data becomes a
// command only through the live lab's own argument gate.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLab } from '../index'
import type { LabQueries } from '../model/api'
import { REPLAYABLE_CALLS, type ReplayableCall } from '../replayCalls'
import { replayLab } from '../index'
import { applyCommand, checkCommand, COMMAND_NAMES, isCommandName, type LabCommand } from './labCommand'

describe('LabCommand', () => {
  it('names every replayable call, and nothing else', () => {
    expect([...COMMAND_NAMES]).toEqual([...REPLAYABLE_CALLS])
    for (const call of REPLAYABLE_CALLS) expect(isCommandName(call)).toBe(true)
    for (const other of ['now', 'snapshot', 'log', 'toString', '__proto__', 'constructor', 'hasOwnProperty', ''])
      expect(isCommandName(other)).toBe(false)
  })

  it('applies a command exactly as the method call: same result, same world, same log', () => {
    const commands: LabCommand[] = [
      { call: 'addClient', args: ['alice'] },
      { call: 'modifyTargetGroupAttributes', args: ['web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' }] },
      { call: 'request', args: ['alice'] },
      { call: 'advance', args: [30] },
      { call: 'stopInstance', args: ['i-1'] },
      { call: 'request', args: ['alice', { path: '/cart/add' }] },
      { call: 'deleteCookie', args: ['alice', 'AWSALB'] },
      { call: 'modifyTargetGroupAttributes', args: ['web', { 'stickiness.lb_cookie.duration_seconds': '0' }] },
    ]
    const viaCommands = createLab({ seed: 5 })
    const results = commands.map((c) => applyCommand(viaCommands, c))
    const direct = createLab({ seed: 5 })
    const expected = [
      direct.addClient('alice'),
      direct.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' }),
      direct.request('alice'),
      direct.advance(30),
      direct.stopInstance('i-1'),
      direct.request('alice', { path: '/cart/add' }),
      direct.deleteCookie('alice', 'AWSALB'),
      direct.modifyTargetGroupAttributes('web', { 'stickiness.lb_cookie.duration_seconds': '0' }),
    ]
    expect(JSON.stringify(results)).toBe(JSON.stringify(expected))
    // The last one is AWS's refusal (1 to 604,800 s): a command is refused as the call is, and leaves no entry.
    expect(results.at(-1)).toMatchObject({ ok: false, code: 'ValidationError' })
    expect(JSON.stringify(viaCommands.snapshot())).toBe(JSON.stringify(direct.snapshot()))
    expect(viaCommands.log().map((e) => e.call)).toEqual(commands.slice(0, -1).map((c) => c.call))
  })

  it('a log is a list of commands: replaying it applies each through the table', () => {
    const lab = createLab({ seed: 9 })
    applyCommand(lab, { call: 'addClient', args: ['bob'] })
    applyCommand(lab, { call: 'request', args: ['bob'] })
    applyCommand(lab, { call: 'advance', args: [2] })
    expect(JSON.stringify(replayLab(9, lab.log()).snapshot())).toBe(JSON.stringify(lab.snapshot()))
  })

  it('checkCommand turns data into a command, or says why not, with the live gate’s words', () => {
    expect(checkCommand('request', ['alice', { path: '/x' }])).toEqual({
      ok: true,
      command: { call: 'request', args: ['alice', { path: '/x' }] },
    })
    expect(checkCommand('eval', [])).toEqual({ ok: false, message: "'eval' is not a lab command." })
    expect(checkCommand(42, [])).toEqual({ ok: false, message: 'This is not a lab command.' })
    expect(checkCommand('toString', [])).toMatchObject({ ok: false })
    expect(checkCommand('request', 'alice')).toEqual({ ok: false, message: 'request: its arguments must be a list.' })
    expect(checkCommand('request', [7])).toEqual({ ok: false, message: 'request: client id must be a string, not 7' })
    expect(checkCommand('removeClient', ['a', 'b'])).toEqual({
      ok: false,
      message: 'removeClient takes at most 1 argument, not 2.',
    })
    expect(checkCommand('advance', [Number.NaN])).toMatchObject({ ok: false, message: expect.stringContaining('finite') })
    expect(checkCommand('request', ['alice', { durationSeconds: -1 }])).toMatchObject({ ok: false })
  })

  it('property: a checked command shares nothing with the data it came from', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (client, path) => {
        const options = { path }
        const checked = checkCommand('request', [client, options])
        expect(checked.ok).toBe(true)
        if (!checked.ok) return
        options.path = 'changed'
        expect(checked.command.args).toEqual([client, { path }])
      }),
    )
  })

  it('property: whatever the data, checkCommand never throws, and an accepted command either applies or changes nothing', () => {
    const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.object())
    fc.assert(
      fc.property(fc.constantFrom(...REPLAYABLE_CALLS, 'nope'), fc.array(anyValue, { maxLength: 4 }), (call, args) => {
        const checked = checkCommand(call, args)
        if (!checked.ok) {
          expect(checked.message.length).toBeGreaterThan(0)
          return
        }
        const lab = createLab({ seed: 1 })
        lab.addClient('alice')
        const before = JSON.stringify(lab.snapshot())
        let threw = false
        try {
          applyCommand(lab, checked.command)
        } catch {
          // A few values are refused by the rules by throwing (an unknown client): then nothing has changed.
          threw = true
        }
        if (threw) expect(JSON.stringify(lab.snapshot())).toBe(before)
      }),
      { numRuns: 300 },
    )
  })

  it('the read side (LabQueries, what views and selectors get) holds no command', () => {
    // Checked by the compiler: a command name among LabQueries' keys would make this `false` and fail to build.
    type Overlap = Extract<keyof LabQueries, ReplayableCall>
    const none: [Overlap] extends [never] ? true : false = true
    expect(none).toBe(true)
    const queries: LabQueries = createLab({ seed: 1 })
    expect(queries.history()).toEqual([])
  })
})
