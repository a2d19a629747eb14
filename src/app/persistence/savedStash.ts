// The saved stash record (stickylab.stash.v1): what was open over the learner's own lab (a lesson at a step, or an
// exam drill's scenario) with that lab as a replay document, whether the learner's own clock was running, and the
// lesson to resume. The learner's own lab itself stays in stickylab.lab.v1. Reading never throws: a record that is
// damaged, foreign, newer, names a lesson or drill this page does not have, or holds a lab that cannot be rebuilt is
// "bad", with a sentence for the learner (docs/persistence.md). Loaded after the first paint with labPersistence.ts.
import '../../zodJitless'
import * as z from 'zod/mini'
import {
  buildReplayLab,
  MAX_REPLAY_CHARS,
  validateReplay,
  type Replay,
} from '../../machines/replayFile'
import type { Lab } from '../../sim'
import { bad, type SavedRead } from './savedState'

export const STASH_KEY = 'stickylab.stash.v1'
/** The record is a replay document plus a few short fields. */
export const MAX_STASH_CHARS = MAX_REPLAY_CHARS + 2_000

const shortId = z.string().check(z.minLength(1), z.maxLength(64))
const stepIndex = z.int().check(z.minimum(0), z.maximum(999))

const AwaySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('lesson'),
    lessonId: shortId,
    step: stepIndex,
    playing: z.boolean(),
    lab: z.unknown(),
  }),
  z.object({ kind: z.literal('drill'), drillId: shortId, playing: z.boolean(), lab: z.unknown() }),
])

const StashRecordSchema = z.object({
  version: z.literal(1),
  /** The learner's own lab's clock was running when it was stashed. */
  ownPlaying: z.boolean(),
  away: z.nullable(AwaySchema),
  resume: z.nullable(z.object({ lessonId: shortId, step: stepIndex })),
})

/** What the record says, with the away lab as a written document (write side). */
export interface StashRecord {
  version: 1
  ownPlaying: boolean
  away:
    | { kind: 'lesson'; lessonId: string; step: number; playing: boolean; lab: Replay }
    | { kind: 'drill'; drillId: string; playing: boolean; lab: Replay }
    | null
  resume: { lessonId: string; step: number } | null
}

/** The record read back, its away lab rebuilt. */
export interface ReadStash {
  ownPlaying: boolean
  away:
    | { kind: 'lesson'; lessonId: string; step: number; playing: boolean; lab: Lab }
    | { kind: 'drill'; drillId: string; playing: boolean; lab: Lab }
    | null
  resume: { lessonId: string; step: number } | null
}

/** What this page offers: lesson ids with their step counts, and drill ids. Anything else in a record is refused. */
export interface StashCatalog {
  lessonSteps(lessonId: string): number | null
  hasDrill(drillId: string): boolean
}

const LEAD =
  'The lesson or exam drill you had open over your own lab could not be restored (your own lab is back).'

export function readSavedStash(raw: string | null, catalog: StashCatalog): SavedRead<ReadStash> {
  if (raw === null) return { status: 'absent' }
  if (raw.length > MAX_STASH_CHARS)
    return bad(
      `${LEAD} The saved record is ${raw.length.toLocaleString('en-US')} characters long, more than Stickylab writes.`,
    )
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return bad(`${LEAD} The saved record is not valid JSON (cut short or edited?).`)
  }
  if (typeof data === 'object' && data !== null && 'version' in data && data.version !== 1) {
    const newer = typeof data.version === 'number' && data.version > 1
    return bad(
      `${LEAD} It was written by ${newer ? 'a newer Stickylab' : 'something other than this Stickylab'}; this page reads version 1.`,
    )
  }
  const parsed = StashRecordSchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? ` (field "${issue.path.join('.')}")` : ''
    return bad(`${LEAD} The saved record does not have the expected shape${where}.`)
  }
  const record = parsed.data
  if (record.resume !== null && !stepExists(catalog, record.resume.lessonId, record.resume.step))
    return bad(`${LEAD} It names a lesson step this Stickylab does not have.`)
  const away = record.away
  if (away === null)
    return {
      status: 'ok',
      value: { ownPlaying: record.ownPlaying, away: null, resume: record.resume },
    }
  if (
    away.kind === 'lesson'
      ? !stepExists(catalog, away.lessonId, away.step)
      : !catalog.hasDrill(away.drillId)
  )
    return bad(
      `${LEAD} It names a ${away.kind === 'lesson' ? 'lesson step' : 'drill'} this Stickylab does not have.`,
    )
  const replay = validateReplay(away.lab, 'saved')
  if (!replay.ok) return bad(`${LEAD} ${replay.message}`)
  const built = buildReplayLab(replay.replay)
  if (!built.ok) return bad(`${LEAD} ${built.message}`)
  return {
    status: 'ok',
    value: {
      ownPlaying: record.ownPlaying,
      away: { ...away, lab: built.lab },
      resume: record.resume,
    },
  }
}

function stepExists(catalog: StashCatalog, lessonId: string, step: number): boolean {
  const steps = catalog.lessonSteps(lessonId)
  return steps !== null && step < steps
}
