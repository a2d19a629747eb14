// What the picture says: whole card lines on the wide picture, compact ones that fit a third of a phone, the
// group's stickiness on a line of its own, a draining countdown, and cookie badges that stay inside the right edge.
import { describe, expect, it } from 'vitest'
import { createLab } from '../../sim'
import { selectScene } from '../selectScene'
import { layoutTopology } from './layout'
import { computeMotion } from './motion'
import { LEG_SECONDS } from '../reveal'
import { createTopologyView } from './TopologyView'
import { motionLayer } from './motionLayer'

function draw(width: number, setUp: (lab: ReturnType<typeof createLab>) => void = () => {}) {
  const lab = createLab({ seed: 1 })
  lab.addClient('alice')
  setUp(lab)
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg')
  const view = createTopologyView(svg)
  // In the page the motion layer arrives just after the first paint (its own chunk); here at once.
  view.setMotion(motionLayer)
  const layout = layoutTopology(selectScene(lab, { selectedClient: null, selectedRequest: null }), width)
  view.update(layout, { reducedMotion: false })
  const texts = (selector: string) => [...svg.querySelectorAll(selector)].map((t) => t.textContent)
  return { svg, layout, texts }
}

describe('TopologyView', () => {
  it('wide: the stickiness under the group name, the listener and algorithm on the load balancer', () => {
    const { svg, texts } = draw(1000, (lab) => lab.stopInstance('i-2'))
    expect(svg.querySelector('g.topo')!.classList.contains('tall')).toBe(false)
    expect(texts('[data-testid="topology.target.i-2"] > text')).toEqual(['i-2', '⏹ stopped', '– unused', '0 served'])
    expect(texts('text.tg-title')).toEqual(['Target group web'])
    expect(texts('text.tg-subtitle')).toEqual(['stickiness off'])
    expect(texts('g.alb-lines text')).toEqual(['listener HTTPS :443', 'round_robin', 'forward to web'])
  })

  it('a draining instance counts down its deregistration delay', () => {
    const { texts } = draw(342, (lab) => {
      lab.deregisterTargets('web', ['i-3'])
      lab.advance(10)
    })
    expect(texts('[data-testid="topology.target.i-3"] > text')).toEqual(['i-3', '↓ draining', '290 s left', '0 carts'])
  })

  it('tall at 360 px: compact card lines that fit the card, the stickiness under the group name', () => {
    const { svg, layout, texts } = draw(342, (lab) => {
      lab.stopInstance('i-2')
      lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' })
    })
    expect(svg.querySelector('g.topo')!.classList.contains('tall')).toBe(true)
    expect(svg.getAttribute('viewBox')).toBe(`0 0 342 ${layout.height}`)
    expect(texts('[data-testid="topology.target.i-2"] > text')).toEqual(['i-2', '⏹ stopped', '– unused', '0 served'])
    expect(texts('text.tg-title')).toEqual(['Target group web'])
    expect(texts('g.alb-lines text')).toEqual(['listener HTTPS :443 · round_robin', 'forward to web'])
    expect(texts('text.tg-subtitle')).toEqual(['lb_cookie · 86400 s'])
    // The longest lines a card shows, at 6.8 px a character (the widest measured for 12 px system-ui), fit
    // inside the card after its 7 px margin (the e2e test measures the real text in Chromium); the id line
    // shares the card with the actions button.
    const cardW = Math.min(...layout.targets.map((t) => t.w))
    for (const line of ['✕ OutOfService', '? unavailable', '1234 served', '3 carts · 1 ws', '300 s left', '⏹ stopped']) expect(7 + line.length * 6.8).toBeLessThanOrEqual(cardW)
    expect(7 + 'i-10'.length * 6.8 + 4 + layout.control + 4).toBeLessThanOrEqual(cardW)
  })

  it('tall: a response’s cookie badges near the right edge hang on the dot’s left', () => {
    let answered = ''
    const { svg, layout } = draw(342, (lab) => {
      lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' })
      lab.addClient('bob')
      lab.addClient('carol')
      lab.request('alice')
      lab.request('bob')
      const r = lab.request('carol')
      answered = r.targetId!
      // Just after the response leaves the card: the dot is at the top of the card in the right-hand column.
      lab.advance(r.completesAt + LEG_SECONDS + 0.01 - lab.now())
    })
    expect(answered).toBe('i-3')
    const dot = computeMotion(layout, layout.motion.trips, layout.motion.now, { reducedMotion: false }).dots.find((p) => p.clientId === 'carol')!
    expect(dot.phase).toBe('response')
    const packet = [...svg.querySelectorAll('g.packet')].find((g) => g.getAttribute('transform') === `translate(${Math.round(dot.x * 10) / 10},${Math.round(dot.y * 10) / 10})`)!
    expect(packet.classList.contains('badges-left')).toBe(true)
    for (const badge of packet.querySelectorAll('g.badge')) {
      const [x] = badge.getAttribute('transform')!.match(/-?[\d.]+/)!.map(Number)
      const w = Number(badge.querySelector('rect')!.getAttribute('width'))
      expect(dot.x + x! + w).toBeLessThanOrEqual(layout.width)
      expect(dot.x + x!).toBeGreaterThanOrEqual(0)
    }
  })
})
