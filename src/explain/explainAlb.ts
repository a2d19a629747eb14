// Application Load Balancer requests in words: the target-group half (weights, AWSALBTG) and the
// target half (binding, miss, algorithm, 502/503), then what the response did with the cookies.

import type { AlbFacts, AlbRoute, AlbTail, AlbWhy, GroupFacts } from '../sim/model/facts'
import { noCookieCause, silenceText } from './cookieReasons'
import { explainOuter } from './explainOuter'
import { explainCdn } from './explainCdn'
import { formatDuration } from './formatDuration'

export function algorithmPhrase(algorithm: string | null): string {
  switch (algorithm) {
    case 'least_outstanding_requests':
      return 'least outstanding requests'
    case 'weighted_random':
      return 'weighted random'
    default:
      return 'round robin'
  }
}

/** The target-group half of the sentence. */
export function groupClause(g: GroupFacts): string {
  const weights = g.weights.map((w) => `${w.name} ${w.weight}`).join(', ')
  const duration = formatDuration(g.durationSeconds)
  switch (g.decision) {
    case 'weighted':
      return `The forward action's weights (${weights}) sent the request to ${g.group}; `
    case 'group-sticky-hit': {
      const w = g.weights.find((x) => x.name === g.group)?.weight
      const zero = w === 0 ? ', even though its weight is now 0,' : ''
      return `${g.cookieName} keeps the client in target group ${g.group}${zero} because its ${duration} window has not lapsed; `
    }
    case 'group-sticky-miss-no-cookie':
      return `No AWSALBTG cookie arrived, so the weights (${weights}) chose ${g.group}; `
    case 'group-sticky-miss-invalid':
      return `${g.cookieName} could not be decoded, so the weights (${weights}) chose ${g.group}; `
    case 'group-sticky-miss-foreign':
      return `${g.cookieName} names a target group that is not in this forward action, so the weights (${weights}) chose ${g.group}; `
    case 'group-sticky-miss-expired':
      return `${g.cookieName} is older than the ${duration} target group stickiness duration, so the weights (${weights}) chose ${g.group}; `
    case 'none':
      return `Every target group in the forward action has weight 0; `
  }
}

/** Why the algorithm, not a binding, picked the target (the sentence's first clause). */
export function whyClause(why: AlbWhy, targetGroup: string): string {
  switch (why.code) {
    case 'stickiness-off':
      return 'stickiness is off'
    case 'app-cookie-ignored-weighted':
      return 'application-based stickiness does not work when the forward action spreads traffic over several target groups'
    case 'sticky-miss-no-cookie':
      return `stickiness is on but ${noCookieCause(why.reason, why.cookie)}`
    case 'sticky-miss-invalid':
      return `the ${why.cookie} cookie could not be decoded (edited, truncated, URL-encoded or not issued by this load balancer)`
    case 'sticky-miss-foreign-target':
      return why.foreignGroup !== undefined
        ? `${why.cookie} holds a binding for target group ${why.foreignGroup ?? 'unknown'}, not ${targetGroup}`
        : `${why.cookie} names ${why.named ?? 'an unknown target'}, which is not registered in target group ${targetGroup}`
    case 'sticky-miss-expired':
      return `${why.cookie} was last refreshed ${why.idleSeconds} s ago, longer than the ${formatDuration(why.durationSeconds)} stickiness duration`
    case 'sticky-miss-deregistered':
      return `${why.cookie} names ${why.named ?? 'an unknown target'}, which has been deregistered from ${targetGroup} (${why.state ?? 'unused'})`
    case 'sticky-miss-unhealthy':
      return why.invalidState
        ? `${why.cookie} names ${why.named ?? 'an unknown target'}, which is unused because its instance is stopped (Target.InvalidState)`
        : `${why.cookie} names ${why.named ?? 'an unknown target'}, which is ${why.state ?? 'not healthy'}`
    case 'sticky-miss-no-app-cookie':
      return `${why.cookie} names ${why.named ?? 'an unknown target'} but the request carries no ${why.appCookie} cookie, and both are required`
  }
}

function tailClause(tail: AlbTail): string {
  switch (tail.kind) {
    case 'none':
      return ''
    case 'lb-sets':
      return ', and the response sets AWSALB naming it'
    case 'lb-rewrites':
      return ', and the response rewrites AWSALB to name it'
    case 'app-sets':
      return `, and because ${tail.targetId} set ${tail.appCookie} the response sets AWSALBAPP-0 naming it`
    case 'app-no-cookie':
      return `; the application sets no cookie, so AWSALBAPP-0..3 are written as _remove_ and stickiness never starts`
    case 'app-other-cookie':
      return `; the application sets ${tail.setCookie} but the target group waits for ${tail.appCookie}, so AWSALBAPP-0..3 are written as _remove_ and stickiness never starts`
  }
}

/** Joins the halves; capitalises the target half when it opens the sentence and starts lower-case. */
export function sentence(groupPart: string, targetPart: string, lowerStart: boolean): string {
  if (groupPart !== '' || !lowerStart) return groupPart + targetPart
  return targetPart.charAt(0).toUpperCase() + targetPart.slice(1)
}

function isLowerStart(s: string): boolean {
  const c = s.charCodeAt(0)
  return c >= 97 && c <= 122
}

/** The clause naming the target and how it was chosen (a target was chosen). */
function routeClause(route: Exclude<AlbRoute, { kind: 'no-group' }>): string {
  switch (route.kind) {
    case 'hit':
      return route.appCookie !== ''
        ? `${route.cookie} names ${route.targetId} and the request also carries ${route.appCookie}; ${route.targetId} is healthy and the ${formatDuration(route.durationSeconds)} idle window has not lapsed, so the request stays on ${route.targetId}`
        : `${route.cookie} names ${route.targetId}, which is healthy, and the ${formatDuration(route.durationSeconds)} idle window has not lapsed, so the request stays on ${route.targetId}`
    case 'hit-fail-open':
      return `${route.cookie} names ${route.targetId}; no target is healthy, so the load balancer fails open and honours the cookie, keeping the request on ${route.targetId}`
    case 'pick': {
      const prefix = whyClause(route.why, route.targetGroup)
      let algo = algorithmPhrase(route.algorithm)
      if (route.inFlight !== null) algo += ` (${route.inFlight} in flight)`
      if (route.slowStart) algo += ' weighted by slow start'
      return route.failOpen
        ? `${prefix}; no target in ${route.targetGroup} is healthy enough, so the load balancer fails open and ${algo} picked ${route.targetId} among all registered targets`
        : `${prefix}, so ${algo} picked ${route.targetId}`
    }
  }
}

/** The ALB's own sentence. */
function albSentence(f: AlbFacts): string {
  const groupPart = f.group === undefined ? '' : groupClause(f.group)
  const route = f.route
  if (route.kind === 'no-group')
    return sentence(
      groupPart,
      'there is no target group to send to, so the load balancer returned 503 Service Unavailable.',
      true,
    )
  if (route.kind === 'pick' && route.targetId === null) {
    const prefix = whyClause(route.why, route.targetGroup)
    const where =
      route.az === null
        ? `target group ${route.targetGroup}`
        : `${route.az} (cross-zone load balancing is off for ${route.targetGroup})`
    return sentence(
      groupPart,
      `${prefix}, and ${where} has no registered target that can take traffic, so the load balancer returned 503 Service Unavailable.`,
      isLowerStart(prefix),
    )
  }
  const how = routeClause(route)
  // A binding's clause opens with the cookie's name, which is never capitalised.
  const lower = route.kind === 'pick' && isLowerStart(how)
  if (f.silence !== undefined)
    return sentence(
      groupPart,
      `${how}, but ${route.targetId} does not answer (${silenceText(f.silence)}), so the load balancer returned 502 Bad Gateway.`,
      lower,
    )
  return sentence(groupPart, how + tailClause(f.tail) + '.', lower)
}

/** The whole explanation of an ALB request (and of the CDN in front, when it withheld cookies). */
export function explainAlb(f: AlbFacts): string {
  const own = albSentence(f)
  const withCdn = f.cdn === undefined ? own : `${own} ${explainCdn(f.cdn)}`
  return f.outer === undefined ? withCdn : `${explainOuter(f.outer)} ${withCdn}`
}
