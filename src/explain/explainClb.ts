// Classic Load Balancer requests in words: the AWSELB binding or why it did not apply, the
// least-loaded pick, and what the response did with AWSELB.

import type { ClbFacts, ClbMissFacts, ClbTail } from '../sim/model/facts'
import { noCookieCause, silenceText } from './cookieReasons'

/** Why AWSELB could not choose the instance (the CLB's own wording: InService, OutOfService). */
export function clbMissReason(miss: ClbMissFacts): string {
  switch (miss.code) {
    case 'sticky-miss-no-cookie':
      return noCookieCause(miss.reason, miss.cookie)
    case 'sticky-miss-invalid':
      return `the ${miss.cookie} cookie could not be decoded (edited, truncated or not issued by this load balancer)`
    case 'sticky-miss-foreign-target':
      return `${miss.cookie} names ${miss.named ?? 'an unknown instance'}, which is not registered with this load balancer`
    case 'sticky-miss-deregistered':
      return `${miss.cookie} names ${miss.named}, which has been deregistered`
    case 'sticky-miss-unhealthy':
      return `${miss.cookie} names ${miss.named}, which is OutOfService`
    case 'sticky-miss-no-app-cookie':
      return `${miss.cookie} names ${miss.named} but the request carries no ${miss.appCookie} cookie, so the session is not sticky until the application issues a new one`
  }
}

function tailClause(tail: ClbTail): string {
  switch (tail.kind) {
    case 'none':
      return ''
    case 'lb-sets':
      return tail.periodSeconds > 0
        ? `, and the response sets AWSELB naming it with Max-Age=${tail.periodSeconds} (the CLB never refreshes it)`
        : ', and the response sets AWSELB naming it as a session cookie (no expiration period)'
    case 'app-sets':
      return `; the response sets ${tail.appCookie}, so the CLB inserts AWSELB naming ${tail.targetId} with the same attributes`
    case 'app-no-cookie':
      return '; the application sets no cookie, so no AWSELB is inserted'
    case 'app-other-cookie':
      return `; the application sets ${tail.setCookie}, not ${tail.appCookie}, so no AWSELB is inserted`
  }
}

/** The whole explanation of a CLB request. */
export function explainClb(f: ClbFacts): string {
  const r = f.route
  let how: string
  if (r.kind === 'hit') {
    how =
      r.policy === 'lb'
        ? `${r.cookie} names ${r.targetId}, which is InService; the CLB does not check the cookie's age (only the browser drops it when it expires), so the request stays on ${r.targetId}`
        : `${r.cookie} names ${r.targetId} and the request carries ${r.appCookie}, so the request stays on ${r.targetId}`
  } else {
    const m = r.miss
    const prefix =
      m === null
        ? 'the listener has no stickiness policy'
        : m.code === 'sticky-miss-no-cookie'
          ? clbMissReason(m)
          : `${clbMissReason(m)}, so the CLB routes as if there were no cookie`
    how =
      r.targetId === null
        ? `${prefix}, and no registered instance is InService, so the load balancer returned 503 Service Unavailable`
        : `${prefix}; ${r.targetId} has the smallest load (${r.inFlight} outstanding, ties go round robin), so it gets the request`
  }
  how = how.charAt(0).toUpperCase() + how.slice(1)
  const tail =
    f.silence !== undefined
      ? `, but ${r.targetId} does not answer (${silenceText(f.silence)}), so the load balancer returned 502 Bad Gateway`
      : tailClause(f.tail)
  return how + tail + '.'
}
