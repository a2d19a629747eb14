// Playing a replay back (seed + call log) on a fresh lab, and whether a lab's recording can still be replayed.
// Apart from replayFile.ts (the validated file format, which needs zod) so the lab machine stays light.
import {
  failedEntryIndex,
  LOG_LIMIT,
  replayInSteps,
  replayLab,
  type Lab,
  type LabCall,
} from '../sim/core'

export type ReplayLabResult = { ok: true; lab: Lab } | { ok: false; message: string }

/**
 * Why this lab's recording cannot be saved or rewound, or null when it can. The core's log is a ring of
 * LOG_LIMIT entries: once it overflows, the oldest calls are gone and a replay would rebuild a different lab.
 */
export function recordingProblem(lab: Lab, logLength: number): string | null {
  if (logLength < LOG_LIMIT) return null
  const dropped = lab.logInfo().dropped
  if (dropped === 0) return null
  return (
    `This lab's recording is too long: Stickylab keeps the latest ${formatCount(LOG_LIMIT)} events and has already ` +
    `dropped the first ${formatCount(dropped)}, so it can no longer be replayed, rewound or shared. ` +
    `Reset the lab (or load a lesson) to start a new recording.`
  )
}

/**
 * Plays a replay back on a fresh lab. Never throws: a call that throws (a hand-edited argument the core
 * refuses, say) becomes a message naming the entry, and no lab is returned, so nothing half-built is shown.
 */
export function buildReplayLab(replay: { seed: number; log: readonly LabCall[] }): ReplayLabResult {
  try {
    return { ok: true, lab: replayLab(replay.seed, replay.log) }
  } catch (error) {
    return failure(replay, error)
  }
}

/** Longest stretch a sliced replay runs before it lets the page draw and answer input. */
const SLICE_MS = 12

/**
 * buildReplayLab for replays too long to play in one go (more than REPLAY_BUDGET_MS of work): the entries are
 * applied in slices of about 12 ms, each in its own task, so the page keeps drawing and answering; `onProgress`
 * gets the fraction done after each slice. `cancelled()` is asked between slices (a newer link won, the learner
 * chose another file): then the result is a failure that says so, and nothing was shown.
 */
export async function buildReplayLabSliced(
  replay: { seed: number; log: readonly LabCall[] },
  onProgress: (fraction: number) => void,
  cancelled: () => boolean = () => false,
): Promise<ReplayLabResult> {
  const total = replay.log.length
  try {
    const steps = replayInSteps(replay.seed, replay.log)
    let done = 0
    while (done < total) {
      const start = performance.now()
      // Small batches, so one slice overshoots SLICE_MS by at most a few entries (one long advance aside).
      while (done < total && performance.now() - start < SLICE_MS) done = steps.next(32)
      onProgress(total === 0 ? 1 : done / total)
      await new Promise((resolve) => setTimeout(resolve, 0))
      if (cancelled()) return { ok: false, message: 'Opening it was cancelled.' }
    }
    return { ok: true, lab: steps.lab }
  } catch (error) {
    return failure(replay, error)
  }
}

function failure(replay: { log: readonly LabCall[] }, error: unknown): ReplayLabResult {
  const reason = errorText(error)
  // replayLab names the entry that threw: no prefix is replayed again to find it (issue 16).
  const index = failedEntryIndex(error)
  if (index === null)
    return { ok: false, message: `The replay could not be played back: ${reason}.` }
  const entry = replay.log[index]!
  return {
    ok: false,
    message: `The replay could not be played back: entry ${index + 1} (${entry.call} at ${entry.at} s) failed: ${reason}.`,
  }
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.replace(/\.$/, '')
}

function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}
