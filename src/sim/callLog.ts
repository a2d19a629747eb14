// The call log kept compact (issue 14: heap flat over 10 minutes of streaming). A lab left streaming logs a call or
// two a frame; as plain objects each entry cost ≈ 400 bytes, so filling the 50,000-entry log grew the heap by ≈ 20 MB.
// Here the log is preallocated columns (time, which call, an advance's seconds, a bare request's client id) and a
// table of the other distinct calls: a browser sending a request adds about 28 bytes, not a new object. The
// arguments are exact JSON data (cloneCallArgs refuses anything else), so two calls with the same JSON are the same.
//
// It serializes (toJSON) to exactly the ring the world held before, so snapshots, saved labs and replays see the
// same data, and it is rebuilt from that ring on restore.

import type { Ring } from './ring'
import type { LabCallState } from './model/world'

/** Marks an `advance` entry: its seconds are in `num`, not in the table. */
const ADVANCE = -1
/**
 * Marks a bare request (no options), the commonest entry: its client id is in `ids`, not in the table. Interning
 * it cost a key, a map entry and an object per browser, which dominated with many browsers (100,000 sticky
 * browsers: 650 k → 400 k requests per second).
 */
const BARE_REQUEST = -2

interface Interned {
  call: string
  /** The stored form: a request without options keeps its bare client id. */
  args: unknown[] | string
  key: string
  refs: number
}

export class CallLog {
  readonly limit: number
  private start = 0
  private size = 0
  private dropped = 0
  private readonly at: Float64Array
  private readonly ref: Int32Array
  private readonly num: Float64Array
  private readonly ids: (string | undefined)[]
  private readonly table: (Interned | null)[] = []
  private readonly free: number[] = []
  private readonly byKey = new Map<string, number>()

  constructor(limit: number) {
    this.limit = limit
    this.at = new Float64Array(limit)
    this.ref = new Int32Array(limit)
    this.num = new Float64Array(limit)
    this.ids = new Array<string | undefined>(limit).fill(undefined)
  }

  /** Rebuilds a log from its serialized ring (a snapshot being restored). */
  static fromRing(ring: Ring<LabCallState>): CallLog {
    const log = new CallLog(ring.limit)
    const n = ring.items.length
    // Replay the ring oldest-first, then put its counters back as they were.
    for (let i = 0; i < n; i++) {
      const e = ring.items[(ring.start + i) % n]!
      log.push(e.at, e.call, e.args)
    }
    log.dropped = ring.dropped
    // The physical layout must match the ring's so the snapshot serializes identically.
    log.rotateTo(ring.start)
    return log
  }

  /** Appends a call (its arguments already an exact JSON copy, cloneCallArgs), overwriting the oldest when full. */
  push(at: number, call: string, args: unknown[] | string): void {
    const slot = this.claimSlot()
    this.at[slot] = at
    if (call === 'advance' && Array.isArray(args) && args.length === 1 && typeof args[0] === 'number') {
      this.ref[slot] = ADVANCE
      this.num[slot] = args[0]
      return
    }
    if (call === 'request' && typeof args === 'string') {
      this.ref[slot] = BARE_REQUEST
      this.ids[slot] = args
      return
    }
    this.ref[slot] = this.intern(call, args)
  }

  /** The newest entry is an `advance`: adds to its seconds (see Lab.advance for why merging is exact). */
  lastIsAdvance(): boolean {
    return this.size > 0 && this.ref[this.lastSlot()] === ADVANCE
  }

  lastAdvanceSeconds(): number {
    return this.num[this.lastSlot()]!
  }

  setLastAdvanceSeconds(seconds: number): void {
    this.num[this.lastSlot()] = seconds
  }

  get droppedCount(): number {
    return this.dropped
  }

  /** Entries oldest-first, each a fresh object (callers may keep them); a bare request id becomes [id]. */
  entries(): { at: number; call: string; args: unknown[] }[] {
    const out: { at: number; call: string; args: unknown[] }[] = new Array(this.size)
    for (let i = 0; i < this.size; i++) {
      const e = this.entryAt(this.physical(i))
      out[i] = { at: e.at, call: e.call, args: typeof e.args === 'string' ? [e.args] : e.args }
    }
    return out
  }

  /** Size, dropped count and the newest entry (a fresh object), without copying the log. */
  info(): { length: number; dropped: number; last: { at: number; call: string; args: unknown[] } | null } {
    if (this.size === 0) return { length: 0, dropped: this.dropped, last: null }
    const e = this.entryAt(this.lastSlot())
    return {
      length: this.size,
      dropped: this.dropped,
      last: { at: e.at, call: e.call, args: typeof e.args === 'string' ? [e.args] : e.args },
    }
  }

  /** The same data as the ring this log replaced, in the same physical order. */
  toJSON(): Ring<LabCallState> {
    const items: LabCallState[] = new Array(this.size)
    for (let s = 0; s < this.size; s++) items[s] = this.entryAt(s)
    return { limit: this.limit, items, start: this.start, dropped: this.dropped }
  }

  private entryAt(slot: number): LabCallState {
    const r = this.ref[slot]!
    if (r === ADVANCE) return { at: this.at[slot]!, call: 'advance', args: [this.num[slot]!] }
    if (r === BARE_REQUEST) return { at: this.at[slot]!, call: 'request', args: this.ids[slot]! }
    const t = this.table[r]!
    return { at: this.at[slot]!, call: t.call, args: t.args }
  }

  private physical(i: number): number {
    return this.size < this.limit ? i : (this.start + i) % this.limit
  }

  private lastSlot(): number {
    return this.size < this.limit || this.start === 0 ? this.size - 1 : this.start - 1
  }

  private claimSlot(): number {
    if (this.size < this.limit) return this.size++
    const slot = this.start
    this.release(slot)
    this.start = this.start + 1 === this.limit ? 0 : this.start + 1
    this.dropped++
    return slot
  }

  private release(slot: number): void {
    const r = this.ref[slot]!
    if (r === ADVANCE) return
    if (r === BARE_REQUEST) {
      this.ids[slot] = undefined
      return
    }
    const t = this.table[r]!
    if (--t.refs > 0) return
    this.byKey.delete(t.key)
    this.table[r] = null
    this.free.push(r)
  }

  private intern(call: string, args: unknown[] | string): number {
    const key = typeof args === 'string' ? call + '\u0000' + args : call + '\u0001' + JSON.stringify(args)
    const found = this.byKey.get(key)
    if (found !== undefined) {
      this.table[found]!.refs++
      return found
    }
    const id = this.free.length > 0 ? this.free.pop()! : this.table.length
    this.table[id] = { call, args, key, refs: 1 }
    this.byKey.set(key, id)
    return id
  }

  /** Only for fromRing on a full ring: moves the oldest entry from slot 0 to `start`. */
  private rotateTo(start: number): void {
    if (start === 0 || this.size < this.limit) return
    const shift = <T>(a: { [i: number]: T; slice(): { [i: number]: T } }) => {
      const copy = a.slice()
      for (let i = 0; i < this.limit; i++) a[(start + i) % this.limit] = copy[i]!
    }
    shift(this.at)
    shift(this.ref)
    shift(this.num)
    shift(this.ids)
    this.start = start
  }
}
