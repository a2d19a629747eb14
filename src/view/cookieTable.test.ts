// The cookie table and the browser's send/store rules as the Cookies panel explains them: the core's
// policy and the request record's codes, in src/explain's words.
import { describe, expect, it } from 'vitest'
import { createLab, type CookieView } from '../sim'
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
  requestContext,
  requestOptionsOf,
  sameSiteNoneLostOnHttp,
  type RecordedRequest,
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

describe('why a row is withheld', () => {
  const withheld = (c: CookieView, ctx: RequestContext) => cookieRows([c], ctx)[0]!.withheld
  it('names the credentials mode when a cross-site fetch does not include credentials', () => {
    expect(withheld(awsalbcors, { ...crossInclude, credentials: 'same-origin' })).toMatch(
      /credentials: 'include' \(this one used 'same-origin'\)/,
    )
    expect(withheld(awsalbcors, { ...crossInclude, credentials: 'omit' })).toMatch(/'omit'/)
  })

  it('keeps Secure cookies off plain HTTP and explains an explicit Lax/Strict', () => {
    expect(withheld(awsalbcors, { ...sameSite, protocol: 'HTTP' })).toMatch(
      /Secure cookies are sent only over https/,
    )
    expect(withheld({ ...awsalb, sameSite: 'Strict' }, crossInclude)).toBe(
      'it is SameSite=Strict; only SameSite=None cookies go with cross-site requests',
    )
  })

  it('checks the path', () => {
    expect(withheld({ ...awsalb, path: '/cart' }, { ...sameSite, path: '/' })).toBe(
      'its Path=/cart does not match the request path /',
    )
    expect(withheld({ ...awsalb, path: '/cart' }, { ...sameSite, path: '/cart/add' })).toBeNull()
  })

  it('blames disabled cookies first', () => {
    expect(withheld(awsalb, { ...sameSite, cookiesEnabled: false })).toBe(
      'cookies are disabled in this browser',
    )
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

describe('blockedSetCookies: the record’s refusals, in words', () => {
  const http: RequestContext = { ...sameSite, protocol: 'HTTP' }
  const corsOverHttp = `AWSALBCORS=${VALUE}; Expires=Wed, 08 Jan 2025 00:00:05 GMT; Path=/; SameSite=None`
  const corsSecure = `${corsOverHttp}; Secure`
  const plain = `AWSALB=${VALUE}; Expires=Wed, 08 Jan 2025 00:00:05 GMT; Path=/`
  const record = (over: Partial<RecordedRequest>): RecordedRequest => ({
    at: 5,
    path: '/',
    crossSite: false,
    requestCookieHeader: '',
    setCookie: [plain, corsOverHttp],
    ...over,
  })

  it('words SameSite=None without Secure, and Secure over http://', () => {
    const [none] = blockedSetCookies(
      record({ blockedCookies: [{ name: 'AWSALBCORS', reason: 'samesite-none-without-secure' }] }),
      [],
    )
    expect(none).toEqual({
      name: 'AWSALBCORS',
      line: corsOverHttp,
      code: 'samesite-none-without-secure',
      reason:
        'it is SameSite=None without Secure, and a browser rejects a SameSite=None cookie that is not Secure',
      sameSite: 'None',
    })
    const [secure] = blockedSetCookies(
      record({
        setCookie: [corsSecure],
        blockedCookies: [{ name: 'AWSALBCORS', reason: 'secure-over-http' }],
      }),
      [],
    )
    expect(secure!.reason).toMatch(/does not store Secure cookies received over http/)
  })

  it('names the SameSite of the line Chromium refused from a cross-site response', () => {
    const [b] = blockedSetCookies(
      record({
        crossSite: true,
        credentials: 'include',
        setCookie: [plain],
        blockedCookies: [{ name: 'AWSALB', reason: 'samesite-cross-site-blocked' }],
      }),
      [],
    )
    expect(b!.reason).toBe(
      'it has no SameSite attribute, so the browser treats it as Lax, and Chromium does not store such cookies from a cross-site response',
    )
  })

  it('names the credentials mode the record keeps', () => {
    const [b] = blockedSetCookies(
      record({
        crossSite: true,
        credentials: 'omit',
        setCookie: [corsSecure],
        blockedCookies: [{ name: 'AWSALBCORS', reason: 'credentials-not-included' }],
      }),
      [],
    )
    expect(b!.reason).toBe(
      "a response to a cross-site fetch sent with credentials: 'omit' cannot set cookies",
    )
  })

  it('lists only refused lines the jar does not hold, and flags the HTTP-listener case', () => {
    const refusedBoth = record({
      blockedCookies: [
        { name: 'AWSALB', reason: 'cookies-disabled' },
        { name: 'AWSALBCORS', reason: 'samesite-none-without-secure' },
      ],
    })
    const blocked = blockedSetCookies(refusedBoth, [awsalb])
    expect(blocked.map((b) => b.name)).toEqual(['AWSALBCORS'])
    expect(sameSiteNoneLostOnHttp(blocked, http)).toBe(true)
    expect(sameSiteNoneLostOnHttp(blocked, sameSite)).toBe(false)
    expect(blockedSetCookies(record({}), [])).toEqual([])
  })

  it('does not count a deletion (expiry in the past) as a refusal', () => {
    const del = 'session=x; Max-Age=0; Path=/'
    const refused = record({
      setCookie: [del],
      blockedCookies: [{ name: 'session', reason: 'cookies-disabled' }],
    })
    expect(blockedSetCookies(refused, [])).toEqual([])
  })
})

describe('request context', () => {
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

describe('requestOptionsOf: how a recorded request was made, from the record alone', () => {
  it('reads the credentials mode the record keeps', () => {
    expect(
      requestOptionsOf({
        path: '/',
        crossSite: true,
        credentials: 'omit',
        requestCookieHeader: '',
      }),
    ).toEqual({ path: '/', crossSite: true, credentials: 'omit' })
    expect(
      requestOptionsOf({
        path: '/',
        crossSite: true,
        credentials: 'include',
        requestCookieHeader: '',
      }),
    ).toEqual({ path: '/', crossSite: true, credentials: 'include' })
    expect(requestOptionsOf({ path: '/a', crossSite: false, requestCookieHeader: '' })).toEqual({
      path: '/a',
      crossSite: false,
      credentials: 'same-origin',
    })
  })
  it('on a record saved before it kept the mode, infers it from the cookies that went out', () => {
    expect(
      requestOptionsOf({ path: '/', crossSite: true, requestCookieHeader: 'AWSALBCORS=x' }),
    ).toEqual({ path: '/', crossSite: true, credentials: 'include' })
    expect(requestOptionsOf({ path: '/', crossSite: true, requestCookieHeader: '' })).toEqual({
      path: '/',
      crossSite: true,
      credentials: 'same-origin',
    })
  })
  it('matches what a lab records, without reading its call log', () => {
    const lab = createLab({ seed: 1 })
    lab.addClient('alice')
    const r = lab.request('alice', { crossSite: true, credentials: 'omit', path: '/cart' })
    expect(requestOptionsOf(r)).toEqual({ path: '/cart', crossSite: true, credentials: 'omit' })
  })
})
