// Issue 15's wording rule on the stage: a lost cart is shown once, on the instance that did not know the
// session, and only when the cart had items. Stickiness off sends alice's empty session round the three
// instances (each answers with a new session: no loss to show); one real loss shows on one card.
import { describe, expect, it } from 'vitest'
import { createLab } from '../sim'
import { LEG_SECONDS } from './reveal'
import { selectScene } from './selectScene'
import { layoutTopology } from './topology/layout'

const cards = (lab: ReturnType<typeof createLab>) =>
  layoutTopology(
    selectScene(lab, { selectedClient: null, selectedRequest: null }),
    1280,
  ).targets.map((t) => [t.id, t.event])

describe('lost carts on the stage', () => {
  it('no "cart lost" anywhere while the cart is empty, whatever instance answers', () => {
    const lab = createLab({ seed: 1 })
    lab.addClient('alice')
    for (let i = 0; i < 6; i++) lab.request('alice')
    lab.advance(LEG_SECONDS)
    expect(lab.history().filter((r) => r.session?.lost).length).toBeGreaterThan(0)
    expect(cards(lab).filter(([, e]) => e === '✕ cart lost')).toEqual([])
    const trips = selectScene(lab, { selectedClient: null, selectedRequest: null }).motion!.trips
    expect(trips.filter((t) => t.lostCart)).toEqual([])
  })

  it('a cart with items lost once: one card, the instance that did not know the session', () => {
    const lab = createLab({ seed: 1 })
    lab.addClient('alice')
    const first = lab.request('alice', { path: '/cart/add' }) // i-1: 1 item
    lab.request('alice') // i-2 does not know it: a loss of 1 item, and a new empty cart
    lab.request('alice') // i-3: the new (empty) session is unknown too, but nothing was in it
    lab.advance(LEG_SECONDS)
    expect(first.targetId).toBe('i-1')
    expect(cards(lab)).toEqual([
      ['i-1', null],
      ['i-2', '✕ cart lost'],
      ['i-3', null],
    ])
  })
})
