// Property tests over LONG random sequences of Lab calls (500 calls per run by default, 2,000 with
// STICKYLAB_LONG=1 as `npm run test:long` sets). After every call: no routing to a deregistered target, and only
// to healthy ones outside fail-open; a sticky hit goes where its cookie says; the jar never holds an expired
// cookie; a refused configuration changes nothing, not even the log. At the end: same seed + same calls ⇒ the same
// world, byte for byte, and replaying the log rebuilds it.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLab, replayLab, type Lab, type Result } from './index'

const LONG = process.env.STICKYLAB_LONG === '1'
const CALLS = LONG ? 2_000 : 500
const RUNS = LONG ? 20 : 3

const CLIENTS = ['a', 'b', 'c']
const TARGETS = ['i-1', 'i-2', 'i-3', 'i-4', 'i-5', 'i-6']
const GROUPS = ['web', 'green', 'nope']
const COOKIES = ['AWSALB', 'AWSALBCORS', 'AWSALBAPP-0', 'AWSALBTG', 'SESSIONID', 'x']

type Call = (lab: Lab) => unknown

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs)

const attributes = fc.dictionary(
  pick([
    'stickiness.enabled',
    'stickiness.type',
    'stickiness.lb_cookie.duration_seconds',
    'stickiness.app_cookie.cookie_name',
    'stickiness.app_cookie.duration_seconds',
    'load_balancing.algorithm.type',
    'slow_start.duration_seconds',
    'deregistration_delay.timeout_seconds',
    'load_balancing.cross_zone.enabled',
    'target_group_health.unhealthy_state_routing.minimum_healthy_targets.count',
    'not a key!',
  ]),
  fc.oneof(
    pick([
      'true',
      'false',
      'lb_cookie',
      'app_cookie',
      'source_ip',
      'round_robin',
      'least_outstanding_requests',
      'weighted_random',
      'SESSIONID',
      'AWSALBZ',
      '',
      'off',
    ]),
    fc.integer({ min: -3, max: 700_000 }).map(String),
  ),
  { maxKeys: 3 },
)

/** A labelled call: `config` marks calls whose refusal must change nothing. */
interface Op {
  label: string
  call: Call
  config?: boolean
}

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc
      .tuple(
        pick(CLIENTS),
        pick(['/', '/cart/add']),
        fc.boolean(),
        pick(['include', 'same-origin', 'omit'] as const),
      )
      .map(([c, path, crossSite, credentials]) => ({
        label: `request ${c}`,
        call: (lab: Lab) => lab.request(c, { path, crossSite, credentials }),
      })),
  },
  {
    weight: 5,
    arbitrary: fc
      .oneof(fc.integer({ min: 0, max: 90 }), fc.double({ min: 0, max: 3, noNaN: true }))
      .map((s) => ({ label: `advance ${s}`, call: (lab: Lab) => lab.advance(s) })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(pick(GROUPS), attributes)
      .map(([g, a]) => ({
        label: `attrs ${g} ${JSON.stringify(a)}`,
        config: true,
        call: (lab: Lab) => lab.modifyTargetGroupAttributes(g, a),
      })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        pick(GROUPS),
        fc.record(
          {
            HealthCheckIntervalSeconds: fc.integer({ min: 1, max: 400 }),
            HealthyThresholdCount: fc.integer({ min: 0, max: 12 }),
          },
          { requiredKeys: [] },
        ),
      )
      .map(([g, s]) => ({
        label: `health ${g} ${JSON.stringify(s)}`,
        config: true,
        call: (lab: Lab) => lab.modifyHealthCheck(g, s),
      })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 3 }), fc.boolean())
      .map(([web, green, sticky]) => ({
        label: `forward ${web}/${green}/${sticky}`,
        config: true,
        call: (lab: Lab) =>
          lab.setForward({
            targetGroups:
              green > 0
                ? [
                    { name: 'web', weight: web },
                    { name: 'green', weight: green },
                  ]
                : [{ name: 'web', weight: web }],
            ...(sticky ? { stickiness: { enabled: true, durationSeconds: 60 } } : {}),
          }),
      })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(pick(['stopInstance', 'startInstance'] as const), pick(TARGETS))
      .map(([m, id]) => ({ label: `${m} ${id}`, call: (lab: Lab) => lab[m](id) })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(pick(TARGETS), fc.boolean())
      .map(([id, f]) => ({
        label: `failing ${id} ${f}`,
        call: (lab: Lab) => lab.setHealthCheckFailing(id, f),
      })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(pick(['registerTargets', 'deregisterTargets'] as const), pick(GROUPS), pick(TARGETS))
      .map(([m, g, id]) => ({
        label: `${m} ${g} ${id}`,
        config: true,
        call: (lab: Lab) => lab[m](g, [id]),
      })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(pick(CLIENTS), pick(COOKIES), fc.string({ maxLength: 12 }))
      .map(([c, n, v]) => ({
        label: `setCookie ${c} ${n}`,
        call: (lab: Lab) => lab.setCookie(c, n, v),
      })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(pick(CLIENTS), pick(COOKIES))
      .map(([c, n]) => ({
        label: `deleteCookie ${c} ${n}`,
        call: (lab: Lab) => lab.deleteCookie(c, n),
      })),
  },
  {
    weight: 1,
    arbitrary: pick(CLIENTS).map((c) => ({
      label: `clearCookies ${c}`,
      call: (lab: Lab) => lab.clearCookies(c),
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(pick(CLIENTS), fc.boolean(), pick(['chromium', 'other'] as const))
      .map(([c, cookiesEnabled, userAgent]) => ({
        label: `client ${c}`,
        call: (lab: Lab) => lab.setClientOptions(c, { cookiesEnabled, userAgent }),
      })),
  },
  {
    weight: 1,
    arbitrary: pick(['HTTP', 'HTTPS'] as const).map((p) => ({
      label: `listener ${p}`,
      call: (lab: Lab) => lab.setListenerProtocol(p),
    })),
  },
  {
    weight: 1,
    arbitrary: pick(['memory', 'external'] as const).map((s) => ({
      label: `store ${s}`,
      call: (lab: Lab) => lab.configureApp({ sessionStore: s }),
    })),
  },
  {
    weight: 1,
    arbitrary: fc.constant({
      label: 'launch',
      call: (lab: Lab) => (lab.instances().length < TARGETS.length ? lab.launchInstance() : null),
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        pick(CLIENTS),
        pick(['openWebSocket', 'sendWebSocketMessage', 'closeWebSocket'] as const),
      )
      .map(([c, m]) => ({ label: `${m} ${c}`, call: (lab: Lab) => lab[m](c) })),
  },
)

function freshLab(seed: number): Lab {
  const lab = createLab({ seed })
  lab.createTargetGroup('green', { targets: 2 })
  return lab
}

/** The whole world, log included: a refused call changes nothing and is not recorded (issue 16). */
function worldText(lab: Lab): string {
  return JSON.stringify(lab.snapshot())
}

function isRefused(value: unknown): value is Extract<Result, { ok: false }> {
  return typeof value === 'object' && value !== null && (value as Result).ok === false
}

function runAndCheck(seed: number, ops: readonly Op[]): Lab {
  const lab = freshLab(seed)
  for (const [i, o] of ops.entries()) {
    const where = `call ${i + 1} (${o.label})`
    const before = o.config ? worldText(lab) : null
    // Which target the stickiness cookie the client is about to send names (if it can be read).
    const client = o.label.startsWith('request ') ? o.label.slice(8) : null
    const bound = client === null ? null : lab.cookies(client).find((c) => c.name === 'AWSALB')
    const boundTo = bound === undefined || bound === null ? null : lab.xray(bound.value)
    const out = o.call(lab) as unknown
    if (before !== null && isRefused(out)) expect(worldText(lab), where).toBe(before)
    const now = lab.now()
    for (const c of lab.clients())
      for (const k of lab.cookies(c.id))
        if (k.expiresAt !== null) expect(k.expiresAt, where).toBeGreaterThanOrEqual(now)
    if (client === null) continue
    const r = out as ReturnType<Lab['request']>
    if (r.targetId === null || r.targetGroup === null) continue
    const target = lab
      .targetGroups()
      .find((g) => g.name === r.targetGroup)!
      .targets.find((t) => t.id === r.targetId)!
    expect(target.health.state, where).not.toBe('draining')
    expect(target.health.reason, where).not.toBe('Target.NotRegistered')
    if (!r.failOpen) expect(target.health.state, where).toBe('healthy')
    // A binding that was honoured sends the request exactly where the cookie says.
    if (
      r.decision === 'sticky-hit' &&
      boundTo !== null &&
      boundTo.kind === 'lb_cookie' &&
      boundTo.targetGroup === r.targetGroup
    )
      expect(r.targetId, where).toBe(boundTo.targetId)
  }
  return lab
}

describe(`long random call sequences (${RUNS} runs × ${CALLS.toLocaleString('en-US')} calls)`, () => {
  it(
    'the invariants hold after every call, and the world is deterministic and replayable',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 10_000 }),
          fc.array(op, { minLength: CALLS, maxLength: CALLS }),
          (seed, ops) => {
            const lab = runAndCheck(seed, ops)
            const twin = freshLab(seed)
            for (const o of ops) o.call(twin)
            const json = JSON.stringify(lab.snapshot())
            expect(JSON.stringify(twin.snapshot())).toBe(json)
            expect(JSON.stringify(replayLab(seed, lab.log()).snapshot())).toBe(json)
          },
        ),
        { numRuns: RUNS },
      )
    },
    LONG ? 600_000 : 30_000,
  )

  it(
    'a valid binding never moves while its target stays healthy and registered, over a long session',
    () => {
      const steps = fc.array(
        fc.oneof(
          fc
            .integer({ min: 0, max: 15_000 })
            .map((ms) => ({ op: 'advance' as const, s: ms / 1000 })),
          fc.constant({ op: 'self' as const }),
          pick(['x', 'y']).map((c) => ({ op: 'other' as const, c })),
          fc
            .tuple(
              pick(['fail', 'heal', 'stop', 'start', 'deregister', 'register'] as const),
              fc.integer({ min: 0, max: 1 }),
            )
            .map(([o, k]) => ({ op: o, k })),
        ),
        { minLength: CALLS, maxLength: CALLS },
      )
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 10_000 }),
          pick(['lb_cookie', 'app_cookie']),
          steps,
          (seed, type, session) => {
            const lab = createLab({ seed })
            lab.modifyTargetGroupAttributes('web', {
              'stickiness.enabled': 'true',
              'stickiness.type': type,
              'stickiness.app_cookie.cookie_name': 'SESSIONID',
              'stickiness.lb_cookie.duration_seconds': '20',
              'stickiness.app_cookie.duration_seconds': '20',
            })
            const bound = lab.request('me').targetId!
            const others = ['i-1', 'i-2', 'i-3'].filter((t) => t !== bound)
            let idle = 0
            for (const [i, st] of session.entries()) {
              const where = `step ${i + 1} (${JSON.stringify(st)})`
              if (st.op === 'advance') {
                if (idle + st.s > 20) {
                  expect(lab.request('me'), where).toMatchObject({ targetId: bound, sticky: true })
                  idle = 0
                }
                lab.advance(st.s)
                idle += st.s
              } else if (st.op === 'self') {
                expect(lab.request('me'), where).toMatchObject({
                  targetId: bound,
                  decision: 'sticky-hit',
                })
                idle = 0
              } else if (st.op === 'other') lab.request(st.c)
              else if (st.op === 'fail') lab.setHealthCheckFailing(others[st.k]!, true)
              else if (st.op === 'heal') lab.setHealthCheckFailing(others[st.k]!, false)
              else if (st.op === 'stop') lab.stopInstance(others[st.k]!)
              else if (st.op === 'start') lab.startInstance(others[st.k]!)
              else if (st.op === 'deregister') lab.deregisterTargets('web', [others[st.k]!])
              else lab.registerTargets('web', [others[st.k]!])
            }
          },
        ),
        { numRuns: RUNS },
      )
    },
    LONG ? 600_000 : 30_000,
  )
})
