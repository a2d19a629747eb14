// Layered load balancers (issue 19 item 5): an outer ALB in front of the lab's ALB. With duration-based stickiness
// on both layers, both set AWSALB, the browser keeps the later line (the outer's) and the inner ALB can no longer
// read its binding; application-based stickiness on one layer keeps both sticky.
import { describe, expect, it } from 'vitest'
import { createLab, replayLab, restoreLab, validateCommand } from '../index'
import type { Lab } from '../model/api'

function lab2(inner: 'lb_cookie' | 'app_cookie', seed = 1): Lab {
  const lab = createLab({ seed })
  lab.modifyTargetGroupAttributes('web', {
    'stickiness.enabled': 'true',
    'stickiness.type': inner,
    ...(inner === 'app_cookie' ? { 'stickiness.app_cookie.cookie_name': 'SESSIONID' } : {}),
  })
  return lab
}

const run = (lab: Lab, n: number) => Array.from({ length: n }, () => lab.request('alice'))
const proxyOf = (r: ReturnType<Lab['request']>) =>
  r.facts?.family === 'alb' ? r.facts.outer?.proxy : undefined

describe('two ALB layers, both duration-based (AWSALB)', () => {
  it('both layers set AWSALB; the browser keeps the outer layer’s (the later line)', () => {
    const lab = lab2('lb_cookie')
    expect(lab.setOuterLayer({ enabled: true, stickiness: 'lb_cookie' })).toEqual({ ok: true })
    const r = lab.request('alice')
    const awsalb = r.setCookie.filter((l) => l.startsWith('AWSALB='))
    expect(awsalb).toHaveLength(2)
    const kept = lab.cookies('alice').find((c) => c.name === 'AWSALB')!.value
    expect(awsalb[1]).toContain(`AWSALB=${kept};`)
    expect(awsalb[0]).not.toContain(kept)
    expect(r.facts?.family === 'alb' && r.facts.outer).toMatchObject({ collided: true })
    expect(r.explanation).toContain('Both layers set AWSALB in the response')
  })

  it('the outer layer stays sticky; the inner ALB cannot read the AWSALB it gets and picks anew every time', () => {
    const lab = lab2('lb_cookie')
    lab.setOuterLayer({ enabled: true, stickiness: 'lb_cookie' })
    const rs = run(lab, 6).slice(1)
    expect(new Set(rs.map(proxyOf)).size).toBe(1)
    for (const r of rs) {
      expect(r.sticky).toBe(false)
      expect(r.decision).toBe('sticky-miss-invalid')
    }
    expect(new Set(rs.map((r) => r.targetId)).size).toBeGreaterThan(1)
  })
})

describe('one layer sticky, or distinct cookie names', () => {
  it('outer stickiness off: the proxies alternate and the inner ALB stays sticky', () => {
    const lab = lab2('lb_cookie')
    lab.setOuterLayer({ enabled: true })
    const rs = run(lab, 4)
    expect(rs.map(proxyOf)).toEqual(['proxy-1', 'proxy-2', 'proxy-1', 'proxy-2'])
    expect(rs.slice(1).every((r) => r.sticky && r.targetId === rs[0]!.targetId)).toBe(true)
    expect(rs[0]!.setCookie.filter((l) => l.startsWith('AWSALB='))).toHaveLength(1)
  })

  it('outer application-based (PROXYSESSION) over inner duration-based: both layers stay sticky', () => {
    const lab = lab2('lb_cookie')
    lab.setOuterLayer({ enabled: true, stickiness: 'app_cookie' })
    const rs = run(lab, 5)
    expect(lab.cookies('alice').map((c) => c.name)).toContain('PROXYSESSION')
    expect(new Set(rs.map(proxyOf)).size).toBe(1)
    expect(rs.slice(1).every((r) => r.sticky && r.targetId === rs[0]!.targetId)).toBe(true)
    expect(rs[1]!.explanation).toContain('does not collide')
  })

  it('outer duration-based over inner application-based (AWSALBAPP): both layers stay sticky', () => {
    const lab = lab2('app_cookie')
    lab.setOuterLayer({ enabled: true, stickiness: 'lb_cookie' })
    const rs = run(lab, 5)
    expect(new Set(rs.map(proxyOf)).size).toBe(1)
    expect(rs.slice(2).every((r) => r.sticky && r.targetId === rs[1]!.targetId)).toBe(true)
    expect(rs[2]!.facts?.family === 'alb' && rs[2]!.facts.outer?.collided).toBe(false)
  })
})

describe('setOuterLayer', () => {
  it('refuses an unknown stickiness with InvalidArgument; validateCommand answers alike and changes nothing', () => {
    const lab = lab2('lb_cookie')
    const bad = { enabled: true, stickiness: 'source_ip' as 'off' }
    expect(validateCommand(lab, { call: 'setOuterLayer', args: [bad] })).toMatchObject({
      ok: false,
      code: 'InvalidArgument',
      field: 'stickiness',
    })
    expect(lab.setOuterLayer(bad)).toMatchObject({ ok: false, code: 'InvalidArgument' })
    expect(lab.outerLayer()).toBeNull()
    expect(validateCommand(lab, { call: 'setOuterLayer', args: [{ enabled: true }] })).toEqual({
      ok: true,
    })
    expect(lab.outerLayer()).toBeNull()
  })

  it('is modelled for the ALB only; changing the type removes the layer; enabled false removes it', () => {
    const lab = lab2('lb_cookie')
    lab.setOuterLayer({ enabled: true, stickiness: 'lb_cookie' })
    expect(lab.outerLayer()).toEqual({ stickiness: 'lb_cookie', proxies: ['proxy-1', 'proxy-2'] })
    lab.setOuterLayer({ enabled: false })
    expect(lab.outerLayer()).toBeNull()
    lab.setOuterLayer({ enabled: true })
    lab.setLoadBalancerType('network')
    expect(lab.outerLayer()).toBeNull()
    expect(() => lab.setOuterLayer({ enabled: true })).toThrow(TypeError)
  })

  it('replays and restores byte-identically; a lab without the layer has no outerLayer key', () => {
    const lab = lab2('lb_cookie', 7)
    expect(JSON.stringify(lab.snapshot())).not.toContain('"outerLayer"')
    lab.setOuterLayer({ enabled: true, stickiness: 'lb_cookie' })
    run(lab, 4)
    const replayed = replayLab(7, lab.log())
    expect(JSON.stringify(replayed.snapshot())).toBe(JSON.stringify(lab.snapshot()))
    const restored = restoreLab(lab.snapshot())
    expect(restored.outerLayer()).toEqual(lab.outerLayer())
    expect(restored.request('alice').setCookie).toEqual(lab.request('alice').setCookie)
  })
})
