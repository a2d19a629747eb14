// The page's lesson actor (docs/decisions/0003-actors-in-the-composition-root.md). Its own module because it
// brings the lesson catalog, the lesson machine and saved progress (zod): main.tsx imports it after the first
// paint, so none of that delays the lab.
import type { Lesson } from '../lessons/schema'
import type { Progress } from '../lessons/progress'
import { startLessonActor } from '../machines/appMachine'
import { lessonMachine } from '../machines/lessonMachine'
import { appCatalog } from '../ui/lessons/appCatalog'
import { useProgressStore } from '../ui/lessons/progressStore'
import { lessonView } from '../view/lessonView'
import { inFlight } from '../view/reveal'
import { revealStamp } from '../view/revealedLab'
import type { AppActor } from './createApp'

/**
 * Starts the page's one lesson actor in the lab actor's system (the lab follows from there: lab changes and
 * arrivals on the stage become goal checks, "Show me" becomes lab events) with the catalog and the saved
 * progress, and saves progress as it changes. It lives as long as the page, whether or not the lesson panel is shown.
 */
export function createLessonActor(
  labActor: AppActor,
  options: { lessons?: readonly Lesson[]; progress?: Progress } = {},
) {
  const lessonActor = startLessonActor(labActor, lessonMachine, {
    lessons: options.lessons ?? appCatalog.lessons,
    progress: options.progress ?? useProgressStore.getState().progress,
    // Goals and prediction feedback judge the lab as the stage shows it: a step is done when the dot arrives.
    shown: lessonView,
    revealKey: (lab) => revealStamp(lab).key,
    busy: (lab) => inFlight(lab.history(), lab.now()).length > 0,
  })
  lessonActor.subscribe((s) => useProgressStore.getState().setLessons(s.context.progress.lessons))
  return lessonActor
}

export type AppLessonActor = ReturnType<typeof createLessonActor>
