// Where a request dot is along a link: motion.ts places dots, trails and moments with it.
import type { Point } from './topologyLayout'

/** Piecewise-linear point at fraction f (0..1) of a polyline. */
export function pointAlong(points: Point[], f: number): Point {
  const segs: number[] = []
  let total = 0
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!
    const b = points[i]!
    const len = Math.hypot(b.x - a.x, b.y - a.y)
    segs.push(len)
    total += len
  }
  let d = Math.min(Math.max(f, 0), 1) * total
  for (let i = 0; i < segs.length; i++) {
    const len = segs[i]!
    if (d <= len || i === segs.length - 1) {
      const a = points[i]!
      const b = points[i + 1]!
      const t = len === 0 ? 0 : Math.min(d / len, 1)
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }
    }
    d -= len
  }
  return points[0] ?? { x: 0, y: 0 }
}
