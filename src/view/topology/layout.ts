// Pure layout: turns a scene (what exists in the lab right now) into positioned marks in a fixed logical
// coordinate space. Request dots are placed as a function of virtual time, so pause, step and seek are exact.

export const VIEW_WIDTH = 1000

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

export interface ScenePacket {
  id: number
  clientId: string
  targetGroup: string | null
  targetId: string | null
  at: number
  completesAt: number
  status: number
  sticky: boolean
  cookies: string[]
  selected: boolean
}

export interface Scene {
  now: number
  listener: string
  rule: string
  /** The two lines of the load balancer's box ("Network", "Load Balancer"); default Application. */
  title?: [string, string]
  /** What a group box is called: "Target group" (default) or, for a Classic Load Balancer, "Instances of". */
  groupLabel?: string
  clients: SceneClient[]
  targetGroups: SceneTargetGroup[]
  packets: ScenePacket[]
  recent: { targetId: string | null; status: number; at: number; cartLost: boolean }[]
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
  name: string
  weight: number | null
  stickiness: string
  label: string
  w: number
  h: number
  azs: { az: string; x: number; y: number; w: number }[]
}
export interface PositionedPacket extends Point {
  id: number
  clientId: string
  phase: 'request' | 'response'
  status: number
  sticky: boolean
  cookies: string[]
  selected: boolean
}
export interface Link {
  id: string
  points: Point[]
  kind: 'client' | 'group' | 'target'
}

export interface TopologyLayout {
  width: number
  height: number
  alb: Point & { w: number; h: number; listener: string; rule: string; title: [string, string] }
  clients: PositionedClient[]
  groups: PositionedGroup[]
  targets: PositionedTarget[]
  packets: PositionedPacket[]
  links: Link[]
}

const CLIENT_X = 70
const ALB_CX = 330
const ALB_W = 176
const ALB_H = 124
const GROUP_X = 500
const GROUP_W = VIEW_WIDTH - GROUP_X - 14
export const CARD_W = 136
export const CARD_H = 84
const CARD_GAP = 14
/** The bus line the links run along, then the cards. */
const GROUP_BUS_Y = 40
const GROUP_PAD_TOP = 64
const GROUP_PAD_BOTTOM = 26
const GROUP_GAP = 22
const FLASH_SECONDS = 1.5
const MIN_HEIGHT = 280

function groupHeight(g: SceneTargetGroup, azs: string[]): number {
  const perAz = azs.map((az) => g.targets.filter((t) => t.az === az).length)
  const rows = Math.max(1, ...perAz)
  return GROUP_PAD_TOP + rows * (CARD_H + CARD_GAP) - CARD_GAP + GROUP_PAD_BOTTOM
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

function cardEvent(scene: Scene, targetId: string): string | null {
  for (let i = scene.recent.length - 1; i >= 0; i--) {
    const r = scene.recent[i]!
    if (r.targetId !== targetId) continue
    if (scene.now - r.at > EVENT_SECONDS) return null
    if (r.status >= 500) return `⚠ ${r.status} from the ALB`
    if (r.cartLost) return '✕ cart lost'
  }
  return null
}

export function layoutTopology(scene: Scene): TopologyLayout {
  const azs = [...new Set(scene.targetGroups.flatMap((g) => g.targets.map((t) => t.az)))].sort()
  if (azs.length === 0) azs.push('us-east-1a')

  const heights = scene.targetGroups.map((g) => groupHeight(g, azs))
  const groupsH = heights.reduce((a, b) => a + b, 0) + GROUP_GAP * Math.max(0, heights.length - 1)
  const height = Math.round(Math.max(MIN_HEIGHT, groupsH + 40, scene.clients.length * 78 + 40))

  // Target groups stack vertically on the right, centred; instances sit in one column per AZ.
  const groups: PositionedGroup[] = []
  const targets: PositionedTarget[] = []
  const colW = GROUP_W / azs.length
  let y = (height - groupsH) / 2
  scene.targetGroups.forEach((g, gi) => {
    const h = heights[gi]!
    groups.push({
      name: g.name,
      weight: g.weight,
      stickiness: g.stickiness,
      label: scene.groupLabel ?? 'Target group',
      x: GROUP_X,
      y,
      w: GROUP_W,
      h,
      azs: azs.map((az, i) => ({ az, x: GROUP_X + i * colW, y: y + h - 10, w: colW })),
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
            x: GROUP_X + i * colW + (colW - CARD_W) / 2,
            y: y + GROUP_PAD_TOP + row * (CARD_H + CARD_GAP),
            w: CARD_W,
            h: CARD_H,
            flash: age !== null && age >= 0 && age < FLASH_SECONDS ? age : null,
            flashStatus: last && age !== null && age < FLASH_SECONDS ? last.status : null,
            event: cardEvent(scene, t.id),
          })
        })
    })
    y += h + GROUP_GAP
  })

  const alb = { x: ALB_CX - ALB_W / 2, y: height / 2 - ALB_H / 2, w: ALB_W, h: ALB_H, listener: scene.listener, rule: scene.rule, title: scene.title ?? ['Application', 'Load Balancer'] }
  const albIn: Point = { x: alb.x, y: height / 2 }
  const albOut: Point = { x: alb.x + alb.w, y: height / 2 }

  const clientGap = Math.min(90, (height - 40) / Math.max(scene.clients.length, 1))
  const clientTop = height / 2 - ((scene.clients.length - 1) * clientGap) / 2
  const clients: PositionedClient[] = scene.clients.map((c, i) => ({ ...c, x: CLIENT_X, y: clientTop + i * clientGap }))

  // Links: client → ALB, ALB → each group's bus, bus → each card (orthogonal, so no line crosses a card).
  const busEntry = (g: PositionedGroup): Point => ({ x: g.x, y: g.y + GROUP_BUS_Y })
  const cardRoute = (g: PositionedGroup, t: PositionedTarget): Point[] => [busEntry(g), { x: t.x + t.w / 2, y: g.y + GROUP_BUS_Y }, { x: t.x + t.w / 2, y: t.y }]
  const links: Link[] = []
  for (const c of clients) links.push({ id: `c:${c.id}`, kind: 'client', points: [{ x: c.x + 34, y: c.y }, albIn] })
  for (const g of groups) links.push({ id: `g:${g.name}`, kind: 'group', points: [albOut, { x: albOut.x + 40, y: albOut.y }, { x: albOut.x + 40, y: g.y + GROUP_BUS_Y }, busEntry(g)] })
  for (const t of targets) {
    const g = groups.find((gg) => gg.name === t.group)!
    links.push({ id: `t:${t.group}:${t.id}`, kind: 'target', points: cardRoute(g, t) })
  }

  // A request goes client → ALB → group → target in the first half of its life; the response returns in the second.
  const packets: PositionedPacket[] = []
  for (const p of scene.packets) {
    const span = p.completesAt - p.at
    if (span <= 0) continue
    const f = (scene.now - p.at) / span
    if (f < 0 || f >= 1) continue
    const c = clients.find((cc) => cc.id === p.clientId)
    if (!c) continue
    const route: Point[] = [{ x: c.x + 34, y: c.y }, albIn, albOut]
    const t = p.targetId ? targets.find((tt) => tt.id === p.targetId && tt.group === p.targetGroup) : undefined
    const g = groups.find((gg) => gg.name === p.targetGroup)
    if (t && g) route.push({ x: albOut.x + 40, y: albOut.y }, { x: albOut.x + 40, y: g.y + GROUP_BUS_Y }, ...cardRoute(g, t))
    const phase = f < 0.5 ? 'request' : 'response'
    const along = phase === 'request' ? f * 2 : (1 - f) * 2
    packets.push({ id: p.id, clientId: p.clientId, phase, status: p.status, sticky: p.sticky, cookies: phase === 'response' ? p.cookies : [], selected: p.selected, ...pointAlong(route, along) })
  }

  return { width: VIEW_WIDTH, height, alb, clients, groups, targets, packets, links }
}
