// Draws the outer ALB hop (outerHop.ts) into the topology picture: its box, the outer layer's stickiness, and the
// latest response's AWSALB lines — the one the browser dropped struck through — with the box outlined in the
// error colour when both layers set AWSALB, so the collision shows without reading.
import type { Selection } from 'd3-selection'
import { OUTER_ROWS, type OuterMark, type OuterSpan } from './outerHop'

type G = Selection<SVGGElement, unknown, null, undefined>

const r = (n: number) => Math.round(n * 10) / 10

/** Draws (or removes) the outer ALB box in `g`. */
export function renderOuter(g: G, m: OuterMark | null): void {
  g.attr('display', m === null ? 'none' : null)
  if (m === null) return
  g.attr('aria-label', m.label).attr('role', 'img').classed('collided', m.collided)
  g.selectAll('rect.outer-box')
    .data([m])
    .join('rect')
    .attr('class', 'outer-box')
    .attr('rx', 10)
    .attr('x', r(m.x))
    .attr('y', r(m.y))
    .attr('width', r(m.w))
    .attr('height', r(m.h))
  const rows = m.rows.map((spans, i) => ({
    spans,
    y: m.y + OUTER_ROWS.first + i * OUTER_ROWS.step,
  }))
  g.selectAll<SVGTextElement, (typeof rows)[number]>('text')
    .data(rows)
    .join('text')
    .attr('x', r(m.x + m.w / 2))
    .attr('y', (d) => r(d.y))
    .attr('text-anchor', 'middle')
    .selectAll<SVGTSpanElement, OuterSpan>('tspan')
    .data((d) => d.spans)
    .join('tspan')
    .attr('class', (s) => s.cls)
    .text((s) => s.text)
}
