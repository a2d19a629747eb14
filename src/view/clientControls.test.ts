// Auto-refresh period boundaries and the cart a learner sees.
import { asClientId, asTargetId } from '../sim/model/ids'
import { describe, expect, it } from 'vitest'
import {
  autoRefreshLabel,
  cartLossText,
  cartOf,
  refreshSlot,
  type RecordForCart,
} from './clientControls'

describe('auto-refresh', () => {
  it('labels the periods', () => {
    expect(autoRefreshLabel(0)).toBe('Off')
    expect(autoRefreshLabel(5)).toBe('Every 5 s')
  })
  it('changes slot exactly when the clock crosses a multiple of the period', () => {
    expect(refreshSlot(0, 2)).toBe(0)
    expect(refreshSlot(1.999, 2)).toBe(0)
    expect(refreshSlot(2, 2)).toBe(1)
    // 0.1 added thirty times is 2.9999999999999996 in floating point; the clock means 3.
    let t = 0
    for (let i = 0; i < 30; i++) t += 0.1
    expect(refreshSlot(t, 1)).toBe(3)
  })
})

describe('cartOf', () => {
  const r = (
    at: number,
    clientId: string,
    targetId: string,
    items: number,
    lost = false,
  ): RecordForCart => ({
    at,
    clientId: asClientId(clientId),
    targetId: asTargetId(targetId),
    session: { id: `s-${clientId}`, items, lost },
  })
  it('reports the latest items and no loss', () => {
    const view = cartOf(
      [r(1, 'alice', 'i-1', 1), r(2, 'bob', 'i-2', 5), r(3, 'alice', 'i-1', 2)],
      'alice',
      'memory',
    )
    expect(view).toEqual({ items: 2, sessionId: 's-alice', lastLoss: null })
  })
  it('keeps the latest loss visible, with what was lost and where', () => {
    const view = cartOf(
      [
        r(1, 'alice', 'i-1', 1),
        r(2, 'alice', 'i-1', 2),
        r(3, 'alice', 'i-2', 0, true),
        r(4, 'alice', 'i-2', 1),
      ],
      'alice',
      'memory',
    )
    expect(view.items).toBe(1)
    expect(view.lastLoss).toEqual({ at: 3, where: 'i-2', itemsBefore: 2, previousTarget: 'i-1' })
    expect(cartLossText(view.lastLoss!)).toBe(
      'Cart lost: i-2 did not know this session, so it started an empty cart. The 2 items were in i-1’s memory.',
    )
  })
  it('no "cart lost" for a cart without items: a new session replacing an empty cart is not a loss', () => {
    // Stickiness off, no item added: every instance starts its own empty session for alice.
    const empty = [
      r(1, 'alice', 'i-1', 0),
      r(2, 'alice', 'i-2', 0, true),
      r(3, 'alice', 'i-3', 0, true),
    ]
    expect(cartOf(empty, 'alice', 'memory').lastLoss).toBeNull()
    // A later empty-cart "loss" keeps the real one (2 items on i-1) as the latest loss.
    const view = cartOf(
      [r(1, 'alice', 'i-1', 2), r(2, 'alice', 'i-2', 0, true), r(3, 'alice', 'i-3', 0, true)],
      'alice',
      'memory',
    )
    expect(view.lastLoss).toEqual({ at: 2, where: 'i-2', itemsBefore: 2, previousTarget: 'i-1' })
  })
  it('says the external store when carts live there', () => {
    const view = cartOf(
      [r(0, 'alice', 'i-1', 1), r(1, 'alice', 'i-1', 1, true)],
      'alice',
      'external',
    )
    expect(cartLossText(view.lastLoss!)).toBe(
      'Cart lost: the external store did not know this session, so it started an empty cart.',
    )
  })
  it('has no cart before any response carried a session', () => {
    expect(
      cartOf(
        [{ at: 1, clientId: asClientId('alice'), targetId: asTargetId('i-1') }],
        'alice',
        'memory',
      ),
    ).toEqual({
      items: null,
      sessionId: null,
      lastLoss: null,
    })
  })
})
