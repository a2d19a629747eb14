// Weighted forward actions (blue/green) and target-group stickiness with AWSALBTG/AWSALBTGCORS
// (reference §6, §17.7, §17.8).

import { describe, expect, it } from 'vitest'
import { formatHttpDate } from '../clock'
import { createLab } from '../index'
import type { Lab } from '../model/api'

function blueGreen(weights: [number, number], groupStickiness?: number, seed = 1): Lab {
  const lab = createLab({ seed })
  expect(lab.createTargetGroup('green', { targets: 3 })).toEqual({ ok: true })
  const r = lab.setForward({
    targetGroups: [
      { name: 'web', weight: weights[0] },
      { name: 'green', weight: weights[1] },
    ],
    ...(groupStickiness === undefined
      ? {}
      : { stickiness: { enabled: true, durationSeconds: groupStickiness } }),
  })
  expect(r).toEqual({ ok: true })
  lab.advance(30) // green's targets pass their first health check
  return lab
}

const groupTally = (lab: Lab, n: number, prefix = 'c') => {
  const out: Record<string, number> = {}
  for (let i = 0; i < n; i++) {
    const g = lab.request(prefix + i).targetGroup!
    out[g] = (out[g] ?? 0) + 1
  }
  return out
}

describe('weighted target groups', () => {
  it('shares requests in proportion to the weights (seeded)', () => {
    const t = groupTally(blueGreen([90, 10]), 2000)
    expect(t.web! / 2000).toBeGreaterThan(0.87)
    expect(t.web! / 2000).toBeLessThan(0.93)
    expect(blueGreen([90, 10]).request('x').targetGroupDecision).toBe('weighted')
  })

  it('is reproducible for a seed', () => {
    const seq = (seed: number) => {
      const lab = blueGreen([50, 50], undefined, seed)
      return Array.from({ length: 40 }, (_, i) => lab.request('c' + i).targetGroup).join()
    }
    expect(seq(11)).toBe(seq(11))
    expect(seq(11)).not.toBe(seq(12))
  })

  it('weight 0 gets no new clients; all weights 0 → 503', () => {
    expect(groupTally(blueGreen([0, 5]), 50)).toEqual({ green: 50 })
    const lab = blueGreen([0, 0])
    const r = lab.request('a')
    expect(r).toMatchObject({ status: 503, targetGroup: null, targetGroupDecision: 'none' })
  })

  it('without target-group stickiness a client bounces between groups', () => {
    const lab = blueGreen([50, 50])
    const groups = new Set(Array.from({ length: 20 }, () => lab.request('alice').targetGroup))
    expect(groups.size).toBe(2)
  })

  it('the explanation names the weights', () => {
    expect(blueGreen([90, 10]).request('a').explanation).toMatch(
      /^The forward action's weights \(web 90, green 10\) sent the request to (web|green); stickiness is off, so round robin picked i-\d\.$/,
    )
  })
})

describe('target-group stickiness (AWSALBTG)', () => {
  it('sets AWSALBTG and AWSALBTGCORS with a 7-day Expires and keeps the client in its group', () => {
    const lab = blueGreen([50, 50], 3600)
    const first = lab.request('alice')
    expect(first.targetGroupDecision).toBe('group-sticky-miss-no-cookie')
    const exp = formatHttpDate(30 + 7 * 86400)
    const v = lab.cookies('alice').find((c) => c.name === 'AWSALBTG')!.value
    expect(first.setCookie.slice(0, 2)).toEqual([
      `AWSALBTG=${v}; Expires=${exp}; Path=/`,
      `AWSALBTGCORS=${v}; Expires=${exp}; Path=/; SameSite=None; Secure`,
    ])
    expect(lab.xray(v)).toEqual({
      kind: 'target_group',
      targetGroup: first.targetGroup,
      targetId: null,
      issuedAt: 30,
      durationSeconds: 3600,
    })
    for (let i = 0; i < 20; i++) {
      const r = lab.request('alice')
      expect(r.targetGroup).toBe(first.targetGroup)
      expect(r.targetGroupDecision).toBe('group-sticky-hit')
    }
  })

  it('works together with target stickiness: AWSALBTG, AWSALBTGCORS, AWSALB, AWSALBCORS on one response', () => {
    const lab = blueGreen([50, 50], 3600)
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    lab.modifyTargetGroupAttributes('green', { 'stickiness.enabled': 'true' })
    const first = lab.request('alice')
    expect(first.setCookie.map((l) => l.split('=')[0])).toEqual([
      'AWSALBTG',
      'AWSALBTGCORS',
      'AWSALB',
      'AWSALBCORS',
      'SESSIONID',
    ])
    for (let i = 0; i < 10; i++) {
      const r = lab.request('alice')
      expect(r).toMatchObject({
        targetGroup: first.targetGroup,
        targetId: first.targetId,
        sticky: true,
        targetGroupDecision: 'group-sticky-hit',
      })
    }
  })

  it('a client bound to a group whose weight drops to 0 keeps going there (§17.7)', () => {
    const lab = blueGreen([50, 50], 3600)
    let alice = lab.request('alice')
    while (alice.targetGroup !== 'web') {
      lab.clearCookies('alice')
      alice = lab.request('alice')
    }
    lab.setForward({
      targetGroups: [
        { name: 'web', weight: 0 },
        { name: 'green', weight: 100 },
      ],
      stickiness: { enabled: true, durationSeconds: 3600 },
    })
    const r = lab.request('alice')
    expect(r.targetGroup).toBe('web')
    expect(r.explanation).toMatch(
      /keeps the client in target group web, even though its weight is now 0,/,
    )
    expect(groupTally(lab, 20, 'new')).toEqual({ green: 20 })
  })

  it('the group binding lapses after its idle duration; then weights decide again', () => {
    const lab = blueGreen([0, 1], 60)
    expect(lab.request('alice').targetGroup).toBe('green')
    lab.setForward({
      targetGroups: [
        { name: 'web', weight: 1 },
        { name: 'green', weight: 0 },
      ],
      stickiness: { enabled: true, durationSeconds: 60 },
    })
    lab.advance(60)
    expect(lab.request('alice').targetGroup).toBe('green')
    lab.advance(61)
    const r = lab.request('alice')
    expect(r.targetGroup).toBe('web')
    expect(r.targetGroupDecision).toBe('group-sticky-miss-expired')
  })

  it('a group removed from the action is foreign: re-weighted', () => {
    const lab = blueGreen([0, 1], 600)
    lab.request('alice')
    lab.setForward({ targetGroups: [{ name: 'web', weight: 1 }] })
    expect(lab.request('alice').targetGroup).toBe('web')
    lab.setForward({
      targetGroups: [{ name: 'web', weight: 1 }],
      stickiness: { enabled: true, durationSeconds: 600 },
    })
    expect(lab.request('alice').targetGroupDecision).toBe('group-sticky-miss-foreign')
  })

  it('a tampered AWSALBTG is ignored', () => {
    const lab = blueGreen([1, 1], 600)
    lab.request('alice')
    lab.setCookie('alice', 'AWSALBTG', 'xyz')
    expect(lab.request('alice').targetGroupDecision).toBe('group-sticky-miss-invalid')
  })

  it('detached groups become unused (Target.NotInUse)', () => {
    const lab = blueGreen([1, 1])
    lab.setForward({ targetGroups: [{ name: 'green', weight: 1 }] })
    expect(
      lab
        .targetGroups()
        .find((g) => g.name === 'web')!
        .targets.every((t) => t.health.reason === 'Target.NotInUse'),
    ).toBe(true)
    expect(lab.targetGroups().find((g) => g.name === 'web')!.inUse).toBe(false)
  })
})
