// The facts a paste holds about cookies and clients, gathered once: for every cookie name its latest Set-Cookie line
// (parsed with the lab's own parser, cookieTable.ts) and which later requests to the same host carried it; and about
// the client: its user agent, whether its requests were cross-origin or cross-site, preflights, a CDN in the path.
import { VIRTUAL_EPOCH_UNIX_SECONDS, parseSetCookie, type ParsedSetCookie } from '../../sim'
import { parseCookieHeader } from '../reveal'
import { headerValue, headerValues, type Exchange, type ParsedPaste } from './exchange'

/** Cookie names tracked per paste: a page sets a few dozen at most. */
const MAX_COOKIES = 100

export interface SetCookieFact {
  line: string
  /** Index of the exchange whose response set it. */
  exchange: number
  parsed: ParsedSetCookie
  /** The response's Date header in the lab's virtual seconds (Expires is measured from it), or null. */
  dateAt: number | null
  hasMaxAge: boolean
  hasExpires: boolean
}

export interface CookieFacts {
  name: string
  /** The latest Set-Cookie line for this name, or null when only requests carried it. */
  set: SetCookieFact | null
  /** Every Set-Cookie value seen for it, in order. */
  setValues: string[]
  /** Indexes of the exchanges whose request carried it, and the value each carried (latest). */
  carriedBy: number[]
  carriedValue: string | null
  /** Requests to the same host after the first response that set it. */
  laterRequests: number
  /** Of those, how many carried it. */
  laterCarrying: number
}

/** A client that keeps no cookies unless told to (curl, python-requests, Go's http client…). */
const NON_BROWSER =
  /^(curl|Wget|python-requests|python-urllib|Python-urllib|aiohttp|httpx|Go-http-client|okhttp|Java|Apache-HttpClient|axios|node-fetch|undici|node|PostmanRuntime|HTTPie|libwww-perl|Ruby|Faraday|k6|Apache-JMeter|Gatling|locust|Artillery)\b/i

export interface PasteFacts {
  exchanges: readonly Exchange[]
  /** Exchanges with a request. */
  requests: number
  scheme: 'http' | 'https' | null
  userAgent: string | null
  /** The non-browser client's name (e.g. "curl"), or null for a browser or an unknown client. */
  nonBrowser: string | null
  /** Some request came from a page on another origin (Origin header, Sec-Fetch-Site). */
  crossOrigin: boolean
  /** Some request came from a page on another site (Sec-Fetch-Site: cross-site): SameSite applies. */
  crossSite: boolean
  /** CORS preflight requests (OPTIONS with Access-Control-Request-Method). */
  preflights: number
  /** Some response allowed any origin (Access-Control-Allow-Origin: *), which rules out credentials. */
  wildcardOrigin: boolean
  /** Some response said Access-Control-Allow-Credentials: true. */
  allowCredentials: boolean
  /** The CDN the responses came through, e.g. "CloudFront", or null. */
  cdn: string | null
  /** Cookies in the order first seen. */
  cookies: CookieFacts[]
}

function hostOf(x: Exchange): string | null {
  const req = x.request
  if (req === null) return null
  const h = headerValue(req.headers, 'host') ?? headerValue(req.headers, ':authority')
  if (h !== null) return h.toLowerCase()
  const url = /^https?:\/\/([^/?#]+)/i.exec(req.target)
  return url ? url[1]!.toLowerCase() : null
}

function virtualSeconds(httpDate: string | null): number | null {
  if (httpDate === null) return null
  const ms = Date.parse(httpDate)
  return Number.isNaN(ms) ? null : ms / 1000 - VIRTUAL_EPOCH_UNIX_SECONDS
}

function isPreflight(x: Exchange): boolean {
  return (
    x.request?.method === 'OPTIONS' &&
    headerValue(x.request.headers, 'access-control-request-method') !== null
  )
}

function cdnOf(x: Exchange): string | null {
  const res = x.response
  if (res === null) return null
  const via = headerValues(res.headers, 'via').join(' ')
  const cache = headerValues(res.headers, 'x-cache').join(' ')
  if (
    /cloudfront/i.test(via) ||
    /cloudfront/i.test(cache) ||
    headerValue(res.headers, 'x-amz-cf-id') !== null
  )
    return 'CloudFront'
  if (headerValue(res.headers, 'cf-ray') !== null) return 'Cloudflare'
  if (
    headerValue(res.headers, 'x-served-by') !== null &&
    /fastly/i.test(headerValues(res.headers, 'x-served-by').join(''))
  )
    return 'Fastly'
  if (/akamai/i.test(headerValues(res.headers, 'server').join(' '))) return 'Akamai'
  return null
}

/** Gathers the facts of a paste. */
export function pasteFacts(paste: ParsedPaste): PasteFacts {
  const { exchanges } = paste
  const cookies = new Map<string, CookieFacts>()
  const setHost = new Map<string, { exchange: number; host: string | null }>()
  const facts: PasteFacts = {
    exchanges,
    requests: 0,
    scheme: null,
    userAgent: null,
    nonBrowser: null,
    crossOrigin: false,
    crossSite: false,
    preflights: 0,
    wildcardOrigin: false,
    allowCredentials: false,
    cdn: null,
    cookies: [],
  }
  const cookie = (name: string): CookieFacts | null => {
    let c = cookies.get(name)
    if (c === undefined) {
      if (cookies.size >= MAX_COOKIES) return null
      c = {
        name,
        set: null,
        setValues: [],
        carriedBy: [],
        carriedValue: null,
        laterRequests: 0,
        laterCarrying: 0,
      }
      cookies.set(name, c)
    }
    return c
  }
  exchanges.forEach((x, i) => {
    facts.scheme ??= x.scheme
    facts.cdn ??= cdnOf(x)
    const host = hostOf(x)
    const req = x.request
    if (req !== null) {
      facts.requests++
      const ua = headerValue(req.headers, 'user-agent')
      if (ua !== null && facts.userAgent === null) {
        facts.userAgent = ua
        facts.nonBrowser = NON_BROWSER.exec(ua)?.[1] ?? null
      }
      const site = headerValue(req.headers, 'sec-fetch-site')?.toLowerCase()
      if (
        headerValue(req.headers, 'origin') !== null ||
        site === 'cross-site' ||
        site === 'same-site'
      )
        facts.crossOrigin = true
      if (site === 'cross-site') facts.crossSite = true
      if (isPreflight(x)) facts.preflights++
      const sent = parseCookieHeader(headerValues(req.headers, 'cookie').join('; '))
      for (const [name, value] of sent) {
        const c = cookie(name)
        if (c === null) continue
        c.carriedBy.push(i)
        c.carriedValue = value
      }
      // Which cookies set earlier (for this host) this request did or did not bring back.
      for (const [name, where] of setHost) {
        if (where.exchange >= i || (where.host !== null && host !== null && where.host !== host))
          continue
        const c = cookies.get(name)!
        c.laterRequests++
        if (sent.has(name)) c.laterCarrying++
      }
    }
    const res = x.response
    if (res === null) return
    const acao = headerValue(res.headers, 'access-control-allow-origin')
    if (acao?.trim() === '*') facts.wildcardOrigin = true
    if (
      headerValue(res.headers, 'access-control-allow-credentials')?.trim().toLowerCase() === 'true'
    )
      facts.allowCredentials = true
    const dateAt = virtualSeconds(headerValue(res.headers, 'date'))
    for (const line of headerValues(res.headers, 'set-cookie')) {
      const parsed = parseSetCookie(line, dateAt ?? 0)
      if (parsed.name === '') continue
      const c = cookie(parsed.name)
      if (c === null) continue
      const attrs = line
        .split(';')
        .slice(1)
        .map((a) => a.trim().toLowerCase())
      c.set = {
        line,
        exchange: i,
        parsed,
        dateAt,
        hasMaxAge: attrs.some((a) => a.startsWith('max-age=')),
        hasExpires: attrs.some((a) => a.startsWith('expires=')),
      }
      c.setValues.push(parsed.value)
      if (!setHost.has(parsed.name)) setHost.set(parsed.name, { exchange: i, host })
    }
  })
  facts.cookies = [...cookies.values()]
  return facts
}

/** The facts of one cookie, or undefined. */
export function cookieFacts(facts: PasteFacts, name: string): CookieFacts | undefined {
  return facts.cookies.find((c) => c.name === name)
}
