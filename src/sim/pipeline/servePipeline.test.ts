// The request pipeline (ADR 0015): one strategy per load balancer type, options defaulted in one place, and a
// count-only sink that routes exactly like the record sink (the load test's counts depend on it).

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLab } from '../index'
import type { Explainer } from '../model/facts'
import type { LoadBalancerType, World } from '../model/world'
import { getClientSlot } from '../rules/clients'
import { advanceWorld } from '../rules/timeline'
import { buildRuntime } from '../runtime'
import type { Exchange } from './exchange'
import { normalizeRequest } from './normalizeRequest'
import { RECORD_SINK } from './recordSink'
import type { RequestSink } from './requestSink'
import { serveRequest, strategyFor } from './servePipeline'

const TYPES: LoadBalancerType[] = ['application', 'network', 'gateway', 'classic']
const SILENT: Explainer = { request: () => '', webSocket: () => '' }

/**
 * `rollingApp`: the application's session cookie has a Max-Age (so its cookie expires, and the Classic Load
 * Balancer's application-controlled policy copies its attributes, which the count-only sink never writes as a line).
 */
function worldOf(type: LoadBalancerType, sticky: boolean, rollingApp = false): World {
  const lab = createLab({ seed: 9 })
  if (type !== 'application') lab.setLoadBalancerType(type)
  if (rollingApp) lab.configureApp({ sessionCookie: { name: 'SESSIONID', maxAgeSeconds: 300 } })
  const tg = lab.targetGroups()[0]
  if (sticky && tg !== undefined) {
    const stickiness: Record<LoadBalancerType, Record<string, string>> = {
      application: { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' },
      network: { 'stickiness.enabled': 'true', 'stickiness.type': 'source_ip' },
      gateway: { 'stickiness.enabled': 'true', 'stickiness.type': 'source_ip_dest_ip' },
      classic: {},
    }
    lab.modifyTargetGroupAttributes(tg.name, stickiness[type])
  }
  if (type === 'classic') {
    if (rollingApp)
      lab.createAppCookieStickinessPolicy({ policyName: 'p', cookieName: 'SESSIONID' })
    else lab.createLBCookieStickinessPolicy({ policyName: 'p', cookieExpirationPeriod: 60 })
    if (sticky) lab.setLoadBalancerPoliciesOfListener({ loadBalancerPort: 80, policyNames: ['p'] })
  }
  return JSON.parse(JSON.stringify(lab.snapshot())) as World
}

/** What both sinks must agree on: the outcome of every request. */
interface Outcome {
  status: number
  targetId: string | null
  sticky: boolean
  decision: string
}

const COUNTING: RequestSink<Outcome> = {
  keepsRecords: false,
  take: (_w, x: Exchange) => ({
    status: x.status,
    targetId: x.reg === null ? null : x.reg.id,
    sticky: x.sticky,
    decision: x.decision,
  }),
}

describe('the route strategy table', () => {
  it.each(TYPES)('has the strategy of a %s load balancer', (type) => {
    expect(strategyFor(worldOf(type, false)).type).toBe(type)
  })

  it('serves a world saved before load balancer types existed as an ALB', () => {
    const w = worldOf('application', false) as Partial<World>
    delete w.loadBalancerType
    expect(strategyFor(w as World).type).toBe('application')
  })
})

describe('normalizeRequest', () => {
  it('defaults an ALB request like a browser navigation', () => {
    const w = worldOf('application', false)
    expect(normalizeRequest(w, undefined, 'http')).toMatchObject({
      kind: 'http',
      protocol: w.listener.protocol,
      path: '/',
      crossSite: false,
      credentials: 'same-origin',
      durationMs: Math.round(w.app.latencySeconds * 1000),
      transport: 'TCP',
      newConnection: false,
    })
    expect(normalizeRequest(w, { durationSeconds: 1.5 }, 'websocket-upgrade')).toMatchObject({
      kind: 'websocket-upgrade',
      durationMs: 1500,
    })
  })

  it('talks plain HTTP to a Classic Load Balancer, whose listener is HTTP:80', () => {
    const w = worldOf('classic', false)
    w.listener.protocol = 'HTTPS'
    expect(normalizeRequest(w, undefined, 'http').protocol).toBe('HTTP')
  })

  it('gives GWLB traffic its destination, no browser site and no busy time', () => {
    const w = worldOf('gateway', false)
    expect(normalizeRequest(w, { crossSite: true, newConnection: true }, 'http')).toMatchObject({
      crossSite: false,
      durationMs: 0,
      transport: 'TCP',
      newConnection: true,
      destinationIp: '192.0.2.80',
      destinationPort: 443,
    })
    // ICMP has no ports, so no new connection either.
    expect(
      normalizeRequest(w, { protocol: 'ICMP', newConnection: true, destinationPort: 80 }, 'http'),
    ).toMatchObject({ transport: 'ICMP', newConnection: false, destinationPort: 0 })
  })

  it('defaults an NLB request to the listener’s transport', () => {
    const w = worldOf('network', false)
    expect(normalizeRequest(w, undefined, 'http').transport).toBe('TCP')
    w.listener.transport = 'UDP'
    expect(normalizeRequest(w, undefined, 'http').transport).toBe('UDP')
  })
})

describe('the count-only sink', () => {
  it('routes, stores cookies and counts exactly like the record sink, for every type', () => {
    const step = fc.record({
      client: fc.constantFrom('a', 'b', 'c', 'd'),
      path: fc.constantFrom('/', '/cart/add'),
      advanceMs: fc.constantFrom(0, 0, 100, 5_000, 400_000),
    })
    fc.assert(
      fc.property(
        fc.constantFrom(...TYPES),
        fc.boolean(),
        fc.boolean(),
        fc.array(step, { minLength: 1, maxLength: 40 }),
        (type, sticky, rollingApp, steps) => {
          const base = worldOf(type, sticky, rollingApp)
          const recorded = JSON.parse(JSON.stringify(base)) as World
          const counted = JSON.parse(JSON.stringify(base)) as World
          const rtR = buildRuntime(recorded, SILENT)
          const rtC = buildRuntime(counted, SILENT)
          for (const s of steps) {
            const r = serveRequest(
              recorded,
              rtR,
              getClientSlot(recorded, rtR, s.client),
              normalizeRequest(recorded, { path: s.path }, 'http'),
              RECORD_SINK,
            )
            const c = serveRequest(
              counted,
              rtC,
              getClientSlot(counted, rtC, s.client),
              normalizeRequest(counted, { path: s.path }, 'http'),
              COUNTING,
            )
            expect(c).toEqual({
              status: r.status,
              targetId: r.targetId,
              sticky: r.sticky,
              decision: r.decision,
            })
            advanceWorld(recorded, recorded.nowMs + s.advanceMs)
            advanceWorld(counted, counted.nowMs + s.advanceMs)
          }
          // Everything but the history is the same world.
          const strip = (w: World): string => JSON.stringify({ ...w, history: null })
          expect(strip(counted)).toBe(strip(recorded))
          // The count-only sink keeps no records; the record sink kept one per request.
          expect(counted.history.items).toHaveLength(base.history.items.length)
          expect(recorded.history.items).toHaveLength(base.history.items.length + steps.length)
        },
      ),
      { numRuns: 60 },
    )
  })
})
