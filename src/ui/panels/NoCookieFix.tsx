// Under a request that carried no Cookie header, in the HTTP inspector: why, in the client's terms, and the fix
// (issue 19, items 4 and 6): a CORS preflight never carries cookies; curl and SDKs keep none; a cross-site call
// carries them only with credentials and only AWSALBCORS (SameSite=None; Secure) travels cross-site.
import type { ClientKind } from '../../sim'
import { PREFLIGHT_INSPECTOR } from '../../view/preflightWords'

interface Props {
  preflight: boolean
  kind: ClientKind
  crossSite: boolean
}

export function NoCookieFix({ preflight, kind, crossSite }: Props) {
  let text = 'No Cookie header: the browser sent no cookies with this request.'
  if (preflight) text = `No Cookie header. ${PREFLIGHT_INSPECTOR}`
  else if (kind === 'curl')
    text =
      'No Cookie header: curl keeps no cookies unless told to (curl -c jar.txt -b jar.txt), so every request is balanced afresh.'
  else if (kind === 'sdk')
    text =
      'No Cookie header: this SDK or load tool keeps no cookie jar (OkHttp needs a CookieJar; many load tools need cookies switched on), so every request is balanced afresh.'
  else if (crossSite)
    text =
      'No Cookie header on this cross-site call. The fix: fetch(url, { credentials: "include" }) or xhr.withCredentials = true, the response allowing credentials for this origin, and an HTTPS listener so AWSALBCORS (SameSite=None; Secure) can travel.'
  return (
    <p className="hint" data-testid="no-cookie-fix">
      {text}
    </p>
  )
}
