// The browser model: host-only cookies, Path, Expires/Max-Age eviction, Secure, SameSite (Lax by
// default), cross-site requests with and without credentials, cookies disabled, 4096-byte limit,
// DevTools-style editing (reference §11).

import { describe, expect, it } from 'vitest'
import { createLab } from './index'
import type { Lab } from './model/api'
import { cookieHeader, cookiesToSend, fitsCookieLimit, pathMatches } from './cookieJar'
import type { ClientState } from './model/world'
import { asClientId } from './model/ids'

function stickyLab(): Lab {
  const lab = createLab()
  lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
  return lab
}

describe('path matching and ordering', () => {
  it.each([
    ['/', '/', true],
    ['/cart', '/', true],
    ['/cart', '/cart', true],
    ['/cart/add', '/cart', true],
    ['/cart/add', '/cart/', true],
    ['/carts', '/cart', false],
    ['/', '/cart', false],
  ])('request %s, cookie path %s → %s', (req, cookie, ok) => {
    expect(pathMatches(req, cookie)).toBe(ok)
  })

  it('sends longer paths first, then oldest first', () => {
    const client: ClientState = {
      id: asClientId('x'),
      cookiesEnabled: true,
      userAgent: 'chromium',
      nodeAz: 'us-east-1a',
      webSocket: null,
      sourceIp: '198.51.100.10',
      flows: [],
      jar: [
        {
          name: 'a',
          value: '1',
          path: '/',
          expiresAtMs: null,
          secure: false,
          httpOnly: false,
          sameSite: null,
        },
        {
          name: 'b',
          value: '2',
          path: '/cart',
          expiresAtMs: null,
          secure: false,
          httpOnly: false,
          sameSite: null,
        },
        {
          name: 'c',
          value: '3',
          path: '/',
          expiresAtMs: null,
          secure: false,
          httpOnly: false,
          sameSite: null,
        },
        {
          name: 'd',
          value: '4',
          path: '/other',
          expiresAtMs: null,
          secure: false,
          httpOnly: false,
          sameSite: null,
        },
      ],
    }
    const sent = cookiesToSend(client, {
      protocol: 'HTTPS',
      path: '/cart/add',
      crossSite: false,
      credentials: 'same-origin',
    })
    expect(cookieHeader(sent)).toBe('b=2; a=1; c=3')
  })
})

describe('what the browser sends and stores', () => {
  it('a same-site request carries every cookie; Secure ones only over HTTPS', () => {
    const lab = stickyLab()
    lab.request('a')
    expect(lab.request('a').requestCookieHeader).toMatch(
      /^AWSALB=[^;]+; AWSALBCORS=[^;]+; SESSIONID=[^;]+$/,
    )
    lab.setListenerProtocol('HTTP')
    const r = lab.request('a')
    expect(r.requestCookieHeader).not.toContain('AWSALBCORS')
    expect(r.requestCookieHeader).toContain('AWSALB=')
  })

  it('a Secure cookie set over HTTP is rejected', () => {
    const lab = stickyLab()
    lab.setListenerProtocol('HTTP')
    lab.request('a')
    expect(lab.cookies('a').some((c) => c.name === 'AWSALBCORS')).toBe(false)
  })

  it('a cross-site request without credentials carries and stores nothing', () => {
    const lab = stickyLab()
    lab.request('a') // first-party visit: cookies stored
    const r = lab.request('a', { crossSite: true })
    expect(r.requestCookieHeader).toBe('')
    expect(r.decision).toBe('sticky-miss-no-cookie')
    expect(r.explanation).toMatch(/without credentials 'include'/)
    expect(r.blockedCookies!.map((b) => b.reason)).toContain('credentials-not-included')
  })

  it("credentials 'omit' sends nothing even same-site", () => {
    const lab = stickyLab()
    lab.request('a')
    expect(lab.request('a', { credentials: 'omit' }).requestCookieHeader).toBe('')
  })

  it('cross-site with credentials carries only SameSite=None; Secure cookies: AWSALBCORS keeps the session sticky on HTTPS', () => {
    const lab = stickyLab()
    const first = lab.request('a')
    for (let i = 0; i < 5; i++) {
      const r = lab.request('a', { crossSite: true, credentials: 'include' })
      expect(r.requestCookieHeader).toMatch(/^AWSALBCORS=[^;]+$/) // AWSALB (Lax by default) and SESSIONID withheld
      expect(r).toMatchObject({ decision: 'sticky-hit', targetId: first.targetId })
    }
  })

  it('a browser that only talks cross-site (Chromium) ends up with AWSALBCORS only and stays sticky on HTTPS', () => {
    const lab = stickyLab()
    const first = lab.request('spa', { crossSite: true, credentials: 'include' })
    expect(first.blockedCookies).toEqual([
      { name: 'AWSALB', reason: 'samesite-cross-site-blocked' },
      { name: 'SESSIONID', reason: 'samesite-cross-site-blocked' },
    ])
    expect(lab.cookies('spa').map((c) => c.name)).toEqual(['AWSALBCORS'])
    expect(lab.request('spa', { crossSite: true, credentials: 'include' })).toMatchObject({
      decision: 'sticky-hit',
      targetId: first.targetId,
    })
  })

  it('a non-Chromium browser stores the Lax cookie cross-site but still does not send it cross-site', () => {
    const lab = stickyLab()
    lab.addClient('ff', { userAgent: 'other' })
    lab.request('ff', { crossSite: true, credentials: 'include' })
    expect(lab.cookies('ff').map((c) => c.name)).toEqual(['AWSALB', 'AWSALBCORS', 'SESSIONID'])
    expect(
      lab.request('ff', { crossSite: true, credentials: 'include' }).requestCookieHeader,
    ).toMatch(/^AWSALBCORS=[^;]+$/)
  })

  it('cross-site stickiness fails over plain HTTP (AWSALBCORS rejected, AWSALB withheld)', () => {
    const lab = stickyLab()
    lab.setListenerProtocol('HTTP')
    lab.request('a') // same-site visit stores AWSALB only
    const targets = new Set<string | null>()
    for (let i = 0; i < 3; i++) {
      const r = lab.request('a', { crossSite: true, credentials: 'include' })
      expect(r.decision).toBe('sticky-miss-no-cookie')
      targets.add(r.targetId)
    }
    expect(targets.size).toBe(3)
  })

  it('cookies disabled: nothing stored, nothing sent; setCookie is ignored', () => {
    const lab = stickyLab()
    lab.addClient('b', { cookiesEnabled: false })
    lab.request('b')
    lab.setCookie('b', 'x', 'y')
    expect(lab.cookies('b')).toEqual([])
    expect(lab.request('b').requestCookieHeader).toBe('')
  })

  it('turning cookies off empties the jar; back on starts empty', () => {
    const lab = stickyLab()
    lab.request('a')
    lab.setClientOptions('a', { cookiesEnabled: false })
    expect(lab.cookies('a')).toEqual([])
    lab.setClientOptions('a', { cookiesEnabled: true })
    expect(lab.request('a').decision).toBe('sticky-miss-no-cookie')
  })
})

describe('expiry', () => {
  it('session cookies (no Expires/Max-Age) live until cleared', () => {
    const lab = createLab()
    lab.request('a')
    lab.advance(30 * 86400)
    expect(lab.cookies('a').find((c) => c.name === 'SESSIONID')!.expiresAt).toBeNull()
    lab.clearCookies('a')
    expect(lab.cookies('a')).toEqual([])
  })

  it('Max-Age cookies are evicted as soon as time passes their expiry (jar never holds an expired cookie)', () => {
    const lab = createLab()
    lab.configureApp({ sessionCookie: { name: 'SESSIONID', maxAgeSeconds: 10 } })
    lab.request('a')
    expect(lab.cookies('a')[0]!.expiresAt).toBe(10)
    lab.advance(10)
    expect(lab.cookies('a')).toHaveLength(1)
    lab.advance(0.001)
    expect(lab.cookies('a')).toEqual([])
    expect(lab.snapshot().clients.a!.jar).toEqual([])
  })

  it('Max-Age=0 deletes the cookie', () => {
    const lab = createLab()
    lab.request('a')
    lab.configureApp({ sessionCookie: { name: 'SESSIONID', maxAgeSeconds: 0 } })
    lab.request('a')
    expect(lab.cookies('a')).toEqual([])
  })
})

describe('size limit and editing', () => {
  it('rejects name + value over 4096 bytes (UTF-8)', () => {
    expect(fitsCookieLimit('a', 'x'.repeat(4095))).toBe(true)
    expect(fitsCookieLimit('a', 'x'.repeat(4096))).toBe(false)
    expect(fitsCookieLimit('a', 'é'.repeat(2048))).toBe(false)
    expect(fitsCookieLimit('a', 'é'.repeat(2047))).toBe(true)
  })

  it('setCookie edits the value and keeps the attributes; creates a session cookie Path=/ if absent', () => {
    const lab = stickyLab()
    lab.request('a')
    lab.setCookie('a', 'AWSALBCORS', 'edited')
    expect(lab.cookies('a').find((c) => c.name === 'AWSALBCORS')).toMatchObject({
      value: 'edited',
      secure: true,
      sameSite: 'None',
      expiresAt: 604800,
    })
    lab.setCookie('a', 'theme', 'dark')
    expect(lab.cookies('a').find((c) => c.name === 'theme')).toEqual({
      name: 'theme',
      value: 'dark',
      path: '/',
      expiresAt: null,
      secure: false,
      httpOnly: false,
    })
    expect(lab.request('a').requestCookieHeader).toContain('theme=dark')
  })

  it('setCookie on an unknown client creates it; cookies() of an unknown client is empty', () => {
    const lab = createLab()
    expect(lab.cookies('ghost')).toEqual([])
    lab.setCookie('new', 'k', 'v')
    expect(lab.clients().map((c) => c.id)).toEqual(['new'])
  })

  it('deleteCookie removes by name', () => {
    const lab = stickyLab()
    lab.request('a')
    lab.deleteCookie('a', 'AWSALB')
    expect(lab.cookies('a').map((c) => c.name)).toEqual(['AWSALBCORS', 'SESSIONID'])
  })
})
