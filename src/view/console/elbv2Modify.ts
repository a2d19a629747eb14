// `aws elbv2` commands that change the lab: each maps to the lab's own calls (LabCommands), so the lab's checks
// and AWS's error messages decide, exactly as for a form on the stage.
import type {
  ForwardConfig,
  HealthCheckUpdate,
  LabCommand,
  LabQueries,
  LoadBalancerType,
  TargetGroupView,
} from '../../sim'
import { LAB_VPC_ID } from '../awsArns'
import {
  BOOLEAN,
  INTEGER,
  listOf,
  STRING,
  structure,
  type Checked,
  type OptionSpec,
} from './cliArgs'
import {
  asList,
  asNumber,
  asString,
  member,
  stringRecord,
  type ConsoleCommand,
  type ServiceError,
} from './consoleTypes'
import { attributesOf, TARGET_DESCRIPTION } from './elbv2Describe'
import { checkListenerArn, listenerJson, targetGroupByArn, targetGroupJson } from './elbv2Views'

const ATTRIBUTE = structure([
  ['Key', STRING],
  ['Value', STRING],
])

const modifyTargetGroupAttributes: ConsoleCommand = {
  service: 'elbv2',
  name: 'modify-target-group-attributes',
  operation: 'ModifyTargetGroupAttributes',
  summary:
    'Changes target group attributes: stickiness.enabled, stickiness.type, durations, algorithm…',
  options: [
    { name: '--target-group-arn', shape: STRING, required: true },
    { name: '--attributes', shape: listOf(ATTRIBUTE), required: true },
  ],
  plan(lab, values) {
    const group = targetGroupByArn(lab, asString(values.get('--target-group-arn')) ?? '')
    if ('code' in group) return group
    const entries = asList(values.get('--attributes')).map(
      (a) => [asString(member(a, 'Key')) ?? '', asString(member(a, 'Value')) ?? ''] as const,
    )
    return {
      commands: [
        { call: 'modifyTargetGroupAttributes', args: [group.name, stringRecord(entries)] },
      ],
      output: (after) => ({ Attributes: attributesOf(after, group.name) }),
    }
  },
}

function targetIds(group: TargetGroupView, targets: Checked | undefined): string[] | ServiceError {
  const ids: string[] = []
  for (const t of asList(targets)) {
    const port = asNumber(member(t, 'Port'))
    // The lab's targets serve on their group's port; a target registered on another port is not modelled.
    if (port !== undefined && port !== group.port)
      return {
        code: 'ValidationError',
        message: `The lab registers targets on the target group's port (${group.port}), not ${port}`,
      }
    ids.push(asString(member(t, 'Id')) ?? '')
  }
  return ids
}

function targetsCommand(register: boolean): ConsoleCommand {
  return {
    service: 'elbv2',
    name: register ? 'register-targets' : 'deregister-targets',
    operation: register ? 'RegisterTargets' : 'DeregisterTargets',
    summary: register
      ? 'Registers instances (Id=i-1 …) with a target group.'
      : 'Deregisters instances from a target group (they drain first).',
    options: [
      { name: '--target-group-arn', shape: STRING, required: true },
      { name: '--targets', shape: listOf(TARGET_DESCRIPTION), required: true },
    ],
    plan(lab, values) {
      const group = targetGroupByArn(lab, asString(values.get('--target-group-arn')) ?? '')
      if ('code' in group) return group
      const ids = targetIds(group, values.get('--targets'))
      if (!Array.isArray(ids)) return ids
      const command: LabCommand = register
        ? { call: 'registerTargets', args: [group.name, ids] }
        : { call: 'deregisterTargets', args: [group.name, ids] }
      return { commands: [command], output: () => null }
    },
  }
}

const HEALTH_OPTIONS: readonly (readonly [string, keyof HealthCheckUpdate])[] = [
  ['--health-check-interval-seconds', 'HealthCheckIntervalSeconds'],
  ['--health-check-timeout-seconds', 'HealthCheckTimeoutSeconds'],
  ['--healthy-threshold-count', 'HealthyThresholdCount'],
  ['--unhealthy-threshold-count', 'UnhealthyThresholdCount'],
]
/** Health-check options AWS has and the lab keeps fixed (HTTP on the traffic port, path /, code 200). */
const FIXED_HEALTH_OPTIONS = [
  '--health-check-protocol',
  '--health-check-port',
  '--health-check-path',
  '--matcher',
  '--health-check-enabled',
]

const HEALTH_SPECS: OptionSpec[] = [
  ...HEALTH_OPTIONS.map(([name]) => ({ name, shape: INTEGER })),
  { name: '--health-check-protocol', shape: STRING },
  { name: '--health-check-port', shape: STRING },
  { name: '--health-check-path', shape: STRING },
  {
    name: '--matcher',
    shape: structure([
      ['HttpCode', STRING],
      ['GrpcCode', STRING],
    ]),
  },
  { name: '--health-check-enabled', shape: BOOLEAN },
]

function healthUpdate(values: ReadonlyMap<string, Checked>): HealthCheckUpdate | ServiceError {
  const fixed = FIXED_HEALTH_OPTIONS.find((o) => values.has(o))
  if (fixed !== undefined)
    return {
      code: 'ValidationError',
      message: `The lab's health checks keep their protocol, port, path and matcher; ${fixed} is not modelled (change the interval, timeout or thresholds)`,
    }
  const update: HealthCheckUpdate = {}
  for (const [option, field] of HEALTH_OPTIONS) {
    const v = asNumber(values.get(option))
    if (v !== undefined) update[field] = v
  }
  return update
}

const modifyTargetGroup: ConsoleCommand = {
  service: 'elbv2',
  name: 'modify-target-group',
  operation: 'ModifyTargetGroup',
  summary:
    'Changes a target group’s health check: interval, timeout, healthy and unhealthy thresholds.',
  options: [{ name: '--target-group-arn', shape: STRING, required: true }, ...HEALTH_SPECS],
  plan(lab, values) {
    const group = targetGroupByArn(lab, asString(values.get('--target-group-arn')) ?? '')
    if ('code' in group) return group
    const update = healthUpdate(values)
    if ('code' in update) return update
    return {
      commands:
        Object.keys(update).length === 0
          ? []
          : [{ call: 'modifyHealthCheck', args: [group.name, update] }],
      output: (after) => ({ TargetGroups: groupJson(after, group.name) }),
    }
  },
}

function groupJson(lab: LabQueries, name: string): unknown[] {
  const g = lab.targetGroups().find((t) => t.name === name)
  return g === undefined ? [] : [targetGroupJson(lab, g)]
}

/** The traffic port the lab gives a new group of this protocol. */
function labPort(type: LoadBalancerType, protocol: string | undefined): number {
  if (type === 'gateway') return 6081
  return protocol === 'TLS' || protocol === 'HTTPS' ? 443 : 80
}

const createTargetGroup: ConsoleCommand = {
  service: 'elbv2',
  name: 'create-target-group',
  operation: 'CreateTargetGroup',
  summary: 'Creates an empty target group (not in use until the listener forwards to it).',
  options: [
    { name: '--name', shape: STRING, required: true },
    { name: '--protocol', shape: STRING },
    { name: '--port', shape: INTEGER },
    { name: '--vpc-id', shape: STRING },
    { name: '--target-type', shape: STRING },
    ...HEALTH_SPECS,
  ],
  plan(lab, values) {
    const name = asString(values.get('--name')) ?? ''
    const protocol = asString(values.get('--protocol'))
    const port = asNumber(values.get('--port'))
    const type = lab.loadBalancerType()
    if (type === 'classic')
      return {
        code: 'ValidationError',
        message:
          'A Classic Load Balancer has no target groups: register instances with the load balancer instead',
      }
    if (port !== undefined && port !== labPort(type, protocol))
      return {
        code: 'ValidationError',
        message: `The lab gives a ${protocol ?? 'default'} target group port ${labPort(type, protocol)}, not ${port}`,
      }
    const vpc = asString(values.get('--vpc-id'))
    if (vpc !== undefined && vpc !== LAB_VPC_ID)
      return { code: 'ValidationError', message: `The VPC ID '${vpc.slice(0, 100)}' is not found` }
    const targetType = asString(values.get('--target-type'))
    if (targetType !== undefined && targetType !== 'instance')
      return {
        code: 'ValidationError',
        message: `The lab's target groups hold instances; target type '${targetType.slice(0, 40)}' is not modelled`,
      }
    const update = healthUpdate(values)
    if ('code' in update) return update
    const commands: LabCommand[] = [
      {
        call: 'createTargetGroup',
        args: [name, protocol === undefined ? {} : { protocol: protocol as never }],
      },
    ]
    if (Object.keys(update).length > 0)
      commands.push({ call: 'modifyHealthCheck', args: [name, update] })
    return { commands, output: (after) => ({ TargetGroups: groupJson(after, name) }) }
  },
}

const FORWARD_CONFIG = structure([
  [
    'TargetGroups',
    listOf(
      structure([
        ['TargetGroupArn', STRING],
        ['Weight', INTEGER],
      ]),
    ),
  ],
  [
    'TargetGroupStickinessConfig',
    structure([
      ['Enabled', BOOLEAN],
      ['DurationSeconds', INTEGER],
    ]),
  ],
])
const ACTION = structure(
  [
    ['Type', STRING],
    ['TargetGroupArn', STRING],
    ['ForwardConfig', FORWARD_CONFIG],
    ['Order', INTEGER],
  ],
  ['Type'],
)

/** A `--default-actions` list as the lab's forward configuration, or AWS's error. */
function forwardOf(lab: LabQueries, actions: Checked[]): ForwardConfig | ServiceError {
  if (actions.length !== 1)
    return {
      code: 'ValidationError',
      message: "The lab's listener has exactly one default action: a forward action",
    }
  const action = actions[0]
  const type = asString(member(action, 'Type'))
  if (type !== 'forward')
    return {
      code: 'ValidationError',
      message: `The lab models forward actions only, not '${(type ?? '').slice(0, 40)}'`,
    }
  const arn = asString(member(action, 'TargetGroupArn'))
  const config = member(action, 'ForwardConfig')
  const listed = asList(member(config, 'TargetGroups'))
  const groups: { name: string; weight: number }[] = []
  for (const g of listed) {
    const found = targetGroupByArn(lab, asString(member(g, 'TargetGroupArn')) ?? '')
    if ('code' in found) return found
    groups.push({ name: found.name, weight: asNumber(member(g, 'Weight')) ?? 1 })
  }
  if (arn !== undefined) {
    const found = targetGroupByArn(lab, arn)
    if ('code' in found) return found
    if (groups.length === 0) groups.push({ name: found.name, weight: 1 })
    else if (groups.length !== 1 || groups[0]!.name !== found.name)
      return {
        code: 'ValidationError',
        message:
          'You cannot specify a target group ARN and a forward config with different target groups',
      }
  }
  if (groups.length === 0)
    return {
      code: 'ValidationError',
      message: 'A forward action must specify a target group ARN or a forward config',
    }
  const sticky = member(config, 'TargetGroupStickinessConfig')
  if (sticky === undefined) return { targetGroups: groups }
  const duration = asNumber(member(sticky, 'DurationSeconds'))
  return {
    targetGroups: groups,
    stickiness: {
      enabled: member(sticky, 'Enabled') === true,
      ...(duration === undefined ? {} : { durationSeconds: duration }),
    },
  }
}

const LISTENER_PORTS: Readonly<Record<'HTTP' | 'HTTPS', number>> = { HTTP: 80, HTTPS: 443 }

/** `--protocol`/`--port` as the lab's setListenerProtocol: an ALB listener is HTTP:80 or HTTPS:443 here. */
function protocolCommand(
  lab: LabQueries,
  protocol: string | undefined,
  port: number | undefined,
): LabCommand | null | ServiceError {
  if (protocol === undefined && port === undefined) return null
  if (lab.loadBalancerType() !== 'application')
    return {
      code: 'ValidationError',
      message:
        "The lab's Network and Gateway listeners take their protocol and port from the target group they forward to",
    }
  const current = lab.listener().protocol
  const wanted = protocol ?? (port === 80 ? 'HTTP' : port === 443 ? 'HTTPS' : current)
  if (wanted !== 'HTTP' && wanted !== 'HTTPS')
    return {
      code: 'ValidationError',
      message: `Protocol '${wanted.slice(0, 20)}' is not supported for an Application Load Balancer listener (use HTTP or HTTPS)`,
    }
  if (port !== undefined && port !== LISTENER_PORTS[wanted])
    return {
      code: 'ValidationError',
      message: `The lab's listener uses port 80 for HTTP and 443 for HTTPS, not ${port} for ${wanted}`,
    }
  return wanted === current ? null : { call: 'setListenerProtocol', args: [wanted] }
}

const modifyListener: ConsoleCommand = {
  service: 'elbv2',
  name: 'modify-listener',
  operation: 'ModifyListener',
  summary:
    'Changes the listener: its forward action (weights, TargetGroupStickinessConfig), protocol and port.',
  options: [
    { name: '--listener-arn', shape: STRING, required: true },
    { name: '--port', shape: INTEGER },
    { name: '--protocol', shape: STRING },
    { name: '--default-actions', shape: listOf(ACTION) },
  ],
  plan(lab, values) {
    const bad = checkListenerArn(lab, asString(values.get('--listener-arn')) ?? '')
    if (bad !== null) return bad
    const commands: LabCommand[] = []
    const protocol = protocolCommand(
      lab,
      asString(values.get('--protocol')),
      asNumber(values.get('--port')),
    )
    if (protocol !== null && 'code' in protocol) return protocol
    if (protocol !== null) commands.push(protocol)
    if (values.has('--default-actions')) {
      const forward = forwardOf(lab, asList(values.get('--default-actions')))
      if ('code' in forward) return forward
      commands.push({ call: 'setForward', args: [forward] })
    }
    return {
      commands,
      output: (after) => {
        const json = listenerJson(after)
        return { Listeners: json === null ? [] : [json] }
      },
    }
  },
}

export const ELBV2_CHANGE_COMMANDS: readonly ConsoleCommand[] = [
  modifyTargetGroupAttributes,
  targetsCommand(true),
  targetsCommand(false),
  createTargetGroup,
  modifyTargetGroup,
  modifyListener,
]
