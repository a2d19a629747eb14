// `aws elbv2 describe-*`: read-only commands answering with the JSON AWS returns for the lab's resources.
import type { LabQueries } from '../../sim'
import { LAB_LOAD_BALANCER_NAME, targetGroupArn } from '../awsArns'
import { listOf, STRING, STRINGS, INTEGER, structure, type Checked } from './cliArgs'
import {
  asList,
  asString,
  member,
  type ConsoleCommand,
  type Plan,
  type ServiceError,
} from './consoleTypes'
import {
  checkListenerArn,
  checkLoadBalancerArn,
  currentRuleArn,
  listenerJson,
  loadBalancerJson,
  ruleJson,
  targetGroupByArn,
  targetGroupJson,
  TARGET_GROUPS_NOT_FOUND,
} from './elbv2Views'

export const TARGET_DESCRIPTION = structure(
  [
    ['Id', STRING],
    ['Port', INTEGER],
    ['AvailabilityZone', STRING],
  ],
  ['Id'],
)

function answer(output: (lab: LabQueries) => unknown): Plan {
  return { commands: [], output }
}

function strings(value: Checked | undefined): string[] {
  return asList(value).filter((v): v is string => typeof v === 'string')
}

const describeLoadBalancers: ConsoleCommand = {
  service: 'elbv2',
  name: 'describe-load-balancers',
  operation: 'DescribeLoadBalancers',
  summary: 'Describes the lab’s Application, Network or Gateway Load Balancer.',
  options: [
    { name: '--load-balancer-arns', shape: STRINGS },
    { name: '--names', shape: STRINGS },
  ],
  plan(lab, values) {
    const names = strings(values.get('--names'))
    const lb = loadBalancerJson(lab)
    const missing = names.filter((n) => lb === null || n !== LAB_LOAD_BALANCER_NAME)
    if (missing.length > 0)
      return {
        code: 'LoadBalancerNotFound',
        message: `Load balancers '[${missing.join(', ')}]' not found`,
      }
    for (const arn of strings(values.get('--load-balancer-arns'))) {
      const bad = checkLoadBalancerArn(lab, arn, false)
      if (bad !== null) return bad
    }
    return answer((after) => {
      const json = loadBalancerJson(after)
      return { LoadBalancers: json === null ? [] : [json] }
    })
  },
}

const describeTargetGroups: ConsoleCommand = {
  service: 'elbv2',
  name: 'describe-target-groups',
  operation: 'DescribeTargetGroups',
  summary: 'Describes the target groups, or those named by ARN, name or load balancer.',
  options: [
    { name: '--load-balancer-arn', shape: STRING },
    { name: '--target-group-arns', shape: STRINGS },
    { name: '--names', shape: STRINGS },
  ],
  plan(lab, values) {
    const lbArn = asString(values.get('--load-balancer-arn'))
    if (lbArn !== undefined) {
      const bad = checkLoadBalancerArn(lab, lbArn)
      if (bad !== null) return bad
    }
    const arns = strings(values.get('--target-group-arns'))
    const names = strings(values.get('--names'))
    for (const arn of arns) {
      const found = targetGroupByArn(lab, arn)
      if ('code' in found) return found
    }
    const groups = lab.targetGroups()
    const missing = names.filter((n) => !groups.some((g) => g.name === n))
    // AWS names no group here, whichever was missing.
    if (missing.length > 0) return TARGET_GROUPS_NOT_FOUND
    return answer((after) => ({
      TargetGroups: after
        .targetGroups()
        .filter(
          (g) =>
            (arns.length === 0 || arns.includes(targetGroupArn(g.name))) &&
            (names.length === 0 || names.includes(g.name)),
        )
        .filter((g) => lbArn === undefined || g.inUse)
        .map((g) => targetGroupJson(after, g)),
    }))
  },
}

const describeTargetGroupAttributes: ConsoleCommand = {
  service: 'elbv2',
  name: 'describe-target-group-attributes',
  operation: 'DescribeTargetGroupAttributes',
  summary: 'Describes a target group’s attributes (stickiness, algorithm, deregistration delay…).',
  options: [{ name: '--target-group-arn', shape: STRING, required: true }],
  plan(lab, values) {
    const group = targetGroupByArn(lab, asString(values.get('--target-group-arn')) ?? '')
    if ('code' in group) return group
    return answer((after) => ({ Attributes: attributesOf(after, group.name) }))
  },
}

/** A group's attributes as AWS lists them: `{ Key, Value }` pairs. */
export function attributesOf(lab: LabQueries, name: string): { Key: string; Value: string }[] {
  const group = lab.targetGroups().find((g) => g.name === name)
  if (group === undefined) return []
  return Object.entries(group.attributes).map(([Key, Value]) => ({ Key, Value }))
}

const describeTargetHealth: ConsoleCommand = {
  service: 'elbv2',
  name: 'describe-target-health',
  operation: 'DescribeTargetHealth',
  summary: 'Describes the health of a target group’s targets.',
  options: [
    { name: '--target-group-arn', shape: STRING, required: true },
    { name: '--targets', shape: listOf(TARGET_DESCRIPTION) },
  ],
  plan(lab, values) {
    const group = targetGroupByArn(lab, asString(values.get('--target-group-arn')) ?? '')
    if ('code' in group) return group
    const asked = asList(values.get('--targets')).map((t) => asString(member(t, 'Id')) ?? '')
    return answer((after) => ({
      TargetHealthDescriptions: targetHealth(after, group.name, group.port, asked),
    }))
  },
}

function targetHealth(lab: LabQueries, name: string, port: number, asked: string[]): unknown[] {
  const all = lab.describeTargetHealth(name) ?? []
  // Without --targets AWS lists the registered targets; a deregistered one shows only when asked for.
  const rows =
    asked.length === 0
      ? all.filter((h) => h.reason !== 'Target.NotRegistered')
      : asked.map(
          (id) =>
            all.find((h) => h.targetId === id) ?? {
              targetId: id,
              state: 'unused',
              reason: 'Target.NotRegistered',
              description: 'Target is not registered to the target group',
            },
        )
  return rows.map((h) => ({
    Target: { Id: h.targetId, Port: port },
    HealthCheckPort: String(port),
    TargetHealth: {
      State: h.state,
      ...(h.reason === undefined ? {} : { Reason: h.reason }),
      ...(h.description === undefined ? {} : { Description: h.description }),
    },
  }))
}

const describeListeners: ConsoleCommand = {
  service: 'elbv2',
  name: 'describe-listeners',
  operation: 'DescribeListeners',
  summary: 'Describes the load balancer’s listener and its default forward action.',
  options: [
    { name: '--load-balancer-arn', shape: STRING },
    { name: '--listener-arns', shape: STRINGS },
  ],
  plan(lab, values) {
    const lbArn = asString(values.get('--load-balancer-arn'))
    const arns = strings(values.get('--listener-arns'))
    if (lbArn === undefined && arns.length === 0)
      return {
        code: 'ValidationError',
        message: 'You must specify either listener ARNs or a load balancer ARN',
      }
    const bad =
      (lbArn === undefined ? null : checkLoadBalancerArn(lab, lbArn)) ??
      firstError(arns.map((a) => checkListenerArn(lab, a)))
    if (bad !== null) return bad
    return answer((after) => {
      const json = listenerJson(after)
      return { Listeners: json === null ? [] : [json] }
    })
  },
}

function firstError(errors: (ServiceError | null)[]): ServiceError | null {
  return errors.find((e) => e !== null) ?? null
}

const describeRules: ConsoleCommand = {
  service: 'elbv2',
  name: 'describe-rules',
  operation: 'DescribeRules',
  summary: 'Describes the listener’s rules (the lab’s listener has its default rule only).',
  options: [
    { name: '--listener-arn', shape: STRING },
    { name: '--rule-arns', shape: STRINGS },
  ],
  plan(lab, values) {
    const listener = asString(values.get('--listener-arn'))
    const arns = strings(values.get('--rule-arns'))
    if (listener === undefined && arns.length === 0)
      return {
        code: 'ValidationError',
        message: 'A listener ARN or a set of rule ARNs must be specified',
      }
    if (listener !== undefined) {
      const bad = checkListenerArn(lab, listener)
      if (bad !== null) return bad
    }
    if (arns.some((a) => a !== currentRuleArn(lab)))
      return { code: 'RuleNotFound', message: 'One or more rules not found' }
    return answer((after) => {
      const json = ruleJson(after)
      return { Rules: json === null ? [] : [json] }
    })
  },
}

export const ELBV2_DESCRIBE_COMMANDS: readonly ConsoleCommand[] = [
  describeLoadBalancers,
  describeTargetGroups,
  describeTargetGroupAttributes,
  describeTargetHealth,
  describeListeners,
  describeRules,
]
