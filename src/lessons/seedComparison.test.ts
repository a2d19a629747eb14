// Seed 002's comparison table, row by row: each row's events, applied to the app's default lab, show the claim.
import { describe, expect, it } from 'vitest'
import { applyLabEvent, defaultLab } from './scenarios'
import { NAT_SKEW_CORRECTION, SEED_COMPARISON_ROWS, SEED_NAT_IP } from './seedComparison'
import { SEED_CLAIMS } from './seedClaims'

function play(id: string) {
  const row = SEED_COMPARISON_ROWS.find((r) => r.id === id)!
  const lab = defaultLab(1)
  for (const e of row.events) {
    const r = applyLabEvent(lab, e)
    expect(r === null || r.ok, JSON.stringify(r)).toBe(true)
  }
  return lab
}

describe('seed 002 comparison table', () => {
  it('has the three rows of the seed, each naming a claim the reference confirms', () => {
    expect(SEED_COMPARISON_ROWS.map((r) => `${r.loadBalancer} ${r.method}`)).toEqual([
      'ALB Cookie-based',
      'NLB Source IP stickiness',
      'CLB Cookie-based',
    ])
    for (const r of SEED_COMPARISON_ROWS) expect(SEED_CLAIMS.find((c) => c.id === r.claim)?.verdict).toBe('matches')
    expect(SEED_CLAIMS.find((c) => c.id === NAT_SKEW_CORRECTION.claim)).toBeDefined()
  })

  it('ALB: two browsers behind one NAT each get their own AWSALB and their own instance', () => {
    const lab = play('alb')
    expect(lab.clients().every((c) => c.sourceIp === SEED_NAT_IP)).toBe(true)
    const h = lab.history()
    const target = (id: string) => new Set(h.filter((r) => r.clientId === id).map((r) => r.targetId))
    expect(target('alice').size).toBe(1)
    expect(target('bob').size).toBe(1)
    expect([...target('alice')][0]).not.toBe([...target('bob')][0])
    for (const id of ['alice', 'bob']) expect(lab.cookies(id).some((c) => c.name === 'AWSALB')).toBe(true)
    expect(h.filter((r) => r.clientId === 'alice')[1]!.sticky).toBe(true)
  })

  it('NLB: no cookies, and every connection from the NAT address reaches one target', () => {
    const lab = play('nlb')
    expect(lab.loadBalancerType()).toBe('network')
    const h = lab.history()
    expect(h).toHaveLength(4)
    expect(new Set(h.map((r) => r.targetId)).size).toBe(1)
    // Only the application's own cookie (SESSIONID) passes through; the NLB adds none.
    expect(h.every((r) => r.setCookie.every((line) => !line.startsWith('AWS')))).toBe(true)
    expect(lab.cookies('alice').filter((c) => c.name.startsWith('AWS'))).toEqual([])
    expect(h.slice(1).every((r) => r.sticky)).toBe(true)
  })

  it('CLB: AWSELB is set once and not refreshed by the next response', () => {
    const lab = play('clb')
    const [first, second] = lab.history()
    expect(first!.setCookie.some((l) => l.startsWith('AWSELB='))).toBe(true)
    expect(second!.sticky).toBe(true)
    expect(second!.targetId).toBe(first!.targetId)
    expect(second!.setCookie.some((l) => l.startsWith('AWSELB='))).toBe(false)
    const awselb = lab.cookies('alice').find((c) => c.name === 'AWSELB')!
    expect(awselb.expiresAt).toBe(first!.at + 60)
  })
})
