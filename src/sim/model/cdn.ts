// CloudFront in front of the ALB (issue 19 item 2): what the lab models of a distribution is the one setting that
// decides stickiness behind it, the cookie behaviour of its origin request policy (CookiesConfig.CookieBehavior).

/** CookieBehavior values modelled (AWS also has `allExcept`, not modelled here). */
export const CDN_COOKIE_BEHAVIORS = ['none', 'whitelist', 'all'] as const
export type CdnCookieBehavior = (typeof CDN_COOKIE_BEHAVIORS)[number]

/**
 * Most names one allowlist holds: the CloudFront quota "cookies per origin request policy" (10). Simulator
 * convention: the quota is adjustable in AWS; the lab keeps the default.
 */
export const MAX_CDN_COOKIE_NAMES = 10

/** The distribution's state in World (`world.cdn`; absent when there is no CDN, as in every older snapshot). */
export interface CdnState {
  cookies: CdnCookieBehavior
  /** The allowlist (CookiesConfig.Cookies) when `cookies` is 'whitelist'; empty otherwise. */
  names: string[]
}

/** setCdn's argument: `{ enabled: false }` removes the CDN. */
export interface CdnOptions {
  enabled: boolean
  cookies?: CdnCookieBehavior
  names?: string[]
}

/** What lab.cdn() reports (null when there is no CDN). */
export interface CdnView {
  cookies: CdnCookieBehavior
  names: string[]
}
