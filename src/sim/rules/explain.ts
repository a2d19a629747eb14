// Plain-sentence explanations for routing decisions. Kept apart from the routing code so the
// wording can be revised (and translated later) without touching the rules.

import { formatDuration } from '../clock'
import type { TargetGroupDecision } from '../model/decisions'
import type { ListenerState } from '../model/world'
import type { BrowserContext } from '../cookieJar'

export function algorithmPhrase(algorithm: string): string {
  switch (algorithm) {
    case 'least_outstanding_requests':
      return 'least outstanding requests'
    case 'weighted_random':
      return 'weighted random'
    default:
      return 'round robin'
  }
}

/** Why a request carried no stickiness cookie, when the browser is the reason. */
export function noCookieCause(
  cookiesEnabled: boolean,
  ctx: BrowserContext,
  cookieName: string,
  /** The browser holds a cookie of that name (it withheld it): say so, not "carried no" alone. */
  held = false,
): string {
  if (!cookiesEnabled)
    return `the browser has cookies disabled, so the request carried no ${cookieName} cookie`
  if (ctx.credentials === 'omit')
    return `the request was sent with credentials 'omit', so it carried no cookies`
  if (ctx.crossSite && ctx.credentials !== 'include') {
    return `the cross-site request was sent without credentials 'include', so it carried no cookies`
  }
  if (ctx.crossSite && held)
    return `the browser holds ${cookieName} but withheld it from this cross-site request (only SameSite=None; Secure cookies travel cross-site)`
  if (ctx.crossSite)
    return `the cross-site request carried no ${cookieName} cookie (only SameSite=None; Secure cookies travel cross-site)`
  return `the request carried no ${cookieName} cookie`
}

/** The target-group half of the sentence ('' when the action has one group and no group stickiness). */
export function explainGroup(
  decision: TargetGroupDecision,
  group: string | null,
  listener: ListenerState,
  cookieName: string | null,
): string {
  const fwd = listener.forward
  const weights = fwd.targetGroups.map((g) => `${g.name} ${g.weight}`).join(', ')
  const duration = formatDuration(fwd.stickiness.durationSeconds)
  switch (decision) {
    case 'single':
      return ''
    case 'weighted':
      return `The forward action's weights (${weights}) sent the request to ${group}; `
    case 'group-sticky-hit': {
      const w = fwd.targetGroups.find((g) => g.name === group)?.weight
      const zero = w === 0 ? ', even though its weight is now 0,' : ''
      return `${cookieName} keeps the client in target group ${group}${zero} because its ${duration} window has not lapsed; `
    }
    case 'group-sticky-miss-no-cookie':
      return `No AWSALBTG cookie arrived, so the weights (${weights}) chose ${group}; `
    case 'group-sticky-miss-invalid':
      return `${cookieName} could not be decoded, so the weights (${weights}) chose ${group}; `
    case 'group-sticky-miss-foreign':
      return `${cookieName} names a target group that is not in this forward action, so the weights (${weights}) chose ${group}; `
    case 'group-sticky-miss-expired':
      return `${cookieName} is older than the ${duration} target group stickiness duration, so the weights (${weights}) chose ${group}; `
    case 'none':
      return `Every target group in the forward action has weight 0; `
  }
}

/** Joins the halves; capitalises the target half when it opens the sentence and starts lower-case.
 *  (`lowerStart` is passed in so the hot path never has to flatten the string to look.) */
export function sentence(groupPart: string, targetPart: string, lowerStart: boolean): string {
  if (groupPart !== '' || !lowerStart) return groupPart + targetPart
  return targetPart.charAt(0).toUpperCase() + targetPart.slice(1)
}
