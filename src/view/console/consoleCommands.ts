// The console's command table: every `aws elbv2` and `aws elb` command it runs, found by service and name.
import { ELB_ATTRIBUTE_COMMANDS } from './elbAttributeCommands'
import { ELB_COMMANDS } from './elbCommands'
import { ELBV2_DESCRIBE_COMMANDS } from './elbv2Describe'
import { ELBV2_LISTENER_ATTRIBUTE_COMMANDS } from './elbv2ListenerAttributes'
import { ELBV2_CHANGE_COMMANDS } from './elbv2Modify'
import type { ConsoleCommand } from './consoleTypes'

export const SERVICES = ['elb', 'elbv2'] as const
export type Service = (typeof SERVICES)[number]

const BY_SERVICE: ReadonlyMap<Service, readonly ConsoleCommand[]> = new Map([
  [
    'elbv2',
    [
      ...ELBV2_DESCRIBE_COMMANDS,
      ...ELBV2_CHANGE_COMMANDS,
      ...ELBV2_LISTENER_ATTRIBUTE_COMMANDS,
    ].sort((a, b) => a.name.localeCompare(b.name)),
  ],
  [
    'elb',
    [...ELB_COMMANDS, ...ELB_ATTRIBUTE_COMMANDS].sort((a, b) => a.name.localeCompare(b.name)),
  ],
])

export function isService(word: string | undefined): word is Service {
  return word === 'elb' || word === 'elbv2'
}

/** The service's commands, sorted by name (as the CLI lists its choices). */
export function commandsOf(service: Service): readonly ConsoleCommand[] {
  return BY_SERVICE.get(service) ?? []
}

export function findCommand(service: Service, name: string): ConsoleCommand | undefined {
  return commandsOf(service).find((c) => c.name === name)
}

/** Options every command takes (the CLI's global options the console understands). */
export const GLOBAL_OPTIONS = ['--output', '--region', '--no-cli-pager'] as const
