// Socket.IO through the ALB (issue 19, item 3): the Engine.IO handshake and its polling requests need the process
// that holds the sid; without stickiness a poll lands elsewhere and gets 400 Session ID unknown. Once a target
// answers 101 the WebSocket stays on it, so transports: ['websocket'] needs no stickiness.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLab, replayLab } from '../index'
import type { Lab, RequestRecord } from '../model/api'
import { SESSION_ID_UNKNOWN } from '../model/socketIo'

const eio = (r: RequestRecord) => (r.facts?.family === 'alb' ? r.facts.engineIo : undefined)

function lab(sticky: boolean, seed = 1): Lab {
  const l = createLab({ seed })
  l.addClient('alice')
  if (sticky) l.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
  return l
}

describe('connectSocketIo', () => {
  it('without stickiness the first poll reaches another target and is answered 400 Session ID unknown', () => {
    const l = lab(false)
    const rs = l.connectSocketIo('alice')
    expect(rs.map((r) => [r.path, r.status, r.targetId])).toEqual([
      ['/socket.io/?EIO=4&transport=polling', 200, 'i-1'],
      [`/socket.io/?EIO=4&transport=polling&sid=eio-${rs[0]!.id}`, 400, 'i-2'],
    ])
    expect(eio(rs[1]!)).toMatchObject({
      step: 'poll',
      server: 'i-1',
      servedBy: 'i-2',
      known: false,
      poll: 1,
    })
    expect(rs[1]!.explanation).toContain(`HTTP 400 ${SESSION_ID_UNKNOWN}`)
    expect(l.webSockets()).toEqual([])
    // The 400 comes from the target's application, not a 2XX.
    expect(l.metrics()).toMatchObject({ RequestCount: 2, HTTPCode_Target_2XX_Count: 1 })
    expect(l.history().at(-1)!.status).toBe(400)
  })

  it('with stickiness every poll and the upgrade reach the process that made the session; the WebSocket stays there', () => {
    const l = lab(true)
    const rs = l.connectSocketIo('alice', { polls: 3 })
    expect(rs.map((r) => r.status)).toEqual([200, 200, 200, 200, 101])
    expect(new Set(rs.map((r) => r.targetId))).toEqual(new Set(['i-1']))
    expect(rs.map((r) => eio(r)!.step)).toEqual(['handshake', 'poll', 'poll', 'poll', 'upgrade'])
    expect(rs.at(-1)!.explanation).toContain(
      '101 Switching Protocols: the connection stays on i-1 for its lifetime',
    )
    expect(l.webSockets()).toMatchObject([{ clientId: 'alice', targetId: 'i-1' }])
    // Messages then ignore cookies, even with stickiness switched off.
    l.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'false' })
    expect(l.sendWebSocketMessage('alice')).toMatchObject({ delivered: true, targetId: 'i-1' })
  })

  it("transports ['websocket'] needs no stickiness: one upgrade, answered 101, pinned", () => {
    const l = lab(false)
    const rs = l.connectSocketIo('alice', { transports: 'websocket' })
    expect(rs.map((r) => [r.kind, r.status])).toEqual([['websocket-upgrade', 101]])
    expect(eio(rs[0]!)).toMatchObject({ websocketOnly: true, known: true })
    expect(rs[0]!.explanation).toContain('no stickiness setting needed')
    for (let i = 0; i < 5; i++)
      expect(l.sendWebSocketMessage('alice').targetId).toBe(rs[0]!.targetId)
  })

  it('on Kubernetes with target-type instance stickiness is not enough: the sid lives in a pod', () => {
    const l = lab(true, 3)
    l.configureKubernetes({ targetType: 'instance' })
    const failures = Array.from({ length: 6 }, () =>
      l.connectSocketIo('alice', { polls: 3 }),
    ).filter((rs) => rs.some((r) => r.status === 400))
    expect(failures.length).toBeGreaterThan(0)
    const bad = failures[0]!.find((r) => r.status === 400)!
    expect(eio(bad)!.server).toMatch(/^pod-/)
    l.configureKubernetes({ targetType: 'ip' })
    l.clearCookies('alice')
    expect(l.connectSocketIo('alice', { polls: 3 }).map((r) => r.status)).toEqual([
      200, 200, 200, 200, 101,
    ])
  })

  it('refuses bad options and other load balancer types', () => {
    const l = lab(false)
    expect(() => l.connectSocketIo('alice', { polls: 0 })).toThrow(RangeError)
    expect(() =>
      l.connectSocketIo('alice', { transports: 'carrier-pigeon' as 'websocket' }),
    ).toThrow(TypeError)
    l.setLoadBalancerType('network')
    expect(() => l.connectSocketIo('alice')).toThrow(/Application Load Balancer only/)
  })

  it('property: with lb_cookie stickiness a connection never meets Session ID unknown, and replays identically', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 1, max: 10 }),
        (seed, polls) => {
          const l = lab(true, seed)
          l.request('alice')
          const rs = l.connectSocketIo('alice', { polls })
          const ok = rs.length === polls + 2 && rs.every((r) => r.status !== 400)
          return (
            ok &&
            JSON.stringify(replayLab(seed, l.log()).snapshot()) === JSON.stringify(l.snapshot())
          )
        },
      ),
      { numRuns: 25 },
    )
  })
})
