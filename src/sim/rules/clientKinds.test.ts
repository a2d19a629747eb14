// Client kinds (issue 19, item 6): curl and SDK clients keep no cookie jar, so they are never sticky and every
// request counts in NonStickyRequestCount; browsers stick. Old labs (no kind field) load as browsers.
import { describe, expect, it } from 'vitest'
import { createLab, restoreLab, validateCommand, type World } from '../index'

function stickyLab() {
  const lab = createLab({ seed: 5 })
  lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
  return lab
}

describe('client kinds', () => {
  it('a browser sticks; curl and an SDK never send or store cookies and are balanced afresh each time', () => {
    const lab = stickyLab()
    lab.addClient('alice')
    lab.addClient('loadgen', { kind: 'curl' })
    lab.addClient('app', { kind: 'sdk' })
    const browser = [1, 2, 3, 4].map(() => lab.request('alice'))
    expect(browser.slice(1).every((r) => r.sticky)).toBe(true)
    const curl = [1, 2, 3].map(() => lab.request('loadgen'))
    expect(curl.every((r) => !r.sticky && r.decision === 'sticky-miss-no-cookie')).toBe(true)
    expect(new Set(curl.map((r) => r.targetId)).size).toBe(3) // round robin spreads them
    expect(lab.cookies('loadgen')).toEqual([])
    expect(curl[0]!.requestCookieHeader).toBe('')
    expect(curl[0]!.blockedCookies?.length).toBe(curl[0]!.setCookie.length)
    expect(curl[0]!.blockedCookies?.every((b) => b.reason === 'no-cookie-jar')).toBe(true)
    expect(curl[0]!.facts).toMatchObject({
      route: { why: { code: 'sticky-miss-no-cookie', reason: 'no-cookie-jar' } },
    })
    expect(curl[0]!.explanation).toContain('keeps no cookies (curl or an SDK without a cookie jar)')
    const sdk = lab.request('app')
    expect(sdk.explanation).toContain('keeps no cookies')
    // 1 first browser request + 3 curl + 1 sdk chose a new target because no sticky session could be used.
    expect(lab.metrics().NonStickyRequestCount).toBe(5)
  })

  it('switching kinds empties the jar; back to a browser, cookies work again; kind shows in clients()', () => {
    const lab = stickyLab()
    lab.request('alice')
    expect(lab.cookies('alice').map((c) => c.name)).toContain('AWSALB')
    lab.setClientOptions('alice', { kind: 'curl' })
    expect(lab.cookies('alice')).toEqual([])
    expect(lab.clients()[0]).toMatchObject({
      kind: 'curl',
      cookiesEnabled: false,
      userAgent: 'other',
    })
    lab.setClientOptions('alice', { cookiesEnabled: true }) // no jar to switch on: ignored
    expect(lab.clients()[0]!.cookiesEnabled).toBe(false)
    lab.setClientOptions('alice', { kind: 'browser' })
    expect(lab.clients()[0]).toMatchObject({
      kind: 'browser',
      cookiesEnabled: true,
      userAgent: 'chromium',
    })
    lab.request('alice')
    expect(lab.request('alice').sticky).toBe(true)
  })

  it('refuses an unknown kind and a curl client with cookies on', () => {
    const lab = createLab()
    expect(() => lab.addClient('x', { kind: 'wget' as never })).toThrow(/kind/)
    expect(() => lab.addClient('x', { kind: 'curl', cookiesEnabled: true })).toThrow(
      /keeps no cookie jar/,
    )
    expect(
      validateCommand(lab, { call: 'setClientOptions', args: ['x', { kind: 'lynx' as never }] }).ok,
    ).toBe(false)
  })

  it('labs saved before kinds load as browsers, and the kind survives a snapshot and a replay', () => {
    const lab = stickyLab()
    lab.addClient('c', { kind: 'curl' })
    lab.request('alice')
    const old = JSON.parse(JSON.stringify(lab.snapshot())) as World
    for (const c of Object.values(old.clients)) delete (c as { kind?: string }).kind
    expect(
      restoreLab(old)
        .clients()
        .map((c) => c.kind),
    ).toEqual(['browser', 'browser'])
    expect(
      restoreLab(lab.snapshot())
        .clients()
        .map((c) => c.kind),
    ).toEqual(['curl', 'browser'])
    expect(JSON.stringify(lab.snapshot().clients['alice'])).not.toContain('kind')
  })
})
