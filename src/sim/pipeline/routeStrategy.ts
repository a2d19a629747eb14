// How one type of load balancer decides a request (ADR 0015). servePipeline.ts picks the strategy for
// world.loadBalancerType from its table and runs the same stages around it for every type.

import type { SetCookieDirective } from '../cookieJar'
import type { LoadBalancerType, World } from '../model/world'
import type { Runtime } from '../runtime'
import type { Exchange } from './exchange'
import type { NormalizedRequest } from './normalizeRequest'

/**
 * `P` is what the strategy remembers between its steps for one request (its plan): what the facts need later,
 * so that a sink that keeps no records (the load test) never builds them.
 */
export interface RouteStrategy<P> {
  readonly type: LoadBalancerType
  /** Whether the request is HTTP the application answers (cookies sent and set, a session, in-flight time). */
  carriesHttp(req: NormalizedRequest): boolean
  /** Whether an answered request keeps its target busy for the request's duration (least outstanding requests). */
  readonly tracksInFlight: boolean
  /** Whether the load balancer publishes CloudWatch ELB metrics for it (RequestCount, 5XX counts). */
  readonly elbMetrics: boolean
  /** Whether records name the target group (a Classic Load Balancer has none). */
  readonly namesGroup: boolean
  /** What a chosen target that does not answer means for this type. */
  readonly silentDecision: 'target-unreachable-502' | 'flow-target-unreachable'
  readonly silentStatus: number
  /** Decides the target group and target: sets tg, reg, status, decision, sticky, failOpen, algorithm, flow. */
  route(world: World, rt: Runtime, x: Exchange): P
  /** The chosen target did not answer: the strategy's own clean-up (an NLB drops the flow). */
  onSilent(world: World, x: Exchange, plan: P): void
  /** The target answered (after the application, if any): write the load balancer's Set-Cookie directives. */
  respond(world: World, rt: Runtime, x: Exchange, plan: P, app: SetCookieDirective | null): void
  /** Sets x.facts and x.explanation (only for sinks that keep records; reads the jar before it is updated). */
  describe(world: World, rt: Runtime, x: Exchange, plan: P): void
}
