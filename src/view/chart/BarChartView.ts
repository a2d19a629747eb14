// Imperative D3 bar chart (requests per instance). React hands it an <svg>; bars are keyed by id.
import { scaleBand, scaleLinear } from 'd3-scale'
import { select } from 'd3-selection'

export interface Bar {
  id: string
  label: string
  value: number
  /** A non-colour cue drawn under the label (e.g. "stopped", "unhealthy"). */
  note?: string
  emphasis?: 'normal' | 'muted' | 'alert'
}

export interface BarChartView {
  update(bars: Bar[]): void
  destroy(): void
}

export const CHART_WIDTH = 360
export const CHART_HEIGHT = 170
const M = { top: 18, right: 8, bottom: 40, left: 34 }

export function createBarChartView(svgEl: SVGSVGElement): BarChartView {
  const svg = select(svgEl).attr('viewBox', `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`)
  svg.selectAll('*').remove()
  const axis = svg.append('g').attr('class', 'axis')
  const plot = svg.append('g').attr('class', 'bars')

  return {
    update(bars) {
      const innerW = CHART_WIDTH - M.left - M.right
      const innerH = CHART_HEIGHT - M.top - M.bottom
      const max = Math.max(1, ...bars.map((b) => b.value))
      const x = scaleBand<string>()
        .domain(bars.map((b) => b.id))
        .range([M.left, M.left + innerW])
        .padding(0.25)
      const y = scaleLinear().domain([0, max]).nice(4).range([M.top + innerH, M.top])

      axis
        .selectAll<SVGGElement, number>('g.tick')
        .data(y.ticks(4), (d) => String(d))
        .join((enter) => {
          const g = enter.append('g').attr('class', 'tick')
          g.append('line')
          g.append('text').attr('text-anchor', 'end').attr('dy', '0.32em')
          return g
        })
        .each(function (d) {
          const g = select(this)
          g.select('line').attr('x1', M.left).attr('x2', M.left + innerW).attr('y1', y(d)).attr('y2', y(d))
          g.select('text').attr('x', M.left - 4).attr('y', y(d)).text(tickText(d))
        })

      plot
        .selectAll<SVGGElement, Bar>('g.bar')
        .data(bars, (d) => d.id)
        .join((enter) => {
          const g = enter.append('g').attr('class', 'bar')
          g.append('rect')
          g.append('text').attr('class', 'bar-value').attr('text-anchor', 'middle')
          g.append('text').attr('class', 'bar-label').attr('text-anchor', 'middle')
          g.append('text').attr('class', 'bar-note').attr('text-anchor', 'middle')
          return g
        })
        .attr('class', (d) => `bar bar-${d.emphasis ?? 'normal'}`)
        .each(function (d) {
          const g = select(this)
          const bx = x(d.id) ?? 0
          const bw = x.bandwidth()
          const top = y(d.value)
          g.select('rect').attr('x', bx).attr('width', bw).attr('y', top).attr('height', Math.max(0, M.top + innerH - top)).attr('rx', 3)
          g.select('text.bar-value').attr('x', bx + bw / 2).attr('y', top - 4).text(String(d.value))
          g.select('text.bar-label').attr('x', bx + bw / 2).attr('y', M.top + innerH + 14).text(d.label)
          g.select('text.bar-note').attr('x', bx + bw / 2).attr('y', M.top + innerH + 28).text(d.note ?? '')
        })
    },
    destroy() {
      svg.selectAll('*').remove()
    },
  }
}

/** Axis labels fit the left margin: 40000 becomes "40k", 2500000 "2.5M"; fractions are not labelled. */
export function tickText(d: number): string {
  if (!Number.isInteger(d)) return ''
  if (Math.abs(d) >= 1_000_000) return `${Number((d / 1_000_000).toFixed(1))}M`
  if (Math.abs(d) >= 10_000) return `${Number((d / 1000).toFixed(1))}k`
  return String(d)
}
