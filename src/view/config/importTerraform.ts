// Reads Terraform configuration (HCL parsed by HashiCorp's own parser into Terraform's JSON syntax, or a .tf.json
// file) for the lab: aws_lb / aws_alb, aws_lb_target_group (stickiness, health_check and the attribute arguments),
// aws_lb_target_group_attachment, and aws_lb_listener's forward default action. Everything else is listed as ignored.
import { TERRAFORM_ATTRIBUTE_ARGUMENTS, TERRAFORM_GROUP_HEALTH } from './terraformExport'
import {
  attributeValue,
  booleanValue,
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

/** A block's bodies: HCL as JSON gives a list of objects; a .tf.json file may give one object. */
function bodies(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.filter(isRecord)
  return isRecord(value) ? [value] : []
}

const TARGET_GROUP_TYPES = new Set(['aws_lb_target_group', 'aws_alb_target_group'])
const LISTENER_TYPES = new Set(['aws_lb_listener', 'aws_alb_listener'])
const LB_TYPES = new Set(['aws_lb', 'aws_alb'])
const ATTACHMENT_TYPES = new Set([
  'aws_lb_target_group_attachment',
  'aws_alb_target_group_attachment',
])
const IGNORED_TG_ARGUMENTS = new Set([
  'vpc_id',
  'target_type',
  'tags',
  'name_prefix',
  'ip_address_type',
  'protocol_version',
  'lifecycle',
  'depends_on',
  'provider',
  'count',
  'for_each',
])
const HEALTH_NUMBERS = [
  ['interval', 'HealthCheckIntervalSeconds'],
  ['timeout', 'HealthCheckTimeoutSeconds'],
  ['healthy_threshold', 'HealthyThresholdCount'],
  ['unhealthy_threshold', 'UnhealthyThresholdCount'],
] as const
const HEALTH_FIXED = [
  ['protocol', 'HealthCheckProtocol'],
  ['port', 'HealthCheckPort'],
  ['path', 'HealthCheckPath'],
  ['matcher', 'Matcher'],
] as const

const EXPRESSION = /\$\{/

/** `${aws_lb_target_group.web.arn}` → `web` (the resource label). */
function referencedLabel(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const m = /^\$\{aws_(?:lb|alb)_target_group\.([A-Za-z_][A-Za-z0-9_-]*)\.(?:arn|id)\}$/.exec(value)
  return m === null ? null : m[1]!
}

interface Context {
  lines: PlanLine[]
  /** Resource label → target group name. */
  names: Map<string, string>
}

function groupName(ctx: Context, value: unknown, item: string): string | null {
  const label = referencedLabel(value)
  if (label !== null) {
    const name = ctx.names.get(label)
    if (name !== undefined) return name
    ctx.lines.push({
      kind: 'ignored',
      item,
      text: `${shown(value)}: no aws_lb_target_group "${label}" in the pasted configuration`,
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

function readStickiness(
  body: Record<string, unknown>,
  item: string,
  g: ImportedGroup,
  lines: PlanLine[],
): void {
  const type = attributeValue(own(body, 'type'))
  if (type === null) {
    lines.push({
      kind: 'ignored',
      item,
      text: 'stickiness block without a type: Terraform requires one',
    })
    return
  }
  const enabled = own(body, 'enabled') === undefined ? true : booleanValue(own(body, 'enabled'))
  g.attributes.push([
    'stickiness.enabled',
    enabled === null ? shown(own(body, 'enabled')) : String(enabled),
  ])
  g.attributes.push(['stickiness.type', type])
  const duration = own(body, 'cookie_duration')
  if (duration !== undefined) {
    const key =
      type === 'app_cookie'
        ? 'stickiness.app_cookie.duration_seconds'
        : 'stickiness.lb_cookie.duration_seconds'
    g.attributes.push([key, attributeValue(duration) ?? shown(duration)])
  }
  const cookieName = own(body, 'cookie_name')
  if (cookieName !== undefined)
    g.attributes.push([
      'stickiness.app_cookie.cookie_name',
      attributeValue(cookieName) ?? shown(cookieName),
    ])
}

function readHealthCheck(
  body: Record<string, unknown>,
  item: string,
  g: ImportedGroup,
  lines: PlanLine[],
): void {
  for (const [arg, field] of HEALTH_NUMBERS) {
    const value = own(body, arg)
    if (value === undefined) continue
    const n = wholeNumber(value)
    if (n === null)
      lines.push({
        kind: 'ignored',
        item,
        text: `health_check.${arg} = ${shown(value)}: not a whole number`,
      })
    else g.healthCheck[field] = n
  }
  for (const [arg, field] of HEALTH_FIXED) {
    const value = attributeValue(own(body, arg))
    if (value !== null) g.fixedHealth.push({ field, value })
  }
  if (booleanValue(own(body, 'enabled')) === false)
    lines.push({
      kind: 'ignored',
      item,
      text: 'health_check.enabled = false: instance targets of an ALB are always health checked',
    })
}

function readTargetGroup(
  label: string,
  body: Record<string, unknown>,
  ctx: Context,
): ImportedGroup {
  const item = `aws_lb_target_group.${label}`
  const g: ImportedGroup = {
    name: ctx.names.get(label)!,
    item,
    attributes: [],
    healthCheck: {},
    fixedHealth: [],
  }
  const ignored: string[] = []
  for (const key of Object.keys(body)) {
    const value = own(body, key)
    const attribute = TERRAFORM_ATTRIBUTE_ARGUMENTS.find(([, arg]) => arg === key)
    if (key === 'name') continue
    if (key === 'protocol') g.protocol = attributeValue(value) ?? shown(value)
    else if (key === 'port') {
      const port = wholeNumber(value)
      if (port === null)
        ctx.lines.push({
          kind: 'ignored',
          item,
          text: `port = ${shown(value)}: not a whole number`,
        })
      else g.port = port
    } else if (attribute !== undefined)
      g.attributes.push([attribute[0], attributeValue(value) ?? shown(value)])
    else if (key === 'stickiness')
      bodies(value)
        .slice(0, 1)
        .forEach((b) => readStickiness(b, item, g, ctx.lines))
    else if (key === 'health_check')
      bodies(value)
        .slice(0, 1)
        .forEach((b) => readHealthCheck(b, item, g, ctx.lines))
    else if (key === 'target_group_health') {
      for (const th of bodies(value)) {
        for (const [attr, block, arg] of TERRAFORM_GROUP_HEALTH) {
          for (const b of bodies(own(th, block))) {
            const v = own(b, arg)
            if (v !== undefined) g.attributes.push([attr, attributeValue(v) ?? shown(v)])
          }
        }
      }
    } else if (key === 'target_type') {
      if (value !== 'instance')
        ctx.lines.push({
          kind: 'ignored',
          item,
          text: `target_type = ${shown(value)}: the lab registers EC2 instances`,
        })
    } else ignored.push(key)
  }
  if (ignored.length > 0)
    ctx.lines.push({
      kind: 'ignored',
      item,
      text: `${ignored.join(', ')}: ${ignored.every((k) => IGNORED_TG_ARGUMENTS.has(k)) ? 'not simulated (the lab has no VPC, tags or lifecycle)' : 'not an argument the lab simulates'}`,
    })
  return g
}

function readListener(
  label: string,
  body: Record<string, unknown>,
  ctx: Context,
): ImportedListener {
  const item = `aws_lb_listener.${label}`
  const listener: ImportedListener = { item }
  const protocol = attributeValue(own(body, 'protocol'))
  if (protocol !== null) listener.protocol = protocol
  const port = wholeNumber(own(body, 'port'))
  if (port !== null) listener.port = port
  const actions = bodies(own(body, 'default_action'))
  const forward = actions.find((a) => own(a, 'type') === 'forward')
  if (forward === undefined) {
    ctx.lines.push({
      kind: 'ignored',
      item,
      text: "no forward default action: the lab's listener forwards to target groups",
    })
    return listener
  }
  const fwd = bodies(own(forward, 'forward'))[0]
  if (fwd === undefined) {
    const name = groupName(ctx, own(forward, 'target_group_arn'), item)
    if (name !== null)
      listener.forward = {
        targetGroups: [{ name, weight: 1 }],
        stickiness: { enabled: false, durationSeconds: 3600 },
      }
    return listener
  }
  const groups: { name: string; weight: number }[] = []
  for (const tg of bodies(own(fwd, 'target_group'))) {
    const name = groupName(ctx, own(tg, 'arn'), item)
    const weight = own(tg, 'weight') === undefined ? 1 : wholeNumber(own(tg, 'weight'))
    if (name === null) continue
    if (weight === null) {
      ctx.lines.push({
        kind: 'ignored',
        item,
        text: `weight ${shown(own(tg, 'weight'))} of '${name}': not a whole number`,
      })
      continue
    }
    groups.push({ name, weight })
  }
  const s = bodies(own(fwd, 'stickiness'))[0]
  const enabled = s === undefined ? false : (booleanValue(own(s, 'enabled')) ?? false)
  const duration = s === undefined ? null : wholeNumber(own(s, 'duration'))
  listener.forward = {
    targetGroups: groups,
    stickiness: duration === null ? { enabled } : { enabled, durationSeconds: duration },
  }
  return listener
}

/** Values that are expressions (`var.x`, `local.y`): Terraform works them out at plan time; the lab cannot. */
function dropExpressions(g: ImportedGroup, lines: PlanLine[]): void {
  const literal = ([key, value]: [string, string]) => {
    if (!EXPRESSION.test(value)) return true
    lines.push({
      kind: 'ignored',
      item: g.item,
      text: `${key} = ${value}: an expression; the lab needs a literal value`,
    })
    return false
  }
  g.attributes = g.attributes.filter(literal)
  if (g.protocol !== undefined && !literal(['protocol', g.protocol])) delete g.protocol
}

/** Terraform's JSON form (what HCL parses to) as an imported configuration. */
export function readTerraform(config: unknown): ImportedConfiguration {
  if (!isRecord(config))
    throw new ImportError('This Terraform configuration has no blocks the lab can read.')
  const ctx: Context = { lines: [], names: new Map() }
  const resources: [string, string, Record<string, unknown>][] = []
  for (const key of Object.keys(config)) {
    if (key !== 'resource') {
      ctx.lines.push({
        kind: 'ignored',
        item: key,
        text: `${key} blocks: not part of the load balancer's configuration`,
      })
      continue
    }
    for (const block of bodies(config[key])) {
      for (const type of Object.keys(block)) {
        for (const byLabel of bodies(own(block, type))) {
          for (const label of Object.keys(byLabel)) {
            for (const body of bodies(own(byLabel, label))) resources.push([type, label, body])
          }
        }
      }
    }
  }
  // Names first: a listener may come before the groups it forwards to.
  for (const [type, label, body] of resources) {
    if (!TARGET_GROUP_TYPES.has(type)) continue
    const name = own(body, 'name')
    if (typeof name === 'string' && !EXPRESSION.test(name)) ctx.names.set(label, name)
    else {
      ctx.names.set(label, label)
      ctx.lines.push({
        kind: 'understood',
        item: `${type}.${label}`,
        text: `no literal name: the lab calls the group '${label}'`,
      })
    }
  }
  const groups: ImportedGroup[] = []
  const targets = new Map<string, string[]>()
  let listener: ImportedListener | undefined
  for (const [type, label, body] of resources) {
    const item = `${type}.${label}`
    if (TARGET_GROUP_TYPES.has(type)) groups.push(readTargetGroup(label, body, ctx))
    else if (ATTACHMENT_TYPES.has(type)) {
      const name = groupName(ctx, own(body, 'target_group_arn'), item)
      const id = own(body, 'target_id')
      if (name === null) continue
      if (typeof id !== 'string') {
        ctx.lines.push({
          kind: 'ignored',
          item,
          text: `target_id ${shown(id)}: not a literal instance id`,
        })
        continue
      }
      targets.set(name, [...(targets.get(name) ?? []), id])
    } else if (LISTENER_TYPES.has(type)) {
      if (listener === undefined) listener = readListener(label, body, ctx)
      else
        ctx.lines.push({
          kind: 'ignored',
          item,
          text: 'a second listener: the lab has one listener',
        })
    } else if (LB_TYPES.has(type)) {
      const lbType = own(body, 'load_balancer_type')
      if (lbType !== undefined && lbType !== 'application')
        ctx.lines.push({
          kind: 'ignored',
          item,
          text: `load_balancer_type = ${shown(lbType)}: this import covers Application Load Balancers`,
        })
      else
        ctx.lines.push({
          kind: 'understood',
          item,
          text: "the lab's Application Load Balancer (name, subnets and security groups are not simulated)",
        })
    } else ctx.lines.push({ kind: 'ignored', item, text: 'not a resource the lab simulates' })
  }
  for (const g of groups) dropExpressions(g, ctx.lines)
  for (const [name, ids] of targets) {
    const g = groups.find((x) => x.name === name)
    if (g !== undefined) g.targets = ids
    else
      groups.push({
        name,
        item: `attachments of '${name}'`,
        attributes: [],
        healthCheck: {},
        fixedHealth: [],
        targets: ids,
      })
  }
  return { format: 'Terraform', groups, ...(listener ? { listener } : {}), lines: ctx.lines }
}
