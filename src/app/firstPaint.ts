// The moment the lab first became interactive, and work deferred until just after it: lazily loaded panels and
// the lesson actor start loading only then, so their download, parsing and set-up never delay the first paint.
let markReady: () => void = () => {}
const ready = new Promise<void>((resolve) => {
  markReady = resolve
})

/** Called once the first render's effects have run (the page's frame is drawn): lets deferred work go. */
export function firstPaintDone(): void {
  markReady()
}

/** Records when the lab became interactive: the stage's controls (its Send request buttons) are on screen. */
export function labIsInteractive(): void {
  window.__stickylabReadyAt ??= performance.now()
}

/** Resolves just after the first paint (one macrotask later, so the browser can paint first). */
export function afterFirstPaint(): Promise<void> {
  return ready.then(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
}

/** import() that waits for the first paint, for React.lazy and the lesson actor. */
export function deferred<T>(load: () => Promise<T>): () => Promise<T> {
  return () => afterFirstPaint().then(load)
}
