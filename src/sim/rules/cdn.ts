// The CloudFront hop in front of the ALB: which of the browser's cookies reach the load balancer, and the checks
// setCdn runs. CloudFront forwards to the origin only the cookies its origin request policy names
// (CookiesConfig.CookieBehavior: none, whitelist, all); the rest never reach the ALB, so a stickiness cookie that
// is not forwarded is, to the ALB, a request with no cookie. Set-Cookie lines from the origin pass back to the
// browser unchanged (the lab models a policy-based behaviour with caching off; docs/model.md "CloudFront").

import type { CdnOptions, CdnState, CdnView } from '../model/cdn'
import { CDN_COOKIE_BEHAVIORS, MAX_CDN_COOKIE_NAMES } from '../model/cdn'
import type { AlbWhy, CdnFacts } from '../model/facts'
import type { StoredCookie, World } from '../model/world'
import { fail, type Failure } from './failure'

export interface CdnPass {
  /** The cookies CloudFront includes in the origin request, in the browser's order. */
  forwarded: StoredCookie[]
  /** Names the browser sent that CloudFront did not forward, in the browser's order. */
  withheld: string[]
}

/** What lab.cdn() reports: a copy of the CDN in front, or null. */
export function cdnView(world: World): CdnView | null {
  const c = world.cdn
  return c === undefined ? null : { cookies: c.cookies, names: c.names.slice() }
}

/** Splits the viewer request's cookies into those forwarded to the ALB and those withheld (null: no CDN). */
export function cdnForward(cdn: CdnState | undefined, sent: StoredCookie[]): CdnPass | null {
  if (cdn === undefined) return null
  if (cdn.cookies === 'all') return { forwarded: sent, withheld: [] }
  const forwarded: StoredCookie[] = []
  const withheld: string[] = []
  for (const c of sent) {
    // Cookie names match exactly (case-sensitive), as CloudFront compares them.
    if (cdn.cookies === 'whitelist' && cdn.names.includes(c.name)) forwarded.push(c)
    else withheld.push(c.name)
  }
  return { forwarded, withheld }
}

/** The facts a request records when CloudFront withheld cookies (none withheld: no facts). */
export function cdnFacts(cdn: CdnState | undefined, pass: CdnPass | null): CdnFacts | undefined {
  if (cdn === undefined || pass === null || pass.withheld.length === 0) return undefined
  return { cookies: cdn.cookies, names: cdn.names.slice(), withheld: pass.withheld.slice() }
}

/** A "no cookie" miss whose cookie the browser did send but CloudFront withheld, blamed on CloudFront. */
export function cdnMiss(why: AlbWhy, pass: CdnPass): AlbWhy {
  if (why.code !== 'sticky-miss-no-cookie') return why
  // AWSALBCORS carries the same binding, so AWSALB counts as sent when either was withheld.
  const w = pass.withheld
  const sent =
    w.includes(why.cookie) ||
    (why.cookie === 'AWSALB' && w.includes('AWSALBCORS')) ||
    (why.cookie === 'AWSALBAPP' && w.some((n) => n.startsWith('AWSALBAPP-')))
  return sent ? { ...why, reason: 'cdn-withheld' } : why
}

const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/** setCdn's options checked: the state to store (null: no CDN), or why they are refused. */
export function checkCdnOptions(
  options: CdnOptions,
): { ok: true; cdn: CdnState | null } | { ok: false; failure: Failure } {
  if (options.enabled !== true && options.enabled !== false)
    return {
      ok: false,
      failure: fail('InvalidArgument', 'enabled must be true or false.', 'enabled'),
    }
  if (!options.enabled) return { ok: true, cdn: null }
  const cookies = options.cookies ?? 'none'
  if (!(CDN_COOKIE_BEHAVIORS as readonly unknown[]).includes(cookies))
    return {
      ok: false,
      failure: fail(
        'InvalidArgument',
        `CookieBehavior must be one of ${CDN_COOKIE_BEHAVIORS.join(', ')}.`,
        'CookieBehavior',
      ),
    }
  const names = options.names ?? []
  if (!Array.isArray(names) || names.some((n) => typeof n !== 'string' || !COOKIE_NAME.test(n)))
    return {
      ok: false,
      failure: fail(
        'InvalidArgument',
        'Each cookie name must be a non-empty cookie-name token.',
        'Cookies',
      ),
    }
  if (cookies !== 'whitelist') {
    if (names.length > 0)
      return {
        ok: false,
        failure: fail(
          'InvalidArgument',
          `Cookie names are only allowed when CookieBehavior is whitelist.`,
          'Cookies',
        ),
      }
    return { ok: true, cdn: { cookies, names: [] } }
  }
  if (names.length === 0)
    return {
      ok: false,
      failure: fail(
        'InvalidArgument',
        'CookieBehavior whitelist needs at least one cookie name.',
        'Cookies',
      ),
    }
  if (names.length > MAX_CDN_COOKIE_NAMES)
    return {
      ok: false,
      failure: fail(
        'TooManyCookiesInOriginRequestPolicy',
        `An origin request policy can name at most ${MAX_CDN_COOKIE_NAMES} cookies.`,
        'Cookies',
      ),
    }
  return { ok: true, cdn: { cookies, names: [...new Set(names)] } }
}
