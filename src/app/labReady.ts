// The one gate before anything may show the lab or turn it into another type (ADR 0018): the decision sentences
// (explanations.ts) and the Network, Gateway and Classic families (familiesReady.ts), both loading beside the
// picture. The picture and its controls, the clock, a restored or linked lab, the lessons, the embed host API and
// every panel wait for it; window.stickylab.ready is this promise.
import { explanationsReady } from './explanations'
import { familiesReady } from './familiesReady'

/** Resolves once the words and the families are installed. */
export const labReady: Promise<void> = Promise.all([explanationsReady, familiesReady]).then(
  () => {},
)
