// The outer ALB on the stage (issue 19 item 5): its box sits between the browsers (or CloudFront) and this ALB, wide
// and tall, clear of every other box; the browsers' links and request dots pass through it; it names its
// stickiness; and with duration-based stickiness on both layers it strikes the inner ALB's AWSALB through.
import { describe, expect, it } from 'vitest'
import { createLab } from '../../sim'
import { selectScene } from '../selectScene'
import { LEG_SECONDS } from '../reveal'
import { layoutTopology, type TopologyLayout } from './layout'
import { computeMotion } from './motion'
import { textWidth, type Box } from './stageBoxes'

function layeredLab(options: { cdn?: boolean; outer?: 'off' | 'lb_cookie' | 'app_cookie' } = {}) {
  const lab = createLab({ seed: 1 })
  lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
  lab.addClient('alice')
  if (options.cdn) lab.setCdn({ enabled: true, cookies: 'all', names: [] })
  lab.setOuterLayer({ enabled: true, stickiness: options.outer ?? 'lb_cookie' })
  return lab
}

const sceneOf = (lab: ReturnType<typeof createLab>) =>
  selectScene(lab, { selectedClient: null, selectedRequest: null })

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
const inside = (p: { x: number; y: number }, b: Box) =>
  p.x >= b.x - 0.01 && p.x <= b.x + b.w + 0.01 && p.y >= b.y - 0.01 && p.y <= b.y + b.h + 0.01

/** The boxes the outer ALB must stay clear of: browsers, the load balancer, CloudFront, groups and cards. */
function others(l: TopologyLayout): Box[] {
  return [
    ...l.clients.map((c) => ({ x: c.x - c.w / 2, y: c.y - c.h / 2, w: c.w, h: c.h })),
    l.alb,
    ...(l.cdn === null ? [] : [l.cdn]),
    ...l.groups,
    ...l.targets,
  ]
}

const SIZES: [number, { height?: number }][] = [
  [1000, {}],
  [780, { height: 560 }],
  [1250, { height: 850 }],
  [390, {}],
  [300, {}],
]

describe('the outer ALB on the stage', () => {
  it.each(SIZES)(
    'at %i px sits between the browsers and this ALB, clear of every box, on the browsers’ links, its words inside it',
    (width, options) => {
      for (const cdn of [false, true]) {
        const lab = layeredLab({ cdn })
        lab.request('alice')
        lab.advance(5)
        const l = layoutTopology(sceneOf(lab), width, options)
        const outer = l.outer!
        expect(outer).not.toBeNull()
        const client = l.clients[0]!
        if (l.tall) {
          expect(outer.y).toBeGreaterThan(client.y + client.h / 2)
          expect(outer.y + outer.h).toBeLessThan(l.alb.y)
          if (cdn) expect(outer.y).toBeGreaterThan(l.cdn!.y + l.cdn!.h)
        } else {
          expect(outer.x).toBeGreaterThan(client.x + client.w / 2)
          expect(outer.x + outer.w).toBeLessThan(l.alb.x)
        }
        for (const b of others(l)) expect(overlaps(outer, b)).toBe(false)
        expect(outer.y + outer.h).toBeLessThanOrEqual(l.height)
        const link = l.links.find((k) => k.id === 'c:alice')!
        expect(link.points.some((p) => inside(p, outer))).toBe(true)
        if (cdn) {
          // CloudFront first, then the outer ALB: the order a request passes them.
          const first = link.points.findIndex((p) => inside(p, l.cdn!))
          const second = link.points.findIndex((p) => inside(p, outer))
          expect(first).toBeGreaterThanOrEqual(0)
          expect(first).toBeLessThan(second)
        }
        for (const row of outer.rows)
          expect(textWidth(row.map((s) => s.text).join(''))).toBeLessThanOrEqual(outer.w - 8)
      }
    },
  )

  it('names its stickiness, and with AWSALB on both layers strikes this ALB’s AWSALB through', () => {
    const lab = layeredLab()
    let l = layoutTopology(sceneOf(lab), 1000)
    expect(l.outer!.rows.flat().map((s) => s.text)).toEqual([
      'Outer ALB',
      'duration-based',
      'AWSALB · 1 day',
      'no request yet',
    ])
    expect(l.outer!.collided).toBe(false)
    lab.request('alice')
    lab.advance(5)
    lab.request('alice')
    lab.advance(5)
    l = layoutTopology(sceneOf(lab), 1000)
    const spans = l.outer!.rows.flat()
    expect(spans.find((s) => s.text === '✗ this ALB')?.cls).toBe('outer-line dropped')
    expect(spans.find((s) => s.text === '✓ outer ALB')?.cls).toBe('outer-line kept')
    expect(l.outer!.collided).toBe(true)
    expect(l.outer!.label).toMatch(
      /^Outer ALB in front of this ALB: duration-based stickiness \(AWSALB, 1 day\)\. alice's latest request went alice → outer ALB → proxy-\d → this ALB → i-\d.*Both layers set AWSALB: the browser kept the outer ALB's, and this ALB's was overwritten\.$/,
    )
    const tall = layoutTopology(sceneOf(lab), 390).outer!
    expect(tall.rows[0]!.map((s) => s.text).join('')).toBe('Outer ALB · duration-based (AWSALB)')
    expect(
      tall.rows
        .at(-1)!
        .map((s) => s.text)
        .join(''),
    ).toBe('AWSALB: ✗ this ALB · ✓ outer ALB')
  })

  it('application-based on the outer layer: no collision, this ALB’s AWSALB kept', () => {
    const lab = layeredLab({ outer: 'app_cookie' })
    lab.request('alice')
    lab.advance(5)
    lab.request('alice')
    lab.advance(5)
    const o = layoutTopology(sceneOf(lab), 1000).outer!
    const texts = o.rows.flat().map((s) => s.text)
    expect(texts.slice(0, 3)).toEqual(['Outer ALB', 'application-based', 'PROXYSESSION'])
    expect(texts).toContain('sticky')
    expect(texts).toContain('✓ this ALB')
    expect(o.collided).toBe(false)
  })

  it('a request dot passes through the box on its way to this ALB', () => {
    const lab = layeredLab()
    lab.request('alice')
    const record = lab.history()[0]!
    const seen = [0.2, 0.35, 0.5, 0.65, 0.8].map((f) => {
      lab.advance(record.at + f * LEG_SECONDS - lab.now())
      const l = layoutTopology(sceneOf(lab), 1000)
      const dots = computeMotion(l, l.motion.trips, l.motion.now, { reducedMotion: false }).dots
      return dots.some((d) => inside(d, l.outer!))
    })
    expect(seen).toContain(true)
  })

  it('is absent without an outer layer, and gone once it is removed', () => {
    const lab = layeredLab()
    expect(layoutTopology(sceneOf(lab), 1000).outer).not.toBeNull()
    lab.setOuterLayer({ enabled: false })
    expect(layoutTopology(sceneOf(lab), 1000).outer).toBeNull()
    expect(sceneOf(lab).outer).toBeUndefined()
  })
})
