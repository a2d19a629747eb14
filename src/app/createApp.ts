// Composition root: builds the lab actor the whole page shares (React, the frame driver, the public API, the
// embed host API). The lesson actor wired to it is built by createLessonActor.ts, loaded after the first paint
// (docs/decisions/0003-actors-in-the-composition-root.md).
import { createActor } from 'xstate'
import { labMachine } from '../machines/labMachine'
import { createLab } from '../sim'

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
