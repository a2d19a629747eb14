import { describe, expect, it } from 'vitest'
import { targetGroupArn } from '../awsArns'
import { EXIT_OK, EXIT_SERVICE_ERROR, EXIT_USAGE } from './consoleTypes'
import { ALB, consoleLab, LISTENER, state, WEB } from './consoleLab'

const json = (out: { stdout: string }) => JSON.parse(out.stdout) as Record<string, unknown>

describe('aws elbv2 describe-*', () => {
  it('describe-load-balancers: the lab’s ALB with its ARN, DNS name and zones', () => {
    const { run } = consoleLab()
    const out = run('aws elbv2 describe-load-balancers')
    expect(out.exitStatus).toBe(EXIT_OK)
    const [lb] = json(out).LoadBalancers as Record<string, unknown>[]
    expect(lb).toMatchObject({
      LoadBalancerArn: ALB,
      LoadBalancerName: 'stickylab-alb',
      Type: 'application',
      State: { Code: 'active' },
      Scheme: 'internet-facing',
    })
    expect(lb!.DNSName).toMatch(/^stickylab-alb-\d+\.us-east-1\.elb\.amazonaws\.com$/)
    // The CLI's default output: JSON indented by four spaces.
    expect(out.stdout.split('\n')[1]).toBe('    "LoadBalancers": [')
    expect(run('aws elbv2 describe-load-balancers --names other')).toMatchObject({
      exitStatus: EXIT_SERVICE_ERROR,
      stderr:
        "An error occurred (LoadBalancerNotFound) when calling the DescribeLoadBalancers operation: Load balancers '[other]' not found",
    })
  })

  it('describe-target-groups: every group, or by name, ARN or load balancer', () => {
    const { run } = consoleLab()
    const [tg] = json(run('aws elbv2 describe-target-groups')).TargetGroups as Record<
      string,
      unknown
    >[]
    expect(tg).toMatchObject({
      TargetGroupArn: WEB,
      TargetGroupName: 'web',
      Protocol: 'HTTP',
      Port: 80,
      HealthCheckIntervalSeconds: 30,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 5,
      UnhealthyThresholdCount: 2,
      Matcher: { HttpCode: '200' },
      LoadBalancerArns: [ALB],
      TargetType: 'instance',
    })
    expect(json(run('aws elbv2 describe-target-groups --names web')).TargetGroups).toHaveLength(1)
    expect(
      json(run(`aws elbv2 describe-target-groups --target-group-arns ${WEB}`)).TargetGroups,
    ).toHaveLength(1)
    expect(
      json(run(`aws elbv2 describe-target-groups --load-balancer-arn ${ALB}`)).TargetGroups,
    ).toHaveLength(1)
    expect(
      run(`aws elbv2 describe-target-groups --target-group-arns ${targetGroupArn('nope')}`).stderr,
    ).toBe(
      'An error occurred (TargetGroupNotFound) when calling the DescribeTargetGroups operation: One or more target groups not found',
    )
    expect(run('aws elbv2 describe-target-groups --target-group-arns web').stderr).toContain(
      "(ValidationError) when calling the DescribeTargetGroups operation: 'web' is not a valid target group ARN",
    )
  })

  it('describe-target-group-attributes: Attributes[] of {Key, Value}', () => {
    const { run } = consoleLab()
    const attrs = json(run(`aws elbv2 describe-target-group-attributes --target-group-arn ${WEB}`))
      .Attributes as { Key: string; Value: string }[]
    expect(attrs).toContainEqual({ Key: 'stickiness.enabled', Value: 'false' })
    expect(attrs).toContainEqual({ Key: 'stickiness.lb_cookie.duration_seconds', Value: '86400' })
    expect(
      run(
        `aws elbv2 describe-target-group-attributes --target-group-arn ${targetGroupArn('gone')}`,
      ),
    ).toEqual({
      exitStatus: EXIT_SERVICE_ERROR,
      stdout: '',
      stderr:
        'An error occurred (TargetGroupNotFound) when calling the DescribeTargetGroupAttributes operation: One or more target groups not found',
    })
    expect(run('aws elbv2 describe-target-group-attributes').exitStatus).toBe(EXIT_USAGE)
  })

  it('describe-target-health: TargetHealthDescriptions with Target{Id,Port} and TargetHealth', () => {
    const { lab, run } = consoleLab()
    lab.setHealthCheckFailing('i-2', true)
    lab.advance(60)
    const rows = json(run(`aws elbv2 describe-target-health --target-group-arn ${WEB}`))
      .TargetHealthDescriptions as Record<string, unknown>[]
    expect(rows[0]).toEqual({
      Target: { Id: 'i-1', Port: 80 },
      HealthCheckPort: '80',
      TargetHealth: { State: 'healthy' },
    })
    expect(rows[1]).toMatchObject({
      Target: { Id: 'i-2', Port: 80 },
      TargetHealth: { State: 'unhealthy', Reason: 'Target.ResponseCodeMismatch' },
    })
    const one = json(
      run(`aws elbv2 describe-target-health --target-group-arn ${WEB} --targets Id=i-9`),
    ).TargetHealthDescriptions
    expect(one).toEqual([
      {
        Target: { Id: 'i-9', Port: 80 },
        HealthCheckPort: '80',
        TargetHealth: {
          State: 'unused',
          Reason: 'Target.NotRegistered',
          Description: 'Target is not registered to the target group',
        },
      },
    ])
  })

  it('describe-listeners and describe-rules: the listener and its default rule', () => {
    const { run } = consoleLab()
    const [listener] = json(run(`aws elbv2 describe-listeners --load-balancer-arn ${ALB}`))
      .Listeners as Record<string, unknown>[]
    expect(listener).toMatchObject({
      ListenerArn: LISTENER,
      Port: 443,
      Protocol: 'HTTPS',
      DefaultActions: [
        {
          Type: 'forward',
          TargetGroupArn: WEB,
          ForwardConfig: {
            TargetGroups: [{ TargetGroupArn: WEB, Weight: 1 }],
            TargetGroupStickinessConfig: { Enabled: false },
          },
        },
      ],
    })
    const [rule] = json(run(`aws elbv2 describe-rules --listener-arn ${LISTENER}`)).Rules as Record<
      string,
      unknown
    >[]
    expect(rule).toMatchObject({ Priority: 'default', IsDefault: true, Conditions: [] })
    expect(
      run(
        `aws elbv2 describe-rules --rule-arns ${LISTENER.replace(':listener/', ':listener-rule/')}/0000000000000000`,
      ).stderr,
    ).toBe(
      'An error occurred (RuleNotFound) when calling the DescribeRules operation: One or more rules not found',
    )
    expect(run(`aws elbv2 describe-rules --listener-arn ${LISTENER}x`).stderr).toContain(
      '(ListenerNotFound)',
    )
    expect(run('aws elbv2 describe-listeners').stderr).toContain(
      '(ValidationError) when calling the DescribeListeners operation: You must specify either listener ARNs or a load balancer ARN',
    )
  })
})

describe('aws elbv2 changes', () => {
  it('modify-target-group-attributes turns on duration-based stickiness and answers the attributes', () => {
    const { lab, run } = consoleLab()
    const out = run(
      `aws elbv2 modify-target-group-attributes --target-group-arn ${WEB} --attributes Key=stickiness.enabled,Value=true Key=stickiness.type,Value=lb_cookie Key=stickiness.lb_cookie.duration_seconds,Value=60`,
    )
    expect(out.exitStatus).toBe(EXIT_OK)
    expect(json(out).Attributes).toContainEqual({
      Key: 'stickiness.lb_cookie.duration_seconds',
      Value: '60',
    })
    expect(lab.targetGroups()[0]!.attributes['stickiness.enabled']).toBe('true')
    expect(lab.log().at(-1)).toMatchObject({ call: 'modifyTargetGroupAttributes' })
  })

  it('a refused change answers AWS’s error line with exit status 254 and changes nothing', () => {
    const { lab, run } = consoleLab()
    const before = state(lab)
    const out = run(
      `aws elbv2 modify-target-group-attributes --target-group-arn ${WEB} --attributes Key=stickiness.enabled,Value=true Key=stickiness.lb_cookie.duration_seconds,Value=0`,
    )
    expect(out).toEqual({
      exitStatus: EXIT_SERVICE_ERROR,
      stdout: '',
      stderr:
        "An error occurred (ValidationError) when calling the ModifyTargetGroupAttributes operation: 'stickiness.lb_cookie.duration_seconds' value '0' must be between '1-604800' inclusive",
    })
    expect(state(lab)).toBe(before)
  })

  it('a missing required option: the CLI’s usage and exit status 252, nothing changed', () => {
    const { lab, run } = consoleLab()
    const before = state(lab)
    const out = run(
      'aws elbv2 modify-target-group-attributes --attributes Key=stickiness.enabled,Value=true',
    )
    expect(out.exitStatus).toBe(EXIT_USAGE)
    expect(out.stderr).toMatch(/^usage: aws \[options\]/)
    expect(
      out.stderr.endsWith('aws: error: the following arguments are required: --target-group-arn'),
    ).toBe(true)
    expect(
      run(
        `aws elbv2 modify-target-group-attributes --target-group-arn ${WEB} --attributes Key=a,Value=b --force`,
      ).stderr,
    ).toContain('aws: error: Unknown options: --force')
    expect(state(lab)).toBe(before)
  })

  it('register-targets and deregister-targets print nothing and change the group', () => {
    const { lab, run } = consoleLab()
    const id = lab.launchInstance()
    expect(run(`aws elbv2 register-targets --target-group-arn ${WEB} --targets Id=${id}`)).toEqual({
      exitStatus: 0,
      stdout: '',
      stderr: '',
    })
    expect(lab.targetGroups()[0]!.targets.map((t) => t.id)).toContain(id)
    expect(
      run(`aws elbv2 deregister-targets --target-group-arn ${WEB} --targets Id=i-1`).exitStatus,
    ).toBe(0)
    expect(lab.describeTargetHealth('web')!.find((h) => h.targetId === 'i-1')!.state).toBe(
      'draining',
    )
    const before = state(lab)
    expect(
      run(`aws elbv2 register-targets --target-group-arn ${WEB} --targets Id=i-2,Port=8080`).stderr,
    ).toContain('port (80), not 8080')
    expect(
      run(`aws elbv2 register-targets --target-group-arn ${WEB} --targets Id='bad id'`).stderr,
    ).toContain('(ValidationError) when calling the RegisterTargets operation:')
    expect(state(lab)).toBe(before)
  })

  it('create-target-group with health-check options is applied whole or not at all', () => {
    const { lab, run } = consoleLab()
    const out = run(
      'aws elbv2 create-target-group --name green --protocol HTTP --port 80 --health-check-interval-seconds 10',
    )
    expect(json(out).TargetGroups).toMatchObject([
      { TargetGroupName: 'green', HealthCheckIntervalSeconds: 10, LoadBalancerArns: [] },
    ])
    const before = state(lab)
    // The group could be created, but the interval is out of range: nothing is created.
    const bad = run('aws elbv2 create-target-group --name blue --health-check-interval-seconds 1')
    expect(bad.exitStatus).toBe(EXIT_SERVICE_ERROR)
    expect(bad.stderr).toMatch(
      /^An error occurred \(ValidationError\) when calling the CreateTargetGroup operation: /,
    )
    expect(state(lab)).toBe(before)
    expect(run('aws elbv2 create-target-group --name green').stderr).toContain(
      '(DuplicateTargetGroupName)',
    )
  })

  it('modify-target-group changes the health check', () => {
    const { lab, run } = consoleLab()
    const out = run(
      `aws elbv2 modify-target-group --target-group-arn ${WEB} --health-check-interval-seconds 10 --unhealthy-threshold-count 3`,
    )
    expect(json(out).TargetGroups).toMatchObject([
      { HealthCheckIntervalSeconds: 10, UnhealthyThresholdCount: 3 },
    ])
    expect(lab.healthCheck('web')!.HealthCheckIntervalSeconds).toBe(10)
    const before = state(lab)
    expect(
      run(
        `aws elbv2 modify-target-group --target-group-arn ${WEB} --health-check-timeout-seconds 20`,
      ).exitStatus,
    ).toBe(EXIT_SERVICE_ERROR)
    expect(
      run(`aws elbv2 modify-target-group --target-group-arn ${WEB} --health-check-path /health`)
        .stderr,
    ).toContain('not modelled')
    expect(state(lab)).toBe(before)
  })

  it('modify-listener: weighted forward with TargetGroupStickinessConfig, and the protocol', () => {
    const { lab, run } = consoleLab()
    run('aws elbv2 create-target-group --name green')
    const green = targetGroupArn('green')
    const out = run(
      `aws elbv2 modify-listener --listener-arn ${LISTENER} --default-actions Type=forward,ForwardConfig={TargetGroups=[{TargetGroupArn=${WEB},Weight=90},{TargetGroupArn=${green},Weight=10}],TargetGroupStickinessConfig={Enabled=true,DurationSeconds=3600}}`,
    )
    expect(out.exitStatus).toBe(EXIT_OK)
    expect(lab.listener().forward).toEqual({
      targetGroups: [
        { name: 'web', weight: 90 },
        { name: 'green', weight: 10 },
      ],
      stickiness: { enabled: true, durationSeconds: 3600 },
    })
    expect((json(out).Listeners as Record<string, unknown>[])[0]!.DefaultActions).toEqual([
      {
        Type: 'forward',
        ForwardConfig: {
          TargetGroups: [
            { TargetGroupArn: WEB, Weight: 90 },
            { TargetGroupArn: green, Weight: 10 },
          ],
          TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 3600 },
        },
      },
    ])
    // JSON works as well as shorthand.
    const back = JSON.stringify([{ Type: 'forward', TargetGroupArn: WEB }])
    expect(
      run(`aws elbv2 modify-listener --listener-arn ${LISTENER} --default-actions '${back}'`)
        .exitStatus,
    ).toBe(0)
    expect(lab.listener().forward.targetGroups).toEqual([{ name: 'web', weight: 1 }])
    expect(
      run(`aws elbv2 modify-listener --listener-arn ${LISTENER} --protocol HTTP --port 80`)
        .exitStatus,
    ).toBe(0)
    expect(lab.listener()).toMatchObject({ protocol: 'HTTP', port: 80 })
    const before = state(lab)
    expect(
      run(`aws elbv2 modify-listener --listener-arn ${LISTENER} --protocol HTTPS --port 8443`)
        .exitStatus,
    ).toBe(EXIT_SERVICE_ERROR)
    // A protocol change with a refused forward action: neither is applied.
    const refused = run(
      `aws elbv2 modify-listener --listener-arn ${LISTENER} --protocol HTTPS --default-actions Type=forward,ForwardConfig={TargetGroups=[{TargetGroupArn=${WEB},Weight=1000}]}`,
    )
    expect(refused.stderr).toMatch(
      /^An error occurred \(ValidationError\) when calling the ModifyListener operation: Weight 1000/,
    )
    expect(state(lab)).toBe(before)
  })
})

describe('the console’s own words', () => {
  it('help, a command’s synopsis, clear, an unknown command and a non-aws word', () => {
    const { run } = consoleLab()
    expect(run('help').stdout).toContain('modify-target-group-attributes')
    expect(run('help').stdout).toContain('create-lb-cookie-stickiness-policy')
    const synopsis = run('aws elbv2 describe-target-health help').stdout
    expect(synopsis).toContain('--target-group-arn <value>')
    expect(synopsis).toContain('[--targets <value> [<value>...]]')
    expect(run('clear')).toMatchObject({ exitStatus: 0, clear: true })
    const unknown = run('aws elbv2 delete-load-balancer')
    expect(unknown.exitStatus).toBe(EXIT_USAGE)
    expect(unknown.stderr).toContain(
      'aws: error: argument operation: Invalid choice, valid choices are:',
    )
    expect(unknown.stderr).toContain(
      'describe-target-group-attributes         | describe-target-groups',
    )
    expect(run('aws s3 ls').stderr).toContain('argument command: Invalid choice')
    expect(run('ls')).toMatchObject({ exitStatus: 127, stderr: 'ls: command not found (try help)' })
    expect(run('aws elbv2 describe-target-groups --output table').exitStatus).toBe(EXIT_USAGE)
    expect(
      run('aws elbv2 describe-target-groups --output json --region us-east-1 --no-cli-pager')
        .exitStatus,
    ).toBe(EXIT_OK)
  })

  it('hostile input: unbalanced quotes, long lines, __proto__ names and huge numbers answer readably and change nothing', () => {
    const { lab, run } = consoleLab()
    const before = state(lab)
    expect(run(`aws elbv2 describe-target-groups --names 'web`).stderr).toContain('single quote')
    expect(run(`aws ${'x'.repeat(9000)}`).stderr).toContain('at most 8192')
    expect(
      run(
        `aws elbv2 modify-target-group-attributes --target-group-arn ${WEB} --attributes Key=__proto__,Value=x`,
      ).stderr,
    ).toBe(
      'An error occurred (InvalidConfigurationRequest) when calling the ModifyTargetGroupAttributes operation: The provided target group attribute is not supported',
    )
    expect(
      run(
        `aws elbv2 modify-target-group-attributes --target-group-arn ${WEB} --attributes '{"__proto__":{"Key":"a"}}'`,
      ).exitStatus,
    ).toBe(EXIT_USAGE)
    expect(run(`aws elbv2 describe-target-groups --names __proto__`).stderr).toContain(
      'One or more target groups not found',
    )
    expect(
      run(
        `aws elbv2 modify-target-group --target-group-arn ${WEB} --health-check-interval-seconds 1${'0'.repeat(400)}`,
      ).stderr,
    ).toContain('Invalid range for parameter HealthCheckIntervalSeconds')
    expect(
      run(
        `aws elbv2 modify-listener --listener-arn ${LISTENER} --default-actions Type=forward,ForwardConfig={TargetGroups=[{TargetGroupArn=${WEB},Weight=99999999999}]}`,
      ).exitStatus,
    ).toBe(EXIT_USAGE)
    expect(state(lab)).toBe(before)
  })
})
