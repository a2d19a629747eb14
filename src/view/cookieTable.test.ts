// The cookie table and the browser's send/store rules as the Cookies panel explains them.
import { describe, expect, it } from 'vitest'
import type { CookieView } from '../sim'
import {
  ALB_DNS_NAME,
  blockedSetCookies,
  carriesCrossSiteStickiness,
  changedCookies,
  describeContext,
  isLoadBalancerCookie,
  cookieRows,
  cookieSize,
  formatExpires,
  latestRequestOptions,
  parseSetCookie,
  rejectionReason,
  requestContext,
  requestOptionsOf,
  sameSiteNoneLostOnHttp,
  withheldReason,
  type RequestContext,
} from './cookieTable'

const VALUE = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/abcde='
const awsalb: CookieView = {
  name: 'AWSALB',
  value: VALUE,
  path: '/',
  expiresAt: 604_805,
  secure: false,
  httpOnly: false,
}
const awsalbcors: CookieView = { ...awsalb, name: 'AWSALBCORS', secure: true, sameSite: 'None' }
const session: CookieView = {
  name: 'session',
  value: 'sess-1',
  path: '/',
  expiresAt: null,
  secure: false,
  httpOnly: true,
}

const sameSite: RequestContext = {
  protocol: 'HTTPS',
  crossSite: false,
  credentials: 'same-origin',
  path: '/',
  cookiesEnabled: true,
  userAgent: 'chromium',
}
const crossInclude: RequestContext = { ...sameSite, crossSite: true, credentials: 'include' }

describe('cookieRows', () => {
  it('lists Name … SameSite like DevTools, host-only on the simulated ALB name', () => {
    const [row] = cookieRows([awsalbcors], sameSite)
    expect(row).toEqual({
      name: 'AWSALBCORS',
      value: VALUE,
      domain: ALB_DNS_NAME,
      path: '/',
      expires: '2025-01-08T00:00:05.000Z',
      size: 10 + 44,
      httpOnly: false,
      secure: true,
      sameSite: 'None',
      sent: true,
      withheld: null,
    })
  })

  it('says "Session" for a cookie without expiry and keeps the jar order', () => {
    const rows = cookieRows([session, awsalb], sameSite)
    expect(rows.map((r) => r.name)).toEqual(['session', 'AWSALB'])
    expect(rows[0]!.expires).toBe('Session')
    expect(rows[0]!.sameSite).toBeNull()
  })

  it('on a cross-site fetch with credentials include, sends only the SameSite=None cookie', () => {
    const rows = cookieRows([awsalb, awsalbcors], crossInclude)
    expect(rows.map((r) => [r.name, r.sent])).toEqual([
      ['AWSALB', false],
      ['AWSALBCORS', true],
    ])
    expect(rows[0]!.withheld).toBe(
      'it has no SameSite attribute, so the browser treats it as Lax; only SameSite=None cookies go with cross-site requests',
    )
  })
})

describe('withheldReason', () => {
  it('names the credentials mode when a cross-site fetch does not include credentials', () => {
    expect(withheldReason(awsalbcors, { ...crossInclude, credentials: 'same-origin' })).toMatch(
      /credentials: 'include' \(this one used 'same-origin'\)/,
    )
    expect(withheldReason(awsalbcors, { ...crossInclude, credentials: 'omit' })).toMatch(/'omit'/)
  })

  it('keeps Secure cookies off plain HTTP and explains an explicit Lax/Strict', () => {
    expect(withheldReason(awsalbcors, { ...sameSite, protocol: 'HTTP' })).toMatch(
      /Secure cookies are sent only over https/,
    )
    expect(withheldReason({ ...awsalb, sameSite: 'Strict' }, crossInclude)).toMatch(
      /it is SameSite=Strict/,
    )
  })

  it('checks the path', () => {
    expect(withheldReason({ ...awsalb, path: '/cart' }, { ...sameSite, path: '/' })).toMatch(
      /Path=\/cart does not match/,
    )
    expect(
      withheldReason({ ...awsalb, path: '/cart' }, { ...sameSite, path: '/cart/add' }),
    ).toBeNull()
  })

  it('blames disabled cookies first', () => {
    expect(withheldReason(awsalb, { ...sameSite, cookiesEnabled: false })).toMatch(/disabled/)
  })
})

describe('sizes and dates', () => {
  it('counts UTF-8 bytes of name plus value', () => {
    expect(cookieSize('AWSALB', VALUE)).toBe(50)
    expect(cookieSize('n', 'é')).toBe(3)
  })
  it('maps virtual seconds to the ISO instant from the 2025-01-01 epoch', () => {
    expect(formatExpires(0)).toBe('2025-01-01T00:00:00.000Z')
    expect(formatExpires(86_400 * 7)).toBe('2025-01-08T00:00:00.000Z')
    expect(formatExpires(null)).toBe('Session')
  })
})

describe('parseSetCookie', () => {
  it('reads the ALB lines (Expires is the virtual date)', () => {
    const d = parseSetCookie(
      `AWSALBCORS=${VALUE}; Expires=Wed, 08 Jan 2025 00:00:05 GMT; Path=/; SameSite=None; Secure`,
      5,
    )
    expect(d).toMatchObject({
      name: 'AWSALBCORS',
      value: VALUE,
      path: '/',
      expiresAt: 604_805,
      secure: true,
      httpOnly: false,
      sameSite: 'None',
    })
  })
  it('lets Max-Age win and anchors it at the response time', () => {
    const d = parseSetCookie(
      'session=sess-1; Expires=Wed, 08 Jan 2025 00:00:05 GMT; Max-Age=60; Path=/; HttpOnly',
      10,
    )
    expect(d).toMatchObject({ expiresAt: 70, httpOnly: true, sameSite: null })
  })
})

describe('rejectionReason and blockedSetCookies', () => {
  const http: RequestContext = { ...sameSite, protocol: 'HTTP' }
  const corsOverHttp = `AWSALBCORS=${VALUE}; Expires=Wed, 08 Jan 2025 00:00:05 GMT; Path=/; SameSite=None`
  const corsSecure = `${corsOverHttp}; Secure`
  const plain = `AWSALB=${VALUE}; Expires=Wed, 08 Jan 2025 00:00:05 GMT; Path=/`

  it('rejects SameSite=None without Secure, and Secure over http://', () => {
    expect(rejectionReason(parseSetCookie(corsOverHttp, 5), http, [])).toMatch(
      /SameSite=None cookie that is not Secure/,
    )
    expect(rejectionReason(parseSetCookie(corsSecure, 5), http, [])).toMatch(
      /does not store Secure cookies received over http/,
    )
    expect(rejectionReason(parseSetCookie(plain, 5), http, [])).toBeNull()
  })

  it('in Chromium, refuses Lax-by-default cookies from a cross-site response, but not in other browsers', () => {
    expect(rejectionReason(parseSetCookie(plain, 5), crossInclude, [])).toMatch(
      /Chromium does not store/,
    )
    expect(
      rejectionReason(parseSetCookie(plain, 5), { ...crossInclude, userAgent: 'other' }, []),
    ).toBeNull()
  })

  it('refuses everything when the fetch did not include credentials', () => {
    expect(
      rejectionReason(parseSetCookie(corsSecure, 5), { ...crossInclude, credentials: 'omit' }, []),
    ).toMatch(/cannot set cookies/)
  })

  it('lists only refused lines the jar does not hold, and flags the HTTP-listener case', () => {
    const jarAfter: CookieView[] = [awsalb]
    const blocked = blockedSetCookies([plain, corsOverHttp], 5, http, jarAfter)
    expect(blocked.map((b) => b.name)).toEqual(['AWSALBCORS'])
    expect(sameSiteNoneLostOnHttp(blocked, http)).toBe(true)
    expect(sameSiteNoneLostOnHttp(blocked, sameSite)).toBe(false)
  })

  it('does not count a deletion (expiry in the past) as a refusal', () => {
    const del = 'session=x; Max-Age=0; Path=/'
    expect(blockedSetCookies([del], 5, { ...sameSite, cookiesEnabled: false }, [])).toEqual([])
  })
})

describe('request context from the call log', () => {
  const log = [
    { call: 'addClient', args: ['alice'] },
    { call: 'request', args: ['alice', { path: '/', crossSite: true, credentials: 'include' }] },
    { call: 'request', args: ['bob', { path: '/cart/add' }] },
  ]
  it('finds the latest request of the client', () => {
    expect(latestRequestOptions(log, 'alice')).toEqual({
      path: '/',
      crossSite: true,
      credentials: 'include',
    })
    expect(latestRequestOptions(log, 'bob')).toEqual({ path: '/cart/add' })
    expect(latestRequestOptions(log, 'carol')).toBeUndefined()
    expect(latestRequestOptions([{ call: 'request', args: ['carol'] }], 'carol')).toEqual({})
  })
  it('defaults to a same-site request for /', () => {
    expect(
      requestContext(undefined, 'HTTPS', { cookiesEnabled: true, userAgent: 'other' }),
    ).toEqual({
      protocol: 'HTTPS',
      crossSite: false,
      credentials: 'same-origin',
      path: '/',
      cookiesEnabled: true,
      userAgent: 'other',
    })
  })
})

describe('changedCookies', () => {
  it('marks new and updated cookies only when there was a previous look', () => {
    const rows = [
      { name: 'AWSALB', value: 'b' },
      { name: 'AWSALBCORS', value: 'b' },
      { name: 'SESSIONID', value: 's' },
    ]
    expect(changedCookies(null, rows)).toEqual({})
    expect(changedCookies({ AWSALB: 'a', SESSIONID: 's' }, rows)).toEqual({
      AWSALB: 'updated',
      AWSALBCORS: 'new',
    })
  })
})

describe('cross-site stickiness carrier', () => {
  it('is the SameSite=None load-balancer cookie sent on a cross-site request', () => {
    const [alb, cors] = cookieRows([awsalb, awsalbcors], crossInclude)
    expect(carriesCrossSiteStickiness(alb!, crossInclude)).toBe(false)
    expect(carriesCrossSiteStickiness(cors!, crossInclude)).toBe(true)
    expect(carriesCrossSiteStickiness(cors!, sameSite)).toBe(false)
    expect(isLoadBalancerCookie('SESSIONID')).toBe(false)
    expect(isLoadBalancerCookie('AWSALBAPP-0')).toBe(true)
  })
  it('describes the context', () => {
    expect(describeContext(crossInclude)).toBe(
      "cross-site fetch, credentials: 'include', over HTTPS",
    )
    expect(describeContext({ ...sameSite, protocol: 'HTTP', path: '/cart/add' })).toBe(
      'same-site request, over HTTP',
    )
  })
})

describe('requestOptionsOf', () => {
  const never = () => {
    throw new Error('the log must not be read when cookies were sent')
  }
  it('infers the credentials mode when cookies went out', () => {
    expect(
      requestOptionsOf({ path: '/', crossSite: true, requestCookieHeader: 'AWSALBCORS=x' }, never),
    ).toEqual({ path: '/', crossSite: true, credentials: 'include' })
    expect(
      requestOptionsOf({ path: '/a', crossSite: false, requestCookieHeader: 'AWSALB=x' }, never),
    ).toEqual({ path: '/a', crossSite: false, credentials: 'same-origin' })
  })
  it('reads the log for a cookie-less request, and falls back when the call has left the log', () => {
    expect(
      requestOptionsOf({ path: '/', crossSite: true, requestCookieHeader: '' }, () => ({
        path: '/',
        crossSite: true,
        credentials: 'omit',
      })),
    ).toEqual({
      path: '/',
      crossSite: true,
      credentials: 'omit',
    })
    expect(
      requestOptionsOf({ path: '/', crossSite: false, requestCookieHeader: '' }, () => undefined),
    ).toEqual({ path: '/', crossSite: false, credentials: 'same-origin' })
  })
})
