// Timeline labels: every replayable call gets a short learner-facing description.
import { describe, expect, it } from 'vitest'
import { REPLAYABLE_CALLS } from '../sim'
import { describeCall } from './timelineLabels'

describe('describeCall', () => {
  it('describes the common calls briefly', () => {
    expect(describeCall({ call: 'request', args: ['alice'] })).toBe('alice → request')
    expect(describeCall({ call: 'request', args: ['alice', { path: '/cart/add' }] })).toBe('alice → request /cart/add')
    expect(describeCall({ call: 'advance', args: [0.25] })).toBe('time passes +0.25 s')
    expect(describeCall({ call: 'advance', args: [12.4] })).toBe('time passes +12.4 s')
    expect(describeCall({ call: 'advance', args: [300] })).toBe('time passes +5 min')
    expect(describeCall({ call: 'advance', args: [86_400] })).toBe('time passes +1 day')
    expect(describeCall({ call: 'stopInstance', args: ['i-1'] })).toBe('stop i-1')
    expect(
      describeCall({ call: 'modifyTargetGroupAttributes', args: ['web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' }] }),
    ).toBe('web: stickiness.enabled = true and 1 more')
    expect(describeCall({ call: 'registerTargets', args: ['web', ['i-4', 'i-5']] })).toBe('web: register i-4, i-5')
  })

  it('has a description for every replayable call, never the raw method name', () => {
    for (const call of REPLAYABLE_CALLS) expect(describeCall({ call, args: ['x', 'y'] })).not.toBe(call)
  })
})
