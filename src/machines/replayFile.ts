// The replay document: a lab saved as its seed plus its call log (lab.log()), written to a file or a share
// link and read back. Reading validates everything with zod and explains a problem in plain words (what is
// wrong and where); playing a replay back is guarded so a bad one never touches the learner's lab.
import '../zodJitless'
import { z } from 'zod'
import {
  LAB_API_VERSION,
  REPLAYABLE_CALLS,
  type Lab,
  type LabCall,
  type ReplayableCall,
} from '../sim'
import { commandArgsSchema } from '../sim/commands/commandSchemas'
import { REPLAY_BUDGET_MS, replayWork, SLICED_REPLAY_BUDGET_MS, workProblem } from './replayBudget'
import { buildReplayLab, recordingProblem } from './replayBuild'

// Playing back and the "can this be replayed" check live apart from the zod schema so the lab machine (on the
// startup path) does not load zod; they are part of this module's interface all the same.
import { describeJsonError, shortJson } from './jsonError'
export { describeJsonError, jsonErrorOffset } from './jsonError'
export {
  buildReplayLab,
  buildReplayLabSliced,
  recordingProblem,
  type ReplayLabResult,
} from './replayBuild'

export const REPLAY_FORMAT = 'stickylab-replay'
export const REPLAY_VERSION = 1
/** Largest replay text read (5 MB): a real session is far smaller, and this bounds memory and parse time. */
export const MAX_REPLAY_CHARS = 5 * 1024 * 1024
export const MAX_REPLAY_ENTRIES = 200_000
/** Most virtual time a replay may move the clock, in total (366 days). Replaying costs time in proportion to
 *  the simulated time (health checks run every few seconds), so a hand-edited "advance 10^12 seconds" would
 *  freeze the page; a learner reaches a year only by pressing "+1 day" hundreds of times. */
export const MAX_REPLAY_SECONDS = 366 * 86_400

/** A saved lab: replaying `log` on `createLab({ seed })` rebuilds it byte for byte. */
export interface Replay {
  format: typeof REPLAY_FORMAT
  version: typeof REPLAY_VERSION
  seed: number
  log: LabCall[]
  /** Which program wrote the file (informational; never checked). */
  createdWith?: string
}

/** `workMs`: the main-thread time replaying it is estimated to take (replayBudget.ts); over REPLAY_BUDGET_MS it
 *  must be played with buildReplayLabSliced. */
export type ReplayParse =
  { ok: true; replay: Replay; workMs: number } | { ok: false; message: string }
export type ReplayText = { ok: true; text: string; replay: Replay } | { ok: false; message: string }

/** Where the text came from, so messages name it: "The file is not JSON" / "The link's data is not JSON" /
 *  "The saved lab is not JSON" (the copy kept in this browser, src/app/persistence/startPersistence.ts). */
export type ReplaySource = 'file' | 'link' | 'saved'

const NOUNS: Record<ReplaySource, string> = {
  file: 'The file',
  link: "The link's data",
  saved: 'The saved lab',
}
const HOLDERS: Record<ReplaySource, string> = {
  file: 'This file',
  link: 'This link',
  saved: 'The saved lab',
}

const CREATED_WITH = `Stickylab (lab API ${LAB_API_VERSION})`
const CALLS: ReadonlySet<string> = new Set(REPLAYABLE_CALLS)

// ---------------------------------------------------------------------------------------------------------
// Writing

/** The replay document for a lab, or why there is none (see recordingProblem). */
export function replayOf(lab: Lab): { ok: true; replay: Replay } | { ok: false; message: string } {
  const log = lab.log()
  const problem = recordingProblem(lab, log.length)
  if (problem !== null) return { ok: false, message: problem }
  return {
    ok: true,
    replay: {
      format: REPLAY_FORMAT,
      version: REPLAY_VERSION,
      seed: lab.seed(),
      log,
      createdWith: CREATED_WITH,
    },
  }
}

/**
 * The lab as replay JSON. By default the replay is played back once and compared with the lab, so a file that
 * would not rebuild this exact lab is never written (it costs one replay, ~0.2 s for 50,000 events).
 */
export function serializeReplay(lab: Lab, options: { verify?: boolean } = {}): ReplayText {
  const made = replayOf(lab)
  if (!made.ok) return made
  const { replay } = made
  const total = totalAdvanceSeconds(replay.log)
  if (total > MAX_REPLAY_SECONDS) {
    return {
      ok: false,
      message: `This lab has moved its clock forward by ${formatDays(total)} in total; a replay may cover at most ${formatDays(MAX_REPLAY_SECONDS)}, so it cannot be saved.`,
    }
  }
  if (options.verify !== false) {
    const rebuilt = buildReplayLab(replay)
    if (!rebuilt.ok || JSON.stringify(rebuilt.lab.snapshot()) !== JSON.stringify(lab.snapshot())) {
      return {
        ok: false,
        message:
          'This lab cannot be saved as a replay: playing its recorded actions back does not rebuild the same lab. ' +
          'This is a bug in Stickylab; please report it.',
      }
    }
  }
  return { ok: true, text: JSON.stringify(replay), replay }
}

// ---------------------------------------------------------------------------------------------------------
// Reading

/** Parses and validates replay text. Never throws; every failure is a sentence for the learner. */
export function parseReplay(text: string, source: ReplaySource = 'file'): ReplayParse {
  const noun = NOUNS[source]
  if (typeof text !== 'string') return { ok: false, message: `${noun} is not text.` }
  if (text.length > MAX_REPLAY_CHARS) {
    return {
      ok: false,
      message: `${noun} is too large to be a Stickylab replay: ${formatMegabytes(text.length)}, and a replay may be at most ${formatMegabytes(MAX_REPLAY_CHARS)}.`,
    }
  }
  // Editors on Windows may start a UTF-8 file with a byte-order mark, which JSON.parse rejects.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') return { ok: false, message: `${noun} is empty.` }
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    return { ok: false, message: `${noun} is not JSON: ${describeJsonError(body)}` }
  }
  return validateReplay(value, source)
}

/** Validates an already-parsed value as a replay document (the second half of parseReplay). */
export function validateReplay(value: unknown, source: ReplaySource = 'file'): ReplayParse {
  const what = HOLDERS[source]
  // The envelope is checked by hand first, so the most useful message wins: a newer version is reported as
  // such even when the rest of the document follows rules this version does not know.
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, message: `${what} holds ${jsonKind(value)}, not a Stickylab replay.` }
  }
  const doc = value as Record<string, unknown>
  if (doc.format !== REPLAY_FORMAT) {
    if (doc.format === 'stickylab-world') {
      return {
        ok: false,
        message: `${what} holds a Stickylab world snapshot, not a replay: export the lab with "Export replay" instead.`,
      }
    }
    return {
      ok: false,
      message:
        doc.format === undefined
          ? `${what} is not a Stickylab replay: it has no "format": "${REPLAY_FORMAT}" field.`
          : `${what} is not a Stickylab replay: its format is ${shortJson(doc.format)}, not "${REPLAY_FORMAT}".`,
    }
  }
  if (
    typeof doc.version === 'number' &&
    Number.isInteger(doc.version) &&
    doc.version > REPLAY_VERSION
  ) {
    return {
      ok: false,
      message: `This replay was made by a newer Stickylab (version ${doc.version}); this page reads version ${REPLAY_VERSION}. Reload the page to get the latest Stickylab.`,
    }
  }
  // Counted before the schema walks every entry, so an oversized list is refused at once.
  if (Array.isArray(doc.log) && doc.log.length > MAX_REPLAY_ENTRIES) {
    return {
      ok: false,
      message: `The replay's log has ${formatCount(doc.log.length)} entries; a replay may have at most ${formatCount(MAX_REPLAY_ENTRIES)}.`,
    }
  }
  const parsed = replaySchema.safeParse(value)
  if (!parsed.success) return { ok: false, message: describeIssue(parsed.error.issues[0]) }
  const replay = parsed.data as Replay
  const total = totalAdvanceSeconds(replay.log)
  if (total > MAX_REPLAY_SECONDS) {
    return {
      ok: false,
      message: `The replay moves the clock forward by ${formatDays(total)} in total; Stickylab replays at most ${formatDays(MAX_REPLAY_SECONDS)}.`,
    }
  }
  // A link or a file may be played in slices (with progress); the saved lab is restored in one go at startup.
  const work = replayWork(replay.log)
  const problem = workProblem(
    work,
    HOLDERS[source],
    source === 'saved' ? REPLAY_BUDGET_MS : SLICED_REPLAY_BUDGET_MS,
  )
  if (problem !== null) return { ok: false, message: problem }
  return { ok: true, replay, workMs: work.ms }
}

// ---------------------------------------------------------------------------------------------------------
// The schema. Messages are written here; describeIssue adds where ("Entry 12 …", "The replay's seed …").

// An entry's arguments are checked by its command's schema (src/sim/commands/commandSchemas.ts): JSON data within
// the live gate's limits, of the types and ranges the call takes, so a file the lab could not replay is refused when
// it is read, naming the entry and the argument. The entry keeps the schema's copy (what the live lab logged).
const entrySchema = z
  .object(
    {
      at: z
        .number({
          error: (iss) =>
            `has a time ("at") of ${shortJson(iss.input)}; it must be a number of seconds`,
        })
        .refine((at) => Number.isFinite(at) && at >= 0, {
          error: (iss) =>
            `has a time ("at") of ${shortJson(iss.input)}; it must be 0 or more seconds`,
        }),
      call: z
        .string({
          error: (iss) =>
            iss.input === undefined
              ? 'has no "call" (the name of a lab action)'
              : `has a "call" of ${shortJson(iss.input)}, which is not a lab action`,
        })
        .refine((call) => CALLS.has(call), {
          error: (iss) => `calls ${quoteName(iss.input)}, which is not a lab action`,
        }),
      args: z.array(z.unknown(), {
        error: (iss) =>
          iss.input === undefined
            ? 'has no "args" list'
            : `has "args" of ${shortJson(iss.input)}; they must be a list (a JSON array)`,
      }),
    },
    {
      error: (iss) =>
        `is ${jsonKind(iss.input)}; each entry must be an object with "at", "call" and "args"`,
    },
  )
  .transform((e, ctx) => {
    const call = e.call as ReplayableCall
    // The clock's own words for the most likely hand edit.
    if (
      call === 'advance' &&
      !(typeof e.args[0] === 'number' && Number.isFinite(e.args[0]) && e.args[0] >= 0)
    ) {
      const message = `moves the clock by ${shortJson(e.args[0])}; it must be a number of seconds, 0 or more`
      ctx.issues.push({ code: 'custom', input: e.args, path: ['args'], message })
      return z.NEVER
    }
    const args = commandArgsSchema(call).safeParse(e.args)
    if (args.success) return { at: e.at, call, args: args.data }
    const reason = (args.error.issues[0]?.message ?? 'they are not valid').replace(/\.$/, '')
    ctx.issues.push({
      code: 'custom',
      input: e.args,
      path: ['args'],
      message: `has arguments the lab would refuse: ${reason}`,
    })
    return z.NEVER
  })

const replaySchema = z.object({
  format: z.literal(REPLAY_FORMAT),
  version: z.literal(REPLAY_VERSION, {
    error: (iss) =>
      `has version ${shortJson(iss.input)}, which no Stickylab has made (this page reads version ${REPLAY_VERSION})`,
  }),
  seed: z
    .number({
      error: (iss) =>
        iss.input === undefined ? 'is missing' : `is ${shortJson(iss.input)}; it must be a number`,
    })
    .refine((s) => Number.isFinite(s), { error: 'must be a finite number' }),
  log: z
    .array(entrySchema, {
      error: (iss) =>
        iss.input === undefined
          ? 'is missing'
          : `is ${jsonKind(iss.input)}; it must be a list of lab actions`,
    })
    .superRefine((log, ctx) => {
      // Times never go backwards in a real recording; a decrease means the file was edited or spliced.
      for (let i = 1; i < log.length; i++) {
        if (log[i]!.at < log[i - 1]!.at) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'at'],
            message: `happens at ${log[i]!.at} s, before entry ${i} (at ${log[i - 1]!.at} s): times in a replay never go backwards`,
          })
          return
        }
      }
    }),
  createdWith: z.string({ error: '"createdWith" must be text' }).optional(),
})

/** Turns zod's first issue into a sentence that says where: "Entry 12 calls 'explode', which is not a lab action." */
function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (issue === undefined) return 'The replay is not valid.'
  const [field, index] = issue.path
  let where: string
  if (field === 'log' && typeof index === 'number') where = `Entry ${index + 1}`
  else if (field === 'seed') where = "The replay's seed"
  else if (field === 'log') where = "The replay's log"
  else if (field === 'version') where = 'The replay'
  else if (field === 'createdWith') return `The replay's ${issue.message}.`
  else where = 'The replay'
  return `${where} ${issue.message}.`
}

// ---------------------------------------------------------------------------------------------------------
// Helpers

/** Sum of all `advance` arguments (virtual seconds the replay moves the clock). */
export function totalAdvanceSeconds(log: readonly LabCall[]): number {
  let total = 0
  for (const e of log) if (e.call === 'advance' && typeof e.args[0] === 'number') total += e.args[0]
  return total
}

function quoteName(value: unknown): string {
  const text = typeof value === 'string' ? value : shortJson(value)
  return `'${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`
}

function jsonKind(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string') return 'text'
  if (typeof value === 'number') return 'a number'
  if (typeof value === 'boolean') return 'true or false'
  if (value === undefined) return 'nothing'
  return 'an object'
}

function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

function formatMegabytes(chars: number): string {
  return `${(chars / (1024 * 1024)).toFixed(1)} MB`
}

function formatDays(seconds: number): string {
  const days = seconds / 86_400
  return `${days >= 10 ? Math.round(days).toLocaleString('en-US') : days.toFixed(1)} days`
}
