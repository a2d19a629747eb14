// React context carrying the lesson actor, created and started once by the composition root (src/app), so the
// lesson panel, the Share dialog and the host-page API all follow the same lesson. The page provides
// a promise of it (the lessons load after the first paint): a component reading it suspends until it is ready,
// so it must sit inside a <Suspense> boundary.
import { createContext, use, useContext } from 'react'
import type { LessonActor } from '../../machines/lessonMachine'

export const LessonActorContext = createContext<LessonActor | Promise<LessonActor> | null>(null)

export function useLessonActor(): LessonActor {
  const actor = useContext(LessonActorContext)
  if (!actor) throw new Error('useLessonActor must be used inside <LessonActorContext.Provider>')
  return actor instanceof Promise ? use(actor) : actor
}
