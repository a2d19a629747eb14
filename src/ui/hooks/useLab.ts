// Narrow subscriptions to the lab: a selector over the Lab, re-run only when something other than the clock
// changed (lab.changeCount()), so 60 frame ticks a second cost the panels nothing.
import { useSelector } from '@xstate/react'
import { useRef } from 'react'
import type { Lab } from '../../sim'
import { useLabActor } from './labActorContext'

/**
 * Selects a value derived from the Lab. The selector runs only when the lab's data changed (not when time
 * merely passed), and the previous value is kept when `isEqual` says nothing changed, so panels re-render
 * only on real changes. For values that follow the clock itself, use `useLabClock`.
 */
export function useLab<T>(select: (lab: Lab) => T, isEqual: (a: T, b: T) => boolean = jsonEqual): T {
  const actor = useLabActor()
  const cache = useRef<{ rev: number; lab: Lab | null; value: T | undefined }>({ rev: -1, lab: null, value: undefined })
  return useSelector(
    actor,
    (snapshot) => {
      const c = cache.current
      const { lab } = snapshot.context
      const rev = lab.changeCount()
      if (c.rev === rev && c.lab === lab) return c.value as T
      const next = select(lab)
      const value = c.lab !== null && c.value !== undefined && isEqual(c.value, next) ? c.value : next
      cache.current = { rev, lab, value }
      return value
    },
    Object.is,
  )
}

export function jsonEqual<T>(a: T, b: T): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

/** The virtual clock, to a tenth of a second (re-renders ten times per virtual second at most). */
export function useLabClock(): number {
  return useSelector(useLabActor(), (s) => Math.floor(s.context.lab.now() * 10) / 10)
}

export function useIsPlaying(): boolean {
  return useSelector(useLabActor(), (s) => s.hasTag('playing'))
}

export function useSpeed(): number {
  return useSelector(useLabActor(), (s) => s.context.speed)
}
