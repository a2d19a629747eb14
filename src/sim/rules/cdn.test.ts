// CloudFront in front of the ALB (issue 19 item 2): the origin request policy's cookie behaviour decides which of
// the browser's cookies reach the load balancer; Set-Cookie lines still reach the browser.
import { describe, expect, it } from 'vitest'
import { createLab, replayLab, restoreLab, validateCommand } from '../index'
import type { Lab } from '../model/api'

function stickyLab(seed = 1): Lab {
  const lab = createLab({ seed })
  lab.modifyTargetGroupAttributes('web', {
    'stickiness.enabled': 'true',
    'stickiness.type': 'lb_cookie',
  })
  return lab
}

const targets = (lab: Lab, n: number): string[] =>
  Array.from({ length: n }, () => lab.request('alice').targetId!)

describe('CloudFront cookie behaviour in front of a sticky ALB', () => {
  it("with 'none' the ALB never sees AWSALB: every request is a new pick, the CDN is named as the cause", () => {
    const lab = stickyLab()
    expect(lab.setCdn({ enabled: true, cookies: 'none' })).toEqual({ ok: true })
    lab.request('alice')
    const r = lab.request('alice')
    // The browser holds and sends AWSALB (the Set-Cookie reached it) …
    expect(lab.cookies('alice').map((c) => c.name)).toContain('AWSALB')
    expect(r.requestCookieHeader).toMatch(/^AWSALB=/)
    // … but the load balancer decided as if there were no cookie.
    expect(r.sticky).toBe(false)
    expect(r.decision).toBe('sticky-miss-no-cookie')
    // The application's own session cookie (SESSIONID) stops there too.
    expect(r.facts?.family === 'alb' && r.facts.cdn?.withheld).toEqual([
      'AWSALB',
      'AWSALBCORS',
      'SESSIONID',
    ])
    expect(r.explanation).toContain(
      "the browser's AWSALB cookie never reached the load balancer (CloudFront in front kept it back)",
    )
    expect(r.explanation).toContain('CookieBehavior none')
    expect(new Set(targets(lab, 12)).size).toBeGreaterThan(1)
  })

  it('an allowlist without AWSALB breaks stickiness; one with AWSALB keeps it', () => {
    const lab = stickyLab()
    lab.setCdn({ enabled: true, cookies: 'whitelist', names: ['session'] })
    lab.request('alice')
    const miss = lab.request('alice')
    expect(miss.decision).toBe('sticky-miss-no-cookie')
    expect(miss.explanation).toContain('forwards only session to the load balancer')

    lab.setCdn({ enabled: true, cookies: 'whitelist', names: ['AWSALB'] })
    const first = lab.request('alice').targetId
    expect(new Set(targets(lab, 8))).toEqual(new Set([first]))
    const hit = lab.request('alice')
    expect(hit.decision).toBe('sticky-hit')
    // AWSALBCORS is not on the list, so it still stops at the CDN (and the sentence says so).
    expect(hit.facts?.family === 'alb' && hit.facts.cdn?.withheld).toEqual([
      'AWSALBCORS',
      'SESSIONID',
    ])
  })

  it("with 'all' (or no CDN) stickiness works as without CloudFront", () => {
    const lab = stickyLab()
    lab.setCdn({ enabled: true, cookies: 'all' })
    const first = lab.request('alice').targetId
    expect(new Set(targets(lab, 8))).toEqual(new Set([first]))
    expect(lab.cdn()).toEqual({ cookies: 'all', names: [] })
    lab.setCdn({ enabled: false })
    expect(lab.cdn()).toBeNull()
  })

  it('application-based stickiness behind CloudFront needs both AWSALBAPP-0 and the app cookie on the list', () => {
    const lab = createLab({ seed: 2 })
    lab.configureApp({ sessionCookie: { name: 'shop' } })
    lab.modifyTargetGroupAttributes('web', {
      'stickiness.enabled': 'true',
      'stickiness.type': 'app_cookie',
      'stickiness.app_cookie.cookie_name': 'shop',
    })
    lab.setCdn({ enabled: true, cookies: 'whitelist', names: ['AWSALBAPP-0'] })
    lab.request('alice')
    const r = lab.request('alice')
    expect(r.decision).toBe('sticky-miss-no-app-cookie')
    expect(r.explanation).toContain('CloudFront in front forwards only AWSALBAPP-0')
    lab.setCdn({ enabled: true, cookies: 'whitelist', names: ['AWSALBAPP-0', 'shop'] })
    lab.request('alice')
    expect(lab.request('alice').decision).toBe('sticky-hit')
  })
})

describe('setCdn checks', () => {
  it('refuses a whitelist without names, names with other behaviours and more than 10 names, naming the field', () => {
    const lab = stickyLab()
    const empty = lab.setCdn({ enabled: true, cookies: 'whitelist' })
    expect(empty).toMatchObject({ ok: false, code: 'InvalidArgument', field: 'Cookies' })
    expect(lab.setCdn({ enabled: true, cookies: 'none', names: ['a'] })).toMatchObject({
      ok: false,
      field: 'Cookies',
    })
    const many = Array.from({ length: 11 }, (_, i) => `c${i}`)
    expect(lab.setCdn({ enabled: true, cookies: 'whitelist', names: many })).toMatchObject({
      ok: false,
      code: 'TooManyCookiesInOriginRequestPolicy',
    })
    expect(lab.setCdn({ enabled: true, cookies: 'some' as 'all' })).toMatchObject({
      ok: false,
      field: 'CookieBehavior',
    })
    expect(lab.setCdn({ enabled: true, cookies: 'whitelist', names: ['bad name'] })).toMatchObject({
      ok: false,
    })
    expect(lab.cdn()).toBeNull()
  })

  it('is modelled in front of the ALB only, and switching the load balancer type removes it', () => {
    const lab = stickyLab()
    lab.setCdn({ enabled: true, cookies: 'none' })
    lab.setLoadBalancerType('network')
    expect(lab.cdn()).toBeNull()
    expect(() => lab.setCdn({ enabled: true, cookies: 'none' })).toThrow(TypeError)
  })

  it('validateCommand answers as the call does, changing nothing', () => {
    const lab = stickyLab()
    expect(
      validateCommand(lab, { call: 'setCdn', args: [{ enabled: true, cookies: 'whitelist' }] }),
    ).toMatchObject({
      ok: false,
      field: 'Cookies',
    })
    expect(
      validateCommand(lab, { call: 'setCdn', args: [{ enabled: true, cookies: 'none' }] }),
    ).toEqual({ ok: true })
    expect(lab.cdn()).toBeNull()
  })
})

describe('determinism and saved labs', () => {
  it('replays and restores byte-identically; a lab without a CDN has no cdn key in its snapshot', () => {
    const lab = stickyLab(7)
    expect(JSON.stringify(lab.snapshot())).not.toContain('"cdn"')
    lab.setCdn({ enabled: true, cookies: 'whitelist', names: ['AWSALB', 'session'] })
    for (let i = 0; i < 5; i++) lab.request('alice')
    const replayed = replayLab(7, lab.log())
    expect(JSON.stringify(replayed.snapshot())).toBe(JSON.stringify(lab.snapshot()))
    const restored = restoreLab(lab.snapshot())
    expect(restored.cdn()).toEqual({ cookies: 'whitelist', names: ['AWSALB', 'session'] })
    expect(restored.request('alice').decision).toBe(lab.request('alice').decision)
  })
})
