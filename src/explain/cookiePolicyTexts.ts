// The browser's cookie policy in words (ADR 0009): why a cookie of the jar stays off a request and why
// a Set-Cookie line is not stored, for the Cookies panel, the stage's cookie chips and the header
// explainer. The core decides and records codes (src/sim/cookiePolicy.ts); only the wording lives here.

import type { CookieRejection, CookieWithheld } from '../sim/model/facts'
import type { SameSite } from '../sim/model/world'

function sameSiteText(sameSite: SameSite | null): string {
  return sameSite === null
    ? 'it has no SameSite attribute, so the browser treats it as Lax'
    : `it is SameSite=${sameSite}`
}

const CROSS_SITE_ONLY_NONE = 'only SameSite=None cookies go with cross-site requests'

/** Why the browser leaves a cookie with Path `cookiePath` off a request for `requestPath`. */
export function withheldCookieText(
  reason: CookieWithheld,
  cookiePath: string,
  requestPath: string,
): string {
  switch (reason) {
    case 'cookies-disabled':
      return 'cookies are disabled in this browser'
    case 'no-cookie-jar':
      return 'the client keeps no cookie jar (curl or an SDK)'
    case 'credentials-omit':
      return "the fetch used credentials: 'omit', so the browser sends no cookies at all"
    case 'cross-site-no-credentials':
      // 'omit' has its own code, so a cross-site fetch without 'include' used 'same-origin'.
      return "a cross-site fetch carries cookies only with credentials: 'include' (this one used 'same-origin')"
    case 'secure-over-http':
      return 'it is Secure, and Secure cookies are sent only over https:// (this listener is HTTP)'
    case 'samesite-unset-cross-site':
      return `${sameSiteText(null)}; ${CROSS_SITE_ONLY_NONE}`
    case 'samesite-lax-cross-site':
      return `${sameSiteText('Lax')}; ${CROSS_SITE_ONLY_NONE}`
    case 'samesite-strict-cross-site':
      return `${sameSiteText('Strict')}; ${CROSS_SITE_ONLY_NONE}`
    case 'path-mismatch':
      return `its Path=${cookiePath} does not match the request path ${requestPath}`
  }
}

/** What a refusal's sentence needs beyond its code: how the request was made and the line's SameSite. */
export interface RefusalContext {
  crossSite: boolean
  credentials: 'include' | 'same-origin' | 'omit'
  sameSite: SameSite | null
}

/** Why the browser does not store a Set-Cookie line, as the Cookies panel and the header explainer say it. */
export function refusedCookieText(reason: CookieRejection, ctx: RefusalContext): string {
  switch (reason) {
    case 'cookies-disabled':
      return 'cookies are disabled in this browser'
    case 'no-cookie-jar':
      return 'the client keeps no cookie jar (curl or an SDK)'
    case 'credentials-not-included':
      return `a response to a ${ctx.crossSite ? 'cross-site ' : ''}fetch sent with credentials: '${ctx.credentials}' cannot set cookies`
    case 'too-large':
      return 'name plus value exceed the browser limit of 4096 bytes'
    case 'secure-over-http':
      return 'it is Secure, and a browser does not store Secure cookies received over http://'
    case 'samesite-none-without-secure':
      return 'it is SameSite=None without Secure, and a browser rejects a SameSite=None cookie that is not Secure'
    case 'samesite-cross-site-blocked':
      return `${sameSiteText(ctx.sameSite)}, and Chromium does not store such cookies from a cross-site response`
    case 'overwrites-secure-over-http':
      return 'an http:// response may not overwrite a Secure cookie'
  }
}
