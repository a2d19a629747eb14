import { describe, expect, it } from 'vitest'
import { ALB_DNS_NAME } from './cookieTable'
import {
  LAB_VPC_ID,
  listenerArn,
  listenerRuleArn,
  loadBalancerDnsName,
  subnetId,
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
    expect(loadBalancerArn('application')).toMatch(/:loadbalancer\/app\/stickylab-alb\/[0-9a-f]{16}$/)
    expect(loadBalancerArn('classic')).toBeNull()
    expect(listenerArn('network', 443)).toMatch(
      /:listener\/net\/stickylab-alb\/[0-9a-f]{16}\/[0-9a-f]{16}$/,
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

  it('names the listener rule, VPC, subnets and DNS names the console prints, in AWS’s shapes', () => {
    expect(listenerRuleArn('application', 443)).toMatch(
      /:listener-rule\/app\/stickylab-alb\/[0-9a-f]{16}\/[0-9a-f]{16}\/[0-9a-f]{16}$/,
    )
    expect(listenerRuleArn('classic', 80)).toBeNull()
    expect(LAB_VPC_ID).toMatch(/^vpc-[0-9a-f]{17}$/)
    expect(subnetId('us-east-1a')).toMatch(/^subnet-[0-9a-f]{17}$/)
    expect(subnetId('us-east-1a')).not.toBe(subnetId('us-east-1b'))
    expect(loadBalancerDnsName('application')).toMatch(/^stickylab-alb-1234567890\.us-east-1\.elb\.amazonaws\.com$/)
    expect(loadBalancerDnsName('network')).toMatch(/^stickylab-alb-[0-9a-f]{16}\.elb\.us-east-1\.amazonaws\.com$/)
    expect(loadBalancerDnsName('gateway')).toBeNull()
    // The console names the same site the Cookies panel shows.
    expect(loadBalancerDnsName('application')).toBe(ALB_DNS_NAME)
  })
})
