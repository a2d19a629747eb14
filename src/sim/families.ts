// The Network, Gateway and Classic load balancer families, installed into the core's family slot when this module is
// evaluated (familySlot.ts, ADR 0018): their route strategies, default load balancers, request checks, metrics and
// the Classic API. src/sim/index.ts imports it, so Node code, tests and every chunk that imports src/sim have them at
// once; the page loads it as its own chunk with a <script type="module"> beside the picture, so they are not part
// of the JavaScript loaded before the first paint yet are in before the page's load event.
import { CLASSIC_CHECKS, CLASSIC_COMMANDS } from './commands/classicCommands'
import { installFamilies, type LoadBalancerFamilies } from './familySlot'
import { clbStrategy } from './pipeline/clbStrategy'
import { gwlbStrategy } from './pipeline/gwlbStrategy'
import { nlbStrategy } from './pipeline/nlbStrategy'
import type { RouteStrategy } from './pipeline/routeStrategy'
import { typedMetrics } from './queries/typedMetrics'
import { describeClassicAttributes } from './rules/classicLoadBalancerAttributes'
import { describePolicies, instanceHealth } from './rules/clbPolicies'
import { newLoadBalancer } from './rules/familyLoadBalancers'
import { flowOptionsProblem } from './rules/flowOptions'

export const families: LoadBalancerFamilies = {
  strategies: {
    network: nlbStrategy as RouteStrategy<unknown>,
    gateway: gwlbStrategy as RouteStrategy<unknown>,
    classic: clbStrategy as RouteStrategy<unknown>,
  },
  newLoadBalancer,
  requestOptionsProblem: flowOptionsProblem,
  metrics: typedMetrics,
  classic: {
    check: CLASSIC_CHECKS,
    apply: CLASSIC_COMMANDS,
    describePolicies,
    describeAttributes: describeClassicAttributes,
    instanceHealth,
  },
}

installFamilies(families)
