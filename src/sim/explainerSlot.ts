// The explainer a page installs once its words have loaded. The core records facts; sentences come from src/explain
// (ADR 0009), which the app loads beside the picture rather than before the first paint (ADR 0017). Labs made with
// `slotExplainer` before that word their records with '' and are re-worded the moment an explainer is installed:
// a record's explanation is a pure function of its facts, so the re-worded world is the one an eager explainer makes.
import type { Explainer } from './model/facts'

let installed: Explainer | null = null
const waiting = new Set<() => void>()

/** Forwards to the installed explainer; '' until one is installed (see rewordWhenInstalled). */
export const slotExplainer: Explainer = {
  request: (facts) => (installed === null ? '' : installed.request(facts)),
  webSocket: (facts) => (installed === null ? '' : installed.webSocket(facts)),
}

/** Whether an explainer is installed (records made now carry their words). */
export function explainerInstalled(): boolean {
  return installed !== null
}

/** Installs the page's explainer and re-words every lab made before it. Installing it again changes nothing. */
export function installExplainer(explainer: Explainer): void {
  if (installed === explainer) return
  installed = explainer
  const rewords = [...waiting]
  waiting.clear()
  for (const reword of rewords) reword()
}

/** Runs `reword` when an explainer is installed, if none is yet (a lab made with slotExplainer calls this). */
export function rewordWhenInstalled(reword: () => void): void {
  if (installed === null) waiting.add(reword)
}
