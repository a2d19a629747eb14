// The Network, Gateway and Classic load balancer families a page installs once their chunk has loaded (ADR 0018).
// The Application Load Balancer is built into the core; the other three types' route strategies, default load
// balancers, request checks, metrics and the Classic API come from src/sim/families.ts, which src/sim/index.ts
// imports (Node code has them at once) and the page loads beside the picture. Until they are installed no lab can
// become one of those types: the calls that would make it one (createLab, setLoadBalancerType, restoreLab,
// replayLab) throw an Error that says what has not loaded, before anything changes. A lab is of another type only
// once they are in, so the rest of the core asks for them only for such a lab, and never falls back to an ALB.
import type { Lab, LabQueries, RequestOptions, Result } from './model/api'
import type { ClbState, LoadBalancerType, TargetGroupState, World } from './model/world'
import type { RouteStrategy } from './pipeline/routeStrategy'
import type { Failure } from './rules/failure'

/** The load balancer types whose code loads with the families. */
export type FamilyType = Exclude<LoadBalancerType, 'application'>

/** Whether `type` is one of them (anything else, including a world saved before types existed, is an ALB). */
export function isFamilyType(type: unknown): type is FamilyType {
  return type === 'network' || type === 'gateway' || type === 'classic'
}

/** The Classic Load Balancer's own calls (AWS's `elb` names). */
export const CLASSIC_CALLS = [
  'createLBCookieStickinessPolicy',
  'createAppCookieStickinessPolicy',
  'setLoadBalancerPoliciesOfListener',
  'registerInstancesWithLoadBalancer',
  'deregisterInstancesFromLoadBalancer',
  'modifyClassicLoadBalancerAttributes',
] as const
export type ClassicCall = (typeof CLASSIC_CALLS)[number]

/** One Classic call on a lab whose load balancer is a Classic one (`clb`), with arguments already through the gate. */
type ClassicTable = {
  readonly [C in ClassicCall]: (world: World, clb: ClbState, args: Parameters<Lab[C]>) => Result
}

export interface LoadBalancerFamilies {
  /** Each type's route strategy (servePipeline.ts). */
  readonly strategies: Readonly<Record<FamilyType, RouteStrategy<unknown>>>
  /** Sets up the type's default listener (and, for a CLB, its policies) and returns the group to register with. */
  newLoadBalancer(world: World, type: FamilyType): TargetGroupState
  /** A request's options against an NLB's listener or a GWLB, or null when they are accepted. */
  requestOptionsProblem(world: World, options: RequestOptions): Failure | null
  /** The CloudWatch metrics the lab's NLB, GWLB or CLB reports (each type its own set). */
  metrics(world: World, activeFlows: number): Record<string, number>
  readonly classic: {
    /** What each call would answer, changing nothing (validateCommand). */
    readonly check: ClassicTable
    /** Each call: checked, then applied (the same answer as `check`). */
    readonly apply: ClassicTable
    readonly describePolicies: (
      clb: ClbState,
    ) => ReturnType<LabQueries['describeLoadBalancerPolicies']>
    readonly describeAttributes: (
      clb: ClbState,
    ) => ReturnType<LabQueries['describeClassicLoadBalancerAttributes']>
    readonly instanceHealth: (
      world: World,
      tg: TargetGroupState,
    ) => ReturnType<LabQueries['describeInstanceHealth']>
  }
}

let installed: LoadBalancerFamilies | null = null

/** Whether the Network, Gateway and Classic families are installed. */
export function familiesInstalled(): boolean {
  return installed !== null
}

/** Installs the families (src/sim/families.ts does, when it is evaluated). Installing them again changes nothing. */
export function installFamilies(families: LoadBalancerFamilies): void {
  installed ??= families
}

const NAMES: Readonly<Record<FamilyType, string>> = {
  network: 'Network Load Balancer',
  gateway: 'Gateway Load Balancer',
  classic: 'Classic Load Balancer',
}

/** The installed families, for a lab of `type`; throws, naming what has not loaded, when they are not in yet. */
export function familiesFor(type: FamilyType): LoadBalancerFamilies {
  if (installed !== null) return installed
  throw new Error(
    `The ${NAMES[type]} has not loaded yet: this page loads the Network, Gateway and Classic load balancers ` +
      `beside the picture. Await window.stickylab.ready before using one.`,
  )
}

/** Throws familiesFor's Error when a lab of `type` would need families that are not installed yet. */
export function needFamiliesFor(type: unknown): void {
  if (isFamilyType(type)) familiesFor(type)
}
