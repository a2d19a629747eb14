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

interface Hub {
  listeners: Set<() => void>
  stop: () => void
}

/** One hub per actor, holding its subscribers. */
const hubs = new WeakMap<object, Hub>()

/**
 * Hubs changed since the last frame, all told in ONE animation-frame callback: React flushes the updates of one
 * callback in one commit, so the lab, the clock and any other actor changing in the same frame commit the panels
 * once, not once per actor (a callback per actor gave two commits in frames where both the clock's text and the lab
 * changed).
 */
const dirty = new Set<Hub>()
let frame = 0

function flushFrame(): void {
  frame = 0
  const hubsNow = [...dirty]
  dirty.clear()
  for (const hub of hubsNow) notify(hub)
}

function notify(hub: Hub): void {
  for (const listener of [...hub.listeners]) listener()
}

/**
 * Calls `onChange` once in the next animation frame after any number of changes of `actor`, or at once for a
 * change made by the learner's input (see USER_INPUT).
 */
export function subscribeFramed<S>(actor: Subscribable<S>, onChange: () => void): () => void {
  let hub = hubs.get(actor)
  if (hub === undefined) {
    const created: Hub = { listeners: new Set(), stop: () => {} }
    const sub = actor.subscribe(() => {
      if (inUserInput()) {
        dirty.delete(created)
        notify(created)
        return
      }
      dirty.add(created)
      if (frame === 0) frame = requestAnimationFrame(flushFrame)
    })
    created.stop = () => {
      sub.unsubscribe()
      dirty.delete(created)
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
