// The embed API's pure parts: validating messages from the host page (zod, origin first), following a lesson
// run's completed steps and lessons (emitted by the lesson machine), and building the xAPI-shaped statements.
// src/app/embedHost.ts does the I/O; docs/embedding.md documents every message.
import '../zodJitless'
import type { LessonEmitted, StepOutcome } from '../machines/lessonRun'
import { z } from 'zod'

/** Bumped when a message changes shape incompatibly. */
export const EMBED_API_VERSION = 1
export const XAPI_VERB_COMPLETED = 'http://adlnet.gov/expapi/verbs/completed'
export const XAPI_VERB_PROGRESSED = 'http://adlnet.gov/expapi/verbs/progressed'
export const XAPI_ACTIVITY_LESSON = 'http://adlnet.gov/expapi/activities/lesson'

// ─── Commands in ──────────────────────────────────────────────────────────────────────────────────────

const command = <C extends string, S extends z.ZodRawShape>(name: C, shape: S) =>
  z.object({ type: z.literal('stickylab:command'), command: z.literal(name), ...shape })

/** 1-based, like the step numbers learners see and the `step=` of a deep link. */
const stepNumber = z.number().int().min(1).max(1000)

export const CommandSchema = z.discriminatedUnion('command', [
  command('loadLesson', { lessonId: z.string().min(1).max(200), step: stepNumber.optional() }),
  command('goToStep', { step: stepNumber }),
  command('reset', {}),
  command('setTheme', { theme: z.enum(['light', 'dark']) }),
])
export type EmbedCommand = z.infer<typeof CommandSchema>

export type MessageVerdict =
  | { kind: 'command'; command: EmbedCommand }
  /** `warning` is null for messages that are plainly not for Stickylab from another origin (browser extensions, other widgets). */
  | { kind: 'ignore'; warning: string | null }

function looksLikeOurs(data: unknown): boolean {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { type?: unknown }).type === 'string' &&
    (data as { type: string }).type.startsWith('stickylab:')
  )
}

/** Short, safe description of a value for a warning. */
function summarize(data: unknown): string {
  let text: string
  try {
    text = JSON.stringify(data) ?? String(data)
  } catch {
    text = String(data)
  }
  return text.length > 120 ? `${text.slice(0, 120)}…` : text
}

/**
 * Decides what to do with a message: only the allowed origin may command the lab, and only valid
 * commands are carried out. Everything else is ignored, with a warning explaining why.
 */
export function checkMessage(origin: string, data: unknown, allowedOrigin: string): MessageVerdict {
  if (origin !== allowedOrigin) {
    return {
      kind: 'ignore',
      warning: looksLikeOurs(data)
        ? `Stickylab ignored a message from ${origin || '(unknown origin)'}: only ${allowedOrigin} may send commands (set it with host=).`
        : null,
    }
  }
  const r = CommandSchema.safeParse(data)
  if (r.success) return { kind: 'command', command: r.data }
  const issue = r.error.issues[0]
  const where = issue && issue.path.length > 0 ? ` at "${issue.path.join('.')}"` : ''
  return {
    kind: 'ignore',
    warning: `Stickylab ignored a message that is not a valid command${where}: ${issue?.message ?? 'invalid'}. Message: ${summarize(data)}`,
  }
}

// ─── Scoring a lesson run ─────────────────────────────────────────────────────────────────────────────
// The lesson machine keeps the run and emits lesson.stepCompleted / lesson.completed (src/machines/lessonRun.ts);
// these score them and turn them into the messages the host page receives.

/** The lesson facts scoring and statements need. */
export interface LessonInfo {
  id: string
  title: string
  steps: readonly { id: string; title: string; hasPrediction: boolean }[]
}

export interface Score {
  raw: number
  max: number
  /** raw / max, rounded to 4 decimals (xAPI's scaled score lies in [-1, 1]). */
  scaled: number
}

function scoreFrom(raw: number, max: number): Score {
  return { raw, max, scaled: max === 0 ? 0 : Math.round((raw / max) * 10_000) / 10_000 }
}

/**
 * A step is worth 1 point, plus 1 more if it asks for a prediction. It earns 1 when done without
 * "Show me", and 1 when the prediction was right.
 */
export function stepScore(hasPrediction: boolean, outcome: StepOutcome): Score {
  const max = hasPrediction ? 2 : 1
  const raw =
    (outcome.shownMe ? 0 : 1) + (hasPrediction && outcome.predictionCorrect === true ? 1 : 0)
  return scoreFrom(raw, max)
}

/** The lesson's score: the sum of its steps' scores; steps not completed in this run earn nothing. */
export function lessonScore(lesson: LessonInfo, outcomes: ReadonlyMap<string, StepOutcome>): Score {
  let raw = 0
  let max = 0
  for (const step of lesson.steps) {
    const outcome = outcomes.get(step.id)
    const s = stepScore(step.hasPrediction, outcome ?? { shownMe: true, predictionCorrect: null })
    max += s.max
    if (outcome !== undefined) raw += s.raw
  }
  return scoreFrom(raw, max)
}

// ─── Events out, with xAPI-shaped statements ──────────────────────────────────────────────────────────

export interface StatementContext {
  /** The lab's address without query or fragment; activity ids hang off it. */
  appUrl: string
  /** Stickylab's version (package.json). */
  version: string
  now: Date
}

export interface XapiStatement {
  actor: { objectType: 'Agent'; name: string }
  verb: { id: string; display: { 'en-US': string } }
  object: {
    objectType: 'Activity'
    id: string
    definition: { name: { 'en-US': string }; type: string }
  }
  result: { completion: boolean; score: Score & { min: 0 } }
  timestamp: string
  context: { extensions: Record<string, string> }
}

/** The extension key carrying Stickylab's version: an IRI under the lab's own address. */
export function versionExtension(appUrl: string): string {
  return `${appUrl}#xapi/extensions/stickylab-version`
}

function statement(
  ctx: StatementContext,
  verb: 'completed' | 'progressed',
  id: string,
  name: string,
  score: Score,
): XapiStatement {
  return {
    // The frame does not know who the learner is; the host page replaces the actor (docs/embedding.md).
    actor: { objectType: 'Agent', name: 'Stickylab learner' },
    verb: {
      id: verb === 'completed' ? XAPI_VERB_COMPLETED : XAPI_VERB_PROGRESSED,
      display: { 'en-US': verb },
    },
    object: {
      objectType: 'Activity',
      id,
      definition: { name: { 'en-US': name }, type: XAPI_ACTIVITY_LESSON },
    },
    result: { completion: true, score: { ...score, min: 0 } },
    timestamp: ctx.now.toISOString(),
    context: { extensions: { [versionExtension(ctx.appUrl)]: ctx.version } },
  }
}

export function lessonActivityId(appUrl: string, lessonId: string, step?: number): string {
  const base = `${appUrl}#lesson/${encodeURIComponent(lessonId)}`
  return step === undefined ? base : `${base}/step/${step}`
}

export interface StepCompletedMessage {
  type: 'stickylab:stepCompleted'
  lessonId: string
  /** 1-based. */
  step: number
  stepId: string
  shownMe: boolean
  predictionCorrect: boolean | null
  score: Score
  statement: XapiStatement
}

export interface LessonCompletedMessage {
  type: 'stickylab:lessonCompleted'
  lessonId: string
  score: Score
  statement: XapiStatement
}

export interface ReadyMessage {
  type: 'stickylab:ready'
  apiVersion: number
  version: string
  lessons: string[]
}

export interface ResizeMessage {
  type: 'stickylab:resize'
  height: number
}

export type OutMessage =
  ReadyMessage | ResizeMessage | StepCompletedMessage | LessonCompletedMessage

/** The message the lesson machine's event becomes (null for a lesson or step `lesson` does not have). */
export function messageFor(
  event: LessonEmitted,
  lesson: LessonInfo,
  ctx: StatementContext,
): OutMessage | null {
  if (event.lessonId !== lesson.id) return null
  if (event.type === 'lesson.completed') {
    const score = lessonScore(lesson, event.outcomes)
    return {
      type: 'stickylab:lessonCompleted',
      lessonId: lesson.id,
      score,
      statement: statement(
        ctx,
        'completed',
        lessonActivityId(ctx.appUrl, lesson.id),
        lesson.title,
        score,
      ),
    }
  }
  const step = lesson.steps[event.stepIndex]
  if (step === undefined) return null
  const n = event.stepIndex + 1
  const score = stepScore(step.hasPrediction, event.outcome)
  return {
    type: 'stickylab:stepCompleted',
    lessonId: lesson.id,
    step: n,
    stepId: step.id,
    shownMe: event.outcome.shownMe,
    predictionCorrect: event.outcome.predictionCorrect,
    score,
    statement: statement(
      ctx,
      'progressed',
      lessonActivityId(ctx.appUrl, lesson.id, n),
      `${lesson.title}: step ${n}, ${step.title}`,
      score,
    ),
  }
}
