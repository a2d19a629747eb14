// What a security scanner says about one of the load balancer's stickiness cookies (issue 19 item 7), read from
// the cookie's actual attributes in the jar (never from its name alone), and what can and cannot be done about it.
// Sources: reference §3.8 (flags observed on AWSALB/AWSALBCORS; AWS offers no setting to add Secure or HttpOnly),
// repost.aws knowledge-center "elb-secure-flag-alb-cookies", and the ALB sticky-sessions page (AWSALBCORS).

/** The cookie attributes a scanner reads. */
export interface ScannedCookie {
  name: string
  secure: boolean
  httpOnly: boolean
}

export interface ScannerReport {
  /** What a scanner would flag, e.g. "Missing Secure flag". Empty: nothing to flag. */
  findings: string[]
  /** What can and cannot be done, one sentence each. */
  advice: string[]
}

const DURATION_COOKIES = new Set(['AWSALB', 'AWSALBCORS', 'AWSALBTG', 'AWSALBTGCORS'])

/** Whether the cookie is one the load balancer generates (scanner findings apply to it). */
export function isLoadBalancerCookie(name: string): boolean {
  return DURATION_COOKIES.has(name) || /^AWSALBAPP-[0-3]$/.test(name)
}

/** The scanner's findings and the advice for one load-balancer cookie; null for any other cookie. */
export function scannerReport(c: ScannedCookie, listenerProtocol: string): ScannerReport | null {
  if (!isLoadBalancerCookie(c.name)) return null
  const findings: string[] = []
  if (!c.secure) findings.push('Missing Secure flag')
  if (!c.httpOnly) findings.push('Missing HttpOnly flag')
  const advice: string[] = []
  if (findings.length === 0) return { findings, advice }
  advice.push(
    `The load balancer writes ${c.name} itself: there is no attribute or setting to add Secure or HttpOnly to it. Its value is encrypted and holds only the binding, no session data.`,
  )
  if (c.name.endsWith('CORS')) {
    advice.push(
      listenerProtocol === 'HTTPS'
        ? `${c.name} already carries SameSite=None; Secure.`
        : `Over an HTTP listener ${c.name} comes without Secure (and a browser refuses SameSite=None without Secure): use an HTTPS listener.`,
    )
  } else if (listenerProtocol !== 'HTTPS') {
    advice.push(
      'Serve the site through an HTTPS listener so the cookie never travels in clear text.',
    )
  }
  advice.push(
    "With application-based stickiness your application sets its own cookie with the attributes it chooses (Secure; HttpOnly); the load balancer's AWSALBAPP cookie beside it still has neither.",
  )
  return { findings, advice }
}
