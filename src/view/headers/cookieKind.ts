// Which cookie a name is: the load balancers' own stickiness cookies (names and roles from the ALB and CLB sticky
// sessions guides and the captures in docs/reference), the ALB authentication cookie, or the application's own.

export type CookieKindId =
  | 'AWSALB'
  | 'AWSALBCORS'
  | 'AWSALBAPP'
  | 'AWSALBTG'
  | 'AWSALBTGCORS'
  | 'AWSELB'
  | 'AWSELBCORS'
  | 'auth'
  | 'reserved'
  | 'app'

export interface CookieKind {
  id: CookieKindId
  /** Short name for the kind, e.g. "Duration-based stickiness cookie". */
  label: string
  /** What it does, in one or two short sentences. */
  meaning: string
  /** Written by the load balancer (its value is encrypted and opaque). */
  fromLoadBalancer: boolean
  /** Carries SameSite=None; Secure so cross-site requests can carry stickiness. */
  crossSiteCopy: boolean
}

const KINDS: ReadonlyMap<string, Omit<CookieKind, 'id'>> = new Map([
  [
    'AWSALB',
    {
      label: 'Duration-based stickiness cookie (ALB)',
      meaning:
        'The ALB writes it when the target group uses lb_cookie stickiness. It names the target this browser is stuck to.',
      fromLoadBalancer: true,
      crossSiteCopy: false,
    },
  ],
  [
    'AWSALBCORS',
    {
      label: 'Cross-site copy of AWSALB',
      meaning:
        'The cross-site copy of AWSALB: the same value, plus SameSite=None; Secure, so browsers also send it on cross-site (CORS) requests.',
      fromLoadBalancer: true,
      crossSiteCopy: true,
    },
  ],
  [
    'AWSALBAPP',
    {
      label: 'Application-based stickiness cookie (ALB)',
      meaning:
        'The ALB writes AWSALBAPP-0 to -3 when the target group uses app_cookie stickiness. It works only together with the application cookie it is named after.',
      fromLoadBalancer: true,
      crossSiteCopy: false,
    },
  ],
  [
    'AWSALBTG',
    {
      label: 'Target group stickiness cookie (ALB)',
      meaning:
        'Written by a listener rule that forwards to weighted target groups with target group stickiness. It names the target group, not the target.',
      fromLoadBalancer: true,
      crossSiteCopy: false,
    },
  ],
  [
    'AWSALBTGCORS',
    {
      label: 'Cross-site copy of AWSALBTG',
      meaning:
        'The same value as AWSALBTG, plus SameSite=None; Secure, for cross-site (CORS) requests.',
      fromLoadBalancer: true,
      crossSiteCopy: true,
    },
  ],
  [
    'AWSELB',
    {
      label: 'Classic Load Balancer stickiness cookie',
      meaning:
        'A Classic Load Balancer writes it. With a duration-based policy its expiry is fixed when it is set and is never refreshed; the browser enforces it.',
      fromLoadBalancer: true,
      crossSiteCopy: false,
    },
  ],
  [
    'AWSELBCORS',
    {
      label: 'Cross-site copy of AWSELB',
      meaning:
        'The same content as AWSELB, plus SameSite=None; Secure, for cross-site (CORS) requests.',
      fromLoadBalancer: true,
      crossSiteCopy: true,
    },
  ],
])

/** The kind of the cookie called `name` (names are case-sensitive, as browsers compare them). */
export function cookieKind(name: string): CookieKind {
  const known = KINDS.get(name)
  if (known !== undefined) return { id: name as CookieKindId, ...known }
  if (/^AWSALBAPP-[0-3]$/.test(name)) return { id: 'AWSALBAPP', ...KINDS.get('AWSALBAPP')! }
  if (/^AWSELBAuthSessionCookie-\d+$/.test(name)) {
    return {
      id: 'auth',
      label: 'ALB authentication session cookie',
      meaning:
        'The ALB writes it for a listener rule that authenticates users (OIDC or Cognito). It has nothing to do with stickiness.',
      fromLoadBalancer: true,
      crossSiteCopy: false,
    }
  }
  if (name.startsWith('AWSALB')) {
    return {
      id: 'reserved',
      label: 'Unknown AWSALB… cookie',
      meaning:
        'Names starting with AWSALB are reserved for the load balancer, but this one is not a name AWS documents.',
      fromLoadBalancer: false,
      crossSiteCopy: false,
    }
  }
  return {
    id: 'app',
    label: "Your application's cookie",
    meaning: 'Set by your application, not by the load balancer.',
    fromLoadBalancer: false,
    crossSiteCopy: false,
  }
}

/** The stickiness cookie a cross-site copy duplicates (AWSALBCORS → AWSALB), or null. */
export function originalOf(name: string): string | null {
  return name === 'AWSALBCORS'
    ? 'AWSALB'
    : name === 'AWSALBTGCORS'
      ? 'AWSALBTG'
      : name === 'AWSELBCORS'
        ? 'AWSELB'
        : null
}

/** True for the load balancer's stickiness cookies (not the authentication cookie). */
export function isStickinessCookie(name: string): boolean {
  const id = cookieKind(name).id
  return id !== 'app' && id !== 'auth' && id !== 'reserved'
}
