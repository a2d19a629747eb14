// Narrow subscriptions to the lab: a selector over the Lab, re-run only when the world's revision changes.
import { useSelector } from '@xstate/react'
import { useRef } from 'react'
import type { Lab } from '../../sim'
import { useLabActor } from './labActorContext'

/**
 * Selects a value derived from the Lab. The selector runs only when `rev` changes, and the previous
 * value is kept when `isEqual` says nothing changed, so panels re-render only on real changes.
 */
export function useLab<T>(select: (lab: Lab) => T, isEqual: (a: T, b: T) => boolean = jsonEqual): T {
  const actor = useLabActor()
  const cache = useRef<{ rev: number; lab: Lab | null; value: T | undefined }>({ rev: -1, lab: null, value: undefined })
  return useSelector(
    actor,
    (snapshot) => {
      const c = cache.current
      const { rev, lab } = snapshot.context
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

export function useIsPlaying(): boolean {
  return useSelector(useLabActor(), (s) => s.hasTag('playing'))
}

export function useSpeed(): number {
  return useSelector(useLabActor(), (s) => s.context.speed)
}
