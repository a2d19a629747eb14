// Per-type facts for the Network, Gateway and Classic load balancers (reference §12-§15): target
// group protocols, attribute tables with AWS keys and defaults, idle timeouts and health-check
// defaults. The Application Load Balancer's tables live in targetGroupAttributes.ts.

import type { AttributeSpec } from './targetGroupAttributes'
import { MAX_TARGETS_PER_TARGET_GROUP } from './targetGroupAttributes'
import type { FlowProtocol, LoadBalancerType, TargetGroupProtocol } from './world'
import { asTargetGroupName } from './ids'

export const LOAD_BALANCER_TYPES: readonly LoadBalancerType[] = [
  'application',
  'network',
  'gateway',
  'classic',
]

/** Target group protocols each type accepts in createTargetGroup (the first is the default). */
export const TARGET_GROUP_PROTOCOLS: Readonly<
  Record<LoadBalancerType, readonly TargetGroupProtocol[]>
> = {
  application: ['HTTP', 'HTTPS'],
  network: ['TCP', 'UDP', 'TCP_UDP', 'TLS'],
  gateway: ['GENEVE'],
  classic: [],
}

/** Traffic port of a new target group by protocol. */
export function defaultPort(protocol: TargetGroupProtocol): number {
  switch (protocol) {
    case 'HTTPS':
    case 'TLS':
      return 443
    case 'GENEVE':
      return 6081
    default:
      return 80
  }
}

/** NLB instance target group attributes, as DescribeTargetGroupAttributes lists them. */
export const NLB_TARGET_GROUP_ATTRIBUTE_DEFAULTS: Readonly<Record<string, string>> = {
  'stickiness.enabled': 'false',
  'stickiness.type': 'source_ip',
  'deregistration_delay.timeout_seconds': '300',
  'deregistration_delay.connection_termination.enabled': 'false',
  'preserve_client_ip.enabled': 'true',
  'proxy_protocol_v2.enabled': 'false',
  'load_balancing.cross_zone.enabled': 'use_load_balancer_configuration',
  'target_health_state.unhealthy.connection_termination.enabled': 'true',
  // Accepted as AWS does (API_TargetGroupAttribute: "supported by ALB and NLB"); see NLB_HEALTH_ATTRIBUTE_SPECS.
  'target_health_state.unhealthy.draining_interval_seconds': '0',
  'target_group_health.dns_failover.minimum_healthy_targets.count': '1',
  'target_group_health.dns_failover.minimum_healthy_targets.percentage': 'off',
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.count': '1',
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage': 'off',
}

export const NLB_ATTRIBUTE_SPECS: Readonly<Record<string, AttributeSpec>> = {
  'stickiness.enabled': { kind: 'bool' },
  'stickiness.type': { kind: 'stickinessType' },
  'deregistration_delay.timeout_seconds': { kind: 'int', min: 0, max: 3600 },
  'deregistration_delay.connection_termination.enabled': { kind: 'bool' },
  'preserve_client_ip.enabled': { kind: 'bool' },
  'proxy_protocol_v2.enabled': { kind: 'bool' },
  'load_balancing.cross_zone.enabled': {
    kind: 'enum',
    values: ['true', 'false', 'use_load_balancer_configuration'],
  },
  'target_health_state.unhealthy.connection_termination.enabled': { kind: 'bool' },
  // 0-360000 s, settable only while unhealthy connection termination is off (API_TargetGroupAttribute).
  'target_health_state.unhealthy.draining_interval_seconds': { kind: 'int', min: 0, max: 360000 },
  'target_group_health.dns_failover.minimum_healthy_targets.count': {
    kind: 'offOrInt',
    min: 1,
    max: MAX_TARGETS_PER_TARGET_GROUP,
  },
  'target_group_health.dns_failover.minimum_healthy_targets.percentage': {
    kind: 'offOrInt',
    min: 1,
    max: 100,
  },
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.count': {
    kind: 'int',
    min: 1,
    max: MAX_TARGETS_PER_TARGET_GROUP,
  },
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage': {
    kind: 'offOrInt',
    min: 1,
    max: 100,
  },
}

/** The two GWLB stickiness types, in the order moto's error lists them. */
export const GWLB_STICKINESS_TYPES = ['source_ip_dest_ip_proto', 'source_ip_dest_ip'] as const

/** GWLB (GENEVE) target group attributes. */
export const GWLB_TARGET_GROUP_ATTRIBUTE_DEFAULTS: Readonly<Record<string, string>> = {
  'stickiness.enabled': 'false',
  'stickiness.type': 'source_ip_dest_ip_proto',
  'deregistration_delay.timeout_seconds': '300',
  'target_failover.on_deregistration': 'no_rebalance',
  'target_failover.on_unhealthy': 'no_rebalance',
}

export const GWLB_ATTRIBUTE_SPECS: Readonly<Record<string, AttributeSpec>> = {
  'stickiness.enabled': { kind: 'bool' },
  'stickiness.type': { kind: 'gwlbStickinessType' },
  'deregistration_delay.timeout_seconds': { kind: 'int', min: 0, max: 3600 },
  'target_failover.on_deregistration': { kind: 'enum', values: ['no_rebalance', 'rebalance'] },
  'target_failover.on_unhealthy': { kind: 'enum', values: ['no_rebalance', 'rebalance'] },
}

/** Idle timeouts (reference §13, §14): TCP 350 s, UDP (and other non-TCP flows) 120 s. */
export const TCP_IDLE_TIMEOUT_SECONDS = 350
export const UDP_IDLE_TIMEOUT_SECONDS = 120

/** A flow's idle timeout; `tcpSeconds` is the listener's `tcp.idle_timeout.seconds` (rules/listenerAttributes.ts). */
export function idleTimeoutSeconds(
  protocol: FlowProtocol,
  tcpSeconds: number = TCP_IDLE_TIMEOUT_SECONDS,
): number {
  return protocol === 'TCP' ? tcpSeconds : UDP_IDLE_TIMEOUT_SECONDS
}

/** Health-check defaults for TCP checks on NLB and GWLB target groups (simulator convention). */
export const FLOW_HEALTH_CHECK_DEFAULTS = {
  HealthCheckIntervalSeconds: 30,
  HealthCheckTimeoutSeconds: 10,
  HealthyThresholdCount: 5,
  UnhealthyThresholdCount: 2,
} as const

/** Classic Load Balancer health-check defaults (reference §15): healthy threshold 10. */
export const CLB_HEALTH_CHECK_DEFAULTS = {
  HealthCheckIntervalSeconds: 30,
  HealthCheckTimeoutSeconds: 5,
  HealthyThresholdCount: 10,
  UnhealthyThresholdCount: 2,
} as const

/** Connection draining default for a Classic Load Balancer (reference §15: 1-3600 s, default 300). */
export const CLB_CONNECTION_DRAINING_SECONDS = 300

/** Name of the CLB's internal group of registered instances; not a valid target group name, so it never collides. */
export const CLB_INSTANCE_GROUP = asTargetGroupName('(classic)')

/** Node IP addresses of the simulated NLB, one per Availability Zone (documentation range). */
export const NLB_NODE_IPS: Readonly<Record<string, string>> = {
  'us-east-1a': '192.0.2.11',
  'us-east-1b': '192.0.2.12',
  'us-east-1c': '192.0.2.13',
}

/** Where GWLB traffic is headed when a request names no destination (a server behind the appliances). */
export const GWLB_DEFAULT_DESTINATION_IP = '192.0.2.80'
export const GWLB_DEFAULT_DESTINATION_PORT = 443
