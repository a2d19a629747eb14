// Kubernetes and Socket.IO on the stage (issue 19, items 1 and 3). With target type instance the ALB's targets are
// nodes: each node card holds a row of its pods, and a request's dot continues from the node to the pod kube-proxy
// chose (often on another node), which shows "✕ cart lost" when it did not know the session. With target type ip
// the targets are the pods: a dashed frame around each node's pod cards says which node runs them. A request that
// Engine.IO refused (400 Session ID unknown) marks the card that refused it. Layout here is pure; render draws it.
import { select, type Selection } from 'd3-selection'
import { SLACK } from '../reveal'

/** A point in the picture (layout.ts's Point; kept here so layout.ts can import this file without a cycle). */
interface Point {
  x: number
  y: number
}

/** The point at fraction f (0..1) along a polyline, by length. */
function along(points: readonly Point[], f: number): Point {
  const lens = points.slice(1).map((p, i) => Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y))
  let d = Math.min(Math.max(f, 0), 1) * lens.reduce((a, b) => a + b, 0)
  for (let i = 0; i < lens.length; i++) {
    const a = points[i]!
    const b = points[i + 1]!
    if (d <= lens[i]! || i === lens.length - 1) {
      const t = lens[i] === 0 ? 0 : Math.min(d / lens[i]!, 1)
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }
    }
    d -= lens[i]!
  }
  return points[0]!
}

/** Room a node card keeps under its lines for its row of pods (target type instance). */
export const POD_ROW_H = 30
/** How long the node → pod hop takes on the stage (virtual seconds, after the request reaches the node). */
export const HOP_SECONDS = 0.4
/** How long a pod's "cart lost" and a card's "400" stay marked (as layout.ts's card events). */
const MARK_SECONDS = 4
const FRAME_PAD = 5

export interface KubePod {
  id: string
  node: string
  served: number
  carts: number
}
/** One request's node → pod hop (target type instance): `at` is when it reached the node. */
export interface KubeHopMark {
  id: number
  node: string
  pod: string
  at: number
  lost: boolean
}
export interface KubeScene {
  targetType: 'instance' | 'ip'
  pods: KubePod[]
  hops: KubeHopMark[]
}
/** A request Engine.IO refused: the card of the target that answered 400, from the moment it arrived. */
export interface SessionUnknownMark {
  targetId: string
  at: number
}

interface CardBox {
  id: string
  x: number
  y: number
  w: number
  h: number
}
export interface PodChip extends KubePod {
  x: number
  y: number
  w: number
  h: number
  /** Seconds since a request reached it (within the hop's highlight), else null. */
  lit: boolean
  lost: boolean
}
export interface NodeFrame {
  node: string
  x: number
  y: number
  w: number
  h: number
}
export interface KubeLayout {
  chips: PodChip[]
  frames: NodeFrame[]
  /** Hops drawn now: the path node → pod and the dot's place on it (null once it has arrived). */
  hops: { id: number; points: Point[]; dot: Point | null; lost: boolean }[]
  badges: { x: number; y: number; targetId: string }[]
}

/** Extra height every target card needs: a row of pods on node cards. */
export function podRowHeight(kube: KubeScene | undefined): number {
  return kube?.targetType === 'instance' ? POD_ROW_H : 0
}

/** Places the pods, node frames, hops and 400 badges over the laid-out target cards at virtual time `now`. */
export function layoutKube(
  kube: KubeScene | undefined,
  rejected: readonly SessionUnknownMark[],
  cards: readonly CardBox[],
  now: number,
): KubeLayout | null {
  const badges = rejected
    // With the reveal's slack: `at` is a float sum that can land a hair above the millisecond the clock shows.
    .filter((m) => now + SLACK >= m.at && now - m.at < MARK_SECONDS)
    .flatMap((m) =>
      cards
        .filter((c) => c.id === m.targetId)
        .map((c) => ({ x: c.x + 6, y: c.y - 8, targetId: c.id })),
    )
  if (kube === undefined)
    return badges.length === 0 ? null : { chips: [], frames: [], hops: [], badges }
  const byId = new Map(cards.map((c) => [c.id, c]))
  const chips: PodChip[] = []
  const frames: NodeFrame[] = []
  const lostAt = new Map<string, number>()
  const litAt = new Map<string, number>()
  for (const h of kube.hops) {
    if (now + SLACK < h.at + HOP_SECONDS) continue
    litAt.set(h.pod, h.at)
    if (h.lost) lostAt.set(h.pod, h.at)
  }
  if (kube.targetType === 'instance') {
    const nodes = new Map<string, KubePod[]>()
    for (const p of kube.pods) nodes.set(p.node, [...(nodes.get(p.node) ?? []), p])
    for (const [node, pods] of nodes) {
      const card = byId.get(node)
      if (card === undefined) continue
      const gap = 4
      const w = (card.w - 12 - gap * (pods.length - 1)) / pods.length
      pods.forEach((p, i) => {
        const lit = litAt.get(p.id)
        const lost = lostAt.get(p.id)
        chips.push({
          ...p,
          x: card.x + 6 + i * (w + gap),
          y: card.y + card.h - POD_ROW_H + 2,
          w,
          h: POD_ROW_H - 8,
          lit: lit !== undefined && now - lit < HOP_SECONDS + 1.5,
          lost: lost !== undefined && now - lost < MARK_SECONDS,
        })
      })
    }
  } else {
    const nodes = new Map<string, CardBox[]>()
    for (const p of kube.pods) {
      const card = byId.get(p.id)
      if (card !== undefined) nodes.set(p.node, [...(nodes.get(p.node) ?? []), card])
    }
    for (const [node, boxes] of nodes) {
      const x0 = Math.min(...boxes.map((b) => b.x)) - FRAME_PAD
      const y0 = Math.min(...boxes.map((b) => b.y)) - FRAME_PAD
      const x1 = Math.max(...boxes.map((b) => b.x + b.w)) + FRAME_PAD
      const y1 = Math.max(...boxes.map((b) => b.y + b.h)) + FRAME_PAD
      frames.push({ node, x: x0, y: y0, w: x1 - x0, h: y1 - y0 })
    }
  }
  const chipById = new Map(chips.map((c) => [c.id, c]))
  const hops: KubeLayout['hops'] = []
  for (const h of kube.hops) {
    const from = byId.get(h.node)
    const to = chipById.get(h.pod)
    if (from === undefined || to === undefined || now < h.at || now >= h.at + HOP_SECONDS + 1.5)
      continue
    const start = { x: from.x + from.w / 2, y: from.y + from.h - POD_ROW_H - 2 }
    const end = { x: to.x + to.w / 2, y: to.y + to.h / 2 }
    // Within one card the hop drops straight down; to another node it arcs over the cards between.
    const points =
      from.id === to.node
        ? [start, end]
        : [start, { x: start.x, y: start.y - 10 }, { x: end.x, y: start.y - 10 }, end]
    const f = (now - h.at) / HOP_SECONDS
    hops.push({ id: h.id, points, dot: f < 1 ? along(points, f) : null, lost: h.lost })
  }
  return { chips, frames, hops, badges }
}

const r = (v: number) => Math.round(v * 10) / 10

/** Draws the layout into `g` (a layer over the target cards); an empty layout clears it. */
export function renderKube(
  g: Selection<SVGGElement, unknown, null, undefined>,
  k: KubeLayout | null,
): void {
  const chips = k?.chips ?? []
  g.selectAll<SVGGElement, NodeFrame>('g.node-frame')
    .data(k?.frames ?? [], (d) => d.node)
    .join((enter) => {
      const f = enter.append('g').attr('class', 'node-frame')
      f.append('rect').attr('rx', 12)
      f.append('text')
      return f
    })
    .attr('data-testid', (d) => `topology.node.${d.node}`)
    .each(function (d) {
      const f = select(this)
      f.select('rect')
        .attr('x', r(d.x))
        .attr('y', r(d.y))
        .attr('width', r(d.w))
        .attr('height', r(d.h))
      f.select('text')
        .attr('x', r(d.x + d.w - 6))
        .attr('y', r(d.y + 4))
        .attr('text-anchor', 'end')
        .text(`node ${d.node}`)
    })
  g.selectAll<SVGGElement, PodChip>('g.pod')
    .data(chips, (d) => d.id)
    .join((enter) => {
      const p = enter.append('g').attr('class', 'pod')
      p.append('rect').attr('rx', 6)
      p.append('text').attr('class', 'pod-id')
      p.append('title')
      return p
    })
    .attr('data-testid', (d) => `topology.pod.${d.id}`)
    .attr('data-lost', (d) => String(d.lost))
    .classed('lit', (d) => d.lit)
    .classed('lost', (d) => d.lost)
    .attr('transform', (d) => `translate(${r(d.x)},${r(d.y)})`)
    .each(function (d) {
      const p = select(this)
      p.select('rect').attr('width', r(d.w)).attr('height', r(d.h))
      // A narrow chip keeps the part of the id that differs ("1a"); the title has it whole.
      const label = d.lost
        ? `✕ ${d.id.replace(/^pod-/, '')}`
        : d.w < 56
          ? d.id.replace(/^pod-/, '')
          : d.id
      p.select('text.pod-id')
        .attr('x', r(d.w / 2))
        .attr('y', r(d.h / 2 + 4))
        .attr('text-anchor', 'middle')
        .text(label)
      p.select('title').text(
        `pod ${d.id} on node ${d.node}: ${d.served} served, ${d.carts} cart${d.carts === 1 ? '' : 's'} in memory${d.lost ? ' · cart lost' : ''}`,
      )
    })
  g.selectAll<SVGGElement, KubeLayout['hops'][number]>('g.pod-hop')
    .data(k?.hops ?? [], (d) => String(d.id))
    .join((enter) => {
      const h = enter.append('g').attr('class', 'pod-hop').attr('aria-hidden', 'true')
      h.append('path')
      h.append('circle').attr('r', 6)
      return h
    })
    .classed('lost', (d) => d.lost)
    .attr('data-hop', (d) => String(d.id))
    .call((sel) => {
      sel
        .select('path')
        .attr('d', (d) => 'M' + d.points.map((p) => `${r(p.x)},${r(p.y)}`).join(' L'))
      sel
        .select('circle')
        .attr('display', (d) => (d.dot === null ? 'none' : null))
        .attr('cx', (d) => r(d.dot?.x ?? 0))
        .attr('cy', (d) => r(d.dot?.y ?? 0))
    })
  g.selectAll<SVGGElement, KubeLayout['badges'][number]>('g.sid-unknown')
    .data(k?.badges ?? [], (d) => d.targetId)
    .join((enter) => {
      const b = enter.append('g').attr('class', 'sid-unknown card-event')
      b.append('rect').attr('rx', 6).attr('height', 20).attr('y', -14).attr('x', -4)
      b.append('text').attr('x', 3).text('400 Session ID unknown')
      return b
    })
    .attr('data-testid', (d) => `topology.sid-unknown.${d.targetId}`)
    .attr('transform', (d) => `translate(${r(d.x)},${r(d.y)})`)
    .select('rect')
    .attr('width', 20 + 22 * 7.5)
}
