// Where the stage's HTML controls go: the boxes of the layout that carry controls, without anything that moves
// with time (dots, flashes, counters), so the React overlay re-renders only when the picture is re-arranged.
import type { Box } from './stageBoxes'
import type { TopologyLayout } from './topologyLayout'

export interface StageGeometry {
  width: number
  height: number
  scale: number
  control: number
  tall: boolean
  clients: (Box & { id: string; colorIndex: number; note: string | null })[]
  more: (Box & { count: number }) | null
  alb: { button: Box; listener: string }
  groups: { name: string; controls: Box }[]
  targets: (Box & { id: string; group: string })[]
}

const r = (n: number) => Math.round(n * 10) / 10
const box = (b: Box): Box => ({ x: r(b.x), y: r(b.y), w: r(b.w), h: r(b.h) })

export function stageGeometry(l: TopologyLayout): StageGeometry {
  return {
    width: r(l.width),
    height: r(l.height),
    scale: Math.round(l.scale * 1000) / 1000,
    control: l.control,
    tall: l.tall,
    clients: l.clients.map((c) => ({
      id: c.id,
      colorIndex: c.colorIndex,
      note: c.note ?? null,
      ...box({ x: c.x - c.w / 2, y: c.y - c.h / 2, w: c.w, h: c.h }),
    })),
    more: l.more === null ? null : { ...box(l.more), count: l.more.count },
    alb: { button: box(l.alb.button), listener: l.alb.listener },
    groups: l.groups.map((g) => ({ name: g.name, controls: box(g.controls) })),
    targets: l.targets.map((t) => ({ id: t.id, group: t.group, ...box(t) })),
  }
}
