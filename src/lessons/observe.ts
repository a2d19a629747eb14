// The observations that compute a prediction's right answer from the lab, read when the step's goal is reached,
// and the feedback that compares it with the learner's prediction. Nothing here changes the lab.
import type { RequestRecord } from '../sim'
import type { Observation, Prediction } from './schema'
import { FEEDBACK_WORD_LIMIT, wrongFeedbackWords } from './feedbackText'
import { areGoalsMet, headerCarries, requestsSince, type GoalContext, type GoalLab } from './goals'

/** What the lab showed for a prediction: the value to compare with the choices, and plain sentences. */
export interface Observed {
  value: string
  /** What happened, e.g. "The request went to i-3." */
  outcome: string
  /** Why, from the core's explanation of the request, when there is one. */
  why: string | null
}

const STATUS_TEXT: Record<number, string> = {
  101: 'Switching Protocols',
  200: 'OK',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/** "7 days", "1 day", "60 s" */
export function humanSeconds(s: number): string {
  if (s >= 86_400 && s % 86_400 === 0) return plural(s / 86_400, 'day', 'days')
  if (s >= 3600 && s % 3600 === 0) return plural(s / 3600, 'hour', 'hours')
  if (s >= 60 && s % 60 === 0) return plural(s / 60, 'minute', 'minutes')
  return `${s} s`
}

function fromRequest(r: RequestRecord, o: Extract<Observation, { kind: 'request' }>): Observed {
  const why = r.explanation
  switch (o.field) {
    case 'target':
      return r.targetId === null
        ? {
            value: 'none',
            outcome: `No instance answered: the load balancer returned ${r.status}.`,
            why,
          }
        : { value: r.targetId, outcome: `The request went to ${r.targetId}.`, why }
    case 'status':
      return {
        value: String(r.status),
        outcome: `The response was ${r.status} ${STATUS_TEXT[r.status] ?? ''}`.trim() + '.',
        why,
      }
    case 'sticky':
      return r.sticky
        ? {
            value: 'yes',
            outcome: `The request was sticky: a cookie chose ${r.targetId ?? 'the target'}.`,
            why,
          }
        : {
            value: 'no',
            outcome: 'The request was not sticky: the routing algorithm chose the target.',
            why,
          }
    case 'cartKept': {
      if (r.session === undefined) {
        return {
          value: 'no',
          outcome: `The request never reached the shop (${r.status}), so the cart could not be used.`,
          why,
        }
      }
      return r.session.lost
        ? {
            value: 'no',
            outcome: `The cart was lost: ${r.targetId ?? 'the target'} did not know the session, so the shop started a new cart.`,
            why,
          }
        : {
            value: 'yes',
            outcome: `The cart survived with ${plural(r.session.items, 'item', 'items')}.`,
            why,
          }
    }
    case 'cartItems': {
      const items = r.session?.items ?? 0
      return {
        value: String(items),
        outcome: `The cart holds ${plural(items, 'item', 'items')}.`,
        why,
      }
    }
    case 'targetGroup':
      return {
        value: r.targetGroup ?? 'none',
        outcome: `The request went to target group ${r.targetGroup ?? '(none)'}.`,
        why,
      }
    case 'decision':
      return { value: r.decision, outcome: `The load balancer’s decision was ${r.decision}.`, why }
    case 'sentCookies': {
      const among = o.among ?? []
      const sent = among.filter((n) => headerCarries(r.requestCookieHeader, n))
      return sent.length === 0
        ? { value: 'none', outcome: `The browser sent none of ${among.join(', ')}.`, why }
        : { value: sent.join('+'), outcome: `The browser sent ${sent.join(' and ')}.`, why }
    }
  }
}

/**
 * Computes the answer a prediction is compared with, from the lab as it is when the step's goal is
 * reached. Returns null when there is nothing to read yet (no matching request).
 */
export function observe(o: Observation, lab: GoalLab, ctx: GoalContext): Observed | null {
  switch (o.kind) {
    case 'request': {
      const rs = requestsSince(lab, ctx, o)
      const r = o.which === 'first' ? rs[0] : rs[rs.length - 1]
      return r === undefined ? null : fromRequest(r, o)
    }
    case 'cookies': {
      const held = lab
        .cookies(o.client)
        .filter((c) => c.value !== '_remove_')
        .map((c) => c.name)
      const found = o.among.filter((n) => held.includes(n))
      return found.length === 0
        ? {
            value: 'none',
            outcome: `${o.client}’s browser holds none of ${o.among.join(', ')}.`,
            why: null,
          }
        : {
            value: found.join('+'),
            outcome: `${o.client}’s browser now holds ${found.join(' and ')}.`,
            why: null,
          }
    }
    case 'cookieExpiresIn': {
      const c = lab.cookies(o.client).find((x) => x.name === o.name)
      if (c === undefined || c.expiresAt === null) return null
      const left = c.expiresAt - lab.now()
      let best = o.candidates[0]!
      for (const s of o.candidates) if (Math.abs(s - left) < Math.abs(best - left)) best = s
      return {
        value: String(best),
        outcome: `${o.name} expires in ${humanSeconds(Math.round(left))}.`,
        why: null,
      }
    }
    case 'goal': {
      const met = areGoalsMet(o.goals, lab, ctx)
      return { value: met ? 'yes' : 'no', outcome: met ? o.yes : o.no, why: null }
    }
    case 'fixed':
      return { value: o.value, outcome: o.because, why: null }
  }
}

/** Feedback on a prediction, quoting it: "You predicted i-2. The request went to i-3. Why: …". */
export interface PredictionFeedback {
  predicted: string
  actual: string
  correct: boolean
  text: string
}

/**
 * The feedback on a prediction. Given the step's success text (shown with it), a wrong prediction's
 * feedback leaves out the core's "Why: …" sentence when it would not fit in FEEDBACK_WORD_LIMIT words
 * (src/lessons/feedbackText.ts): the success text says why in the lesson's words.
 */
export function predictionFeedback(
  prediction: Prediction,
  choice: string,
  observed: Observed,
  step?: { success: string; corrections: number },
): PredictionFeedback {
  const label = (v: string) => prediction.choices.find((c) => c.value === v)?.label ?? v
  const predicted = label(choice)
  const correct = choice === observed.value
  const compose = (why: boolean) => {
    const parts = [`You predicted “${predicted}”.`, observed.outcome]
    if (why && observed.why !== null) parts.push(`Why: ${observed.why}`)
    if (prediction.note !== undefined) parts.push(prediction.note)
    return parts.join(' ')
  }
  let text = compose(true)
  if (
    !correct &&
    step !== undefined &&
    wrongFeedbackWords(text, step.success, step.corrections) > FEEDBACK_WORD_LIMIT
  )
    text = compose(false)
  return { predicted, actual: label(observed.value), correct, text }
}
