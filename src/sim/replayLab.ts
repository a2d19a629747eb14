// Rebuilds a lab from a seed and a call log (lab.log()): same seed + same calls ⇒ the same world,
// byte for byte. Only the Lab's state-changing methods may appear in a log.

import { createLab } from './lab'
import type { Lab, LabCall } from './model/api'
import { REPLAYABLE_CALLS } from './replayCalls'

export { REPLAYABLE_CALLS, LEARNER_CALLS } from './replayCalls'
export type { ReplayableCall, LearnerCall } from './replayCalls'

/**
 * Replays `log` on a fresh lab with `seed`. Exact only while the log is complete: a world whose
 * log ring has dropped entries (more than LOG_LIMIT calls) cannot be rebuilt from log() alone.
 */
export function replayLab(seed: number, log: readonly LabCall[]): Lab {
  const lab = createLab({ seed })
  const table = lab as unknown as Record<string, (...args: unknown[]) => unknown>
  for (let i = 0; i < log.length; i++) {
    const entry = log[i]!
    try {
      if (!(REPLAYABLE_CALLS as readonly string[]).includes(entry.call)) {
        throw new TypeError(`log entry '${entry.call}' is not a replayable Lab call`)
      }
      if (!Array.isArray(entry.args)) throw new TypeError(`log entry ${i + 1} has no argument list`)
      table[entry.call]!(...entry.args)
    } catch (error) {
      if (typeof error === 'object' && error !== null) failedEntries.set(error, i)
      throw error
    }
  }
  return lab
}

const failedEntries = new WeakMap<object, number>()

/**
 * Which log entry (0-based) a replayLab error came from, or null. The replay itself says so, so a failing log is
 * never replayed again prefix by prefix to find its bad entry.
 */
export function failedEntryIndex(error: unknown): number | null {
  return typeof error === 'object' && error !== null ? (failedEntries.get(error) ?? null) : null
}
