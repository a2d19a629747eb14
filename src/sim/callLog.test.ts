// The compact call log must be indistinguishable from the plain ring it replaced: the same JSON (snapshots, saved
// labs) and the same entries (replays), through wrap-around, merged advances and a restore in the middle.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CallLog } from './callLog'
import type { LabCallState } from './model/world'
import { newRing, ringLast, ringPush, ringToArray, type Ring } from './ring'

type Op = { kind: 'call'; call: string; args: unknown[] | string } | { kind: 'advance'; seconds: number }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('call' as const), call: fc.constant('request'), args: fc.constantFrom('a', 'b', '__proto__') }),
  fc.record({
    kind: fc.constant('call' as const),
    call: fc.constantFrom('request', 'addClient', 'modifyTargetGroupAttributes'),
    args: fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.dictionary(fc.string({ maxLength: 2 }), fc.string({ maxLength: 2 }))), { maxLength: 2 }),
  }),
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 0, max: 5000 }).map((ms) => ms / 1000) }),
)

/** What lab.ts did before: a plain ring, consecutive advances merged into the last entry. */
function applyToRing(ring: Ring<LabCallState>, o: Op, at: number): void {
  if (o.kind === 'advance') {
    const last = ringLast(ring)
    if (last !== undefined && last.call === 'advance') last.args = [(Math.round((last.args[0] as number) * 1000) + Math.round(o.seconds * 1000)) / 1000]
    else ringPush(ring, { at, call: 'advance', args: [o.seconds] })
  } else ringPush(ring, { at, call: o.call, args: o.args })
}

function applyToLog(log: CallLog, o: Op, at: number): void {
  if (o.kind === 'advance') {
    if (log.lastIsAdvance()) log.setLastAdvanceSeconds((Math.round(log.lastAdvanceSeconds() * 1000) + Math.round(o.seconds * 1000)) / 1000)
    else log.push(at, 'advance', [o.seconds])
  } else log.push(at, o.call, o.args)
}

describe('CallLog', () => {
  it('serializes exactly like the plain ring and lists the same entries, across wrap-around and restore', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.array(op, { maxLength: 40 }), fc.nat(40), (limit, ops, cut) => {
        const ring = newRing<LabCallState>(limit)
        let log = new CallLog(limit)
        ops.forEach((o, i) => {
          // A restore from the snapshot part-way through must continue identically.
          if (i === cut) log = CallLog.fromRing(JSON.parse(JSON.stringify(log)) as Ring<LabCallState>)
          applyToRing(ring, o, i / 4)
          applyToLog(log, o, i / 4)
        })
        expect(JSON.stringify(log)).toBe(JSON.stringify(ring))
        expect(log.entries()).toEqual(
          ringToArray(ring).map((e) => ({ ...e, args: typeof e.args === 'string' ? [e.args] : e.args })),
        )
        expect(log.droppedCount).toBe(ring.dropped)
      }),
      { numRuns: 500 },
    )
  })

  it('a browser sending the same request again shares one stored call (the log does not grow per entry)', () => {
    const log = new CallLog(3)
    const options = { path: '/' }
    for (let i = 0; i < 10; i++) log.push(i, 'request', ['alice', { ...options }])
    const [a, b] = log.entries()
    expect(a!.args).toBe(b!.args)
    expect(log.entries().map((e) => e.at)).toEqual([7, 8, 9])
  })
})
