// Public types of the Lab API (the contract the UI, lessons and the conformance suite drive): the Lab itself
// here, the data it takes and returns in apiTypes.ts. Field names and shapes of the contract methods are fixed;
// extensions are marked as such.

import type { ReplayableCall } from '../replayCalls'
import type {
  AppConfig,
  AppView,
  ClassicHealthCheckView,
  ClientOptions,
  ClientView,
  CookieView,
  CreateTargetGroupOptions,
  FlowView,
  ForwardConfig,
  HealthCheckFailingOptions,
  HealthCheckUpdate,
  HealthCheckView,
  HealthEvent,
  InstanceHealthView,
  LabCall,
  ListenerView,
  LoadBalancerPolicyView,
  LoadBalancerType,
  LogInfo,
  NatGroupView,
  RequestOptions,
  RequestRecord,
  Result,
  SessionRecord,
  SourceIpStickinessView,
  TargetGroupView,
  TargetHealthDescription,
  WebSocketMessageResult,
  WebSocketOptions,
  WebSocketView,
  XrayResult,
} from './apiTypes'
import type { World } from './world'
import type { CdnOptions, CdnView } from './cdn'
import type { OuterLayerOptions, OuterLayerView } from './outerLayer'
import type { TargetId } from './ids'
import type { KubernetesTargetType } from './kubernetes'
import type { SocketIoOptions } from './socketIo'
import type {
  ClassicLoadBalancerAttributes,
  ClassicLoadBalancerAttributesView,
} from './classicLoadBalancerAttributes'

export type * from './apiTypes'
export type { ClientId, TargetGroupName, TargetId } from './ids'

/**
 * The lab's read side: every query, no command. Views, selectors and explanations receive this, so nothing that
 * only shows the lab can change it (issue 17); commands go through applyCommand or the lab machine.
 */
export type LabQueries = Omit<Lab, ReplayableCall>

/** The simulated lab: one ALB with one HTTPS/HTTP listener, target groups, instances, browsers. */
export interface Lab {
  now(): number
  advance(seconds: number): void
  /** Extension: seconds until the next scheduled change (health check, drain end, request completion,
   *  cookie expiry); 0 when nothing is scheduled. advance(secondsToNextEvent()) single-steps. */
  secondsToNextEvent(): number
  targetGroups(): TargetGroupView[]
  createTargetGroup(name: string, options?: CreateTargetGroupOptions): Result
  modifyTargetGroupAttributes(targetGroup: string, attributes: Record<string, string>): Result
  modifyHealthCheck(targetGroup: string, settings: HealthCheckUpdate): Result
  setListenerProtocol(protocol: 'HTTP' | 'HTTPS'): void
  setForward(forward: ForwardConfig): Result
  registerTargets(targetGroup: string, ids: string[]): Result
  deregisterTargets(targetGroup: string, ids: string[]): Result
  stopInstance(id: string): void
  startInstance(id: string): void
  setHealthCheckFailing(id: string, failing: boolean, options?: HealthCheckFailingOptions): void
  configureApp(app: AppConfig): void
  addClient(id: string, options?: ClientOptions): void
  /** Returns a RequestResult; concretely the RequestRecord that history() keeps (treat it as read-only). */
  request(clientId: string, options?: RequestOptions): RequestRecord
  cookies(clientId: string): CookieView[]
  setCookie(clientId: string, name: string, value: string): void
  deleteCookie(clientId: string, name: string): void
  clearCookies(clientId: string): void
  metrics(): Record<string, number>

  // Extensions for the UI and replay.
  seed(): number
  /** Grows whenever something other than the clock changes (a call, a health event, a finished request,
   *  an expired cookie). Views compare it to skip work while time merely passes. Not part of the world. */
  changeCount(): number
  clients(): ClientView[]
  removeClient(id: string): void
  setClientOptions(id: string, options: ClientOptions): void
  listener(): ListenerView
  app(): AppView
  healthCheck(targetGroup: string): HealthCheckView | null
  describeTargetHealth(targetGroup: string): TargetHealthDescription[] | null
  sessions(): SessionRecord[]
  history(): RequestRecord[]
  healthEvents(): HealthEvent[]
  log(): LabCall[]
  /** The log's size, how many entries it dropped, and its newest entry, without copying the log. */
  logInfo(): LogInfo
  snapshot(): World
  xray(cookieValue: string): XrayResult | null
  launchInstance(options?: { az?: string }): TargetId
  instances(): {
    id: TargetId
    az: string
    running: boolean
    healthCheckFailing: boolean
    inFlight: number
  }[]
  openWebSocket(clientId: string, options?: WebSocketOptions): RequestRecord
  sendWebSocketMessage(clientId: string): WebSocketMessageResult
  closeWebSocket(clientId: string): void
  webSockets(): WebSocketView[]

  // Extensions: load balancer types (issue #9).
  loadBalancerType(): LoadBalancerType
  /** Replaces the load balancer with the type's default one; keeps clients, cookie jars and instances. */
  setLoadBalancerType(type: LoadBalancerType): void
  /** Client groups by source IP (every IP in use, in order of its first client). */
  natGroups(): NatGroupView[]
  /** NLB/GWLB: the client's open flows end; its next request opens a new connection. */
  closeConnection(clientId: string): void
  /** NLB/GWLB: open flows that have not idled out. */
  flows(): FlowView[]
  /** NLB: current (not reset) source_ip stickiness entries of every target group. */
  sourceIpStickiness(): SourceIpStickinessView[]
  /** NLB/GWLB: ModifyLoadBalancerAttributes for `load_balancing.cross_zone.enabled` ('true' | 'false'). */
  modifyLoadBalancerAttributes(attributes: Record<string, string>): Result
  /** NLB/GWLB load balancer attributes (empty for ALB and CLB here). */
  loadBalancerAttributes(): Record<string, string>
  /** NLB TCP / GWLB listener: ModifyListenerAttributes for `tcp.idle_timeout.seconds` (60-6000; TCP flows idle out
   *  after it). Other keys and listeners: InvalidConfigurationRequest. */
  modifyListenerAttributes(attributes: Record<string, string>): Result
  /** DescribeListenerAttributes: `{ 'tcp.idle_timeout.seconds': '350' }` on an NLB TCP or GWLB listener, else {}. */
  listenerAttributes(): Record<string, string>
  createLBCookieStickinessPolicy(options: {
    policyName: string
    cookieExpirationPeriod?: number
  }): Result
  createAppCookieStickinessPolicy(options: { policyName: string; cookieName: string }): Result
  setLoadBalancerPoliciesOfListener(options: {
    loadBalancerPort: number
    policyNames: string[]
  }): Result
  describeLoadBalancerPolicies(): LoadBalancerPolicyView[]
  /** CLB ModifyLoadBalancerAttributes (elb API): ConnectionDraining, ConnectionSettings, CrossZoneLoadBalancing,
   *  AccessLog and AdditionalAttributes; structures not sent keep their values. */
  modifyClassicLoadBalancerAttributes(attributes: ClassicLoadBalancerAttributes): Result
  /** CLB DescribeLoadBalancerAttributes, or null when the load balancer is not a Classic Load Balancer. */
  describeClassicLoadBalancerAttributes(): ClassicLoadBalancerAttributesView | null
  registerInstancesWithLoadBalancer(instanceIds: string[]): Result
  deregisterInstancesFromLoadBalancer(instanceIds: string[]): Result
  describeInstanceHealth(): InstanceHealthView[]
  classicHealthCheck(): ClassicHealthCheckView | null

  // Extensions: a CloudFront distribution in front of the ALB (issue 19).
  /** Puts CloudFront in front with an origin request policy's cookie behaviour, or removes it (`enabled: false`). */
  setCdn(options: CdnOptions): Result
  /** The CDN in front, or null. */
  cdn(): CdnView | null
  // Extension: a second ALB layer in front of the lab's ALB (issue 19).
  /** Puts an outer ALB in front (two proxies as its targets, forwarding to the lab's ALB) with its own target
   *  stickiness, or removes it (`enabled: false`). ALB only. */
  setOuterLayer(options: OuterLayerOptions): Result
  /** The outer ALB layer in front, or null. */
  outerLayer(): OuterLayerView | null
  // Extensions: Kubernetes behind the ALB (issue 19).
  /** Runs the app as a Kubernetes Service (2 pods on every instance, which become nodes) and registers the nodes
   *  (`instance`) or the pods (`ip`) in the listener's target group, as the AWS Load Balancer Controller's
   *  `alb.ingress.kubernetes.io/target-type` does. ALB only. */
  configureKubernetes(options: { targetType: KubernetesTargetType }): void
  /** The Service's target type and pods, or null when the app does not run on Kubernetes. */
  kubernetes(): KubernetesView | null

  // Extension: a Socket.IO client (issue 19).
  /** Runs one Socket.IO connection at the current time: the Engine.IO handshake, `polls` long-polling requests
   *  (default 2) and the WebSocket upgrade, stopping at the first failure (400 Session ID unknown on a process
   *  without the sid). transports 'websocket' skips polling. Returns the records in order. ALB only. */
  connectSocketIo(clientId: string, options?: SocketIoOptions): RequestRecord[]
}
/** What kubernetes() returns. */
export interface KubernetesView {
  targetType: KubernetesTargetType
  pods: { id: string; node: string }[]
}
