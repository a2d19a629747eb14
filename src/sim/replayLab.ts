// Rebuilds a lab from a seed and a call log (lab.log()): same seed + same calls ⇒ the same world,
// byte for byte. Only the Lab's state-changing methods may appear in a log.

import { createLab } from './lab'
import type { Lab, LabCall } from './model/api'
import type { Explainer } from './model/facts'
import { MAX_ADVANCE_SECONDS } from './callArgs'
import { applyCommand, isCommandName, type LabCommand } from './commands/labCommand'

export { REPLAYABLE_CALLS, LEARNER_CALLS } from './replayCalls'
export type { ReplayableCall, LearnerCall } from './replayCalls'

/**
 * Replays `log` on a fresh lab with `seed`. Exact only while the log is complete: a world whose
 * log ring has dropped entries (more than LOG_LIMIT calls) cannot be rebuilt from log() alone.
 */
export function replayLab(seed: number, log: readonly LabCall[], explain: Explainer): Lab {
  const replay = replayInSteps(seed, log, explain)
  replay.next(Number.POSITIVE_INFINITY)
  return replay.lab
}

/**
 * The same replay, a little at a time, so a caller can spread a long one over several tasks (and show its
 * progress) instead of blocking the page. `next(n)` does up to n more units of work — an entry, or ten virtual
 * minutes of a long `advance` — and returns how many entries are done. It throws as replayLab does, with
 * failedEntryIndex naming the entry.
 */
export function replayInSteps(
  seed: number,
  log: readonly LabCall[],
  explain: Explainer,
): { lab: Lab; next(count: number): number } {
  const lab = createLab({ seed }, explain)
  let i = 0
  /** Milliseconds of the current `advance` entry still to apply (a long one is applied a step at a time). */
  let advanceLeftMs = 0
  return {
    lab,
    next(count) {
      for (let n = Math.max(0, count); n > 0 && i < log.length; n--) {
        const entry = log[i]!
        try {
          if (advanceLeftMs > 0) {
            // advance(a) then advance(b) leaves the world, and the log (one merged entry), as advance(a + b).
            const ms = Math.min(advanceLeftMs, ADVANCE_STEP_MS)
            lab.advance(ms / 1000)
            advanceLeftMs -= ms
            if (advanceLeftMs === 0) i++
            continue
          }
          if (!isCommandName(entry.call)) {
            throw new TypeError(`log entry '${entry.call}' is not a replayable Lab call`)
          }
          if (!Array.isArray(entry.args))
            throw new TypeError(`log entry ${i + 1} has no argument list`)
          const seconds = entry.args[0]
          // Only a valid advance is split; anything else goes to advance() whole, which refuses it as live.
          if (
            entry.call === 'advance' &&
            entry.args.length === 1 &&
            typeof seconds === 'number' &&
            seconds <= MAX_ADVANCE_SECONDS &&
            seconds * 1000 > ADVANCE_STEP_MS
          ) {
            // Whole milliseconds, as advance itself rounds.
            advanceLeftMs = Math.round(seconds * 1000)
            n++
            continue
          }
          // The lab's own gate checks the arguments, as for a live call.
          applyCommand(lab, { call: entry.call, args: entry.args } as LabCommand)
          i++
        } catch (error) {
          if (typeof error === 'object' && error !== null) failedEntries.set(error, i)
          throw error
        }
      }
      return i
    },
  }
}

/** A long `advance` is replayed ten virtual minutes at a time, so a sliced replay can stop between them. */
const ADVANCE_STEP_MS = 600_000

const failedEntries = new WeakMap<object, number>()

/**
 * Which log entry (0-based) a replayLab error came from, or null. The replay itself says so, so a failing log is
 * never replayed again prefix by prefix to find its bad entry.
 */
export function failedEntryIndex(error: unknown): number | null {
  return typeof error === 'object' && error !== null ? (failedEntries.get(error) ?? null) : null
}
