// The shape of lessons, steps, goals, predictions, scenarios and exam drills, as zod schemas with the
// TypeScript types inferred from them. Lesson files are plain data checked against these at load time
// and in tests; parseLesson/parseDrill turn a bad file into one readable error message.
import '../zodJitless'
import { z } from 'zod'
import { LEARNER_CALLS, type LearnerCall } from '../sim'
import { commandArgsSchema } from '../sim/commands/commandSchemas'
import { GoalSchema, requestFilter } from './goalSchema'

/** Lab methods a lesson solution or scenario may call (the lab machine's `lab.call` methods). */
export const LAB_CALL_METHODS = LEARNER_CALLS
export type LabCallMethod = LearnerCall

const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase words joined by hyphens, e.g. "sliding-expiry"')
const text = z.string().trim().min(1, 'must not be empty')
const name = z.string().min(1)
/** A seed-article claim, as numbered in the reference's section 16 ("004-9"). */
export const SeedClaimIdSchema = z
  .string()
  .regex(/^00[0-4]-\d{1,2}$/, 'a seed claim id such as "004-9"')

/** One event a "Show me" sends to the lab machine (or a scenario applies while it is built). */
export const LabEventSchema = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal('lab.call'),
      method: z.enum(LAB_CALL_METHODS),
      args: z.unknown(),
    })
    .transform((event, ctx) => {
      // A call's arguments pass the command's schema (src/sim/commands/commandSchemas.ts), which refuses what the
      // live gate refuses, in its words, so a lesson whose "Show me" could never run is refused when it is loaded,
      // with the reason, not when the learner presses it. The event keeps the schema's copy of the arguments.
      const args = commandArgsSchema(event.method).safeParse(event.args)
      if (args.success) return { ...event, args: args.data }
      for (const issue of args.error.issues)
        ctx.issues.push({
          code: 'custom',
          input: event.args,
          path: ['args'],
          message: issue.message,
        })
      return z.NEVER
    }),
  z.strictObject({ type: z.literal('sim.advance'), seconds: z.number().positive().max(2_592_000) }),
])
export type LabEventData = z.infer<typeof LabEventSchema>

export { GoalSchema } from './goalSchema'
export type { Goal, GoalId } from './goalSchema'

/** Where a prediction's correct answer comes from: the lab, read when the step's goal is reached. */
export const ObservationSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('request'),
    /** The first or the last matching request since the prediction was made. */
    which: z.enum(['first', 'last']),
    ...requestFilter,
    /**
     * target: instance id or "none"; status: "200"…; sticky / cartKept: "yes" | "no";
     * cartItems: "0", "1"…; targetGroup: name; decision: a decision code;
     * sentCookies: the names from `among` the Cookie header carried, joined by "+", or "none".
     */
    field: z.enum([
      'target',
      'status',
      'sticky',
      'cartKept',
      'cartItems',
      'targetGroup',
      'decision',
      'sentCookies',
    ]),
    among: z.array(name).min(1).optional(),
  }),
  z.strictObject({
    kind: z.literal('cookies'),
    client: name,
    /** Which of these names the browser now holds (ignoring "_remove_" shards), joined by "+", or "none". */
    among: z.array(name).min(1),
  }),
  z.strictObject({
    kind: z.literal('cookieExpiresIn'),
    client: name,
    name,
    /** The candidate lifetimes in seconds; the observed value is the nearest one, as a string. */
    candidates: z.array(z.number().positive()).min(2),
  }),
  z.strictObject({
    kind: z.literal('goal'),
    /** "yes" when all these goals hold at the moment the step completes, else "no". */
    goals: z.array(GoalSchema).min(1),
    yes: text,
    no: text,
  }),
  z.strictObject({
    kind: z.literal('fixed'),
    /** For facts the lab cannot compute (other load balancer types): the answer and why. */
    value: text,
    because: text,
  }),
])
export type Observation = z.infer<typeof ObservationSchema>

export const PredictionSchema = z
  .strictObject({
    question: text,
    choices: z
      .array(z.strictObject({ value: text, label: text }))
      .min(2)
      .max(6),
    observe: ObservationSchema,
    /** Extra teaching shown after the feedback, whatever was predicted. */
    note: text.optional(),
  })
  .refine((p) => new Set(p.choices.map((c) => c.value)).size === p.choices.length, {
    message: 'choice values must be unique',
  })
export type Prediction = z.infer<typeof PredictionSchema>

/** An explicit correction of a seed article's claim, shown as "The article says … In fact …". */
export const CorrectionSchema = z.strictObject({
  claim: SeedClaimIdSchema,
  /** What the article says, briefly (quoted or closely paraphrased). */
  myth: text,
  /** What AWS actually does. */
  fact: text,
})
export type Correction = z.infer<typeof CorrectionSchema>

export const StepSchema = z.strictObject({
  id,
  title: text,
  /** Short paragraphs. `Backticks` mark code (attribute names, cookie names); nothing else is markup. */
  prose: z.array(text).min(1),
  /** What the learner does now, in one or two sentences. */
  task: text,
  /** Advisory text naming the controls to use ("Stickiness → Duration-based (lb_cookie), then Apply"). */
  controls: text,
  /** Accessible names of the controls to highlight; "Scope > Name" narrows to a group, fieldset or panel. */
  highlight: z.array(text),
  /** Every goal must hold for the step to complete. */
  goals: z.array(GoalSchema).min(1),
  hints: z.array(text).min(1),
  /** Lab-machine events that perform the step ("Show me"). */
  solution: z.array(LabEventSchema),
  prediction: PredictionSchema.optional(),
  /** Shown when the goals are reached. */
  success: text,
  corrects: z.array(CorrectionSchema).optional(),
})
export type Step = z.infer<typeof StepSchema>

export const LessonSchema = z
  .strictObject({
    id,
    title: text,
    summary: text,
    /** Named scenario (scenarios.ts) the lab is loaded with when the lesson opens. */
    scenario: id,
    /** Seed claims this lesson teaches that the reference confirms (section 16). */
    covers: z.array(SeedClaimIdSchema),
    steps: z.array(StepSchema).min(2),
    /** The points to remember, shown when the lesson is finished. */
    takeaways: z.array(text).min(1),
  })
  .refine((l) => new Set(l.steps.map((s) => s.id)).size === l.steps.length, {
    message: 'step ids must be unique within a lesson',
  })
export type Lesson = z.infer<typeof LessonSchema>

export const ScenarioSchema = z.strictObject({
  id,
  title: text,
  description: text,
  seed: z.number().int().min(0),
  /** Applied in order to a fresh default lab. */
  setup: z.array(LabEventSchema),
})
export type Scenario = z.infer<typeof ScenarioSchema>

const OPTION_IDS = ['a', 'b', 'c', 'd'] as const

export const DrillSchema = z
  .strictObject({
    id,
    /** ANS-C01-style scenario question. Multi-answer questions end with "(Choose two.)" or "(Choose three.)". */
    question: text,
    options: z
      .array(z.strictObject({ id: z.enum(OPTION_IDS), text }))
      .length(4)
      .refine((o) => o.map((x) => x.id).join('') === 'abcd', {
        message: 'options must be a, b, c, d in order',
      }),
    correct: z.array(z.enum(OPTION_IDS)).min(1).max(3),
    /** Why the right answers are right and the others wrong, citing the behaviour. */
    explanation: text,
    /** Reference sections the explanation rests on ("§3.5"). */
    refs: z.array(z.string().regex(/^§\d{1,2}(\.\d{1,2})?$/)).min(1),
    /** Scenario "Try it in the lab" loads. */
    scenario: id,
    /** What to do in the lab once it is loaded. */
    tryIt: text,
  })
  .refine((d) => new Set(d.correct).size === d.correct.length, {
    message: 'correct answers must be unique',
  })
  .refine(
    (d) =>
      d.correct.length === 1
        ? !/\(Choose/.test(d.question)
        : d.question.endsWith(`(Choose ${['', 'one', 'two', 'three'][d.correct.length]}.)`),
    {
      message:
        'a question with several correct answers must end with "(Choose two.)" or "(Choose three.)", and only then',
    },
  )
export type Drill = z.infer<typeof DrillSchema>

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string }

/** One readable line per problem: "steps[2].goals[0].params.min: Too small: expected number to be >=1". */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path
        .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
        .join('')
      return `${path === '' ? '(root)' : path}: ${issue.message}`
    })
    .join('\n')
}

function labelOf(data: unknown): string {
  const maybe =
    data !== null && typeof data === 'object' ? (data as { id?: unknown }).id : undefined
  return typeof maybe === 'string' ? `“${maybe}”` : '(without an id)'
}

/** Validates unknown data as a lesson; on failure, a readable message naming every bad field. */
export function parseLesson(data: unknown): ParseResult<Lesson> {
  const r = LessonSchema.safeParse(data)
  return r.success
    ? { ok: true, value: r.data }
    : { ok: false, error: `Lesson ${labelOf(data)} is invalid:\n${describeIssues(r.error)}` }
}

export function parseDrill(data: unknown): ParseResult<Drill> {
  const r = DrillSchema.safeParse(data)
  return r.success
    ? { ok: true, value: r.data }
    : { ok: false, error: `Drill ${labelOf(data)} is invalid:\n${describeIssues(r.error)}` }
}

export function parseScenario(data: unknown): ParseResult<Scenario> {
  const r = ScenarioSchema.safeParse(data)
  return r.success
    ? { ok: true, value: r.data }
    : { ok: false, error: `Scenario ${labelOf(data)} is invalid:\n${describeIssues(r.error)}` }
}
