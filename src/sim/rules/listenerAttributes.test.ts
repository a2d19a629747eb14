// The listener attribute `tcp.idle_timeout.seconds` (ModifyListenerAttributes): accepted on an NLB TCP listener and a
// GWLB listener with AWS's range 60-6000 and default 350, refused elsewhere, and modelled: a TCP flow idles out
// after the configured time (UDP flows keep 120 s), as a scheduled event.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createLab, replayLab, validateCommand } from '../index'
import type { Lab } from '../index'

const KEY = 'tcp.idle_timeout.seconds'

function nlb(): Lab {
  const lab = createLab({ seed: 1, loadBalancerType: 'network' })
  lab.addClient('a')
  lab.configureApp({ latencySeconds: 0 })
  return lab
}

describe('tcp.idle_timeout.seconds: where AWS offers it', () => {
  it('an NLB TCP listener and a GWLB listener describe the default 350; ALB and CLB listeners have none', () => {
    expect(nlb().listenerAttributes()).toEqual({ [KEY]: '350' })
    expect(createLab({ seed: 1, loadBalancerType: 'gateway' }).listenerAttributes()).toEqual({
      [KEY]: '350',
    })
    expect(createLab({ seed: 1 }).listenerAttributes()).toEqual({})
    expect(createLab({ seed: 1, loadBalancerType: 'classic' }).listenerAttributes()).toEqual({})
  })

  it('60-6000 accepted (AWS range); outside it, AWS’s code with the lab’s range text; refusals change nothing', () => {
    const lab = nlb()
    for (const v of ['60', '6000', '500'])
      expect(lab.modifyListenerAttributes({ [KEY]: v })).toEqual({ ok: true })
    expect(lab.listenerAttributes()).toEqual({ [KEY]: '500' })
    const before = JSON.stringify(lab.snapshot())
    for (const v of ['59', '6001', '1.5', 'abc', '']) {
      const out = lab.modifyListenerAttributes({ [KEY]: v })
      expect(out).toEqual({
        ok: false,
        code: 'ValidationError',
        message: `'${KEY}' value '${v}' must be between '60-6000' inclusive`,
        field: KEY,
      })
      expect(
        validateCommand(lab, { call: 'modifyListenerAttributes', args: [{ [KEY]: v }] }),
      ).toEqual(out)
    }
    expect(JSON.stringify(lab.snapshot())).toBe(before)
  })

  it('other keys, an ALB, a CLB, a UDP listener: not supported; a TLS listener’s timeout is fixed', () => {
    const notSupported = (field: string) => ({
      ok: false,
      code: 'InvalidConfigurationRequest',
      message: 'The provided listener attribute is not supported',
      field,
    })
    expect(
      nlb().modifyListenerAttributes({ 'routing.http.response.server.enabled': 'false' }),
    ).toEqual(notSupported('routing.http.response.server.enabled'))
    expect(createLab({ seed: 1 }).modifyListenerAttributes({ [KEY]: '500' })).toEqual(
      notSupported(KEY),
    )
    expect(
      createLab({ seed: 1, loadBalancerType: 'classic' }).modifyListenerAttributes({
        [KEY]: '500',
      }),
    ).toEqual(notSupported(KEY))
    const udp = nlb()
    udp.createTargetGroup('u', { protocol: 'UDP' })
    udp.setForward({ targetGroups: [{ name: 'u', weight: 1 }] })
    expect(udp.listenerAttributes()).toEqual({})
    expect(udp.modifyListenerAttributes({ [KEY]: '500' })).toEqual(notSupported(KEY))
    const tls = nlb()
    tls.createTargetGroup('t', { protocol: 'TLS' })
    tls.setForward({ targetGroups: [{ name: 't', weight: 1 }] })
    expect(tls.modifyListenerAttributes({ [KEY]: '500' })).toEqual({
      ok: false,
      code: 'InvalidConfigurationRequest',
      message: 'The idle timeout of a TLS listener is 350 seconds and cannot be modified',
      field: KEY,
    })
  })

  it('any whole number is accepted exactly when it is 60-6000 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7000 }), (n) => {
        expect(nlb().modifyListenerAttributes({ [KEY]: String(n) }).ok).toBe(n >= 60 && n <= 6000)
      }),
      { numRuns: 40 },
    )
  })
})

describe('tcp.idle_timeout.seconds: TCP flows idle out after it (modelled)', () => {
  it('at 60 s a TCP flow is still open after 60 s idle and gone just after (not 350 s)', () => {
    const lab = nlb()
    lab.modifyListenerAttributes({ [KEY]: '60' })
    lab.request('a')
    lab.advance(60)
    expect(lab.request('a').decision).toBe('existing-flow')
    lab.advance(60.001)
    expect(lab.flows()).toEqual([])
    expect(lab.request('a').decision).toBe('flow-hash')
  })

  it('at 1000 s a flow idle for 400 s (past the default 350) is still open, on a GWLB too', () => {
    for (const loadBalancerType of ['network', 'gateway'] as const) {
      const lab = createLab({ seed: 1, loadBalancerType })
      lab.addClient('a')
      lab.configureApp({ latencySeconds: 0 })
      expect(lab.modifyListenerAttributes({ [KEY]: '1000' })).toEqual({ ok: true })
      lab.request('a')
      lab.advance(400)
      expect(lab.flows()).toHaveLength(1)
      expect(lab.request('a').decision).toBe('existing-flow')
    }
  })

  it('replays to the same world', () => {
    const lab = nlb()
    lab.modifyListenerAttributes({ [KEY]: '90' })
    lab.request('a')
    lab.advance(100)
    lab.request('a')
    expect(JSON.stringify(replayLab(1, lab.log()).snapshot())).toBe(JSON.stringify(lab.snapshot()))
  })
})
