// Every refusal names the AWS parameter or attribute key that was wrong (`field`, ADR 0010), so a form can place
// it without reading the message; a rule about several parameters blames the one the request set.
import { describe, expect, it } from 'vitest'
import { createLab } from '../index'
import type { Result } from '../model/api'

const fieldOf = (r: Result): string | undefined => (r.ok ? 'accepted' : r.field)

describe('failure fields', () => {
  it('a value out of range names its attribute key or health-check field', () => {
    const lab = createLab()
    expect(
      fieldOf(
        lab.modifyTargetGroupAttributes('web', { 'stickiness.lb_cookie.duration_seconds': '0' }),
      ),
    ).toBe('stickiness.lb_cookie.duration_seconds')
    expect(
      fieldOf(lab.modifyTargetGroupAttributes('web', { 'slow_start.duration_seconds': '10' })),
    ).toBe('slow_start.duration_seconds')
    expect(
      fieldOf(
        lab.modifyTargetGroupAttributes('web', { 'stickiness.app_cookie.cookie_name': 'AWSALBX' }),
      ),
    ).toBe('stickiness.app_cookie.cookie_name')
    expect(fieldOf(lab.modifyTargetGroupAttributes('web', { bogus: 'x' }))).toBe('bogus')
    expect(fieldOf(lab.modifyHealthCheck('web', { HealthCheckIntervalSeconds: 301 }))).toBe(
      'HealthCheckIntervalSeconds',
    )
    expect(fieldOf(lab.modifyHealthCheck('web', { UnhealthyThresholdCount: 1 }))).toBe(
      'UnhealthyThresholdCount',
    )
    expect(fieldOf(lab.modifyHealthCheck('nope', {}))).toBe('TargetGroupName')
  })

  it('timeout ≥ interval blames the one the request set, the timeout when it set both', () => {
    const lab = createLab()
    expect(fieldOf(lab.modifyHealthCheck('web', { HealthCheckIntervalSeconds: 5 }))).toBe(
      'HealthCheckIntervalSeconds',
    )
    expect(fieldOf(lab.modifyHealthCheck('web', { HealthCheckTimeoutSeconds: 30 }))).toBe(
      'HealthCheckTimeoutSeconds',
    )
    expect(
      fieldOf(
        lab.modifyHealthCheck('web', {
          HealthCheckIntervalSeconds: 5,
          HealthCheckTimeoutSeconds: 6,
        }),
      ),
    ).toBe('HealthCheckTimeoutSeconds')
  })

  it('a forbidden combination blames the attribute the request changed', () => {
    const lab = createLab()
    expect(
      lab.modifyTargetGroupAttributes('web', {
        'stickiness.enabled': 'true',
        'stickiness.type': 'lb_cookie',
      }),
    ).toEqual({ ok: true })
    // Stickiness is on; asking for weighted random is the algorithm's fault.
    expect(
      lab.modifyTargetGroupAttributes('web', {
        'load_balancing.algorithm.type': 'weighted_random',
      }),
    ).toMatchObject({ code: 'InvalidConfigurationRequest', field: 'load_balancing.algorithm.type' })
    expect(
      fieldOf(
        lab.modifyTargetGroupAttributes('web', { 'load_balancing.cross_zone.enabled': 'false' }),
      ),
    ).toBe('load_balancing.cross_zone.enabled')
    expect(lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'false' })).toEqual({
      ok: true,
    })
    expect(
      lab.modifyTargetGroupAttributes('web', {
        'load_balancing.algorithm.type': 'weighted_random',
      }),
    ).toEqual({ ok: true })
    // Now weighted random is set; turning stickiness on is the stickiness switch's fault.
    expect(fieldOf(lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' }))).toBe(
      'stickiness.enabled',
    )
    expect(
      fieldOf(lab.modifyTargetGroupAttributes('web', { 'slow_start.duration_seconds': '30' })),
    ).toBe('slow_start.duration_seconds')
    expect(
      fieldOf(
        lab.modifyTargetGroupAttributes('web', {
          'stickiness.type': 'app_cookie',
          'stickiness.enabled': 'true',
        }),
      ),
    ).toBe('stickiness.app_cookie.cookie_name')
  })

  it("a forward action names the member, from 1, and the stickiness config's keys", () => {
    const lab = createLab()
    lab.createTargetGroup('green', { targets: 1 })
    const weights = lab.setForward({
      targetGroups: [
        { name: 'web', weight: 1 },
        { name: 'green', weight: 1000 },
      ],
    })
    expect(weights).toMatchObject({ field: 'TargetGroups.member.2.Weight' })
    expect(
      fieldOf(
        lab.setForward({
          targetGroups: [{ name: 'web', weight: 1 }],
          stickiness: { enabled: true, durationSeconds: 0 },
        }),
      ),
    ).toBe('TargetGroupStickinessConfig.DurationSeconds')
    expect(fieldOf(lab.setForward({ targetGroups: [{ name: 'nope', weight: 1 }] }))).toBe(
      'TargetGroups.member.1.TargetGroupName',
    )
    expect(fieldOf(lab.setForward({ targetGroups: [] }))).toBe('TargetGroups')
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    expect(
      fieldOf(
        lab.setForward({
          targetGroups: [
            { name: 'web', weight: 1 },
            { name: 'green', weight: 1 },
          ],
        }),
      ),
    ).toBe('TargetGroupStickinessConfig.Enabled')
  })

  it('creating and registering name their parameters', () => {
    const lab = createLab()
    expect(fieldOf(lab.createTargetGroup('-bad'))).toBe('TargetGroupName')
    expect(fieldOf(lab.createTargetGroup('web'))).toBe('TargetGroupName')
    expect(fieldOf(lab.createTargetGroup('ok', { protocol: 'TCP' }))).toBe('Protocol')
    expect(fieldOf(lab.registerTargets('web', []))).toBe('Targets')
    expect(fieldOf(lab.registerTargets('web', ['i-1', 'bad id']))).toBe('Targets.member.2.Id')
  })

  it("the Classic Load Balancer's calls name AWS's elb parameters; a wrong load balancer names none", () => {
    const alb = createLab()
    expect(alb.createLBCookieStickinessPolicy({ policyName: 'p' })).not.toHaveProperty('field')
    const lab = createLab({ loadBalancerType: 'classic' })
    expect(fieldOf(lab.createLBCookieStickinessPolicy({ policyName: 'p_1' }))).toBe('PolicyName')
    expect(
      fieldOf(lab.createLBCookieStickinessPolicy({ policyName: 'p', cookieExpirationPeriod: -1 })),
    ).toBe('CookieExpirationPeriod')
    expect(
      fieldOf(lab.createAppCookieStickinessPolicy({ policyName: 'a', cookieName: 'bad name' })),
    ).toBe('CookieName')
    expect(
      fieldOf(lab.setLoadBalancerPoliciesOfListener({ loadBalancerPort: 81, policyNames: [] })),
    ).toBe('LoadBalancerPort')
    expect(
      fieldOf(
        lab.setLoadBalancerPoliciesOfListener({ loadBalancerPort: 80, policyNames: ['nope'] }),
      ),
    ).toBe('PolicyNames.member.1')
    expect(fieldOf(lab.registerInstancesWithLoadBalancer(['i-99']))).toBe(
      'Instances.member.1.InstanceId',
    )
  })
})
