// Target group attributes, health-check settings and forward actions: defaults, every range
// boundary, every incompatible combination, and all-or-nothing rejection (reference §2, §6, §8, §12).

import { describe, expect, it } from 'vitest'
import { createLab } from '../index'
import type { Lab, Result } from '../model/api'

const attrs = (lab: Lab, tg = 'web'): Record<string, string> =>
  lab.targetGroups().find((g) => g.name === tg)!.attributes

function expectError(r: Result, code: string, message?: string | RegExp): void {
  expect(r.ok).toBe(false)
  if (r.ok) return
  expect(r.code).toBe(code)
  if (typeof message === 'string') expect(r.message).toBe(message)
  else if (message !== undefined) expect(r.message).toMatch(message)
}

describe('target group attributes: defaults', () => {
  it('lists every ALB attribute with its default, as strings', () => {
    expect(attrs(createLab())).toEqual({
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
      'target_group_health.dns_failover.minimum_healthy_targets.count': '1',
      'target_group_health.dns_failover.minimum_healthy_targets.percentage': 'off',
    })
  })

  it('gives new target groups the same defaults', () => {
    const lab = createLab()
    expect(lab.createTargetGroup('green')).toEqual({ ok: true })
    expect(attrs(lab, 'green')).toEqual(attrs(lab, 'web'))
  })

  it('returns a copy: mutating the result does not change the lab', () => {
    const lab = createLab()
    attrs(lab)['stickiness.enabled'] = 'true'
    expect(attrs(lab)['stickiness.enabled']).toBe('false')
  })
})

describe('target group attributes: integer ranges', () => {
  const ranges: [string, number, number][] = [
    ['stickiness.lb_cookie.duration_seconds', 1, 604800],
    ['stickiness.app_cookie.duration_seconds', 1, 604800],
    ['deregistration_delay.timeout_seconds', 0, 3600],
    ['target_group_health.unhealthy_state_routing.minimum_healthy_targets.count', 1, 1000],
  ]
  for (const [key, min, max] of ranges) {
    describe(key, () => {
      it.each([min, max])('accepts %s', (v) => {
        const lab = createLab()
        expect(lab.modifyTargetGroupAttributes('web', { [key]: String(v) })).toEqual({ ok: true })
        expect(attrs(lab)[key]).toBe(String(v))
      })
      it.each([String(min - 1), String(max + 1), 'abc', '', '1.5', '10s', ' 5'])(
        'rejects %j with ValidationError',
        (v) => {
          const lab = createLab()
          const before = attrs(lab)
          expectError(
            lab.modifyTargetGroupAttributes('web', { [key]: v }),
            'ValidationError',
            `'${key}' value '${v}' must be between '${min}-${max}' inclusive`,
          )
          expect(attrs(lab)).toEqual(before)
        },
      )
    })
  }

  it('uses the moto wording for deregistration delay out of range', () => {
    expectError(
      createLab().modifyTargetGroupAttributes('web', {
        'deregistration_delay.timeout_seconds': '3601',
      }),
      'ValidationError',
      "'deregistration_delay.timeout_seconds' value '3601' must be between '0-3600' inclusive",
    )
  })

  describe('slow_start.duration_seconds (0 = off, or 30-900)', () => {
    it.each(['0', '30', '900'])('accepts %s', (v) => {
      expect(
        createLab().modifyTargetGroupAttributes('web', { 'slow_start.duration_seconds': v }),
      ).toEqual({ ok: true })
    })
    it.each(['29', '901', '1', '-1', 'x'])('rejects %s', (v) => {
      expectError(
        createLab().modifyTargetGroupAttributes('web', { 'slow_start.duration_seconds': v }),
        'ValidationError',
        /must be 0 or between '30-900'/,
      )
    })
  })

  describe('percentages and dns_failover count (off or a range)', () => {
    const keys: [string, number, number][] = [
      ['target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage', 1, 100],
      ['target_group_health.dns_failover.minimum_healthy_targets.percentage', 1, 100],
      ['target_group_health.dns_failover.minimum_healthy_targets.count', 1, 1000],
    ]
    for (const [key, min, max] of keys) {
      it(`${key} accepts off, ${min}, ${max}`, () => {
        for (const v of ['off', String(min), String(max)]) {
          expect(createLab().modifyTargetGroupAttributes('web', { [key]: v })).toEqual({ ok: true })
        }
      })
      it(`${key} rejects ${min - 1}, ${max + 1}, on`, () => {
        for (const v of [String(min - 1), String(max + 1), 'on']) {
          expectError(
            createLab().modifyTargetGroupAttributes('web', { [key]: v }),
            'ValidationError',
            /must be 'off' or between/,
          )
        }
      })
    }
  })

  it('normalises accepted integers (leading zeros, plus sign)', () => {
    const lab = createLab()
    expect(
      lab.modifyTargetGroupAttributes('web', { 'stickiness.lb_cookie.duration_seconds': '020' }),
    ).toEqual({ ok: true })
    expect(attrs(lab)['stickiness.lb_cookie.duration_seconds']).toBe('20')
  })
})

describe('target group attributes: enumerations', () => {
  it.each([
    ['stickiness.enabled', ['true', 'false'], ['TRUE', 'yes', '1', '']],
    [
      'load_balancing.algorithm.type',
      ['round_robin', 'least_outstanding_requests', 'weighted_random'],
      ['least_connections', 'random'],
    ],
    ['load_balancing.algorithm.anomaly_mitigation', ['off'], ['maybe', 'ON']],
    [
      'load_balancing.cross_zone.enabled',
      ['true', 'use_load_balancer_configuration'],
      ['on', 'TRUE'],
    ],
    ['stickiness.type', ['lb_cookie', 'app_cookie'], ['cookie', 'LB_COOKIE']],
  ])('%s', (key, good, bad) => {
    for (const v of good)
      expect(createLab().modifyTargetGroupAttributes('web', { [key]: v })).toEqual({ ok: true })
    for (const v of bad)
      expectError(
        createLab().modifyTargetGroupAttributes('web', { [key]: v }),
        'ValidationError',
        /must be one of \[/,
      )
  })
})

describe('target group attributes: keys', () => {
  it('rejects an unknown key with "attribute is not supported"', () => {
    expectError(
      createLab().modifyTargetGroupAttributes('web', { 'stickiness.foo': '1' }),
      'InvalidConfigurationRequest',
      'The provided target group attribute is not supported',
    )
  })

  it.each([
    'preserve_client_ip.enabled',
    'proxy_protocol_v2.enabled',
    'lambda.multi_value_headers.enabled',
    'target_failover.on_unhealthy',
  ])('rejects %s (another target-group type) as not supported', (key) => {
    expectError(
      createLab().modifyTargetGroupAttributes('web', { [key]: 'true' }),
      'InvalidConfigurationRequest',
      'The provided target group attribute is not supported',
    )
  })

  it.each(['stickiness enabled', 'stickiness-enabled', 'stickiness.enabled!', ''])(
    'rejects bad key syntax %j with ValidationError',
    (key) => {
      expectError(
        createLab().modifyTargetGroupAttributes('web', { [key]: 'true' }),
        'ValidationError',
        /regular expression pattern: \^\[a-zA-Z0-9\._\]\+\$/,
      )
    },
  )

  it('rejects a key longer than 256 characters', () => {
    expectError(
      createLab().modifyTargetGroupAttributes('web', { ['a'.repeat(257)]: 'x' }),
      'ValidationError',
      /length less than or equal to 256/,
    )
  })

  it('checks key syntax before support, and support before values', () => {
    expectError(
      createLab().modifyTargetGroupAttributes('web', {
        'stickiness.enabled': 'nope',
        'bad key': 'x',
      }),
      'ValidationError',
      /regular expression/,
    )
    expectError(
      createLab().modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'nope', 'x.y': 'x' }),
      'InvalidConfigurationRequest',
    )
  })

  it('rejects an unknown target group', () => {
    expectError(
      createLab().modifyTargetGroupAttributes('nope', { 'stickiness.enabled': 'true' }),
      'TargetGroupNotFound',
      'The specified target group does not exist.',
    )
  })

  it('accepts an empty request as a no-op', () => {
    expect(createLab().modifyTargetGroupAttributes('web', {})).toEqual({ ok: true })
  })
})

describe('application cookie names', () => {
  it.each(['AWSALB', 'AWSALBAPP-0', 'AWSALBTG', 'AWSALBfoo', 'AWSALBCORS'])(
    'rejects reserved name %s',
    (name) => {
      expectError(
        createLab().modifyTargetGroupAttributes('web', {
          'stickiness.app_cookie.cookie_name': name,
        }),
        'ValidationError',
        /reserved for the load balancer/,
      )
    },
  )
  it.each(['SESSIONID', 'JSESSIONID', 'awsalb', 'my-app_1'])('accepts %s', (name) => {
    expect(
      createLab().modifyTargetGroupAttributes('web', { 'stickiness.app_cookie.cookie_name': name }),
    ).toEqual({ ok: true })
  })
  it.each(['a b', 'a;b', 'a=b', 'x'.repeat(257)])('rejects invalid cookie name %j', (name) => {
    expectError(
      createLab().modifyTargetGroupAttributes('web', { 'stickiness.app_cookie.cookie_name': name }),
      'ValidationError',
      /not a valid cookie name/,
    )
  })
})

describe('incompatible combinations (validated on the resulting configuration)', () => {
  it('app_cookie without a cookie name', () => {
    expectError(
      createLab().modifyTargetGroupAttributes('web', {
        'stickiness.enabled': 'true',
        'stickiness.type': 'app_cookie',
      }),
      'InvalidConfigurationRequest',
      "You must set an application cookie name to enable stickiness of type 'app_cookie'",
    )
  })

  it('app_cookie type without a name is fine while stickiness is disabled', () => {
    expect(
      createLab().modifyTargetGroupAttributes('web', { 'stickiness.type': 'app_cookie' }),
    ).toEqual({ ok: true })
  })

  it('app_cookie with a name set in an earlier call', () => {
    const lab = createLab()
    expect(
      lab.modifyTargetGroupAttributes('web', { 'stickiness.app_cookie.cookie_name': 'SESSIONID' }),
    ).toEqual({ ok: true })
    expect(
      lab.modifyTargetGroupAttributes('web', {
        'stickiness.enabled': 'true',
        'stickiness.type': 'app_cookie',
      }),
    ).toEqual({ ok: true })
  })

  it.each(['source_ip', 'source_ip_dest_ip', 'source_ip_dest_ip_proto'])(
    '%s on an HTTP target group (even disabled)',
    (type) => {
      expectError(
        createLab().modifyTargetGroupAttributes('web', { 'stickiness.type': type }),
        'InvalidConfigurationRequest',
        `Stickiness type '${type}' is not supported for target groups with the HTTP protocol`,
      )
    },
  )

  it('source_ip on an HTTPS target group names HTTPS', () => {
    const lab = createLab()
    lab.createTargetGroup('secure', { protocol: 'HTTPS' })
    expectError(
      lab.modifyTargetGroupAttributes('secure', { 'stickiness.type': 'source_ip' }),
      'InvalidConfigurationRequest',
      "Stickiness type 'source_ip' is not supported for target groups with the HTTPS protocol",
    )
  })

  it('stickiness with weighted_random, in either order', () => {
    const msg =
      'You cannot have both stickiness and weighted random algorithm enabled on the same target group.'
    expectError(
      createLab().modifyTargetGroupAttributes('web', {
        'stickiness.enabled': 'true',
        'load_balancing.algorithm.type': 'weighted_random',
      }),
      'InvalidConfigurationRequest',
      msg,
    )
    const a = createLab()
    a.modifyTargetGroupAttributes('web', { 'load_balancing.algorithm.type': 'weighted_random' })
    expectError(
      a.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' }),
      'InvalidConfigurationRequest',
      msg,
    )
    const b = createLab()
    b.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    expectError(
      b.modifyTargetGroupAttributes('web', { 'load_balancing.algorithm.type': 'weighted_random' }),
      'InvalidConfigurationRequest',
      msg,
    )
  })

  it('stickiness with cross-zone off, in either order', () => {
    expectError(
      createLab().modifyTargetGroupAttributes('web', {
        'stickiness.enabled': 'true',
        'load_balancing.cross_zone.enabled': 'false',
      }),
      'InvalidConfigurationRequest',
      /cross-zone/,
    )
    const b = createLab()
    b.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    expectError(
      b.modifyTargetGroupAttributes('web', { 'load_balancing.cross_zone.enabled': 'false' }),
      'InvalidConfigurationRequest',
      /cross-zone/,
    )
    const c = createLab()
    expect(
      c.modifyTargetGroupAttributes('web', { 'load_balancing.cross_zone.enabled': 'false' }),
    ).toEqual({ ok: true })
  })

  it('slow start with least outstanding requests, in either order', () => {
    expectError(
      createLab().modifyTargetGroupAttributes('web', {
        'slow_start.duration_seconds': '30',
        'load_balancing.algorithm.type': 'least_outstanding_requests',
      }),
      'InvalidConfigurationRequest',
      /slow start/,
    )
    const b = createLab()
    b.modifyTargetGroupAttributes('web', {
      'load_balancing.algorithm.type': 'least_outstanding_requests',
    })
    expectError(
      b.modifyTargetGroupAttributes('web', { 'slow_start.duration_seconds': '60' }),
      'InvalidConfigurationRequest',
      /least outstanding requests/,
    )
  })

  it('slow start with weighted random', () => {
    expectError(
      createLab().modifyTargetGroupAttributes('web', {
        'slow_start.duration_seconds': '30',
        'load_balancing.algorithm.type': 'weighted_random',
      }),
      'InvalidConfigurationRequest',
      'You cannot enable both slow start and weighted random algorithm on a target group',
    )
  })

  it('anomaly mitigation needs weighted random', () => {
    expectError(
      createLab().modifyTargetGroupAttributes('web', {
        'load_balancing.algorithm.anomaly_mitigation': 'on',
      }),
      'InvalidConfigurationRequest',
      /weighted_random/,
    )
    expect(
      createLab().modifyTargetGroupAttributes('web', {
        'load_balancing.algorithm.type': 'weighted_random',
        'load_balancing.algorithm.anomaly_mitigation': 'on',
      }),
    ).toEqual({ ok: true })
  })

  it('stickiness on a group in a multi-group forward action without target-group stickiness', () => {
    const lab = createLab()
    lab.createTargetGroup('green', { targets: 1 })
    expect(
      lab.setForward({
        targetGroups: [
          { name: 'web', weight: 1 },
          { name: 'green', weight: 1 },
        ],
      }),
    ).toEqual({ ok: true })
    expectError(
      lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' }),
      'InvalidConfigurationRequest',
      /target group stickiness must be enabled/,
    )
    lab.setForward({
      targetGroups: [
        { name: 'web', weight: 1 },
        { name: 'green', weight: 1 },
      ],
      stickiness: { enabled: true, durationSeconds: 60 },
    })
    expect(lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })).toEqual({
      ok: true,
    })
  })

  it('rejection leaves every attribute unchanged (all-or-nothing)', () => {
    const lab = createLab()
    lab.modifyTargetGroupAttributes('web', { 'stickiness.lb_cookie.duration_seconds': '20' })
    const before = attrs(lab)
    const r = lab.modifyTargetGroupAttributes('web', {
      'stickiness.lb_cookie.duration_seconds': '40',
      'deregistration_delay.timeout_seconds': '10',
      'stickiness.enabled': 'true',
      'load_balancing.algorithm.type': 'weighted_random',
    })
    expect(r.ok).toBe(false)
    expect(attrs(lab)).toEqual(before)
  })

  it('a valid change applies every key at once', () => {
    const lab = createLab()
    expect(
      lab.modifyTargetGroupAttributes('web', {
        'stickiness.enabled': 'true',
        'stickiness.lb_cookie.duration_seconds': '20',
        'deregistration_delay.timeout_seconds': '0',
      }),
    ).toEqual({ ok: true })
    expect(attrs(lab)).toMatchObject({
      'stickiness.enabled': 'true',
      'stickiness.lb_cookie.duration_seconds': '20',
      'deregistration_delay.timeout_seconds': '0',
    })
  })
})

describe('health-check settings', () => {
  it('defaults (instance targets): interval 30, timeout 5, healthy 5, unhealthy 2', () => {
    expect(createLab().healthCheck('web')).toEqual({
      HealthCheckProtocol: 'HTTP',
      HealthCheckPort: 'traffic-port',
      HealthCheckPath: '/',
      HealthCheckIntervalSeconds: 30,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 5,
      UnhealthyThresholdCount: 2,
      Matcher: { HttpCode: '200' },
    })
  })

  const fields: [string, number, number][] = [
    ['HealthCheckIntervalSeconds', 5, 300],
    ['HealthCheckTimeoutSeconds', 2, 120],
    ['HealthyThresholdCount', 2, 10],
    ['UnhealthyThresholdCount', 2, 10],
  ]
  for (const [field, min, max] of fields) {
    it(`${field}: accepts ${min} and ${max}, rejects ${min - 1}, ${max + 1} and non-integers`, () => {
      const base =
        field === 'HealthCheckTimeoutSeconds'
          ? { HealthCheckIntervalSeconds: 300 }
          : field === 'HealthCheckIntervalSeconds'
            ? { HealthCheckTimeoutSeconds: 2 }
            : {}
      for (const v of [min, max])
        expect(createLab().modifyHealthCheck('web', { ...base, [field]: v })).toEqual({ ok: true })
      for (const v of [min - 1, max + 1]) {
        const lab = createLab()
        const before = lab.healthCheck('web')
        expectError(
          lab.modifyHealthCheck('web', { ...base, [field]: v }),
          'ValidationError',
          v < min ? /greater than or equal to/ : /less than or equal to/,
        )
        expect(lab.healthCheck('web')).toEqual(before)
      }
      for (const v of [1.5, Number.NaN, '10' as unknown as number])
        expectError(
          createLab().modifyHealthCheck('web', { ...base, [field]: v }),
          'ValidationError',
        )
    })
  }

  it('timeout must be smaller than the interval (resulting configuration)', () => {
    expectError(
      createLab().modifyHealthCheck('web', { HealthCheckTimeoutSeconds: 30 }),
      'ValidationError',
      "Health check timeout '30' must be smaller than the interval '30'",
    )
    expectError(
      createLab().modifyHealthCheck('web', { HealthCheckIntervalSeconds: 5 }),
      'ValidationError',
      "Health check timeout '5' must be smaller than the interval '5'",
    )
    expect(createLab().modifyHealthCheck('web', { HealthCheckIntervalSeconds: 6 })).toEqual({
      ok: true,
    })
  })

  it('unknown target group / unknown field', () => {
    expectError(
      createLab().modifyHealthCheck('nope', { HealthyThresholdCount: 3 }),
      'TargetGroupNotFound',
      'The specified target group does not exist.',
    )
    expectError(
      createLab().modifyHealthCheck('web', { HealthCheckPath: '/x' } as never),
      'ValidationError',
    )
    expect(createLab().healthCheck('nope')).toBeNull()
  })
})

describe('forward actions', () => {
  const twoGroups = (): Lab => {
    const lab = createLab()
    lab.createTargetGroup('green', { targets: 2 })
    return lab
  }

  it('default listener: HTTPS 443 forwarding to web, target-group stickiness off (1 h)', () => {
    expect(createLab().listener()).toEqual({
      protocol: 'HTTPS',
      port: 443,
      forward: {
        targetGroups: [{ name: 'web', weight: 1 }],
        stickiness: { enabled: false, durationSeconds: 3600 },
      },
    })
  })

  it('weights 0 and 999 are accepted; -1, 1000 and 1.5 are not', () => {
    for (const w of [0, 999])
      expect(
        twoGroups().setForward({
          targetGroups: [
            { name: 'web', weight: w },
            { name: 'green', weight: 1 },
          ],
        }),
      ).toEqual({ ok: true })
    for (const w of [-1, 1000, 1.5])
      expectError(
        twoGroups().setForward({
          targetGroups: [
            { name: 'web', weight: w },
            { name: 'green', weight: 1 },
          ],
        }),
        'ValidationError',
        /between 0 and 999/,
      )
  })

  it('at most 5 target groups, at least 1, no duplicates, all must exist', () => {
    const lab = createLab()
    for (const n of ['a', 'b', 'c', 'd', 'e']) lab.createTargetGroup(n)
    const six = ['web', 'a', 'b', 'c', 'd', 'e'].map((name) => ({ name, weight: 1 }))
    expectError(lab.setForward({ targetGroups: six }), 'ValidationError', /at most 5/)
    expect(lab.setForward({ targetGroups: six.slice(0, 5) })).toEqual({ ok: true })
    expectError(lab.setForward({ targetGroups: [] }), 'ValidationError', /at least one/)
    expectError(
      lab.setForward({
        targetGroups: [
          { name: 'a', weight: 1 },
          { name: 'a', weight: 2 },
        ],
      }),
      'ValidationError',
      /more than once/,
    )
    expectError(
      lab.setForward({ targetGroups: [{ name: 'zzz', weight: 1 }] }),
      'TargetGroupNotFound',
      'The specified target group does not exist.',
    )
  })

  it.each([0, 604801, -5, 1.5])(
    'target-group stickiness duration %s is rejected, even when disabled',
    (d) => {
      for (const enabled of [true, false]) {
        const lab = twoGroups()
        const before = lab.listener()
        expectError(
          lab.setForward({
            targetGroups: [
              { name: 'web', weight: 1 },
              { name: 'green', weight: 1 },
            ],
            stickiness: { enabled, durationSeconds: d },
          }),
          'ValidationError',
          'Target group stickiness duration must be between 1 and 604800 seconds',
        )
        expect(lab.listener()).toEqual(before)
      }
    },
  )

  it('target-group stickiness duration 1 and 604800 are accepted; a missing duration is required when enabling', () => {
    for (const d of [1, 604800]) {
      expect(
        twoGroups().setForward({
          targetGroups: [
            { name: 'web', weight: 1 },
            { name: 'green', weight: 1 },
          ],
          stickiness: { enabled: true, durationSeconds: d },
        }),
      ).toEqual({ ok: true })
    }
    expectError(
      twoGroups().setForward({
        targetGroups: [{ name: 'web', weight: 1 }],
        stickiness: { enabled: true },
      }),
      'ValidationError',
      'Target group stickiness duration must be between 1 and 604800 seconds',
    )
    expect(
      twoGroups().setForward({
        targetGroups: [{ name: 'web', weight: 1 }],
        stickiness: { enabled: false },
      }),
    ).toEqual({ ok: true })
  })

  it('several groups with a sticky group require target-group stickiness', () => {
    const lab = twoGroups()
    lab.modifyTargetGroupAttributes('green', { 'stickiness.enabled': 'true' })
    expectError(
      lab.setForward({
        targetGroups: [
          { name: 'web', weight: 1 },
          { name: 'green', weight: 1 },
        ],
      }),
      'InvalidConfigurationRequest',
      /Target group stickiness must be enabled/,
    )
    expect(
      lab.setForward({
        targetGroups: [
          { name: 'web', weight: 1 },
          { name: 'green', weight: 1 },
        ],
        stickiness: { enabled: true, durationSeconds: 300 },
      }),
    ).toEqual({ ok: true })
    // A single sticky group needs no target-group stickiness.
    expect(lab.setForward({ targetGroups: [{ name: 'green', weight: 1 }] })).toEqual({ ok: true })
  })

  it('a rejected forward leaves the listener unchanged', () => {
    const lab = twoGroups()
    const before = lab.listener()
    lab.setForward({
      targetGroups: [
        { name: 'web', weight: 1 },
        { name: 'green', weight: 5000 },
      ],
    })
    expect(lab.listener()).toEqual(before)
  })
})

describe('createTargetGroup', () => {
  it('creates an empty HTTP group by default, not in use', () => {
    const lab = createLab()
    expect(lab.createTargetGroup('blue')).toEqual({ ok: true })
    const g = lab.targetGroups().find((t) => t.name === 'blue')!
    expect(g).toMatchObject({ name: 'blue', protocol: 'HTTP', targets: [], inUse: false })
  })

  it('launches targets round robin over the AZs', () => {
    const lab = createLab()
    lab.createTargetGroup('blue', { targets: 4 })
    const g = lab.targetGroups().find((t) => t.name === 'blue')!
    expect(g.targets.map((t) => [t.id, t.az])).toEqual([
      ['i-4', 'us-east-1a'],
      ['i-5', 'us-east-1b'],
      ['i-6', 'us-east-1c'],
      ['i-7', 'us-east-1a'],
    ])
  })

  it.each([
    ['', /must not be empty/],
    ['a'.repeat(33), /longer than '32'/],
    ['has space', /alphanumeric/],
    ['-lead', /begin or end/],
    ['trail-', /begin or end/],
  ])('rejects name %j', (name, msg) => {
    expectError(createLab().createTargetGroup(name), 'ValidationError', msg)
  })

  it('rejects a duplicate name and bad options', () => {
    expectError(createLab().createTargetGroup('web'), 'DuplicateTargetGroupName')
    expectError(createLab().createTargetGroup('x', { targets: -1 }), 'ValidationError')
    expectError(createLab().createTargetGroup('x', { targets: 1.5 }), 'ValidationError')
    expectError(createLab().createTargetGroup('x', { protocol: 'TCP' as never }), 'ValidationError')
  })
})
