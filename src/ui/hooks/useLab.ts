// Narrow subscriptions to the lab: a selector over the Lab as the learner sees it (revealedLab: outcomes on
// arrival, cookies on return), re-run only when the lab's data changed or something new was revealed, so 60
// frame ticks a second cost the panels nothing; and at most once per animation frame (useFramedSelector), however
// many events arrive in it.
import { useRef } from 'react'
import type { LabQueries } from '../../sim'
import { useLabActor } from './labActorContext'
import { useFramedSelector } from './useFramedSelector'
import { revealedLab, revealStamp } from '../../view/revealedLab'

/**
 * Selects a value derived from the Lab as revealed at its current time (history, metrics, carts and cookies
 * show only what has reached its target or come back; see revealedLab). The selector runs only when the lab's
 * data changed or a request arrived or returned (not when time merely passed), and the previous value is kept
 * when `isEqual` says nothing changed, so panels re-render only on real changes. For values that follow the
 * clock itself, use `useLabClock`.
 */
export function useLab<T>(
  select: (lab: LabQueries) => T,
  isEqual: (a: T, b: T) => boolean = jsonEqual,
): T {
  const actor = useLabActor()
  const cache = useRef<{ key: string; value: T | undefined }>({ key: '', value: undefined })
  return useFramedSelector(actor, (snapshot) => {
    const c = cache.current
    const { lab, version } = snapshot.context
    // The lab's version (a change or another lab) and what the stage has revealed since.
    const key = `${version}|${revealStamp(lab).key}`
    if (c.key === key) return c.value as T
    const next = select(revealedLab(lab))
    const value = c.key !== '' && c.value !== undefined && isEqual(c.value, next) ? c.value : next
    cache.current = { key, value }
    return value
  })
}

export function jsonEqual<T>(a: T, b: T): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

/** The virtual clock, to a tenth of a second (re-renders ten times per virtual second at most). */
export function useLabClock(): number {
  return useFramedSelector(useLabActor(), (s) => Math.floor(s.context.lab.now() * 10) / 10)
}

export function useIsPlaying(): boolean {
  return useFramedSelector(useLabActor(), (s) => s.hasTag('playing'))
}

export function useSpeed(): number {
  return useFramedSelector(useLabActor(), (s) => s.context.speed)
}
