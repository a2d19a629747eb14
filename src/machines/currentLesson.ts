// The lesson and step a lesson machine's context points at (lessonMachine.ts), for the machine and its callers.
import type { Lesson, Step } from '../lessons/schema'

interface Place {
  lessons: readonly Lesson[]
  lessonId: string | null
}

export function currentLesson(context: Place): Lesson | null {
  return context.lessons.find((l) => l.id === context.lessonId) ?? null
}

export function currentStep(context: Place & { stepIndex: number }): Step | null {
  return currentLesson(context)?.steps[context.stepIndex] ?? null
}
