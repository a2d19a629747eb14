// The moment the lab first became interactive, and work deferred until just after it: lazily loaded panels and
// the lesson actor start loading only then, so their download, parsing and set-up never delay the first paint or
// the stage's controls. Deferred work also waits for the lab to be ready (labReady.ts): any of it may turn the lab
// into a Network, Gateway or Classic one (a panel, a lesson, a restored lab), which needs their families.
import { labReady } from './labReady'

let markReady: () => void = () => {}
const ready = new Promise<void>((resolve) => {
  markReady = resolve
})
let markInteractive: () => void = () => {}
const interactive = new Promise<void>((resolve) => {
  markInteractive = resolve
})

/** Longest wait for the stage's controls before deferred work goes anyway (a page that never shows them). */
const STAGE_WAIT_MS = 1_500

/** Called once the first render's effects have run (the page's frame is drawn): lets deferred work go. */
export function firstPaintDone(): void {
  markReady()
}

/** Records when the lab became interactive: the stage's controls (its Send request buttons) are on screen. */
export function labIsInteractive(): void {
  window.__stickylabReadyAt ??= performance.now()
  markInteractive()
}

/**
 * Resolves just after the first paint (one macrotask later, so the browser can paint first) and, when the page
 * shows the stage, once its controls are on screen: some thirty deferred chunks requested at once fill the
 * browser's connections, and the stage's own chunks then waited behind them (interactive at 0.9–1.2 s instead of
 * well under 0.4 s). An embed without the stage does not wait for it. Either way it waits for labReady (the stage
 * already has): settled, so a page whose words or families failed to load still gets its panels and its lab.
 */
export function afterFirstPaint(): Promise<void> {
  return ready
    .then(() => {
      // The stage's figure (or its placeholder while its chunk loads) is on the page unless an embed left it out.
      if (document.querySelector('.topology-figure') === null) return
      return Promise.race([interactive, new Promise<void>((resolve) => setTimeout(resolve, STAGE_WAIT_MS))])
    })
    .then(() => labReady.catch(() => {}))
    .then(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
}

/** import() that waits for the first paint, for React.lazy and the lesson actor. */
export function deferred<T>(load: () => Promise<T>): () => Promise<T> {
  return () => afterFirstPaint().then(load)
}
