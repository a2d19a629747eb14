import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadBalancerArn } from '../awsArns'
import { completeLine } from './completeLine'
import { EXIT_OK, EXIT_SERVICE_ERROR } from './consoleTypes'
import { ALB, consoleLab, LISTENER, state, WEB } from './consoleLab'
import { labCallsAsCli } from './labCallsAsCli'

const NAME = '--load-balancer-name stickylab-alb'

describe('aws elb on the Classic Load Balancer', () => {
  it('creates a duration policy, puts it on the listener and describes it', () => {
    const { lab, run } = consoleLab('classic')
    expect(
      run(
        `aws elb create-lb-cookie-stickiness-policy ${NAME} --policy-name sticky-60 --cookie-expiration-period 60`,
      ),
    ).toEqual({
      exitStatus: 0,
      stdout: '',
      stderr: '',
    })
    expect(
      run(
        `aws elb set-load-balancer-policies-of-listener ${NAME} --load-balancer-port 80 --policy-names sticky-60`,
      ).exitStatus,
    ).toBe(0)
    expect(lab.listener().policyNames).toEqual(['sticky-60'])
    expect(JSON.parse(run(`aws elb describe-load-balancer-policies ${NAME}`).stdout)).toEqual({
      PolicyDescriptions: [
        {
          PolicyName: 'sticky-60',
          PolicyTypeName: 'LBCookieStickinessPolicyType',
          PolicyAttributeDescriptions: [
            { AttributeName: 'CookieExpirationPeriod', AttributeValue: '60' },
          ],
        },
      ],
    })
    expect(
      run(
        `aws elb set-load-balancer-policies-of-listener ${NAME} --load-balancer-port 80 --policy-names '[]'`,
      ).exitStatus,
    ).toBe(0)
    expect(lab.listener().policyNames).toEqual([])
  })

  it('an application-cookie policy; refusals in AWS’s words change nothing', () => {
    const { lab, run } = consoleLab('classic')
    expect(
      run(
        `aws elb create-app-cookie-stickiness-policy ${NAME} --policy-name app --cookie-name SESSIONID`,
      ).exitStatus,
    ).toBe(0)
    const before = state(lab)
    expect(
      run(`aws elb create-app-cookie-stickiness-policy ${NAME} --policy-name app --cookie-name X`)
        .stderr,
    ).toBe(
      "An error occurred (DuplicatePolicyName) when calling the CreateAppCookieStickinessPolicy operation: Policy 'app' already exists on this load balancer",
    )
    expect(
      run(
        `aws elb set-load-balancer-policies-of-listener ${NAME} --load-balancer-port 443 --policy-names app`,
      ).stderr,
    ).toContain('(ListenerNotFound)')
    expect(
      run(`aws elb create-lb-cookie-stickiness-policy ${NAME} --policy-name 'bad name'`).exitStatus,
    ).toBe(EXIT_SERVICE_ERROR)
    expect(
      run(`aws elb describe-load-balancer-policies ${NAME} --policy-names nope`).stderr,
    ).toContain('(PolicyNotFound)')
    expect(state(lab)).toBe(before)
  })

  it('describe-instance-health, register and deregister instances', () => {
    const { lab, run } = consoleLab('classic')
    const states = JSON.parse(run(`aws elb describe-instance-health ${NAME}`).stdout).InstanceStates
    expect(states[0]).toEqual({
      InstanceId: 'i-1',
      State: 'InService',
      ReasonCode: 'N/A',
      Description: 'N/A',
    })
    const id = lab.launchInstance()
    const out = run(
      `aws elb register-instances-with-load-balancer ${NAME} --instances InstanceId=${id}`,
    )
    expect(JSON.parse(out.stdout).Instances).toContainEqual({ InstanceId: id })
    expect(
      run(`aws elb deregister-instances-from-load-balancer ${NAME} --instances InstanceId=i-1`)
        .exitStatus,
    ).toBe(EXIT_OK)
    const before = state(lab)
    expect(
      run(`aws elb register-instances-with-load-balancer ${NAME} --instances InstanceId=i-99`)
        .stderr,
    ).toContain('(InvalidInstance)')
    expect(
      run(`aws elb describe-instance-health ${NAME} --instances InstanceId=i-99`).stderr,
    ).toContain('(InvalidInstance)')
    expect(state(lab)).toBe(before)
  })
})

describe('the wrong load balancer type answers as AWS would', () => {
  it('aws elb on an ALB: LoadBalancerNotFound (Classic names are their own namespace)', () => {
    const { lab, run } = consoleLab()
    const before = state(lab)
    expect(run(`aws elb create-lb-cookie-stickiness-policy ${NAME} --policy-name p`).stderr).toBe(
      "An error occurred (LoadBalancerNotFound) when calling the CreateLBCookieStickinessPolicy operation: There is no ACTIVE Load Balancer named 'stickylab-alb'",
    )
    expect(state(lab)).toBe(before)
  })

  it('aws elbv2 on a Classic Load Balancer: no load balancers, no target groups, its ARNs not found', () => {
    const { lab, run } = consoleLab('classic')
    const before = state(lab)
    expect(JSON.parse(run('aws elbv2 describe-load-balancers').stdout)).toEqual({
      LoadBalancers: [],
    })
    expect(JSON.parse(run('aws elbv2 describe-target-groups').stdout)).toEqual({ TargetGroups: [] })
    expect(run(`aws elbv2 describe-listeners --load-balancer-arn ${ALB}`).stderr).toContain(
      `(LoadBalancerNotFound) when calling the DescribeListeners operation: Load balancer '${ALB}' not found`,
    )
    expect(
      run(
        `aws elbv2 modify-target-group-attributes --target-group-arn ${WEB} --attributes Key=stickiness.enabled,Value=true`,
      ).stderr,
    ).toContain('(TargetGroupNotFound)')
    expect(
      run(
        `aws elbv2 modify-listener --listener-arn ${LISTENER} --default-actions Type=forward,TargetGroupArn=${WEB}`,
      ).stderr,
    ).toContain('(ListenerNotFound)')
    expect(run('aws elbv2 create-target-group --name green').stderr).toContain(
      'A Classic Load Balancer has no target groups',
    )
    expect(state(lab)).toBe(before)
  })

  it('a Network Load Balancer has its own ARN and the lab’s NLB rules', () => {
    const { lab, run } = consoleLab('network')
    expect(
      JSON.parse(run('aws elbv2 describe-load-balancers').stdout).LoadBalancers[0].LoadBalancerArn,
    ).toBe(loadBalancerArn('network'))
    const before = state(lab)
    expect(
      run(
        `aws elbv2 modify-target-group-attributes --target-group-arn ${WEB} --attributes Key=stickiness.type,Value=lb_cookie`,
      ).stderr,
    ).toBe(
      "An error occurred (InvalidConfigurationRequest) when calling the ModifyTargetGroupAttributes operation: Stickiness type 'lb_cookie' is not supported for target groups with the TCP protocol",
    )
    expect(run(`aws elbv2 describe-listeners --load-balancer-arn ${ALB}`).exitStatus).toBe(
      EXIT_SERVICE_ERROR,
    )
    expect(state(lab)).toBe(before)
  })
})

describe('Tab completion', () => {
  it('completes the command and option names, listing candidates when several fit', () => {
    expect(completeLine('a')).toEqual({ line: 'aws ', candidates: [] })
    expect(completeLine('aws elbv2 describe-target-gr')).toEqual({
      line: 'aws elbv2 describe-target-group',
      candidates: ['describe-target-group-attributes', 'describe-target-groups'],
    })
    expect(completeLine('aws elbv2 modify-target-group-a')).toEqual({
      line: 'aws elbv2 modify-target-group-attributes ',
      candidates: [],
    })
    expect(completeLine('aws elbv2 modify-target-group-attributes --t')).toEqual({
      line: 'aws elbv2 modify-target-group-attributes --target-group-arn ',
      candidates: [],
    })
    expect(completeLine('aws elbv2 register-targets --target-group-arn x --').candidates).toEqual([
      '--targets',
      '--output',
      '--region',
      '--no-cli-pager',
    ])
    expect(completeLine('aws elbv2 nope --')).toEqual({ line: 'aws elbv2 nope --', candidates: [] })
    expect(completeLine('aws elbv2 register-targets --targets Id')).toEqual({
      line: 'aws elbv2 register-targets --targets Id',
      candidates: [],
    })
  })
})

describe('Show as CLI', () => {
  it('lists the lab’s configuration calls as CLI lines the console runs again', () => {
    const { lab } = consoleLab()
    lab.modifyTargetGroupAttributes('web', {
      'stickiness.enabled': 'true',
      'stickiness.type': 'lb_cookie',
    })
    lab.request('alice')
    lab.modifyHealthCheck('web', { HealthCheckIntervalSeconds: 10 })
    lab.createTargetGroup('green')
    lab.setForward({
      targetGroups: [
        { name: 'web', weight: 1 },
        { name: 'green', weight: 1 },
      ],
      stickiness: { enabled: true, durationSeconds: 60 },
    })
    lab.setListenerProtocol('HTTP')
    const lines = labCallsAsCli(lab.log())
    expect(lines[0]).toBe(
      `aws elbv2 modify-target-group-attributes --target-group-arn ${WEB} --attributes Key=stickiness.enabled,Value=true Key=stickiness.type,Value=lb_cookie`,
    )
    expect(lines).toHaveLength(5)
    // Replayed in the console on a fresh lab, they make the same configuration.
    const fresh = consoleLab()
    for (const line of lines) expect(fresh.run(line).stderr).toBe('')
    expect(fresh.lab.targetGroups()).toEqual(lab.targetGroups().map((g) => ({ ...g })))
    expect(fresh.lab.listener()).toEqual(lab.listener())
  })

  it('follows the load balancer type for Classic lines', () => {
    const { lab } = consoleLab('classic')
    lab.createLBCookieStickinessPolicy({ policyName: 'p', cookieExpirationPeriod: 30 })
    lab.setLoadBalancerPoliciesOfListener({ loadBalancerPort: 80, policyNames: ['p'] })
    expect(labCallsAsCli(lab.log())).toEqual([
      'aws elb create-lb-cookie-stickiness-policy --load-balancer-name stickylab-alb --policy-name p --cookie-expiration-period 30',
      'aws elb set-load-balancer-policies-of-listener --load-balancer-name stickylab-alb --load-balancer-port 80 --policy-names p',
    ])
  })
})

describe('property: any line', () => {
  const words = fc.constantFrom(
    'aws',
    'elbv2',
    'elb',
    'help',
    '--target-group-arn',
    WEB,
    LISTENER,
    ALB,
    '--attributes',
    'Key=stickiness.enabled,Value=true',
    'Key=stickiness.lb_cookie.duration_seconds,Value=0',
    'modify-target-group-attributes',
    'modify-listener',
    'register-targets',
    'deregister-targets',
    '--targets',
    'Id=i-1',
    'Id=__proto__',
    '--default-actions',
    `Type=forward,TargetGroupArn=${WEB}`,
    'create-target-group',
    '--name',
    'green',
    'modify-target-group',
    '--health-check-interval-seconds',
    '10',
    '1e400',
    "'",
    '"',
    '\\',
    '[',
    '{',
    '=',
    ',',
    '--load-balancer-name',
    'stickylab-alb',
    'create-lb-cookie-stickiness-policy',
    '--policy-name',
  )
  const line = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc
      .array(fc.oneof(words, fc.string({ maxLength: 12 })), { maxLength: 14 })
      .map((w) => w.join(' ')),
  )

  it('never throws, and changes the lab only when the exit status is 0', () => {
    for (const type of ['application', 'classic'] as const) {
      fc.assert(
        fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
          const { lab, run } = consoleLab(type)
          for (const l of lines) {
            const before = state(lab)
            const out = run(l)
            expect(typeof out.exitStatus).toBe('number')
            if (out.exitStatus !== 0) expect(state(lab)).toBe(before)
          }
        }),
        { numRuns: 150 },
      )
    }
  })
})
