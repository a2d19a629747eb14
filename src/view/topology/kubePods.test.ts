// The 400 badge of a refused Socket.IO poll shows from the moment the poll arrives, as its outcome does elsewhere.
import { describe, expect, it } from 'vitest'
import { layoutKube } from './kubePods'

const card = { id: 'i-2', x: 100, y: 200, w: 80, h: 90 }

describe('the 400 Session ID unknown badge', () => {
  it('shows when the clock reaches the arrival, even when the arrival is a float sum a hair past that millisecond', () => {
    // 12.3 + 0.05: the arrival of a poll sent at 12.3 s reads 12.350000000000001; the clock shows 12.35.
    const arrives = 12.3 + 0.05
    expect(arrives).toBeGreaterThan(12.35)
    const layout = layoutKube(undefined, [{ targetId: 'i-2', at: arrives }], [card], 12.35)
    expect(layout?.badges.map((b) => b.targetId)).toEqual(['i-2'])
  })

  it('is not shown before the arrival, and is gone four seconds after it', () => {
    expect(layoutKube(undefined, [{ targetId: 'i-2', at: 10 }], [card], 9.99)).toBeNull()
    expect(layoutKube(undefined, [{ targetId: 'i-2', at: 10 }], [card], 14)).toBeNull()
  })
})
