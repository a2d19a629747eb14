// Composition root: starts the page's one actor system (src/machines/appMachine.ts) and returns its lab actor, which
// the whole page shares (React, the frame driver, the public API, the embed host API). The lesson actor joins the
// same system once its chunk has loaded, after the first paint (createLessonActor.ts;
// docs/decisions/0003-actors-in-the-composition-root.md, 0011-one-actor-system.md).
import { startAppSystem } from '../machines/appMachine'
import { createLab } from '../sim/core'

export const DEFAULT_SEED = 1

export function createDefaultLab(seed = DEFAULT_SEED) {
  const lab = createLab({ seed })
  lab.addClient('alice')
  return lab
}

/** Starts the actor system with a lab built by createDefaultLab and returns the lab actor. */
export function createApp(options: { seed?: number } = {}) {
  return startAppSystem({ seed: options.seed ?? DEFAULT_SEED, makeLab: createDefaultLab })
}

export type AppActor = ReturnType<typeof createApp>
