// Draws the stage's moving parts (motion.ts) into layers of their own: trails under everything, tallies under
// the cards, dots and moments on top. Per frame this only updates attributes of pooled elements, joined by key
// (a dot per request id, a trail path per client and age band, a pip per slot), so a busy stage stays cheap.
import { select, type Selection } from 'd3-selection'
import type { Motion, MotionDot, MotionMoment, MotionTally, MotionTrail, TallyPip } from './motion'
import { markPreflight } from './preflightTag'

export interface MotionView {
  update(motion: Motion, frame: { width: number; tall: boolean; reducedMotion: boolean }): void
}

const r = (n: number) => Math.round(n * 10) / 10
/** A pip is a small rounded square with the client's initial: colour and letter, never colour alone. */
export const PIP = 12
const PIP_GAP = 1.5

type G = Selection<SVGGElement, unknown, null, undefined>

/**
 * `under` is a layer drawn below the cards (trails, tallies), `over` one above everything (dots, moments).
 * Both are the caller's <g> elements; this view owns their contents.
 */
export function createMotionView(under: SVGGElement, over: SVGGElement): MotionView {
  const gTrails: G = select(under).append('g').attr('class', 'trails')
  const gTallies: G = select(under).append('g').attr('class', 'tallies')
  const gDots: G = select(over).append('g').attr('class', 'packets')
  const gMoments: G = select(over).append('g').attr('class', 'moments')
  let width = 0
  let still = false
  /** Badge text is 12 px (the stage is drawn at least 1:1). */
  const badgeWidth = (name: string) => 24 + name.length * 7.2

  function renderTrails(trails: MotionTrail[]) {
    gTrails
      .selectAll<SVGPathElement, MotionTrail>('path')
      .data(trails, (d) => d.key)
      .join('path')
      .attr('class', (d) => `trail client-c${d.colorIndex % 8}`)
      .attr('stroke-opacity', (d) => d.opacity)
      .attr('d', (d) => d.d)
  }

  function renderTallies(tallies: MotionTally[]) {
    gTallies
      .selectAll<SVGGElement, MotionTally>('g.tally')
      .data(tallies, (d) => d.key)
      .join('g')
      .attr('class', 'tally')
      .attr('data-testid', (d) => `tally.${d.key.slice(d.key.indexOf(':') + 1)}`)
      .attr('data-count', (d) => d.pips.length)
      .attr('transform', (d) => `translate(${r(d.x)},${r(d.y + 1)})`)
      .each(function (d) {
        select(this)
          .selectAll<SVGGElement, TallyPip>('g.pip')
          // By slot, not by request: a new arrival recolours the pips instead of re-creating them.
          .data(d.pips, (_, i) => i)
          .join((enter) => {
            const g = enter.append('g').attr('class', 'pip')
            g.append('rect').attr('width', PIP).attr('height', PIP).attr('rx', 3)
            g.append('text').attr('x', PIP / 2).attr('y', PIP - 3).attr('text-anchor', 'middle')
            return g
          })
          .attr('transform', (_, i) => `translate(${i * (PIP + PIP_GAP)},0)`)
          .attr('class', (p) => `pip client-c${p.colorIndex % 8}${p.error ? ' error' : ''}`)
          .attr('data-client', (p) => p.clientId)
          .each(function (p) {
            const t = select(this).select('text')
            if (t.text() !== p.initial) t.text(p.initial)
          })
      })
  }

  function renderDots(dots: MotionDot[]) {
    gDots
      .selectAll<SVGGElement, MotionDot>('g.packet')
      .data(dots, (d) => d.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'packet')
        g.append('circle').attr('r', 7)
        g.append('text').attr('class', 'packet-initial').attr('y', 3.5).attr('text-anchor', 'middle')
        // A map-pin of our own above the dot marks a request that an existing binding routed (sticky).
        g.append('path').attr('class', 'pin').attr('d', 'M0,-9 C-6,-9 -6,-18 0,-18 C6,-18 6,-9 0,-9 Z M0,-9 L0,-6')
        g.append('g').attr('class', 'badges')
        return g
      })
      .attr('transform', (d) => `translate(${r(d.x)},${r(d.y)})`)
      .each(function (d) {
        // Only the position changes every frame; the rest is redrawn when the dot arrives or turns back.
        const key = `${d.phase}|${d.status}|${d.sticky}|${d.selected}|${d.cookies.join(',')}|${d.preflight}|${d.x + 70 > width}`
        const node = this as SVGGElement & { __packetKey?: string }
        // Badges that would run past the right edge hang on the dot's left instead.
        const left = d.cookies.length > 0 && d.x + 10 + Math.max(...d.cookies.slice(0, 4).map(badgeWidth)) > width
        if (node.__packetKey === key && left === node.classList.contains('badges-left')) return
        node.__packetKey = key
        const g = select(node)
        const error = d.status !== null && d.status >= 500
        g.attr('class', `packet ${d.phase === 'response' ? 'response' : 'request'} client-c${d.colorIndex % 8}${error ? ' error' : ''}${d.selected ? ' selected' : ''}`)
        g.select('text.packet-initial').text(d.initial)
        g.select('path.pin').attr('display', d.sticky ? null : 'none')
        markPreflight(g, d.preflight === true, d.x + 70 > width)
        g.select('g.badges')
          .selectAll<SVGGElement, string>('g.badge')
          .data(d.cookies.slice(0, 4), (c) => c)
          .join((enter) => {
            const b = enter.append('g').attr('class', 'badge')
            b.append('rect').attr('rx', 7).attr('height', 14)
            // A cookie of our own: a disc with two crumbs.
            b.append('circle').attr('class', 'cookie').attr('cx', 8).attr('cy', 7).attr('r', 4.5)
            b.append('text').attr('x', 16).attr('y', 10.5)
            return b
          })
          .attr('transform', (name, i) => `translate(${left ? -10 - badgeWidth(name) : 10},${-8 + i * 16})`)
          .each(function (name) {
            const b = select(this)
            b.select('text').text(name)
            b.select('rect').attr('width', badgeWidth(name))
          })
        g.classed('badges-left', left)
      })
  }

  function renderMoments(moments: MotionMoment[]) {
    gMoments
      .selectAll<SVGGElement, MotionMoment>('g.moment')
      .data(moments, (d) => d.key)
      .join((enter) => {
        const g = enter.append('g')
        // A burst: a ring that widens as the moment fades (reduced motion: the CSS keeps it still).
        g.append('circle').attr('class', 'moment-ring')
        g.append('rect').attr('class', 'moment-box').attr('rx', 6).attr('height', 20).attr('y', -32)
        g.append('text').attr('class', 'moment-label').attr('y', -18).attr('text-anchor', 'middle')
        return g
      })
      .attr('class', (d) => `moment moment-${d.kind}`)
      .attr('data-testid', (d) => `moment.${d.kind}`)
      .attr('transform', (d) => `translate(${r(d.x)},${r(d.y)})`)
      .attr('opacity', (d) => r(1 - d.age * d.age))
      .each(function (d) {
        const g = select(this)
        g.select('circle.moment-ring').attr('r', still ? 16 : r(10 + 24 * d.age))
        const w = 14 + d.label.length * 7.5
        g.select('rect.moment-box').attr('x', -w / 2).attr('width', w)
        const t = g.select('text.moment-label')
        if (t.text() !== d.label) t.text(d.label)
      })
  }

  return {
    update(motion, frame) {
      width = frame.width
      still = frame.reducedMotion
      renderTrails(motion.trails)
      renderTallies(motion.tallies)
      renderDots(motion.dots)
      renderMoments(motion.moments)
    },
  }
}
