// "Resume lesson": after "Back to your lab" closed a lesson, the Learn panel offers to carry on at the step the
// learner left (src/store/labStash.ts keeps it, and stickylab.stash.v1 across a reload). Resuming stashes the
// learner's lab again and opens the lesson at that step.
import type { Lesson } from '../../lessons/schema'
import { useStashStore } from '../../store/labStash'
import './ResumeLesson.css'

interface Props {
  lessons: readonly Lesson[]
  onResume: (lessonId: string, step: number) => void
}

export function ResumeLesson({ lessons, onResume }: Props) {
  const resume = useStashStore((s) => s.resume)
  const index = lessons.findIndex((l) => l.id === resume?.lessonId)
  const lesson = lessons[index]
  if (resume === null || lesson === undefined || resume.step >= lesson.steps.length) return null
  return (
    <div className="lesson-notice lesson-resume">
      <p>
        You left lesson {index + 1}, “{lesson.title}”, at step {resume.step + 1} of{' '}
        {lesson.steps.length}.
      </p>
      <button
        type="button"
        className="btn small primary"
        onClick={() => onResume(lesson.id, resume.step)}
      >
        Resume lesson
      </button>
    </div>
  )
}
