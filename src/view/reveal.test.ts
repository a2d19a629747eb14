import { describe, expect, it } from 'vitest'
import { createLab } from '../sim'
import { arrivedHistory, hasArrived, hasReturned, inFlight, lastArrived, LEG_SECONDS, shownCookies, tripOf } from './reveal'

function stickyLab() {
  const lab = createLab({ seed: 7 })
  lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' })
  return lab
}

describe('reveal on arrival', () => {
  it('a trip is request leg, the target at work, response leg', () => {
    expect(tripOf({ at: 10, completesAt: 10.5 })).toEqual({ at: 10, arrivesAt: 10 + LEG_SECONDS, answersAt: 10.5 + LEG_SECONDS, returnsAt: 10.5 + 2 * LEG_SECONDS })
    // A request no target answered still travels to the load balancer and back.
    expect(tripOf({ at: 3, completesAt: 3 }).returnsAt).toBeCloseTo(3 + 2 * LEG_SECONDS)
  })

  it('the outcome is hidden until the request reaches its target', () => {
    const lab = stickyLab()
    lab.request('alice')
    const now = lab.now()
    expect(arrivedHistory(lab.history(), now)).toEqual([])
    expect(lastArrived(lab.history(), now)).toBeUndefined()
    expect(inFlight(lab.history(), now)).toHaveLength(1)
    lab.advance(LEG_SECONDS)
    expect(arrivedHistory(lab.history(), lab.now())).toHaveLength(1)
    expect(hasArrived(lab.history()[0]!, lab.now())).toBe(true)
    expect(hasReturned(lab.history()[0]!, lab.now())).toBe(false)
  })

  it('cookies a response sets appear only when it is back in the browser', () => {
    const lab = stickyLab()
    lab.request('alice')
    expect(lab.cookies('alice').map((c) => c.name)).toContain('AWSALB')
    expect(shownCookies(lab.cookies('alice'), lab.history(), 'alice', lab.now()).map((c) => c.name)).not.toContain('AWSALB')
    lab.advance(tripOf(lab.history()[0]!).returnsAt - lab.now())
    const shown = shownCookies(lab.cookies('alice'), lab.history(), 'alice', lab.now())
    expect(shown.map((c) => c.name)).toContain('AWSALB')
    expect(shown.every((c) => !c.changing)).toBe(true)
  })

  it('a refreshed cookie keeps the value the browser sent until the response arrives', () => {
    const lab = stickyLab()
    lab.request('alice')
    lab.advance(5)
    const old = lab.cookies('alice').find((c) => c.name === 'AWSALB')!.value
    lab.request('alice')
    const shown = shownCookies(lab.cookies('alice'), lab.history(), 'alice', lab.now()).find((c) => c.name === 'AWSALB')!
    expect(shown.value).toBe(old)
    expect(shown.changing).toBe(true)
    expect(lab.cookies('alice').find((c) => c.name === 'AWSALB')!.value).not.toBe(old)
  })

  it('an exact millisecond clock reaches arrival and return despite float sums', () => {
    // 1.3 + 0.4 is 1.7000000000000002 in floating point; the clock reads 1.7 at that moment.
    expect(hasArrived({ at: 1.3 }, 1.7)).toBe(true)
    expect(hasReturned({ at: 1.3, completesAt: 1.35 }, 2.15)).toBe(true)
    expect(hasArrived({ at: 1.3 }, 1.699)).toBe(false)
  })
})
