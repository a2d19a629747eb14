// The decision sentences (src/explain) load in their own chunk, beside the picture, instead of before the first paint
// (ADR 0017). The picture and its controls wait for them, so every sentence a learner sees has its words; a lab made
// before they arrive is re-worded when they do (src/sim/explainerSlot.ts).
import { installExplainer } from '../sim/core'

/** Resolves once src/explain's English sentences are installed (half of labReady.ts). */
export const explanationsReady: Promise<void> = import('../explain/explainer').then((m) =>
  installExplainer(m.explainer),
)
