// The closed set of routing decision codes. Each request's result carries one of these plus the
// facts it was made from (facts.ts) and their sentence; lessons and the trace panel key off the codes.

/** Why a request reached (or failed to reach) its target. */
export type Decision =
  /** Stickiness off: round robin picked the next healthy target in registration order. */
  | 'round-robin'
  /** Stickiness off: the target with the fewest in-flight requests was picked. */
  | 'least-outstanding-requests'
  /** Stickiness off: a seeded random pick among healthy targets. */
  | 'weighted-random'
  /** A valid stickiness cookie named a usable target, so the algorithm was skipped. */
  | 'sticky-hit'
  /** Stickiness on, but the request carried no stickiness cookie. */
  | 'sticky-miss-no-cookie'
  /** The stickiness cookie could not be decoded (tampered, truncated, URL-encoded, wrong kind). */
  | 'sticky-miss-invalid'
  /** The cookie names a target that is not registered in this target group (or another group's binding). */
  | 'sticky-miss-foreign-target'
  /** The idle time since the cookie was issued exceeds the configured duration. */
  | 'sticky-miss-expired'
  /** The cookie names a registered target that is not healthy. */
  | 'sticky-miss-unhealthy'
  /** The cookie names a target that has been deregistered (draining or removed). */
  | 'sticky-miss-deregistered'
  /** app_cookie: AWSALBAPP is present but the application cookie it depends on is not. */
  | 'sticky-miss-no-app-cookie'
  /** app_cookie stickiness is enabled but does not work when the forward action has several target groups. */
  | 'app-cookie-ignored-weighted'
  /** No (or too few) healthy targets: the algorithm picked among all registered targets. */
  | 'fail-open'
  /** The chosen target did not answer (its application has hung), so the load balancer returned 502.
   *  A stopped instance is never chosen: its target is unused (Target.InvalidState). */
  | 'target-unreachable-502'
  /** There was no target to send to, so the load balancer returned 503. */
  | 'no-targets-503'
  /** A WebSocket message travelled over an established connection (cookies are not consulted). */
  | 'websocket'
  /** A WebSocket message could not be sent because no connection is open. */
  | 'websocket-closed'
  /** NLB/GWLB: a new flow went to the target its tuple hashed to (TCP on NLB also hashes the sequence number). */
  | 'flow-hash'
  /** NLB/GWLB: the request travelled on an established flow, which stays on its target. */
  | 'existing-flow'
  /** NLB source_ip: the sticky table already binds this source IP to a target that can take the flow. */
  | 'source-ip-sticky-hit'
  /** NLB source_ip: first flow from this source IP; the hashed target is recorded for the IP. */
  | 'source-ip-sticky-new'
  /** NLB source_ip: this IP's entry was wiped when a target's health or registration changed; chosen afresh. */
  | 'source-ip-sticky-reset'
  /** NLB source_ip: the IP's target can no longer take new flows (not healthy, draining or out of zone). */
  | 'source-ip-sticky-unavailable'
  /** GWLB 3-/2-tuple stickiness: a new connection matched an existing flow key and joined its appliance. */
  | 'flow-stickiness-hit'
  /** GWLB rebalance: the flow's appliance failed or was deregistered, so the flow was rehashed. */
  | 'flow-rebalanced'
  /** NLB/GWLB: the chosen target did not answer (its application has hung); the connection timed out. */
  | 'flow-target-unreachable'
  /** NLB/GWLB: no registered target could take the flow, so the connection was refused. */
  | 'flow-no-targets'

/** How the target group was chosen when the forward action lists one or more groups. */
export type TargetGroupDecision =
  /** The forward action has a single target group and no target-group stickiness. */
  | 'single'
  /** Picked by weight (seeded random). */
  | 'weighted'
  /** AWSALBTG named a target group of this action and its duration had not lapsed. */
  | 'group-sticky-hit'
  /** Target-group stickiness on but no AWSALBTG cookie; picked by weight. */
  | 'group-sticky-miss-no-cookie'
  /** AWSALBTG could not be decoded; picked by weight. */
  | 'group-sticky-miss-invalid'
  /** AWSALBTG named a group that is not in this forward action; picked by weight. */
  | 'group-sticky-miss-foreign'
  /** AWSALBTG idle time exceeded the target-group stickiness duration; picked by weight. */
  | 'group-sticky-miss-expired'
  /** Every target group has weight 0 and no valid AWSALBTG applied. */
  | 'none'

export const DECISIONS: readonly Decision[] = [
  'round-robin',
  'least-outstanding-requests',
  'weighted-random',
  'sticky-hit',
  'sticky-miss-no-cookie',
  'sticky-miss-invalid',
  'sticky-miss-foreign-target',
  'sticky-miss-expired',
  'sticky-miss-unhealthy',
  'sticky-miss-deregistered',
  'sticky-miss-no-app-cookie',
  'app-cookie-ignored-weighted',
  'fail-open',
  'target-unreachable-502',
  'no-targets-503',
  'websocket',
  'websocket-closed',
  'flow-hash',
  'existing-flow',
  'source-ip-sticky-hit',
  'source-ip-sticky-new',
  'source-ip-sticky-reset',
  'source-ip-sticky-unavailable',
  'flow-stickiness-hit',
  'flow-rebalanced',
  'flow-target-unreachable',
  'flow-no-targets',
]

export const TARGET_GROUP_DECISIONS: readonly TargetGroupDecision[] = [
  'single',
  'weighted',
  'group-sticky-hit',
  'group-sticky-miss-no-cookie',
  'group-sticky-miss-invalid',
  'group-sticky-miss-foreign',
  'group-sticky-miss-expired',
  'none',
]
