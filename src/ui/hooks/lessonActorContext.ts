// React context carrying the lesson actor, created and started once by the composition root (src/app), so the
// lesson panel, the Share / Embed dialog and the host-page API all follow the same lesson.
import { createContext, useContext } from 'react'
import type { LessonActor } from '../../machines/lessonMachine'

export const LessonActorContext = createContext<LessonActor | null>(null)

export function useLessonActor(): LessonActor {
  const actor = useContext(LessonActorContext)
  if (!actor) throw new Error('useLessonActor must be used inside <LessonActorContext.Provider>')
  return actor
}
