// The names of the cookie chips each browser on the stage shows (CookieChips.tsx draws the same jar: the cookies
// as revealed, view/reveal.ts shownCookies), so the layout can give each card the chip rows its jar needs. The
// names change only when the lab changes or a response comes back, which the reveal stamp's key follows, so they
// are computed once per key rather than every frame.
import type { LabQueries } from '../sim'
import { shownCookies } from './reveal'
import type { RevealStamp } from './revealedLab'

const cache = new WeakMap<LabQueries, { key: string; names: Map<string, string[]> }>()

/** Chip names of each browser in `clientIds`, in the jar's order (the order the chips are drawn in). */
export function jarChipNames(
  lab: LabQueries,
  stamp: RevealStamp,
  clientIds: readonly string[],
): Map<string, string[]> {
  const key = `${stamp.key}|${clientIds.join(',')}`
  const hit = cache.get(lab)
  if (hit && hit.key === key) return hit.names
  const all = stamp.history.concat(stamp.unarrived)
  const names = new Map<string, string[]>()
  for (const id of clientIds)
    names.set(
      id,
      shownCookies(lab.cookies(id), all, id, stamp.now).map((c) => c.name),
    )
  cache.set(lab, { key, names })
  return names
}
