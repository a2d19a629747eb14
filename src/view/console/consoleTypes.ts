// The console's data: what a line answers (AWS CLI's streams and exit status) and what a command is (its options,
// the lab commands it maps to, and the JSON AWS returns). Exit statuses are AWS CLI v2's: 0 success, 252 the
// command line could not be parsed, 254 the service refused the request; 127 is a shell's "command not found".
import type { LabCommand, LabQueries } from '../../sim'
import type { Checked, OptionSpec } from './cliArgs'

export const EXIT_OK = 0
export const EXIT_USAGE = 252
export const EXIT_SERVICE_ERROR = 254
export const EXIT_NOT_FOUND = 127

export interface ConsoleAnswer {
  exitStatus: number
  stdout: string
  stderr: string
  /** `clear` empties the output. */
  clear?: boolean
}

/** A service error, as AWS names it: `ValidationError`, `TargetGroupNotFound`, … */
export interface ServiceError {
  code: string
  message: string
}

/** What a command does: the lab commands to apply (none for a describe) and the output read afterwards. */
export interface Plan {
  commands: LabCommand[]
  /** The JSON AWS prints once the change is made, or null for commands that print nothing. */
  output: (lab: LabQueries) => unknown
}

export interface ConsoleCommand {
  service: 'elbv2' | 'elb'
  /** `describe-target-groups` */
  name: string
  /** The API operation, as AWS's error line names it: `DescribeTargetGroups`. */
  operation: string
  /** One line for `help`. */
  summary: string
  options: readonly OptionSpec[]
  plan: (lab: LabQueries, values: ReadonlyMap<string, Checked>) => Plan | ServiceError
}

export function isServiceError(value: Plan | ServiceError): value is ServiceError {
  return 'code' in value
}

/** A checked structure's member: an own property only, whatever `name` is. */
export function member(record: Checked | undefined, name: string): Checked | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined
  return Object.getOwnPropertyDescriptor(record, name)?.value as Checked | undefined
}

export function asString(value: Checked | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined
}

export function asNumber(value: Checked | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined
}

export function asList(value: Checked | undefined): Checked[] {
  return Array.isArray(value) ? value : []
}

/** A Record<string, string> built with defineProperty, so a key such as `__proto__` stays an ordinary key. */
export function stringRecord(
  entries: readonly (readonly [string, string])[],
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of entries)
    Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true })
  return out
}
