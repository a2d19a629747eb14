// Pure layout: turns a scene (what exists in the lab right now) into positioned marks in CSS pixels. The picture
// is the stage: the learner's controls (src/ui/stage) sit over it at the boxes this layout reserves, so every
// size here is the size on screen (times `scale`, which is never below 1: no text under 12 px).
// Two arrangements share the group, card, link and dot code: wide (wideFrame.ts: clients → load balancer →
// instances, left to right, filling the picture's width and, when it has one, its height) and tall (tallFrame.ts:
// clients on top, instances at the bottom) for pictures narrower than TALL_BELOW. What moves (request dots,
// trails, tallies, moments) is placed by motion.ts along these links as a function of virtual time, so pause,
// step and seek are exact.
import { layoutKube } from './kubePods'
import { tallFrame } from './tallFrame'
import { wideFrame } from './wideFrame'
import type { Frame } from './frame'
import type { Scene } from './scene'
import type {
  LayoutOptions,
  Link,
  Point,
  PositionedGroup,
  PositionedTarget,
  TopologyLayout,
} from './topologyLayout'
export type { Box } from './stageBoxes'
export { cardHeight, cardLines } from './stageBoxes'
export { albLinesTop } from './albBox'
export { pointAlong } from './pointAlong'
export type { Scene, SceneClient, SceneTarget, SceneTargetGroup } from './scene'
export type {
  LayoutOptions,
  Link,
  Point,
  PositionedClient,
  PositionedGroup,
  PositionedTarget,
  TopologyLayout,
} from './topologyLayout'

/** Width the picture is laid out at when the caller gives none (unit tests, the bench's picture page). */
export const VIEW_WIDTH = 1000
/** Below this picture width (CSS px) the picture is tall: three columns no longer fit legibly side by side. */
export const TALL_BELOW = 700
/** The narrowest tall picture; a narrower frame scrolls rather than squeezing it. */
export const TALL_MIN_WIDTH = 300
/** The wide picture is laid out at least this size and scaled up to fill a larger stage (text grows with it). */
export const ZOOM_BASE = { w: 800, h: 480 } as const
export const MAX_SCALE = 1.5

/**
 * Lays the picture out for a picture `width` CSS px wide (and, when the stage has a definite height, that high):
 * wide, or below TALL_BELOW tall. Both put the same marks in the same order; only positions and routes differ.
 */
export function layoutTopology(
  scene: Scene,
  width: number = VIEW_WIDTH,
  options: LayoutOptions = {},
): TopologyLayout {
  const azs = [...new Set(scene.targetGroups.flatMap((g) => g.targets.map((t) => t.az)))].sort()
  if (azs.length === 0) azs.push('us-east-1a')
  const tall = width < TALL_BELOW
  const control = tall || options.touch ? 44 : 32
  let frame: Frame
  if (tall) frame = tallFrame(scene, azs, Math.max(Math.floor(width), TALL_MIN_WIDTH), control)
  else {
    // A large stage draws the same picture bigger; the scale comes down until the picture fits the height.
    const H = options.height
    let scale = Math.min(
      MAX_SCALE,
      Math.max(1, Math.min(width / ZOOM_BASE.w, (H ?? Infinity) / ZOOM_BASE.h)),
    )
    frame = wideFrame(scene, azs, width / scale, H === undefined ? 0 : H / scale, control)
    for (let i = 0; i < 3 && H !== undefined && scale > 1 && frame.height * scale > H + 0.5; i++) {
      scale = Math.max(1, (scale * H) / (frame.height * scale))
      frame = wideFrame(scene, azs, width / scale, H / scale, control)
    }
    frame.scale = scale
  }
  const { groups, targets, clients, more, alb, albOut } = frame
  alb.button = { x: alb.x + 8, y: alb.y + alb.h - control - 10, w: alb.w - 16, h: control }

  // Links: client → load balancer, load balancer → each group's bus, bus → each card (orthogonal, so no line crosses a card).
  const cardRoute = (g: PositionedGroup, t: PositionedTarget): Point[] => [
    { x: g.x, y: g.bus },
    { x: t.x + t.w / 2, y: g.bus },
    { x: t.x + t.w / 2, y: t.y },
  ]
  const links: Link[] = []
  for (const c of clients)
    links.push({ id: `c:${c.id}`, kind: 'client', points: frame.clientRoute(c) })
  // The browsers not drawn send from the "more" strip (motion.ts falls back to this link).
  if (more !== null)
    links.push({
      id: 'more',
      kind: 'client',
      points: frame.clientRoute({ x: more.x + more.w / 2, y: more.y + more.h / 2, w: more.w }),
    })
  for (const g of groups)
    links.push({ id: `g:${g.name}`, kind: 'group', points: [albOut, ...frame.groupRoute(g)] })
  for (const t of targets) {
    const g = groups.find((gg) => gg.name === t.group)!
    links.push({ id: `t:${t.group}:${t.id}`, kind: 'target', points: cardRoute(g, t) })
  }

  const kube = layoutKube(scene.kube, scene.sessionUnknown ?? [], targets, scene.now)
  return {
    tall: frame.tall,
    width: frame.width,
    height: frame.height,
    scale: frame.scale,
    control,
    alb,
    clients,
    more,
    groups,
    targets,
    links,
    cdn: frame.cdn ?? null,
    outer: frame.outer ?? null,
    motion: { trips: scene.motion?.trips ?? [], now: scene.now },
    kube,
  }
}
