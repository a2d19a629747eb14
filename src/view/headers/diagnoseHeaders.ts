// The likely causes a paste points at, in plain words, from the symptoms engineers report
// (docs/reference/real-world-problems.md) and the ALB's documented behaviour. Each is a short title and one or two
// sentences; the most specific causes come first, and "looks fine" only when nothing else was found.
import { cookieFacts, type CookieFacts, type PasteFacts } from './pasteFacts'

export type DiagnosisId =
  | 'sanitized-har'
  | 'no-stickiness-cookie'
  | 'non-browser-client'
  | 'cross-origin-without-credentials'
  | 'wildcard-origin'
  | 'preflight'
  | 'cors-copy-missing'
  | 'cdn'
  | 'samesite-none-over-http'
  | 'url-encoded'
  | 'app-cookie-not-set'
  | 'app-cookie-not-returned'
  | 'target-group-stickiness'
  | 'classic'
  | 'not-carried-back'
  | 'looks-sticky'

export interface Diagnosis {
  id: DiagnosisId
  title: string
  detail: string
}

const ALB_TARGET_COOKIES = [
  'AWSALB',
  'AWSALBCORS',
  'AWSALBTG',
  'AWSALBTGCORS',
  'AWSELB',
  'AWSELBCORS',
]
const PERCENT_ENCODED = /%[0-9A-Fa-f]{2}/

function isShard(name: string): boolean {
  return /^AWSALBAPP-[0-3]$/.test(name)
}

/** Stickiness cookies the paste shows, set or carried. */
function stickinessCookies(facts: PasteFacts): CookieFacts[] {
  return facts.cookies.filter((c) => ALB_TARGET_COOKIES.includes(c.name) || isShard(c.name))
}

/**
 * The application cookie in an app_cookie setup: a cookie that is not the load balancer's, set in the same response
 * as a real (not _remove_) AWSALBAPP-0 — the ALB writes its cookie only when it sees the configured one. Null when
 * there is no single such cookie.
 */
export function appCookieName(facts: PasteFacts): string | null {
  const shard = cookieFacts(facts, 'AWSALBAPP-0')
  if (shard?.set === null || shard === undefined || shard.set.parsed.value === '_remove_')
    return null
  const at = shard.set.exchange
  const candidates = facts.cookies.filter(
    (c) => c.set?.exchange === at && !c.name.startsWith('AWS'),
  )
  return candidates.length === 1 ? candidates[0]!.name : null
}

function carriedLess(c: CookieFacts | undefined): boolean {
  return c !== undefined && c.laterRequests > c.laterCarrying
}

/** The likely diagnoses for a paste. */
export function diagnoseHeaders(facts: PasteFacts, sanitizedHar: boolean): Diagnosis[] {
  const out: Diagnosis[] = []
  const add = (id: DiagnosisId, title: string, detail: string) => out.push({ id, title, detail })
  if (sanitizedHar) {
    add(
      'sanitized-har',
      'This HAR has no cookies at all: it was probably exported sanitized',
      "Chrome leaves out Cookie and Set-Cookie when it exports a HAR, unless told otherwise. In DevTools open Settings → Preferences → Network, tick 'Allow to generate HAR with sensitive data', then choose Export HAR (with sensitive data). The file then holds live session cookies: share it with care.",
    )
    return out
  }
  const sticky = stickinessCookies(facts)
  const responses = facts.exchanges.filter((x) => x.response !== null).length
  if (sticky.length === 0 && responses > 0) {
    add(
      'no-stickiness-cookie',
      'No load balancer stickiness cookie',
      'No response sets AWSALB, AWSALBAPP-n, AWSALBTG or AWSELB, and no request carries one. Stickiness is probably off for this target group, or these responses did not come through it.',
    )
  }
  const awsalb = cookieFacts(facts, 'AWSALB')
  const cors = cookieFacts(facts, 'AWSALBCORS')
  const anyNotBack = sticky.some(carriedLess)
  const noCookieAtAll = facts.exchanges.every(
    (x) => x.request === null || !x.request.headers.some((h) => h.name.toLowerCase() === 'cookie'),
  )

  if (facts.nonBrowser !== null && (anyNotBack || (noCookieAtAll && facts.requests > 0))) {
    const fix =
      facts.nonBrowser.toLowerCase() === 'curl'
        ? 'With curl, keep a jar: curl -c jar.txt -b jar.txt <url>.'
        : 'Give the client a cookie jar (python-requests: a Session; most HTTP libraries have one).'
    add(
      'non-browser-client',
      `A ${facts.nonBrowser} client without a cookie jar`,
      `The user agent is ${facts.nonBrowser}, and its requests carry no stickiness cookie back. Each request is then routed by the algorithm, as a new client. ${fix}`,
    )
  }
  const realRequests = facts.exchanges.filter(
    (x) => x.request !== null && x.request.method !== 'OPTIONS',
  )
  // A cross-origin request without cookies is suspect once a stickiness cookie was set before it, or when the
  // responses never allow credentials (a credentialed call needs Access-Control-Allow-Credentials: true).
  const firstSet = Math.min(...sticky.map((c) => c.set?.exchange ?? Infinity))
  const crossNoCookie = realRequests.some((x) => {
    if (facts.allowCredentials && facts.exchanges.indexOf(x) <= firstSet) return false
    const h = x.request!.headers
    const site = h.find((v) => v.name.toLowerCase() === 'sec-fetch-site')?.value.toLowerCase()
    const cross =
      h.some((v) => v.name.toLowerCase() === 'origin') ||
      site === 'cross-site' ||
      site === 'same-site'
    return cross && !h.some((v) => v.name.toLowerCase() === 'cookie')
  })
  if (facts.crossOrigin && crossNoCookie && facts.nonBrowser === null) {
    add(
      'cross-origin-without-credentials',
      'Cross-origin call without credentials',
      "The page calls the load balancer from another origin, and the request carries no cookies. Browsers send and store cookies on such calls only with credentials: 'include' (fetch) or withCredentials = true (XHR), answered by Access-Control-Allow-Credentials: true.",
    )
  }
  if (facts.wildcardOrigin && facts.crossOrigin) {
    add(
      'wildcard-origin',
      'Access-Control-Allow-Origin: * rules out cookies',
      'A browser refuses a credentialed response that allows any origin. Answer with the calling page’s exact origin and Access-Control-Allow-Credentials: true.',
    )
  }
  if (facts.preflights > 0) {
    add(
      'preflight',
      'Preflight OPTIONS requests carry no cookies',
      'The browser never sends cookies on a CORS preflight, so the ALB routes each OPTIONS by its algorithm. That is expected; what matters is that the real request after it carries the cookie.',
    )
  }
  const sameResponseCors = awsalb?.set && !(cors?.set && cors.set.exchange === awsalb.set.exchange)
  const carriedWithoutCors =
    awsalb !== undefined &&
    awsalb.carriedBy.length > 0 &&
    (cors === undefined || cors.carriedBy.length === 0) &&
    !awsalb.set
  if (sameResponseCors || carriedWithoutCors) {
    add(
      'cors-copy-missing',
      'AWSALB present but AWSALBCORS absent',
      `The ALB sends AWSALBCORS with every AWSALB, so something in between dropped it${facts.cdn ? ` (${facts.cdn} is in this path)` : ''}: typically a CDN or proxy that forwards only the cookies it names. Cross-site requests then carry no stickiness cookie.`,
    )
  }
  if (facts.cdn !== null && sticky.length > 0) {
    add(
      'cdn',
      `${facts.cdn} is in front of the load balancer`,
      `A CDN forwards only the cookies its cache or origin request policy names. Forward AWSALB and AWSALBCORS (or all cookies), or the ALB never sees them and every request is routed anew.`,
    )
  }
  const insecureNone = facts.cookies.some(
    (c) => c.set?.parsed.sameSite === 'None' && !c.set.parsed.secure && c.name.startsWith('AWS'),
  )
  if (insecureNone || (facts.scheme === 'http' && facts.crossSite && sticky.length > 0)) {
    add(
      'samesite-none-over-http',
      'Cross-site stickiness cannot work over plain HTTP',
      'Browsers reject SameSite=None cookies without Secure, and never store Secure cookies from http://. Use an HTTPS listener for cross-site calls.',
    )
  }
  const encoded = facts.cookies.some(
    (c) =>
      (ALB_TARGET_COOKIES.includes(c.name) || isShard(c.name)) &&
      PERCENT_ENCODED.test(c.carriedValue ?? ''),
  )
  const appName = appCookieName(facts)
  const app = appName === null ? undefined : cookieFacts(facts, appName)
  if (
    encoded ||
    (app !== undefined &&
      [app.carriedValue ?? '', ...app.setValues].some((v) => PERCENT_ENCODED.test(v)))
  ) {
    add(
      'url-encoded',
      'URL-encoded cookie value',
      'ALBs do not support URL-encoded cookie values. A client or proxy that percent-encodes the value (+, / or =) makes the cookie unreadable, so the request is not sticky.',
    )
  }
  const shard0 = cookieFacts(facts, 'AWSALBAPP-0')
  if (shard0?.set && shard0.set.parsed.value === '_remove_') {
    add(
      'app-cookie-not-set',
      'App cookie stickiness is on, but the app set no cookie',
      'AWSALBAPP-0 is _remove_: the response held no cookie with the name in stickiness.app_cookie.cookie_name. The app must set that exact cookie; until it does, nothing is sticky.',
    )
  }
  if (shard0 !== undefined && shard0.carriedBy.length > 0) {
    const appCarried = facts.exchanges.some(
      (x, i) =>
        shard0.carriedBy.includes(i) &&
        x.request!.headers.some(
          (h) => h.name.toLowerCase() === 'cookie' && /(^|;\s*)(?!AWS)[^=;\s]+=/.test(h.value),
        ),
    )
    if (!appCarried) {
      add(
        'app-cookie-not-returned',
        'AWSALBAPP came back without the app cookie',
        'Application-based stickiness needs both cookies on every request. When the app cookie has expired in the browser, only AWSALBAPP-n goes back and the request is not sticky.',
      )
    }
  }
  if (cookieFacts(facts, 'AWSALBTG') !== undefined) {
    add(
      'target-group-stickiness',
      'Target group stickiness (weighted forward)',
      'AWSALBTG keeps this client on one of several weighted target groups. Inside that group, AWSALB (if present) picks the target.',
    )
  }
  if (cookieFacts(facts, 'AWSELB') !== undefined) {
    add(
      'classic',
      'A Classic Load Balancer',
      'AWSELB comes from a Classic Load Balancer. A duration-based policy sets its expiry once and never refreshes it.',
    )
  }
  const explained = out.some(
    (d) =>
      d.id === 'non-browser-client' ||
      d.id === 'cross-origin-without-credentials' ||
      d.id === 'cdn' ||
      d.id === 'cors-copy-missing',
  )
  if (anyNotBack && !explained) {
    add(
      'not-carried-back',
      'A later request did not carry the stickiness cookie',
      'The browser did not send the cookie back. Look for it in DevTools (Application → Cookies, and the request’s Cookies tab, which shows why a cookie was blocked).',
    )
  }
  const backOnEveryRequest = sticky.some(
    (c) => c.set !== null && c.laterRequests > 0 && c.laterCarrying === c.laterRequests,
  )
  if (out.length === 0 && backOnEveryRequest) {
    add(
      'looks-sticky',
      'The cookies are set and come back',
      'From these headers stickiness should hold. If requests still change target, the target turned unhealthy or was deregistered, or the stickiness duration lapsed between requests.',
    )
  }
  return out
}
