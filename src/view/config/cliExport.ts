// A shell script of `aws elbv2` commands that builds the lab's Application Load Balancer in a real account: the
// load balancer, each target group (health check options at creation, every attribute after), its targets, and
// the listener, whose forward action is set by the same modify-listener command the Setup tab shows (awsCli.ts).
import {
  modifyListenerForwardCommand,
  modifyTargetGroupAttributesCommand,
  shellQuote,
  targetGroupArnVariable,
} from '../awsCli'
import { LAB_LOAD_BALANCER_NAME } from '../awsArns'
import type { LabConfiguration, TargetGroupConfiguration } from './labConfiguration'

function createTargetGroup(tg: TargetGroupConfiguration): string[] {
  const hc = tg.healthCheck
  const lines = [
    `${targetGroupArnVariable(tg.name)}=$(aws elbv2 create-target-group \\`,
    `  --name ${shellQuote(tg.name)} \\`,
    `  --protocol ${tg.protocol} --port ${tg.port} --target-type instance \\`,
    '  --vpc-id "$VPC_ID" \\',
    `  --health-check-protocol ${hc.HealthCheckProtocol} --health-check-port ${shellQuote(hc.HealthCheckPort)} \\`,
    `  --health-check-path ${shellQuote(hc.HealthCheckPath)} \\`,
    `  --health-check-interval-seconds ${hc.HealthCheckIntervalSeconds} --health-check-timeout-seconds ${hc.HealthCheckTimeoutSeconds} \\`,
    `  --healthy-threshold-count ${hc.HealthyThresholdCount} --unhealthy-threshold-count ${hc.UnhealthyThresholdCount} \\`,
    `  --matcher ${shellQuote(`HttpCode=${hc.Matcher.HttpCode}`)} \\`,
    "  --query 'TargetGroups[0].TargetGroupArn' --output text)",
    '',
    // An empty value (no application cookie named yet) is not a value AWS takes.
    modifyTargetGroupAttributesCommand(
      tg.name,
      Object.fromEntries(Object.entries(tg.attributes).filter(([, value]) => value !== '')),
    ),
  ]
  if (tg.targets.length > 0) {
    lines.push(
      '',
      'aws elbv2 register-targets \\',
      `  --target-group-arn "$${targetGroupArnVariable(tg.name)}" \\`,
      `  --targets ${tg.targets.map((id) => shellQuote(`Id=${id},Port=${tg.port}`)).join(' ')}`,
    )
  }
  return lines
}

/** The lab's ALB as an AWS CLI script (POSIX shell). */
export function renderCliScript(c: LabConfiguration): string {
  const https = c.listener.protocol === 'HTTPS'
  const first = c.listener.forward.targetGroups[0]?.name ?? c.targetGroups[0]?.name ?? 'web'
  const lines = [
    '#!/bin/sh',
    '# Exported from Stickylab. Set VPC_ID, SUBNET_IDS (space-separated, two Availability Zones or more)' +
      (https ? ' and CERTIFICATE_ARN' : '') +
      ' first.',
    'set -eu',
    ': "${VPC_ID:?set VPC_ID to your VPC id}"',
    ': "${SUBNET_IDS:?set SUBNET_IDS to your subnet ids}"',
  ]
  if (https) lines.push(': "${CERTIFICATE_ARN:?set CERTIFICATE_ARN to your ACM certificate ARN}"')
  lines.push(
    '',
    'LB_ARN=$(aws elbv2 create-load-balancer \\',
    `  --name ${LAB_LOAD_BALANCER_NAME} --type application --scheme internet-facing \\`,
    '  --subnets $SUBNET_IDS \\',
    "  --query 'LoadBalancers[0].LoadBalancerArn' --output text)",
  )
  for (const tg of c.targetGroups) lines.push('', ...createTargetGroup(tg))
  lines.push(
    '',
    '# The listener starts forwarding to one group; modify-listener then sets the whole forward action.',
    'aws elbv2 create-listener \\',
    '  --load-balancer-arn "$LB_ARN" \\',
    `  --protocol ${c.listener.protocol} --port ${c.listener.port} \\`,
  )
  if (https) lines.push('  --certificates CertificateArn="$CERTIFICATE_ARN" \\')
  lines.push(
    `  --default-actions "Type=forward,TargetGroupArn=$${targetGroupArnVariable(first)}" >/dev/null`,
    '',
    modifyListenerForwardCommand(c.listener.forward, c.listener.port),
  )
  return lines.join('\n') + '\n'
}
