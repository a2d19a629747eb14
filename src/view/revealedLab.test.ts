// The lab as the panels show it: a request's counters, cart and history entry appear when it arrives, the
// cookies it sets when its response returns; the core itself still answers at once.
import { describe, expect, it } from 'vitest'
import { createLab } from '../sim'
import { LEG_SECONDS, tripOf } from './reveal'
import { revealedLab } from './revealedLab'

describe('revealedLab', () => {
  it('hides a travelling request from history, counters and carts until it arrives, and its cookies until it returns', () => {
    const lab = createLab({ seed: 3 })
    lab.addClient('alice')
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' })
    const r = lab.request('alice', { path: '/cart/add' })
    // The core knows at once.
    expect(lab.metrics().RequestCount).toBe(1)
    expect(lab.cookies('alice').map((c) => c.name)).toContain('AWSALB')
    let shown = revealedLab(lab)
    expect(shown.history()).toEqual([])
    expect(shown.metrics().RequestCount).toBe(0)
    expect(shown.metrics()[`RequestCountPerTarget:${r.targetId}`]).toBe(0)
    expect(shown.metrics().HTTPCode_Target_2XX_Count).toBe(0)
    expect(shown.sessions()).toEqual([])
    expect(shown.cookies('alice')).toEqual([])
    // The same view while nothing new is revealed.
    expect(revealedLab(lab)).toBe(shown)

    lab.advance(LEG_SECONDS)
    shown = revealedLab(lab)
    expect(shown.history().map((h) => h.id)).toEqual([r.id])
    expect(shown.metrics()).toEqual(lab.metrics())
    expect(shown.sessions()).toEqual(lab.sessions())
    expect(shown.cookies('alice')).toEqual([])

    lab.advance(tripOf(r).returnsAt - lab.now())
    shown = revealedLab(lab)
    expect(shown.cookies('alice').map((c) => c.name)).toEqual(lab.cookies('alice').map((c) => c.name))
  })

  it('a 503 is not counted before it reaches the load balancer', () => {
    const lab = createLab({ seed: 3 })
    lab.addClient('alice')
    for (const id of ['i-1', 'i-2', 'i-3']) lab.deregisterTargets('web', [id])
    lab.advance(600)
    const r = lab.request('alice')
    expect(r.status).toBe(503)
    expect(revealedLab(lab).metrics().HTTPCode_ELB_503_Count).toBe(lab.metrics().HTTPCode_ELB_503_Count! - 1)
    lab.advance(LEG_SECONDS)
    expect(revealedLab(lab).metrics()).toEqual(lab.metrics())
  })
})

describe('revealedLab, a long-served response', () => {
  it('shows the cookie it set when it returns, however many newer requests came back first', () => {
    // A slow request's response can come back after hundreds of newer ones, with nothing else changing in the lab
    // at that moment: the Cookies table must still follow it (the monkey test once saw SESSIONID stay one value behind).
    const lab = createLab({ seed: 3 })
    lab.addClient('alice')
    lab.addClient('bob')
    lab.request('alice', { path: '/cart/add' })
    lab.advance(5)
    lab.request('alice', { path: '/cart/add', durationSeconds: 100 })
    for (let i = 0; i < 250; i++) {
      lab.request('bob', { path: '/' })
      lab.advance(0.01)
    }
    const slow = lab.history().find((r) => r.clientId === 'alice' && r.completesAt - r.at > 50)!
    lab.advance(slow.completesAt + 0.1 - lab.now())
    const changes = lab.changeCount()
    const before = revealedLab(lab).cookies('alice').find((c) => c.name === 'SESSIONID')!
    const jarValue = () => lab.cookies('alice').find((c) => c.name === 'SESSIONID')!.value
    expect(before.value).not.toBe(jarValue())
    lab.advance(tripOf(slow).returnsAt - lab.now())
    expect(lab.changeCount()).toBe(changes) // nothing in the core changed: only the response came back
    const after = revealedLab(lab).cookies('alice').find((c) => c.name === 'SESSIONID')!
    expect(after.value).toBe(jarValue())
  })
})
