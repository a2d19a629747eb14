// Duration-based stickiness (lb_cookie): AWSALB + AWSALBCORS on every response, 7-day Expires,
// the configured duration enforced as a sliding idle window inside the value, and every way a
// cookie stops being usable (reference §3, §5, §7, §11).

import { describe, expect, it } from 'vitest'
import { formatHttpDate } from '../clock'
import { createLab } from '../index'
import type { Lab } from '../model/api'

function stickyLab(duration = 20, seed = 1): Lab {
  const lab = createLab({ seed })
  const r = lab.modifyTargetGroupAttributes('web', {
    'stickiness.enabled': 'true',
    'stickiness.type': 'lb_cookie',
    'stickiness.lb_cookie.duration_seconds': String(duration),
  })
  expect(r.ok).toBe(true)
  return lab
}

const cookie = (lab: Lab, client: string, name: string) =>
  lab.cookies(client).find((c) => c.name === name)

describe('AWSALB and AWSALBCORS on the wire', () => {
  it('sets both with the same value, Expires = response time + exactly 7 days, Path=/', () => {
    const lab = stickyLab()
    lab.advance(10)
    const r = lab.request('alice')
    const exp = formatHttpDate(10 + 7 * 86400)
    expect(exp).toBe('Wed, 08 Jan 2025 00:00:10 GMT')
    const [albLine, corsLine] = r.setCookie
    const value = cookie(lab, 'alice', 'AWSALB')!.value
    expect(albLine).toBe(`AWSALB=${value}; Expires=${exp}; Path=/`)
    expect(corsLine).toBe(`AWSALBCORS=${value}; Expires=${exp}; Path=/; SameSite=None; Secure`)
  })

  it('over an HTTP listener AWSALBCORS has SameSite=None without Secure (and the browser rejects it)', () => {
    const lab = stickyLab()
    lab.setListenerProtocol('HTTP')
    const r = lab.request('alice')
    expect(r.setCookie[1]).toMatch(/^AWSALBCORS=[^;]+; Expires=[^;]+; Path=\/; SameSite=None$/)
    expect(lab.cookies('alice').map((c) => c.name)).toEqual(['AWSALB', 'SESSIONID'])
    expect(r.blockedCookies).toEqual([
      { name: 'AWSALBCORS', reason: 'samesite-none-without-secure' },
    ])
  })

  it('stores AWSALB as a plain cookie and AWSALBCORS as SameSite=None; Secure, both expiring in 7 days', () => {
    const lab = stickyLab()
    lab.request('alice')
    expect(cookie(lab, 'alice', 'AWSALB')).toMatchObject({
      path: '/',
      expiresAt: 604800,
      secure: false,
      httpOnly: false,
    })
    expect(cookie(lab, 'alice', 'AWSALB')!.sameSite).toBeUndefined()
    expect(cookie(lab, 'alice', 'AWSALBCORS')).toMatchObject({
      path: '/',
      expiresAt: 604800,
      secure: true,
      httpOnly: false,
      sameSite: 'None',
    })
  })

  it('values are opaque base64 and change on every response', () => {
    const lab = stickyLab()
    const seen = new Set<string>()
    for (let i = 0; i < 50; i++) {
      lab.request('alice')
      const v = cookie(lab, 'alice', 'AWSALB')!.value
      expect(v).toMatch(/^[A-Za-z0-9+/]+={1,2}$/)
      seen.add(v)
    }
    expect(seen.size).toBe(50)
  })

  it('no stickiness cookies when stickiness is off', () => {
    const r = createLab().request('alice')
    expect(r.setCookie.some((l) => l.startsWith('AWSALB'))).toBe(false)
  })

  it('Expires slides with every response while the visible lifetime stays 7 days', () => {
    const lab = stickyLab(20)
    lab.request('alice')
    lab.advance(15)
    lab.request('alice')
    expect(cookie(lab, 'alice', 'AWSALB')!.expiresAt).toBe(15 + 604800)
  })
})

describe('routing with AWSALB', () => {
  it('first request picks by algorithm and sets the cookie; later requests stay', () => {
    const lab = stickyLab()
    const first = lab.request('alice')
    expect(first.decision).toBe('sticky-miss-no-cookie')
    expect(first.sticky).toBe(false)
    for (let i = 0; i < 10; i++) {
      const r = lab.request('alice')
      expect(r.decision).toBe('sticky-hit')
      expect(r.sticky).toBe(true)
      expect(r.targetId).toBe(first.targetId)
    }
  })

  it('explains a hit in one sentence', () => {
    const lab = stickyLab(20)
    const t = lab.request('alice').targetId
    expect(lab.request('alice').explanation).toBe(
      `AWSALB names ${t}, which is healthy, and the 20 s idle window has not lapsed, so the request stays on ${t}.`,
    )
  })

  it('sends the cookies back in the Cookie header', () => {
    const lab = stickyLab()
    lab.request('alice')
    const v = cookie(lab, 'alice', 'AWSALB')!.value
    const r = lab.request('alice')
    expect(r.requestCookieHeader).toContain(`AWSALB=${v}`)
    expect(r.requestCookieHeader).toContain(`AWSALBCORS=${v}`)
  })

  it('the idle window slides: requests every 15 s keep a 20 s binding forever', () => {
    const lab = stickyLab(20)
    const t = lab.request('alice').targetId
    for (let i = 0; i < 20; i++) {
      lab.advance(15)
      const r = lab.request('alice')
      expect(r.decision).toBe('sticky-hit')
      expect(r.targetId).toBe(t)
    }
  })

  it('boundary: idle exactly the duration is still sticky; one ms more is expired', () => {
    const a = stickyLab(20)
    a.request('alice')
    a.advance(20)
    expect(a.request('alice').decision).toBe('sticky-hit')
    const b = stickyLab(20)
    b.request('alice')
    b.advance(20.001)
    const r = b.request('alice')
    expect(r.decision).toBe('sticky-miss-expired')
    expect(r.sticky).toBe(false)
  })

  it('after idling past the duration the next request is re-balanced and gets a fresh cookie', () => {
    const lab = stickyLab(20)
    const first = lab.request('alice')
    lab.advance(25)
    const r = lab.request('alice')
    expect(r.decision).toBe('sticky-miss-expired')
    expect(r.targetId).not.toBe(first.targetId) // round robin moved on
    expect(r.explanation).toMatch(
      /last refreshed 25 s ago, longer than the 20 s stickiness duration/,
    )
    expect(lab.xray(cookie(lab, 'alice', 'AWSALB')!.value)).toMatchObject({
      targetId: r.targetId,
      issuedAt: 25,
    })
    expect(lab.request('alice').decision).toBe('sticky-hit')
  })

  it('the duration is checked against the CURRENT configuration when the request arrives', () => {
    const lab = stickyLab(3600)
    lab.request('alice')
    lab.advance(10)
    lab.modifyTargetGroupAttributes('web', { 'stickiness.lb_cookie.duration_seconds': '1' })
    expect(lab.request('alice').decision).toBe('sticky-miss-expired')
  })

  it('the browser keeps a stale cookie (7-day Expires) and still sends it', () => {
    const lab = stickyLab(20)
    lab.request('alice')
    lab.advance(3600)
    expect(cookie(lab, 'alice', 'AWSALB')).toBeDefined()
    expect(lab.request('alice').requestCookieHeader).toContain('AWSALB=')
  })

  it('after 7 days idle the browser has dropped the cookies', () => {
    const lab = stickyLab(604800)
    lab.request('alice')
    lab.advance(604800)
    expect(cookie(lab, 'alice', 'AWSALB')).toBeDefined() // exactly at Expires: not yet past it
    lab.advance(1)
    expect(cookie(lab, 'alice', 'AWSALB')).toBeUndefined()
    expect(lab.request('alice').decision).toBe('sticky-miss-no-cookie')
  })

  it('deleted cookies: new pick by algorithm and a new cookie', () => {
    const lab = stickyLab()
    const first = lab.request('alice')
    lab.clearCookies('alice')
    const r = lab.request('alice')
    expect(r.decision).toBe('sticky-miss-no-cookie')
    expect(r.requestCookieHeader).toBe('')
    expect(r.targetId).not.toBe(first.targetId)
    expect(r.setCookie[0]).toMatch(/^AWSALB=/)
  })

  it('AWSALBCORS alone is honoured (AWSALB deleted)', () => {
    const lab = stickyLab()
    const first = lab.request('alice')
    lab.deleteCookie('alice', 'AWSALB')
    const r = lab.request('alice')
    expect(r.decision).toBe('sticky-hit')
    expect(r.targetId).toBe(first.targetId)
    expect(r.explanation).toMatch(/^AWSALBCORS names/)
  })

  it.each([
    [
      'tampered',
      (v: string) =>
        v[5] === 'A' ? v.slice(0, 5) + 'B' + v.slice(6) : v.slice(0, 5) + 'A' + v.slice(6),
    ],
    ['URL-encoded', (v: string) => encodeURIComponent(v)],
    ['truncated', (v: string) => v.slice(0, 20)],
    ['garbage', () => 'hello'],
    ['empty', () => ''],
  ])('%s AWSALB: non-sticky, re-picked and rewritten (AWSALB decides when present)', (_, edit) => {
    const lab = stickyLab()
    lab.request('alice')
    const v = cookie(lab, 'alice', 'AWSALB')!.value
    lab.setCookie('alice', 'AWSALB', edit(v))
    const r = lab.request('alice')
    expect(r.decision).toBe('sticky-miss-invalid')
    expect(r.sticky).toBe(false)
    expect(r.setCookie[0]).toMatch(/^AWSALB=/)
    expect(lab.xray(cookie(lab, 'alice', 'AWSALB')!.value)).toMatchObject({ targetId: r.targetId })
    expect(lab.request('alice').decision).toBe('sticky-hit')
  })

  it('percent-encoding always changes the value (it ends in "==")', () => {
    const lab = stickyLab()
    lab.request('alice')
    const v = cookie(lab, 'alice', 'AWSALB')!.value
    expect(encodeURIComponent(v)).not.toBe(v)
  })

  it('a cookie from another lab (different secret) is undecodable', () => {
    const other = stickyLab(20, 999)
    other.request('bob')
    const foreign = other.cookies('bob').find((c) => c.name === 'AWSALB')!.value
    const lab = stickyLab(20, 1)
    lab.setCookie('alice', 'AWSALB', foreign)
    expect(lab.request('alice').decision).toBe('sticky-miss-invalid')
  })

  it('a cookie naming a target that is not registered in this group is non-sticky (foreign)', () => {
    const lab = stickyLab()
    lab.createTargetGroup('green', { targets: 1 })
    lab.modifyTargetGroupAttributes('green', { 'stickiness.enabled': 'true' })
    // Bind alice inside "green", then switch the listener back to "web".
    lab.setForward({ targetGroups: [{ name: 'green', weight: 1 }] })
    lab.advance(30)
    expect(lab.request('alice').targetGroup).toBe('green')
    lab.setForward({ targetGroups: [{ name: 'web', weight: 1 }] })
    const r = lab.request('alice')
    expect(r.decision).toBe('sticky-miss-foreign-target')
    expect(r.explanation).toMatch(/binding for target group green, not web/)
    expect(lab.metrics().NonStickyRequestCount).toBe(2)
  })

  it('an app-cookie value pasted into AWSALB is not accepted as a duration cookie', () => {
    const lab = createLab()
    lab.modifyTargetGroupAttributes('web', {
      'stickiness.enabled': 'true',
      'stickiness.type': 'app_cookie',
      'stickiness.app_cookie.cookie_name': 'SESSIONID',
    })
    lab.request('alice')
    const appValue = lab.cookies('alice').find((c) => c.name === 'AWSALBAPP-0')!.value
    lab.modifyTargetGroupAttributes('web', { 'stickiness.type': 'lb_cookie' })
    lab.setCookie('alice', 'AWSALB', appValue)
    expect(lab.request('alice').decision).toBe('sticky-miss-invalid')
  })

  it('cookies disabled: every request is non-sticky and counted', () => {
    const lab = stickyLab()
    lab.addClient('bot', { cookiesEnabled: false })
    const targets = new Set<string | null>()
    for (let i = 0; i < 6; i++) {
      const r = lab.request('bot')
      expect(r.decision).toBe('sticky-miss-no-cookie')
      expect(r.requestCookieHeader).toBe('')
      expect(r.explanation).toMatch(/cookies disabled/)
      targets.add(r.targetId)
    }
    expect(targets.size).toBe(3)
    expect(lab.cookies('bot')).toEqual([])
    expect(lab.metrics().NonStickyRequestCount).toBe(6)
  })

  it('turning stickiness off ignores existing cookies and stops setting new ones', () => {
    const lab = stickyLab()
    lab.request('alice')
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'false' })
    const r = lab.request('alice')
    expect(r.decision).toBe('round-robin')
    expect(r.setCookie.every((l) => !l.startsWith('AWSALB'))).toBe(true)
  })
})

describe('failure handling', () => {
  it('bound target unhealthy: re-picked, cookie rewritten, stays on the new target after recovery', () => {
    const lab = stickyLab(3600)
    const first = lab.request('alice').targetId!
    lab.setHealthCheckFailing(first, true)
    lab.advance(60) // 2 failed checks → unhealthy
    const r = lab.request('alice')
    expect(r.decision).toBe('sticky-miss-unhealthy')
    expect(r.targetId).not.toBe(first)
    lab.setHealthCheckFailing(first, false)
    lab.advance(150) // 5 passing checks → healthy again
    expect(lab.targetGroups()[0]!.targets.find((t) => t.id === first)!.health.state).toBe('healthy')
    const after = lab.request('alice')
    expect(after.decision).toBe('sticky-hit')
    expect(after.targetId).toBe(r.targetId)
  })

  it('bound target deregistered (draining): re-picked immediately', () => {
    const lab = stickyLab(3600)
    const first = lab.request('alice').targetId!
    lab.deregisterTargets('web', [first])
    const r = lab.request('alice')
    expect(r.decision).toBe('sticky-miss-deregistered')
    expect(r.targetId).not.toBe(first)
    expect(r.explanation).toMatch(/deregistered from web \(draining\)/)
  })

  it('bound target removed after the deregistration delay: still a deregistered miss', () => {
    const lab = stickyLab(3600)
    const first = lab.request('alice').targetId!
    lab.modifyTargetGroupAttributes('web', { 'deregistration_delay.timeout_seconds': '0' })
    lab.deregisterTargets('web', [first])
    expect(lab.request('alice').decision).toBe('sticky-miss-deregistered')
  })

  it('stopped bound target: unused at once (Target.InvalidState), so the next request is re-routed, no 502', () => {
    const lab = stickyLab(3600)
    const first = lab.request('alice').targetId!
    const before = lab.cookies('alice').find((c) => c.name === 'AWSALB')!.value
    lab.stopInstance(first)
    const r = lab.request('alice')
    expect(r.status).toBe(200)
    expect(r.decision).toBe('sticky-miss-unhealthy')
    expect(r.explanation).toContain('Target.InvalidState')
    expect(r.targetId).not.toBe(first)
    expect(lab.cookies('alice').find((c) => c.name === 'AWSALB')!.value).not.toBe(before)
    // The new binding holds from now on.
    expect(lab.request('alice')).toMatchObject({ decision: 'sticky-hit', targetId: r.targetId })
    expect(lab.metrics()).toMatchObject({ HTTPCode_ELB_5XX_Count: 0, HTTPCode_ELB_502_Count: 0 })
  })
})
