// CORS preflight (issue 19, item 4): the OPTIONS a browser sends before a non-simple cross-site request carries no
// cookies, is balanced on its own and counts as non-sticky; the request itself still sticks with credentials.
import { describe, expect, it } from 'vitest'
import { createLab } from '../index'

function corsLab() {
  const lab = createLab({ seed: 11 })
  lab.setListenerProtocol('HTTPS')
  lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
  return lab
}
const CORS = { crossSite: true, credentials: 'include', preflight: true } as const

describe('CORS preflight', () => {
  it('each non-simple request is preceded by an OPTIONS without cookies that is balanced freely', () => {
    const lab = corsLab()
    lab.request('alice', { crossSite: true, credentials: 'include' })
    const bound = lab.request('alice', { crossSite: true, credentials: 'include' })
    expect(bound.sticky).toBe(true)
    const before = lab.metrics().NonStickyRequestCount!
    const main = [1, 2, 3].map(() => lab.request('alice', { ...CORS, path: '/api' }))
    expect(main.every((r) => r.sticky && r.targetId === bound.targetId)).toBe(true)
    const options = lab.history().filter((r) => r.method === 'OPTIONS')
    expect(options).toHaveLength(3)
    for (const o of options) {
      expect(o.requestCookieHeader).toBe('')
      expect(o.path).toBe('/api')
      expect(o.sticky).toBe(false)
      expect(o.facts).toMatchObject({
        route: { why: { code: 'sticky-miss-no-cookie', reason: 'preflight' } },
      })
      expect(o.explanation).toContain('CORS preflight (OPTIONS)')
      expect(o.setCookie.length).toBeGreaterThan(0) // the ALB answers with cookies …
      expect(o.blockedCookies?.every((b) => b.reason === 'credentials-not-included')).toBe(true) // … not stored
    }
    // Round robin: the preflights do not all land on the bound target.
    expect(options.some((o) => o.targetId !== bound.targetId)).toBe(true)
    // Each preflight was a new pick while stickiness was on.
    expect(lab.metrics().NonStickyRequestCount! - before).toBe(3)
    // The OPTIONS comes right before its request in history.
    const h = lab.history()
    expect(h[h.length - 2]!.method).toBe('OPTIONS')
    expect(h[h.length - 1]!.method).toBeUndefined()
  })

  it('without credentials the request itself carries no cookies either; the preflight never changes the jar', () => {
    const lab = corsLab()
    lab.request('alice', { crossSite: true, credentials: 'include' })
    const jar = lab.cookies('alice')
    const r = lab.request('alice', { crossSite: true, credentials: 'omit', preflight: true })
    expect(r.sticky).toBe(false)
    expect(r.requestCookieHeader).toBe('')
    expect(lab.cookies('alice')).toEqual(jar)
  })

  it('is refused without crossSite and on load balancers other than an ALB', () => {
    const lab = corsLab()
    expect(() => lab.request('alice', { preflight: true })).toThrow(/crossSite/)
    lab.setLoadBalancerType('classic')
    expect(() => lab.request('alice', { crossSite: true, preflight: true })).toThrow(
      /Application Load Balancer/,
    )
  })

  it('an OPTIONS to a cart path adds nothing to the cart', () => {
    const lab = corsLab()
    lab.configureApp({ sessionCookie: { name: 'SESSIONID' } })
    lab.request('alice', { ...CORS, path: '/cart/add' })
    const [pre, main] = lab.history()
    expect(pre!.method).toBe('OPTIONS')
    expect(pre!.session?.items ?? 0).toBe(0)
    expect(main!.session?.items).toBe(1)
  })
})
