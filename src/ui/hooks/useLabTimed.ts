// A narrow subscription to something that follows the virtual clock at known instants (a cookie appearing when
// its response is back, a binding lapsing): the selector says until when its answer holds, and runs again only
// when the lab changed, the clock reached that instant, or the clock went back. Between those instants the
// 60 frame ticks a second cost a comparison each.
import { useRef } from 'react'
import type { Lab } from '../../sim'
import { useLabActor } from './labActorContext'
import { jsonEqual } from './useLab'
import { useFramedSelector } from './useFramedSelector'

export function useLabTimed<T>(select: (lab: Lab) => { value: T; until: number }): T {
  const actor = useLabActor()
  const cache = useRef<{ version: number; from: number; until: number; value: T | undefined }>({
    version: -1,
    from: 0,
    until: -Infinity,
    value: undefined,
  })
  return useFramedSelector(actor, (snapshot) => {
    const c = cache.current
    const { lab, version } = snapshot.context
    const now = lab.now()
    if (c.version === version && now >= c.from && now < c.until) return c.value as T
    const next = select(lab)
    const value =
      c.version !== -1 && c.value !== undefined && jsonEqual(c.value, next.value)
        ? c.value
        : next.value
    cache.current = { version, from: now, until: next.until, value }
    return value
  })
}
