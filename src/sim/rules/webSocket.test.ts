// WebSockets: the upgrade follows normal routing (and stickiness) and is answered 101; messages
// then stay on that target without cookies until close, instance stop, or the end of draining.

import { describe, expect, it } from 'vitest'
import { createLab } from '../index'

describe('WebSocket connections', () => {
  it('the upgrade is an ordinary routed request answered 101', () => {
    const lab = createLab()
    const r = lab.openWebSocket('a', { path: '/ws' })
    expect(r).toMatchObject({ status: 101, targetId: 'i-1', decision: 'round-robin' })
    expect(lab.history().at(-1)!.kind).toBe('websocket-upgrade')
    expect(lab.webSockets()).toEqual([
      { clientId: 'a', targetId: 'i-1', targetGroup: 'web', openedAt: 0, messages: 0 },
    ])
    expect(lab.metrics()).toMatchObject({ RequestCount: 1, HTTPCode_Target_2XX_Count: 0 })
  })

  it('the upgrade follows stickiness', () => {
    const lab = createLab()
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    const t = lab.request('a').targetId
    expect(lab.openWebSocket('a')).toMatchObject({
      status: 101,
      decision: 'sticky-hit',
      targetId: t,
    })
  })

  it('messages stay on the target that answered 101, ignoring cookies and the algorithm', () => {
    const lab = createLab()
    lab.openWebSocket('a')
    lab.clearCookies('a')
    for (let i = 1; i <= 5; i++) {
      lab.request('other' + i) // moves the round-robin cursor
      expect(lab.sendWebSocketMessage('a')).toMatchObject({
        delivered: true,
        targetId: 'i-1',
        decision: 'websocket',
        messages: i,
      })
    }
  })

  it('closes when the client closes it', () => {
    const lab = createLab()
    lab.openWebSocket('a')
    lab.closeWebSocket('a')
    expect(lab.sendWebSocketMessage('a')).toMatchObject({
      delivered: false,
      decision: 'websocket-closed',
      targetId: null,
    })
    expect(lab.webSockets()).toEqual([])
  })

  it('survives the target becoming unhealthy but not the instance stopping', () => {
    const lab = createLab()
    lab.openWebSocket('a')
    lab.setHealthCheckFailing('i-1', true)
    lab.advance(60)
    expect(lab.sendWebSocketMessage('a').delivered).toBe(true)
    lab.stopInstance('i-1')
    expect(lab.sendWebSocketMessage('a').delivered).toBe(false)
  })

  it('stays open while the target drains and closes when the deregistration delay ends', () => {
    const lab = createLab()
    lab.openWebSocket('a')
    lab.deregisterTargets('web', ['i-1'])
    lab.advance(299)
    expect(lab.sendWebSocketMessage('a').delivered).toBe(true)
    lab.advance(1)
    expect(lab.sendWebSocketMessage('a').delivered).toBe(false)
  })

  it('opening again replaces the previous connection; a failed upgrade opens nothing', () => {
    const lab = createLab()
    lab.openWebSocket('a')
    expect(lab.openWebSocket('a').targetId).toBe('i-2')
    expect(lab.webSockets().map((w) => w.targetId)).toEqual(['i-2'])
    // With every instance stopped, a's connection closes and b's upgrade finds no target.
    for (const id of ['i-1', 'i-2', 'i-3']) lab.stopInstance(id)
    expect(lab.openWebSocket('b').status).toBe(503)
    expect(lab.webSockets()).toEqual([])
  })
})
