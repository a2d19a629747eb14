// RequestCountPerTarget as CloudWatch defines it (per target group: requests / healthy targets) and which requests
// NonStickyRequestCount counts (a new target chosen because no sticky session could be used).
import { describe, expect, it } from 'vitest'
import { createLab } from '../index'

describe('RequestCountPerTarget (TargetGroup dimension)', () => {
  it('is the group’s requests over its healthy targets, however unevenly they landed', () => {
    const lab = createLab({ seed: 2 })
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    for (let i = 0; i < 9; i++) lab.request('alice') // all on one target
    const m = lab.metrics()
    expect(m['HealthyHostCount:web']).toBe(3)
    expect(m['RequestCountPerTarget:targetgroup/web']).toBe(3)
    // The per-instance totals show the unevenness the average hides.
    const perInstance = ['i-1', 'i-2', 'i-3'].map((id) => m[`RequestCountPerTarget:${id}`])
    expect(perInstance.sort()).toEqual([0, 0, 9])
  })

  it('divides by fewer targets when one is unhealthy, and rounds to two decimals', () => {
    const lab = createLab({ seed: 2 })
    lab.setHealthCheckFailing('i-3', true)
    lab.advance(120)
    for (let i = 0; i < 5; i++) lab.request(`c${i}`)
    expect(lab.metrics()['HealthyHostCount:web']).toBe(2)
    expect(lab.metrics()['RequestCountPerTarget:targetgroup/web']).toBe(2.5)
    const empty = createLab()
    expect(empty.metrics()['RequestCountPerTarget:targetgroup/web']).toBe(0)
  })
})

describe('NonStickyRequestCount', () => {
  it('counts new picks (no cookie, malformed cookie, unhealthy target) but not sticky hits or stickiness off', () => {
    const lab = createLab({ seed: 4 })
    lab.request('a') // stickiness off: not counted
    expect(lab.metrics().NonStickyRequestCount).toBe(0)
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    const first = lab.request('a') // no cookie
    lab.request('a') // sticky hit
    expect(lab.metrics().NonStickyRequestCount).toBe(1)
    lab.setCookie('a', 'AWSALB', 'garbage')
    lab.setCookie('a', 'AWSALBCORS', 'garbage')
    lab.request('a') // malformed
    expect(lab.metrics().NonStickyRequestCount).toBe(2)
    const bound = lab.request('a')
    expect(bound.sticky).toBe(true)
    lab.setHealthCheckFailing(bound.targetId!, true)
    lab.advance(120)
    lab.request('a') // names an unhealthy target
    expect(lab.metrics().NonStickyRequestCount).toBe(3)
    expect(first.decision).toBe('sticky-miss-no-cookie')
  })
})
