// The ALB target group attribute table (reference §2): every key, its default and its allowed
// values. DescribeTargetGroupAttributes-style output lists exactly these keys in this order.

/** Attribute keys an ALB (HTTP/HTTPS, instance) target group supports, with defaults as strings. */
export const ALB_TARGET_GROUP_ATTRIBUTE_DEFAULTS: Readonly<Record<string, string>> = {
  'stickiness.enabled': 'false',
  'stickiness.type': 'lb_cookie',
  'stickiness.lb_cookie.duration_seconds': '86400',
  'stickiness.app_cookie.cookie_name': '',
  'stickiness.app_cookie.duration_seconds': '86400',
  'load_balancing.algorithm.type': 'round_robin',
  'load_balancing.algorithm.anomaly_mitigation': 'off',
  'slow_start.duration_seconds': '0',
  'deregistration_delay.timeout_seconds': '300',
  'load_balancing.cross_zone.enabled': 'use_load_balancer_configuration',
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.count': '1',
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage': 'off',
  // The user guide says "off", the API reference says 1; DescribeTargetGroupAttributes shows "1".
  'target_group_health.dns_failover.minimum_healthy_targets.count': '1',
  'target_group_health.dns_failover.minimum_healthy_targets.percentage': 'off',
}

/**
 * Keys that exist on other target-group types (NLB, GWLB, Lambda) but not on ALB instance
 * target groups; setting them fails with "attribute is not supported", like unknown keys.
 */
export const NON_ALB_ATTRIBUTE_KEYS: readonly string[] = [
  'lambda.multi_value_headers.enabled',
  'deregistration_delay.connection_termination.enabled',
  'preserve_client_ip.enabled',
  'proxy_protocol_v2.enabled',
  'target_failover.on_deregistration',
  'target_failover.on_unhealthy',
  'target_health_state.unhealthy.connection_termination.enabled',
  'target_health_state.unhealthy.draining_interval_seconds',
]

/** Value shapes used by the validator. */
export type AttributeSpec =
  | { kind: 'bool' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'zeroOrInt'; min: number; max: number }
  | { kind: 'offOrInt'; min: number; max: number }
  | { kind: 'cookieName' }
  | { kind: 'stickinessType' }
  | { kind: 'gwlbStickinessType' }
  /** A free string (S3 bucket names and prefixes of the load balancer's log attributes). */
  | { kind: 'text' }

/** Quota: targets per target group (ALB). Upper bound for the minimum_healthy_targets counts. */
export const MAX_TARGETS_PER_TARGET_GROUP = 1000

export const ALB_ATTRIBUTE_SPECS: Readonly<Record<string, AttributeSpec>> = {
  'stickiness.enabled': { kind: 'bool' },
  'stickiness.type': { kind: 'stickinessType' },
  'stickiness.lb_cookie.duration_seconds': { kind: 'int', min: 1, max: 604800 },
  'stickiness.app_cookie.cookie_name': { kind: 'cookieName' },
  'stickiness.app_cookie.duration_seconds': { kind: 'int', min: 1, max: 604800 },
  'load_balancing.algorithm.type': {
    kind: 'enum',
    values: ['round_robin', 'least_outstanding_requests', 'weighted_random'],
  },
  'load_balancing.algorithm.anomaly_mitigation': { kind: 'enum', values: ['on', 'off'] },
  'slow_start.duration_seconds': { kind: 'zeroOrInt', min: 30, max: 900 },
  'deregistration_delay.timeout_seconds': { kind: 'int', min: 0, max: 3600 },
  'load_balancing.cross_zone.enabled': {
    kind: 'enum',
    values: ['true', 'false', 'use_load_balancer_configuration'],
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
}

/** Every stickiness type AWS knows, by load balancer family (reference §2, §13, §14). */
export const ALL_STICKINESS_TYPES = [
  'lb_cookie',
  'app_cookie',
  'source_ip',
  'source_ip_dest_ip',
  'source_ip_dest_ip_proto',
] as const

/** Stickiness types allowed per target-group protocol. */
export const STICKINESS_TYPES_BY_PROTOCOL: Readonly<Record<string, readonly string[]>> = {
  HTTP: ['lb_cookie', 'app_cookie'],
  HTTPS: ['lb_cookie', 'app_cookie'],
  TCP: ['source_ip'],
  UDP: ['source_ip'],
  TCP_UDP: ['source_ip'],
  TLS: ['source_ip'],
  GENEVE: ['source_ip_dest_ip', 'source_ip_dest_ip_proto'],
}

/** Reserved prefixes for application cookie names ("AWSALB" covers the other two). */
export const RESERVED_COOKIE_PREFIXES = ['AWSALB', 'AWSALBAPP', 'AWSALBTG'] as const

/** Health-check settings ranges (reference §8) and defaults for instance/ip targets. */
export const HEALTH_CHECK_RANGES = {
  HealthCheckIntervalSeconds: { min: 5, max: 300 },
  HealthCheckTimeoutSeconds: { min: 2, max: 120 },
  HealthyThresholdCount: { min: 2, max: 10 },
  UnhealthyThresholdCount: { min: 2, max: 10 },
} as const

export const HEALTH_CHECK_DEFAULTS = {
  HealthCheckIntervalSeconds: 30,
  HealthCheckTimeoutSeconds: 5,
  HealthyThresholdCount: 5,
  UnhealthyThresholdCount: 2,
} as const

/** Target-group stickiness (AWSALBTG) duration range and the console's default of one hour. */
export const TG_STICKINESS_MIN_SECONDS = 1
export const TG_STICKINESS_MAX_SECONDS = 604800
export const TG_STICKINESS_DEFAULT_SECONDS = 3600

/** Forward action limits (reference §6). */
export const MAX_FORWARD_TARGET_GROUPS = 5
export const MIN_FORWARD_WEIGHT = 0
export const MAX_FORWARD_WEIGHT = 999
