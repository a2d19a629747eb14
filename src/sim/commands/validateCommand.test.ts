// validateCommand answers exactly what the command would, without changing anything (ADR 0010): for random
// commands on random labs, its verdict equals applying the command, and snapshot() is unchanged by asking.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLab } from '../index'
import type { Lab, LabQueries } from '../model/api'
import { AVAILABILITY_ZONES } from '../model/world'
import { applyCommand, type LabCommand } from './labCommand'
import { validateCommand } from './validateCommand'

const some = <T>(...values: T[]) => fc.constantFrom(...values)
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined })
/** Drops undefined members, as the lab's argument gate does. */
const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))

const groupName = some('web', 'green', 'tls', 'x', '__proto__', '-bad', '', 'a'.repeat(33))
const instanceId = some('i-1', 'i-2', 'i-3', 'i-9', 'bad id', '')
const clientId = some('alice', 'bob', '__proto__')
const attributeKey = some(
  'stickiness.enabled',
  'stickiness.type',
  'stickiness.lb_cookie.duration_seconds',
  'stickiness.app_cookie.cookie_name',
  'stickiness.app_cookie.duration_seconds',
  'load_balancing.algorithm.type',
  'load_balancing.algorithm.anomaly_mitigation',
  'load_balancing.cross_zone.enabled',
  'slow_start.duration_seconds',
  'deregistration_delay.timeout_seconds',
  'target_failover.on_deregistration',
  'target_failover.on_unhealthy',
  'bogus',
  'bad key!',
)
const attributeValue = some(
  'true',
  'false',
  'lb_cookie',
  'app_cookie',
  'source_ip',
  'source_ip_dest_ip',
  '0',
  '30',
  '60',
  '700000',
  'weighted_random',
  'round_robin',
  'least_outstanding_requests',
  'on',
  'off',
  'SESSIONID',
  'AWSALBX',
  'rebalance',
  'no_rebalance',
  'use_load_balancer_configuration',
  '',
)
const healthValue = some(Number.NaN, 0, 2, 5, 6, 10, 30, 301, 1.5)
const healthUpdate = fc.record(
  {
    HealthCheckIntervalSeconds: healthValue,
    HealthCheckTimeoutSeconds: healthValue,
    HealthyThresholdCount: healthValue,
    UnhealthyThresholdCount: healthValue,
  },
  { requiredKeys: [] },
)
const forward = fc.record({
  targetGroups: fc.array(fc.record({ name: groupName, weight: some(0, 1, 5, 1000, 1.5) }), {
    maxLength: 3,
  }),
  stickiness: maybe(
    fc.record({ enabled: fc.boolean(), durationSeconds: maybe(some(0, 1, 3600, 604801)) }),
  ),
})

const command: fc.Arbitrary<LabCommand> = fc.oneof(
  fc.record({ call: fc.constant('advance'), args: fc.tuple(some(0, 1, 5, 30, 400)) }),
  fc.record({
    call: fc.constant('createTargetGroup'),
    args: fc.tuple(
      groupName,
      maybe(
        fc.record(
          {
            targets: some(0, 2, 21, 1.5),
            protocol: some('HTTP', 'HTTPS', 'TCP', 'UDP', 'TCP_UDP', 'TLS', 'GENEVE', 'FTP'),
          },
          { requiredKeys: [] },
        ),
      ),
    ),
  }),
  fc.record({
    call: fc.constant('modifyTargetGroupAttributes'),
    args: fc.tuple(groupName, fc.dictionary(attributeKey, attributeValue, { maxKeys: 3 })),
  }),
  fc.record({ call: fc.constant('modifyHealthCheck'), args: fc.tuple(groupName, healthUpdate) }),
  fc.record({
    call: fc.constant('setListenerProtocol'),
    args: fc.tuple(some('HTTP', 'HTTPS', 'FTP')),
  }),
  fc.record({ call: fc.constant('setForward'), args: fc.tuple(forward.map(defined)) }),
  fc.record({
    call: some('registerTargets', 'deregisterTargets'),
    args: fc.tuple(groupName, fc.array(instanceId, { maxLength: 2 })),
  }),
  fc.record({ call: some('stopInstance', 'startInstance'), args: fc.tuple(instanceId) }),
  fc.record({
    call: fc.constant('setHealthCheckFailing'),
    args: fc.tuple(
      instanceId,
      fc.boolean(),
      maybe(fc.record({ mode: some('response-code', 'connection', 'unresponsive') })),
    ),
  }),
  fc.record({
    call: fc.constant('configureApp'),
    args: fc.tuple(
      fc.record(
        {
          sessionCookie: fc.option(fc.record({ name: some('SESSIONID', 'bad name') }), {
            nil: null,
          }),
          sessionStore: some('memory', 'external'),
          latencySeconds: some(0, 0.5, 2),
        },
        { requiredKeys: [] },
      ),
    ),
  }),
  fc.record({
    call: some('addClient', 'setClientOptions'),
    args: fc.tuple(
      clientId,
      fc.record(
        { sourceIp: some('203.0.113.5', '198.51.100.7', 'nope'), cookiesEnabled: fc.boolean() },
        { requiredKeys: [] },
      ),
    ),
  }),
  fc.record({
    call: some(
      'removeClient',
      'clearCookies',
      'closeConnection',
      'sendWebSocketMessage',
      'closeWebSocket',
    ),
    args: fc.tuple(clientId),
  }),
  fc.record({
    call: fc.constant('request'),
    args: fc.tuple(
      clientId,
      maybe(
        fc.record(
          {
            path: some('/', '/cart/add'),
            newConnection: fc.boolean(),
            protocol: some('TCP', 'UDP', 'ICMP'),
            destinationIp: some('192.0.2.80', '999.1.1.1'),
            destinationPort: some(0, 443, 70000),
            durationSeconds: some(0, 1),
          },
          { requiredKeys: [] },
        ),
      ),
    ),
  }),
  fc.record({
    call: fc.constant('setCookie'),
    args: fc.tuple(clientId, some('AWSALB', 'x'), some('1', '')),
  }),
  fc.record({ call: fc.constant('deleteCookie'), args: fc.tuple(clientId, some('AWSALB', 'x')) }),
  fc.record({
    call: fc.constant('launchInstance'),
    args: fc.tuple(maybe(fc.record({ az: fc.constantFrom(...AVAILABILITY_ZONES) }))),
  }),
  fc.record({ call: fc.constant('openWebSocket'), args: fc.tuple(clientId) }),
  fc.record({
    call: fc.constant('setLoadBalancerType'),
    args: fc.tuple(some('application', 'network', 'gateway', 'classic')),
  }),
  fc.record({
    call: fc.constant('modifyLoadBalancerAttributes'),
    args: fc.tuple(
      some(
        { 'load_balancing.cross_zone.enabled': 'true' },
        { 'load_balancing.cross_zone.enabled': 'maybe' },
        { bogus: 'x' },
      ),
    ),
  }),
  fc.record({
    call: fc.constant('createLBCookieStickinessPolicy'),
    args: fc.tuple(
      fc
        .record({
          policyName: some('p1', 'p-2', 'bad_name', ''),
          cookieExpirationPeriod: maybe(some(0, 60, -1, 1.5)),
        })
        .map(defined),
    ),
  }),
  fc.record({
    call: fc.constant('createAppCookieStickinessPolicy'),
    args: fc.tuple(
      fc.record({
        policyName: some('p1', 'p-2', 'bad_name'),
        cookieName: some('SESSIONID', 'bad name'),
      }),
    ),
  }),
  fc.record({
    call: fc.constant('setLoadBalancerPoliciesOfListener'),
    args: fc.tuple(
      fc.record({
        loadBalancerPort: some(80, 81),
        policyNames: some([], ['p1'], ['p1', 'p-2'], ['nope']),
      }),
    ),
  }),
  fc.record({
    call: some('registerInstancesWithLoadBalancer', 'deregisterInstancesFromLoadBalancer'),
    args: fc.tuple(fc.array(instanceId, { maxLength: 2 })),
  }),
) as fc.Arbitrary<LabCommand>

/** What applying the command answers: accepted, AWS's failure, or the error it throws. */
function outcome(
  lab: Lab,
  c: LabCommand,
): { ok: true } | { ok: false; result: unknown; thrown: boolean } {
  try {
    const out: unknown = applyCommand(lab, c)
    if (typeof out === 'object' && out !== null && (out as { ok?: unknown }).ok === false)
      return { ok: false, result: out, thrown: false }
    return { ok: true }
  } catch (error) {
    const e = error as Error
    return { ok: false, result: { ok: false, code: e.name, message: e.message }, thrown: true }
  }
}

function labAfter(type: string, setup: LabCommand[]): Lab {
  const lab = createLab({ seed: 3 })
  for (const c of [{ call: 'setLoadBalancerType', args: [type] } as LabCommand, ...setup])
    outcome(lab, c)
  return lab
}

const snapshotText = (lab: LabQueries): string => JSON.stringify(lab.snapshot())

describe('validateCommand', () => {
  it('answers as the command does, field and all, and changes nothing (property)', () => {
    fc.assert(
      fc.property(
        some('application', 'network', 'gateway', 'classic'),
        fc.array(command, { maxLength: 10 }),
        command,
        (type, setup, probe) => {
          const lab = labAfter(type, setup)
          const before = snapshotText(lab)
          const verdict = validateCommand(lab, probe)
          expect(snapshotText(lab)).toBe(before)
          const applied = outcome(lab, probe)
          expect(verdict.ok).toBe(applied.ok)
          // A Result failure is the same object; a thrown refusal has the error's name and message (and the
          // field the check knows, which an Error does not carry).
          if (!applied.ok) expect(verdict).toMatchObject(applied.result as object)
          if (!applied.ok && !applied.thrown) expect(verdict).toEqual(applied.result)
        },
      ),
      { numRuns: 700 },
    )
  }, 60_000)

  it('says which field is wrong before anything is sent', () => {
    const lab = createLab()
    expect(
      validateCommand(lab, {
        call: 'modifyTargetGroupAttributes',
        args: ['web', { 'stickiness.lb_cookie.duration_seconds': '0' }],
      }),
    ).toEqual({
      ok: false,
      code: 'ValidationError',
      message:
        "'stickiness.lb_cookie.duration_seconds' value '0' must be between '1-604800' inclusive",
      field: 'stickiness.lb_cookie.duration_seconds',
    })
    expect(
      validateCommand(lab, {
        call: 'modifyHealthCheck',
        args: ['web', { HealthCheckIntervalSeconds: 6 }],
      }),
    ).toEqual({ ok: true })
    expect(lab.log()).toEqual([])
  })

  it("answers a call the lab refuses by throwing with the error's name and words", () => {
    const lab = createLab({ loadBalancerType: 'network' })
    expect(validateCommand(lab, { call: 'setListenerProtocol', args: ['HTTPS'] })).toEqual({
      ok: false,
      code: 'TypeError',
      message: 'setListenerProtocol is modelled for the Application Load Balancer only',
    })
    expect(validateCommand(lab, { call: 'request', args: [7 as unknown as string] })).toMatchObject(
      { ok: false, code: 'TypeError' },
    )
    expect(validateCommand(lab, { call: 'advance', args: [Number.NaN] })).toMatchObject({
      ok: false,
      code: 'RangeError',
    })
    expect(validateCommand(lab, { call: 'eval' } as unknown as LabCommand)).toEqual({
      ok: false,
      code: 'TypeError',
      message: "'eval' is not a lab command.",
    })
  })

  it('an empty number field (NaN) is refused in AWS words, as the call refuses it, and logs nothing', () => {
    const lab = createLab()
    const c: LabCommand = {
      call: 'modifyHealthCheck',
      args: ['web', { HealthCheckTimeoutSeconds: Number.NaN }],
    }
    const expected = {
      ok: false,
      code: 'ValidationError',
      message: "HealthCheckTimeoutSeconds must be a whole number, got 'NaN'",
      field: 'HealthCheckTimeoutSeconds',
    }
    expect(validateCommand(lab, c)).toEqual(expected)
    expect(applyCommand(lab, c)).toEqual(expected)
    expect(lab.log()).toEqual([])
  })

  it('needs a lab made by createLab', () => {
    const lab = createLab()
    const copy = { ...lab }
    expect(() => validateCommand(copy, { call: 'advance', args: [1] })).toThrow(TypeError)
  })
})
