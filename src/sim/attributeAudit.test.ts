// The attribute audit as a test: every row of ATTRIBUTE_CATALOG (docs/attributes.md), on every load balancer
// type and target-group protocol the lab offers. For each: the default DescribeTargetGroupAttributes /
// DescribeLoadBalancerAttributes shows, a valid value accepted, an invalid one rejected with AWS's code and
// text (or the simulator's, where AWS's is unknown), and the key rejected on the types AWS does not offer it on.
import { describe, expect, it } from 'vitest'
import { createLab } from './index'
import type { Lab, Result } from './index'
import { ATTRIBUTE_CATALOG, noEffectNote } from './model/attributeCatalog'
import { TARGET_GROUP_PROTOCOLS } from './model/loadBalancerTypes'
import type { LoadBalancerType, TargetGroupProtocol } from './model/world'

type Reject = { code: string; message: string }
const validation = (message: string): Reject => ({ code: 'ValidationError', message })
const config = (message: string): Reject => ({ code: 'InvalidConfigurationRequest', message })
const range = (key: string, v: string, lo: number, hi: number): Reject =>
  validation(`'${key}' value '${v}' must be between '${lo}-${hi}' inclusive`)
const offOr = (key: string, v: string, lo: number, hi: number): Reject =>
  validation(`'${key}' value '${v}' must be 'off' or between '${lo}-${hi}' inclusive`)
const oneOf = (key: string, v: string, values: string): Reject =>
  validation(`'${key}' value '${v}' must be one of [${values}]`)
const BOOL = (key: string): Reject => oneOf(key, 'yes', 'true, false')

interface Row {
  /** Default per type, or per protocol where it differs. */
  def: string | Partial<Record<LoadBalancerType | TargetGroupProtocol, string>>
  /** A value AWS accepts on its own (per protocol where it differs). */
  valid: string | Partial<Record<TargetGroupProtocol, string>>
  /** Protocols on which that valid value is still refused, with AWS's answer. */
  refusedOn?: Partial<Record<TargetGroupProtocol, Reject>>
  invalid: string | Partial<Record<LoadBalancerType, string>>
  rejects: Reject | ((protocol: TargetGroupProtocol) => Reject)
}

const K = {
  dnsCount: 'target_group_health.dns_failover.minimum_healthy_targets.count',
  dnsPct: 'target_group_health.dns_failover.minimum_healthy_targets.percentage',
  usrCount: 'target_group_health.unhealthy_state_routing.minimum_healthy_targets.count',
  usrPct: 'target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage',
}

const TARGET_GROUP_ROWS: Record<string, Row> = {
  'stickiness.enabled': {
    def: 'false',
    valid: 'true',
    refusedOn: {
      TLS: config('You cannot enable stickiness on target groups with the TLS protocol'),
    },
    invalid: 'yes',
    rejects: BOOL('stickiness.enabled'),
  },
  'stickiness.type': {
    def: { application: 'lb_cookie', network: 'source_ip', gateway: 'source_ip_dest_ip_proto' },
    valid: {
      HTTP: 'app_cookie',
      HTTPS: 'app_cookie',
      TCP: 'source_ip',
      UDP: 'source_ip',
      TCP_UDP: 'source_ip',
      TLS: 'source_ip',
      GENEVE: 'source_ip_dest_ip',
    },
    invalid: { application: 'source_ip_dest_ip', network: 'lb_cookie', gateway: 'lb_cookie' },
    rejects: (protocol) =>
      protocol === 'GENEVE'
        ? validation("'lb_cookie' must be one of [source_ip_dest_ip_proto, source_ip_dest_ip]")
        : config(
            `Stickiness type '${protocol.startsWith('HTTP') ? 'source_ip_dest_ip' : 'lb_cookie'}' is not supported for target groups with the ${protocol} protocol`,
          ),
  },
  'stickiness.lb_cookie.duration_seconds': {
    def: '86400',
    valid: '20',
    invalid: '0',
    rejects: range('stickiness.lb_cookie.duration_seconds', '0', 1, 604800),
  },
  'stickiness.app_cookie.cookie_name': {
    def: '',
    valid: 'SESSIONID',
    invalid: 'AWSALBX',
    rejects: validation(
      "Application cookie name 'AWSALBX' is not allowed: names starting with AWSALB, AWSALBAPP or AWSALBTG are reserved for the load balancer",
    ),
  },
  'stickiness.app_cookie.duration_seconds': {
    def: '86400',
    valid: '604800',
    invalid: '604801',
    rejects: range('stickiness.app_cookie.duration_seconds', '604801', 1, 604800),
  },
  'load_balancing.algorithm.type': {
    def: 'round_robin',
    valid: 'least_outstanding_requests',
    invalid: 'least_connections',
    rejects: oneOf(
      'load_balancing.algorithm.type',
      'least_connections',
      'round_robin, least_outstanding_requests, weighted_random',
    ),
  },
  'load_balancing.algorithm.anomaly_mitigation': {
    def: 'off',
    valid: 'off',
    invalid: 'on',
    rejects: config(
      "Anomaly mitigation can only be turned on when the routing algorithm is 'weighted_random'",
    ),
  },
  'slow_start.duration_seconds': {
    def: '0',
    valid: '30',
    invalid: '29',
    rejects: validation(
      "'slow_start.duration_seconds' value '29' must be 0 or between '30-900' inclusive",
    ),
  },
  'deregistration_delay.timeout_seconds': {
    def: '300',
    valid: '0',
    invalid: '3601',
    rejects: range('deregistration_delay.timeout_seconds', '3601', 0, 3600),
  },
  'load_balancing.cross_zone.enabled': {
    def: 'use_load_balancer_configuration',
    valid: 'false',
    invalid: 'off',
    rejects: oneOf(
      'load_balancing.cross_zone.enabled',
      'off',
      'true, false, use_load_balancer_configuration',
    ),
  },
  [K.usrCount]: { def: '1', valid: '2', invalid: '0', rejects: range(K.usrCount, '0', 1, 1000) },
  [K.usrPct]: { def: 'off', valid: '50', invalid: '101', rejects: offOr(K.usrPct, '101', 1, 100) },
  [K.dnsCount]: { def: '1', valid: 'off', invalid: '0', rejects: offOr(K.dnsCount, '0', 1, 1000) },
  [K.dnsPct]: { def: 'off', valid: '100', invalid: '0', rejects: offOr(K.dnsPct, '0', 1, 100) },
  'deregistration_delay.connection_termination.enabled': {
    def: 'false',
    valid: 'true',
    invalid: 'yes',
    rejects: BOOL('deregistration_delay.connection_termination.enabled'),
  },
  'preserve_client_ip.enabled': {
    def: 'true',
    valid: 'false',
    refusedOn: {
      UDP: config(
        'Client IP preservation cannot be disabled for target groups with the UDP protocol',
      ),
      TCP_UDP: config(
        'Client IP preservation cannot be disabled for target groups with the TCP_UDP protocol',
      ),
    },
    invalid: 'yes',
    rejects: BOOL('preserve_client_ip.enabled'),
  },
  'proxy_protocol_v2.enabled': {
    def: 'false',
    valid: 'true',
    invalid: 'yes',
    rejects: BOOL('proxy_protocol_v2.enabled'),
  },
  'target_health_state.unhealthy.connection_termination.enabled': {
    def: 'true',
    valid: 'false',
    invalid: 'yes',
    rejects: BOOL('target_health_state.unhealthy.connection_termination.enabled'),
  },
  'target_health_state.unhealthy.draining_interval_seconds': {
    def: '0',
    valid: '0',
    invalid: '60',
    rejects: config(
      "'target_health_state.unhealthy.draining_interval_seconds' can be set only when 'target_health_state.unhealthy.connection_termination.enabled' is false",
    ),
  },
  'target_failover.on_deregistration': {
    def: 'no_rebalance',
    valid: 'no_rebalance',
    invalid: 'rebalance',
    rejects: config(
      "'target_failover.on_deregistration' and 'target_failover.on_unhealthy' must be set to the same value",
    ),
  },
  'target_failover.on_unhealthy': {
    def: 'no_rebalance',
    valid: 'no_rebalance',
    invalid: 'sometimes',
    rejects: oneOf('target_failover.on_unhealthy', 'sometimes', 'no_rebalance, rebalance'),
  },
  'lambda.multi_value_headers.enabled': {
    def: 'false',
    valid: 'true',
    invalid: 'yes',
    rejects: BOOL('lambda.multi_value_headers.enabled'),
  },
}

const NOT_SUPPORTED = config('The provided target group attribute is not supported')
const TYPES = ['application', 'network', 'gateway'] as const

function pick<T extends string>(v: string | Partial<Record<T, string>>, ...keys: T[]): string {
  if (typeof v === 'string') return v
  for (const k of keys) if (v[k] !== undefined) return v[k]!
  throw new Error('no value for ' + keys.join('/'))
}

function expectRejected(r: Result, want: Reject): void {
  expect(r).toMatchObject({ ok: false, code: want.code, message: want.message })
}

/** A lab of the type with a fresh target group of the protocol (not behind the listener). */
function groupOf(type: LoadBalancerType, protocol: TargetGroupProtocol): Lab {
  const lab = createLab({ loadBalancerType: type })
  expect(lab.createTargetGroup('audit', { protocol })).toEqual({ ok: true })
  return lab
}

function attributesOf(lab: Lab): Record<string, string> {
  return lab.targetGroups().find((g) => g.name === 'audit')!.attributes
}

describe('target group attributes: every key × type × protocol (docs/attributes.md)', () => {
  const rows = ATTRIBUTE_CATALOG.filter((r) => r.scope === 'target-group')

  it('the test table and the catalogue list the same keys', () => {
    expect(rows.map((r) => r.key).sort()).toEqual(Object.keys(TARGET_GROUP_ROWS).sort())
  })

  for (const row of rows) {
    const t = TARGET_GROUP_ROWS[row.key]!
    for (const type of TYPES) {
      for (const protocol of TARGET_GROUP_PROTOCOLS[type]) {
        const where = `${row.key} on ${type} ${protocol}`
        if (!row.types.includes(type)) {
          it(`${where}: rejected as not supported, and not described`, () => {
            const lab = groupOf(type, protocol)
            expect(attributesOf(lab)).not.toHaveProperty([row.key])
            expectRejected(
              lab.modifyTargetGroupAttributes('audit', { [row.key]: pick(t.valid, protocol) }),
              NOT_SUPPORTED,
            )
          })
          continue
        }
        it(`${where}: default, a valid value and an invalid one`, () => {
          const lab = groupOf(type, protocol)
          expect(attributesOf(lab)[row.key]).toBe(pick(t.def, protocol, type))
          const valid = pick(t.valid, protocol)
          const refused = t.refusedOn?.[protocol]
          const r = lab.modifyTargetGroupAttributes('audit', { [row.key]: valid })
          if (refused !== undefined) expectRejected(r, refused)
          else {
            expect(r).toEqual({ ok: true })
            expect(attributesOf(lab)[row.key]).toBe(valid)
          }
          const before = attributesOf(lab)
          const want = typeof t.rejects === 'function' ? t.rejects(protocol) : t.rejects
          const wrong = pick(t.invalid, type)
          expectRejected(lab.modifyTargetGroupAttributes('audit', { [row.key]: wrong }), want)
          expect(attributesOf(lab)).toEqual(before)
        })
      }
    }
  }

  it('stickiness.type outside the type: source_ip on an ALB group, lb_cookie on a GWLB group', () => {
    expectRejected(
      groupOf('application', 'HTTPS').modifyTargetGroupAttributes('audit', {
        'stickiness.type': 'source_ip',
      }),
      config(
        "Stickiness type 'source_ip' is not supported for target groups with the HTTPS protocol",
      ),
    )
    expectRejected(
      groupOf('gateway', 'GENEVE').modifyTargetGroupAttributes('audit', {
        'stickiness.type': 'lb_cookie',
      }),
      validation("'lb_cookie' must be one of [source_ip_dest_ip_proto, source_ip_dest_ip]"),
    )
  })

  it('the NLB draining interval is accepted once unhealthy connection termination is off', () => {
    const lab = groupOf('network', 'TCP')
    const r = lab.modifyTargetGroupAttributes('audit', {
      'target_health_state.unhealthy.connection_termination.enabled': 'false',
      'target_health_state.unhealthy.draining_interval_seconds': '360000',
    })
    expect(r).toEqual({ ok: true })
    expectRejected(
      lab.modifyTargetGroupAttributes('audit', {
        'target_health_state.unhealthy.draining_interval_seconds': '360001',
      }),
      range('target_health_state.unhealthy.draining_interval_seconds', '360001', 0, 360000),
    )
  })
})

interface LbRow {
  def: Partial<Record<LoadBalancerType, string>> | string
  valid: string
  invalid: string
  rejects: Reject
}

const lbOneOf = (key: string, v: string, values: string) => oneOf(key, v, values)
const LB_ROWS: Record<string, LbRow> = {
  'deletion_protection.enabled': {
    def: 'false',
    valid: 'true',
    invalid: 'yes',
    rejects: BOOL('deletion_protection.enabled'),
  },
  'load_balancing.cross_zone.enabled': {
    def: { application: 'true', network: 'false', gateway: 'false' },
    valid: 'true',
    invalid: 'yes',
    rejects: BOOL('load_balancing.cross_zone.enabled'),
  },
  'access_logs.s3.enabled': {
    def: 'false',
    valid: 'true',
    invalid: 'yes',
    rejects: BOOL('access_logs.s3.enabled'),
  },
  'access_logs.s3.bucket': { def: '', valid: 'my-logs', invalid: '', rejects: validation('') },
  'access_logs.s3.prefix': { def: '', valid: 'lab', invalid: '', rejects: validation('') },
  'ipv6.deny_all_igw_traffic': {
    def: 'false',
    valid: 'true',
    invalid: 'yes',
    rejects: BOOL('ipv6.deny_all_igw_traffic'),
  },
  'zonal_shift.config.enabled': {
    def: 'false',
    valid: 'true',
    invalid: 'yes',
    rejects: BOOL('zonal_shift.config.enabled'),
  },
  'idle_timeout.timeout_seconds': {
    def: '60',
    valid: '4000',
    invalid: '4001',
    rejects: range('idle_timeout.timeout_seconds', '4001', 1, 4000),
  },
  'client_keep_alive.seconds': {
    def: '3600',
    valid: '60',
    invalid: '59',
    rejects: range('client_keep_alive.seconds', '59', 60, 604800),
  },
  'connection_logs.s3.enabled': {
    def: 'false',
    valid: 'true',
    invalid: 'yes',
    rejects: BOOL('connection_logs.s3.enabled'),
  },
  'connection_logs.s3.bucket': { def: '', valid: 'my-logs', invalid: '', rejects: validation('') },
  'connection_logs.s3.prefix': { def: '', valid: 'lab', invalid: '', rejects: validation('') },
  'routing.http.desync_mitigation_mode': {
    def: 'defensive',
    valid: 'strictest',
    invalid: 'strict',
    rejects: lbOneOf(
      'routing.http.desync_mitigation_mode',
      'strict',
      'monitor, defensive, strictest',
    ),
  },
  'routing.http.drop_invalid_header_fields.enabled': {
    def: 'false',
    valid: 'true',
    invalid: 'yes',
    rejects: BOOL('routing.http.drop_invalid_header_fields.enabled'),
  },
  'routing.http.preserve_host_header.enabled': {
    def: 'false',
    valid: 'true',
    invalid: 'yes',
    rejects: BOOL('routing.http.preserve_host_header.enabled'),
  },
  'routing.http.x_amzn_tls_version_and_cipher_suite.enabled': {
    def: 'false',
    valid: 'true',
    invalid: 'yes',
    rejects: BOOL('routing.http.x_amzn_tls_version_and_cipher_suite.enabled'),
  },
  'routing.http.xff_client_port.enabled': {
    def: 'false',
    valid: 'true',
    invalid: 'yes',
    rejects: BOOL('routing.http.xff_client_port.enabled'),
  },
  'routing.http.xff_header_processing.mode': {
    def: 'append',
    valid: 'remove',
    invalid: 'drop',
    rejects: lbOneOf('routing.http.xff_header_processing.mode', 'drop', 'append, preserve, remove'),
  },
  'routing.http2.enabled': {
    def: 'true',
    valid: 'false',
    invalid: 'yes',
    rejects: BOOL('routing.http2.enabled'),
  },
  'waf.fail_open.enabled': {
    def: 'false',
    valid: 'true',
    invalid: 'yes',
    rejects: BOOL('waf.fail_open.enabled'),
  },
  'dns_record.client_routing_policy': {
    def: 'any_availability_zone',
    valid: 'availability_zone_affinity',
    invalid: 'nearest',
    rejects: lbOneOf(
      'dns_record.client_routing_policy',
      'nearest',
      'availability_zone_affinity, partial_availability_zone_affinity, any_availability_zone',
    ),
  },
  'secondary_ips.auto_assigned.per_subnet': {
    def: '0',
    valid: '7',
    invalid: '8',
    rejects: range('secondary_ips.auto_assigned.per_subnet', '8', 0, 7),
  },
}

describe('load balancer attributes: every key × type (docs/attributes.md)', () => {
  const rows = ATTRIBUTE_CATALOG.filter((r) => r.scope === 'load-balancer')

  it('the test table and the catalogue list the same keys', () => {
    expect(rows.map((r) => r.key).sort()).toEqual(Object.keys(LB_ROWS).sort())
  })

  for (const row of rows) {
    const t = LB_ROWS[row.key]!
    for (const type of TYPES) {
      const where = `${row.key} on ${type}`
      if (!row.types.includes(type)) {
        it(`${where}: rejected as not supported`, () => {
          const lab = createLab({ loadBalancerType: type })
          expect(lab.loadBalancerAttributes()).not.toHaveProperty([row.key])
          expectRejected(
            lab.modifyLoadBalancerAttributes({ [row.key]: t.valid }),
            config('The provided load balancer attribute is not supported'),
          )
        })
        continue
      }
      it(`${where}: default, a valid value and an invalid one`, () => {
        const lab = createLab({ loadBalancerType: type })
        expect(lab.loadBalancerAttributes()[row.key]).toBe(pick(t.def, type))
        expect(lab.modifyLoadBalancerAttributes({ [row.key]: t.valid })).toEqual({ ok: true })
        expect(lab.loadBalancerAttributes()[row.key]).toBe(t.valid)
        // Bucket names and prefixes are free strings: nothing to reject.
        if (t.rejects.message === '') return
        const before = lab.loadBalancerAttributes()
        expectRejected(lab.modifyLoadBalancerAttributes({ [row.key]: t.invalid }), t.rejects)
        expect(lab.loadBalancerAttributes()).toEqual(before)
      })
    }
  }

  it("an ALB's cross-zone load balancing cannot be turned off; the Classic Load Balancer has no ELBv2 attributes", () => {
    expectRejected(
      createLab().modifyLoadBalancerAttributes({ 'load_balancing.cross_zone.enabled': 'false' }),
      config(
        'Cross-zone load balancing is always enabled for Application Load Balancers and cannot be disabled',
      ),
    )
    const clb = createLab({ loadBalancerType: 'classic' })
    expect(clb.loadBalancerAttributes()).toEqual({})
    expectRejected(
      clb.modifyLoadBalancerAttributes({ 'deletion_protection.enabled': 'true' }),
      config('The provided load balancer attribute is not supported'),
    )
  })

  it('a key the lab accepts without acting on it carries the UI note; modelled keys do not', () => {
    expect(noEffectNote('load-balancer', 'idle_timeout.timeout_seconds', 'application')).toBe(
      'accepted; no effect in this simulator',
    )
    expect(noEffectNote('target-group', K.usrPct, 'application')).toBeNull()
    expect(noEffectNote('target-group', K.usrPct, 'network')).toBe(
      'accepted; no effect in this simulator',
    )
    expect(noEffectNote('target-group', 'stickiness.type', 'gateway')).toBeNull()
  })
})
