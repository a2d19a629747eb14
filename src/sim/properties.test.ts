// Property tests over random sequences of Lab calls: routing never uses deregistered targets,
// stickiness holds while its target is healthy, jars never hold expired cookies, rejected
// configurations change nothing, and the whole world is deterministic and replayable.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLab, replayLab, restoreLab } from './index'
import type { Lab } from './index'

const CLIENTS = ['a', 'b', 'c', 'd']
const TARGETS = ['i-1', 'i-2', 'i-3', 'i-4', 'i-5']

const attributeValue = fc.oneof(
  fc.constantFrom(
    'true',
    'false',
    'lb_cookie',
    'app_cookie',
    'source_ip',
    'round_robin',
    'least_outstanding_requests',
    'weighted_random',
    'off',
    'on',
    'SESSIONID',
    'AWSALBX',
    '',
  ),
  fc.integer({ min: -5, max: 700000 }).map(String),
)
const attributeKey = fc.constantFrom(
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
  'bogus.key',
)

type Op =
  | {
      op: 'request'
      client: string
      path: string
      crossSite: boolean
      credentials: 'include' | 'same-origin' | 'omit'
    }
  | { op: 'advance'; seconds: number }
  | { op: 'attrs'; tg: string; attrs: Record<string, string> }
  | { op: 'failing'; id: string; failing: boolean }
  | { op: 'stop' | 'start'; id: string }
  | { op: 'deregister' | 'register'; tg: string; id: string }
  | { op: 'tamper'; client: string; name: string }
  | { op: 'delete'; client: string; name: string }
  | { op: 'clear'; client: string }
  | { op: 'forward'; web: number; green: number; sticky: boolean }
  | { op: 'store'; store: 'memory' | 'external' }
  | { op: 'protocol'; protocol: 'HTTP' | 'HTTPS' }
  | { op: 'maxAge'; maxAge: number | null }
  | { op: 'ws'; client: string; action: 'open' | 'send' | 'close' }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      op: fc.constant('request' as const),
      client: fc.constantFrom(...CLIENTS),
      path: fc.constantFrom('/', '/cart/add', '/x'),
      crossSite: fc.boolean(),
      credentials: fc.constantFrom('include' as const, 'same-origin' as const, 'omit' as const),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('advance' as const),
      seconds: fc.oneof(
        fc.integer({ min: 0, max: 120 }),
        fc.double({ min: 0, max: 5, noNaN: true }),
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('attrs' as const),
      tg: fc.constantFrom('web', 'green'),
      attrs: fc.dictionary(attributeKey, attributeValue, { maxKeys: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('failing' as const),
      id: fc.constantFrom(...TARGETS),
      failing: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constantFrom('stop' as const, 'start' as const),
      id: fc.constantFrom(...TARGETS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constantFrom('deregister' as const, 'register' as const),
      tg: fc.constantFrom('web', 'green'),
      id: fc.constantFrom(...TARGETS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constantFrom('tamper' as const, 'delete' as const),
      client: fc.constantFrom(...CLIENTS),
      name: fc.constantFrom('AWSALB', 'AWSALBCORS', 'AWSALBAPP-0', 'AWSALBTG', 'SESSIONID'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('clear' as const),
      client: fc.constantFrom(...CLIENTS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('forward' as const),
      web: fc.integer({ min: 0, max: 3 }),
      green: fc.integer({ min: 0, max: 3 }),
      sticky: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('store' as const),
      store: fc.constantFrom('memory' as const, 'external' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('protocol' as const),
      protocol: fc.constantFrom('HTTP' as const, 'HTTPS' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('maxAge' as const),
      maxAge: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('ws' as const),
      client: fc.constantFrom(...CLIENTS),
      action: fc.constantFrom('open' as const, 'send' as const, 'close' as const),
    }),
  },
)

function freshLab(seed: number): Lab {
  const lab = createLab({ seed })
  lab.createTargetGroup('green', { targets: 2 }) // i-4, i-5
  return lab
}

/** Applies one op; returns the request result when the op routed a request. */
function apply(lab: Lab, o: Op) {
  switch (o.op) {
    case 'request':
      return lab.request(o.client, {
        path: o.path,
        crossSite: o.crossSite,
        credentials: o.credentials,
      })
    case 'advance':
      lab.advance(o.seconds)
      return null
    case 'attrs': {
      const before = lab.targetGroups().find((g) => g.name === o.tg)!.attributes
      const r = lab.modifyTargetGroupAttributes(o.tg, o.attrs)
      const after = lab.targetGroups().find((g) => g.name === o.tg)!.attributes
      // A rejected configuration leaves every attribute unchanged.
      if (!r.ok) expect(after).toEqual(before)
      else for (const k of Object.keys(o.attrs)) expect(after[k]).toBeDefined()
      return null
    }
    case 'failing':
      lab.setHealthCheckFailing(o.id, o.failing)
      return null
    case 'stop':
      lab.stopInstance(o.id)
      return null
    case 'start':
      lab.startInstance(o.id)
      return null
    case 'deregister':
      lab.deregisterTargets(o.tg, [o.id])
      return null
    case 'register':
      lab.registerTargets(o.tg, [o.id])
      return null
    case 'tamper':
      lab.setCookie(o.client, o.name, 'tampered==')
      return null
    case 'delete':
      lab.deleteCookie(o.client, o.name)
      return null
    case 'clear':
      lab.clearCookies(o.client)
      return null
    case 'forward': {
      const before = lab.listener()
      const groups = [{ name: 'web', weight: o.web }]
      if (o.green > 0) groups.push({ name: 'green', weight: o.green })
      const r = lab.setForward({
        targetGroups: groups,
        ...(o.sticky ? { stickiness: { enabled: true, durationSeconds: 120 } } : {}),
      })
      if (!r.ok) expect(lab.listener()).toEqual(before)
      return null
    }
    case 'store':
      lab.configureApp({ sessionStore: o.store })
      return null
    case 'protocol':
      lab.setListenerProtocol(o.protocol)
      return null
    case 'maxAge':
      lab.configureApp({
        sessionCookie:
          o.maxAge === null
            ? { name: 'SESSIONID' }
            : { name: 'SESSIONID', maxAgeSeconds: o.maxAge },
      })
      return null
    case 'ws':
      if (o.action === 'open') return lab.openWebSocket(o.client)
      if (o.action === 'send') lab.sendWebSocketMessage(o.client)
      else lab.closeWebSocket(o.client)
      return null
  }
}

function checkInvariants(lab: Lab, result: ReturnType<typeof apply>): void {
  const now = lab.now()
  // The jar never holds an expired cookie.
  for (const c of lab.clients()) {
    for (const k of lab.cookies(c.id))
      if (k.expiresAt !== null) expect(k.expiresAt).toBeGreaterThanOrEqual(now)
  }
  if (result === null || result.targetId === null || result.targetGroup === null) return
  const target = lab
    .targetGroups()
    .find((g) => g.name === result.targetGroup)!
    .targets.find((t) => t.id === result.targetId)!
  // Never routed to a deregistered (draining/removed) target.
  expect(target.health.state).not.toBe('draining')
  expect(target.health.reason).not.toBe('Target.NotRegistered')
  // Outside fail-open, only healthy targets receive traffic.
  if (!result.failOpen) expect(target.health.state).toBe('healthy')
}

describe('properties over random call sequences', () => {
  it('routing, jar and configuration invariants hold after every call', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(opArb, { minLength: 1, maxLength: 60 }),
        (seed, ops) => {
          const lab = freshLab(seed)
          for (const o of ops) checkInvariants(lab, apply(lab, o))
        },
      ),
      { numRuns: 150 },
    )
  })

  it('determinism: same seed + same calls ⇒ identical JSON; replayLab(log) ⇒ identical world', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(opArb, { maxLength: 50 }),
        (seed, ops) => {
          const a = freshLab(seed)
          const b = freshLab(seed)
          for (const o of ops) {
            apply(a, o)
            apply(b, o)
          }
          const json = JSON.stringify(a.snapshot())
          expect(JSON.stringify(b.snapshot())).toBe(json)
          expect(JSON.stringify(replayLab(seed, a.log()).snapshot())).toBe(json)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('the derived runtime caches never change a result: a restored copy answers identically', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(opArb, { maxLength: 40 }),
        (seed, ops) => {
          const lab = freshLab(seed)
          for (const o of ops) {
            const copy = restoreLab(lab.snapshot()) // fresh caches, same world
            const a = apply(lab, o)
            const b = apply(copy, o)
            expect(JSON.stringify(b)).toBe(JSON.stringify(a))
            expect(JSON.stringify(copy.snapshot())).toBe(JSON.stringify(lab.snapshot()))
          }
        },
      ),
      { numRuns: 40 },
    )
  })

  it('with valid stickiness and a healthy bound target, the target never changes', () => {
    type Step =
      | { op: 'advance'; s: number }
      | { op: 'self' }
      | { op: 'other'; c: string }
      | { op: 'fail' | 'heal' | 'stop' | 'start'; k: number }
    const stepArb: fc.Arbitrary<Step> = fc.oneof(
      fc.record({
        op: fc.constant('advance' as const),
        s: fc.integer({ min: 0, max: 20_000 }).map((ms) => ms / 1000),
      }),
      fc.record({ op: fc.constant('self' as const) }),
      fc.record({ op: fc.constant('other' as const), c: fc.constantFrom('x', 'y', 'z') }),
      fc.record({
        op: fc.constantFrom('fail' as const, 'heal' as const, 'stop' as const, 'start' as const),
        k: fc.integer({ min: 0, max: 1 }),
      }),
    )
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.constantFrom('lb_cookie', 'app_cookie'),
        fc.array(stepArb, { maxLength: 60 }),
        (seed, type, steps) => {
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
          for (const st of steps) {
            if (st.op === 'advance') {
              // Keep the idle gap within the 20 s window: a request follows when it would exceed it.
              if (idle + st.s > 20) {
                expect(lab.request('me')).toMatchObject({ targetId: bound, sticky: true })
                idle = 0
              }
              lab.advance(st.s)
              idle += st.s
            } else if (st.op === 'self') {
              expect(lab.request('me')).toMatchObject({ targetId: bound, decision: 'sticky-hit' })
              idle = 0
            } else if (st.op === 'other') lab.request(st.c)
            else if (st.op === 'fail') lab.setHealthCheckFailing(others[st.k]!, true)
            else if (st.op === 'heal') lab.setHealthCheckFailing(others[st.k]!, false)
            else if (st.op === 'stop') lab.stopInstance(others[st.k]!)
            else lab.startInstance(others[st.k]!)
          }
        },
      ),
      { numRuns: 120 },
    )
  })
})

// The same guarantees for the Network, Gateway and Classic load balancers: random call sequences
// (requests with new connections and protocols, NAT changes, health and registration changes,
// stickiness settings, policies, cross-zone, type switches) stay deterministic, replayable and
// cache-independent, and a NEW pick never goes to a deregistered or (outside fail-open) unhealthy target.

type TypedOp =
  | {
      op: 'request'
      client: string
      newConnection: boolean
      protocol: 'TCP' | 'UDP' | 'ICMP'
      dest: number
    }
  | { op: 'advance'; seconds: number }
  | { op: 'attrs'; attrs: Record<string, string> }
  | { op: 'failing'; id: string; failing: boolean }
  | { op: 'stop' | 'start'; id: string }
  | { op: 'deregister' | 'register'; id: string }
  | { op: 'ip'; client: string; ip: string }
  | { op: 'close'; client: string }
  | { op: 'crossZone'; on: boolean }
  | { op: 'policy'; kind: 'lb' | 'app' | 'none'; name: string; period: number }
  | { op: 'tamper'; client: string }
  | { op: 'switch'; type: 'application' | 'network' | 'gateway' | 'classic' }

const typedOpArb: fc.Arbitrary<TypedOp> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      op: fc.constant('request' as const),
      client: fc.constantFrom(...CLIENTS),
      newConnection: fc.boolean(),
      protocol: fc.constantFrom('TCP' as const, 'UDP' as const, 'ICMP' as const),
      dest: fc.integer({ min: 0, max: 2 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('advance' as const),
      seconds: fc.oneof(
        fc.integer({ min: 0, max: 400 }),
        fc.double({ min: 0, max: 5, noNaN: true }),
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('attrs' as const),
      attrs: fc.dictionary(
        fc.constantFrom(
          'stickiness.enabled',
          'stickiness.type',
          'target_failover.on_unhealthy',
          'target_failover.on_deregistration',
          'deregistration_delay.timeout_seconds',
          'load_balancing.cross_zone.enabled',
          'target_health_state.unhealthy.connection_termination.enabled',
        ),
        fc.constantFrom(
          'true',
          'false',
          'source_ip',
          'lb_cookie',
          'source_ip_dest_ip',
          'source_ip_dest_ip_proto',
          'rebalance',
          'no_rebalance',
          'use_load_balancer_configuration',
          '0',
          '30',
        ),
        { maxKeys: 3 },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('failing' as const),
      id: fc.constantFrom(...TARGETS),
      failing: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constantFrom('stop' as const, 'start' as const),
      id: fc.constantFrom(...TARGETS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constantFrom('deregister' as const, 'register' as const),
      id: fc.constantFrom(...TARGETS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('ip' as const),
      client: fc.constantFrom(...CLIENTS),
      ip: fc.constantFrom('203.0.113.5', '203.0.113.6', '198.51.100.77'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('close' as const),
      client: fc.constantFrom(...CLIENTS),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('crossZone' as const), on: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('policy' as const),
      kind: fc.constantFrom('lb' as const, 'app' as const, 'none' as const),
      name: fc.constantFrom('p1', 'p2', 'bad_name'),
      period: fc.integer({ min: 0, max: 90 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('tamper' as const),
      client: fc.constantFrom(...CLIENTS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('switch' as const),
      type: fc.constantFrom(
        'application' as const,
        'network' as const,
        'gateway' as const,
        'classic' as const,
      ),
    }),
  },
)

const DESTINATIONS = ['192.0.2.80', '192.0.2.81', '192.0.2.90']

function applyTyped(lab: Lab, o: TypedOp) {
  const type = lab.loadBalancerType()
  const tg = lab.targetGroups()[0]?.name ?? ''
  switch (o.op) {
    case 'request':
      if (type === 'gateway')
        return lab.request(o.client, {
          newConnection: o.newConnection,
          protocol: o.protocol,
          destinationIp: DESTINATIONS[o.dest]!,
        })
      return lab.request(
        o.client,
        type === 'network' ? { newConnection: o.newConnection } : { path: '/cart/add' },
      )
    case 'advance':
      lab.advance(o.seconds)
      return null
    case 'attrs': {
      if (tg === '') return null
      const before = lab.targetGroups()[0]!.attributes
      const r = lab.modifyTargetGroupAttributes(tg, o.attrs)
      if (!r.ok) expect(lab.targetGroups()[0]!.attributes).toEqual(before)
      return null
    }
    case 'failing':
      lab.setHealthCheckFailing(o.id, o.failing)
      return null
    case 'stop':
      lab.stopInstance(o.id)
      return null
    case 'start':
      lab.startInstance(o.id)
      return null
    case 'deregister':
      if (type === 'classic') lab.deregisterInstancesFromLoadBalancer([o.id])
      else lab.deregisterTargets(tg, [o.id])
      return null
    case 'register':
      if (type === 'classic') lab.registerInstancesWithLoadBalancer([o.id])
      else lab.registerTargets(tg, [o.id])
      return null
    case 'ip':
      lab.setClientOptions(o.client, { sourceIp: o.ip })
      return null
    case 'close':
      lab.closeConnection(o.client)
      return null
    case 'crossZone':
      lab.modifyLoadBalancerAttributes({ 'load_balancing.cross_zone.enabled': String(o.on) })
      return null
    case 'policy': {
      const r =
        o.kind === 'lb'
          ? lab.createLBCookieStickinessPolicy({
              policyName: o.name,
              cookieExpirationPeriod: o.period,
            })
          : o.kind === 'app'
            ? lab.createAppCookieStickinessPolicy({ policyName: o.name, cookieName: 'SESSIONID' })
            : lab.setLoadBalancerPoliciesOfListener({ loadBalancerPort: 80, policyNames: [] })
      if (r.ok && o.kind !== 'none')
        lab.setLoadBalancerPoliciesOfListener({ loadBalancerPort: 80, policyNames: [o.name] })
      return null
    }
    case 'tamper':
      lab.setCookie(o.client, 'AWSELB', 'tampered==')
      return null
    case 'switch':
      lab.setLoadBalancerType(o.type)
      return null
  }
}

/** Decisions that follow an established flow rather than making a new pick. */
const FOLLOWS_FLOW = new Set(['existing-flow', 'flow-stickiness-hit', 'flow-target-unreachable'])

function checkTypedInvariants(lab: Lab, r: ReturnType<typeof applyTyped>): void {
  if (r === null || r.targetId === null) return
  const type = lab.loadBalancerType()
  const state =
    type === 'classic'
      ? lab.describeInstanceHealth().find((h) => h.InstanceId === r.targetId)?.State
      : lab.targetGroups()[0]!.targets.find((t) => t.id === r.targetId)!.health.state
  if (type === 'classic') {
    // A CLB only routes to InService instances (a 502 comes from an InService instance that stopped).
    expect(state).toBe('InService')
    return
  }
  if (type === 'application') return
  if (FOLLOWS_FLOW.has(r.decision)) return
  expect(state).not.toBe('draining')
  expect(state).not.toBe('unused')
  if (!r.failOpen) expect(state).toBe('healthy')
}

describe('properties over random call sequences for NLB, GWLB and CLB', () => {
  const startType = fc.constantFrom('network' as const, 'gateway' as const, 'classic' as const)

  it('new picks avoid deregistered and (outside fail-open) unhealthy targets; rejected settings change nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        startType,
        fc.array(typedOpArb, { minLength: 1, maxLength: 60 }),
        (seed, type, ops) => {
          const lab = createLab({ seed, loadBalancerType: type })
          for (const o of ops) checkTypedInvariants(lab, applyTyped(lab, o))
        },
      ),
      { numRuns: 120 },
    )
  })

  it('determinism and replay: same seed + calls ⇒ identical JSON; replayLab(log) ⇒ identical world', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        startType,
        fc.array(typedOpArb, { maxLength: 50 }),
        (seed, type, ops) => {
          const a = createLab({ seed, loadBalancerType: type })
          const b = createLab({ seed, loadBalancerType: type })
          for (const o of ops) {
            applyTyped(a, o)
            applyTyped(b, o)
          }
          const json = JSON.stringify(a.snapshot())
          expect(JSON.stringify(b.snapshot())).toBe(json)
          expect(JSON.stringify(replayLab(seed, a.log()).snapshot())).toBe(json)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('a restored copy answers identically (no hidden state outside the world)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        startType,
        fc.array(typedOpArb, { maxLength: 30 }),
        (seed, type, ops) => {
          const lab = createLab({ seed, loadBalancerType: type })
          for (const o of ops) {
            const copy = restoreLab(lab.snapshot())
            expect(JSON.stringify(applyTyped(copy, o))).toBe(JSON.stringify(applyTyped(lab, o)))
            expect(JSON.stringify(copy.snapshot())).toBe(JSON.stringify(lab.snapshot()))
          }
        },
      ),
      { numRuns: 30 },
    )
  })
})
