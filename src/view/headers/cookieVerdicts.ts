// What to say about one cookie of a paste, in short sentences: what it is, its value (opaque when the load balancer
// wrote it: never decoded), its lifetime against the 7 days an ALB always writes, its attributes, whether a browser
// would send it back on a same-site, a cross-site and a plain-HTTP request (the lab's own browser rules,
// src/sim/cookiePolicy.ts, in src/explain's words), and whether the requests in the paste carried it.
import { rejectionCode, withheldCode, type ParsedSetCookie } from '../../sim'
import { refusedCookieText, withheldCookieText } from '../../explain/cookiePolicyTexts'
import type { RequestContext } from '../cookieTable'
import { cookieKind, originalOf, type CookieKind } from './cookieKind'
import { cookieFacts, type CookieFacts, type PasteFacts } from './pasteFacts'

export type Tone = 'good' | 'bad' | 'note'

export interface Verdict {
  topic: string
  text: string
  tone: Tone
}

export interface CookieFinding {
  name: string
  kind: CookieKind
  /** The value as seen, shortened for display. */
  shownValue: string
  /** The Set-Cookie line, or null when only a request carried it. */
  setLine: string | null
  verdicts: Verdict[]
}

/** What ALBs write in Expires: 7 days after the response, whatever the stickiness duration. */
export const ALB_COOKIE_LIFETIME_SECONDS = 7 * 24 * 3600
/** Slack for a Date and an Expires written a second apart. */
const LIFETIME_SLACK_SECONDS = 2
const PERCENT_ENCODED = /%[0-9A-Fa-f]{2}/

/** "7 days", "20 seconds", "1 hour 30 minutes": whole units, at most two of them. */
export function formatDuration(seconds: number): string {
  const s = Math.round(Math.abs(seconds))
  const units: [number, string][] = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ]
  const parts: string[] = []
  let left = s
  for (const [size, name] of units) {
    const n = Math.floor(left / size)
    if (n === 0 || parts.length === 2) continue
    parts.push(`${n} ${name}${n === 1 ? '' : 's'}`)
    left -= n * size
  }
  return parts.length === 0 ? '0 seconds' : parts.join(' ')
}

function shorten(value: string): string {
  return value.length > 48 ? `${value.slice(0, 44)}…` : value
}

function context(protocol: 'HTTP' | 'HTTPS', crossSite: boolean, path: string): RequestContext {
  return {
    protocol,
    crossSite,
    credentials: crossSite ? 'include' : 'same-origin',
    path,
    cookiesEnabled: true,
    userAgent: 'chromium',
  }
}

/** Whether a browser (Chromium's rules, as in the lab) stores this cookie and sends it back on a request like `ctx`. */
function sendBack(parsed: ParsedSetCookie, ctx: RequestContext): string | null {
  const stored = rejectionCode(parsed, ctx, [])
  if (stored !== null)
    return `Not stored: ${refusedCookieText(stored, { ...ctx, sameSite: parsed.sameSite })}.`
  const withheld = withheldCode(parsed, ctx)
  return withheld === null
    ? null
    : `Not sent: ${withheldCookieText(withheld, parsed.path, ctx.path)}.`
}

function attributeText(p: ParsedSetCookie): string {
  const same =
    p.sameSite === null ? 'No SameSite (browsers treat it as Lax)' : `SameSite=${p.sameSite}`
  return `${same}, ${p.secure ? 'Secure' : 'not Secure'}, ${p.httpOnly ? 'HttpOnly' : 'not HttpOnly'}, Path=${p.path}.`
}

function valueVerdicts(c: CookieFacts, kind: CookieKind, facts: PasteFacts): Verdict[] {
  const value = c.set?.parsed.value ?? c.carriedValue ?? ''
  const out: Verdict[] = []
  if (kind.fromLoadBalancer && value === '_remove_') {
    out.push({
      topic: 'Value',
      tone: 'note',
      text: '_remove_ marks an unused shard. The ALB writes all four AWSALBAPP names and fills unused ones with _remove_.',
    })
  } else if (kind.fromLoadBalancer) {
    out.push({
      topic: 'Value',
      tone: 'note',
      text: 'Encrypted by the load balancer with a rotating key. It is opaque: it cannot be decoded outside AWS.',
    })
  }
  const original = originalOf(c.name)
  const twin = original === null ? undefined : cookieFacts(facts, original)
  if (twin?.set && c.set && twin.set.exchange === c.set.exchange) {
    out.push(
      twin.set.parsed.value === c.set.parsed.value
        ? { topic: 'Value', tone: 'good', text: `Same value as ${original} in the same response.` }
        : {
            topic: 'Value',
            tone: 'bad',
            text: `Differs from ${original} in the same response; the ALB writes both with one value.`,
          },
    )
  }
  const encoded = [c.carriedValue ?? '', ...c.setValues].some((v) => PERCENT_ENCODED.test(v))
  if (encoded) {
    out.push({
      topic: 'Value',
      tone: kind.fromLoadBalancer ? 'bad' : 'note',
      text: kind.fromLoadBalancer
        ? 'Percent-encoded (URL-encoded). ALBs do not support URL-encoded cookie values, so this request is not sticky.'
        : 'Percent-encoded (URL-encoded). If this is the app_cookie stickiness cookie: ALBs do not support URL-encoded cookie values.',
    })
  }
  return out
}

function lifetimeVerdict(c: CookieFacts, kind: CookieKind): Verdict | null {
  const set = c.set
  if (set === null) return null
  const p = set.parsed
  const alb =
    kind.fromLoadBalancer && kind.id !== 'AWSELB' && kind.id !== 'AWSELBCORS' && kind.id !== 'auth'
  if (p.expiresAt === null) {
    return alb
      ? {
          topic: 'Lifetime',
          tone: 'bad',
          text: 'No expiry: a session cookie. ALBs write Expires 7 days ahead, so something rewrote this line.',
        }
      : {
          topic: 'Lifetime',
          tone: 'note',
          text: 'No Expires or Max-Age: a session cookie, kept until the browser closes.',
        }
  }
  // Max-Age is measured from receipt (parseSetCookie anchors it at the Date, or at 0 without one).
  const lifetime = set.hasMaxAge
    ? p.expiresAt - (set.dateAt ?? 0)
    : set.dateAt === null
      ? null
      : p.expiresAt - set.dateAt
  if (lifetime !== null && lifetime <= 0)
    return {
      topic: 'Lifetime',
      tone: 'note',
      text: 'Its expiry has passed, so this line deletes the cookie.',
    }
  if (alb && set.hasMaxAge)
    return {
      topic: 'Lifetime',
      tone: 'bad',
      text: 'Has Max-Age. ALBs use Expires, not Max-Age: something between the ALB and the browser rewrote it.',
    }
  if (lifetime === null)
    return {
      topic: 'Lifetime',
      tone: 'note',
      text: 'The paste has no Date header, so the length of its Expires cannot be checked.',
    }
  const length = formatDuration(lifetime)
  if (!alb) {
    const how = set.hasMaxAge ? 'Max-Age' : 'Expires'
    return kind.id === 'AWSELB'
      ? {
          topic: 'Lifetime',
          tone: 'note',
          text: `Lasts ${length}. A Classic duration policy never refreshes it; only the browser enforces it.`,
        }
      : { topic: 'Lifetime', tone: 'note', text: `Lasts ${length} (${how}).` }
  }
  if (Math.abs(lifetime - ALB_COOKIE_LIFETIME_SECONDS) <= LIFETIME_SLACK_SECONDS) {
    return {
      topic: 'Lifetime',
      tone: 'note',
      text:
        'Expires 7 days after the response, as ALBs always write. That is not your stickiness duration. ' +
        'The ALB enforces the configured duration (1 second to 7 days) inside the encrypted value, and restarts it with every request.',
    }
  }
  return {
    topic: 'Lifetime',
    tone: 'bad',
    text: `Expires ${length} after the response, not the 7 days ALBs write: something rewrote it.`,
  }
}

function browserVerdicts(c: CookieFacts, kind: CookieKind): Verdict[] {
  const p = c.set?.parsed
  if (p === undefined) return []
  const out: Verdict[] = [{ topic: 'Attributes', tone: 'note', text: attributeText(p) }]
  if ((kind.id === 'AWSALB' || kind.id === 'AWSALBCORS') && (!p.secure || !p.httpOnly)) {
    out.push({
      topic: 'Attributes',
      tone: 'note',
      text: 'Security scanners flag missing Secure or HttpOnly here. AWS offers no setting to add them to duration-based cookies.',
    })
  }
  const cases: [string, RequestContext][] = [
    ['Same-site request', context('HTTPS', false, p.path)],
    ["Cross-site request (credentials: 'include')", context('HTTPS', true, p.path)],
    ['Plain HTTP request', context('HTTP', false, p.path)],
  ]
  for (const [topic, ctx] of cases) {
    const why = sendBack(p, ctx)
    out.push(
      why === null
        ? { topic, tone: 'good', text: 'A browser sends it back.' }
        : { topic, tone: 'bad', text: why },
    )
  }
  return out
}

function carriedVerdict(c: CookieFacts): Verdict | null {
  if (c.set === null)
    return c.carriedBy.length > 0
      ? { topic: 'In this paste', tone: 'good', text: 'The request carried it.' }
      : null
  if (c.laterRequests === 0) {
    return c.carriedBy.some((i) => i <= c.set!.exchange)
      ? {
          topic: 'In this paste',
          tone: 'good',
          text: 'The request carried it, and the response set it again.',
        }
      : {
          topic: 'In this paste',
          tone: 'note',
          text: 'No later request in the paste shows whether it came back.',
        }
  }
  const { laterRequests: n, laterCarrying: k } = c
  if (k === n)
    return {
      topic: 'In this paste',
      tone: 'good',
      text: `Carried back on ${n === 1 ? 'the next request' : `all ${n} later requests`}.`,
    }
  return {
    topic: 'In this paste',
    tone: 'bad',
    text: `Carried back on ${k} of ${n} later requests.`,
  }
}

/** The findings for every cookie of the paste, load balancer cookies first. */
export function cookieFindings(facts: PasteFacts): CookieFinding[] {
  const out = facts.cookies.map((c): CookieFinding => {
    const kind = cookieKind(c.name)
    const verdicts: Verdict[] = [
      { topic: 'What it is', tone: 'note', text: kind.meaning },
      ...valueVerdicts(c, kind, facts),
    ]
    const life = lifetimeVerdict(c, kind)
    if (life) verdicts.push(life)
    verdicts.push(...browserVerdicts(c, kind))
    const carried = carriedVerdict(c)
    if (carried) verdicts.push(carried)
    return {
      name: c.name,
      kind,
      shownValue: shorten(c.set?.parsed.value ?? c.carriedValue ?? ''),
      setLine: c.set?.line ?? null,
      verdicts,
    }
  })
  return [
    ...out.filter((f) => f.kind.fromLoadBalancer),
    ...out.filter((f) => !f.kind.fromLoadBalancer),
  ]
}
