// Panels follow the lab once a frame, except for the learner's own input, which must show in the same frame (a
// controlled radio or select would otherwise flick back to its old value until the next frame).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { subscribeFramed } from './useFramedSelector'

function fakeActor() {
  const observers = new Set<() => void>()
  return {
    getSnapshot: () => 0,
    subscribe(o: () => void) {
      observers.add(o)
      return { unsubscribe: () => observers.delete(o) }
    },
    change: () => observers.forEach((o) => o()),
  }
}

describe('subscribeFramed', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] }))
  afterEach(() => vi.useRealTimers())

  it('collects any number of changes outside input into one call in the next frame', () => {
    const actor = fakeActor()
    const onChange = vi.fn()
    subscribeFramed(actor, onChange)
    for (let i = 0; i < 100; i++) actor.change()
    expect(onChange).not.toHaveBeenCalled()
    vi.advanceTimersToNextFrame()
    expect(onChange).toHaveBeenCalledTimes(1)
  })

  it('follows a change made while the learner clicks at once, and drops the frame already asked for', () => {
    const actor = fakeActor()
    const onChange = vi.fn()
    subscribeFramed(actor, onChange)
    actor.change()
    const radio = document.createElement('input')
    radio.type = 'radio'
    radio.addEventListener('click', () => actor.change())
    document.body.append(radio)
    radio.click()
    expect(onChange).toHaveBeenCalledTimes(1)
    vi.advanceTimersToNextFrame()
    expect(onChange).toHaveBeenCalledTimes(1)
    radio.remove()
  })

  it('stops calling once unsubscribed', () => {
    const actor = fakeActor()
    const onChange = vi.fn()
    const stop = subscribeFramed(actor, onChange)
    actor.change()
    stop()
    vi.advanceTimersToNextFrame()
    expect(onChange).not.toHaveBeenCalled()
  })
})
