// Runs one console line against the lab: split it like a shell, read it like AWS CLI v2 (service, command,
// options, shorthand or JSON values), plan the lab commands it stands for, and apply them through the caller's
// `apply` (the lab actor in the page, the lab itself in tests). A refusal — of the line, of the options, or of
// the request by the lab — changes nothing: a command that maps to several lab calls is first tried on a copy of
// the lab, so it is applied whole or not at all, as one AWS request is.
import {
  applyCommand,
  checkCommand,
  restoreLab,
  type LabCommand,
  type LabQueries,
  type Result,
} from '../../sim'
import { parseOptions } from './cliArgs'
import { findCommand, isService, SERVICES, type Service } from './consoleCommands'
import {
  commandHelp,
  consoleHelp,
  invalidChoice,
  operationChoices,
  serviceHelp,
  usageError,
} from './consoleHelp'
import {
  EXIT_NOT_FOUND,
  EXIT_OK,
  EXIT_SERVICE_ERROR,
  EXIT_USAGE,
  isServiceError,
  type ConsoleAnswer,
  type ConsoleCommand,
  type ServiceError,
} from './consoleTypes'
import { tokenizeLine } from './tokenizeLine'

export interface ConsoleTarget {
  /** The live lab, read for ARNs, checks and the output. */
  lab: LabQueries
  /** Applies one lab command and returns its Result; may throw (a refusal the lab makes by throwing). */
  apply: (command: LabCommand) => Result | void
}

const ok = (stdout: string): ConsoleAnswer => ({ exitStatus: EXIT_OK, stdout, stderr: '' })
const usage = (message: string): ConsoleAnswer => ({
  exitStatus: EXIT_USAGE,
  stdout: '',
  stderr: usageError(message),
})
const paramError = (message: string): ConsoleAnswer => ({
  exitStatus: EXIT_USAGE,
  stdout: '',
  stderr: message,
})

export function serviceError(operation: string, error: ServiceError): ConsoleAnswer {
  return {
    exitStatus: EXIT_SERVICE_ERROR,
    stdout: '',
    stderr: `An error occurred (${error.code}) when calling the ${operation} operation: ${error.message}`,
  }
}

/** AWS CLI's default output: JSON indented by 4 spaces. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 4)
}

/** What `line` answers. Never throws; the lab changes only when the answer's exit status is 0. */
export function runConsoleLine(line: string, target: ConsoleTarget): ConsoleAnswer {
  const tokens = tokenizeLine(line)
  if (!tokens.ok)
    return { exitStatus: EXIT_USAGE, stdout: '', stderr: `console: ${tokens.message}` }
  const words = tokens.words
  const first = words[0]
  if (first === undefined) return ok('')
  if (first === 'help' && words.length === 1) return ok(consoleHelp())
  if (first === 'clear' && words.length === 1) return { ...ok(''), clear: true }
  if (first !== 'aws')
    return {
      exitStatus: EXIT_NOT_FOUND,
      stdout: '',
      stderr: `${first.slice(0, 60)}: command not found (try help)`,
    }
  const global = takeGlobalOptions(words.slice(1))
  if (typeof global === 'string') return usage(global)
  const [service, name, ...rest] = global
  if (service === undefined) return usage('the following arguments are required: command')
  if (service === 'help') return ok(consoleHelp())
  if (!isService(service)) return { ...invalidService() }
  if (name === undefined) return usage('the following arguments are required: operation')
  if (name === 'help') return ok(serviceHelp(service))
  const command = findCommand(service, name)
  if (command === undefined)
    return {
      exitStatus: EXIT_USAGE,
      stdout: '',
      stderr: invalidChoice('operation', operationChoices(service)),
    }
  if (rest.length === 1 && rest[0] === 'help') return ok(commandHelp(command))
  return runCommand(command, rest, target)
}

function invalidService(): ConsoleAnswer {
  return { exitStatus: EXIT_USAGE, stdout: '', stderr: invalidChoice('command', [...SERVICES]) }
}

/**
 * The words without the global options the console understands, or why one cannot be used. The lab's account
 * lives in one region and the console prints JSON only, so other values are refused rather than ignored.
 */
function takeGlobalOptions(words: readonly string[]): string[] | string {
  const out: string[] = []
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    const eq = word.indexOf('=')
    const name = word.startsWith('--') && eq > 0 ? word.slice(0, eq) : word
    if (name === '--no-cli-pager') continue
    if (name !== '--output' && name !== '--region' && name !== '--query') {
      out.push(word)
      continue
    }
    const value = eq > 0 && name !== word ? word.slice(eq + 1) : words[++i]
    if (value === undefined) return `argument ${name}: expected one argument`
    if (name === '--query')
      return 'argument --query: the lab’s console has no JMESPath queries; it prints the whole answer'
    if (name === '--output' && value !== 'json')
      return `argument --output: the lab’s console prints JSON only, not '${value.slice(0, 20)}'`
    if (name === '--region' && value !== 'us-east-1')
      return `argument --region: the lab’s account has its load balancer in us-east-1 only, not '${value.slice(0, 30)}'`
  }
  return out
}

function runCommand(
  command: ConsoleCommand,
  words: readonly string[],
  target: ConsoleTarget,
): ConsoleAnswer {
  const options = parseOptions(words, command.options)
  if (!options.ok)
    return options.kind === 'usage' ? usage(options.message) : paramError(options.message)
  const plan = command.plan(target.lab, options.values)
  if (isServiceError(plan)) return serviceError(command.operation, plan)
  const commands: LabCommand[] = []
  for (const c of plan.commands) {
    // The gate the lab applies to outside data (callArgs.ts), before anything is tried.
    const checked = checkCommand(c.call, c.args)
    if (!checked.ok)
      return serviceError(command.operation, { code: 'ValidationError', message: checked.message })
    commands.push(checked.command)
  }
  if (commands.length > 1) {
    const refusal = tryOnCopy(target.lab, commands)
    if (refusal !== null) return serviceError(command.operation, refusal)
  }
  for (const c of commands) {
    const refusal = refusalOf(() => target.apply(c))
    if (refusal !== null) return serviceError(command.operation, refusal)
  }
  const output = plan.output(target.lab)
  return ok(output === null ? '' : formatJson(output))
}

/** Applies the commands to a copy of the lab: the first refusal, or null when all of them would be applied. */
function tryOnCopy(lab: LabQueries, commands: readonly LabCommand[]): ServiceError | null {
  const copy = restoreLab(lab.snapshot())
  for (const c of commands) {
    const refusal = refusalOf(() => applyCommand(copy, c))
    if (refusal !== null) return refusal
  }
  return null
}

function refusalOf(run: () => unknown): ServiceError | null {
  try {
    const out = run()
    if (typeof out === 'object' && out !== null && (out as Result).ok === false) {
      const r = out as { code: string; message: string }
      return { code: r.code, message: r.message }
    }
    return null
  } catch (error) {
    return {
      code: 'ValidationError',
      message: error instanceof Error ? error.message : String(error),
    }
  }
}

export type { Service }
