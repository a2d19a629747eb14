// Exam drills for issue 19's edge cases: CloudFront's cookie forwarding in front of the ALB, and what a
// security scanner's finding on the ALB's cookies can (and cannot) be fixed with. Appended to DRILLS.
import type { Drill } from '../schema'

export const EDGE_DRILLS: readonly Drill[] = [
  {
    id: 'cdn-cookie-allowlist',
    question:
      'A company puts an Amazon CloudFront distribution in front of an Application Load Balancer whose target group uses duration-based stickiness. The browsers now receive and store the AWSALB cookie, yet every request is balanced to a new target. The origin request policy uses CookieBehavior whitelist with the application cookie SESSIONID. Which change restores stickiness with the least effect on caching?',
    options: [
      { id: 'a', text: 'Add AWSALB to the cookie names the origin request policy forwards.' },
      { id: 'b', text: 'Raise stickiness.lb_cookie.duration_seconds on the target group.' },
      { id: 'c', text: 'Switch the listener from HTTPS to HTTP so the cookie is not Secure.' },
      { id: 'd', text: 'Enable target group stickiness on the listener rule.' },
    ],
    correct: ['a'],
    explanation:
      'CloudFront includes in the origin request only the cookies its policy names; the browser keeps sending AWSALB but the load balancer never sees it, so every request is a new pick (NonStickyRequestCount grows). Forwarding AWSALB by name lets the ALB read the binding. A longer duration changes nothing when the cookie never arrives; AWSALB is not Secure anyway; target group stickiness uses AWSALBTG, which CloudFront would withhold just the same.',
    refs: ['§3.6', '§11'],
    scenario: 'cdn-front',
    tryIt:
      'CloudFront forwards no cookies here. Send requests from alice and read CloudFront’s box: AWSALB is struck through. Then, in Setup → CloudFront in front, forward only AWSALB and SESSIONID and send again.',
  },
  {
    id: 'scanner-awsalb-flags',
    question:
      'A security scan of a site behind an Application Load Balancer reports that the AWSALB and AWSALBCORS cookies lack the HttpOnly flag and that AWSALB lacks the Secure flag. The team must keep session affinity. Which statements are correct? (Choose two.)',
    options: [
      {
        id: 'a',
        text: 'The attributes of the duration-based stickiness cookies cannot be configured; the values are encrypted and hold no session data.',
      },
      {
        id: 'b',
        text: 'Set stickiness.lb_cookie.secure=true and stickiness.lb_cookie.http_only=true on the target group.',
      },
      {
        id: 'c',
        text: 'With application-based stickiness the application sets its own session cookie with Secure and HttpOnly.',
      },
      { id: 'd', text: 'Switching the listener to HTTP removes the findings.' },
    ],
    correct: ['a', 'c'],
    explanation:
      'AWSALB is sent with only Expires and Path; AWS offers no attribute to add Secure or HttpOnly, and AWSALBCORS already carries SameSite=None; Secure over HTTPS. There are no such target group attributes (ModifyTargetGroupAttributes would refuse the keys). With application-based stickiness the application controls its own cookie’s attributes. Over HTTP, AWSALBCORS loses Secure as well, which makes things worse.',
    refs: ['§3.8', '§4'],
    scenario: 'sticky',
    tryIt:
      'alice holds AWSALB and AWSALBCORS. Open each chip on the stage: its details list what a scanner flags, read from the cookie’s attributes, and what can be done.',
  },
]
