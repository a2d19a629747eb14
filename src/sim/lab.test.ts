// The Lab API as a whole: default world, clients, metrics, history/log bounds, snapshots,
// replay and determinism (same seed + same calls ⇒ byte-identical world).

import { describe, expect, it } from 'vitest'
import {
  createLab,
  LAB_API_VERSION,
  replayLab,
  restoreLab,
  HISTORY_LIMIT,
  DECISIONS,
} from './index'
import type { Lab } from './index'

/** A scripted session touching most features. */
function script(lab: Lab): void {
  lab.modifyTargetGroupAttributes('web', {
    'stickiness.enabled': 'true',
    'stickiness.lb_cookie.duration_seconds': '20',
  })
  lab.addClient('alice')
  lab.addClient('bob', { userAgent: 'other' })
  for (let i = 0; i < 5; i++) {
    lab.request('alice', { path: '/cart/add' })
    lab.request('bob')
    lab.advance(7)
  }
  lab.createTargetGroup('green', { targets: 2 })
  lab.setForward({
    targetGroups: [
      { name: 'web', weight: 3 },
      { name: 'green', weight: 1 },
    ],
    stickiness: { enabled: true, durationSeconds: 60 },
  })
  lab.stopInstance('i-2')
  lab.openWebSocket('carol', { path: '/ws' })
  for (let i = 0; i < 10; i++) {
    lab.request('c' + (i % 4), { crossSite: i % 3 === 0, credentials: 'include' })
    lab.sendWebSocketMessage('carol')
    lab.advance(13)
  }
  lab.setCookie('alice', 'AWSALB', 'tampered')
  lab.request('alice')
  lab.deregisterTargets('web', ['i-3'])
  lab.configureApp({ sessionStore: 'external', latencySeconds: 0.2 })
  lab.advance(400)
  lab.request('bob', { durationSeconds: 3 })
}

describe('createLab', () => {
  it('exports an API version and the decision codes', () => {
    expect(LAB_API_VERSION).toBe(1)
    expect(DECISIONS).toContain('sticky-hit')
  })

  it('defaults: seed 1, time 0, no clients, HTTPS listener, cart app', () => {
    const lab = createLab()
    expect(lab.seed()).toBe(1)
    expect(lab.now()).toBe(0)
    expect(lab.clients()).toEqual([])
    expect(lab.app()).toEqual({
      sessionCookie: { name: 'SESSIONID' },
      sessionStore: 'memory',
      latencySeconds: 0.5,
    })
    expect(lab.sessions()).toEqual([])
    expect(lab.history()).toEqual([])
    expect(lab.instances().map((i) => i.id)).toEqual(['i-1', 'i-2', 'i-3'])
    expect(createLab({ seed: 9 }).seed()).toBe(9)
  })

  it('rejects a bad seed and bad advance()', () => {
    expect(() => createLab({ seed: Number.NaN })).toThrow(TypeError)
    const lab = createLab()
    expect(() => lab.advance(-1)).toThrow(RangeError)
    expect(() => lab.advance(Number.POSITIVE_INFINITY)).toThrow(RangeError)
    expect(lab.now()).toBe(0)
    expect(lab.log()).toEqual([])
  })

  it('advance accumulates without floating drift (1 ms resolution)', () => {
    const lab = createLab()
    for (let i = 0; i < 200; i++) lab.advance(0.1)
    expect(lab.now()).toBe(20)
  })
})

describe('clients', () => {
  it('addClient / setClientOptions / removeClient; request creates unknown clients with defaults', () => {
    const lab = createLab()
    lab.addClient('a', { cookiesEnabled: false, userAgent: 'other' })
    lab.request('b')
    expect(lab.clients()).toEqual([
      { id: 'a', kind: 'browser', cookiesEnabled: false, userAgent: 'other', nodeAz: 'us-east-1a', sourceIp: '198.51.100.10' },
      { id: 'b', kind: 'browser', cookiesEnabled: true, userAgent: 'chromium', nodeAz: 'us-east-1b', sourceIp: '198.51.100.11' },
    ])
    lab.setClientOptions('a', { userAgent: 'chromium' })
    lab.addClient('b', { cookiesEnabled: false })
    expect(lab.clients().map((c) => [c.userAgent, c.cookiesEnabled])).toEqual([
      ['chromium', false],
      ['chromium', false],
    ])
    lab.removeClient('a')
    expect(lab.clients().map((c) => c.id)).toEqual(['b'])
    expect(() => lab.addClient('x', { userAgent: 'safari' as never })).toThrow(TypeError)
  })

  it('client ids that collide with Object.prototype names are ordinary ids', () => {
    const lab = createLab()
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const r = lab.request(id)
      expect(r.clientId).toBe(id)
      expect(lab.cookies(id).map((c) => c.name)).toEqual(['SESSIONID'])
    }
    expect(lab.clients().map((c) => c.id)).toEqual([
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
    ])
    const copy = restoreLab(lab.snapshot())
    expect(copy.cookies('__proto__')).toEqual(lab.cookies('__proto__'))
    expect(JSON.stringify(copy.snapshot())).toBe(JSON.stringify(lab.snapshot()))
  })
})

describe('metrics', () => {
  it('uses CloudWatch names, counts per target and per group, and host counts', () => {
    const lab = createLab()
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    lab.request('a')
    lab.request('a')
    lab.request('b')
    lab.setHealthCheckFailing('i-3', true)
    lab.advance(60)
    expect(lab.metrics()).toEqual({
      RequestCount: 3,
      NonStickyRequestCount: 2,
      HTTPCode_ELB_5XX_Count: 0,
      HTTPCode_ELB_502_Count: 0,
      HTTPCode_ELB_503_Count: 0,
      HTTPCode_Target_2XX_Count: 3,
      TargetConnectionErrorCount: 0,
      SessionsLost: 0,
      HealthyHostCount: 2,
      UnHealthyHostCount: 1,
      'RequestCountPerTarget:i-1': 2,
      'RequestCountPerTarget:i-2': 1,
      'RequestCountPerTarget:i-3': 0,
      'RequestCountPerTargetGroup:web': 3,
      'HealthyHostCount:web': 2,
      'UnHealthyHostCount:web': 1,
      'RequestCountPerTarget:targetgroup/web': 1.5,
    })
  })

  it('NonStickyRequestCount is only counted when the chosen group has stickiness enabled', () => {
    const lab = createLab()
    for (let i = 0; i < 5; i++) lab.request('a')
    expect(lab.metrics().NonStickyRequestCount).toBe(0)
  })
})

describe('history, health events and the call log', () => {
  it('history records carry the request details with increasing ids and is bounded', () => {
    const lab = createLab()
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) lab.request('a', { path: '/p' + i })
    const h = lab.history()
    expect(h).toHaveLength(HISTORY_LIMIT)
    expect(h[0]!.id).toBe(21)
    expect(h.at(-1)).toMatchObject({
      id: HISTORY_LIMIT + 20,
      clientId: 'a',
      at: 0,
      completesAt: 0.5,
      path: `/p${HISTORY_LIMIT + 19}`,
      crossSite: false,
    })
    for (let i = 1; i < h.length; i++) expect(h[i]!.id).toBe(h[i - 1]!.id + 1)
  })

  it('logs every applied state-changing call with its virtual time, and nothing for reads or refusals', () => {
    const lab = createLab()
    lab.advance(2)
    lab.request('a')
    lab.request('a', { path: '/x', crossSite: true, credentials: 'include' })
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'bogus' }) // refused: changes nothing, not logged
    lab.targetGroups()
    lab.cookies('a')
    lab.metrics()
    expect(lab.log()).toEqual([
      { at: 0, call: 'advance', args: [2] },
      { at: 2, call: 'request', args: ['a'] },
      {
        at: 2,
        call: 'request',
        args: ['a', { path: '/x', crossSite: true, credentials: 'include' }],
      },
    ])
  })

  it('log arguments are copies: mutating the caller object later does not change the log', () => {
    const lab = createLab()
    const attrs = { 'stickiness.enabled': 'true' }
    lab.modifyTargetGroupAttributes('web', attrs)
    attrs['stickiness.enabled'] = 'false'
    expect(lab.log()[0]!.args[1]).toEqual({ 'stickiness.enabled': 'true' })
  })
})

describe('determinism, snapshots and replay', () => {
  it('same seed + same calls ⇒ byte-identical world', () => {
    const a = createLab({ seed: 5 })
    const b = createLab({ seed: 5 })
    script(a)
    script(b)
    expect(JSON.stringify(a.snapshot())).toBe(JSON.stringify(b.snapshot()))
  })

  it('a different seed gives different cookie values', () => {
    const a = createLab({ seed: 5 })
    const b = createLab({ seed: 6 })
    script(a)
    script(b)
    expect(JSON.stringify(a.snapshot())).not.toBe(JSON.stringify(b.snapshot()))
  })

  it('replayLab(seed, log) rebuilds an identical world', () => {
    const a = createLab({ seed: 3 })
    script(a)
    const b = replayLab(3, JSON.parse(JSON.stringify(a.log())))
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()))
  })

  it('replayLab refuses unknown calls', () => {
    expect(() => replayLab(1, [{ at: 0, call: 'snapshot', args: [] }])).toThrow(TypeError)
  })

  it('snapshot is a deep JSON copy; restoreLab continues identically', () => {
    const a = createLab({ seed: 4 })
    script(a)
    const snap = a.snapshot()
    const text = JSON.stringify(snap)
    const b = restoreLab(snap)
    expect(JSON.stringify(snap)).toBe(text)
    for (const lab of [a, b]) {
      lab.request('alice')
      lab.advance(31)
      lab.request('zed', { path: '/cart/add' })
    }
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()))
    expect(() => restoreLab({ format: 'nope' } as never)).toThrow(TypeError)
  })

  it('the world holds only JSON data', () => {
    const lab = createLab()
    script(lab)
    const snap = lab.snapshot()
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap)
  })
})

describe('xray and scheduling', () => {
  it('decodes simulated LB cookies; null for anything else', () => {
    const lab = createLab()
    lab.modifyTargetGroupAttributes('web', {
      'stickiness.enabled': 'true',
      'stickiness.lb_cookie.duration_seconds': '20',
    })
    lab.advance(5)
    const r = lab.request('a')
    const v = lab.cookies('a').find((c) => c.name === 'AWSALB')!.value
    expect(lab.xray(v)).toEqual({
      kind: 'lb_cookie',
      targetGroup: 'web',
      targetId: r.targetId,
      issuedAt: 5,
      durationSeconds: 20,
    })
    expect(lab.xray('nonsense')).toBeNull()
    expect(createLab({ seed: 2 }).xray(v)).toBeNull()
  })

  it('secondsToNextEvent finds checks, drains, request completions and cookie expiries', () => {
    const lab = createLab()
    lab.request('a', { durationSeconds: 2 })
    expect(lab.secondsToNextEvent()).toBe(2)
    lab.advance(2)
    lab.configureApp({ sessionCookie: { name: 'SESSIONID', maxAgeSeconds: 5 } })
    lab.request('a', { durationSeconds: 100 })
    expect(lab.secondsToNextEvent()).toBe(5.001)
    lab.advance(lab.secondsToNextEvent())
    expect(lab.cookies('a')).toEqual([])
    expect(lab.secondsToNextEvent()).toBe(30 - 7.001)
  })
})
