// Pure layout: turns a scene (what exists in the lab right now) into positioned marks in a logical coordinate
// space. What moves (request dots, trails, tallies) is placed by motion.ts along these links at virtual time.
// Two arrangements share the group, card, link and dot code: wide (clients → load balancer → instances, left
// to right, in a 1000-unit viewBox scaled to fit) and tall (clients on top, instances at the bottom, drawn 1:1
// at the picture's own width) for pictures too narrow to show the wide one legibly.

import type { MotionTrip } from './motion'

export const VIEW_WIDTH = 1000
/**
 * Below this picture width (CSS px) the picture is tall. ADR 0004 judged the wide picture legible down to
 * 700 px; narrower, its text would shrink under 9 px, so the tall one is drawn at 1:1 instead.
 */
export const TALL_BELOW = 700
/** The narrowest tall picture; a narrower one is scaled down. */
export const TALL_MIN_WIDTH = 300

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
  /** The two lines of the load balancer's box ("Network", "Load Balancer"); default Application. */
  title?: [string, string]
  /** The load balancer's short name ("CLB"), for the 5xx it answers; default ALB. */
  short?: string
  /** What a group box is called: "Target group" (default) or, for a Classic Load Balancer, "Instances of". */
  groupLabel?: string
  clients: SceneClient[]
  targetGroups: SceneTargetGroup[]
  recent: { targetId: string | null; status: number; at: number; cartLost: boolean }[]
  /** The requests the stage moves (motion.ts); absent in scenes made without one. */
  motion?: { trips: MotionTrip[] }
}

export interface Point {
  x: number
  y: number
}

export interface PositionedClient extends SceneClient, Point {}
export interface PositionedTarget extends SceneTarget, Point {
  group: string
  w: number
  h: number
  /** Seconds since this target last answered (for the reduced-motion highlight). */
  flash: number | null
  flashStatus: number | null
  /** A visible event on the card: a 502 from the load balancer, or a cart the instance did not know. */
  event: string | null
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
  width: number
  height: number
  alb: Point & { w: number; h: number; listener: string; rule: string; title: [string, string] }
  clients: PositionedClient[]
  groups: PositionedGroup[]
  targets: PositionedTarget[]
  links: Link[]
  /** What moves on the stage, for motion.ts to place at `now` (dots, trails, tallies, moments). */
  motion: { trips: MotionTrip[]; now: number }
}

/** A client is a 68 × 44 browser frame centred on its point; its name, and its note on a line of its own, sit under it. */
export const CLIENT_LABEL_Y = 38
export const CLIENT_LINE_H = 15
/** Room for a 24-character name centred under the frame. */
const CLIENT_X = 94
const ALB_CX = 330
const ALB_W = 176
const ALB_H = 124
const GROUP_X = 500
const GROUP_W = VIEW_WIDTH - GROUP_X - 14
export const CARD_W = 136
export const CARD_H = 84
const CARD_GAP = 14
const GROUP_PAD_BOTTOM = 26
const GROUP_GAP = 22
const FLASH_SECONDS = 1.5
const MIN_HEIGHT = 280

/** Where the groups go: left edge and width, and from a group's top its bus line and first row of cards. */
interface GroupBand {
  x: number
  w: number
  bus: number
  top: number
}
const WIDE_BAND: GroupBand = { x: GROUP_X, w: GROUP_W, bus: 40, top: 64 }
/** Tall group titles take two lines (name, then stickiness), so the bus and cards sit lower. */
const TALL_BAND = { bus: 48, top: 62 }

function groupHeight(g: SceneTargetGroup, azs: string[], band: GroupBand): number {
  const perAz = azs.map((az) => g.targets.filter((t) => t.az === az).length)
  const rows = Math.max(1, ...perAz)
  return band.top + rows * (CARD_H + CARD_GAP) - CARD_GAP + GROUP_PAD_BOTTOM
}

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

const EVENT_SECONDS = 4

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

/** Target groups stack from `y` down; in each, instances sit in one column per AZ, one row per instance. */
function placeGroups(scene: Scene, azs: string[], y: number, band: GroupBand) {
  const groups: PositionedGroup[] = []
  const targets: PositionedTarget[] = []
  const colW = band.w / azs.length
  // A column narrower than a card (a tall picture with three zones) gets a narrower card with compact wording.
  const cardW = Math.min(CARD_W, colW - 6)
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
      bus: y + band.bus,
      azs: azs.map((az, i) => ({ az, x: band.x + i * colW, y: y + h - 10, w: colW })),
    })
    azs.forEach((az, i) => {
      g.targets
        .filter((t) => t.az === az)
        .forEach((t, row) => {
          const last = [...scene.recent].reverse().find((r) => r.targetId === t.id)
          const age = last ? scene.now - last.at : null
          targets.push({
            ...t,
            group: g.name,
            x: band.x + i * colW + (colW - cardW) / 2,
            y: y + band.top + row * (CARD_H + CARD_GAP),
            w: cardW,
            h: CARD_H,
            flash: age !== null && age >= 0 && age < FLASH_SECONDS ? age : null,
            flashStatus: last && age !== null && age < FLASH_SECONDS ? last.status : null,
            event: cardEvent(scene, t.id, cardW < CARD_W),
          })
        })
    })
    y += h + GROUP_GAP
  })
  return { groups, targets }
}

/**
 * Lays the picture out for a picture `width` CSS px wide: wide (the default) or, below TALL_BELOW, tall.
 * Both put the same marks in the same order; only positions, and the routes links take, differ.
 */
export function layoutTopology(scene: Scene, width: number = VIEW_WIDTH): TopologyLayout {
  const azs = [...new Set(scene.targetGroups.flatMap((g) => g.targets.map((t) => t.az)))].sort()
  if (azs.length === 0) azs.push('us-east-1a')
  const tall = width < TALL_BELOW
  const noteH = scene.clients.some((c) => c.note) ? CLIENT_LINE_H : 0
  const alb = { w: ALB_W, h: ALB_H, listener: scene.listener, rule: scene.rule, title: scene.title ?? ['Application', 'Load Balancer'], x: 0, y: 0 }
  let height: number
  let clients: PositionedClient[]
  let placed: ReturnType<typeof placeGroups>
  let clientOut: (c: PositionedClient) => Point
  let groupRoute: (g: PositionedGroup) => Point[]

  if (tall) {
    width = Math.max(Math.floor(width), TALL_MIN_WIDTH)
    // Clients fill centred rows, each as wide as its label needs (7.2 px a character is generous for 12 px text);
    // a note (source IP) takes a second line.
    const rowH = 74 + noteH
    const rows: { c: SceneClient; w: number }[][] = [[]]
    let used = 0
    for (const c of scene.clients) {
      const w = Math.min(width - 16, Math.max(80, 7.2 * Math.max(c.id.length, c.note?.length ?? 0) + 14))
      if (used > 0 && used + w > width - 16) {
        rows.push([])
        used = 0
      }
      rows.at(-1)!.push({ c, w })
      used += w + 8
    }
    clients = rows.flatMap((row, i) => {
      let x = (width - row.reduce((sum, cell) => sum + cell.w + 8, -8)) / 2
      return row.map(({ c, w }) => {
        x += w + 8
        return { ...c, x: x - 8 - w / 2, y: 30 + i * rowH }
      })
    })
    // Tall has room for a load balancer box wide enough for a long rule ("weighted forward · TG stickiness …").
    alb.w = Math.min(width - 24, 260)
    alb.x = (width - alb.w) / 2
    alb.y = rows.length * rowH + 28
    const turn = alb.y + ALB_H + 14
    // The groups leave a gutter on the left that their links run down.
    placed = placeGroups(scene, azs, turn + 14, { x: 10, w: width - 12, ...TALL_BAND })
    const last = placed.groups.at(-1)
    height = Math.round(last ? last.y + last.h + 8 : turn)
    clientOut = (c) => ({ x: c.x, y: c.y + CLIENT_LABEL_Y + (c.note ? CLIENT_LINE_H : 0) + 6 })
    groupRoute = (g) => [{ x: width / 2, y: turn }, { x: 5, y: turn }, { x: 5, y: g.bus }, { x: g.x, y: g.bus }]
  } else {
    width = VIEW_WIDTH
    const heights = scene.targetGroups.map((g) => groupHeight(g, azs, WIDE_BAND))
    const groupsH = heights.reduce((a, b) => a + b, 0) + GROUP_GAP * Math.max(0, heights.length - 1)
    const h = Math.round(Math.max(MIN_HEIGHT, groupsH + 40, scene.clients.length * (78 + noteH) + 40))
    // Target groups stack vertically on the right, centred; instances sit in one column per AZ.
    placed = placeGroups(scene, azs, (h - groupsH) / 2, WIDE_BAND)
    alb.x = ALB_CX - ALB_W / 2
    alb.y = h / 2 - ALB_H / 2
    const clientGap = Math.min(90 + noteH, (h - 40) / Math.max(scene.clients.length, 1))
    const clientTop = h / 2 - ((scene.clients.length - 1) * clientGap) / 2
    clients = scene.clients.map((c, i) => ({ ...c, x: CLIENT_X, y: clientTop + i * clientGap }))
    height = h
    clientOut = (c) => ({ x: c.x + 34, y: c.y })
    const bend = alb.x + ALB_W + 40
    groupRoute = (g) => [{ x: bend, y: h / 2 }, { x: bend, y: g.bus }, { x: g.x, y: g.bus }]
  }
  const { groups, targets } = placed
  // Tall: in at the top, out at the bottom; wide: in on the left, out on the right.
  const albIn: Point = tall ? { x: width / 2, y: alb.y } : { x: alb.x, y: height / 2 }
  const albOut: Point = tall ? { x: width / 2, y: alb.y + ALB_H } : { x: alb.x + alb.w, y: height / 2 }

  // Links: client → load balancer, load balancer → each group's bus, bus → each card (orthogonal, so no line crosses a card).
  const cardRoute = (g: PositionedGroup, t: PositionedTarget): Point[] => [{ x: g.x, y: g.bus }, { x: t.x + t.w / 2, y: g.bus }, { x: t.x + t.w / 2, y: t.y }]
  const links: Link[] = []
  for (const c of clients) links.push({ id: `c:${c.id}`, kind: 'client', points: [clientOut(c), albIn] })
  for (const g of groups) links.push({ id: `g:${g.name}`, kind: 'group', points: [albOut, ...groupRoute(g)] })
  for (const t of targets) {
    const g = groups.find((gg) => gg.name === t.group)!
    links.push({ id: `t:${t.group}:${t.id}`, kind: 'target', points: cardRoute(g, t) })
  }

  return { tall, width, height, alb, clients, groups, targets, links, motion: { trips: scene.motion?.trips ?? [], now: scene.now } }
}
