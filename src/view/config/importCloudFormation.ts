// Reads a CloudFormation template (YAML or JSON, including what `cdk synth` prints) for the lab: the
// AWS::ElasticLoadBalancingV2 LoadBalancer, TargetGroup (TargetGroupAttributes, health check properties, Targets)
// and Listener (DefaultActions with ForwardConfig). `Ref` and `Fn::GetAtt` to a target group resolve to its Name.
import {
  attributeValue,
  readForwardAction,
  ImportError,
  isRecord,
  own,
  shown,
  wholeNumber,
  type ImportedConfiguration,
  type ImportedGroup,
  type ImportedListener,
  type PlanLine,
} from './importTypes'
import { targetGroupNameInArn } from './importNames'

const PREFIX = 'AWS::ElasticLoadBalancingV2::'
const HEALTH_NUMBERS = [
  'HealthCheckIntervalSeconds',
  'HealthCheckTimeoutSeconds',
  'HealthyThresholdCount',
  'UnhealthyThresholdCount',
] as const
const HEALTH_FIXED = ['HealthCheckProtocol', 'HealthCheckPort', 'HealthCheckPath'] as const
const NOT_SIMULATED = new Set([
  'VpcId',
  'Tags',
  'TargetType',
  'IpAddressType',
  'ProtocolVersion',
  'HealthCheckEnabled',
  'Name',
])

interface Context {
  lines: PlanLine[]
  /** Logical id → target group name. */
  names: Map<string, string>
}

function groupName(ctx: Context, value: unknown, item: string): string | null {
  let logicalId: unknown
  if (isRecord(value)) {
    logicalId = own(value, 'Ref')
    const getAtt = own(value, 'Fn::GetAtt')
    if (logicalId === undefined && Array.isArray(getAtt)) logicalId = getAtt[0]
    if (logicalId === undefined && typeof getAtt === 'string') logicalId = getAtt.split('.')[0]
  }
  if (typeof logicalId === 'string') {
    const name = ctx.names.get(logicalId)
    if (name !== undefined) return name
    ctx.lines.push({
      kind: 'ignored',
      item,
      text: `${shown(value)}: no target group '${logicalId}' in the template`,
    })
    return null
  }
  const fromArn = typeof value === 'string' ? targetGroupNameInArn(value) : null
  if (fromArn !== null) return fromArn
  ctx.lines.push({
    kind: 'ignored',
    item,
    text: `${shown(value)}: not a target group reference or ARN`,
  })
  return null
}

function readTargetGroup(id: string, props: Record<string, unknown>, ctx: Context): ImportedGroup {
  const item = `Resources.${id}`
  const g: ImportedGroup = {
    name: ctx.names.get(id)!,
    item,
    attributes: [],
    healthCheck: {},
    fixedHealth: [],
  }
  const ignored: string[] = []
  for (const key of Object.keys(props)) {
    const value = own(props, key)
    if (key === 'Protocol') g.protocol = attributeValue(value) ?? shown(value)
    else if (key === 'Port') {
      const port = wholeNumber(value)
      if (port === null)
        ctx.lines.push({ kind: 'ignored', item, text: `Port ${shown(value)}: not a whole number` })
      else g.port = port
    } else if ((HEALTH_NUMBERS as readonly string[]).includes(key)) {
      const n = wholeNumber(value)
      if (n === null)
        ctx.lines.push({
          kind: 'ignored',
          item,
          text: `${key} ${shown(value)}: not a whole number`,
        })
      else g.healthCheck[key as (typeof HEALTH_NUMBERS)[number]] = n
    } else if ((HEALTH_FIXED as readonly string[]).includes(key)) {
      const v = attributeValue(value)
      if (v !== null) g.fixedHealth.push({ field: key as (typeof HEALTH_FIXED)[number], value: v })
    } else if (key === 'Matcher') {
      const code = isRecord(value) ? attributeValue(own(value, 'HttpCode')) : null
      if (code !== null) g.fixedHealth.push({ field: 'Matcher', value: code })
    } else if (key === 'TargetGroupAttributes') {
      if (!Array.isArray(value)) {
        ctx.lines.push({
          kind: 'ignored',
          item,
          text: 'TargetGroupAttributes: not a list of Key/Value pairs',
        })
        continue
      }
      value.forEach((pair, i) => {
        const k = isRecord(pair) ? own(pair, 'Key') : undefined
        const v = isRecord(pair) ? attributeValue(own(pair, 'Value')) : null
        if (typeof k === 'string' && v !== null) g.attributes.push([k, v])
        else
          ctx.lines.push({
            kind: 'ignored',
            item,
            text: `TargetGroupAttributes[${i}] ${shown(pair)}: not a Key/Value pair of strings`,
          })
      })
    } else if (key === 'Targets') {
      if (!Array.isArray(value)) {
        ctx.lines.push({ kind: 'ignored', item, text: 'Targets: not a list' })
        continue
      }
      g.targets = []
      for (const t of value) {
        const tid = isRecord(t) ? own(t, 'Id') : undefined
        if (typeof tid === 'string') g.targets.push(tid)
        else
          ctx.lines.push({
            kind: 'ignored',
            item,
            text: `Targets entry ${shown(t)}: no instance Id`,
          })
      }
    } else if (key === 'TargetType') {
      if (value !== 'instance')
        ctx.lines.push({
          kind: 'ignored',
          item,
          text: `TargetType ${shown(value)}: the lab registers EC2 instances`,
        })
    } else if (!NOT_SIMULATED.has(key)) ignored.push(key)
  }
  if (ignored.length > 0)
    ctx.lines.push({ kind: 'ignored', item, text: `${ignored.join(', ')}: not simulated` })
  return g
}

function readListener(id: string, props: Record<string, unknown>, ctx: Context): ImportedListener {
  const item = `Resources.${id}`
  const listener: ImportedListener = { item }
  const protocol = attributeValue(own(props, 'Protocol'))
  if (protocol !== null) listener.protocol = protocol
  const port = wholeNumber(own(props, 'Port'))
  if (port !== null) listener.port = port
  const actions = own(props, 'DefaultActions')
  const forward = Array.isArray(actions)
    ? actions.filter(isRecord).find((a) => own(a, 'Type') === 'forward')
    : undefined
  if (forward === undefined) {
    ctx.lines.push({
      kind: 'ignored',
      item,
      text: "no forward DefaultActions entry: the lab's listener forwards to target groups",
    })
    return listener
  }
  const forwarded = readForwardAction(forward, (ref) => groupName(ctx, ref, item), item, ctx.lines)
  if (forwarded !== undefined) listener.forward = forwarded
  return listener
}

/** A parsed template (JSON.parse or YAML) as an imported configuration. */
export function readCloudFormation(
  template: unknown,
  format = 'CloudFormation template',
): ImportedConfiguration {
  const resources = isRecord(template) ? own(template, 'Resources') : undefined
  if (!isRecord(resources))
    throw new ImportError('This CloudFormation template has no Resources section.')
  const ctx: Context = { lines: [], names: new Map() }
  const entries = Object.keys(resources).flatMap((id) => {
    const r = own(resources, id)
    return isRecord(r) ? [[id, r] as const] : []
  })
  for (const [id, r] of entries) {
    if (own(r, 'Type') !== `${PREFIX}TargetGroup`) continue
    const props = own(r, 'Properties')
    const name = isRecord(props) ? own(props, 'Name') : undefined
    if (typeof name === 'string') ctx.names.set(id, name)
    else {
      ctx.names.set(id, id)
      ctx.lines.push({
        kind: 'understood',
        item: `Resources.${id}`,
        text: `no literal Name: the lab calls the group '${id}'`,
      })
    }
  }
  const groups: ImportedGroup[] = []
  let listener: ImportedListener | undefined
  for (const [id, r] of entries) {
    const type = own(r, 'Type')
    const propsValue = own(r, 'Properties')
    const props = isRecord(propsValue) ? propsValue : {}
    const item = `Resources.${id}`
    if (type === `${PREFIX}TargetGroup`) groups.push(readTargetGroup(id, props, ctx))
    else if (type === `${PREFIX}Listener`) {
      if (listener === undefined) listener = readListener(id, props, ctx)
      else
        ctx.lines.push({
          kind: 'ignored',
          item,
          text: 'a second listener: the lab has one listener',
        })
    } else if (type === `${PREFIX}LoadBalancer`) {
      const lbType = own(props, 'Type')
      if (lbType !== undefined && lbType !== 'application')
        ctx.lines.push({
          kind: 'ignored',
          item,
          text: `Type ${shown(lbType)}: this import covers Application Load Balancers`,
        })
      else
        ctx.lines.push({
          kind: 'understood',
          item,
          text: "the lab's Application Load Balancer (name, subnets and security groups are not simulated)",
        })
    } else
      ctx.lines.push({
        kind: 'ignored',
        item,
        text: `${shown(type)}: not a resource the lab simulates`,
      })
  }
  return { format, groups, ...(listener ? { listener } : {}), lines: ctx.lines }
}
