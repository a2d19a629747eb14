// Panels follow an actor at most once per animation frame. Machine events can come hundreds of times a frame (a
// browser streaming requests at high speed, a load test's burst, a host page's messages), and each one would
// otherwise commit every subscribed panel: the screen only changes once a frame, so the rest is wasted work
// (issue #14's budget: panels update at most once per frame whatever the request rate).
import { useCallback, useRef, useSyncExternalStore } from 'react'

interface Subscribable<S> {
  getSnapshot(): S
  subscribe(observer: () => void): { unsubscribe(): void }
}

/**
 * The learner's own input events. A change made while one of them is dispatched is followed at once: React puts
 * a controlled input (a radio, a select) back to the value it was rendered with right after the handler, so one
 * that waited for the next frame would show the old choice for a frame, and Playwright's check() and a screen
 * reader would read it. A person makes at most a few of these a frame, so the once-a-frame budget still holds.
 */
const USER_INPUT = new Set(['click', 'input', 'change', 'keydown', 'keyup', 'pointerdown', 'pointerup', 'submit'])

function inUserInput(): boolean {
  // window.event is the event being dispatched (undefined in frames, timers and worker messages' microtasks).
  const e = typeof window === 'undefined' ? undefined : window.event
  return e !== undefined && USER_INPUT.has(e.type)
}

/** One frame loop per actor: every subscriber is told in the same callback, so React commits them together. */
const hubs = new WeakMap<object, { listeners: Set<() => void>; frame: number; stop: () => void }>()

/**
 * Calls `onChange` once in the next animation frame after any number of changes of `actor`, or at once for a
 * change made by the learner's input (see USER_INPUT).
 */
export function subscribeFramed<S>(actor: Subscribable<S>, onChange: () => void): () => void {
  let hub = hubs.get(actor)
  if (hub === undefined) {
    const listeners = new Set<() => void>()
    const created: { listeners: Set<() => void>; frame: number; stop: () => void } = { listeners, frame: 0, stop: () => {} }
    const notify = () => {
      for (const listener of [...listeners]) listener()
    }
    const sub = actor.subscribe(() => {
      if (inUserInput()) {
        if (created.frame !== 0) cancelAnimationFrame(created.frame)
        created.frame = 0
        notify()
        return
      }
      if (created.frame === 0)
        created.frame = requestAnimationFrame(() => {
          created.frame = 0
          notify()
        })
    })
    created.stop = () => {
      sub.unsubscribe()
      if (created.frame !== 0) cancelAnimationFrame(created.frame)
    }
    hub = created
    hubs.set(actor, hub)
  }
  const h = hub
  h.listeners.add(onChange)
  return () => {
    h.listeners.delete(onChange)
    if (h.listeners.size === 0) {
      h.stop()
      hubs.delete(actor)
    }
  }
}

/**
 * useSelector from @xstate/react, but notified at most once per animation frame. The selected value is compared
 * with `isEqual` and the previous one kept when equal, so a render reads a stable value (useSyncExternalStore
 * needs one) and unchanged panels do not re-render.
 */
export function useFramedSelector<S, T>(actor: Subscribable<S>, select: (snapshot: S) => T, isEqual: (a: T, b: T) => boolean = Object.is): T {
  const subscribe = useCallback((onChange: () => void) => subscribeFramed(actor, onChange), [actor])
  const last = useRef<{ snapshot: S; value: T } | null>(null)
  const read = () => {
    const snapshot = actor.getSnapshot()
    const prev = last.current
    if (prev !== null && prev.snapshot === snapshot) return prev.value
    const next = select(snapshot)
    const value = prev !== null && isEqual(prev.value, next) ? prev.value : next
    last.current = { snapshot, value }
    return value
  }
  return useSyncExternalStore(subscribe, read, read)
}
