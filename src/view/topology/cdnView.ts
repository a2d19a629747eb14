// Draws the CDN hop (cdnHop.ts) into the topology picture: CloudFront's box, its cookie policy, and the latest
// request's Cookie header cookie by cookie — those CloudFront forwarded (✓) and those it kept from the load
// balancer (⊘, struck through), so the header visibly shrinks at the CDN.
import type { Selection } from 'd3-selection'
import { CDN_LINES, type CdnMark } from './cdnHop'

type G = Selection<SVGGElement, unknown, null, undefined>

const r = (n: number) => Math.round(n * 10) / 10

/** What a screen reader hears for the box. */
export function cdnLabel(m: CdnMark): string {
  const head = `CloudFront in front of the load balancer: ${m.policy}`
  if (m.cookies === null) return `${head}. No request has passed it yet.`
  const kept = m.cookies.filter((c) => !c.passed).map((c) => c.name)
  const passed = m.cookies.filter((c) => c.passed).map((c) => c.name)
  const whose = m.clientId === null ? 'the latest request' : `${m.clientId}'s latest request`
  return `${head}. From ${whose} it forwarded ${passed.length === 0 ? 'no cookie' : passed.join(', ')} and withheld ${kept.length === 0 ? 'none' : kept.join(', ')}.`
}

/** Draws (or removes) the CDN box in `g`. */
export function renderCdn(g: G, m: CdnMark | null): void {
  g.attr('display', m === null ? 'none' : null)
  if (m === null) return
  g.attr('aria-label', cdnLabel(m)).attr('role', 'img')
  g.selectAll('rect.cdn-box')
    .data([m])
    .join('rect')
    .attr('class', 'cdn-box')
    .attr('rx', 10)
    .attr('x', r(m.x))
    .attr('y', r(m.y))
    .attr('width', r(m.w))
    .attr('height', r(m.h))
  const cx = r(m.x + m.w / 2)
  const lines: { text: string; cls: string; y: number }[] = [
    { text: 'CloudFront', cls: 'cdn-title', y: CDN_LINES.title },
    { text: m.behavior, cls: 'cdn-policy', y: CDN_LINES.policy },
    {
      text: m.cookies === null ? 'no request yet' : 'Cookie → ALB',
      cls: 'cdn-caption',
      y: CDN_LINES.caption,
    },
  ]
  if (m.cookies !== null && m.cookies.length === 0)
    lines.push({ text: '(no cookies sent)', cls: 'cdn-caption', y: CDN_LINES.first })
  for (const [i, c] of (m.cookies ?? []).entries())
    lines.push({
      text: `${c.passed ? '✓' : '⊘'} ${c.name}`,
      cls: c.passed ? 'cdn-cookie passed' : 'cdn-cookie withheld',
      y: CDN_LINES.first + i * CDN_LINES.step,
    })
  g.selectAll<SVGTextElement, (typeof lines)[number]>('text')
    .data(lines)
    .join('text')
    .attr('class', (d) => d.cls)
    .attr('x', cx)
    .attr('y', (d) => r(m.y + d.y))
    .attr('text-anchor', 'middle')
    .text((d) => d.text)
}
