// Reads the JSON the AWS CLI prints for `aws elbv2 describe-target-group-attributes`, `describe-target-groups`,
// `describe-listeners` and `describe-target-health`, one output or several (in a list, or merged in one object).
// describe-target-group-attributes and describe-target-health do not name their group: when the paste has exactly
// one group from describe-target-groups they belong to it, otherwise to `defaultGroup` (the lab's first forwarded
// group), and the plan says so.
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

const OUTPUT_KEYS = ['Attributes', 'TargetGroups', 'Listeners', 'TargetHealthDescriptions'] as const
const HEALTH_NUMBERS = [
  'HealthCheckIntervalSeconds',
  'HealthCheckTimeoutSeconds',
  'HealthyThresholdCount',
  'UnhealthyThresholdCount',
] as const
const HEALTH_FIXED = ['HealthCheckProtocol', 'HealthCheckPort', 'HealthCheckPath'] as const

/** Whether parsed JSON looks like describe output. */
export function isDescribeOutput(value: unknown): boolean {
  const parts = Array.isArray(value) ? value : [value]
  return (
    parts.length > 0 &&
    parts.every((p) => isRecord(p) && OUTPUT_KEYS.some((k) => own(p, k) !== undefined))
  )
}

function nameFromArn(value: unknown, item: string, lines: PlanLine[]): string | null {
  const name = typeof value === 'string' ? targetGroupNameInArn(value) : null
  if (name === null)
    lines.push({ kind: 'ignored', item, text: `${shown(value)}: not a target group ARN` })
  return name
}

function readGroups(list: unknown, lines: PlanLine[], groups: ImportedGroup[]): void {
  if (!Array.isArray(list))
    throw new ImportError('TargetGroups must be a list (the describe-target-groups output).')
  list.forEach((tg, i) => {
    const item = `TargetGroups[${i}]`
    const name = isRecord(tg) ? own(tg, 'TargetGroupName') : undefined
    if (!isRecord(tg) || typeof name !== 'string') {
      lines.push({ kind: 'ignored', item, text: 'no TargetGroupName' })
      return
    }
    const g: ImportedGroup = { name, item, attributes: [], healthCheck: {}, fixedHealth: [] }
    const protocol = attributeValue(own(tg, 'Protocol'))
    if (protocol !== null) g.protocol = protocol
    const port = wholeNumber(own(tg, 'Port'))
    if (port !== null) g.port = port
    for (const field of HEALTH_NUMBERS) {
      const n = wholeNumber(own(tg, field))
      if (n !== null) g.healthCheck[field] = n
      else if (own(tg, field) !== undefined)
        lines.push({
          kind: 'ignored',
          item,
          text: `${field} ${shown(own(tg, field))}: not a whole number`,
        })
    }
    for (const field of HEALTH_FIXED) {
      const v = attributeValue(own(tg, field))
      if (v !== null) g.fixedHealth.push({ field, value: v })
    }
    const matcher = own(tg, 'Matcher')
    const code = isRecord(matcher) ? attributeValue(own(matcher, 'HttpCode')) : null
    if (code !== null) g.fixedHealth.push({ field: 'Matcher', value: code })
    groups.push(g)
  })
}

function readListeners(list: unknown, lines: PlanLine[]): ImportedListener | undefined {
  if (!Array.isArray(list))
    throw new ImportError('Listeners must be a list (the describe-listeners output).')
  const first = list[0]
  if (list.length > 1)
    lines.push({
      kind: 'ignored',
      item: 'Listeners[1…]',
      text: 'further listeners: the lab has one listener',
    })
  if (!isRecord(first)) return undefined
  const item = 'Listeners[0]'
  const listener: ImportedListener = { item }
  const protocol = attributeValue(own(first, 'Protocol'))
  if (protocol !== null) listener.protocol = protocol
  const port = wholeNumber(own(first, 'Port'))
  if (port !== null) listener.port = port
  const actions = own(first, 'DefaultActions')
  const forward = Array.isArray(actions)
    ? actions.filter(isRecord).find((a) => own(a, 'Type') === 'forward')
    : undefined
  if (forward === undefined) {
    lines.push({
      kind: 'ignored',
      item,
      text: "no forward default action: the lab's listener forwards to target groups",
    })
    return listener
  }
  const forwarded = readForwardAction(forward, (ref) => nameFromArn(ref, item, lines), item, lines)
  if (forwarded !== undefined) listener.forward = forwarded
  return listener
}

/** Parsed describe output as an imported configuration. */
export function readDescribeOutput(value: unknown, defaultGroup: string): ImportedConfiguration {
  const parts = (Array.isArray(value) ? value : [value]).filter(isRecord)
  const lines: PlanLine[] = []
  const groups: ImportedGroup[] = []
  let listener: ImportedListener | undefined
  const attributes: [string, string][] = []
  let targets: string[] | undefined
  for (const part of parts) {
    if (own(part, 'TargetGroups') !== undefined)
      readGroups(own(part, 'TargetGroups'), lines, groups)
    if (own(part, 'Listeners') !== undefined && listener === undefined)
      listener = readListeners(own(part, 'Listeners'), lines)
    const attrs = own(part, 'Attributes')
    if (attrs !== undefined) {
      if (!Array.isArray(attrs))
        throw new ImportError(
          'Attributes must be a list of Key/Value pairs (the describe-target-group-attributes output).',
        )
      attrs.forEach((pair, i) => {
        const k = isRecord(pair) ? own(pair, 'Key') : undefined
        const v = isRecord(pair) ? attributeValue(own(pair, 'Value')) : null
        if (typeof k === 'string' && v !== null) attributes.push([k, v])
        else
          lines.push({
            kind: 'ignored',
            item: `Attributes[${i}]`,
            text: `${shown(pair)}: not a Key/Value pair of strings`,
          })
      })
    }
    const health = own(part, 'TargetHealthDescriptions')
    if (Array.isArray(health)) {
      targets = []
      for (const d of health) {
        const target = isRecord(d) ? own(d, 'Target') : undefined
        const id = isRecord(target) ? own(target, 'Id') : undefined
        if (typeof id === 'string') targets.push(id)
        else
          lines.push({
            kind: 'ignored',
            item: 'TargetHealthDescriptions',
            text: `${shown(d)}: no Target.Id`,
          })
      }
    }
  }
  if (attributes.length > 0 || targets !== undefined) {
    const owner = groups.length === 1 ? groups[0]! : undefined
    const name = owner?.name ?? defaultGroup
    const g = owner ?? groups.find((x) => x.name === name)
    const target: ImportedGroup = g ?? {
      name,
      item: 'Attributes',
      attributes: [],
      healthCheck: {},
      fixedHealth: [],
    }
    if (g === undefined) groups.push(target)
    target.attributes.push(...attributes)
    if (targets !== undefined) target.targets = targets
    if (owner === undefined)
      lines.push({
        kind: 'understood',
        item: 'Attributes',
        text: `the output does not name its target group: applied to '${name}', the first group the lab's listener forwards to`,
      })
  }
  return {
    format: 'AWS CLI describe output (JSON)',
    groups,
    ...(listener ? { listener } : {}),
    lines,
  }
}
