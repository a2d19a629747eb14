// The page's lesson actor (docs/decisions/0003-actors-in-the-composition-root.md). Its own module because it
// brings the lesson catalog, the lesson machine and saved progress (zod): main.tsx imports it after the first
// paint, so none of that delays the lab.
import type { Lesson } from '../lessons/schema'
import type { Progress } from '../lessons/progress'
import { startLessonActor } from '../machines/appMachine'
import { lessonMachine } from '../machines/lessonMachine'
import { appCatalog } from '../ui/lessons/appCatalog'
import { lessonView } from '../view/lessonView'
import { inFlight } from '../view/reveal'
import { revealStamp } from '../view/revealedLab'
import type { AppActor } from './createApp'

/**
 * Starts the page's one lesson actor in the lab actor's system (the lab follows from there: lab changes and
 * arrivals on the stage become goal checks, "Show me" becomes lab events) with the catalog. It owns the learner's
 * progress, which persistence restores and saves (labPersistence.ts). It lives as long as the page, whether or not
 * the lesson panel is shown.
 */
export function createLessonActor(
  labActor: AppActor,
  options: { lessons?: readonly Lesson[]; progress?: Progress } = {},
) {
  const lessonActor = startLessonActor(labActor, lessonMachine, {
    lessons: options.lessons ?? appCatalog.lessons,
    // The saved progress arrives as progress.restore once persistence has read it (labPersistence.ts).
    ...(options.progress === undefined ? {} : { progress: options.progress }),
    // Goals and prediction feedback judge the lab as the stage shows it: a step is done when the dot arrives.
    shown: lessonView,
    revealKey: (lab) => revealStamp(lab).key,
    busy: (lab) => inFlight(lab.history(), lab.now()).length > 0,
  })
  return lessonActor
}

export type AppLessonActor = ReturnType<typeof createLessonActor>
