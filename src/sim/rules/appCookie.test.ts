// Application-based stickiness (app_cookie): AWSALBAPP-0..3 next to the application's own cookie,
// both required, the shorter lifetime wins, failover moves the session for good, Chromium gets
// SameSite=None; Secure (reference §4, §5, §17.4).

import { describe, expect, it } from 'vitest'
import { formatHttpDate } from '../clock'
import { createLab } from '../index'
import type { Lab } from '../model/api'
import { shardCapacity, splitAppShards } from './albCookies'

function appLab(options: { cookieName?: string; duration?: number } = {}): Lab {
  const lab = createLab()
  const r = lab.modifyTargetGroupAttributes('web', {
    'stickiness.enabled': 'true',
    'stickiness.type': 'app_cookie',
    'stickiness.app_cookie.cookie_name': options.cookieName ?? 'SESSIONID',
    'stickiness.app_cookie.duration_seconds': String(options.duration ?? 86400),
  })
  expect(r).toEqual({ ok: true })
  return lab
}

const cookie = (lab: Lab, client: string, name: string) =>
  lab.cookies(client).find((c) => c.name === name)

describe('AWSALBAPP cookies on the wire', () => {
  it('writes all four shards: shard 0 holds the binding, unused shards are _remove_, 7-day Expires, Path=/', () => {
    const lab = appLab()
    lab.addClient('curl', { userAgent: 'other' })
    const r = lab.request('curl')
    const exp = formatHttpDate(7 * 86400)
    const v = cookie(lab, 'curl', 'AWSALBAPP-0')!.value
    expect(r.setCookie).toEqual([
      `AWSALBAPP-0=${v}; Expires=${exp}; Path=/`,
      `AWSALBAPP-1=_remove_; Expires=${exp}; Path=/`,
      `AWSALBAPP-2=_remove_; Expires=${exp}; Path=/`,
      `AWSALBAPP-3=_remove_; Expires=${exp}; Path=/`,
      'SESSIONID=sess-1; Path=/; HttpOnly',
    ])
    expect(lab.xray(v)).toEqual({
      kind: 'app_cookie',
      targetGroup: 'web',
      targetId: r.targetId,
      issuedAt: 0,
      durationSeconds: 86400,
    })
  })

  it('adds SameSite=None; Secure only for Chromium user agents', () => {
    const lab = appLab()
    lab.addClient('chrome', { userAgent: 'chromium' })
    const r = lab.request('chrome')
    for (const line of r.setCookie.slice(0, 4))
      expect(line).toMatch(/; Path=\/; SameSite=None; Secure$/)
    expect(cookie(lab, 'chrome', 'AWSALBAPP-0')).toMatchObject({ sameSite: 'None', secure: true })
    lab.addClient('firefox', { userAgent: 'other' })
    expect(
      lab
        .request('firefox')
        .setCookie.slice(0, 4)
        .every((l) => !l.includes('SameSite')),
    ).toBe(true)
  })

  it('does not use AWSALBCORS or AWSALB in app_cookie mode', () => {
    const r = appLab().request('alice')
    expect(r.setCookie.some((l) => /^AWSALB(CORS)?=/.test(l))).toBe(false)
  })

  it('Chromium over an HTTP listener: no SameSite/Secure (simulator convention), so the cookie still works', () => {
    const lab = appLab()
    lab.setListenerProtocol('HTTP')
    const first = lab.request('alice')
    expect(first.setCookie[0]).toMatch(/; Path=\/$/)
    expect(lab.request('alice').decision).toBe('sticky-hit')
  })
})

describe('sharding', () => {
  it('splits values larger than one shard into AWSALBAPP-0..3 and fills the rest with _remove_', () => {
    const cap = shardCapacity(0)
    expect(cap).toBe(4096 - 'AWSALBAPP-0'.length)
    expect(splitAppShards('abc')).toEqual(['abc', '_remove_', '_remove_', '_remove_'])
    const big = 'x'.repeat(cap + 10)
    const shards = splitAppShards(big)!
    expect(shards[0]!.length).toBe(cap)
    expect(shards[1]!.length).toBe(10)
    expect(shards.slice(2)).toEqual(['_remove_', '_remove_'])
    expect(shards.join('').replace(/_remove_/g, '')).toBe(big)
    expect(splitAppShards('y'.repeat(cap * 4))!.every((s) => s.length === cap)).toBe(true)
    expect(splitAppShards('y'.repeat(cap * 4 + 1))).toBeNull()
    expect(splitAppShards(null)).toEqual(['_remove_', '_remove_', '_remove_', '_remove_'])
  })

  it('every shard fits the browser 4096-byte limit', () => {
    for (const [i, s] of splitAppShards('z'.repeat(16000))!.entries())
      expect(`AWSALBAPP-${i}`.length + s.length).toBeLessThanOrEqual(4096)
  })
})

describe('routing with AWSALBAPP', () => {
  it('binds once the application sets its cookie, then stays', () => {
    const lab = appLab()
    const first = lab.request('alice')
    expect(first.decision).toBe('sticky-miss-no-cookie')
    expect(first.explanation).toMatch(
      /because i-\d set SESSIONID the response sets AWSALBAPP-0 naming it/,
    )
    for (let i = 0; i < 5; i++) {
      const r = lab.request('alice')
      expect(r.decision).toBe('sticky-hit')
      expect(r.targetId).toBe(first.targetId)
      expect(r.session).toMatchObject({ id: first.session!.id, lost: false })
    }
  })

  it('both cookies are required: without the application cookie the request is re-balanced', () => {
    const lab = appLab()
    const first = lab.request('alice')
    lab.deleteCookie('alice', 'SESSIONID')
    const r = lab.request('alice')
    expect(r.decision).toBe('sticky-miss-no-app-cookie')
    expect(r.sticky).toBe(false)
    expect(r.targetId).not.toBe(first.targetId)
    expect(r.explanation).toMatch(/carries no SESSIONID cookie, and both are required/)
  })

  it('without AWSALBAPP the application cookie alone does nothing', () => {
    const lab = appLab()
    lab.request('alice')
    for (const n of ['AWSALBAPP-0', 'AWSALBAPP-1', 'AWSALBAPP-2', 'AWSALBAPP-3'])
      lab.deleteCookie('alice', n)
    expect(lab.request('alice').decision).toBe('sticky-miss-no-cookie')
  })

  it('a tampered AWSALBAPP-0 is non-sticky and rewritten', () => {
    const lab = appLab()
    lab.request('alice')
    lab.setCookie('alice', 'AWSALBAPP-0', 'AAAAAAAAAA')
    const r = lab.request('alice')
    expect(r.decision).toBe('sticky-miss-invalid')
    expect(lab.xray(cookie(lab, 'alice', 'AWSALBAPP-0')!.value)!.targetId).toBe(r.targetId)
  })

  it('the app_cookie duration is a sliding idle window checked at arrival (current setting)', () => {
    const lab = appLab({ duration: 60 })
    const t = lab.request('alice').targetId
    lab.advance(60)
    expect(lab.request('alice')).toMatchObject({ decision: 'sticky-hit', targetId: t })
    lab.advance(61)
    expect(lab.request('alice').decision).toBe('sticky-miss-expired')
    lab.advance(5)
    lab.modifyTargetGroupAttributes('web', { 'stickiness.app_cookie.duration_seconds': '1' })
    expect(lab.request('alice').decision).toBe('sticky-miss-expired')
  })

  it('app cookie Max-Age shorter than the ALB duration: effective stickiness is the shorter one', () => {
    const lab = appLab({ duration: 60 })
    lab.configureApp({ sessionCookie: { name: 'SESSIONID', maxAgeSeconds: 20 } })
    const first = lab.request('alice')
    expect(first.setCookie.at(-1)).toBe(
      `SESSIONID=${first.session!.id}; Max-Age=20; Path=/; HttpOnly`,
    )
    lab.advance(20)
    expect(lab.request('alice').decision).toBe('sticky-hit') // Max-Age is rolling too
    lab.advance(21)
    expect(cookie(lab, 'alice', 'SESSIONID')).toBeUndefined() // the browser dropped it
    const r = lab.request('alice')
    expect(r.decision).toBe('sticky-miss-no-app-cookie')
    expect(r.targetId).not.toBe(first.targetId)
  })

  it('ALB duration shorter than the app cookie: the ALB duration wins', () => {
    const lab = appLab({ duration: 20 })
    lab.configureApp({ sessionCookie: { name: 'SESSIONID', maxAgeSeconds: 60 } })
    lab.request('alice')
    lab.advance(21)
    expect(lab.request('alice').decision).toBe('sticky-miss-expired')
  })

  it('a cookie-name mismatch means stickiness never starts (teaching case)', () => {
    const lab = appLab({ cookieName: 'JSESSIONID' })
    const targets = new Set<string | null>()
    for (let i = 0; i < 3; i++) {
      const r = lab.request('alice')
      expect(r.decision).toBe('sticky-miss-no-cookie')
      expect(
        r.setCookie
          .slice(0, 4)
          .every((l) => l.startsWith('AWSALBAPP-') && l.includes('=_remove_;')),
      ).toBe(true)
      expect(r.explanation).toMatch(
        /application sets SESSIONID but the target group waits for JSESSIONID/,
      )
      targets.add(r.targetId)
    }
    expect(targets.size).toBe(3)
  })

  it('a stateless application (no cookie) gets _remove_ shards and no stickiness', () => {
    const lab = appLab()
    lab.configureApp({ sessionCookie: null })
    const r = lab.request('alice')
    expect(r.setCookie.every((l) => l.includes('=_remove_;'))).toBe(true)
    expect(r.session).toBeUndefined()
    expect(lab.request('alice').decision).toBe('sticky-miss-no-cookie')
  })

  it('§17.4 convention: a valid binding is refreshed even if the response sets no application cookie', () => {
    const lab = appLab({ duration: 30 })
    const t = lab.request('alice').targetId
    lab.configureApp({ sessionCookie: null }) // new deploy stops setting the cookie; the browser keeps it
    lab.advance(20)
    const r = lab.request('alice')
    expect(r).toMatchObject({ decision: 'sticky-hit', targetId: t })
    expect(r.setCookie[0]).not.toMatch(/_remove_/)
    lab.advance(20) // 40 s after the first response but only 20 s after the refresh
    expect(lab.request('alice')).toMatchObject({ decision: 'sticky-hit', targetId: t })
  })

  it('failover moves the session for good: it stays on the new target after the old one recovers', () => {
    const lab = appLab()
    const first = lab.request('alice', { path: '/cart/add' })
    const old = first.targetId!
    lab.setHealthCheckFailing(old, true)
    lab.advance(60)
    const moved = lab.request('alice')
    expect(moved.decision).toBe('sticky-miss-unhealthy')
    expect(moved.targetId).not.toBe(old)
    expect(moved.session).toMatchObject({ lost: true, items: 0 })
    lab.setHealthCheckFailing(old, false)
    lab.advance(300)
    const later = lab.request('alice')
    expect(later).toMatchObject({ decision: 'sticky-hit', targetId: moved.targetId })
    expect(later.session).toMatchObject({ id: moved.session!.id, lost: false })
  })

  it('does not work with weighted target groups: ignored, no AWSALBAPP written, not counted as non-sticky', () => {
    const lab = createLab()
    lab.createTargetGroup('green', { targets: 2 })
    lab.setForward({
      targetGroups: [
        { name: 'web', weight: 1 },
        { name: 'green', weight: 1 },
      ],
      stickiness: { enabled: true, durationSeconds: 3600 },
    })
    lab.modifyTargetGroupAttributes('web', {
      'stickiness.enabled': 'true',
      'stickiness.type': 'app_cookie',
      'stickiness.app_cookie.cookie_name': 'SESSIONID',
    })
    lab.modifyTargetGroupAttributes('green', {
      'stickiness.enabled': 'true',
      'stickiness.type': 'app_cookie',
      'stickiness.app_cookie.cookie_name': 'SESSIONID',
    })
    lab.advance(30)
    const r = lab.request('alice')
    expect(r.decision).toBe('app-cookie-ignored-weighted')
    expect(r.setCookie.some((l) => l.startsWith('AWSALBAPP'))).toBe(false)
    expect(r.setCookie[0]).toMatch(/^AWSALBTG=/)
    expect(lab.metrics().NonStickyRequestCount).toBe(0)
  })

  it('NonStickyRequestCount counts every request not routed by a binding', () => {
    const lab = appLab()
    lab.request('a')
    lab.request('a')
    lab.request('b')
    expect(lab.metrics().NonStickyRequestCount).toBe(2)
  })
})
