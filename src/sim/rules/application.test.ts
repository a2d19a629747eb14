// The cart application on the targets: its session cookie, carts in instance memory or in an
// external store, "lost" sessions when a request lands on a target that does not know them.

import { describe, expect, it } from 'vitest'
import { createLab } from '../index'

describe('sessions and carts', () => {
  it('issues SESSIONID (no Max-Age) on the first response and keeps the cart on that target', () => {
    const lab = createLab()
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    const r = lab.request('a', { path: '/cart/add' })
    expect(r.session).toEqual({ id: 'sess-1', items: 1, lost: false })
    expect(r.setCookie).toContain('SESSIONID=sess-1; Path=/; HttpOnly')
    expect(lab.request('a', { path: '/cart/add/widget' }).session).toEqual({
      id: 'sess-1',
      items: 2,
      lost: false,
    })
    expect(lab.request('a', { path: '/checkout' }).session).toEqual({
      id: 'sess-1',
      items: 2,
      lost: false,
    })
    expect(lab.sessions()).toEqual([{ where: r.targetId, sessionId: 'sess-1', items: 2 }])
  })

  it('without stickiness the cart is lost as round robin moves the client', () => {
    const lab = createLab()
    lab.request('a', { path: '/cart/add' })
    const r = lab.request('a', { path: '/cart/add' })
    expect(r.session).toEqual({ id: 'sess-2', items: 1, lost: true })
    expect(r.targetId).toBe('i-2')
  })

  it('an external session store keeps the cart wherever the request lands', () => {
    const lab = createLab()
    lab.configureApp({ sessionStore: 'external' })
    lab.request('a', { path: '/cart/add' })
    lab.request('a', { path: '/cart/add' })
    const r = lab.request('a', { path: '/cart/add' })
    expect(r.session).toEqual({ id: 'sess-1', items: 3, lost: false })
    expect(lab.sessions()).toEqual([{ where: 'external', sessionId: 'sess-1', items: 3 }])
  })

  it('stopping an instance loses its in-memory carts; the external store survives', () => {
    const lab = createLab()
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    const t = lab.request('a', { path: '/cart/add' }).targetId!
    lab.stopInstance(t)
    expect(lab.sessions()).toEqual([])
    lab.advance(60)
    expect(lab.request('a').session).toMatchObject({ lost: true, items: 0 })

    const ext = createLab()
    ext.configureApp({ sessionStore: 'external' })
    ext.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    const t2 = ext.request('a', { path: '/cart/add' }).targetId!
    ext.stopInstance(t2)
    ext.advance(60)
    expect(ext.request('a').session).toMatchObject({ lost: false, items: 1 })
  })

  it('switching the store abandons carts held in memory (they stay listed but unused)', () => {
    const lab = createLab()
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    lab.request('a', { path: '/cart/add' })
    lab.configureApp({ sessionStore: 'external' })
    expect(lab.request('a').session).toMatchObject({ lost: true, items: 0 })
  })

  it('a custom cookie name and Max-Age appear on every response (rolling)', () => {
    const lab = createLab()
    lab.configureApp({ sessionCookie: { name: 'JSESSIONID', maxAgeSeconds: 1800 } })
    expect(lab.app()).toEqual({
      sessionCookie: { name: 'JSESSIONID', maxAgeSeconds: 1800 },
      sessionStore: 'memory',
      latencySeconds: 0.5,
    })
    const r = lab.request('a')
    expect(r.setCookie).toEqual([`JSESSIONID=${r.session!.id}; Max-Age=1800; Path=/; HttpOnly`])
    expect(lab.cookies('a')[0]).toMatchObject({
      name: 'JSESSIONID',
      expiresAt: 1800,
      httpOnly: true,
    })
  })

  it('the Set-Cookie line always matches the current session id, name and Max-Age', () => {
    const lab = createLab()
    for (let i = 0; i < 4; i++) {
      const r = lab.request('a') // round robin: a new session on every target
      expect(r.setCookie).toEqual([`SESSIONID=${r.session!.id}; Path=/; HttpOnly`])
    }
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    const first = lab.request('a')
    lab.configureApp({ sessionCookie: { name: 'SESSIONID', maxAgeSeconds: 60 } })
    expect(lab.request('a').setCookie.at(-1)).toBe(
      `SESSIONID=${first.session!.id}; Max-Age=60; Path=/; HttpOnly`,
    )
    lab.configureApp({ sessionCookie: { name: 'SID' } })
    const renamed = lab.request('a')
    expect(renamed.setCookie.at(-1)).toBe(`SID=${renamed.session!.id}; Path=/; HttpOnly`)
  })

  it('a stateless app sets no cookie and reports no session', () => {
    const lab = createLab()
    lab.configureApp({ sessionCookie: null })
    const r = lab.request('a')
    expect(r.session).toBeUndefined()
    expect(r.setCookie).toEqual([])
  })

  it('configureApp validates its input', () => {
    const lab = createLab()
    expect(() => lab.configureApp({ sessionCookie: { name: 'bad name' } })).toThrow(TypeError)
    expect(() => lab.configureApp({ sessionCookie: { name: 'A', maxAgeSeconds: -1 } })).toThrow(
      RangeError,
    )
    expect(() => lab.configureApp({ sessionStore: 'disk' as never })).toThrow(TypeError)
    expect(() => lab.configureApp({ latencySeconds: -1 })).toThrow(RangeError)
    expect(lab.log()).toEqual([])
  })
})

describe('sessions no browser holds are swept (simulator convention, docs/model.md)', () => {
  it('a browser bouncing between instances leaves at most SWEEP_SLACK sessions behind; a held cart survives', async () => {
    const { SWEEP_SLACK } = await import('./application')
    const { restoreLab } = await import('../index')
    const { replayLab } = await import('../index')
    const lab = createLab()
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    const first = lab.request('alice', { path: '/cart/add' })
    lab.request('alice', { path: '/cart/add' })
    // bob keeps no cookies: every request starts a session nobody will ever send back.
    lab.addClient('bob', { cookiesEnabled: false })
    const copy = restoreLab(lab.snapshot())
    for (let i = 0; i < 4 * SWEEP_SLACK; i++) {
      for (const l of [lab, copy]) {
        l.request('bob')
        l.advance(0.5)
      }
    }
    const perStore = new Map<string, number>()
    for (const s of lab.sessions()) perStore.set(s.where, (perStore.get(s.where) ?? 0) + 1)
    expect(Math.max(...perStore.values())).toBeLessThanOrEqual(SWEEP_SLACK + 2)
    // alice's session is in her jar, so it is kept, cart and all, on the instance she sticks to.
    expect(lab.sessions()).toContainEqual({ where: first.targetId, sessionId: first.session!.id, items: 2 })
    expect(lab.request('alice', { path: '/cart/add' }).session).toEqual({ id: first.session!.id, items: 3, lost: false })
    copy.request('alice', { path: '/cart/add' })
    const json = JSON.stringify(lab.snapshot())
    expect(JSON.stringify(copy.snapshot())).toBe(json)
    expect(JSON.stringify(replayLab(1, lab.log()).snapshot())).toBe(json)
  })
})
