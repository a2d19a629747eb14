// Load balancer attributes (ModifyLoadBalancerAttributes, ELBv2) per type: every key AWS's
// LoadBalancerAttribute reference lists for the type, its default and allowed values. Only the NLB/GWLB
// cross-zone switch changes what the simulator does; the others are accepted and described as AWS
// would, so configurations copied from real accounts load (docs/attributes.md says which is which).
// Source: https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_LoadBalancerAttribute.html

import type { AttributeSpec } from './targetGroupAttributes'
import type { LoadBalancerType } from './world'

export const LB_CROSS_ZONE = 'load_balancing.cross_zone.enabled'

const BOOL: AttributeSpec = { kind: 'bool' }
const TEXT: AttributeSpec = { kind: 'text' }

/** Keys every ELBv2 type supports. */
const COMMON: Readonly<Record<string, AttributeSpec>> = {
  'deletion_protection.enabled': BOOL,
  [LB_CROSS_ZONE]: BOOL,
}

/** Keys Application and Network Load Balancers share. */
const ALB_NLB: Readonly<Record<string, AttributeSpec>> = {
  'access_logs.s3.enabled': BOOL,
  'access_logs.s3.bucket': TEXT,
  'access_logs.s3.prefix': TEXT,
  'ipv6.deny_all_igw_traffic': BOOL,
  'zonal_shift.config.enabled': BOOL,
}

const ALB_ONLY: Readonly<Record<string, AttributeSpec>> = {
  'idle_timeout.timeout_seconds': { kind: 'int', min: 1, max: 4000 },
  'client_keep_alive.seconds': { kind: 'int', min: 60, max: 604800 },
  'connection_logs.s3.enabled': BOOL,
  'connection_logs.s3.bucket': TEXT,
  'connection_logs.s3.prefix': TEXT,
  'routing.http.desync_mitigation_mode': {
    kind: 'enum',
    values: ['monitor', 'defensive', 'strictest'],
  },
  'routing.http.drop_invalid_header_fields.enabled': BOOL,
  'routing.http.preserve_host_header.enabled': BOOL,
  'routing.http.x_amzn_tls_version_and_cipher_suite.enabled': BOOL,
  'routing.http.xff_client_port.enabled': BOOL,
  'routing.http.xff_header_processing.mode': {
    kind: 'enum',
    values: ['append', 'preserve', 'remove'],
  },
  'routing.http2.enabled': BOOL,
  'waf.fail_open.enabled': BOOL,
}

const NLB_ONLY: Readonly<Record<string, AttributeSpec>> = {
  'dns_record.client_routing_policy': {
    kind: 'enum',
    values: [
      'availability_zone_affinity',
      'partial_availability_zone_affinity',
      'any_availability_zone',
    ],
  },
  'secondary_ips.auto_assigned.per_subnet': { kind: 'int', min: 0, max: 7 },
}

/** The keys ModifyLoadBalancerAttributes accepts per type (none for the Classic Load Balancer's ELBv2 call). */
export const LOAD_BALANCER_ATTRIBUTE_SPECS: Readonly<
  Record<LoadBalancerType, Readonly<Record<string, AttributeSpec>>>
> = {
  application: { ...COMMON, ...ALB_NLB, ...ALB_ONLY },
  network: { ...COMMON, ...ALB_NLB, ...NLB_ONLY },
  gateway: { ...COMMON },
  classic: {},
}

const COMMON_DEFAULTS = { 'deletion_protection.enabled': 'false' }
const ALB_NLB_DEFAULTS = {
  'access_logs.s3.enabled': 'false',
  'access_logs.s3.bucket': '',
  'access_logs.s3.prefix': '',
  'ipv6.deny_all_igw_traffic': 'false',
  'zonal_shift.config.enabled': 'false',
}

/**
 * DescribeLoadBalancerAttributes defaults per type. Cross-zone is always on for an ALB (and cannot be
 * turned off); NLB and GWLB start with it off. Stored values override these (World.loadBalancerAttributes).
 */
export const LOAD_BALANCER_ATTRIBUTE_DEFAULTS: Readonly<
  Record<LoadBalancerType, Readonly<Record<string, string>>>
> = {
  application: {
    ...COMMON_DEFAULTS,
    [LB_CROSS_ZONE]: 'true',
    ...ALB_NLB_DEFAULTS,
    'idle_timeout.timeout_seconds': '60',
    'client_keep_alive.seconds': '3600',
    'connection_logs.s3.enabled': 'false',
    'connection_logs.s3.bucket': '',
    'connection_logs.s3.prefix': '',
    'routing.http.desync_mitigation_mode': 'defensive',
    'routing.http.drop_invalid_header_fields.enabled': 'false',
    'routing.http.preserve_host_header.enabled': 'false',
    'routing.http.x_amzn_tls_version_and_cipher_suite.enabled': 'false',
    'routing.http.xff_client_port.enabled': 'false',
    'routing.http.xff_header_processing.mode': 'append',
    'routing.http2.enabled': 'true',
    'waf.fail_open.enabled': 'false',
  },
  network: {
    ...COMMON_DEFAULTS,
    [LB_CROSS_ZONE]: 'false',
    ...ALB_NLB_DEFAULTS,
    'dns_record.client_routing_policy': 'any_availability_zone',
    'secondary_ips.auto_assigned.per_subnet': '0',
  },
  gateway: { ...COMMON_DEFAULTS, [LB_CROSS_ZONE]: 'false' },
  classic: {},
}
