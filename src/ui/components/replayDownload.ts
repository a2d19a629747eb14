// Saves a lab as a replay file download (the timeline's "Export replay", the Share dialog's fallback when a lab is
// too long for a link). Returns the message to show: what was saved, or why nothing was.
import { serializeReplay } from '../../machines/replayFile'
import type { Lab } from '../../sim'

export const REPLAY_FILE_NAME = 'stickylab-replay.json'

export function downloadReplay(lab: Lab): { ok: true; events: number } | { ok: false; message: string } {
  const out = serializeReplay(lab)
  if (!out.ok) return { ok: false, message: out.message }
  const url = URL.createObjectURL(new Blob([out.text], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = REPLAY_FILE_NAME
  document.body.append(a)
  a.click()
  a.remove()
  // Revoked later, not at once: some browsers read the Blob URL after click() has returned.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000)
  return { ok: true, events: out.replay.log.length }
}
