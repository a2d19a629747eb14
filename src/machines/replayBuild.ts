// Playing a replay back (seed + call log) on a fresh lab, and whether a lab's recording can still be replayed.
// Apart from replayFile.ts (the validated file format, which needs zod) so the lab machine stays light.
import { failedEntryIndex, LOG_LIMIT, replayLab, type Lab, type LabCall } from '../sim'

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
    const reason = errorText(error)
    // replayLab names the entry that threw: no prefix is replayed again to find it (issue 16).
    const index = failedEntryIndex(error)
    if (index === null) return { ok: false, message: `The replay could not be played back: ${reason}.` }
    const entry = replay.log[index]!
    return {
      ok: false,
      message: `The replay could not be played back: entry ${index + 1} (${entry.call} at ${entry.at} s) failed: ${reason}.`,
    }
  }
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.replace(/\.$/, '')
}

function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}
