// The browser's side of stickiness in words: why a request carried no stickiness cookie, why a
// Set-Cookie was refused, and why a target stayed silent. One function per reason family.

import type { CookieRejection, NoCookieReason, Silence } from '../sim/model/facts'

/** Why a request carried no stickiness cookie named `cookieName`, when the browser is the reason. */
export function noCookieCause(reason: NoCookieReason, cookieName: string): string {
  switch (reason) {
    case 'cookies-disabled':
      return `the browser has cookies disabled, so the request carried no ${cookieName} cookie`
    case 'credentials-omit':
      return `the request was sent with credentials 'omit', so it carried no cookies`
    case 'cross-site-no-credentials':
      return `the cross-site request was sent without credentials 'include', so it carried no cookies`
    case 'cross-site-withheld':
      return `the browser holds ${cookieName} but withheld it from this cross-site request (only SameSite=None; Secure cookies travel cross-site)`
    case 'cross-site-none':
      return `the cross-site request carried no ${cookieName} cookie (only SameSite=None; Secure cookies travel cross-site)`
    case 'none':
      return `the request carried no ${cookieName} cookie`
    case 'cdn-withheld':
      return `the browser's ${cookieName} cookie never reached the load balancer (CloudFront in front kept it back)`
    case 'no-cookie-jar':
      return `the client keeps no cookies (curl or an SDK without a cookie jar), so the request carried no ${cookieName} cookie`
    case 'preflight':
      return `the request was a CORS preflight (OPTIONS), which browsers always send without cookies, so it carried no ${cookieName} cookie`
  }
}

/** Why the browser refused to store a Set-Cookie (the code stays on the record as `reason`). */
export function blockedCookieReason(reason: CookieRejection): string {
  switch (reason) {
    case 'cookies-disabled':
      return 'the browser has cookies disabled'
    case 'credentials-not-included':
      return `the request's credentials mode does not let the response set cookies`
    case 'too-large':
      return 'its name and value exceed 4096 bytes'
    case 'secure-over-http':
      return 'it is Secure but arrived over plain HTTP'
    case 'samesite-none-without-secure':
      return 'it is SameSite=None without Secure'
    case 'samesite-cross-site-blocked':
      return 'the browser does not store cookies other than SameSite=None from a cross-site response'
    case 'overwrites-secure-over-http':
      return 'an insecure response may not overwrite a Secure cookie'
    case 'no-cookie-jar':
      return 'the client keeps no cookie jar (curl or an SDK)'
  }
}

/** Why a chosen target did not answer. */
export function silenceText(silence: Silence): string {
  return silence === 'hung' ? 'its application has hung' : 'its instance is stopped'
}
