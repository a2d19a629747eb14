// Where Stickylab keeps things in localStorage, and the one preference read before the first paint. Startup code:
// no schema library here. The full reading (zod) is in savedState.ts and savedLab.ts, loaded just after the first
// paint with labPersistence.ts (docs/persistence.md).

export const LAB_KEY = 'stickylab.lab.v1'
export const PREFS_KEY = 'stickylab.prefs.v1'
/** The raw text of unreadable saved data is moved here, so nothing is lost before the learner decides. */
export const backupKeyOf = (key: string) => `${key}.backup`
/** Preferences are tiny; anything longer than this is not ours. */
export const MAX_PREFS_CHARS = 2_000

/** Longest time a change to the lab waits before it is written (a running clock changes it every frame). */
export const SAVE_INTERVAL_MS = 2_000

/** A stored record that could not be used: kept as a backup and explained to the learner. */
export interface SavedProblem {
  key: string
  raw: string
  message: string
}

/** localStorage.getItem that treats a blocked storage like an empty one. */
export function readStorage(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key)
  } catch {
    return null
  }
}

/**
 * The saved theme, read before the first paint so a dark page never flashes light. Only an exact 'light' or
 * 'dark' in a version-1 record counts; nothing else of the record is used until savedState.ts has validated all
 * of it just after the first paint (a record that fails there is reported, and its theme is not saved back).
 */
export function savedThemeHint(raw: string | null): 'light' | 'dark' | null {
  if (raw === null || raw.length > MAX_PREFS_CHARS) return null
  try {
    const data: unknown = JSON.parse(raw)
    if (typeof data !== 'object' || data === null) return null
    const { version, theme } = data as { version?: unknown; theme?: unknown }
    return version === 1 && (theme === 'light' || theme === 'dark') ? theme : null
  } catch {
    return null
  }
}

/**
 * Saving the lab stops for good in two cases: the page failed to draw it (AppErrorBoundary: a lab that breaks the page
 * must never overwrite a good save), or a share link pasted into this tab replaced the learner's lab (the shared lab
 * must never overwrite the learner's saved one; docs/persistence.md, after flushLabNow has written the learner's own
 * pending changes).
 */
let labSavingStopped = false
let flushLab: (() => void) | null = null
export function stopLabSaving(): void {
  labSavingStopped = true
}
/** Writes the learner's pending lab changes now (before a pasted link replaces their lab). */
export function flushLabNow(): void {
  flushLab?.()
}
export const labSavingAllowed = (): boolean => !labSavingStopped
/** labPersistence.ts registers how to write the lab now. */
export function setLabFlush(flush: (() => void) | null): void {
  flushLab = flush
}
