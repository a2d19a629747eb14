// The stage's motion at key virtual times: where a dot is, what it shows, the trails it leaves, the tallies
// under each instance and the moments (502, lost cart, re-stuck), all from the lab's own requests.
import { describe, expect, it } from 'vitest'
import { createLab, type Lab } from '../../sim'
import { LEG_SECONDS, tripOf } from '../reveal'
import { selectScene } from '../selectScene'
import { layoutTopology, type TopologyLayout } from './layout'
import { computeMotion, TALLY_CAP, TRAIL_CAP, TRAIL_SECONDS, type MotionTrip } from './motion'

const sceneOf = (lab: Lab) => layoutTopology(selectScene(lab, { selectedClient: null, selectedRequest: null }))
const motionOf = (lab: Lab, reducedMotion = false) => {
  const l = sceneOf(lab)
  return { layout: l, ...computeMotion(l, l.motion.trips, l.motion.now, { reducedMotion }) }
}
const to = (lab: Lab, t: number) => lab.advance(t - lab.now())
const cardTop = (l: TopologyLayout, id: string) => {
  const t = l.targets.find((c) => c.id === id)!
  return { x: t.x + t.w / 2, y: t.y }
}

function labWith(...clients: string[]) {
  const lab = createLab({ seed: 1 })
  for (const c of clients) lab.addClient(c)
  return lab
}

describe('motion', () => {
  it('a dot leaves its browser, reaches its card, waits while the target works, and comes back with its cookies', () => {
    const lab = labWith('alice')
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' })
    const r = lab.request('alice')
    const trip = tripOf(r)
    const at = (t: number) => {
      to(lab, t)
      return motionOf(lab)
    }
    const sent = at(trip.at)
    // It starts where the browser's link leaves the browser.
    const start = sent.layout.links.find((l) => l.id === 'c:alice')!.points[0]!
    expect(sent.dots).toHaveLength(1)
    expect(sent.dots[0]).toMatchObject({ phase: 'request', status: null, sticky: false, cookies: [], initial: 'A' })
    expect(sent.dots[0]!.x).toBeCloseTo(start.x)
    expect(sent.dots[0]!.y).toBeCloseTo(start.y)
    const half = at(trip.at + LEG_SECONDS / 2)
    expect(half.dots[0]!.x).toBeGreaterThan(start.x)
    expect(half.dots[0]!.x).toBeLessThan(cardTop(half.layout, r.targetId!).x)
    const arrived = at(trip.arrivesAt)
    expect(arrived.dots[0]).toMatchObject({ phase: 'waiting', status: 200, ...cardTop(arrived.layout, r.targetId!) })
    const waiting = at((trip.arrivesAt + trip.answersAt) / 2)
    expect(waiting.dots[0]).toMatchObject({ phase: 'waiting', ...cardTop(waiting.layout, r.targetId!) })
    const back = at(trip.answersAt + LEG_SECONDS / 2)
    expect(back.dots[0]).toMatchObject({ phase: 'response', cookies: ['AWSALB', 'AWSALBCORS', 'SESSIONID'] })
    expect(back.dots[0]!.x).toBeLessThan(cardTop(back.layout, r.targetId!).x)
    expect(at(trip.returnsAt).dots).toEqual([])
  })

  it('a 502 travels to the load balancer, bursts there once, and goes back', () => {
    const lab = labWith('alice')
    lab.setHealthCheckFailing('i-1', true, { mode: 'unresponsive' })
    const failed = [1, 2, 3].map(() => lab.request('alice')).find((r) => r.status === 502)!
    const trip = tripOf(failed)
    to(lab, trip.at + LEG_SECONDS / 2)
    let m = motionOf(lab)
    const dot = m.dots.find((d) => d.id === failed.id)!
    // On its way the dot says nothing of the error yet, and no burst shows.
    expect(dot.status).toBeNull()
    expect(m.moments.filter((x) => x.kind === '502')).toEqual([])
    to(lab, trip.arrivesAt)
    m = motionOf(lab)
    const alb = m.layout.alb
    expect(m.dots.find((d) => d.id === failed.id)).toMatchObject({ status: 502, x: alb.x + alb.w / 2, y: alb.y + alb.h / 2 })
    expect(m.moments.filter((x) => x.kind === '502')).toMatchObject([{ label: '502', x: alb.x + alb.w / 2, y: alb.y + 6 }])
    to(lab, trip.arrivesAt + LEG_SECONDS / 2)
    expect(motionOf(lab).dots.find((d) => d.id === failed.id)!.phase).toBe('response')
    to(lab, trip.arrivesAt + 60)
    expect(motionOf(lab).moments).toEqual([])
  })

  it('trails fade over TRAIL_SECONDS after arrival, and at most TRAIL_CAP are drawn', () => {
    const lab = labWith('alice')
    const r = lab.request('alice')
    to(lab, tripOf(r).arrivesAt + 0.1)
    const fresh = motionOf(lab).trails
    expect(fresh).toHaveLength(1)
    to(lab, tripOf(r).arrivesAt + TRAIL_SECONDS * 0.8)
    const old = motionOf(lab).trails
    expect(old[0]!.opacity).toBeLessThan(fresh[0]!.opacity)
    to(lab, tripOf(r).arrivesAt + TRAIL_SECONDS)
    expect(motionOf(lab).trails).toEqual([])

    // Many requests at once: one path per client and age band, drawing at most TRAIL_CAP trails.
    const busy = labWith('alice', 'bob')
    for (let i = 0; i < 200; i++) busy.request(i % 2 ? 'alice' : 'bob')
    to(busy, busy.now() + LEG_SECONDS)
    const m = motionOf(busy)
    expect(m.trails.length).toBeLessThanOrEqual(2 * 4)
    const subpaths = m.trails.reduce((n, t) => n + (t.d.match(/M/g) ?? []).length, 0)
    expect(subpaths).toBe(TRAIL_CAP)
  })

  it('tallies: each instance lists its arrivals per client, newest first, capped; unarrived ones not yet', () => {
    const lab = labWith('alice', 'bob')
    for (let i = 0; i < 40; i++) lab.request(i % 3 ? 'alice' : 'bob')
    const unarrived = motionOf(lab).tallies
    expect(unarrived.every((t) => t.pips.length === 0)).toBe(true)
    to(lab, lab.now() + LEG_SECONDS)
    const { tallies } = motionOf(lab)
    const history = lab.history()
    for (const t of tallies) {
      const id = t.key.split(':')[1]
      const expected = history.filter((h) => h.targetId === id).reverse().slice(0, TALLY_CAP)
      expect(t.pips.map((p) => [p.id, p.clientId, p.initial])).toEqual(expected.map((h) => [h.id, h.clientId, h.clientId[0]!.toUpperCase()]))
      expect(t.pips.length).toBeLessThanOrEqual(TALLY_CAP)
    }
  })

  it('a lost cart is a moment only when the cart had items, and only once', () => {
    const lab = labWith('alice')
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' })
    const trip = (t: Partial<MotionTrip>): MotionTrip => ({ id: 1, clientId: 'alice', colorIndex: 0, targetGroup: 'web', targetId: 'i-1', at: 0, completesAt: 0.05, status: 200, sticky: false, cookies: [], selected: false, lostCart: false, restuck: false, ...t })
    const l = sceneOf(lab)
    const moments = (trips: MotionTrip[], now: number) => computeMotion(l, trips, now, { reducedMotion: false }).moments
    expect(moments([trip({ lostCart: true })], LEG_SECONDS + 0.1)).toMatchObject([{ kind: 'cart-lost', ...cardTop(l, 'i-1') }])
    expect(moments([trip({ lostCart: true })], 0.1)).toEqual([])
    expect(moments([trip({ lostCart: true })], 30)).toEqual([])
    expect(moments([trip({ restuck: true, targetId: 'i-2' })], LEG_SECONDS + 0.1)).toMatchObject([{ kind: 're-stuck', ...cardTop(l, 'i-2') }])

    // From the lab: a cart with an item, lost when its instance stops; a later empty-cart loss says nothing.
    const shop = labWith('alice')
    shop.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' })
    const first = shop.request('alice', { path: '/cart/add' })
    expect(first.session?.items).toBeGreaterThan(0)
    shop.stopInstance(first.targetId!)
    shop.advance(120)
    const lost = shop.request('alice')
    expect(lost.session?.lost).toBe(true)
    const trips = selectScene(shop, { selectedClient: null, selectedRequest: null }).motion!.trips
    expect(trips.filter((t) => t.lostCart).map((t) => t.id)).toEqual([lost.id])
  })

  it('reduced motion: no dots move, trails and tallies appear only on arrival', () => {
    const lab = labWith('alice')
    const r = lab.request('alice')
    let m = motionOf(lab, true)
    expect(m.dots).toEqual([])
    expect(m.trails).toEqual([])
    to(lab, tripOf(r).arrivesAt)
    m = motionOf(lab, true)
    expect(m.dots).toEqual([])
    expect(m.trails).toHaveLength(1)
    expect(m.tallies.find((t) => t.key.endsWith(`:${r.targetId}`))!.pips).toHaveLength(1)
  })
})
