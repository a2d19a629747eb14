// Imperative D3 renderer for the topology picture. React hands it an <svg>; it owns everything inside.
// Colours come from CSS custom properties (themes); every state also has a non-colour cue (icon or text).
import { select } from 'd3-selection'
import { albLinesTop, cardLines, type Link, type PositionedClient, type PositionedGroup, type PositionedTarget, type TopologyLayout } from './layout'
import { tripOf } from '../reveal'
import type { MotionLayer } from './motionLayer'
import { renderCdn } from './cdnView'
import { renderOuter } from './outerView'
import { renderKube } from './kubePods'

export interface TopologyCallbacks {
  onSelectTarget?: (id: string) => void
  onSelectClient?: (id: string) => void
}

export interface TopologyView {
  update(layout: TopologyLayout, options: { reducedMotion: boolean }): void
  /**
   * Hands the view what draws the moving parts (motionLayer.ts). It loads just after the first paint, its own
   * chunk: a first frame has nothing in flight, and the startup bundle stays within its budget.
   */
  setMotion(layer: MotionLayer): void
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
  const gCdn = root.append('g').attr('class', 'cdn').attr('data-testid', 'topology.cdn')
  const gOuter = root.append('g').attr('class', 'outer').attr('data-testid', 'topology.outer')
  const gClients = root.append('g').attr('class', 'clients')
  const gTargets = root.append('g').attr('class', 'targets')
  const gKube = root.append('g').attr('class', 'kube')
  const gOver = root.append('g').attr('class', 'motion-over').attr('aria-hidden', 'true')
  let motionView: ReturnType<MotionLayer['createMotionView']> | null = null
  let computeMotion: MotionLayer['computeMotion'] | null = null
  let lastDrawn: { layout: TopologyLayout; options: { reducedMotion: boolean } } | null = null
  // ---- end motion layers

  gAlb.append('rect').attr('class', 'alb-box').attr('rx', 14)
  gAlb.append('text').attr('class', 'alb-title')
  gAlb.append('text').attr('class', 'alb-title alb-title-2')
  // The listener, the algorithm and the rule, one line each (layout.ts wraps a long rule).
  const gAlbLines = gAlb.append('g').attr('class', 'alb-lines')
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
        // The stickiness gets a line of its own, under the name; the stage's controls sit under both.
        g.select('text.tg-title').attr('x', d.x + 12).attr('y', d.y + 20).text(`${d.label} ${d.name}${weight}`)
        g.select('text.tg-subtitle').attr('x', d.x + 12).attr('y', d.y + 38).text(d.stickiness)
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
        // The card is drawn here; its actions button is a real HTML button the stage puts over its top-right corner.
        const g = enter.append('g').attr('class', 'target')
        g.append('rect').attr('class', 'card').attr('rx', 10)
        g.append('rect').attr('class', 'flash').attr('rx', 10)
        g.append('text').attr('class', 'card-id')
        g.append('text').attr('class', 'card-state')
        g.append('text').attr('class', 'card-served')
        g.append('text').attr('class', 'card-carts')
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
        // A narrow card (three zones side by side) words its lines compactly; the title keeps them whole.
        const compact = d.w < 136
        const ws = d.websockets ? ` · ${d.websockets} ws` : ''
        const carts = `${d.carts} cart${d.carts === 1 ? '' : 's'}`
        const ys = cardLines(control)
        g.selectAll(':scope > rect').attr('width', r(d.w)).attr('height', d.h)
        g.selectAll(':scope > text').attr('x', compact ? 7 : 10)
        g.select('rect.card').attr('class', `card health-${healthClass(d.state)}`)
        g.select('rect.flash')
          .attr('class', `flash${d.flashStatus !== null && d.flashStatus >= 500 ? ' flash-error' : ''}`)
          .attr('opacity', d.flash === null ? 0 : r(1 - d.flash / 1.5))
        // The id shares its line with the actions button, so "stopped" takes a line of its own, in place of the
        // carts a stopped instance no longer holds. A narrow draining card gives its served line to the countdown.
        const health = `${HEALTH_GLYPH[d.state] ?? '?'} ${d.state}`
        const countdown = d.countdown === null ? null : `${d.countdown} s left`
        const served = `${d.served} served${compact ? '' : ws}`
        const lines = !d.running
          ? ['⏹ stopped', health, served]
          : [countdown !== null && !compact ? `${health} · ${countdown}` : health, countdown !== null && compact ? countdown : served, compact ? carts + ws : `${carts} in memory`]
        g.select('text.card-id').attr('y', ys[0]!).text(d.id)
        g.select('text.card-state').attr('y', ys[1]!).text(lines[0]!)
        g.select('text.card-served').attr('y', ys[2]!).text(lines[1]!)
        g.select('text.card-carts').attr('y', ys[3]!).text(lines[2]!)
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
        // The browser's card: a frame in its colour with a title bar. Its name, buttons and cookie chips are HTML
        // that the stage puts inside it (src/ui/stage/BrowserCard.tsx).
        g.append('rect').attr('class', 'client-frame').attr('rx', 8)
        g.append('rect').attr('class', 'client-bar').attr('height', 6).attr('rx', 3)
        g.on('click', (_, d) => callbacks.onSelectClient?.(d.id))
        return g
      })
      .attr('data-testid', (d) => `topology.client.${d.id}`)
      .attr('transform', (d) => `translate(${r(d.x)},${r(d.y)})`)
      .attr('class', (d) => `client client-c${d.colorIndex % 8}${d.selected ? ' selected' : ''}`)
      .each(function (d) {
        const g = select(this)
        g.select('rect.client-frame').attr('x', r(-d.w / 2)).attr('y', r(-d.h / 2)).attr('width', r(d.w)).attr('height', r(d.h))
        g.select('rect.client-bar').attr('x', r(-d.w / 2)).attr('y', r(-d.h / 2)).attr('width', r(d.w))
      })
  }

  let tall = false
  let control = 32

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
      lastDrawn = { layout, options }
      const drawMotion = () =>
        motionView?.update(computeMotion!(layout, layout.motion.trips, layout.motion.now, options), { width: layout.width, tall: layout.tall, reducedMotion: options.reducedMotion })
      const active = activeClients(layout).join(',')
      const signature = JSON.stringify([layout.width, layout.height, layout.alb, layout.clients, layout.groups, layout.targets, active, layout.cdn, layout.outer])
      if (signature === lastStatic) {
        drawMotion()
        return
      }
      lastStatic = signature
      tall = layout.tall
      control = layout.control
      svg.attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
      root.classed('tall', tall)
      renderLinks(layout.links, layout)
      renderGroups(layout.groups)
      const a = layout.alb
      gAlb.select('rect.alb-box').attr('x', a.x).attr('y', a.y).attr('width', a.w).attr('height', a.h)
      // Tall: the title on one line and no icon, so the stage fits a phone's screen.
      gAlb.select('text.alb-title:not(.alb-title-2)').attr('x', a.x + a.w / 2).attr('y', a.y + (tall ? 22 : 50)).attr('text-anchor', 'middle').text(tall ? a.title.join(' ') : a.title[0])
      gAlb.select('text.alb-title-2').attr('x', a.x + a.w / 2).attr('y', a.y + 66).attr('text-anchor', 'middle').text(tall ? '' : a.title[1])
      gAlb.select('path.alb-icon').attr('display', tall ? 'none' : null)
      gAlbLines
        .selectAll<SVGTextElement, string>('text')
        .data(a.lines)
        .join('text')
        .attr('class', (_, i) => (i === 0 ? 'alb-listener' : 'alb-rule'))
        .attr('x', a.x + a.w / 2)
        .attr('y', (_, i) => a.y + albLinesTop(tall) + i * 17)
        .attr('text-anchor', 'middle')
        .text((line) => line)
      const cx = a.x + a.w / 2
      const cy = a.y + 24
      gAlb.select('path.alb-icon').attr('d', `M${cx - 14},${cy} L${cx},${cy} M${cx},${cy} L${cx + 14},${cy - 9} M${cx},${cy} L${cx + 14},${cy} M${cx},${cy} L${cx + 14},${cy + 9}`)
      renderCdn(gCdn, layout.cdn)
      renderOuter(gOuter, layout.outer)
      renderClients(layout.clients)
      renderTargets(layout.targets)
      renderKube(gKube, layout.kube)
      drawMotion()
    },
    setMotion(layer) {
      computeMotion = layer.computeMotion
      motionView = layer.createMotionView(gUnder.node()!, gOver.node()!)
      if (lastDrawn !== null) motionView.update(computeMotion(lastDrawn.layout, lastDrawn.layout.motion.trips, lastDrawn.layout.motion.now, lastDrawn.options), { width: lastDrawn.layout.width, tall: lastDrawn.layout.tall, reducedMotion: lastDrawn.options.reducedMotion })
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
