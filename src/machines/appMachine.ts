// The root of the page's one actor system (docs/decisions/0011-one-actor-system.md): it owns the lab actor
// (systemId 'lab') from the start and the lesson actor (systemId 'lesson') once the lessons have loaded, so each
// reaches the other through `system.get` rather than through glue in the composition root.
import { assign, createActor, setup, type ActorRefFrom } from 'xstate'
import { labMachine, type LabInput } from './labMachine'
import type { LessonInput, lessonMachine } from './lessonMachine'
import { APP_SYSTEM_ID, LAB_SYSTEM_ID, LESSON_SYSTEM_ID } from './systemIds'

export type LabActorRef = ActorRefFrom<typeof labMachine>
export type LessonActorRef = ActorRefFrom<typeof lessonMachine>

export interface AppContext {
  lab: LabActorRef
  /** Null until the lessons have loaded (their own chunk, after the first paint). */
  lesson: LessonActorRef | null
}

export type AppEvent = {
  type: 'app.startLessons'
  /**
   * The lesson machine itself, handed in by the code that loaded it: importing it here would put the lesson
   * catalog's machinery in the first paint's chunk.
   */
  logic: typeof lessonMachine
  input: LessonInput
}

export const appMachine = setup({
  types: {
    context: {} as AppContext,
    events: {} as AppEvent,
    input: {} as LabInput,
  },
  actors: { lab: labMachine },
  guards: {
    hasNoLessons: ({ context }) => context.lesson === null,
  },
}).createMachine({
  id: 'app',
  context: ({ input, spawn }) => ({
    lab: spawn('lab', { id: LAB_SYSTEM_ID, systemId: LAB_SYSTEM_ID, input }),
    lesson: null,
  }),
  on: {
    'app.startLessons': {
      description: 'The page has one lesson actor for its whole life: a second request is ignored.',
      guard: 'hasNoLessons',
      actions: assign({
        lesson: ({ event, spawn }) =>
          spawn(event.logic, { systemId: LESSON_SYSTEM_ID, input: event.input }),
      }),
    },
  },
})

export type AppRootActor = ActorRefFrom<typeof appMachine>

/** Starts the page's actor system and returns its lab actor (the root stays reachable as `system.get('app')`). */
export function startAppSystem(input: LabInput): LabActorRef {
  const root = createActor(appMachine, { systemId: APP_SYSTEM_ID, input })
  root.start()
  return root.getSnapshot().context.lab
}

/**
 * Starts the lesson actor in `labActor`'s system, where it finds the lab by its systemId. `logic` is the lesson
 * machine, passed in so that this module does not pull it into the first paint's chunk.
 */
export function startLessonActor(
  labActor: LabActorRef,
  logic: typeof lessonMachine,
  input: LessonInput,
): LessonActorRef {
  const root: AppRootActor | undefined = labActor.system.get(APP_SYSTEM_ID)
  if (root === undefined) throw new Error('The lab actor was not started by startAppSystem')
  root.send({ type: 'app.startLessons', logic, input })
  const lesson = root.getSnapshot().context.lesson
  if (lesson === null) throw new Error('The lesson actor could not be started')
  return lesson
}
