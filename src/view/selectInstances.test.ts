// The Instances panel's rows, read from a real lab: health per target group as DescribeTargetHealth
// reports it, registration state, requests served and carts in memory.
import { describe, expect, it } from 'vitest'
import { createLab } from '../sim'
import { healthText, INSTANCE_AZS, selectInstancesByTargetGroup } from './selectInstances'

describe('selectInstancesByTargetGroup', () => {
  it('lists every instance with its health in each target group', () => {
    const lab = createLab({ seed: 1 })
    lab.createTargetGroup('blue', { targets: 1 })
    const groups = selectInstancesByTargetGroup(lab)
    expect(groups.map((g) => g.name)).toEqual(['web', 'blue'])
    const web = groups[0]!.rows
    expect(web.map((r) => r.id)).toEqual(['i-1', 'i-2', 'i-3', 'i-4'])
    expect(web[0]).toMatchObject({
      az: 'us-east-1a',
      running: true,
      registered: true,
      health: { state: 'healthy', reason: null },
    })
    // i-4 is only in blue: AWS reports it as not registered in web.
    expect(web[3]).toMatchObject({
      registered: false,
      health: { state: 'unused', reason: 'Target.NotRegistered' },
    })
    // blue is not behind the listener: registered, but unused.
    expect(groups[1]!.rows[3]).toMatchObject({
      registered: true,
      health: { state: 'unused', reason: 'Target.NotInUse' },
    })
  })

  it('counts requests served and carts in memory, and follows deregistration', () => {
    const lab = createLab({ seed: 1 })
    lab.addClient('alice')
    lab.request('alice', { path: '/cart/add' })
    lab.deregisterTargets('web', ['i-2'])
    const web = selectInstancesByTargetGroup(lab)[0]!.rows
    expect(web[0]).toMatchObject({ served: 1, carts: 1 })
    expect(web[1]).toMatchObject({
      registered: false,
      health: { state: 'draining', reason: 'Target.DeregistrationInProgress' },
    })
  })

  it('writes health with its reason code', () => {
    expect(healthText({ state: 'unhealthy', reason: 'Target.Timeout', description: null })).toBe(
      'unhealthy — Target.Timeout',
    )
    expect(healthText({ state: 'healthy', reason: null, description: null })).toBe('healthy')
    expect(INSTANCE_AZS).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c'])
  })
})
