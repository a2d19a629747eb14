// Every export is valid for its tool: Terraform parses with HashiCorp's HCL parser, CloudFormation and Kubernetes
// with the yaml package, the CDK app compiles as TypeScript, and each carries AWS's names for stickiness.
import { spawnSync } from 'node:child_process'
import { parseAllDocuments, parse as parseYaml } from 'yaml'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { createLab } from '../../sim'
import { EXPORT_FORMATS, exportRefusal, renderConfiguration } from './exportConfiguration'
import { readLabConfiguration } from './labConfiguration'
import { hclString } from './terraformExport'

function weightedLab() {
  const lab = createLab()
  lab.createTargetGroup('green', { targets: 1 })
  lab.modifyTargetGroupAttributes('web', {
    'stickiness.enabled': 'true',
    'stickiness.lb_cookie.duration_seconds': '600',
  })
  lab.setForward({
    targetGroups: [
      { name: 'web', weight: 80 },
      { name: 'green', weight: 20 },
    ],
    stickiness: { enabled: true, durationSeconds: 3600 },
  })
  return readLabConfiguration(lab)
}

async function parseHcl(text: string): Promise<Record<string, unknown>> {
  const hcl = (await import('hcl2-parser')) as unknown as {
    parseToObject(t: string): [Record<string, unknown> | null, unknown]
  }
  const [parsed, error] = hcl.parseToObject(text)
  expect(error).toBeNull()
  return parsed!
}

describe('Terraform export', () => {
  it('parses as HCL: a target group with a stickiness block and a weighted forward with group stickiness', async () => {
    const text = renderConfiguration('terraform', weightedLab())
    const parsed = (await parseHcl(text)) as {
      resource: Record<string, Record<string, { [k: string]: unknown }[]>>
    }
    const web = parsed.resource.aws_lb_target_group!.web![0]!
    expect(web.stickiness).toEqual([{ enabled: true, type: 'lb_cookie', cookie_duration: 600 }])
    const listener = parsed.resource.aws_lb_listener!.https![0]! as {
      default_action: { forward: { stickiness: unknown; target_group: unknown[] }[] }[]
    }
    expect(listener.default_action[0]!.forward[0]!.stickiness).toEqual([
      { enabled: true, duration: 3600 },
    ])
    expect(listener.default_action[0]!.forward[0]!.target_group).toEqual([
      { arn: '${aws_lb_target_group.web.arn}', weight: 80 },
      { arn: '${aws_lb_target_group.green.arn}', weight: 20 },
    ])
    expect(text).toContain('vpc_id      = var.vpc_id')
    expect(text).toContain('certificate_arn   = var.certificate_arn')
  })

  it('escapes strings so a hostile name cannot start a template or end the string', () => {
    expect(hclString('a"b\\c${x}%{y}')).toBe('"a\\"b\\\\c$${x}%%{y}"')
  })
})

describe('CloudFormation export', () => {
  it('is YAML with TargetGroupAttributes Key/Value and ForwardConfig.TargetGroupStickinessConfig', () => {
    const template = parseYaml(renderConfiguration('cloudformation', weightedLab()), {
      version: '1.1',
    }) as {
      Parameters: Record<string, unknown>
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>
    }
    expect(Object.keys(template.Parameters)).toEqual(['VpcId', 'SubnetIds', 'CertificateArn'])
    const web = template.Resources.TargetGroupWeb!
    expect(web.Type).toBe('AWS::ElasticLoadBalancingV2::TargetGroup')
    expect(web.Properties.TargetGroupAttributes).toContainEqual({
      Key: 'stickiness.lb_cookie.duration_seconds',
      Value: '600',
    })
    // YAML 1.1 readers (CloudFormation's) would turn a bare `off` into false: it must stay the string.
    expect(web.Properties.TargetGroupAttributes).toContainEqual({
      Key: 'load_balancing.algorithm.anomaly_mitigation',
      Value: 'off',
    })
    const action = (
      template.Resources.Listener!.Properties.DefaultActions as { ForwardConfig: unknown }[]
    )[0]!
    expect(action.ForwardConfig).toEqual({
      TargetGroups: [
        { TargetGroupArn: { Ref: 'TargetGroupWeb' }, Weight: 80 },
        { TargetGroupArn: { Ref: 'TargetGroupGreen' }, Weight: 20 },
      ],
      TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 3600 },
    })
  })
})

describe('Kubernetes export', () => {
  it('is YAML: Services with target-group-attributes and an Ingress forward action with targetGroupStickinessConfig', () => {
    const docs = parseAllDocuments(renderConfiguration('kubernetes', weightedLab()), {
      version: '1.1',
    })
    const values = (Array.isArray(docs) ? docs : [docs]).map(
      (d) => d.toJS() as { kind: string; metadata: { annotations: Record<string, string> } },
    )
    expect(values.map((v) => v.kind)).toEqual(['Service', 'Service', 'Ingress'])
    expect(
      values[0]!.metadata.annotations['alb.ingress.kubernetes.io/target-group-attributes'],
    ).toMatch(
      /^stickiness\.enabled=true,stickiness\.type=lb_cookie,stickiness\.lb_cookie\.duration_seconds=600,/,
    )
    expect(values[0]!.metadata.annotations['alb.ingress.kubernetes.io/target-type']).toBe(
      'instance',
    )
    const action = JSON.parse(
      values[2]!.metadata.annotations['alb.ingress.kubernetes.io/actions.forward']!,
    ) as unknown
    expect(action).toEqual({
      type: 'forward',
      forwardConfig: {
        targetGroups: [
          { serviceName: 'web', servicePort: '80', weight: 80 },
          { serviceName: 'green', servicePort: '80', weight: 20 },
        ],
        targetGroupStickinessConfig: { enabled: true, durationSeconds: 3600 },
      },
    })
  })
})

describe('AWS CDK export', () => {
  it('compiles as TypeScript and uses stickinessCookieDuration and weightedForward with stickinessDuration', () => {
    const text = renderConfiguration('cdk', weightedLab())
    const out = ts.transpileModule(text, {
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    })
    expect(out.diagnostics ?? []).toEqual([])
    expect(text).toContain('stickinessCookieDuration: Duration.seconds(600)')
    expect(text).toContain('elbv2.ListenerAction.weightedForward(')
    expect(text).toContain('{ stickinessDuration: Duration.seconds(3600) }')
  })

  it('application-based stickiness is enableCookieStickiness(duration, cookieName)', () => {
    const lab = createLab()
    lab.modifyTargetGroupAttributes('web', {
      'stickiness.enabled': 'true',
      'stickiness.type': 'app_cookie',
      'stickiness.app_cookie.cookie_name': "it's",
    })
    const text = renderConfiguration('cdk', readLabConfiguration(lab))
    expect(text).toContain("tgWeb.enableCookieStickiness(Duration.seconds(86400), 'it\\'s')")
    const out = ts.transpileModule(text, { reportDiagnostics: true })
    expect(out.diagnostics ?? []).toEqual([])
  })
})

describe('AWS CLI script export', () => {
  it('creates the group, sets every attribute, registers targets and sets the weighted forward action', () => {
    const text = renderConfiguration('cli', weightedLab())
    expect(text).toContain('aws elbv2 create-target-group \\\n  --name web')
    expect(text).toContain('Key=stickiness.lb_cookie.duration_seconds,Value=600')
    expect(text).toContain('--targets Id=i-1,Port=80 Id=i-2,Port=80 Id=i-3,Port=80')
    expect(text).toContain('TargetGroupStickinessConfig={Enabled=true,DurationSeconds=3600}')
    expect(text).not.toContain('Value= ')
  })

  it('is valid POSIX shell syntax (sh -n), also with a hostile group name', () => {
    const lab = createLab()
    lab.createTargetGroup('it-s-green', { targets: 1 })
    lab.modifyTargetGroupAttributes('web', {
      'stickiness.enabled': 'true',
      'stickiness.type': 'app_cookie',
      'stickiness.app_cookie.cookie_name': "a'b$c",
    })
    for (const c of [weightedLab(), readLabConfiguration(lab)]) {
      const check = spawnSync('sh', ['-n'], {
        input: renderConfiguration('cli', c),
        encoding: 'utf8',
      })
      expect(check.stderr).toBe('')
      expect(check.status).toBe(0)
    }
  })
})

describe('load balancer types', () => {
  it('every format is refused with a plain sentence for a Network Load Balancer', () => {
    const c = readLabConfiguration(createLab({ loadBalancerType: 'network' }))
    expect(exportRefusal(c)).toMatch(/Application Load Balancers only/)
    expect(exportRefusal(readLabConfiguration(createLab()))).toBeNull()
    expect(EXPORT_FORMATS.map((f) => f.id)).toEqual([
      'terraform',
      'cloudformation',
      'cdk',
      'kubernetes',
      'cli',
    ])
  })
})
