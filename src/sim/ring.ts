// Bounded ring buffers stored as plain JSON data (history, health events, call log).
// Appending is O(1); reading returns the entries oldest-first.

/** A fixed-capacity buffer; `start` is the index of the oldest entry once it has wrapped. */
export interface Ring<T> {
  limit: number
  items: T[]
  start: number
  /** How many entries were overwritten because the buffer was full. */
  dropped: number
}

/** Creates an empty ring with room for `limit` entries. */
export function newRing<T>(limit: number): Ring<T> {
  return { limit, items: [], start: 0, dropped: 0 }
}

/** Appends an entry, overwriting the oldest one when full. */
export function ringPush<T>(ring: Ring<T>, item: T): void {
  if (ring.items.length < ring.limit) {
    ring.items.push(item)
    return
  }
  ring.items[ring.start] = item
  ring.start = ring.start + 1 === ring.limit ? 0 : ring.start + 1
  ring.dropped++
}

/** Entries oldest-first, as a new array. */
export function ringToArray<T>(ring: Ring<T>): T[] {
  if (ring.start === 0) return ring.items.slice()
  return ring.items.slice(ring.start).concat(ring.items.slice(0, ring.start))
}

/** The most recently appended entry, if any. */
export function ringLast<T>(ring: Ring<T>): T | undefined {
  if (ring.items.length === 0) return undefined
  const i =
    ring.items.length < ring.limit || ring.start === 0 ? ring.items.length - 1 : ring.start - 1
  return ring.items[i]
}
