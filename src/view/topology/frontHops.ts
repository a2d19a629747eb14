// The hops in front of the load balancer — CloudFront (cdnHop.ts) and the outer ALB (outerHop.ts), in the order a
// request passes them — placed for the wide picture (one column, the boxes stacked and centred on the links'
// height) and the tall one (one row each above the load balancer), with the points the browsers' links pass.
import { CDN_W, cdnHeight, cdnMark, type CdnMark } from './cdnHop'
import { OUTER_W, outerHeight, outerMark, type OuterMark } from './outerHop'
import type { Point } from './topologyLayout'
import type { Scene } from './scene'

/** Space between stacked hop boxes and between the hops and the load balancer (tall). */
const HOP_GAP = 26

export interface FrontHops {
  cdn: CdnMark | null
  outer: OuterMark | null
}

/** Width of the wide picture's hop column: 0 without hops; wide enough for the outer ALB's words when it is there. */
export function wideHopsWidth(scene: Scene): number {
  if (scene.outer) return OUTER_W
  return scene.cdn ? CDN_W : 0
}

/** Height the wide hop column needs. */
export function wideHopsHeight(scene: Scene): number {
  const w = wideHopsWidth(scene)
  const cdnH = scene.cdn ? cdnHeight(scene.cdn) : 0
  const outerH = scene.outer ? outerHeight(scene.outer, false, w) : 0
  return cdnH + outerH + (cdnH > 0 && outerH > 0 ? HOP_GAP : 0)
}

/**
 * Wide: the column at `x`, its stack centred on `mid` (the links' height). `via` is what a browser's link passes
 * between the browser and the load balancer: each box's left edge at `mid` for one box; for two, into the first,
 * down its middle to the second and out of it.
 */
export function wideHops(scene: Scene, x: number, mid: number): FrontHops & { via: Point[] } {
  const w = wideHopsWidth(scene)
  let y = mid - wideHopsHeight(scene) / 2
  const cdn = scene.cdn ? cdnMark(scene.cdn, x, y, w) : null
  if (cdn !== null) y += cdn.h + HOP_GAP
  const outer = scene.outer ? outerMark(scene.outer, x, y, w, false) : null
  if (cdn !== null && outer !== null) {
    const a = cdn.y + cdn.h / 2
    const b = outer.y + outer.h / 2
    return {
      cdn,
      outer,
      via: [
        { x, y: a },
        { x: x + w / 2, y: a },
        { x: x + w / 2, y: b },
        { x: x + w, y: b },
        { x: x + w, y: mid },
      ],
    }
  }
  const only = cdn ?? outer
  return { cdn, outer, via: only === null ? [] : [{ x: only.x, y: mid }] }
}

/**
 * Tall: one row each from `top` down, `w` wide at `x`; `bottom` is where the load balancer goes, `mids` each box's
 * middle from the top (the browsers' links come in at the first and run straight down through the others).
 */
export function tallHops(
  scene: Scene,
  x: number,
  top: number,
  w: number,
): FrontHops & { bottom: number; mids: number[] } {
  let y = top
  const cdn = scene.cdn ? cdnMark(scene.cdn, x, y, w) : null
  if (cdn !== null) y += cdn.h + HOP_GAP
  const outer = scene.outer ? outerMark(scene.outer, x, y, w, true) : null
  if (outer !== null) y += outer.h + HOP_GAP
  const mids = [cdn, outer].flatMap((b) => (b === null ? [] : [b.y + b.h / 2]))
  return { cdn, outer, bottom: y, mids }
}
