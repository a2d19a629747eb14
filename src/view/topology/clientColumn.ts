// The browsers' column: one card per drawn browser, stacked with CLIENT_GAP between them, and under them the
// "more" strip that counts the browsers the lab has beyond those drawn.
import { clientCardHeight, type Box } from './stageBoxes'
import type { SceneClient } from './scene'
import type { PositionedClient } from './topologyLayout'

/** Vertical space between two browser cards. */
export const CLIENT_GAP = 16

/** Each browser's card height at inner width `w - 16`: the buttons, and as many chip rows as its jar needs. */
export function clientHeights(clients: SceneClient[], w: number, control: number): number[] {
  return clients.map((c) => clientCardHeight(w - 16, control, c.chips, c.noJar === true))
}

/** The column's height: the cards and the gaps between them (−CLIENT_GAP for none, as the frames expect). */
export const columnHeight = (heights: number[]): number =>
  heights.reduce((a, h) => a + h + CLIENT_GAP, 0) - CLIENT_GAP

/** Cards `w` wide and `heights[i]` high whose left edge is at `left`, the first one's top at `top`. */
export function placeClients(
  clients: SceneClient[],
  left: number,
  top: number,
  w: number,
  heights: number[],
): PositionedClient[] {
  let y = top
  return clients.map((c, i) => {
    const h = heights[i]!
    const placed = { ...c, w, h, x: left + w / 2, y: y + h / 2 }
    y += h + CLIENT_GAP
    return placed
  })
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
