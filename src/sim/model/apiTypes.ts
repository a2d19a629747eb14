// The data the Lab API takes and returns (api.ts declares the Lab). Field names and shapes of the contract
// methods are fixed; extensions are marked as such.

import type { Decision, TargetGroupDecision } from './decisions'
import type { CookieRejection, CookieWithheld, RequestFacts, WebSocketFacts } from './facts'
import type { ClientId, TargetGroupName, TargetId } from './ids'
import type { ClientKind } from './clientKind'
import type {
  FlowProtocol,
  FlowRecord,
  HealthCheckFailMode,
  HealthReason,
  HealthState,
  LoadBalancerType,
  SameSite,
  TargetGroupProtocol,
} from './world'

export type { FlowProtocol, FlowRecord, LoadBalancerType, TargetGroupProtocol }

/**
 * Outcome of a configuration call: AWS-style error code and message on failure, and `field`, the AWS parameter or
 * attribute key that was wrong (e.g. `stickiness.lb_cookie.duration_seconds`, `HealthCheckIntervalSeconds`,
 * `TargetGroupStickinessConfig.DurationSeconds`), absent when no one parameter is to blame (docs/api.md).
 */
export type Result = { ok: true } | { ok: false; code: string; message: string; field?: string }

export interface CreateLabOptions {
  /** Seeds the PRNG and the cookie-sealing secret. Default 1. */
  seed?: number
  /** Extension: the load balancer type to start with (default 'application'). Same as calling
   *  setLoadBalancerType(type) right after creation, which is what the log records. */
  loadBalancerType?: LoadBalancerType
}

export interface TargetHealthView {
  state: HealthState | string
  reason?: HealthReason | string
  /** Extension: AWS-like description of the reason. */
  description?: string
}

export interface TargetView {
  id: TargetId
  az: string
  running: boolean
  health: TargetHealthView
}

export interface TargetGroupView {
  name: TargetGroupName
  protocol: string
  attributes: Record<string, string>
  targets: TargetView[]
  /** Extension: traffic port. */
  port: number
  /** Extension: whether the listener forwards to this group. */
  inUse: boolean
}

export interface RequestOptions {
  /** Request path, default "/". Paths starting with "/cart/add" add one item to the cart. */
  path?: string
  /** A cross-site subresource request (fetch/XHR from another site), not a top-level navigation. */
  crossSite?: boolean
  /** fetch() credentials mode. Default "same-origin". */
  credentials?: 'include' | 'same-origin' | 'omit'
  /**
   * Extension (ALB): the cross-site request is not "simple" (a custom header, a JSON content type), so the browser
   * first sends a CORS preflight OPTIONS, which never carries cookies and is balanced on its own. Needs crossSite.
   */
  preflight?: boolean
  /** Extension: how long the target is busy with this request (default: app latencySeconds). */
  durationSeconds?: number
  /** NLB/GWLB: open a new connection (new source port) instead of reusing the client's current flow. */
  newConnection?: boolean
  /** NLB: 'TCP' or 'UDP' (default: TCP, or UDP on a UDP listener). GWLB: 'TCP' (default), 'UDP' or 'ICMP'. */
  protocol?: FlowProtocol
  /** GWLB: where the traffic is going (default 192.0.2.80). */
  destinationIp?: string
  /** GWLB: destination port for TCP/UDP (default 443; ignored for ICMP). */
  destinationPort?: number
}

export interface SessionView {
  id: string
  items: number
  lost: boolean
}

export interface RequestResult {
  status: number
  targetId: TargetId | null
  targetGroup: TargetGroupName | null
  /** An existing binding (stickiness cookie) chose the target. */
  sticky: boolean
  decision: Decision
  /** The codes and values the decision was made from (absent on records saved before they existed). See docs/api.md. */
  facts?: RequestFacts
  /** The decision in words, rendered from `facts` by src/explain when the request was made. */
  explanation: string
  /** The Cookie header the browser actually sent ("" when none). */
  requestCookieHeader: string
  /** The response's Set-Cookie lines, verbatim. */
  setCookie: string[]
  session?: SessionView
  /** Extension: how the target group was chosen. */
  targetGroupDecision: TargetGroupDecision
  /** Extension: the routing algorithm that made the pick, or null when a binding or nothing did. */
  algorithm: string | null
  /** Extension: the pick ignored health because too few targets were healthy. */
  failOpen: boolean
  /** Extension: Set-Cookie lines the browser refused to store, and why, as a reason code (absent when none). */
  blockedCookies?: { name: string; reason: CookieRejection }[]
  /** Extension: cookies of the jar the browser left off this request, and why (absent when all were sent). */
  withheldCookies?: { name: string; path: string; reason: CookieWithheld }[]
  /** Extension: the fetch credentials mode, when not the default 'same-origin' (absent on older records). */
  credentials?: 'include' | 'omit'
  /** NLB/GWLB: the flow tuple this request travelled on. */
  flow?: FlowRecord
}

export interface RequestRecord extends RequestResult {
  id: number
  clientId: ClientId
  at: number
  completesAt: number
  path: string
  crossSite: boolean
  kind: 'http' | 'websocket-upgrade'
  /** Extension: 'OPTIONS' on a CORS preflight (absent on the request itself). */
  method?: 'OPTIONS'
  /** Extension: the type of load balancer that served it (history survives a change of type). */
  loadBalancerType: LoadBalancerType
}

export interface CookieView {
  name: string
  value: string
  path: string
  /** Virtual seconds; null = session cookie. */
  expiresAt: number | null
  secure: boolean
  httpOnly: boolean
  sameSite?: SameSite
}

export interface ClientOptions {
  /** Extension: browser (default), curl or sdk. curl and sdk keep no cookie jar, so they are never sticky. */
  kind?: ClientKind
  cookiesEnabled?: boolean
  userAgent?: 'chromium' | 'other'
  /** Extension: the IPv4 source address the load balancer sees. Clients sharing one are behind one NAT.
   *  Default: a unique documentation address (198.51.100.10, .11, … in the order clients are added). */
  sourceIp?: string
}

export interface ClientView {
  id: ClientId
  /** Extension: browser, curl or sdk. */
  kind: ClientKind
  cookiesEnabled: boolean
  userAgent: 'chromium' | 'other'
  /** Extension: the load balancer node (AZ) this client's DNS lookup returned. */
  nodeAz: string
  /** Extension: the IPv4 source address the load balancer sees. */
  sourceIp: string
}

export interface ForwardConfig {
  targetGroups: { name: string; weight: number }[]
  stickiness?: { enabled: boolean; durationSeconds?: number }
}

export interface ListenerView {
  /** ALB: HTTP/HTTPS. NLB: the forwarded group's protocol (TCP, UDP, TCP_UDP, TLS). GWLB: GENEVE. CLB: HTTP. */
  protocol: 'HTTP' | 'HTTPS' | TargetGroupProtocol
  port: number
  forward: {
    targetGroups: { name: string; weight: number }[]
    stickiness: { enabled: boolean; durationSeconds: number }
  }
  /** CLB only: the back-end side of the listener and its policies (SetLoadBalancerPoliciesOfListener). */
  instanceProtocol?: 'HTTP'
  instancePort?: number
  policyNames?: string[]
}

/** An open NLB/GWLB flow of one client. */
export interface FlowView extends FlowRecord {
  clientId: ClientId
  targetId: TargetId
  targetGroup: TargetGroupName
  openedAt: number
  lastSeenAt: number
  /** Virtual time at which the flow times out if it stays idle (350 s TCP, 120 s UDP/ICMP). */
  idleExpiresAt: number
}

/** Clients sharing one source IP (behind one NAT). */
export interface NatGroupView {
  sourceIp: string
  clients: ClientId[]
}

/** NLB source_ip stickiness entry. */
export interface SourceIpStickinessView {
  targetGroup: TargetGroupName
  sourceIp: string
  targetId: TargetId
  createdAt: number
}

/** CLB stickiness policies, as DescribeLoadBalancerPolicies reports them. */
export interface LoadBalancerPolicyView {
  PolicyName: string
  PolicyTypeName: 'LBCookieStickinessPolicyType' | 'AppCookieStickinessPolicyType'
  PolicyAttributeDescriptions: { AttributeName: string; AttributeValue: string }[]
}

/** CLB DescribeInstanceHealth entry. */
export interface InstanceHealthView {
  InstanceId: TargetId
  State: 'InService' | 'OutOfService' | 'Unknown'
  ReasonCode: 'ELB' | 'Instance' | 'N/A'
  Description: string
}

/** CLB health check (DescribeLoadBalancers HealthCheck). */
export interface ClassicHealthCheckView {
  Target: string
  Interval: number
  Timeout: number
  UnhealthyThreshold: number
  HealthyThreshold: number
}

export interface AppConfig {
  /** valueBytes: characters in the cookie's value, 1-16384 (the session id padded; see docs/api.md). */
  sessionCookie?: { name: string; maxAgeSeconds?: number; valueBytes?: number } | null
  sessionStore?: 'memory' | 'external'
  /** Extension: how long each request occupies its target (seconds). Default 0.5. */
  latencySeconds?: number
}

export interface AppView {
  sessionCookie: { name: string; maxAgeSeconds?: number; valueBytes?: number } | null
  sessionStore: 'memory' | 'external'
  latencySeconds: number
}

export interface HealthCheckView {
  HealthCheckProtocol: string
  HealthCheckPort: string
  HealthCheckPath: string
  HealthCheckIntervalSeconds: number
  HealthCheckTimeoutSeconds: number
  HealthyThresholdCount: number
  UnhealthyThresholdCount: number
  Matcher: { HttpCode: string }
}

export interface HealthCheckUpdate {
  HealthCheckIntervalSeconds?: number
  HealthCheckTimeoutSeconds?: number
  HealthyThresholdCount?: number
  UnhealthyThresholdCount?: number
}

export interface SessionRecord {
  /** Target id holding the cart in memory, or "external". */
  where: string
  sessionId: string
  items: number
}

export interface HealthEvent {
  at: number
  targetId: TargetId
  targetGroup: TargetGroupName
  from: string
  to: string
  reason: string | null
}

export interface LogInfo {
  length: number
  dropped: number
  last: LabCall | null
}

export interface LabCall {
  at: number
  call: string
  args: unknown[]
}

export interface XrayResult {
  /** 'elb_cookie' = a Classic Load Balancer's AWSELB (either policy type). */
  kind: 'lb_cookie' | 'app_cookie' | 'target_group' | 'elb_cookie'
  targetGroup: TargetGroupName | null
  targetId: TargetId | null
  issuedAt: number
  durationSeconds: number
}

export interface WebSocketOptions {
  path?: string
  crossSite?: boolean
  credentials?: 'include' | 'same-origin' | 'omit'
}

export interface WebSocketMessageResult {
  delivered: boolean
  targetId: TargetId | null
  targetGroup: TargetGroupName | null
  decision: 'websocket' | 'websocket-closed'
  facts: WebSocketFacts
  /** `facts` in words (src/explain). */
  explanation: string
  /** Messages delivered on this connection so far. */
  messages: number
}

export interface WebSocketView {
  clientId: ClientId
  targetId: TargetId
  targetGroup: TargetGroupName
  openedAt: number
  messages: number
}

export interface TargetHealthDescription {
  targetId: TargetId
  az: string
  state: string
  reason?: string
  description?: string
}

export interface CreateTargetGroupOptions {
  /** How many new instances to launch and register (default 0: an empty group, as in AWS). */
  targets?: number
  /** Extension: target group protocol. ALB: HTTP (default) or HTTPS. NLB: TCP (default), UDP, TCP_UDP,
   *  TLS. GWLB: GENEVE. */
  protocol?: TargetGroupProtocol
}

export interface HealthCheckFailingOptions {
  /** "response-code" (default): checks get HTTP 500 → Target.ResponseCodeMismatch.
   *  "connection": the health-check port refuses connections → Target.FailedHealthChecks.
   *  "unresponsive": the application has hung (the instance still runs in EC2's eyes): requests and
   *  checks time out, so requests routed to it get 502 and checks Target.Timeout, until the
   *  checks mark it unhealthy. The crash-like failure, unlike an EC2 stop. */
  mode?: HealthCheckFailMode
}
