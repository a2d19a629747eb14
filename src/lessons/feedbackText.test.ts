// Issue 15's wording rule over every lesson: after a wrong prediction, what the learner reads (the
// verdict, the feedback, "Step done." with the success text, and folded corrections' summary lines)
// is at most 80 words. Each lesson's scripted solution is played on the core; at each prediction step
// every wrong choice is scored against what the step's solution made happen.
import { describe, expect, it } from 'vitest'
import { loadCatalog } from './catalog'
import { FEEDBACK_WORD_LIMIT, wordCount, wrongFeedbackWords } from './feedbackText'
import { markOf } from './goals'
import { observe, predictionFeedback } from './observe'
import { applyLabEvent, buildScenarioLab, findScenario } from './scenarios'

const { lessons } = loadCatalog()

describe('feedback after a wrong prediction', () => {
  it('counts words as a reader does', () => {
    expect(wordCount('  You predicted “i-2”.  The request went to i-1. ')).toBe(8)
    expect(wordCount('')).toBe(0)
  })

  for (const lesson of lessons) {
    it(`${lesson.id}: at most ${FEEDBACK_WORD_LIMIT} words for every wrong choice`, () => {
      const lab = buildScenarioLab(findScenario(lesson.scenario)!)
      let predictions = 0
      for (const step of lesson.steps) {
        const ctx = markOf(lab)
        for (const e of step.solution) applyLabEvent(lab, e)
        const p = step.prediction
        if (p === undefined) continue
        const seen = observe(p.observe, lab, ctx)
        expect(seen, `${lesson.id}/${step.id}: nothing observed`).not.toBeNull()
        const corrections = step.corrects?.length ?? 0
        for (const choice of p.choices) {
          if (choice.value === seen!.value) continue
          predictions++
          const fb = predictionFeedback(p, choice.value, seen!, {
            success: step.success,
            corrections,
          })
          expect(fb.correct).toBe(false)
          const words = wrongFeedbackWords(fb.text, step.success, corrections)
          expect(
            words,
            `${lesson.id}/${step.id}, choice “${choice.label}”: ${fb.text} / ${step.success}`,
          ).toBeLessThanOrEqual(FEEDBACK_WORD_LIMIT)
        }
      }
      // Every choice but the observed one was scored: the observed answer is among the choices.
      const expected = lesson.steps.reduce(
        (n, st) => n + (st.prediction ? st.prediction.choices.length - 1 : 0),
        0,
      )
      expect(predictions).toBe(expected)
    })
  }
})
