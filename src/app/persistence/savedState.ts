// What Stickylab keeps in this browser's localStorage between visits, and how it is read back: the lab (a replay
// document: seed + call log), the preferences, and (src/lessons/progress.ts) the lesson progress. Reading never
// throws: each value is absent, valid, or "bad" with a sentence saying what is wrong (docs/persistence.md).
// Loaded just after the first paint with labPersistence.ts (before it, only the theme is read: savedStorage.ts);
// zod/mini keeps this chunk small. The saved lab is read by savedLab.ts with the replay format it needs.
import '../../zodJitless'
import * as z from 'zod/mini'
import { SPEEDS } from '../../machines/labMachine'
import { MAX_PREFS_CHARS } from './savedStorage'

export type SavedRead<T> =
  { status: 'absent' } | { status: 'ok'; value: T } | { status: 'bad'; problem: string }

export const PrefsSchema = z.object({
  version: z.literal(1),
  theme: z.enum(['light', 'dark']),
  motion: z.enum(['system', 'reduce', 'full']),
  speed: z.number(),
  selectedClient: z.nullable(z.string().check(z.maxLength(64))),
  xray: z.boolean(),
})
export type Prefs = z.infer<typeof PrefsSchema>

/** Reads saved preferences. A newer version is reported as such; other problems name the first bad field. */
export function readPrefs(raw: string | null): SavedRead<Prefs> {
  if (raw === null) return { status: 'absent' }
  if (raw.length > MAX_PREFS_CHARS)
    return bad(
      `Your saved preferences are ${raw.length.toLocaleString('en-US')} characters long, far more than Stickylab writes (at most ${MAX_PREFS_CHARS.toLocaleString('en-US')}).`,
    )
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return bad(
      'Your saved preferences are damaged: they are not valid JSON (cut short or edited?).',
    )
  }
  if (typeof data === 'object' && data !== null && 'version' in data && data.version !== 1) {
    return bad(
      `Your saved preferences were written by ${newerOrOther(data.version)} (version ${shortText(data.version)}); this page reads version 1.`,
    )
  }
  const r = PrefsSchema.safeParse(data)
  if (!r.success) {
    const issue = r.error.issues[0]
    const where = issue && issue.path.length > 0 ? ` (field "${issue.path.join('.')}")` : ''
    return bad(`Your saved preferences do not have the expected shape${where}.`)
  }
  if (!(SPEEDS as readonly number[]).includes(r.data.speed)) {
    return bad(
      `Your saved preferences hold a speed of ${r.data.speed}×, which is not one Stickylab offers (${SPEEDS.join(', ')}).`,
    )
  }
  return { status: 'ok', value: r.data }
}

export function bad(problem: string): { status: 'bad'; problem: string } {
  return { status: 'bad', problem }
}

function newerOrOther(version: unknown): string {
  return typeof version === 'number' && version > 1
    ? 'a newer Stickylab'
    : 'something other than this Stickylab'
}

function shortText(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 20 ? `${text.slice(0, 20)}…` : text
}
