// The simulator's whole state as plain JSON data (no classes, Maps, Dates or functions), so it can
// be snapshotted, persisted, diffed and replayed byte-for-byte. Times are integer virtual ms.
// The Lab mutates this in place for speed; see docs/model.md "Mutation and snapshots".

import type { Dict } from '../dict'
import type { Ring } from '../ring'
import type { Decision, TargetGroupDecision } from './decisions'
import type { CookieRejection, RequestBrowserFacts, RequestFacts } from './facts'
import type { CdnState } from './cdn'
import type { OuterLayerState } from './outerLayer'
import type { ClientId, TargetGroupName, TargetId } from './ids'
import type { Counters, FlowMetricCounters, MetricCounters } from './counters'

export type { Counters, FlowMetricCounters, MetricCounters } from './counters'
import type { KubernetesState } from './kubernetes'

/** Availability Zones the simulated load balancer is enabled in. */
export const AVAILABILITY_ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'] as const
export type AvailabilityZone = (typeof AVAILABILITY_ZONES)[number]

export type ListenerProtocol = 'HTTP' | 'HTTPS'
/** Target group protocols: HTTP/HTTPS (application), TCP/UDP/TCP_UDP/TLS (network), GENEVE (gateway). */
export type TargetGroupProtocol = 'HTTP' | 'HTTPS' | 'TCP' | 'UDP' | 'TCP_UDP' | 'TLS' | 'GENEVE'

/** AWS's load balancer `Type` values ('classic' stands for the Classic Load Balancer). */
export type LoadBalancerType = 'application' | 'network' | 'gateway' | 'classic'

/** Transport protocol of one flow (NLB and GWLB). */
export type FlowProtocol = 'TCP' | 'UDP' | 'ICMP'

/** One client flow through an NLB or GWLB: its tuple, the target it is pinned to and when it was last used. */
export interface FlowState {
  protocol: FlowProtocol
  sourcePort: number
  destinationIp: string
  destinationPort: number
  targetId: TargetId
  targetGroup: TargetGroupName
  openedAtMs: number
  lastSeenMs: number
}

/** A source-IP stickiness entry (NLB `source_ip`): the target this source IP is bound to. */
export interface SourceIpBinding {
  targetId: TargetId
  createdAtMs: number
  /** The table epoch it was made in; older epochs were wiped by a reset. */
  epoch: number
}

/** The latest wipe of a target group's NLB sticky table (for explanations). */
export interface StickyReset {
  epoch: number
  atMs: number
  /** The health change that caused it: this target went from one state to another. */
  targetId: TargetId
  from: string
  to: string
}

/** A GWLB flow-table entry: the appliance a flow key (5-, 3- or 2-tuple) is pinned to. */
export interface GatewayFlowEntry {
  targetId: TargetId
  protocol: FlowProtocol
  /** Source port of the connection that created the entry (0 for ICMP). */
  sourcePort: number
  lastSeenMs: number
}

export type HealthState =
  'initial' | 'healthy' | 'unhealthy' | 'unused' | 'draining' | 'unavailable'
export type HealthReason =
  | 'Elb.RegistrationInProgress'
  | 'Elb.InitialHealthChecking'
  | 'Elb.InternalError'
  | 'Target.ResponseCodeMismatch'
  | 'Target.Timeout'
  | 'Target.FailedHealthChecks'
  | 'Target.NotRegistered'
  | 'Target.NotInUse'
  | 'Target.InvalidState'
  | 'Target.IpUnusable'
  | 'Target.DeregistrationInProgress'
  | 'Target.HealthCheckDisabled'

/** How a running instance fails its health checks: while still serving traffic ('response-code',
 *  'connection'), or because its application has hung and answers nothing ('unresponsive'). */
export type HealthCheckFailMode = 'response-code' | 'connection' | 'unresponsive'

/** An EC2-like instance. Instances exist independently of target groups. */
export interface InstanceState {
  id: TargetId
  /** Small integer used inside cookie values instead of the id string. */
  serial: number
  az: string
  running: boolean
  healthCheckFailing: boolean
  failMode: HealthCheckFailMode
  /** Requests still being served: flattened pairs [completesAtMs, count, ...], ascending. */
  inFlight: number[]
  inFlightCount: number
  /** Requests this instance answered (metric RequestCountPerTarget:<id>). */
  requestCount: number
}

/** Health-check settings, with AWS field names. */
export interface HealthCheckSettings {
  /** HTTP/HTTPS for ALB and CLB groups, TCP for NLB and GWLB groups. */
  HealthCheckProtocol: 'HTTP' | 'HTTPS' | 'TCP'
  HealthCheckPort: string
  HealthCheckPath: string
  HealthCheckIntervalSeconds: number
  HealthCheckTimeoutSeconds: number
  HealthyThresholdCount: number
  UnhealthyThresholdCount: number
  Matcher: { HttpCode: string }
}

/** One target's registration in one target group, with its health-check state machine. */
export interface RegistrationState {
  id: TargetId
  state: HealthState
  reason: HealthReason | null
  registeredAtMs: number
  /** True once this registration has been deregistered (draining, then unused). */
  deregistered: boolean
  lastCheckAtMs: number
  nextCheckAtMs: number | null
  passes: number
  fails: number
  /** Reason the most recent failed check gave (what the target reports once unhealthy). */
  failReason: HealthReason | null
  drainEndsAtMs: number | null
  slowStartFromMs: number | null
  slowStartEndsAtMs: number | null
  /** Smooth weighted round-robin accumulator (only consulted while slow start is active). */
  swrr: number
}

/** Parsed view of the attribute strings, kept in sync so the request path never parses. */
export interface ParsedAttributes {
  stickinessEnabled: boolean
  stickinessType: string
  lbCookieDurationSeconds: number
  appCookieName: string
  appCookieDurationSeconds: number
  algorithm: 'round_robin' | 'least_outstanding_requests' | 'weighted_random'
  anomalyMitigation: boolean
  slowStartSeconds: number
  deregistrationDelaySeconds: number
  crossZone: 'true' | 'false' | 'use_load_balancer_configuration'
  minHealthyCount: number
  minHealthyPercent: number | null
}

export interface TargetGroupState {
  name: TargetGroupName
  serial: number
  protocol: TargetGroupProtocol
  port: number
  /** Every attribute with its current value, exactly as DescribeTargetGroupAttributes would list it. */
  attributes: Dict<string>
  parsed: ParsedAttributes
  healthCheck: HealthCheckSettings
  /** Registrations in registration order (deregistered ones stay listed as unused). */
  targets: RegistrationState[]
  /** Round-robin cursor into `targets`. */
  rrCursor: number
  /** Whether the listener's forward action currently references this group. */
  inUse: boolean
  /** Requests answered by this group's targets (metric RequestCountPerTargetGroup:<name>). */
  requestCount: number
  /** NLB source_ip stickiness table (source IP → target); absent on other types. */
  sourceIpTable?: Dict<SourceIpBinding>
  /** The latest reset of `sourceIpTable` (health or registration change); absent until one happens. */
  stickyReset?: StickyReset
  /** GWLB flow table by flow key; absent on other types. */
  flowTable?: Dict<GatewayFlowEntry>
}

export interface ForwardTargetGroup {
  name: string
  weight: number
}

export interface ListenerState {
  /** What browsers speak to the load balancer: HTTP or HTTPS (an NLB TLS listener counts as HTTPS). */
  protocol: ListenerProtocol
  port: number
  /** NLB/GWLB only: the listener's own protocol (TCP, UDP, TCP_UDP, TLS; GENEVE for a GWLB). */
  transport?: TargetGroupProtocol
  /** ModifyListenerAttributes values (NLB TCP and GWLB listeners: `tcp.idle_timeout.seconds`); absent = defaults. */
  attributes?: Record<string, string>
  forward: {
    targetGroups: ForwardTargetGroup[]
    stickiness: { enabled: boolean; durationSeconds: number }
  }
}

export interface SessionCookieConfig {
  name: string
  maxAgeSeconds?: number
  valueBytes?: number // characters in the value (the id padded; rules/appCookieSize.ts); unset = the id
}

export interface AppState {
  sessionCookie: SessionCookieConfig | null
  sessionStore: 'memory' | 'external'
  latencySeconds: number
}

export type SameSite = 'None' | 'Lax' | 'Strict'

/** A cookie held in a browser jar. Host-only; the simulated site has one host. */
export interface StoredCookie {
  name: string
  value: string
  path: string
  /** null = session cookie (no Expires/Max-Age). */
  expiresAtMs: number | null
  secure: boolean
  httpOnly: boolean
  sameSite: SameSite | null
}

export interface WebSocketState {
  id: number
  targetId: TargetId
  targetGroup: TargetGroupName
  openedAtMs: number
  messages: number
}

export interface ClientState {
  id: ClientId
  kind?: 'curl' | 'sdk' // no jar; absent = a browser (every lab saved before kinds existed)
  cookiesEnabled: boolean
  userAgent: 'chromium' | 'other'
  /** Which load balancer node (by AZ) DNS handed this client; matters only with cross-zone off. */
  nodeAz: string
  jar: StoredCookie[]
  webSocket: WebSocketState | null
  /** IPv4 address the load balancer sees; clients sharing one are behind one NAT. */
  sourceIp: string
  /** Open NLB/GWLB flows (one per protocol and destination); empty under ALB and CLB. */
  flows: FlowState[]
}

/** The request record kept in history (also the object `request()` returns). */
export interface RequestRecordState extends RequestBrowserFacts {
  id: number
  clientId: ClientId
  at: number
  completesAt: number
  path: string
  crossSite: boolean
  kind: 'http' | 'websocket-upgrade'
  method?: 'OPTIONS'
  /** The type of load balancer that served it (history survives a change of type). */
  loadBalancerType: LoadBalancerType
  status: number
  targetId: TargetId | null
  targetGroup: TargetGroupName | null
  sticky: boolean
  decision: Decision
  targetGroupDecision: TargetGroupDecision
  algorithm: string | null
  failOpen: boolean
  /** What decided the request, as codes and values (absent on records saved before facts existed). */
  facts?: RequestFacts
  /** `facts` in words, rendered by the lab's explainer (src/explain) when the request was made. */
  explanation: string
  requestCookieHeader: string
  setCookie: string[]
  session?: { id: string; items: number; lost: boolean }
  /** Set-Cookie directives the browser refused, and why (absent when none). */
  blockedCookies?: { name: string; reason: CookieRejection }[]
  /** NLB/GWLB: the flow this request travelled on. */
  flow?: FlowRecord
}

/** The flow tuple a request travelled on (NLB/GWLB records). */
export interface FlowRecord {
  protocol: FlowProtocol
  sourceIp: string
  sourcePort: number
  destinationIp: string
  destinationPort: number
}

export interface HealthEventState {
  at: number
  targetGroup: TargetGroupName
  targetId: TargetId
  from: HealthState
  to: HealthState
  reason: HealthReason | null
}

/**
 * One logged call. Compact form for the most frequent call: a request without options stores its
 * client id as a bare string in `args` (log() expands it to [clientId]).
 */
export interface LabCallState {
  at: number
  call: string
  args: unknown[] | string
}

/** Classic Load Balancer stickiness policies (CreateLBCookieStickinessPolicy / CreateAppCookieStickinessPolicy). */
export type ClbPolicy =
  | {
      policyName: string
      policyTypeName: 'LBCookieStickinessPolicyType'
      cookieExpirationPeriod: number | null
    }
  | { policyName: string; policyTypeName: 'AppCookieStickinessPolicyType'; cookieName: string }

/** The Classic Load Balancer's own state: one HTTP listener, policies, and the internal group of registered instances. */
export interface ClbState {
  loadBalancerPort: number
  instancePort: number
  /** Policies of the listener (SetLoadBalancerPoliciesOfListener), in the order given. */
  policyNames: string[]
  policies: ClbPolicy[]
  /** Name of the internal target group that holds the registered instances (never listed by targetGroups()). */
  group: TargetGroupName
  /** Round-robin cursor that breaks least-load ties. */
  tieCursor: number
  /** ModifyLoadBalancerAttributes (elb API); absent in labs saved before it existed, which means the defaults. */
  attributes?: ClbAttributes
}

/** The Classic Load Balancer's attributes (AWS's `elb` LoadBalancerAttributes), as plain data. */
export interface ClbAttributes {
  connectionDraining: { enabled: boolean; timeout: number }
  idleTimeout: number
  crossZone: boolean
  accessLog: {
    enabled: boolean
    s3BucketName: string
    emitInterval: number
    s3BucketPrefix: string
  }
  desyncMitigationMode: string
}

/** Load-balancer-level settings of NLB and GWLB. */
export interface LoadBalancerAttributes {
  /** `load_balancing.cross_zone.enabled`: off by default for NLB and GWLB. */
  crossZone: boolean
  values?: Record<string, string> // other ModifyLoadBalancerAttributes keys (no effect; absent in old saves)
}

export interface World {
  format: 'stickylab-world'
  version: 1
  seed: number
  loadBalancerType: LoadBalancerType
  /** NLB/GWLB load balancer attributes (unused by ALB and CLB). */
  loadBalancerAttributes: LoadBalancerAttributes
  /** Present only while the load balancer is a Classic Load Balancer. */
  classic: ClbState | null
  kubernetes?: KubernetesState // only once configureKubernetes ran (older labs have none)
  /** mulberry32 state. */
  rng: number
  /** Key that seals simulated LB cookies (derived from the seed; real AWS encrypts with a rotating key). */
  secret: number
  nowMs: number
  counters: Counters
  listener: ListenerState
  targetGroupOrder: TargetGroupName[]
  targetGroups: Dict<TargetGroupState>
  /** Target group name by serial (index), for decoding cookies. */
  targetGroupBySerial: TargetGroupName[]
  instanceOrder: TargetId[]
  instances: Dict<InstanceState>
  /** Instance id by serial (index), for decoding cookies. */
  instanceBySerial: TargetId[]
  app: AppState
  /** Carts: where ("i-1" … or "external") → session id → item count. */
  sessions: Dict<Dict<number>>
  clientOrder: ClientId[]
  clients: Dict<ClientState>
  /** Earliest expiry of any stored cookie, or null; may be early (stale), never late. */
  nextCookieExpiryMs: number | null
  metrics: MetricCounters
  flowMetrics: FlowMetricCounters
  history: Ring<RequestRecordState>
  healthEvents: Ring<HealthEventState>
  log: Ring<LabCallState>
  cdn?: CdnState
  /** A second ALB layer in front (absent when there is none, as in every older snapshot). */
  outerLayer?: OuterLayerState
}
