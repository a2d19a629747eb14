// The AWS CLI commands shown for what the learner applied: keys, values, quoting and ARN look-ups.
import { describe, expect, it } from 'vitest'
import {
  createAppCookieStickinessPolicyCommand,
  createLBCookieStickinessPolicyCommand,
  setLoadBalancerPoliciesOfListenerCommand,
  modifyHealthCheckCommand,
  modifyListenerForwardCommand,
  modifyTargetGroupAttributesCommand,
  shellQuote,
  targetGroupArnVariable,
} from './awsCli'

describe('shellQuote', () => {
  it('leaves safe words bare', () => {
    expect(shellQuote('Key=stickiness.enabled,Value=true')).toBe(
      'Key=stickiness.enabled,Value=true',
    )
  })
  it('single-quotes words with shell characters and escapes single quotes', () => {
    expect(shellQuote('a b')).toBe("'a b'")
    expect(shellQuote("it's")).toBe("'it'\\''s'")
    expect(shellQuote('$HOME')).toBe("'$HOME'")
    expect(shellQuote('')).toBe("''")
  })
})

describe('targetGroupArnVariable', () => {
  it('makes a shell variable name from any target group name', () => {
    expect(targetGroupArnVariable('web')).toBe('TG_ARN_WEB')
    expect(targetGroupArnVariable('blue-2')).toBe('TG_ARN_BLUE_2')
  })
})

describe('modifyTargetGroupAttributesCommand', () => {
  it('looks the ARN up by name and lists each attribute as Key=…,Value=…', () => {
    const cmd = modifyTargetGroupAttributesCommand('web', {
      'stickiness.enabled': 'true',
      'stickiness.type': 'lb_cookie',
      'stickiness.lb_cookie.duration_seconds': '20',
    })
    expect(cmd).toBe(
      [
        'TG_ARN_WEB=$(aws elbv2 describe-target-groups --names web \\',
        "  --query 'TargetGroups[0].TargetGroupArn' --output text)",
        'aws elbv2 modify-target-group-attributes \\',
        '  --target-group-arn "$TG_ARN_WEB" \\',
        '  --attributes \\',
        '    Key=stickiness.enabled,Value=true \\',
        '    Key=stickiness.type,Value=lb_cookie \\',
        '    Key=stickiness.lb_cookie.duration_seconds,Value=20',
      ].join('\n'),
    )
  })
  it('quotes a cookie name with shell characters', () => {
    const cmd = modifyTargetGroupAttributesCommand('web', {
      'stickiness.app_cookie.cookie_name': 'a&b',
    })
    expect(cmd).toContain("'Key=stickiness.app_cookie.cookie_name,Value=a&b'")
  })
})

describe('modifyHealthCheckCommand', () => {
  it('uses modify-target-group with only the changed health-check options', () => {
    const cmd = modifyHealthCheckCommand('web', {
      HealthCheckIntervalSeconds: 10,
      UnhealthyThresholdCount: 3,
    })
    expect(cmd.split('\n').slice(2)).toEqual([
      'aws elbv2 modify-target-group \\',
      '  --target-group-arn "$TG_ARN_WEB" \\',
      '  --health-check-interval-seconds 10 \\',
      '  --unhealthy-threshold-count 3',
    ])
  })
})

describe('modifyListenerForwardCommand', () => {
  it('uses the short form for a single target group', () => {
    const cmd = modifyListenerForwardCommand({ targetGroups: [{ name: 'web', weight: 1 }] }, 443)
    expect(cmd).toContain("--query 'Listeners[?Port==`443`].ListenerArn'")
    expect(cmd.endsWith('  --default-actions "Type=forward,TargetGroupArn=$TG_ARN_WEB"')).toBe(true)
  })
  it('uses ForwardConfig with weights and target-group stickiness for blue/green', () => {
    const cmd = modifyListenerForwardCommand(
      {
        targetGroups: [
          { name: 'web', weight: 90 },
          { name: 'green', weight: 10 },
        ],
        stickiness: { enabled: true, durationSeconds: 3600 },
      },
      80,
    )
    expect(cmd).toContain('TG_ARN_GREEN=$(aws elbv2 describe-target-groups --names green')
    expect(cmd).toContain('Listeners[?Port==`80`]')
    expect(cmd).toContain(
      '--default-actions "Type=forward,ForwardConfig={TargetGroups=[{TargetGroupArn=$TG_ARN_WEB,Weight=90},{TargetGroupArn=$TG_ARN_GREEN,Weight=10}],TargetGroupStickinessConfig={Enabled=true,DurationSeconds=3600}}"',
    )
  })
})

describe('Classic Load Balancer commands (aws elb)', () => {
  it('creates a duration-based policy, with or without an expiration period', () => {
    expect(createLBCookieStickinessPolicyCommand('my-duration-cookie-policy', 60)).toBe(
      [
        'aws elb create-lb-cookie-stickiness-policy \\',
        '  --load-balancer-name "$LB_NAME" \\',
        '  --policy-name my-duration-cookie-policy \\',
        '  --cookie-expiration-period 60',
      ].join('\n'),
    )
    expect(createLBCookieStickinessPolicyCommand('session-only')).not.toContain('--cookie-expiration-period')
  })

  it('creates an application-controlled policy and sets the listener policies (empty list removes them)', () => {
    expect(createAppCookieStickinessPolicyCommand('my-app-cookie-policy', 'SESSIONID')).toContain('--cookie-name SESSIONID')
    expect(setLoadBalancerPoliciesOfListenerCommand(80, ['p1'])).toContain('--load-balancer-port 80 \\\n  --policy-names p1')
    expect(setLoadBalancerPoliciesOfListenerCommand(80, [])).toContain("--policy-names '[]'")
  })
})
