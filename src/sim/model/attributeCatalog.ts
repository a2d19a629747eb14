// The attribute audit (docs/attributes.md): every attribute of every load balancer type the lab offers,
// where AWS documents it, and what the simulator does with it. Ranges and defaults are NOT repeated here:
// they come from the spec tables (targetGroupAttributes.ts, loadBalancerTypes.ts,
// loadBalancerAttributeSpecs.ts), so the audit test checks the validator against this list.

import type { LoadBalancerType } from './world'

/**
 * modelled: changes what the lab does. no-effect: accepted and described as AWS would, but the lab has
 * nothing it acts on (the UI says "accepted; no effect in this simulator"). not-offered: a setting the lab
 * has no call for; the lab behaves as AWS's default (documented, never silently accepted).
 */
export type AttributeEffect = 'modelled' | 'no-effect' | 'not-offered'

export type AttributeScope = 'target-group' | 'load-balancer' | 'listener' | 'classic'

export interface AttributeCatalogRow {
  scope: AttributeScope
  key: string
  /** The types whose call accepts the key; every other type rejects it (the audit test checks both). */
  types: readonly LoadBalancerType[]
  effect: AttributeEffect
  /** Types on which the effect differs from `effect`. */
  effectOn?: Partial<Record<LoadBalancerType, AttributeEffect>>
  /** What the lab does with it, or why it cannot. */
  note: string
  /** AWS documentation for the key. */
  source: string
}

const API = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/'
const TG_API = API + 'API_TargetGroupAttribute.html'
const LB_API = API + 'API_LoadBalancerAttribute.html'
const ALB = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/'
const NLB = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/'
const GWLB = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/gateway/'
const CLB = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/'
const NLB_TG = NLB + 'edit-target-group-attributes.html'
const ALB_LB = ALB + 'application-load-balancers.html#load-balancer-attributes'
const NLB_LB = NLB + 'network-load-balancers.html#load-balancer-attributes'

const ALL: readonly LoadBalancerType[] = ['application', 'network', 'gateway']
const ALB_NLB: readonly LoadBalancerType[] = ['application', 'network']
const ALB_ONLY: readonly LoadBalancerType[] = ['application']
const NLB_ONLY: readonly LoadBalancerType[] = ['network']
const GWLB_ONLY: readonly LoadBalancerType[] = ['gateway']

function tg(
  key: string,
  types: readonly LoadBalancerType[],
  effect: AttributeEffect,
  note: string,
  source: string,
  effectOn?: AttributeCatalogRow['effectOn'],
): AttributeCatalogRow {
  const row: AttributeCatalogRow = { scope: 'target-group', key, types, effect, note, source }
  if (effectOn !== undefined) row.effectOn = effectOn
  return row
}

function lb(
  key: string,
  types: readonly LoadBalancerType[],
  effect: AttributeEffect,
  note: string,
  source: string,
): AttributeCatalogRow {
  return { scope: 'load-balancer', key, types, effect, note, source }
}

/** A Classic Load Balancer attribute (a LoadBalancerAttributes member path), documented in the CLB guide. */
function clb(
  key: string,
  effect: AttributeEffect,
  note: string,
  page: string,
): AttributeCatalogRow {
  return { scope: 'classic', key, types: ['classic'], effect, note, source: CLB + page }
}

const NO_LOGS = 'the lab writes no S3 objects; its own access log is in the Access log section'

export const ATTRIBUTE_CATALOG: readonly AttributeCatalogRow[] = [
  // Target group attributes (ModifyTargetGroupAttributes).
  tg('stickiness.enabled', ALL, 'modelled', 'turns target stickiness on', TG_API),
  tg(
    'stickiness.type',
    ALL,
    'modelled',
    'ALB lb_cookie/app_cookie, NLB source_ip, GWLB source_ip_dest_ip (2-tuple) / source_ip_dest_ip_proto (3-tuple); other types rejected per protocol',
    ALB + 'sticky-sessions.html',
  ),
  tg(
    'stickiness.lb_cookie.duration_seconds',
    ALB_ONLY,
    'modelled',
    'sliding idle window checked inside AWSALB; the visible Expires stays +7 days',
    ALB + 'sticky-sessions.html',
  ),
  tg(
    'stickiness.app_cookie.cookie_name',
    ALB_ONLY,
    'modelled',
    'the application cookie the ALB watches; AWSALB* names reserved',
    ALB + 'sticky-sessions.html',
  ),
  tg(
    'stickiness.app_cookie.duration_seconds',
    ALB_ONLY,
    'modelled',
    'idle window inside AWSALBAPP-n',
    ALB + 'sticky-sessions.html',
  ),
  tg(
    'load_balancing.algorithm.type',
    ALB_ONLY,
    'modelled',
    'round robin, least outstanding requests, weighted random',
    ALB + 'edit-target-group-attributes.html#modify-routing-algorithm',
  ),
  tg(
    'load_balancing.algorithm.anomaly_mitigation',
    ALB_ONLY,
    'no-effect',
    'validated (weighted_random only); the lab detects no anomalies',
    ALB + 'edit-target-group-attributes.html#automatic-target-weights',
  ),
  tg(
    'slow_start.duration_seconds',
    ALB_ONLY,
    'modelled',
    'new healthy targets ramp up',
    ALB + 'edit-target-group-attributes.html#slow-start-mode',
  ),
  tg(
    'deregistration_delay.timeout_seconds',
    ALL,
    'modelled',
    'a deregistered target stays draining this long; NLB/GWLB flows continue meanwhile',
    TG_API,
  ),
  tg(
    'load_balancing.cross_zone.enabled',
    ALB_NLB,
    'modelled',
    'false confines a node to its zone (ALB: and refuses stickiness); use_load_balancer_configuration follows the load balancer',
    ALB + 'disable-cross-zone.html',
  ),
  tg(
    'target_group_health.unhealthy_state_routing.minimum_healthy_targets.count',
    ALB_NLB,
    'modelled',
    'ALB: below it the group fails open to all targets. NLB: only the default 1 (fail open with no healthy target) is modelled',
    ALB + 'target-group-health.html',
    { network: 'no-effect' },
  ),
  tg(
    'target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage',
    ALB_NLB,
    'modelled',
    'ALB: below it the group fails open. NLB: accepted; no effect in this simulator',
    ALB + 'target-group-health.html',
    { network: 'no-effect' },
  ),
  tg(
    'target_group_health.dns_failover.minimum_healthy_targets.count',
    ALB_NLB,
    'no-effect',
    'the lab has no DNS for the ALB; the NLB leaves DNS only when a zone has no healthy target',
    ALB + 'target-group-health.html',
  ),
  tg(
    'target_group_health.dns_failover.minimum_healthy_targets.percentage',
    ALB_NLB,
    'no-effect',
    'as the count: no DNS health in the lab beyond "no healthy target in the zone"',
    ALB + 'target-group-health.html',
  ),
  tg(
    'deregistration_delay.connection_termination.enabled',
    NLB_ONLY,
    'modelled',
    'false (default) leaves an established flow open after the delay ends; true closes it then',
    NLB_TG + '#deregistration-delay',
  ),
  tg(
    'preserve_client_ip.enabled',
    NLB_ONLY,
    'no-effect',
    'targets always see the client address in the lab',
    NLB_TG + '#client-ip-preservation',
  ),
  tg(
    'proxy_protocol_v2.enabled',
    NLB_ONLY,
    'no-effect',
    'the lab sends no proxy protocol header',
    NLB_TG + '#proxy-protocol',
  ),
  tg(
    'target_health_state.unhealthy.connection_termination.enabled',
    NLB_ONLY,
    'modelled',
    'true (default) ends a flow when its target turns unhealthy; false keeps it',
    NLB_TG + '#unhealthy-target-connection-termination',
  ),
  tg(
    'target_health_state.unhealthy.draining_interval_seconds',
    NLB_ONLY,
    'no-effect',
    'settable only with unhealthy connection termination false; the lab keeps such flows until they idle out',
    NLB_TG + '#unhealthy-draining-interval',
  ),
  tg(
    'target_failover.on_deregistration',
    GWLB_ONLY,
    'modelled',
    'rebalance moves existing flows after the delay; must equal on_unhealthy',
    GWLB + 'target-groups.html#target-failover',
  ),
  tg(
    'target_failover.on_unhealthy',
    GWLB_ONLY,
    'modelled',
    'rebalance moves existing flows off an unhealthy appliance; must equal on_deregistration',
    GWLB + 'target-groups.html#target-failover',
  ),
  tg(
    'lambda.multi_value_headers.enabled',
    [],
    'not-offered',
    'Lambda target groups only; the lab has none, so every lab group rejects it as AWS rejects it on instance groups',
    TG_API,
  ),
  // Load balancer attributes (ModifyLoadBalancerAttributes).
  lb('deletion_protection.enabled', ALL, 'no-effect', 'the lab has no DeleteLoadBalancer', LB_API),
  lb(
    'load_balancing.cross_zone.enabled',
    ALL,
    'modelled',
    'NLB/GWLB: off by default, switchable. ALB: always true; false is rejected',
    LB_API,
  ),
  lb('access_logs.s3.enabled', ALB_NLB, 'no-effect', NO_LOGS, LB_API),
  lb('access_logs.s3.bucket', ALB_NLB, 'no-effect', NO_LOGS, LB_API),
  lb('access_logs.s3.prefix', ALB_NLB, 'no-effect', NO_LOGS, LB_API),
  lb('ipv6.deny_all_igw_traffic', ALB_NLB, 'no-effect', 'the lab has IPv4 clients only', LB_API),
  lb('zonal_shift.config.enabled', ALB_NLB, 'no-effect', 'the lab has no zonal shift', LB_API),
  lb(
    'idle_timeout.timeout_seconds',
    ALB_ONLY,
    'no-effect',
    'ALB connections in the lab never idle out (one request or one WebSocket at a time)',
    ALB + 'edit-load-balancer-attributes.html#connection-idle-timeout',
  ),
  lb(
    'client_keep_alive.seconds',
    ALB_ONLY,
    'no-effect',
    'the lab does not model client keep-alive',
    ALB_LB,
  ),
  lb('connection_logs.s3.enabled', ALB_ONLY, 'no-effect', NO_LOGS, ALB_LB),
  lb('connection_logs.s3.bucket', ALB_ONLY, 'no-effect', NO_LOGS, ALB_LB),
  lb('connection_logs.s3.prefix', ALB_ONLY, 'no-effect', NO_LOGS, ALB_LB),
  lb(
    'routing.http.desync_mitigation_mode',
    ALB_ONLY,
    'no-effect',
    'the lab sends well-formed requests only',
    ALB_LB,
  ),
  lb(
    'routing.http.drop_invalid_header_fields.enabled',
    ALB_ONLY,
    'no-effect',
    'the lab sends valid header names only',
    ALB_LB,
  ),
  lb(
    'routing.http.preserve_host_header.enabled',
    ALB_ONLY,
    'no-effect',
    'the lab has one host name',
    ALB_LB,
  ),
  lb(
    'routing.http.x_amzn_tls_version_and_cipher_suite.enabled',
    ALB_ONLY,
    'no-effect',
    'the lab has no TLS handshake',
    ALB_LB,
  ),
  lb(
    'routing.http.xff_client_port.enabled',
    ALB_ONLY,
    'no-effect',
    'the lab does not show X-Forwarded-For',
    ALB_LB,
  ),
  lb(
    'routing.http.xff_header_processing.mode',
    ALB_ONLY,
    'no-effect',
    'the lab does not show X-Forwarded-For',
    ALB_LB,
  ),
  lb('routing.http2.enabled', ALB_ONLY, 'no-effect', 'every lab request is HTTP/1.1', ALB_LB),
  lb('waf.fail_open.enabled', ALB_ONLY, 'no-effect', 'the lab has no AWS WAF', ALB_LB),
  lb(
    'dns_record.client_routing_policy',
    NLB_ONLY,
    'no-effect',
    'a lab client resolves to its own zone node',
    NLB_LB,
  ),
  lb(
    'secondary_ips.auto_assigned.per_subnet',
    NLB_ONLY,
    'no-effect',
    'the lab has one node address per zone',
    NLB_LB,
  ),
  // Listener attributes (ModifyListenerAttributes; modifyListenerAttributes).
  {
    scope: 'listener',
    key: 'tcp.idle_timeout.seconds',
    types: ['network', 'gateway'],
    effect: 'modelled',
    note: 'NLB TCP and GWLB listeners: TCP flows idle out after it (default 350, 60-6000); UDP stays 120 s; TLS fixed at 350',
    source: NLB + 'update-idle-timeout.html',
  },
  // Classic Load Balancer attributes (elb ModifyLoadBalancerAttributes; modifyClassicLoadBalancerAttributes).
  clb(
    'ConnectionDraining.Enabled',
    'modelled',
    'off: a deregistered instance leaves at once',
    'config-conn-drain.html',
  ),
  clb(
    'ConnectionDraining.Timeout',
    'modelled',
    'a deregistered instance drains this long (countdown on the stage)',
    'config-conn-drain.html',
  ),
  clb(
    'ConnectionSettings.IdleTimeout',
    'no-effect',
    'CLB connections never sit idle in the lab',
    'config-idle-timeout.html',
  ),
  clb(
    'CrossZoneLoadBalancing.Enabled',
    'no-effect',
    'the lab routes to the least-loaded healthy instance in every zone',
    'enable-disable-crosszone-lb.html',
  ),
  clb('AccessLog.Enabled', 'no-effect', NO_LOGS, 'access-log-collection.html'),
  clb('AccessLog.S3BucketName', 'no-effect', NO_LOGS, 'access-log-collection.html'),
  clb('AccessLog.EmitInterval', 'no-effect', NO_LOGS, 'access-log-collection.html'),
  clb('AccessLog.S3BucketPrefix', 'no-effect', NO_LOGS, 'access-log-collection.html'),
  clb(
    'elb.http.desyncmitigationmode',
    'no-effect',
    'the lab sends well-formed requests only',
    'config-desync-mitigation-mode.html',
  ),
  {
    scope: 'classic',
    key: 'Listener protocol',
    types: ['classic'],
    effect: 'not-offered',
    note: 'AWS: HTTP, HTTPS, TCP, SSL; stickiness policies need HTTP/HTTPS. The lab has one HTTP listener',
    source: CLB + 'elb-listener-config.html',
  },
]

/** The audit row for a key at a scope, or undefined. */
export function catalogRow(scope: AttributeScope, key: string): AttributeCatalogRow | undefined {
  return ATTRIBUTE_CATALOG.find((r) => r.scope === scope && r.key === key)
}

/** What the lab does with a key on a type. */
export function effectOf(row: AttributeCatalogRow, type: LoadBalancerType): AttributeEffect {
  return row.effectOn?.[type] ?? row.effect
}

export const NO_EFFECT_NOTE = 'accepted; no effect in this simulator'

/** UI help text for a key the lab accepts but does not act on (null when it is modelled). */
export function noEffectNote(
  scope: AttributeScope,
  key: string,
  type: LoadBalancerType,
): string | null {
  const row = catalogRow(scope, key)
  return row !== undefined && effectOf(row, type) === 'no-effect' ? NO_EFFECT_NOTE : null
}
