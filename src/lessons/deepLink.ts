// Deep links into lessons: "?lesson=<id>&step=<n>" (n is 1-based) opens a lesson at a step. Parsing is
// pure: it returns what to open, or a readable message for a link that names no such lesson or step.

export type LessonLink =
  | { kind: 'none' }
  | { kind: 'open'; lessonId: string; /** 0-based */ stepIndex: number }
  | { kind: 'invalid'; message: string }

interface LinkableLesson {
  id: string
  title: string
  steps: readonly unknown[]
}

/** Quotes a value from the address bar for a message, shortened so a long link cannot flood the panel. */
function quote(value: string): string {
  const short = value.length > 40 ? `${value.slice(0, 40)}…` : value
  return `“${short}”`
}

export function parseLessonLink(search: string, lessons: readonly LinkableLesson[]): LessonLink {
  const params = new URLSearchParams(search)
  const id = params.get('lesson')
  const step = params.get('step')
  if (id === null) {
    return step === null
      ? { kind: 'none' }
      : {
          kind: 'invalid',
          message: 'The link gives a step but no lesson. Choose a lesson from the list.',
        }
  }
  const lesson = lessons.find((l) => l.id === id)
  if (lesson === undefined) {
    return {
      kind: 'invalid',
      message:
        id.trim() === ''
          ? 'The link names no lesson. Choose one from the list.'
          : `There is no lesson called ${quote(id)}. Choose one from the list.`,
    }
  }
  if (step === null) return { kind: 'open', lessonId: id, stepIndex: 0 }
  const count = lesson.steps.length
  if (!/^\d+$/.test(step) || Number(step) < 1) {
    return {
      kind: 'invalid',
      message: `${quote(step)} is not a step number. “${lesson.title}” has steps 1 to ${count}.`,
    }
  }
  const n = Number(step)
  if (n > count)
    return {
      kind: 'invalid',
      message: `“${lesson.title}” has ${count} steps, so there is no step ${n}.`,
    }
  return { kind: 'open', lessonId: id, stepIndex: n - 1 }
}

/** The query string for a lesson at a step (or none), keeping any other parameters as they were. */
export function lessonSearch(
  search: string,
  at: { lessonId: string; stepIndex: number } | null,
): string {
  const params = new URLSearchParams(search)
  if (at === null) {
    params.delete('lesson')
    params.delete('step')
  } else {
    params.set('lesson', at.lessonId)
    params.set('step', String(at.stepIndex + 1))
  }
  const s = params.toString()
  return s === '' ? '' : `?${s}`
}
