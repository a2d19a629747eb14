// The chips beside a browser: a cookie appears when the response that set it is back (not when the core
// decided), the chips say until when they hold, an AWSALB whose binding lapsed is marked expired, and a
// cross-site request withholds the cookies that are not SameSite=None.
import { describe, expect, it } from 'vitest'
import { createLab } from '../sim'
import { tripOf } from './reveal'
import { chipsOf, shortValue } from './stageCookies'

function stickyLab(duration = 20) {
  const lab = createLab({ seed: 1 })
  lab.addClient('alice')
  lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie', 'stickiness.lb_cookie.duration_seconds': String(duration) })
  return lab
}

describe('chipsOf', () => {
  it('shows a cookie only once the response carrying it is back, and says when that will be', () => {
    const lab = stickyLab()
    const r = lab.request('alice')
    const back = tripOf(r).returnsAt
    lab.advance(back - 0.01)
    const before = chipsOf(lab, 'alice')
    expect(before.chips).toEqual([])
    expect(before.until).toBeCloseTo(back, 6)
    lab.advance(0.01)
    expect(chipsOf(lab, 'alice').chips.map((c) => c.name)).toEqual(['AWSALB', 'AWSALBCORS', 'SESSIONID'])
  })

  it('marks AWSALB expired once its 20 s binding lapses, though the cookie lives on', () => {
    const lab = stickyLab(20)
    lab.request('alice')
    lab.advance(2)
    const fresh = chipsOf(lab, 'alice')
    expect(fresh.chips.find((c) => c.name === 'AWSALB')!.expired).toBeNull()
    // The next change the chips wait for is the binding's end.
    expect(fresh.until).toBeGreaterThan(lab.now())
    lab.advance(fresh.until - lab.now())
    const awsalb = chipsOf(lab, 'alice').chips.find((c) => c.name === 'AWSALB')!
    expect(awsalb.expired).toMatch(/^the stickiness it carries lapsed/)
    expect(chipsOf(lab, 'alice').chips.find((c) => c.name === 'SESSIONID')!.expired).toBeNull()
  })

  it('after a cross-site request, only SameSite=None cookies are sent', () => {
    const lab = stickyLab()
    lab.request('alice')
    lab.advance(2)
    lab.request('alice', { crossSite: true, credentials: 'include' })
    lab.advance(2)
    const chips = chipsOf(lab, 'alice').chips
    expect(chips.find((c) => c.name === 'AWSALB')!.withheld).toMatch(/no SameSite attribute, so the browser treats it as Lax/)
    expect(chips.find((c) => c.name === 'AWSALBCORS')!.withheld).toBeNull()
  })

  it('an unknown browser has no chips; long values are shortened in the middle', () => {
    expect(chipsOf(createLab({ seed: 1 }), 'nobody')).toEqual({ chips: [], until: Infinity })
    expect(shortValue('a'.repeat(10))).toBe('a'.repeat(10))
    expect(shortValue('abcdefghijklmnopqrstuvwxyz0123456789')).toBe('abcdefghijklm…xyz0123456789')
  })
})
