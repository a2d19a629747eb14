import { describe, expect, it } from 'vitest'
import {
  listenerArn,
  loadBalancerArn,
  stableHexId,
  targetGroupArn,
  targetGroupNameFromArn,
} from './awsArns'

describe('simulated ARNs', () => {
  it('are stable and shaped like AWS ARNs', () => {
    expect(stableHexId('tg:web')).toMatch(/^[0-9a-f]{16}$/)
    expect(stableHexId('tg:web')).toBe(stableHexId('tg:web'))
    expect(stableHexId('tg:web')).not.toBe(stableHexId('tg:api'))
    expect(targetGroupArn('web')).toMatch(
      /^arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\/web\/[0-9a-f]{16}$/,
    )
    expect(loadBalancerArn('application')).toMatch(/:loadbalancer\/app\/stickylab\/[0-9a-f]{16}$/)
    expect(loadBalancerArn('classic')).toBeNull()
    expect(listenerArn('network', 443)).toMatch(
      /:listener\/net\/stickylab\/[0-9a-f]{16}\/[0-9a-f]{16}$/,
    )
  })

  it('gives the target group name back only for this account and region', () => {
    expect(targetGroupNameFromArn(targetGroupArn('web'))).toBe('web')
    expect(
      targetGroupNameFromArn(targetGroupArn('web').replace('us-east-1', 'eu-west-1')),
    ).toBeNull()
    expect(
      targetGroupNameFromArn(
        'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/__proto__/0',
      ),
    ).toBeNull()
  })
})
