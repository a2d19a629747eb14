// AWS CDK (TypeScript, aws-cdk-lib v2) for the lab's Application Load Balancer: ApplicationTargetGroup with
// `stickinessCookieDuration` (duration-based) or `enableCookieStickiness(duration, cookieName)` (application-based),
// the other attributes through `setAttribute` with AWS's keys, and a listener whose default action is
// `ListenerAction.forward` or `ListenerAction.weightedForward(…, { stickinessDuration })`. The VPC and certificate
// come from CDK context values (`cdk deploy -c vpcId=… -c certificateArn=…`).
import { LAB_ACCOUNT_ID, LAB_LOAD_BALANCER_NAME, LAB_REGION } from '../awsArns'
import {
  groupStickiness,
  STICKINESS_KEYS,
  type LabConfiguration,
  type TargetGroupConfiguration,
} from './labConfiguration'

/** A single-quoted TypeScript string literal. */
export function tsString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`
}

/** A TypeScript identifier for a target group's variable: `tg` + the name's letters and digits. */
function variableNames(names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>()
  const used = new Set<string>(['app', 'stack', 'vpc', 'lb', 'listener', 'certificateArn'])
  for (const name of names) {
    const base = `tg${name
      .split(/[^A-Za-z0-9]+/)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join('')}`
    let id = base
    for (let n = 2; used.has(id); n++) id = `${base}${n}`
    used.add(id)
    out.set(name, id)
  }
  return out
}

function targetGroup(tg: TargetGroupConfiguration, variable: string, id: string): string[] {
  const s = groupStickiness(tg)
  const hc = tg.healthCheck
  const lines = [
    `const ${variable} = new elbv2.ApplicationTargetGroup(stack, ${tsString(id)}, {`,
    '  vpc,',
    `  targetGroupName: ${tsString(tg.name)},`,
    `  protocol: elbv2.ApplicationProtocol.${tg.protocol === 'HTTPS' ? 'HTTPS' : 'HTTP'},`,
    `  port: ${tg.port},`,
    '  targetType: elbv2.TargetType.INSTANCE,',
  ]
  if (s.enabled && s.type === 'lb_cookie')
    lines.push(`  stickinessCookieDuration: Duration.seconds(${s.durationSeconds}),`)
  lines.push(
    '  healthCheck: {',
    '    enabled: true,',
    `    protocol: elbv2.Protocol.${hc.HealthCheckProtocol === 'HTTPS' ? 'HTTPS' : 'HTTP'},`,
    `    port: ${tsString(hc.HealthCheckPort)},`,
    `    path: ${tsString(hc.HealthCheckPath)},`,
    `    interval: Duration.seconds(${hc.HealthCheckIntervalSeconds}),`,
    `    timeout: Duration.seconds(${hc.HealthCheckTimeoutSeconds}),`,
    `    healthyThresholdCount: ${hc.HealthyThresholdCount},`,
    `    unhealthyThresholdCount: ${hc.UnhealthyThresholdCount},`,
    `    healthyHttpCodes: ${tsString(hc.Matcher.HttpCode)},`,
    '  },',
    `  targets: [${tg.targets.map((t) => `new targets.InstanceIdTarget(${tsString(t)}, ${tg.port})`).join(', ')}],`,
    '})',
  )
  if (s.enabled && s.type === 'app_cookie')
    lines.push(
      `${variable}.enableCookieStickiness(Duration.seconds(${s.durationSeconds}), ${tsString(s.cookieName)})`,
    )
  // The remaining attributes with AWS's own keys, so nothing the lab holds is lost.
  for (const [key, value] of Object.entries(tg.attributes)) {
    if (STICKINESS_KEYS.includes(key)) continue
    lines.push(`${variable}.setAttribute(${tsString(key)}, ${tsString(value)})`)
  }
  return lines
}

/** The lab's ALB as a CDK app (TypeScript). */
export function renderCdk(c: LabConfiguration): string {
  const https = c.listener.protocol === 'HTTPS'
  const vars = variableNames(c.targetGroups.map((g) => g.name))
  const lines = [
    '// Exported from Stickylab. Deploy with: cdk deploy -c vpcId=<your VPC id>' +
      (https ? ' -c certificateArn=<your ACM certificate ARN>' : ''),
    "import { App, Duration, Stack } from 'aws-cdk-lib'",
    "import * as ec2 from 'aws-cdk-lib/aws-ec2'",
    "import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2'",
    "import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets'",
    '',
    'const app = new App()',
    `const stack = new Stack(app, 'StickylabStack', { env: { account: ${tsString(LAB_ACCOUNT_ID)}, region: ${tsString(LAB_REGION)} } })`,
    "const vpc = ec2.Vpc.fromLookup(stack, 'Vpc', { vpcId: stack.node.tryGetContext('vpcId') as string })",
    '',
    "const lb = new elbv2.ApplicationLoadBalancer(stack, 'LoadBalancer', {",
    '  vpc,',
    '  internetFacing: true,',
    `  loadBalancerName: ${tsString(LAB_LOAD_BALANCER_NAME)},`,
    '})',
  ]
  c.targetGroups.forEach((tg, i) => {
    lines.push('', ...targetGroup(tg, vars.get(tg.name)!, `TargetGroup${i + 1}`))
  })
  const f = c.listener.forward
  let action: string
  if (f.targetGroups.length === 1 && !f.stickiness.enabled) {
    action = `elbv2.ListenerAction.forward([${vars.get(f.targetGroups[0]!.name)}])`
  } else {
    const groups = f.targetGroups.map(
      (g) => `    { targetGroup: ${vars.get(g.name)}, weight: ${g.weight} },`,
    )
    const options = f.stickiness.enabled
      ? `, { stickinessDuration: Duration.seconds(${f.stickiness.durationSeconds}) }`
      : ''
    action = [
      'elbv2.ListenerAction.weightedForward(',
      '  [',
      ...groups,
      `  ]${options},`,
      ')',
    ].join('\n  ')
  }
  lines.push(
    '',
    "lb.addListener('Listener', {",
    `  protocol: elbv2.ApplicationProtocol.${https ? 'HTTPS' : 'HTTP'},`,
    `  port: ${c.listener.port},`,
  )
  if (https)
    lines.push(
      "  certificates: [elbv2.ListenerCertificate.fromArn(stack.node.tryGetContext('certificateArn') as string)],",
    )
  lines.push(`  defaultAction: ${action},`, '})')
  return lines.join('\n') + '\n'
}
