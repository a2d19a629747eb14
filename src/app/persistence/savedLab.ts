// Reads the saved lab back: a replay document (seed + call log) rebuilt through the guarded replay. Loaded after the
// first paint (labPersistence.ts), because the replay format's validation uses the full schema library.
import { buildReplayLab, parseReplay } from '../../machines/replayFile'
import type { Lab } from '../../sim'
import { bad, type SavedRead } from './savedState'

/** Reads and replays the saved lab. The replay is guarded: a lab that cannot be rebuilt is reported, not shown. */
export function readSavedLab(raw: string | null): SavedRead<Lab> {
  if (raw === null) return { status: 'absent' }
  const parsed = parseReplay(raw, 'saved')
  if (!parsed.ok) return bad(`Your saved lab could not be restored. ${parsed.message}`)
  const built = buildReplayLab(parsed.replay)
  if (!built.ok) return bad(`Your saved lab could not be restored. ${built.message}`)
  return { status: 'ok', value: built.lab }
}
