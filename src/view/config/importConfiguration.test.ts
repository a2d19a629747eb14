// Importing what engineers paste: each format's recognised items become lab commands, AWS's errors are reported per
// item from a scratch copy, and hostile or malformed input of every format gives one readable sentence and leaves
// the lab exactly as it was.
import { describe, expect, it } from 'vitest'
import { applyCommand, createLab, type Lab } from '../../sim'
import { targetGroupArn } from '../awsArns'
import { MAX_IMPORT_CHARACTERS, readConfiguration } from './importConfiguration'
import { planImport } from './importPlan'
import { ImportError } from './importTypes'
import { configurationJson } from './labConfiguration'

const LB_COOKIE_TF = `
resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 80
  protocol = "HTTP"
  vpc_id   = var.vpc_id

  stickiness {
    type            = "lb_cookie"
    cookie_duration = 3600
  }
}
`

async function plan(lab: Lab, text: string) {
  return planImport(lab, await readConfiguration(text, 'web'))
}

function applyAll(lab: Lab, commands: Parameters<typeof applyCommand>[1][]): void {
  for (const c of commands) applyCommand(lab, c)
}

/** The whole lab, configuration and log, to prove an import that failed changed nothing. */
function fingerprint(lab: Lab): string {
  return JSON.stringify(lab.snapshot())
}

describe('Terraform import', () => {
  it('a target group with lb_cookie stickiness (enabled defaults to true) turns duration-based stickiness on', async () => {
    const lab = createLab()
    const p = await plan(lab, LB_COOKIE_TF)
    expect(p.rejected).toBe(0)
    expect(p.commands).toEqual([
      {
        call: 'modifyTargetGroupAttributes',
        args: [
          'web',
          { 'stickiness.enabled': 'true', 'stickiness.lb_cookie.duration_seconds': '3600' },
        ],
      },
    ])
    expect(p.lines).toContainEqual({
      kind: 'ignored',
      item: 'aws_lb_target_group.web',
      text: 'vpc_id: not simulated (the lab has no VPC, tags or lifecycle)',
    })
    applyAll(lab, p.commands)
    expect(lab.targetGroups()[0]!.attributes['stickiness.enabled']).toBe('true')
  })

  it("reports AWS's error for what AWS would reject, and plans nothing", async () => {
    const lab = createLab()
    const before = fingerprint(lab)
    const p = await plan(lab, LB_COOKIE_TF.replace('3600', '700000'))
    expect(p.rejected).toBe(1)
    expect(p.commands).toEqual([])
    const rejected = p.lines.filter((l) => l.kind === 'rejected')
    expect(rejected).toHaveLength(1)
    expect(rejected[0]!.text).toMatch(/^target group 'web' attributes: ValidationError: /)
    expect(rejected[0]!.text).toContain('700000')
    expect(fingerprint(lab)).toBe(before)
  })

  it('app_cookie with a reserved cookie name is refused with AWS words', async () => {
    const tf = `resource "aws_lb_target_group" "web" {
  name = "web"
  stickiness {
    type        = "app_cookie"
    cookie_name = "AWSALBAPP-0"
  }
}`
    const p = await plan(createLab(), tf)
    expect(p.rejected).toBe(1)
    expect(p.lines.find((l) => l.kind === 'rejected')!.text).toMatch(/AWSALB/)
  })

  it('a weighted forward that needs target group stickiness is rejected with InvalidConfigurationRequest', async () => {
    const tf = `${LB_COOKIE_TF}
resource "aws_lb_target_group" "green" {
  name     = "green"
  protocol = "HTTP"
}
resource "aws_lb_listener" "front" {
  protocol = "HTTPS"
  port     = 443
  default_action {
    type = "forward"
    forward {
      target_group {
        arn    = aws_lb_target_group.web.arn
        weight = 50
      }
      target_group {
        arn    = aws_lb_target_group.green.arn
        weight = 50
      }
    }
  }
}`
    const p = await plan(createLab(), tf)
    expect(p.lines.find((l) => l.kind === 'rejected')!.text).toContain(
      'InvalidConfigurationRequest',
    )
    expect(p.commands).toEqual([])
  })

  it('expressions (var.x) are ignored with why, not sent to AWS', async () => {
    const tf =
      'resource "aws_lb_target_group" "web" {\n  name = "web"\n  deregistration_delay = var.delay\n}\n'
    const p = await plan(createLab(), tf)
    expect(p.rejected).toBe(0)
    expect(p.lines).toContainEqual({
      kind: 'ignored',
      item: 'aws_lb_target_group.web',
      text: 'deregistration_delay.timeout_seconds = ${var.delay}: an expression; the lab needs a literal value',
    })
  })

  it('resources the lab does not simulate are listed as ignored with why', async () => {
    const p = await plan(
      createLab(),
      `resource "aws_security_group" "sg" {\n  name = "x"\n}\nprovider "aws" {\n  region = "us-east-1"\n}\n`,
    )
    expect(p.lines).toEqual([
      {
        kind: 'ignored',
        item: 'provider',
        text: "provider blocks: not part of the load balancer's configuration",
      },
      { kind: 'ignored', item: 'aws_security_group.sg', text: 'not a resource the lab simulates' },
    ])
    expect(p.commands).toEqual([])
  })
})

describe('CloudFormation import', () => {
  it('reads short-form intrinsic functions (!Ref) and ForwardConfig', async () => {
    const yaml = `
Resources:
  Blue:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Name: web
      Protocol: HTTP
      Port: 80
      VpcId: !Ref VpcId
      TargetGroupAttributes:
        - Key: stickiness.enabled
          Value: "true"
  Green:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Name: green
      Protocol: HTTP
      Port: 80
      Targets:
        - Id: i-9
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Protocol: HTTPS
      Port: 443
      DefaultActions:
        - Type: forward
          ForwardConfig:
            TargetGroups:
              - TargetGroupArn: !Ref Blue
                Weight: 70
              - TargetGroupArn: !GetAtt Green.TargetGroupArn
                Weight: 30
            TargetGroupStickinessConfig:
              Enabled: true
              DurationSeconds: 120
`
    const lab = createLab()
    const p = await plan(lab, yaml)
    expect(p.rejected).toBe(0)
    applyAll(lab, p.commands)
    expect(lab.listener().forward).toEqual({
      targetGroups: [
        { name: 'web', weight: 70 },
        { name: 'green', weight: 30 },
      ],
      stickiness: { enabled: true, durationSeconds: 120 },
    })
    expect(lab.targetGroups()[1]!.targets.map((t) => t.id)).toEqual(['i-9'])
  })
})

describe('Kubernetes import', () => {
  it('reads target-group-attributes from an Ingress for its single Service backend', async () => {
    const yaml = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    alb.ingress.kubernetes.io/target-type: ip
    alb.ingress.kubernetes.io/target-group-attributes: stickiness.enabled=true,stickiness.lb_cookie.duration_seconds=60
spec:
  ingressClassName: alb
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
`
    const lab = createLab()
    const p = await plan(lab, yaml)
    expect(p.rejected).toBe(0)
    expect(p.lines.some((l) => l.kind === 'ignored' && l.text.startsWith('target-type ip'))).toBe(
      true,
    )
    applyAll(lab, p.commands)
    expect(lab.targetGroups()[0]!.attributes['stickiness.lb_cookie.duration_seconds']).toBe('60')
  })
})

describe('describe output import', () => {
  it('describe-target-group-attributes output goes to the first forwarded group, and says so', async () => {
    const json = JSON.stringify({
      Attributes: [
        { Key: 'stickiness.enabled', Value: 'true' },
        { Key: 'stickiness.type', Value: 'app_cookie' },
        { Key: 'stickiness.app_cookie.cookie_name', Value: 'JSESSIONID' },
      ],
    })
    const lab = createLab()
    const p = await plan(lab, json)
    expect(p.format).toBe('AWS CLI describe output (JSON)')
    expect(p.lines[0]!.text).toMatch(/does not name its target group: applied to 'web'/)
    applyAll(lab, p.commands)
    expect(lab.targetGroups()[0]!.attributes['stickiness.app_cookie.cookie_name']).toBe(
      'JSESSIONID',
    )
  })

  it('describe-listeners output with a real account ARN reads the group name from the ARN', async () => {
    const json = JSON.stringify({
      Listeners: [
        {
          Protocol: 'HTTP',
          Port: 80,
          DefaultActions: [
            {
              Type: 'forward',
              TargetGroupArn:
                'arn:aws:elasticloadbalancing:eu-west-1:999999999999:targetgroup/web/0123456789abcdef',
            },
          ],
        },
      ],
    })
    const lab = createLab()
    const p = await plan(lab, json)
    applyAll(lab, p.commands)
    expect(lab.listener().protocol).toBe('HTTP')
    expect(targetGroupArn('web')).toMatch(/targetgroup\/web\//)
  })
})

describe('hostile and malformed input: a readable message, the lab untouched', () => {
  const cases: [string, string, RegExp][] = [
    ['empty', '   ', /Paste a configuration first/],
    [
      'truncated YAML',
      'Resources:\n  Web:\n    Type: "AWS::ElasticLoadBalancingV2::TargetGroup\n',
      /not valid YAML/,
    ],
    [
      'invalid HCL',
      'resource "aws_lb_target_group" "web" {\n  name = "web"\n',
      /not valid Terraform \(HCL\) syntax/,
    ],
    ['truncated JSON', '{"Attributes": [{"Key": "stickiness.enabled"', /not valid JSON/],
    [
      'JSON with the wrong types',
      '{"Attributes": "stickiness.enabled=true"}',
      /Attributes must be a list/,
    ],
    ['JSON of something else', '{"hello": "world"}', /does not recognise this configuration/],
    ['prose', 'please make my ALB sticky', /does not recognise this configuration/],
    ['deep nesting', '['.repeat(100_000), /not valid JSON|could not be read/],
    [
      'a YAML alias bomb',
      'a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
      /YAML|recognise/,
    ],
  ]
  it.each(cases)('%s', async (_, text, message) => {
    const lab = createLab()
    const before = fingerprint(lab)
    const error = await readConfiguration(text, 'web').then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ImportError)
    expect((error as Error).message).toMatch(message)
    expect(fingerprint(lab)).toBe(before)
  })

  it('a 1 MB paste is refused before parsing', async () => {
    const text = `resource "x" "y" {\n${'  a = 1\n'.repeat(150_000)}}\n`
    expect(text.length).toBeGreaterThan(MAX_IMPORT_CHARACTERS)
    await expect(readConfiguration(text, 'web')).rejects.toThrow(
      /characters long; the lab reads at most 200,000/,
    )
  })

  it('__proto__ keys are ordinary data: an attribute or group named __proto__ is refused by AWS rules, nothing is polluted', async () => {
    const json =
      '{"Attributes": [{"Key": "__proto__", "Value": "x"}], "__proto__": {"polluted": true}}'
    const lab = createLab()
    const p = await plan(lab, json)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(p.rejected).toBe(1)
    expect(p.lines.find((l) => l.kind === 'rejected')!.text).toBe(
      "target group 'web' attributes: InvalidConfigurationRequest: The provided target group attribute is not supported",
    )
    const tf = await plan(
      lab,
      'resource "aws_lb_target_group" "__proto__" {\n  name = "__proto__"\n}\n',
    )
    expect(tf.lines.find((l) => l.kind === 'rejected')!.text).toMatch(
      /Target group name '__proto__'/,
    )
  })

  it('enormous numbers are refused as AWS refuses them, never rounded into range', async () => {
    const lab = createLab()
    const before = configurationJson(lab)
    const tf = `resource "aws_lb_target_group" "web" {
  name = "web"
  deregistration_delay = 1e400
  health_check {
    interval = 123456789012345678901234567890
  }
}`
    const p = await plan(lab, tf)
    expect(p.commands).toEqual([])
    expect(
      p.lines.some((l) => l.kind === 'ignored' && l.text.startsWith('health_check.interval')),
    ).toBe(true)
    expect(p.lines.some((l) => l.kind === 'rejected')).toBe(true)
    expect(configurationJson(lab)).toBe(before)
    const weights = await plan(
      lab,
      JSON.stringify({
        Listeners: [
          {
            Protocol: 'HTTPS',
            Port: 443,
            DefaultActions: [
              {
                Type: 'forward',
                ForwardConfig: {
                  TargetGroups: [{ TargetGroupArn: targetGroupArn('web'), Weight: 1e300 }],
                },
              },
            ],
          },
        ],
      }),
    )
    expect(weights.commands).toEqual([])
  })
})
