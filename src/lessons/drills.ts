// Exam drills: ANS-C01-style scenario questions on load-balancer stickiness, four options each, with an
// explanation that cites the behaviour (reference sections) and a lab scenario to try the answer in.
import { MYTH_DRILLS } from './drillsMyths'
import type { Drill } from './schema'
import { EDGE_DRILLS } from './drills/edgeDrills'
import { CLIENT_DRILLS } from './drillsClients'
import { KUBERNETES_DRILLS } from './drillsKubernetes'
import { LAYER_DRILLS } from './drillsLayers'

export const DRILLS: readonly Drill[] = [
  {
    id: 'cart-lost-after-failure',
    question:
      'A retailer runs a legacy web app on EC2 instances behind an Application Load Balancer with duration-based stickiness. Carts are kept in instance memory, and customers lose their carts when an instance fails. Which change keeps carts through an instance failure?',
    options: [
      { id: 'a', text: 'Raise stickiness.lb_cookie.duration_seconds to 604800.' },
      {
        id: 'b',
        text: 'Store session data in Amazon ElastiCache and read it from every instance.',
      },
      { id: 'c', text: 'Switch the target group to application-based stickiness.' },
      { id: 'd', text: 'Lower the health check interval to 5 seconds.' },
    ],
    correct: ['b'],
    explanation:
      'When a sticky target fails, the ALB picks a new healthy target and rewrites the cookie, so the client moves and any session kept in the old instance’s memory is gone. A longer duration or app_cookie stickiness changes how long a binding lasts, not where the state lives; faster health checks only shorten the time before the failure is noticed. A shared store such as ElastiCache lets any instance serve the session.',
    refs: ['§3.3', '§7'],
    scenario: 'failed-instance',
    tryIt:
      'i-1 has just started failing its health checks. Jump the clock until i-1 is unhealthy, then add to cart: the cart is lost. Then switch Session store to the external store and repeat with another instance.',
  },
  {
    id: 'expires-versus-duration',
    question:
      'A developer enables duration-based stickiness with default settings. The AWSALB cookie shows an Expires date seven days ahead, yet users who are idle for two days lose their binding. What explains this?',
    options: [
      { id: 'a', text: 'The browser deletes AWSALB after one day.' },
      {
        id: 'b',
        text: 'The stickiness duration defaults to 1 day and the ALB enforces it from inside the encrypted cookie; the Expires attribute is always 7 days.',
      },
      { id: 'c', text: 'AWSALB’s Expires is reset only when the target changes.' },
      {
        id: 'd',
        text: 'The ALB rotates its encryption key daily, which invalidates older cookies.',
      },
    ],
    correct: ['b'],
    explanation:
      'The visible Expires is always the response date plus 7 days, whatever the duration. stickiness.lb_cookie.duration_seconds (1 s to 7 days, default 86400 s) is checked by the load balancer against data inside the cookie, so a stale cookie still arrives and is ignored.',
    refs: ['§3.4', '§3.5'],
    scenario: 'sticky',
    tryIt:
      'Read AWSALB’s Expires in the Cookies panel. Jump the clock 1 day, then 30 s more, and send a request: the decision is sticky-miss-expired.',
  },
  {
    id: 'sliding-window',
    question:
      'Duration-based stickiness is set to 1800 seconds. A user clicks a new page every 10 minutes for 3 hours, and the target stays healthy. What happens?',
    options: [
      { id: 'a', text: 'The user is moved to a new target every 30 minutes.' },
      { id: 'b', text: 'The user stays on the same target for the whole 3 hours.' },
      { id: 'c', text: 'The user stays on the target for 7 days, then moves.' },
      {
        id: 'd',
        text: 'Stickiness ends 30 minutes after the first request, because the duration runs from the first request.',
      },
    ],
    correct: ['b'],
    explanation:
      'The ALB resets the cookie’s expiry after every request, so the duration is an idle timeout that slides. With a click every 10 minutes, the 30-minute window never lapses.',
    refs: ['§1', '§3.4'],
    scenario: 'sticky',
    tryIt:
      'Set the stickiness duration to 60 s and Apply. Send a request, then jump 30 s and send again several times: every request stays sticky.',
  },
  {
    id: 'duration-range',
    question:
      'Which values are valid for stickiness.lb_cookie.duration_seconds on an ALB target group? (Choose two.)',
    options: [
      { id: 'a', text: '0' },
      { id: 'b', text: '1' },
      { id: 'c', text: '604800' },
      { id: 'd', text: '1209600' },
    ],
    correct: ['b', 'c'],
    explanation:
      'The duration runs from 1 second to 604800 seconds (7 days). The default is 86400 seconds (1 day).',
    refs: ['§2'],
    scenario: 'sticky',
    tryIt:
      'Type 0 or 1209600 in Stickiness duration (seconds) and press Apply to see the error; 1 and 604800 are accepted.',
  },
  {
    id: 'app-cookie-both-required',
    question:
      'A target group uses application-based stickiness on the cookie SESSIONID. A client returns AWSALBAPP-0 but has dropped SESSIONID. How is its next request routed?',
    options: [
      { id: 'a', text: 'To the target named in AWSALBAPP-0.' },
      { id: 'b', text: 'It is rejected with HTTP 400.' },
      {
        id: 'c',
        text: 'By the routing algorithm, because the ALB needs both its own cookie and the application cookie.',
      },
      { id: 'd', text: 'To the first registered target.' },
    ],
    correct: ['c'],
    explanation:
      'With application-based stickiness the client must send both cookies: the ALB reads its own AWSALBAPP cookie and passes the application cookie to the target. Without the application cookie, the request is routed by the algorithm.',
    refs: ['§4.5'],
    scenario: 'app-cookie',
    tryIt:
      'Delete SESSIONID in the Cookies panel and send a request: the decision is sticky-miss-no-app-cookie.',
  },
  {
    id: 'reserved-cookie-name',
    question:
      'A team configures application-based stickiness with the cookie name AWSALBAPP_SESSION. What happens?',
    options: [
      { id: 'a', text: 'The ALB accepts it and uses it as an extra shard.' },
      {
        id: 'b',
        text: 'The change is rejected: names starting with AWSALB, AWSALBAPP or AWSALBTG are reserved.',
      },
      { id: 'c', text: 'It works only with target group stickiness enabled.' },
      { id: 'd', text: 'The ALB renames the cookie to AWSALBAPP-0.' },
    ],
    correct: ['b'],
    explanation:
      'stickiness.app_cookie.cookie_name may not start with AWSALB, AWSALBAPP or AWSALBTG; those prefixes are reserved for the load balancer’s own cookies.',
    refs: ['§2'],
    scenario: 'app-cookie',
    tryIt: 'Type AWSALBAPP_SESSION as the App cookie name and press Apply.',
  },
  {
    id: 'app-cookie-expiry-ignored',
    question:
      'An app sets its session cookie with a 1-year Max-Age. The target group uses application-based stickiness on that cookie with stickiness.app_cookie.duration_seconds = 3600. A user returns after 2 idle hours. What happens?',
    options: [
      {
        id: 'a',
        text: 'The request is sticky: the ALB follows the application cookie’s lifetime.',
      },
      {
        id: 'b',
        text: 'The request is not sticky: the ALB enforces its own 3600-second duration and ignores the application cookie’s expiry.',
      },
      {
        id: 'c',
        text: 'The request is not sticky, because AWSALBAPP cookies expire from the browser after 1 hour.',
      },
      {
        id: 'd',
        text: 'The request is sticky, because the application cookie resets the ALB duration.',
      },
    ],
    correct: ['b'],
    explanation:
      'The ALB never inspects the application cookie’s value or expiry. It checks app_cookie.duration_seconds against data in its own AWSALBAPP cookie, whose browser Expires is 7 days. Effective stickiness is the shorter of the app cookie’s lifetime and the ALB duration.',
    refs: ['§4.3', '§4.5', '§4.6'],
    scenario: 'app-cookie',
    tryIt:
      'Set the stickiness duration to 60 s and Apply, jump the clock 5 minutes and send a request: sticky-miss-expired, although SESSIONID never expires.',
  },
  {
    id: 'spa-cross-origin',
    question:
      'A single-page app on https://www.example.com calls an API behind an ALB at https://api.example.net. Duration-based stickiness is on, but the API calls are never sticky. Which changes are needed? (Choose two.)',
    options: [
      { id: 'a', text: 'Call fetch with credentials: "include".' },
      {
        id: 'b',
        text: 'Have the API return Access-Control-Allow-Credentials: true with the specific origin.',
      },
      { id: 'c', text: 'Rename the AWSALB cookie to AWSALBCORS in the application.' },
      { id: 'd', text: 'Switch the target group to application-based stickiness.' },
    ],
    correct: ['a', 'b'],
    explanation:
      'Browsers send and store cookies on a cross-site (and so cross-origin) fetch/XHR only with credentials included, and the response must allow credentials for a specific origin (not *). Then AWSALBCORS (SameSite=None; Secure), which the ALB already sends, carries the binding.',
    refs: ['§11', '§3.7'],
    scenario: 'cross-site',
    tryIt: 'Switch on CORS on alice’s card and compare Credentials “include” with “omit”.',
  },
  {
    id: 'http-listener-cross-site',
    question:
      'A page calls an API cross-site, with credentials, through an ALB listener on HTTP port 80. Stickiness works for same-site pages but never for the cross-site calls. What is the most likely cause?',
    options: [
      { id: 'a', text: 'The ALB does not send AWSALBCORS on HTTP listeners.' },
      {
        id: 'b',
        text: 'Browsers refuse a SameSite=None cookie without Secure and do not store Secure cookies over http://, so AWSALBCORS cannot work; use an HTTPS listener.',
      },
      { id: 'c', text: 'Cross-site requests can never carry cookies.' },
      { id: 'd', text: 'Cross-site stickiness needs target group stickiness on the rule.' },
    ],
    correct: ['b'],
    explanation:
      'Cross-site requests carry only SameSite=None cookies, which must be Secure. Over plain HTTP the ALB was seen sending AWSALBCORS without Secure, and a browser would not store a Secure cookie from http:// anyway, so cross-site stickiness fails until the listener uses HTTPS.',
    refs: ['§3.8', '§11'],
    scenario: 'http-listener',
    tryIt:
      'Switch on CORS for alice and send requests: the Cookies panel lists AWSALBCORS as refused. Then set the listener to HTTPS and send again.',
  },
  {
    id: 'canary-group-stickiness',
    question:
      'A company sends 10% of traffic to a new version with a weighted forward action (blue weight 90, green weight 10). Users must not switch versions mid-session. What should they configure?',
    options: [
      { id: 'a', text: 'Application-based stickiness on both target groups.' },
      { id: 'b', text: 'Target group stickiness on the listener rule.' },
      { id: 'c', text: 'Least outstanding requests on both target groups.' },
      { id: 'd', text: 'Cross-zone load balancing off on the green target group.' },
    ],
    correct: ['b'],
    explanation:
      'Target group stickiness on the forward action sets AWSALBTG, which names the target group a client first reached; later requests with the cookie go to that group. Application-based stickiness does not work with weighted target groups.',
    refs: ['§6', '§4.10'],
    scenario: 'blue-green',
    tryIt:
      'alice holds AWSALBTG naming web. Send requests and check the target group decision in the HTTP inspector (group-sticky-hit).',
  },
  {
    id: 'weighted-app-cookie',
    question:
      'A listener rule forwards to two weighted target groups. Application-based stickiness is enabled on both, yet users move between targets inside a group. Why?',
    options: [
      { id: 'a', text: 'Application cookies are limited to 4 KB.' },
      {
        id: 'b',
        text: 'Application-based stickiness does not work with weighted target groups; use duration-based stickiness.',
      },
      { id: 'c', text: 'Cross-zone load balancing must be off for weighted target groups.' },
      { id: 'd', text: 'AWSALBAPP cookies need SameSite=None.' },
    ],
    correct: ['b'],
    explanation:
      'AWS documents that application-based stickiness does not work with weighted target groups. Duration-based stickiness does, combined with target group stickiness on the rule.',
    refs: ['§4.10', '§6'],
    scenario: 'weighted-app-cookie',
    tryIt: 'Send several requests from alice: the decision is app-cookie-ignored-weighted.',
  },
  {
    id: 'weighted-random-with-stickiness',
    question:
      'An engineer sets load_balancing.algorithm.type to weighted_random on a target group that has stickiness enabled. What happens?',
    options: [
      { id: 'a', text: 'Stickiness still applies, and weighted random picks only new targets.' },
      {
        id: 'b',
        text: 'The change is rejected: stickiness and weighted random cannot both be enabled on a target group.',
      },
      { id: 'c', text: 'Anomaly mitigation turns stickiness off automatically.' },
      { id: 'd', text: 'Stickiness switches to application-based.' },
    ],
    correct: ['b'],
    explanation:
      'AWS rejects the combination: “You cannot have both stickiness and weighted random algorithm enabled on the same target group.” Weighted random (needed for automatic target weights) requires stickiness off.',
    refs: ['§9', '§12'],
    scenario: 'sticky',
    tryIt: 'Choose “Weighted random” as the Load balancing algorithm and press Apply.',
  },
  {
    id: 'cross-zone-off',
    question:
      'A target group has load_balancing.cross_zone.enabled set to false. The team tries to enable duration-based stickiness. What happens?',
    options: [
      { id: 'a', text: 'Stickiness works within each Availability Zone.' },
      {
        id: 'b',
        text: 'It fails: target stickiness is not supported while cross-zone load balancing is off for the target group.',
      },
      { id: 'c', text: 'The ALB turns cross-zone load balancing back on.' },
      { id: 'd', text: 'Stickiness works, but AWSALBCORS is not issued.' },
    ],
    correct: ['b'],
    explanation:
      'Cross-zone load balancing can be turned off per target group, but then target stickiness is not supported, and enabling it fails.',
    refs: ['§1', '§9'],
    scenario: 'cross-zone-off',
    tryIt: 'Choose Stickiness → Duration-based (lb_cookie) and press Apply to see the error.',
  },
  {
    id: 'alb-algorithms',
    question:
      'Which routing algorithms can an Application Load Balancer target group use? (Choose two.)',
    options: [
      { id: 'a', text: 'Least connections' },
      { id: 'b', text: 'Least outstanding requests' },
      { id: 'c', text: 'Source IP hash' },
      { id: 'd', text: 'Round robin' },
    ],
    correct: ['b', 'd'],
    explanation:
      'load_balancing.algorithm.type accepts round_robin (default), least_outstanding_requests and weighted_random. There is no least connections or IP hash on an ALB.',
    refs: ['§2', '§9'],
    scenario: 'default',
    tryIt: 'Open the Load balancing algorithm list in Target group settings.',
  },
  {
    id: 'scale-out-idle',
    question:
      'Auto Scaling adds instances behind an ALB whose target group uses duration-based stickiness (1 day). The new instances get little traffic while the old ones stay busy. What explains this?',
    options: [
      { id: 'a', text: 'New targets stay in slow start for the stickiness duration.' },
      {
        id: 'b',
        text: 'Existing clients stay bound to their targets while their cookies are valid; only new or re-placed clients reach the new targets.',
      },
      { id: 'c', text: 'New targets need 5 passing health checks before they receive traffic.' },
      { id: 'd', text: 'Cross-zone load balancing is off by default.' },
    ],
    correct: ['b'],
    explanation:
      'The algorithm makes only the first (or a replacement) choice; after that, stickiness overrides it. A newly registered target needs one passing health check, and cross-zone is on by default for ALBs.',
    refs: ['§1', '§8', '§9'],
    scenario: 'scaled-out',
    tryIt: 'Send a request from every client: none of them reaches i-4.',
  },
  {
    id: 'rebalance-app-cookie',
    question:
      'Clients are unevenly spread by application-based stickiness. How can an operator rebalance them, as AWS suggests? (Choose two.)',
    options: [
      { id: 'a', text: 'Have the application set its cookie with an expiry in the past.' },
      {
        id: 'b',
        text: 'Briefly set stickiness.app_cookie.duration_seconds to a very low value, such as 1 second.',
      },
      { id: 'c', text: 'Delete the AWSALBAPP cookies from the ALB console.' },
      { id: 'd', text: 'Switch the algorithm to least outstanding requests.' },
    ],
    correct: ['a', 'b'],
    explanation:
      'AWS describes both manual options: expire the application cookie so clients stop sending it, or briefly lower the duration so the ALB re-establishes stickiness. The console cannot delete cookies in browsers, and the algorithm does not override valid bindings.',
    refs: ['§4.11'],
    scenario: 'app-cookie',
    tryIt:
      'Set the stickiness duration to 1 s and Apply, jump the clock 30 s and send a request: alice is placed again.',
  },
  {
    id: 'nlb-behind-nat',
    question:
      'A TCP service behind a Network Load Balancer uses source-IP stickiness. Most clients connect through one corporate NAT gateway, and one target is overloaded. What explains this?',
    options: [
      { id: 'a', text: 'The NAT gateway shares one AWSALB cookie between clients.' },
      {
        id: 'b',
        text: 'All clients behind the NAT share one source IP, so source_ip stickiness sends them to one target.',
      },
      { id: 'c', text: 'NLB stickiness requires cross-zone load balancing.' },
      { id: 'd', text: 'The NLB uses least outstanding requests.' },
    ],
    correct: ['b'],
    explanation:
      'NLB stickiness is source_ip: every client behind one NAT address maps to the same target. An ALB, which sticks by cookie, would give each browser its own binding.',
    refs: ['§13'],
    scenario: 'sticky-fresh',
    tryIt:
      'For contrast on the ALB: add a second client and send requests from both. Each browser gets its own AWSALB, whatever its IP.',
  },
  {
    id: 'websocket-pinning',
    question:
      'A chat app behind an ALB uses WebSockets, and stickiness is off. After connecting, a user’s messages always reach the same instance. Why?',
    options: [
      { id: 'a', text: 'The ALB turns on stickiness automatically for WebSocket clients.' },
      {
        id: 'b',
        text: 'The target that answered 101 Switching Protocols owns the connection, and messages travel over it without new routing decisions.',
      },
      { id: 'c', text: 'WebSocket messages carry the AWSALB cookie.' },
      { id: 'd', text: 'Health checks pin WebSocket clients to one target.' },
    ],
    correct: ['b'],
    explanation:
      'WebSockets are inherently sticky: the upgrade request is routed normally, and afterwards the connection stays with the target that returned 101. Cookie stickiness is not consulted for messages. Health checks do not use WebSockets.',
    refs: ['§10'],
    scenario: 'websocket',
    tryIt:
      'Send a normal request from alice: round robin routes it, while her WebSocket stays on i-1.',
  },
  {
    id: 'failure-502-window',
    question:
      'After a sticky target crashes, its users get HTTP 502 errors for about a minute before they move to healthy targets. Which changes shorten that window? (Choose two.)',
    options: [
      { id: 'a', text: 'Lower HealthCheckIntervalSeconds.' },
      { id: 'b', text: 'Lower UnhealthyThresholdCount.' },
      { id: 'c', text: 'Raise the stickiness duration.' },
      { id: 'd', text: 'Raise HealthyThresholdCount.' },
    ],
    correct: ['a', 'b'],
    explanation:
      'Until health checks mark the target unhealthy, the cookie keeps sending users to it, and the ALB answers them with 502s because the crashed application does not respond. The delay is about interval × unhealthy threshold (30 s × 2 by default). The healthy threshold only affects recovery.',
    refs: ['§7', '§8'],
    scenario: 'failed-instance',
    tryIt:
      'i-1 fails its health checks. Send a request: it still goes to i-1. Jump the clock 30 s at a time until i-1 is unhealthy and send again: alice moves.',
  },
  {
    id: 'recovered-target-idle',
    question:
      'A sticky target failed and recovered 10 minutes later. Its former users never come back to it. Why?',
    options: [
      { id: 'a', text: 'Recovered targets stay in slow start for the stickiness duration.' },
      {
        id: 'b',
        text: 'When the target failed, the ALB chose new targets for those users and rewrote their cookies, which now name the new targets.',
      },
      { id: 'c', text: 'Recovered targets must be registered again before they get traffic.' },
      { id: 'd', text: 'AWSALB is deleted from the browser when its target fails.' },
    ],
    correct: ['b'],
    explanation:
      'On failover the ALB updates the cookie to point at the new target, so the client stays there even after the old target is healthy again. AWS states the same for application-based stickiness.',
    refs: ['§3.3', '§4.7'],
    scenario: 'failed-instance',
    tryIt:
      'Jump the clock until i-1 is unhealthy and send a request. Let i-1 pass its health checks again, wait until it is healthy, and send again: alice stays put.',
  },
  {
    id: 'deregistered-sticky-target',
    question:
      'During scale-in, a target is deregistered with a 300-second deregistration delay. Where do new requests go from clients whose AWSALB names that target?',
    options: [
      { id: 'a', text: 'To the deregistered target, until the 300 seconds end.' },
      { id: 'b', text: 'To another target at once, and the cookie is rewritten.' },
      { id: 'c', text: 'Nowhere: they get 503 until the delay ends.' },
      { id: 'd', text: 'They are queued until the target is unused.' },
    ],
    correct: ['b'],
    explanation:
      'Routing to a target stops as soon as it is deregistered; the delay only lets in-flight requests finish. A cookie that names a deregistered target makes the ALB choose a new target and update the cookie.',
    refs: ['§7', '§3.3'],
    scenario: 'draining',
    tryIt: 'i-1 is draining. Send a request from alice: the decision is sticky-miss-deregistered.',
  },
  {
    id: 'tampered-cookie',
    question:
      'A tester edits the value of the AWSALB cookie before sending a request. How does the ALB respond?',
    options: [
      { id: 'a', text: 'HTTP 400 Bad Request.' },
      { id: 'b', text: 'HTTP 403 Forbidden.' },
      {
        id: 'c',
        text: 'It ignores the unreadable cookie, picks a target with the algorithm and sets a new AWSALB.',
      },
      {
        id: 'd',
        text: 'It routes to the target named in the part of the cookie that is still readable.',
      },
    ],
    correct: ['c'],
    explanation:
      'AWSALB is encrypted, so an edited value cannot be decoded. The ALB treats the request as non-sticky (it counts in NonStickyRequestCount), chooses a target and rewrites the cookie.',
    refs: ['§3.3', '§7'],
    scenario: 'sticky',
    tryIt: 'Edit the AWSALB value in the Cookies panel, press Enter, and send a request.',
  },
  {
    id: 'cookie-less-clients',
    question:
      'Stickiness is enabled, but CloudWatch shows NonStickyRequestCount almost equal to RequestCount. The clients are scripts using an HTTP library without a cookie jar. What is happening?',
    options: [
      { id: 'a', text: 'The ALB cannot decrypt AWSALB sent by scripts.' },
      {
        id: 'b',
        text: 'The clients never return AWSALB, so the ALB chooses a target for every request.',
      },
      { id: 'c', text: 'The targets are unhealthy, so stickiness is suspended.' },
      { id: 'd', text: 'Stickiness applies only to Chromium browsers.' },
    ],
    correct: ['b'],
    explanation:
      'NonStickyRequestCount counts requests where the ALB had to choose a new target, including requests without a cookie. Cookie-based stickiness needs a client that stores and returns cookies.',
    refs: ['§3.9', '§11'],
    scenario: 'cookies-disabled',
    tryIt: 'alice has cookies off. Send a few requests: every one is sticky-miss-no-cookie.',
  },
  {
    id: 'lb-cookie-names',
    question:
      'Duration-based stickiness is enabled on a target group behind an HTTPS listener. Which cookies does the ALB set on responses? (Choose two.)',
    options: [
      { id: 'a', text: 'AWSALB' },
      { id: 'b', text: 'AWSALBCORS' },
      { id: 'c', text: 'AWSALBAPP-0' },
      { id: 'd', text: 'AWSELB' },
    ],
    correct: ['a', 'b'],
    explanation:
      'Duration-based stickiness sets AWSALB and, with the same value, AWSALBCORS (SameSite=None; Secure). AWSALBAPP-n belongs to application-based stickiness and AWSELB to the Classic Load Balancer.',
    refs: ['§3.7', '§5'],
    scenario: 'sticky-fresh',
    tryIt: 'Send a request from alice and read the Cookies panel.',
  },
  {
    id: 'stacked-albs',
    question:
      'An internet-facing ALB forwards to instances that call an internal ALB. Both layers need sticky sessions. Which approach works?',
    options: [
      { id: 'a', text: 'Duration-based stickiness on both ALBs.' },
      { id: 'b', text: 'Application-based stickiness with a different cookie name on each layer.' },
      { id: 'c', text: 'Target group stickiness on both ALBs.' },
      { id: 'd', text: 'None: internal ALBs do not support stickiness.' },
    ],
    correct: ['b'],
    explanation:
      'Duration-based stickiness always uses the cookie name AWSALB, so with stacked ALBs it can work on only one layer. Application-based cookies with distinct names can be sticky on every layer.',
    refs: ['§3.6'],
    scenario: 'app-cookie',
    tryIt: 'Look at alice’s cookies: AWSALBAPP-0..3 plus the application’s own SESSIONID.',
  },
  {
    id: 'cloudfront-strips-cookies',
    question:
      'An ALB with duration-based stickiness is placed behind Amazon CloudFront, and stickiness stops working. What is the most likely fix?',
    options: [
      { id: 'a', text: 'Enable stickiness on the CloudFront distribution.' },
      {
        id: 'b',
        text: 'Forward the AWSALB and AWSALBCORS cookies to the origin in the CloudFront cache or origin request policy.',
      },
      { id: 'c', text: 'Switch the ALB listener to HTTP.' },
      { id: 'd', text: 'Enable target group stickiness on the listener rule.' },
    ],
    correct: ['b'],
    explanation:
      'CloudFront forwards no cookies to the origin unless a cache or origin request policy includes them, so the ALB sees every request without AWSALB and treats it as new. The lab shows what cookie-less requests look like.',
    refs: ['§11'],
    scenario: 'cookies-disabled',
    tryIt:
      'Requests that reach the ALB without cookies look like this: send a few from alice and watch every one be routed by round robin.',
  },
  {
    id: 'secure-httponly-flags',
    question:
      'A vulnerability scanner reports that the AWSALB cookie lacks the Secure and HttpOnly attributes. What is true?',
    options: [
      { id: 'a', text: 'They can be enabled with a target group attribute.' },
      {
        id: 'b',
        text: 'AWS offers no setting to add them; AWSALB carries only Expires and Path, and its value is encrypted.',
      },
      { id: 'c', text: 'AWSALBCORS is HttpOnly, so switch the application to it.' },
      { id: 'd', text: 'Moving the listener to HTTP removes the finding.' },
    ],
    correct: ['b'],
    explanation:
      'Over HTTPS, AWSALB carries only Expires and Path=/, and there is no setting to add Secure or HttpOnly. AWSALBCORS has SameSite=None; Secure but not HttpOnly. The value is encrypted with a rotating key.',
    refs: ['§3.8'],
    scenario: 'sticky',
    tryIt:
      'Read the HttpOnly, Secure and SameSite columns of AWSALB and AWSALBCORS in the Cookies panel.',
  },
  {
    id: 'blue-green-cutover',
    question:
      'During a blue/green cut-over, the team sets blue’s weight to 0, yet some users keep reaching blue for about an hour. Target group stickiness is on with a 3600-second duration. What should the team have done?',
    options: [
      { id: 'a', text: 'Disable stickiness on the green target group.' },
      { id: 'b', text: 'Lower the target group stickiness duration before shifting the weights.' },
      { id: 'c', text: 'Use application-based stickiness on both groups.' },
      { id: 'd', text: 'Set blue’s weight to 999.' },
    ],
    correct: ['b'],
    explanation:
      'Requests that carry AWSALBTG go to the target group named in the cookie while its duration has not lapsed; only requests without it follow the weights. A shorter target group stickiness duration lets bound users move sooner. (AWS does not spell out the weight-0 case; this follows the documented rule.)',
    refs: ['§6', '§17.7'],
    scenario: 'blue-green',
    tryIt:
      'Set web’s weight to 0 and green’s to 1 and press Apply rule. Send a request from alice (still web), then add a new client and send one (green).',
  },
  {
    id: 'stateless-without-stickiness',
    question:
      'A team moves session state from instance memory to Amazon ElastiCache. They want load spread as evenly as possible across the targets behind their ALB. What should they do with stickiness?',
    options: [
      { id: 'a', text: 'Keep duration-based stickiness and raise the duration to 7 days.' },
      { id: 'b', text: 'Turn stickiness off, so every request is routed by the algorithm.' },
      { id: 'c', text: 'Switch to application-based stickiness on the session cookie.' },
      { id: 'd', text: 'Enable target group stickiness on the listener rule.' },
    ],
    correct: ['b'],
    explanation:
      'Once any target can serve any session, stickiness only pins clients to their first target and overrides the algorithm, which causes imbalance. With stickiness off, every request is balanced and an instance failure costs no session data.',
    refs: ['§1', '§9'],
    scenario: 'external-store',
    tryIt:
      'Add items to alice’s cart several times: round robin spreads the requests and the cart keeps every item.',
  },
  {
    id: 'health-check-defaults',
    question:
      'An ALB target group uses the default health check settings. A target stops responding. About how long until it is marked unhealthy?',
    options: [
      { id: 'a', text: '10 seconds' },
      { id: 'b', text: '60 seconds' },
      { id: 'c', text: '150 seconds' },
      { id: 'd', text: '300 seconds' },
    ],
    correct: ['b'],
    explanation:
      'Defaults: interval 30 s, unhealthy threshold 2, so about 2 × 30 s = 60 s. 150 s is the recovery time (healthy threshold 5 × 30 s), and 300 s is the default deregistration delay.',
    refs: ['§8'],
    scenario: 'failed-instance',
    tryIt: 'Jump the clock 30 s at a time and watch i-1’s health in the Instances panel.',
  },
  {
    id: 'which-lb-sticks-by-what',
    question:
      'A solutions architect compares the stickiness mechanisms of Elastic Load Balancing. Which statements are correct? (Choose two.)',
    options: [
      { id: 'a', text: 'An Application Load Balancer sticks a browser with a cookie it issues itself, such as AWSALB.' },
      { id: 'b', text: 'A Network Load Balancer sticks each user with an AWSNLB cookie.' },
      { id: 'c', text: 'A Classic Load Balancer sticks a browser with the AWSELB cookie of a stickiness policy.' },
      { id: 'd', text: 'A Gateway Load Balancer sticks flows by the client’s AWSALBTG cookie.' },
    ],
    correct: ['a', 'c'],
    explanation:
      'ALB stickiness is cookie-based (AWSALB, or AWSALBAPP-n with an application cookie) and CLB stickiness is cookie-based too (AWSELB from a duration-based or application-controlled policy). NLB works at layer 4 and never sets cookies: its only stickiness type is source_ip. GWLB sticks flows by their 5-tuple, 3-tuple or 2-tuple; AWSALBTG is the ALB’s target-group stickiness cookie for weighted forwards.',
    refs: ['§1', '§13', '§14', '§15'],
    scenario: 'default',
    tryIt:
      'Switch “Load balancer type” to each of the four types and send a request from alice each time: the Cookies panel shows AWSALB only after you turn on lb_cookie, AWSELB only under Classic with a policy, and says NLB and GWLB use no cookies.',
  },
  {
    id: 'nlb-nat-skew',
    question:
      'A company serves a TCP application through a Network Load Balancer with source_ip stickiness. Thousands of users at one customer site all land on the same target, which is overloaded, while the other targets are idle. What is the most likely cause?',
    options: [
      { id: 'a', text: 'The NLB issues one stickiness cookie per site instead of per user.' },
      { id: 'b', text: 'The site’s users reach the NLB through one NAT, so they share a source IP and source_ip stickiness sends them all to one target.' },
      { id: 'c', text: 'Cross-zone load balancing is turned on for the target group.' },
      { id: 'd', text: 'The target group uses the least outstanding requests algorithm.' },
    ],
    correct: ['b'],
    explanation:
      'NLB stickiness keys on the source IP the NLB receives, so every client behind one NAT counts as one client and reaches one target; AWS lists this uneven distribution as a caveat. An NLB sets no cookies, cross-zone does not group clients, and NLB target groups have no least outstanding requests algorithm.',
    refs: ['§13'],
    scenario: 'nlb-office-sticky',
    tryIt:
      'Send one request from bob, carol and dave (all behind 203.0.113.10): they reach the same instance. Then give carol her own source IP and send again.',
  },
  {
    id: 'nlb-tls-no-stickiness',
    question:
      'A Network Load Balancer has a TLS listener that forwards to a target group with the TLS protocol. An engineer enables source_ip stickiness on that target group. What happens?',
    options: [
      { id: 'a', text: 'Stickiness is enabled and keys on the client certificate.' },
      { id: 'b', text: 'Stickiness is enabled but applies only to new connections.' },
      { id: 'c', text: 'The request fails: “You cannot enable stickiness on target groups with the TLS protocol”.' },
      { id: 'd', text: 'The NLB switches to cookie-based stickiness because it terminates TLS.' },
    ],
    correct: ['c'],
    explanation:
      'Source IP stickiness works on TCP, UDP and TCP_UDP target groups, but not with TLS listeners and TLS target groups; AWS answers InvalidConfigurationRequest with “You cannot enable stickiness on target groups with the TLS protocol”. An NLB never uses cookies, and it does not stick by client certificate.',
    refs: ['§12', '§13'],
    scenario: 'nlb-office',
    tryIt:
      'In Target group settings, use “New target group” to create tls-web with protocol TLS, select it, choose Source IP and Apply: AWS’s error appears beside Stickiness.',
  },
  {
    id: 'clb-awselb-absolute',
    question:
      'A Classic Load Balancer uses a duration-based stickiness policy with CookieExpirationPeriod 3600. Users who click every minute are still moved to another instance about an hour after their first visit. Why?',
    options: [
      { id: 'a', text: 'The CLB never refreshes AWSELB’s expiry, so the browser drops the cookie an hour after it was set, however active the user is.' },
      { id: 'b', text: 'The CLB rotates its cookie encryption key every hour.' },
      { id: 'c', text: 'The CLB refreshes AWSELB on every response but checks a hidden 1-hour limit.' },
      { id: 'd', text: 'The health check interval resets stickiness every hour.' },
    ],
    correct: ['a'],
    explanation:
      'With a duration-based policy the CLB inserts AWSELB with the configured expiry, does not refresh it and does not check it: the timeout is absolute and enforced only by the browser, which drops the expired cookie. The ALB’s AWSALB, by contrast, slides: its duration restarts with every request. Key rotation and health-check timing do not end CLB stickiness.',
    refs: ['§15', '§3'],
    scenario: 'clb-duration',
    tryIt:
      'Note AWSELB’s Expires in the Cookies panel. Jump the clock 20 s and send a request: Expires is unchanged. Jump 45 s more: the browser has dropped AWSELB, and the next response sets a new one.',
  },
  {
    id: 'gwlb-tuple',
    question:
      'Firewall appliances behind a Gateway Load Balancer must see every connection between a given client and a given server, whatever the ports and protocol. Which target group setting achieves this?',
    options: [
      { id: 'a', text: 'Leave stickiness off: the default 5-tuple keeps them together.' },
      { id: 'b', text: 'stickiness.type=source_ip_dest_ip_proto (3-tuple).' },
      { id: 'c', text: 'stickiness.type=source_ip_dest_ip (2-tuple).' },
      { id: 'd', text: 'stickiness.type=source_ip.' },
    ],
    correct: ['c'],
    explanation:
      'The 2-tuple (source IP, destination IP) ignores ports and protocol, so every flow between the pair reaches one appliance. The default 5-tuple hashes each connection’s ports, and the 3-tuple still separates protocols. source_ip is an NLB type: a GWLB target group answers “must be one of [source_ip_dest_ip_proto, source_ip_dest_ip]”.',
    refs: ['§14', '§12'],
    scenario: 'gwlb',
    tryIt:
      'Press “New connection” on alice a few times: with the 5-tuple the flows may reach different appliances. In Target group settings choose 2-tuple, Apply, and open new connections again: every flow reaches one appliance. Switch alice’s Protocol to UDP or ICMP and send: with the 2-tuple those flows reach that appliance too.',
  },
  {
    id: 'source-ip-on-http',
    question:
      'An engineer runs aws elbv2 modify-target-group-attributes with stickiness.enabled=true and stickiness.type=source_ip on an Application Load Balancer’s HTTP target group. What is the result?',
    options: [
      { id: 'a', text: 'The ALB sticks clients by source IP instead of by cookie.' },
      { id: 'b', text: 'InvalidConfigurationRequest: “Stickiness type \'source_ip\' is not supported for target groups with the HTTP protocol”.' },
      { id: 'c', text: 'The attribute is stored but ignored until the listener uses TCP.' },
      { id: 'd', text: 'The ALB converts the target group to the TCP protocol.' },
    ],
    correct: ['b'],
    explanation:
      'source_ip is valid only on NLB target groups (TCP, UDP, TCP_UDP). On an HTTP or HTTPS target group AWS rejects it with InvalidConfigurationRequest, and nothing changes. An ALB sticks only by cookie (lb_cookie or app_cookie), and a target group’s protocol cannot be changed.',
    refs: ['§12', '§13'],
    scenario: 'default',
    tryIt:
      'Target group settings for the ALB offer only lb_cookie and app_cookie. Switch “Load balancer type” to Network (NLB): web becomes a TCP target group and offers Source IP instead.',
  },
  ...EDGE_DRILLS,
  ...CLIENT_DRILLS,
  ...KUBERNETES_DRILLS,
  ...MYTH_DRILLS,
  ...LAYER_DRILLS,
]
