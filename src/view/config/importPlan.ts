// From an imported configuration to lab commands, checked as AWS would check them: every command goes through the
// command registry's gate (checkCommand) and is applied, in order, to a scratch copy of the lab
// (restoreLab(lab.snapshot())), so the plan reports AWS's own error for what AWS would reject, and the real lab is
// only changed when every command of the plan went through on the copy. The copy is the same world, and the lab
// is deterministic, so the same commands then succeed on the real lab (docs/decisions/0013).
import {
  applyCommand,
  checkCommand,
  restoreLab,
  type Lab,
  type LabCommand,
  type LabQueries,
} from '../../sim'
import {
  own,
  type ImportedConfiguration,
  type ImportedGroup,
  type ImportedListener,
  type PlanLine,
} from './importTypes'

export interface ImportPlan {
  format: string
  /** Understood, ignored and rejected lines, in the order of the input. */
  lines: PlanLine[]
  /** Every command, in the order to apply them; empty when anything was rejected. */
  commands: LabCommand[]
  /** How many items AWS (the lab's validation) rejected: the plan is applied only when this is 0. */
  rejected: number
}

/** A short rendering of a command for the plan: `modifyTargetGroupAttributes("web", {…})`. */
export function describeCommand(command: LabCommand): string {
  const args = command.args.map((a) => JSON.stringify(a)).join(', ')
  return `${command.call}(${args.length > 300 ? `${args.slice(0, 297)}…` : args})`
}

/** The first failure of `commands` on `lab`, or null when every one went through (then all are applied). */
function tryCommands(lab: Lab, commands: readonly LabCommand[]): string | null {
  for (const command of commands) {
    const checked = checkCommand(command.call, command.args)
    if (!checked.ok) return checked.message
    try {
      const result = applyCommand(lab, checked.command) as unknown
      if (typeof result === 'object' && result !== null && 'ok' in result && result.ok === false) {
        const failure = result as { code?: string; message?: string }
        return `${failure.code ?? 'Error'}: ${failure.message ?? ''}`
      }
    } catch (error) {
      return error instanceof Error ? error.message : String(error)
    }
  }
  return null
}

type Step = { item: string; text: string; commands: (lab: Lab) => LabCommand[] }

function sameAttributes(
  lab: Lab,
  group: string,
  attributes: [string, string][],
): [string, string][] {
  const current = lab.targetGroups().find((g) => g.name === group)?.attributes ?? {}
  const has = (k: string) => Object.prototype.hasOwnProperty.call(current, k)
  return attributes.filter(([k, v]) => !has(k) || own(current, k) !== v)
}

function groupSteps(g: ImportedGroup, lab: Lab): Step[] {
  const steps: Step[] = []
  const exists = lab.targetGroups().some((t) => t.name === g.name)
  if (!exists) {
    steps.push({
      item: g.item,
      text: `create target group '${g.name}' (${g.protocol ?? 'HTTP'})`,
      commands: () => [
        {
          call: 'createTargetGroup',
          args: [g.name, { protocol: (g.protocol ?? 'HTTP') as 'HTTP' }],
        },
      ],
    })
  }
  steps.push({
    item: g.item,
    text: `target group '${g.name}' attributes`,
    commands: (l) => {
      const changed = sameAttributes(l, g.name, g.attributes)
      return changed.length === 0
        ? []
        : [{ call: 'modifyTargetGroupAttributes', args: [g.name, Object.fromEntries(changed)] }]
    },
  })
  steps.push({
    item: g.item,
    text: `target group '${g.name}' health check`,
    commands: (l) => {
      const hc = l.healthCheck(g.name)
      const update = Object.fromEntries(
        Object.entries(g.healthCheck).filter(
          ([k, v]) => hc === null || hc[k as keyof typeof hc] !== v,
        ),
      )
      return Object.keys(update).length === 0
        ? []
        : [{ call: 'modifyHealthCheck', args: [g.name, update] }]
    },
  })
  if (g.targets !== undefined) {
    const wanted = g.targets
    steps.push({
      item: g.item,
      text: `target group '${g.name}' registered targets ${wanted.length === 0 ? '(none)' : wanted.join(', ')}`,
      commands: (l) => {
        const registered = (l.targetGroups().find((t) => t.name === g.name)?.targets ?? [])
          .filter((t) => t.health.state !== 'draining')
          .map((t): string => t.id)
        const add = wanted.filter((id) => !registered.includes(id))
        const remove = registered.filter((id) => !wanted.includes(id))
        const out: LabCommand[] = []
        if (add.length > 0) out.push({ call: 'registerTargets', args: [g.name, add] })
        if (remove.length > 0) out.push({ call: 'deregisterTargets', args: [g.name, remove] })
        return out
      },
    })
  }
  return steps
}

function listenerSteps(listener: ImportedListener): Step[] {
  const steps: Step[] = []
  if (listener.protocol !== undefined) {
    const protocol = listener.protocol
    steps.push({
      item: listener.item,
      text: `listener protocol ${protocol}`,
      commands: (l) =>
        l.listener().protocol === protocol
          ? []
          : [{ call: 'setListenerProtocol', args: [protocol as 'HTTP'] }],
    })
  }
  const forward = listener.forward
  if (forward !== undefined) {
    steps.push({
      item: listener.item,
      text: `forward to ${forward.targetGroups.map((g) => `${g.name} (weight ${g.weight})`).join(', ')}, target group stickiness ${forward.stickiness.enabled ? `on, ${forward.stickiness.durationSeconds ?? '?'} s` : 'off'}`,
      commands: (l) => {
        const now = l.listener().forward
        const same =
          JSON.stringify(now.targetGroups) === JSON.stringify(forward.targetGroups) &&
          now.stickiness.enabled === forward.stickiness.enabled &&
          (forward.stickiness.durationSeconds === undefined ||
            now.stickiness.durationSeconds === forward.stickiness.durationSeconds)
        return same ? [] : [{ call: 'setForward', args: [forward] }]
      },
    })
  }
  return steps
}

interface Run {
  lines: PlanLine[]
  commands: LabCommand[]
  rejected: number
}

/** Runs the steps on a fresh copy of `lab`: each step's commands are worked out on the copy as it is by then. */
function runSteps(lab: LabQueries, imported: ImportedConfiguration, listenerFirst: boolean): Run {
  const scratch = restoreLab(lab.snapshot())
  const lines: PlanLine[] = []
  const commands: LabCommand[] = []
  let rejected = 0
  // AWS's first error per item: once an item is refused, its later steps are not tried.
  const refused = new Set<string>()
  const run = (step: Step) => {
    if (refused.has(step.item)) return
    const cmds = step.commands(scratch)
    if (cmds.length === 0) {
      lines.push({
        kind: 'understood',
        item: step.item,
        text: `${step.text}: already so in the lab`,
      })
      return
    }
    const error = tryCommands(scratch, cmds)
    if (error !== null) {
      rejected++
      refused.add(step.item)
      lines.push({ kind: 'rejected', item: step.item, text: `${step.text}: ${error}` })
      return
    }
    commands.push(...cmds)
    lines.push({
      kind: 'understood',
      item: step.item,
      text: `${step.text} → ${cmds.map(describeCommand).join('; ')}`,
    })
  }
  if (scratch.loadBalancerType() !== 'application') {
    run({
      item: 'load balancer',
      text: 'switch the lab to an Application Load Balancer',
      commands: () => [{ call: 'setLoadBalancerType', args: ['application'] }],
    })
  }
  const listener = imported.listener === undefined ? [] : listenerSteps(imported.listener)
  if (listenerFirst) listener.forEach(run)
  for (const g of imported.groups) {
    groupSteps(g, scratch).forEach(run)
    checkFixed(scratch, g, lines)
  }
  if (!listenerFirst) listener.forEach(run)
  if (imported.listener?.port !== undefined) {
    const port = scratch.listener().port
    if (imported.listener.port !== port)
      lines.push({
        kind: 'ignored',
        item: imported.listener.item,
        text: `listener port ${imported.listener.port}: the lab's ${scratch.listener().protocol} listener is on port ${port}`,
      })
  }
  return { lines, commands, rejected }
}

/** Lines for what the lab cannot change (protocol of an existing group, port, health-check path, port, matcher). */
function checkFixed(lab: Lab, g: ImportedGroup, lines: PlanLine[]): void {
  const tg = lab.targetGroups().find((t) => t.name === g.name)
  if (tg === undefined) return
  if (g.protocol !== undefined && g.protocol !== tg.protocol)
    lines.push({
      kind: 'ignored',
      item: g.item,
      text: `protocol ${g.protocol}: '${g.name}' is ${tg.protocol}, and a target group's protocol cannot be changed (AWS would replace the group)`,
    })
  if (g.port !== undefined && g.port !== tg.port)
    lines.push({
      kind: 'ignored',
      item: g.item,
      text: `port ${g.port}: the lab's ${tg.protocol} target groups use port ${tg.port}`,
    })
  const hc = lab.healthCheck(g.name)
  if (hc === null) return
  for (const { field, value } of g.fixedHealth) {
    const current = field === 'Matcher' ? hc.Matcher.HttpCode : hc[field]
    if (current !== value)
      lines.push({
        kind: 'ignored',
        item: g.item,
        text: `health check ${field} ${value}: the lab's checks use ${current} (it simulates the checks, not the path or codes)`,
      })
  }
}

/**
 * The plan for `imported` on `lab`: target groups first, then the listener; when that order is refused but the
 * listener first is not (enabling target group stickiness before the groups it covers become sticky, say), the
 * working order is used. Both runs happen on copies: `lab` is never changed here.
 */
export function planImport(lab: LabQueries, imported: ImportedConfiguration): ImportPlan {
  let run = runSteps(lab, imported, false)
  if (run.rejected > 0 && imported.listener !== undefined) {
    const other = runSteps(lab, imported, true)
    if (other.rejected === 0) run = other
  }
  return {
    format: imported.format,
    lines: [...imported.lines, ...run.lines],
    commands: run.rejected === 0 ? run.commands : [],
    rejected: run.rejected,
  }
}
