// Terraform (hashicorp/aws provider) for the lab's Application Load Balancer: aws_lb, aws_lb_target_group with its
// `stickiness` and `health_check` blocks, aws_lb_target_group_attachment per registered target, aws_lb_listener
// with a forward default action. What the lab does not have (VPC, subnets, certificate) are input variables.
import { LAB_LOAD_BALANCER_NAME } from '../awsArns'
import {
  attributeOf,
  groupStickiness,
  usesShortForward,
  type LabConfiguration,
  type TargetGroupConfiguration,
} from './labConfiguration'

/** Target group attributes with their own aws_lb_target_group argument (stickiness and health apart). */
export const TERRAFORM_ATTRIBUTE_ARGUMENTS: readonly (readonly [string, string])[] = [
  ['deregistration_delay.timeout_seconds', 'deregistration_delay'],
  ['slow_start.duration_seconds', 'slow_start'],
  ['load_balancing.algorithm.type', 'load_balancing_algorithm_type'],
  ['load_balancing.algorithm.anomaly_mitigation', 'load_balancing_anomaly_mitigation'],
  ['load_balancing.cross_zone.enabled', 'load_balancing_cross_zone_enabled'],
]

/** target_group_health { dns_failover {…} unhealthy_state_routing {…} } arguments per attribute. */
export const TERRAFORM_GROUP_HEALTH: readonly (readonly [string, string, string])[] = [
  [
    'target_group_health.dns_failover.minimum_healthy_targets.count',
    'dns_failover',
    'minimum_healthy_targets_count',
  ],
  [
    'target_group_health.dns_failover.minimum_healthy_targets.percentage',
    'dns_failover',
    'minimum_healthy_targets_percentage',
  ],
  [
    'target_group_health.unhealthy_state_routing.minimum_healthy_targets.count',
    'unhealthy_state_routing',
    'minimum_healthy_targets_count',
  ],
  [
    'target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage',
    'unhealthy_state_routing',
    'minimum_healthy_targets_percentage',
  ],
]

/** A quoted HCL string: quotes and backslashes escaped, and `${`/`%{` so no template is started. */
export function hclString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{')
  return `"${escaped}"`
}

/** A resource label from a target group name: Terraform identifiers start with a letter or underscore. */
export function terraformLabel(name: string): string {
  const id = name.replace(/[^A-Za-z0-9_-]/g, '_')
  return /^[A-Za-z_]/.test(id) ? id : `tg_${id}`
}

/** A number when the attribute is numeric, so the output reads as people write it; otherwise a string. */
function numberOrString(value: string): string {
  return /^(0|[1-9][0-9]{0,8})$/.test(value) ? value : hclString(value)
}

function targetGroupBlock(tg: TargetGroupConfiguration): string[] {
  const label = terraformLabel(tg.name)
  const s = groupStickiness(tg)
  const hc = tg.healthCheck
  const lines = [
    `resource "aws_lb_target_group" ${hclString(label)} {`,
    `  name        = ${hclString(tg.name)}`,
    `  port        = ${tg.port}`,
    `  protocol    = ${hclString(tg.protocol)}`,
    `  target_type = "instance"`,
    `  vpc_id      = var.vpc_id`,
    '',
  ]
  const width = Math.max(...TERRAFORM_ATTRIBUTE_ARGUMENTS.map(([, arg]) => arg.length))
  for (const [key, arg] of TERRAFORM_ATTRIBUTE_ARGUMENTS) {
    const value = attributeOf(tg, key)
    if (value !== undefined) lines.push(`  ${arg.padEnd(width)} = ${numberOrString(value)}`)
  }
  lines.push(
    '',
    '  stickiness {',
    `    enabled         = ${s.enabled}`,
    `    type            = ${hclString(s.type)}`,
  )
  lines.push(`    cookie_duration = ${s.durationSeconds}`)
  if (s.type === 'app_cookie') lines.push(`    cookie_name     = ${hclString(s.cookieName)}`)
  lines.push('  }', '')
  lines.push(
    '  health_check {',
    '    enabled             = true',
    `    protocol            = ${hclString(hc.HealthCheckProtocol)}`,
    `    port                = ${hclString(hc.HealthCheckPort)}`,
    `    path                = ${hclString(hc.HealthCheckPath)}`,
    `    interval            = ${hc.HealthCheckIntervalSeconds}`,
    `    timeout             = ${hc.HealthCheckTimeoutSeconds}`,
    `    healthy_threshold   = ${hc.HealthyThresholdCount}`,
    `    unhealthy_threshold = ${hc.UnhealthyThresholdCount}`,
    `    matcher             = ${hclString(hc.Matcher.HttpCode)}`,
    '  }',
  )
  const groupHealth = ['dns_failover', 'unhealthy_state_routing'].map((block) => {
    const args = TERRAFORM_GROUP_HEALTH.filter(
      ([key, b]) => b === block && attributeOf(tg, key) !== undefined,
    ).map(([key, , arg]) => `      ${arg.padEnd(34)} = ${hclString(attributeOf(tg, key)!)}`)
    return args.length === 0 ? [] : [`    ${block} {`, ...args, '    }']
  })
  if (groupHealth.some((b) => b.length > 0))
    lines.push('', '  target_group_health {', ...groupHealth.flat(), '  }')
  lines.push('}')
  for (const id of tg.targets) {
    lines.push(
      '',
      `resource "aws_lb_target_group_attachment" ${hclString(`${label}_${id.replace(/[^A-Za-z0-9_-]/g, '_')}`)} {`,
      `  target_group_arn = aws_lb_target_group.${label}.arn`,
      `  target_id        = ${hclString(id)}`,
      `  port             = ${tg.port}`,
      '}',
    )
  }
  return lines
}

function listenerBlock(c: LabConfiguration): string[] {
  const { listener } = c
  const https = listener.protocol === 'HTTPS'
  const lines = [
    `resource "aws_lb_listener" ${hclString(https ? 'https' : 'http')} {`,
    `  load_balancer_arn = aws_lb.${LAB_LOAD_BALANCER_NAME}.arn`,
    `  port              = ${listener.port}`,
    `  protocol          = ${hclString(listener.protocol)}`,
  ]
  if (https) lines.push('  certificate_arn   = var.certificate_arn')
  lines.push('', '  default_action {', '    type = "forward"')
  const groups = listener.forward.targetGroups
  if (usesShortForward(c)) {
    lines.push(`    target_group_arn = aws_lb_target_group.${terraformLabel(groups[0]!.name)}.arn`)
  } else {
    lines.push('', '    forward {')
    for (const g of groups) {
      lines.push(
        '      target_group {',
        `        arn    = aws_lb_target_group.${terraformLabel(g.name)}.arn`,
        `        weight = ${g.weight}`,
        '      }',
        '',
      )
    }
    lines.push(
      '      stickiness {',
      `        enabled  = ${listener.forward.stickiness.enabled}`,
      `        duration = ${listener.forward.stickiness.durationSeconds}`,
      '      }',
      '    }',
    )
  }
  lines.push('  }', '}')
  return lines
}

/** The lab's ALB as Terraform configuration (HCL). */
export function renderTerraform(c: LabConfiguration): string {
  const https = c.listener.protocol === 'HTTPS'
  const lines = [
    '# Exported from Stickylab. Set the input variables below to your own VPC, subnets' +
      (https ? ' and certificate.' : '.'),
    'variable "vpc_id" {',
    '  type        = string',
    '  description = "The VPC of the target groups"',
    '}',
    '',
    'variable "subnet_ids" {',
    '  type        = list(string)',
    '  description = "Subnets in at least two Availability Zones for the load balancer"',
    '}',
    '',
  ]
  if (https) {
    lines.push(
      'variable "certificate_arn" {',
      '  type        = string',
      '  description = "ACM certificate for the HTTPS listener"',
      '}',
      '',
    )
  }
  lines.push(
    `resource "aws_lb" ${hclString(LAB_LOAD_BALANCER_NAME)} {`,
    `  name               = ${hclString(LAB_LOAD_BALANCER_NAME)}`,
    '  load_balancer_type = "application"',
    '  internal           = false',
    '  subnets            = var.subnet_ids',
    '}',
  )
  for (const tg of c.targetGroups) lines.push('', ...targetGroupBlock(tg))
  lines.push('', ...listenerBlock(c))
  return lines.join('\n') + '\n'
}
