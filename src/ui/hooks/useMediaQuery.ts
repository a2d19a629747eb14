// Whether a CSS media query matches, kept up to date as the window is resized or a phone is turned.
// The answer is cached per query and refreshed only by the query's change event, so rendering (the
// picture re-renders on every lab change) never asks the browser to evaluate the query again.
import { useCallback, useSyncExternalStore } from 'react'

interface Watched {
  list: MediaQueryList
  matches: boolean
}
const watched = new Map<string, Watched>()

function watch(query: string): Watched {
  let w = watched.get(query)
  if (w === undefined) {
    const list = window.matchMedia(query)
    const entry: Watched = { list, matches: list.matches }
    // Added before any subscriber's listener, so the cache is fresh when React reads it.
    list.addEventListener('change', (e) => {
      entry.matches = e.matches
    })
    watched.set(query, entry)
    w = entry
  }
  return w
}

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const { list } = watch(query)
      list.addEventListener('change', onChange)
      return () => list.removeEventListener('change', onChange)
    },
    [query],
  )
  return useSyncExternalStore(subscribe, () => watch(query).matches)
}
