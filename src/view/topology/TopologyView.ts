// Imperative D3 renderer for the topology picture. React hands it an <svg>; it owns everything inside.
// Colours come from CSS custom properties (themes); every state also has a non-colour cue (icon or text).
import { select } from 'd3-selection'
import { CARD_W, CLIENT_LABEL_Y, CLIENT_LINE_H, type Link, type PositionedClient, type PositionedGroup, type PositionedTarget, type TopologyLayout } from './layout'
import { computeMotion } from './motion'
import { tripOf } from '../reveal'
import { createMotionView } from './motionView'

export interface TopologyCallbacks {
  onSelectTarget?: (id: string) => void
  onSelectClient?: (id: string) => void
}

export interface TopologyView {
  update(layout: TopologyLayout, options: { reducedMotion: boolean }): void
  destroy(): void
}

/** Health state → a glyph so the state never depends on colour alone. */
export const HEALTH_GLYPH: Record<string, string> = {
  healthy: '✓',
  unhealthy: '✕',
  initial: '…',
  draining: '↓',
  unused: '–',
  unavailable: '?',
  // A Classic Load Balancer's DescribeInstanceHealth states.
  InService: '✓',
  OutOfService: '✕',
  Unknown: '…',
  'not registered': '–',
}

/** The CSS class suffix of a health state (CLB states share the ALB colours). */
export function healthClass(state: string): string {
  const classic: Record<string, string> = { InService: 'healthy', OutOfService: 'unhealthy', Unknown: 'initial', 'not registered': 'unused' }
  return classic[state] ?? state
}

const r = (n: number) => Math.round(n * 10) / 10

function linkPath(l: Link): string {
  return l.points.map((p, i) => `${i ? 'L' : 'M'}${r(p.x)},${r(p.y)}`).join('')
}

function targetLabel(t: PositionedTarget): string {
  const parts = [`Instance ${t.id} in ${t.az}`, t.running ? 'running' : 'stopped', `health ${t.state}${t.reason ? ` (${t.reason})` : ''}`, `${t.served} requests served`, `${t.carts} carts in memory`]
  if (t.websockets) parts.push(`${t.websockets} WebSocket connections`)
  if (t.event) parts.push(t.event.replace(/^\W+/, ''))
  return parts.join(', ')
}

export function createTopologyView(svgEl: SVGSVGElement, callbacks: TopologyCallbacks = {}): TopologyView {
  const svg = select(svgEl)
  svg.selectAll('*').remove()
  const root = svg.append('g').attr('class', 'topo')
  const gLinks = root.append('g').attr('class', 'links')
  const gGroups = root.append('g').attr('class', 'groups')
  // ---- motion layers (motionView.ts): trails and tallies under the cards, dots and moments over everything.
  const gUnder = root.append('g').attr('class', 'motion-under').attr('aria-hidden', 'true')
  const gAlb = root.append('g').attr('class', 'alb').attr('data-testid', 'topology.alb')
  const gClients = root.append('g').attr('class', 'clients')
  const gTargets = root.append('g').attr('class', 'targets')
  const gOver = root.append('g').attr('class', 'motion-over').attr('aria-hidden', 'true')
  const motionView = createMotionView(gUnder.node()!, gOver.node()!)
  // ---- end motion layers

  gAlb.append('rect').attr('class', 'alb-box').attr('rx', 14)
  gAlb.append('text').attr('class', 'alb-title')
  gAlb.append('text').attr('class', 'alb-title alb-title-2')
  gAlb.append('text').attr('class', 'alb-listener')
  gAlb.append('text').attr('class', 'alb-rule')
  // A simple balance-scale-like icon of our own: a node fanning out to three lines.
  gAlb.append('path').attr('class', 'alb-icon')

  function renderGroups(groups: PositionedGroup[]) {
    gGroups
      .selectAll<SVGGElement, PositionedGroup>('g.tg')
      .data(groups, (d) => d.name)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'tg')
        g.append('rect').attr('class', 'tg-box').attr('rx', 12)
        g.append('text').attr('class', 'tg-title')
        g.append('text').attr('class', 'tg-subtitle')
        g.append('g').attr('class', 'az-labels')
        return g
      })
      .attr('data-testid', (d) => `topology.tg.${d.name}`)
      .each(function (d) {
        const g = select(this)
        g.select('rect').attr('x', d.x).attr('y', d.y).attr('width', d.w).attr('height', d.h)
        const weight = d.weight === null ? '' : ` · weight ${d.weight}`
        // Tall: the stickiness gets a line of its own, under the name.
        const title = `${d.label} ${d.name}${weight}`
        g.select('text.tg-title').attr('x', d.x + 12).attr('y', d.y + 22).text(tall ? title : `${title} · ${d.stickiness}`)
        g.select('text.tg-subtitle').attr('x', d.x + 12).attr('y', d.y + 39).text(tall ? d.stickiness : '')
        g.select('g.az-labels')
          .selectAll<SVGTextElement, PositionedGroup['azs'][number]>('text')
          .data(d.azs, (a) => a.az)
          .join('text')
          .attr('class', 'az-label')
          .attr('x', (a) => a.x + a.w / 2)
          .attr('y', (a) => a.y)
          .attr('text-anchor', 'middle')
          .text((a) => a.az)
      })
  }

  function renderTargets(targets: PositionedTarget[]) {
    gTargets
      .selectAll<SVGGElement, PositionedTarget>('g.target')
      .data(targets, (d) => `${d.group}:${d.id}`)
      .join((enter) => {
        // Cards are not focusable: the picture is one image for assistive technology, and the Instances panel holds the controls.
        const g = enter.append('g').attr('class', 'target')
        g.append('rect').attr('class', 'card').attr('rx', 10)
        g.append('rect').attr('class', 'flash').attr('rx', 10)
        g.append('text').attr('class', 'card-id').attr('y', 20)
        g.append('text').attr('class', 'card-state').attr('y', 40)
        g.append('text').attr('class', 'card-served').attr('y', 58)
        g.append('text').attr('class', 'card-carts').attr('y', 75)
        g.append('title')
        const ev = g.append('g').attr('class', 'card-event')
        ev.append('rect').attr('rx', 6).attr('height', 20).attr('y', -12).attr('x', -4)
        ev.append('text').attr('x', 3).attr('y', 2)
        g.on('click', (_, d) => callbacks.onSelectTarget?.(d.id))
        return g
      })
      .attr('data-testid', (d) => `topology.target.${d.id}`)
      .attr('transform', (d) => `translate(${r(d.x)},${r(d.y)})`)
      .attr('aria-label', targetLabel)
      .attr('data-state', (d) => d.state)
      .attr('data-running', (d) => String(d.running))
      .classed('stopped', (d) => !d.running)
      .each(function (d) {
        const g = select(this)
        // A card narrower than usual (three zones in a tall picture) words its lines compactly; the title keeps them whole.
        const compact = d.w < CARD_W
        const ws = d.websockets ? ` · ${d.websockets} ws` : ''
        const carts = `${d.carts} cart${d.carts === 1 ? '' : 's'}`
        g.selectAll(':scope > rect').attr('width', r(d.w)).attr('height', d.h)
        g.selectAll(':scope > text').attr('x', compact ? 7 : 10)
        g.select('rect.card').attr('class', `card health-${healthClass(d.state)}`)
        g.select('rect.flash')
          .attr('class', `flash${d.flashStatus !== null && d.flashStatus >= 500 ? ' flash-error' : ''}`)
          .attr('opacity', d.flash === null ? 0 : r(1 - d.flash / 1.5))
        g.select('text.card-id').text(`${d.id}${d.running ? '' : compact ? ' stopped' : ' (stopped)'}`)
        g.select('text.card-state').text(`${HEALTH_GLYPH[d.state] ?? '?'} ${d.state}`)
        g.select('text.card-served').text(`${d.served} served${compact ? '' : ws}`)
        g.select('text.card-carts').text(compact ? carts + ws : `${carts} in memory`)
        g.select('title').text(targetLabel(d))
        const ev = g.select('g.card-event').attr('display', d.event ? null : 'none')
        if (d.event) {
          ev.select('text').text(d.event)
          // 12 px bold text, with room for the wide ⚠ glyph.
          ev.select('rect').attr('width', 16 + d.event.length * 7)
        }
      })
  }

  function renderClients(clients: PositionedClient[]) {
    gClients
      .selectAll<SVGGElement, PositionedClient>('g.client')
      .data(clients, (d) => d.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'client')
        // A browser window of our own: a rounded frame with a title bar.
        g.append('rect').attr('class', 'client-frame').attr('x', -34).attr('y', -22).attr('width', 68).attr('height', 44).attr('rx', 6)
        g.append('rect').attr('class', 'client-bar').attr('x', -34).attr('y', -22).attr('width', 68).attr('height', 10).attr('rx', 3)
        g.append('text').attr('class', 'client-initial').attr('y', 12).attr('text-anchor', 'middle')
        // The name, and under it the note (a source IP, "no cookies").
        g.append('text').attr('class', 'client-name').attr('y', CLIENT_LABEL_Y).attr('text-anchor', 'middle')
        g.append('text').attr('class', 'client-name client-note').attr('y', CLIENT_LABEL_Y + CLIENT_LINE_H).attr('text-anchor', 'middle')
        g.on('click', (_, d) => callbacks.onSelectClient?.(d.id))
        return g
      })
      .attr('data-testid', (d) => `topology.client.${d.id}`)
      .attr('transform', (d) => `translate(${r(d.x)},${r(d.y)})`)
      .attr('class', (d) => `client client-c${d.colorIndex % 8}${d.selected ? ' selected' : ''}`)
      .each(function (d) {
        const g = select(this)
        g.select('text.client-initial').text(d.id.slice(0, 1).toUpperCase())
        g.select('text.client-name').text(d.id)
        g.select('text.client-note').text(d.note ?? '')
      })
  }

  let tall = false

  function renderLinks(links: Link[], layout: TopologyLayout) {
    const active = new Set(activeClients(layout).map((id) => `c:${id}`))
    gLinks
      .selectAll<SVGPathElement, Link>('path')
      .data(links, (d) => d.id)
      .join('path')
      .attr('class', (d) => `link link-${d.kind}${active.has(d.id) ? ' active' : ''}`)
      .attr('d', linkPath)
  }

  /** Signature of everything but the dots: when it is unchanged, only the dots need drawing this frame. */
  let lastStatic = ''

  return {
    update(layout, options) {
      const drawMotion = () =>
        motionView.update(computeMotion(layout, layout.motion.trips, layout.motion.now, options), { width: layout.width, tall: layout.tall, reducedMotion: options.reducedMotion })
      const active = activeClients(layout).join(',')
      const signature = JSON.stringify([layout.width, layout.height, layout.alb, layout.clients, layout.groups, layout.targets, active])
      if (signature === lastStatic) {
        drawMotion()
        return
      }
      lastStatic = signature
      tall = layout.tall
      svg.attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
      root.classed('tall', tall)
      renderLinks(layout.links, layout)
      renderGroups(layout.groups)
      const a = layout.alb
      gAlb.select('rect.alb-box').attr('x', a.x).attr('y', a.y).attr('width', a.w).attr('height', a.h)
      gAlb.select('text.alb-title:not(.alb-title-2)').attr('x', a.x + a.w / 2).attr('y', a.y + 50).attr('text-anchor', 'middle').text(a.title[0])
      gAlb.select('text.alb-title-2').attr('x', a.x + a.w / 2).attr('y', a.y + 66).attr('text-anchor', 'middle').text(a.title[1])
      gAlb.select('text.alb-listener').attr('x', a.x + a.w / 2).attr('y', a.y + 90).attr('text-anchor', 'middle').text(`listener ${a.listener}`)
      gAlb.select('text.alb-rule').attr('x', a.x + a.w / 2).attr('y', a.y + 108).attr('text-anchor', 'middle').text(a.rule)
      const cx = a.x + a.w / 2
      const cy = a.y + 24
      gAlb.select('path.alb-icon').attr('d', `M${cx - 14},${cy} L${cx},${cy} M${cx},${cy} L${cx + 14},${cy - 9} M${cx},${cy} L${cx + 14},${cy} M${cx},${cy} L${cx + 14},${cy + 9}`)
      renderClients(layout.clients)
      renderTargets(layout.targets)
      drawMotion()
    },
    destroy() {
      svg.selectAll('*').remove()
    },
  }
}


/** Clients with a request travelling (their link is drawn active). */
function activeClients(layout: TopologyLayout): string[] {
  const now = layout.motion.now
  const out = new Set<string>()
  for (let i = layout.motion.trips.length - 1; i >= 0; i--) {
    const t = layout.motion.trips[i]!
    if (t.at <= now && now < tripOf(t).returnsAt) out.add(t.clientId)
  }
  return [...out]
}
