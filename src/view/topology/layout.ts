// Pure layout: turns a scene (what exists in the lab right now) into positioned marks in CSS pixels. The picture
// is the stage: the learner's controls (src/ui/stage) sit over it at the boxes this layout reserves, so every
// size here is the size on screen (times `scale`, which is never below 1: no text under 12 px).
// Two arrangements share the group, card, link and dot code: wide (clients → load balancer → instances, left
// to right, filling the picture's width and, when it has one, its height) and tall (clients on top, instances at
// the bottom) for pictures narrower than TALL_BELOW. What moves (request dots, trails, tallies, moments) is
// placed by motion.ts along these links as a function of virtual time, so pause, step and seek are exact.
import { cardHeight, clientCardHeight, groupControlsHeight, CARD_GAP, GROUP_TITLE_H, type Box } from './stageBoxes'
import { albLines } from './albLines'
import { CDN_W, cdnHeight, cdnMark, type CdnMark } from './cdnHop'
import type { SceneCdn } from '../cdnScene'

import type { MotionTrip } from './motion'
import { layoutKube, podRowHeight, type KubeLayout, type KubeScene, type SessionUnknownMark } from './kubePods'
export type { Box } from './stageBoxes'
export { cardHeight, cardLines } from './stageBoxes'

/** Width the picture is laid out at when the caller gives none (unit tests, the bench's picture page). */
export const VIEW_WIDTH = 1000
/** Below this picture width (CSS px) the picture is tall: three columns no longer fit legibly side by side. */
export const TALL_BELOW = 700
/** The narrowest tall picture; a narrower frame scrolls rather than squeezing it. */
export const TALL_MIN_WIDTH = 300
/** The wide picture is laid out at least this size and scaled up to fill a larger stage (text grows with it). */
export const ZOOM_BASE = { w: 800, h: 480 } as const
export const MAX_SCALE = 1.5

export interface SceneClient {
  id: string
  colorIndex: number
  selected: boolean
  note?: string
}

export interface SceneTarget {
  id: string
  az: string
  state: string
  reason?: string
  running: boolean
  served: number
  carts: number
  websockets: number
  /** Virtual second at which a draining target's deregistration delay ends. */
  drainEndsAt?: number
}

export interface SceneTargetGroup {
  name: string
  weight: number | null
  stickiness: string
  targets: SceneTarget[]
}

export interface Scene {
  now: number
  listener: string
  rule: string
  /** The routing algorithm the load balancer card names ("round_robin"); absent for a Classic Load Balancer. */
  algorithm?: string
  /** The two lines of the load balancer's box ("Network", "Load Balancer"); default Application. */
  title?: [string, string]
  /** The load balancer's short name ("CLB"), for the 5xx it answers; default ALB. */
  short?: string
  /** What a group box is called: "Target group" (default) or, for a Classic Load Balancer, "Instances of". */
  groupLabel?: string
  clients: SceneClient[]
  /** Browsers the lab has beyond those drawn (selectScene draws at most STAGE_BROWSERS): a "more" strip says so. */
  moreClients?: number
  targetGroups: SceneTargetGroup[]
  recent: { targetId: string | null; status: number; at: number; cartLost: boolean }[]
  /** The requests the stage moves (motion.ts); absent in scenes made without one. */
  motion?: { trips: MotionTrip[] }
  /** CloudFront in front of the load balancer (cdnScene.ts); absent without one. */
  cdn?: SceneCdn | null
  /** Kubernetes labs: pods, nodes and node → pod hops (kubePods.ts). */
  kube?: KubeScene
  /** Requests Engine.IO answered 400 Session ID unknown (kubePods.ts marks their cards). */
  sessionUnknown?: SessionUnknownMark[]
}

export interface Point {
  x: number
  y: number
}

/** A browser: its card (w × h) is centred on its point; the stage's controls fill the card. */
export interface PositionedClient extends SceneClient, Point {
  w: number
  h: number
}
export interface PositionedTarget extends SceneTarget, Point {
  group: string
  w: number
  h: number
  /** Seconds since this target last answered (for the reduced-motion highlight). */
  flash: number | null
  flashStatus: number | null
  /** A visible event on the card: a 502 from the load balancer, or a cart the instance did not know. */
  event: string | null
  /** Whole seconds left of a draining target's deregistration delay. */
  countdown: number | null
}
export interface PositionedGroup extends Point {
  /** The y of the line that the link enters the group on and its cards hang from. */
  bus: number
  name: string
  weight: number | null
  stickiness: string
  label: string
  w: number
  h: number
  /** Where the stage puts the group's stickiness control, under its title. */
  controls: Box
  azs: { az: string; x: number; y: number; w: number }[]
}
export interface Link {
  id: string
  points: Point[]
  kind: 'client' | 'group' | 'target'
}

export interface TopologyLayout {
  /** Tall: narrow cards and two-line group titles use their compact wording (TopologyView). */
  tall: boolean
  /** The picture's logical size (the SVG viewBox and the overlay's box), drawn at `scale` CSS px a unit. */
  width: number
  height: number
  /** CSS px per unit: 1, or more when a large stage lets everything grow. Never below 1. */
  scale: number
  /** Height of a control on the stage: 44 px where fingers tap (phones, coarse pointers), else 32. */
  control: number
  alb: Point & { w: number; h: number; listener: string; rule: string; title: [string, string]; lines: string[]; button: Box }
  clients: PositionedClient[]
  /** Under the browsers: how many more the lab has, and where the strip that says so goes; null when all are drawn. */
  more: (Box & { count: number }) | null
  groups: PositionedGroup[]
  targets: PositionedTarget[]
  links: Link[]
  /** CloudFront's box between the browsers and the load balancer (cdnHop.ts), or null. */
  cdn: CdnMark | null
  /** What moves on the stage, for motion.ts to place at `now` (dots, trails, tallies, moments). */
  motion: { trips: MotionTrip[]; now: number }
  /** Pods, node frames, node → pod hops and 400 marks (kubePods.ts); null when there are none. */
  kube: KubeLayout | null
}

export interface LayoutOptions {
  /** The stage's definite height in CSS px; without it the picture takes its natural height. */
  height?: number
  /** Touch-sized controls (44 px) even in the wide picture (a tablet). */
  touch?: boolean
}

const MARGIN = 12
const GROUP_PAD_BOTTOM = 26
const GROUP_GAP = 22
const CLIENT_GAP = 16
const FLASH_SECONDS = 1.5
const EVENT_SECONDS = 4
const ALB_LINE_H = 17

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

function cardEvent(scene: Scene, targetId: string, compact: boolean): string | null {
  for (let i = scene.recent.length - 1; i >= 0; i--) {
    const r = scene.recent[i]!
    if (r.targetId !== targetId) continue
    if (scene.now - r.at > EVENT_SECONDS) return null
    if (r.status >= 500) return `⚠ ${r.status} from ${compact ? '' : 'the '}${scene.short ?? 'ALB'}`
    if (r.cartLost) return '✕ cart lost'
  }
  return null
}

interface GroupBand {
  x: number
  w: number
  control: number
  /** ALB groups carry the three stickiness radios and their editor; other types a label and a button. */
  radios: boolean
  /** Extra card height (a node's row of pods, kubePods.ts). */
  extra?: number
}

/** The stickiness band's inset from the group's sides: less on a phone, where every pixel of width counts. */
const controlsInset = (band: GroupBand): number => (band.control >= 44 ? 8 : 12)

function groupTop(band: GroupBand): number {
  return GROUP_TITLE_H + groupControlsHeight(band.w - 2 * controlsInset(band), band.control, band.radios) + 22
}

function groupHeight(g: SceneTargetGroup, azs: string[], band: GroupBand): number {
  const perAz = azs.map((az) => g.targets.filter((t) => t.az === az).length)
  const rows = Math.max(1, ...perAz)
  return groupTop(band) + rows * (cardHeight(band.control) + (band.extra ?? 0) + CARD_GAP) - CARD_GAP + GROUP_PAD_BOTTOM
}

/** Target groups stack from `y` down; in each, instances sit in one column per AZ, one row per instance. */
function placeGroups(scene: Scene, azs: string[], y: number, band: GroupBand) {
  const groups: PositionedGroup[] = []
  const targets: PositionedTarget[] = []
  const colW = band.w / azs.length
  const cardW = Math.min(200, colW - 6)
  const top = groupTop(band)
  const cardH = cardHeight(band.control) + (band.extra ?? 0)
  scene.targetGroups.forEach((g) => {
    const h = groupHeight(g, azs, band)
    groups.push({
      name: g.name,
      weight: g.weight,
      stickiness: g.stickiness,
      label: scene.groupLabel ?? 'Target group',
      x: band.x,
      y,
      w: band.w,
      h,
      bus: y + top - 12,
      controls: { x: band.x + controlsInset(band), y: y + GROUP_TITLE_H, w: band.w - 2 * controlsInset(band), h: groupControlsHeight(band.w - 2 * controlsInset(band), band.control, band.radios) },
      azs: azs.map((az, i) => ({ az, x: band.x + i * colW, y: y + h - 10, w: colW })),
    })
    azs.forEach((az, i) => {
      g.targets
        .filter((t) => t.az === az)
        .forEach((t, row) => {
          const last = [...scene.recent].reverse().find((r) => r.targetId === t.id)
          // Float sums (at + leg) can land a hair past the millisecond they mean: a card answering now is age 0.
          const raw = last ? scene.now - last.at : null
          const age = raw === null ? null : raw >= -1e-9 ? Math.max(0, raw) : null
          targets.push({
            ...t,
            group: g.name,
            x: band.x + i * colW + (colW - cardW) / 2,
            y: y + top + row * (cardH + CARD_GAP),
            w: cardW,
            h: cardH,
            flash: age !== null && age < FLASH_SECONDS ? age : null,
            flashStatus: last && age !== null && age < FLASH_SECONDS ? last.status : null,
            event: cardEvent(scene, t.id, cardW < 136),
            countdown: t.state === 'draining' && t.drainEndsAt !== undefined ? Math.max(0, Math.ceil(t.drainEndsAt - scene.now)) : null,
          })
        })
    })
    y += h + GROUP_GAP
  })
  return { groups, targets }
}

type Frame = Omit<TopologyLayout, 'motion' | 'links' | 'cdn' | 'kube'> & {
  cdn?: CdnMark | null
  clientRoute: (c: Pick<PositionedClient, 'x' | 'y' | 'w'>) => Point[]
  groupRoute: (g: PositionedGroup) => Point[]
  albIn: Point
  albOut: Point
}

/** Where the load balancer's lines start: under its icon and two-line title, or (tall) its one-line title. */
export const albLinesTop = (tall: boolean): number => (tall ? 44 : 88)

function albBox(scene: Scene, w: number, control: number, tall: boolean) {
  const lines = albLines(scene, w - 16)
  const h = albLinesTop(tall) - 14 + lines.length * ALB_LINE_H + 8 + control + 10
  return { w, h, lines, listener: scene.listener, rule: scene.rule, title: scene.title ?? (['Application', 'Load Balancer'] as [string, string]) }
}

function moreStrip(count: number, x: number, y: number, w: number, control: number): (Box & { count: number }) | null {
  return count > 0 ? { x, y, w, h: control, count } : null
}

/** Clients left, the load balancer in the middle, groups right; each column centred in the picture's height. */
function wideFrame(scene: Scene, azs: string[], width: number, minHeight: number, control: number): Frame {
  const cw = Math.round(Math.min(320, Math.max(240, width * 0.27)))
  const aw = Math.round(Math.min(220, Math.max(150, width * 0.17)))
  const gap = Math.round(Math.min(56, Math.max(24, (width - cw - aw - 360) / 4)))
  // CloudFront, when there is one, takes a column of its own between the browsers and the load balancer.
  const cdnW = scene.cdn ? CDN_W + gap : 0
  const gx = MARGIN + cw + gap + cdnW + aw + gap
  const band: GroupBand = { x: gx, w: width - MARGIN - gx, control, radios: (scene.short ?? 'ALB') === 'ALB', extra: podRowHeight(scene.kube) }
  const ch = clientCardHeight(cw - 16, control)
  const shown = scene.clients
  const moreCount = scene.moreClients ?? 0
  const moreH = moreCount > 0 ? control + CLIENT_GAP : 0
  const clientsH = shown.length * (ch + CLIENT_GAP) - CLIENT_GAP + moreH
  const heights = scene.targetGroups.map((g) => groupHeight(g, azs, band))
  const groupsH = heights.reduce((a, b) => a + b, 0) + GROUP_GAP * Math.max(0, heights.length - 1)
  const a = albBox(scene, aw, control, false)
  const h = Math.max(minHeight, Math.round(Math.max(2 * MARGIN + Math.max(clientsH, groupsH, a.h), 300)))
  const placed = placeGroups(scene, azs, (h - groupsH) / 2, band)
  const clientTop = (h - clientsH) / 2
  const clients = shown.map((c, i) => ({ ...c, w: cw, h: ch, x: MARGIN + cw / 2, y: clientTop + i * (ch + CLIENT_GAP) + ch / 2 }))
  const more = moreStrip(moreCount, MARGIN, clientTop + clientsH - control, cw, control)
  const alb = { ...a, x: MARGIN + cw + gap + cdnW, y: h / 2 - a.h / 2, button: { x: 0, y: 0, w: 0, h: 0 } }
  const bend = alb.x + aw + gap / 2
  const cdn = scene.cdn ? cdnMark(scene.cdn, MARGIN + cw + gap, h / 2 - cdnHeight(scene.cdn) / 2, CDN_W) : null
  const via = cdn === null ? [] : [{ x: cdn.x, y: h / 2 }]
  return {
    tall: false, width, height: h, scale: 1, control, alb, clients, more, ...placed, cdn,
    albIn: { x: alb.x, y: h / 2 },
    albOut: { x: alb.x + aw, y: h / 2 },
    clientRoute: (c) => [{ x: c.x + c.w / 2, y: c.y }, ...via, { x: alb.x, y: h / 2 }],
    groupRoute: (g) => [{ x: bend, y: h / 2 }, { x: bend, y: g.bus }, { x: g.x, y: g.bus }],
  }
}

/** Clients stacked on top (their links run down a gutter on the right), the load balancer, then the groups. */
function tallFrame(scene: Scene, azs: string[], width: number, control: number): Frame {
  // The right gutter (10 px) carries the clients' links down past the cards below.
  const cw = width - 2 * MARGIN - 10
  const ch = clientCardHeight(cw - 16, control)
  const clients = scene.clients.map((c, i) => ({ ...c, w: cw, h: ch, x: MARGIN + cw / 2, y: MARGIN + i * (ch + CLIENT_GAP) + ch / 2 }))
  const listBottom = MARGIN + clients.length * (ch + CLIENT_GAP) - CLIENT_GAP
  const more = moreStrip(scene.moreClients ?? 0, MARGIN, listBottom + CLIENT_GAP, cw, control)
  const clientsBottom = more === null ? listBottom : more.y + more.h
  const a = albBox(scene, Math.min(width - 40, 300), control, true)
  // CloudFront, when there is one, sits in a row of its own between the browsers and the load balancer.
  const cdn = scene.cdn ? cdnMark(scene.cdn, (width - a.w) / 2, clientsBottom + 26, a.w) : null
  const cdnMid = cdn === null ? 0 : cdn.y + cdn.h / 2
  const alb = { ...a, x: (width - a.w) / 2, y: clientsBottom + 26 + (cdn === null ? 0 : cdn.h + 26), button: { x: 0, y: 0, w: 0, h: 0 } }
  const turn = alb.y + a.h + 12
  const placed = placeGroups(scene, azs, turn + 14, { x: 10, w: width - 12, control, radios: (scene.short ?? 'ALB') === 'ALB', extra: podRowHeight(scene.kube) })
  const last = placed.groups.at(-1)
  const height = Math.round(last ? last.y + last.h + 8 : turn)
  const gutter = width - 6
  return {
    tall: true, width, height, scale: 1, control, alb, clients, more, ...placed, cdn,
    albIn: { x: width / 2, y: alb.y },
    albOut: { x: width / 2, y: alb.y + a.h },
    clientRoute: (c) =>
      cdn === null
        ? [{ x: c.x + c.w / 2, y: c.y }, { x: gutter, y: c.y }, { x: gutter, y: alb.y - 12 }, { x: width / 2, y: alb.y - 12 }, { x: width / 2, y: alb.y }]
        : [{ x: c.x + c.w / 2, y: c.y }, { x: gutter, y: c.y }, { x: gutter, y: cdnMid }, { x: width / 2, y: cdnMid }, { x: width / 2, y: alb.y }],
    groupRoute: (g) => [{ x: width / 2, y: turn }, { x: 5, y: turn }, { x: 5, y: g.bus }, { x: g.x, y: g.bus }],
  }
}

/**
 * Lays the picture out for a picture `width` CSS px wide (and, when the stage has a definite height, that high):
 * wide, or below TALL_BELOW tall. Both put the same marks in the same order; only positions and routes differ.
 */
export function layoutTopology(scene: Scene, width: number = VIEW_WIDTH, options: LayoutOptions = {}): TopologyLayout {
  const azs = [...new Set(scene.targetGroups.flatMap((g) => g.targets.map((t) => t.az)))].sort()
  if (azs.length === 0) azs.push('us-east-1a')
  const tall = width < TALL_BELOW
  const control = tall || options.touch ? 44 : 32
  let frame: Frame
  if (tall) frame = tallFrame(scene, azs, Math.max(Math.floor(width), TALL_MIN_WIDTH), control)
  else {
    // A large stage draws the same picture bigger; the scale comes down until the picture fits the height.
    const H = options.height
    let scale = Math.min(MAX_SCALE, Math.max(1, Math.min(width / ZOOM_BASE.w, (H ?? Infinity) / ZOOM_BASE.h)))
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
  const cardRoute = (g: PositionedGroup, t: PositionedTarget): Point[] => [{ x: g.x, y: g.bus }, { x: t.x + t.w / 2, y: g.bus }, { x: t.x + t.w / 2, y: t.y }]
  const links: Link[] = []
  for (const c of clients) links.push({ id: `c:${c.id}`, kind: 'client', points: frame.clientRoute(c) })
  // The browsers not drawn send from the "more" strip (motion.ts falls back to this link).
  if (more !== null) links.push({ id: 'more', kind: 'client', points: frame.clientRoute({ x: more.x + more.w / 2, y: more.y + more.h / 2, w: more.w }) })
  for (const g of groups) links.push({ id: `g:${g.name}`, kind: 'group', points: [albOut, ...frame.groupRoute(g)] })
  for (const t of targets) {
    const g = groups.find((gg) => gg.name === t.group)!
    links.push({ id: `t:${t.group}:${t.id}`, kind: 'target', points: cardRoute(g, t) })
  }

  const kube = layoutKube(scene.kube, scene.sessionUnknown ?? [], targets, scene.now)
  return { tall: frame.tall, width: frame.width, height: frame.height, scale: frame.scale, control, alb, clients, more, groups, targets, links, cdn: frame.cdn ?? null, motion: { trips: scene.motion?.trips ?? [], now: scene.now }, kube }
}
