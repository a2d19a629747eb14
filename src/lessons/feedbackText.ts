// How long the feedback after a prediction may be. After a wrong prediction the learner reads the
// verdict, what happened and the step's own explanation, and that must fit in FEEDBACK_WORD_LIMIT words
// (issue 15: about 200 words of "Not this time" + "Step done" + "The article says" was too much). The
// core's decision sentence ("Why: …") is added only when it still fits, and a seed-article correction
// is folded behind its one-line summary (LessonRunner shows it collapsed).

export const FEEDBACK_WORD_LIMIT = 80

/** The summary line of a folded seed-article correction. */
export const FOLDED_CORRECTION_SUMMARY = 'What the article got wrong'

/** The verdict lines the lesson runner shows above the feedback text. */
export const VERDICT = { right: 'Your prediction was right.', wrong: 'Not this time.' } as const

/** The label before the step's success text. */
export const STEP_DONE = 'Step done.'

/** Words as a reader counts them: runs of non-space characters. */
export function wordCount(text: string): number {
  const m = text.trim().match(/\S+/g)
  return m === null ? 0 : m.length
}

/** Every word a learner reads once a step is done after a wrong prediction: the verdict, the feedback,
 *  "Step done." with the success text, and one summary line per folded correction. */
export function wrongFeedbackWords(text: string, success: string, corrections: number): number {
  return (
    wordCount([VERDICT.wrong, text, STEP_DONE, success].join(' ')) +
    corrections * wordCount(FOLDED_CORRECTION_SUMMARY)
  )
}
