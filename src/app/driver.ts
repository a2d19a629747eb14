// The one requestAnimationFrame loop: real elapsed time × speed, clamped, becomes virtual time in the lab.
// It runs only while the machine is playing, so a paused lab costs nothing.
import type { AppActor } from './createApp'

/** Longest real gap fed into the simulation at once (a backgrounded tab must not jump the clock). */
export const MAX_FRAME_SECONDS = 0.25

export function startDriver(actor: AppActor): () => void {
  let raf = 0
  let last: number | null = null

  const loop = (t: number) => {
    const snap = actor.getSnapshot()
    if (!snap.hasTag('playing')) {
      raf = 0
      last = null
      return
    }
    if (last !== null) {
      const real = Math.min((t - last) / 1000, MAX_FRAME_SECONDS)
      if (real > 0) actor.send({ type: 'frame.tick', seconds: real * snap.context.speed })
    }
    last = t
    raf = requestAnimationFrame(loop)
  }
  const ensureRunning = () => {
    if (!raf && actor.getSnapshot().hasTag('playing')) raf = requestAnimationFrame(loop)
  }
  const sub = actor.subscribe(ensureRunning)
  ensureRunning()
  return () => {
    sub.unsubscribe()
    if (raf) cancelAnimationFrame(raf)
    raf = 0
  }
}
