// The browser's cookie policy as codes: the jar sends exactly the cookies the policy does not withhold,
// a request record says why each other cookie stayed home, and the store refuses with the same codes.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLab } from './index'
import { cookiesToSend } from './cookieJar'
import {
  rejectionCode,
  withheldCode,
  withheldCookies,
  type CookiePolicyContext,
} from './cookiePolicy'
import type { ClientState, SameSite, StoredCookie } from './model/world'
import { asClientId } from './model/ids'

const sameSite: CookiePolicyContext = {
  protocol: 'HTTPS',
  path: '/',
  crossSite: false,
  credentials: 'same-origin',
  cookiesEnabled: true,
  userAgent: 'chromium',
}
const crossInclude: CookiePolicyContext = { ...sameSite, crossSite: true, credentials: 'include' }
const cookie = (over: Partial<StoredCookie> = {}): StoredCookie => ({
  name: 'AWSALB',
  value: 'v',
  path: '/',
  expiresAtMs: null,
  secure: false,
  httpOnly: false,
  sameSite: null,
  ...over,
})

describe('withheldCode', () => {
  it('names the request-level reason before any cookie attribute, in the jar’s order', () => {
    const secure = cookie({ secure: true, sameSite: 'None' })
    expect(withheldCode(secure, { ...sameSite, cookiesEnabled: false })).toBe('cookies-disabled')
    expect(withheldCode(secure, { ...crossInclude, credentials: 'omit' })).toBe('credentials-omit')
    expect(withheldCode(secure, { ...crossInclude, credentials: 'same-origin' })).toBe(
      'cross-site-no-credentials',
    )
    expect(withheldCode(secure, { ...crossInclude, protocol: 'HTTP' })).toBe('secure-over-http')
    expect(withheldCode(secure, crossInclude)).toBeNull()
  })

  it('tells SameSite=Lax, Strict and no SameSite apart on a cross-site request', () => {
    expect(withheldCode(cookie({ sameSite: 'Lax' }), crossInclude)).toBe('samesite-lax-cross-site')
    expect(withheldCode(cookie({ sameSite: 'Strict' }), crossInclude)).toBe(
      'samesite-strict-cross-site',
    )
    expect(withheldCode(cookie(), crossInclude)).toBe('samesite-unset-cross-site')
    expect(withheldCode({ secure: false, path: '/' }, crossInclude)).toBe(
      'samesite-unset-cross-site',
    )
  })

  it('withholds a cookie whose Path does not match (RFC 6265 §5.1.4)', () => {
    expect(withheldCode(cookie({ path: '/cart' }), sameSite)).toBe('path-mismatch')
    expect(withheldCode(cookie({ path: '/cart' }), { ...sameSite, path: '/cart/add' })).toBeNull()
  })
})

describe('rejectionCode', () => {
  const d = { name: 'AWSALBCORS', value: 'v', path: '/', secure: true, sameSite: 'None' as const }
  it('refuses in the order browsers check', () => {
    expect(rejectionCode(d, { ...sameSite, cookiesEnabled: false }, [])).toBe('cookies-disabled')
    expect(rejectionCode(d, { ...crossInclude, credentials: 'omit' }, [])).toBe(
      'credentials-not-included',
    )
    expect(rejectionCode({ ...d, value: 'x'.repeat(4096) }, sameSite, [])).toBe('too-large')
    expect(rejectionCode(d, { ...sameSite, protocol: 'HTTP' }, [])).toBe('secure-over-http')
    expect(rejectionCode({ ...d, secure: false }, sameSite, [])).toBe(
      'samesite-none-without-secure',
    )
    expect(rejectionCode({ ...d, secure: false, sameSite: null }, crossInclude, [])).toBe(
      'samesite-cross-site-blocked',
    )
    expect(
      rejectionCode(
        { ...d, secure: false, sameSite: null },
        { ...crossInclude, userAgent: 'other' },
        [],
      ),
    ).toBeNull()
    const plain = { ...d, secure: false, sameSite: null }
    const http = { ...sameSite, protocol: 'HTTP' as const }
    expect(rejectionCode(plain, http, [cookie({ name: 'AWSALBCORS', secure: true })])).toBe(
      'overwrites-secure-over-http',
    )
    expect(
      rejectionCode(plain, http, [cookie({ name: 'AWSALBCORS', path: '/x', secure: true })]),
    ).toBeNull()
  })
})

const arbCookie = fc.record({
  name: fc.constantFrom('a', 'b', 'AWSALB', 'AWSALBCORS'),
  value: fc.constantFrom('1', '2'),
  path: fc.constantFrom('/', '/cart', '/cart/'),
  expiresAtMs: fc.constant(null),
  secure: fc.boolean(),
  httpOnly: fc.boolean(),
  sameSite: fc.constantFrom<SameSite | null>(null, 'None', 'Lax', 'Strict'),
})
const arbCtx = fc.record<CookiePolicyContext>({
  protocol: fc.constantFrom('HTTP', 'HTTPS'),
  path: fc.constantFrom('/', '/cart', '/cart/add', '/carts'),
  crossSite: fc.boolean(),
  credentials: fc.constantFrom('include', 'same-origin', 'omit'),
  cookiesEnabled: fc.boolean(),
  userAgent: fc.constantFrom('chromium', 'other'),
})

describe('one policy for the jar and for explanations', () => {
  it('the jar sends exactly the cookies that have no withheld code', () => {
    fc.assert(
      fc.property(fc.array(arbCookie, { maxLength: 6 }), arbCtx, (jar, ctx) => {
        const client: ClientState = {
          id: asClientId('x'),
          cookiesEnabled: ctx.cookiesEnabled,
          userAgent: ctx.userAgent,
          nodeAz: 'us-east-1a',
          webSocket: null,
          sourceIp: '198.51.100.10',
          flows: [],
          jar,
        }
        const sent = new Set(cookiesToSend(client, ctx))
        const withheld = withheldCookies(jar, ctx, ctx) ?? []
        expect(sent.size + withheld.length).toBe(jar.length)
        for (const c of jar) expect(sent.has(c)).toBe(withheldCode(c, ctx) === null)
      }),
    )
  })
})

describe('the request record says why a cookie stayed home', () => {
  it('records the withheld cookies and the credentials mode, and nothing when all are sent', () => {
    const lab = createLab({ seed: 1 })
    lab.addClient('alice')
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    const first = lab.request('alice')
    expect(first.withheldCookies).toBeUndefined()
    expect(first.credentials).toBeUndefined()
    const same = lab.request('alice')
    expect(same.withheldCookies).toBeUndefined()
    lab.setCookie('alice', 'cart', '3')
    const cross = lab.request('alice', { crossSite: true, credentials: 'include' })
    // AWSALB and the application's SESSIONID have no SameSite; only AWSALBCORS (SameSite=None; Secure) travels.
    expect(cross.withheldCookies).toEqual([
      { name: 'AWSALB', path: '/', reason: 'samesite-unset-cross-site' },
      { name: 'SESSIONID', path: '/', reason: 'samesite-unset-cross-site' },
      { name: 'cart', path: '/', reason: 'samesite-unset-cross-site' },
    ])
    expect(cross.credentials).toBe('include')
    const omit = lab.request('alice', { credentials: 'omit' })
    expect(omit.withheldCookies?.length).toBe(lab.cookies('alice').length)
    expect(new Set(omit.withheldCookies?.map((w) => w.reason))).toEqual(
      new Set(['credentials-omit']),
    )
    expect(omit.credentials).toBe('omit')
  })
})
