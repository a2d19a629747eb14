// CloudFront in front of the ALB in words: which of the browser's cookies its origin request policy kept from the
// load balancer. Appended to the ALB sentence, so the decision names the CDN as the cause.

import type { CdnFacts } from '../sim/model/facts'

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/** The sentence about the CDN hop (only rendered when it withheld cookies). */
export function explainCdn(f: CdnFacts): string {
  const policy =
    f.cookies === 'whitelist'
      ? `forwards only ${list(f.names)} to the load balancer (origin request policy CookieBehavior whitelist)`
      : `forwards no cookies to the load balancer (origin request policy CookieBehavior ${f.cookies})`
  return `CloudFront in front ${policy}, so it withheld ${list(f.withheld)}; the response's Set-Cookie lines still reach the browser.`
}
