// The browsers' column: one card per drawn browser, stacked with CLIENT_GAP between them, and under them the
// "more" strip that counts the browsers the lab has beyond those drawn.
import type { Box } from './stageBoxes'
import type { SceneClient } from './scene'
import type { PositionedClient } from './topologyLayout'

/** Vertical space between two browser cards. */
export const CLIENT_GAP = 16

/** Cards `w` × `h` whose left edge is at `left`, the first one's top at `top`. */
export function placeClients(
  clients: SceneClient[],
  left: number,
  top: number,
  w: number,
  h: number,
): PositionedClient[] {
  return clients.map((c, i) => ({
    ...c,
    w,
    h,
    x: left + w / 2,
    y: top + i * (h + CLIENT_GAP) + h / 2,
  }))
}

/** The strip saying how many more browsers the lab has, or null when it has none beyond those drawn. */
export function moreStrip(
  count: number,
  x: number,
  y: number,
  w: number,
  control: number,
): (Box & { count: number }) | null {
  return count > 0 ? { x, y, w, h: control, count } : null
}
