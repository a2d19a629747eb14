// Composition root: builds the actors the whole page shares (React, the frame driver, the public API, the
// embed host API): the lab actor, and the lesson actor wired to it (docs/decisions/0003-actors-in-the-composition-root.md).
import { createActor } from 'xstate'
import type { Lesson } from '../lessons/schema'
import type { Progress } from '../lessons/progress'
import { labMachine } from '../machines/labMachine'
import { connectLesson, lessonMachine } from '../machines/lessonMachine'
import { createLab } from '../sim'
import { appCatalog } from '../ui/lessons/appCatalog'
import { useProgressStore } from '../ui/lessons/progressStore'

export const DEFAULT_SEED = 1

export function createDefaultLab(seed = DEFAULT_SEED) {
  const lab = createLab({ seed })
  lab.addClient('alice')
  return lab
}

export function createApp(options: { seed?: number } = {}) {
  const actor = createActor(labMachine, { input: { seed: options.seed ?? DEFAULT_SEED, makeLab: createDefaultLab } })
  actor.start()
  return actor
}

export type AppActor = ReturnType<typeof createApp>

/**
 * Creates and starts the page's one lesson actor with the catalog and the saved progress, connects it to
 * the lab actor (lab changes become goal checks, "Show me" becomes lab events) and saves progress as it
 * changes. It lives as long as the page, whether or not the lesson panel is shown.
 */
export function createLessonActor(
  labActor: AppActor,
  options: { lessons?: readonly Lesson[]; progress?: Progress } = {},
) {
  const progress = options.progress ?? useProgressStore.getState().progress
  const lessonActor = createActor(lessonMachine, {
    input: { lessons: options.lessons ?? appCatalog.lessons, progress },
  })
  lessonActor.start()
  connectLesson(lessonActor, labActor)
  lessonActor.subscribe((s) => useProgressStore.getState().setLessons(s.context.progress.lessons))
  return lessonActor
}

export type AppLessonActor = ReturnType<typeof createLessonActor>
