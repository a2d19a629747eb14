// The load balancer's box: its icon and title, the listener / algorithm / rule lines (albLines.ts) and the
// listener settings button at its foot.
import { albLines } from './albLines'
import type { Scene } from './scene'

const ALB_LINE_H = 17

/** Where the load balancer's lines start: under its icon and two-line title, or (tall) its one-line title. */
export const albLinesTop = (tall: boolean): number => (tall ? 44 : 88)

/** The box's size and text for a box `w` wide (placed by the frame, its button by layoutTopology). */
export function albBox(scene: Scene, w: number, control: number, tall: boolean) {
  const lines = albLines(scene, w - 16)
  const h = albLinesTop(tall) - 14 + lines.length * ALB_LINE_H + 8 + control + 10
  return {
    w,
    h,
    lines,
    listener: scene.listener,
    rule: scene.rule,
    title: scene.title ?? (['Application', 'Load Balancer'] as [string, string]),
  }
}
