// The console's help texts: AWS CLI's usage block, its "Invalid choice" list, the console's own `help`, and a
// command's synopsis (`aws elbv2 describe-target-health help`).
import type { Shape } from './cliArgs'
import { commandsOf, SERVICES, type Service } from './consoleCommands'
import type { ConsoleCommand } from './consoleTypes'

export const USAGE = [
  'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]',
  'To see help text, you can run:',
  '',
  '  aws help',
  '  aws <command> help',
  '  aws <command> <subcommand> help',
  '',
].join('\n')

/** AWS CLI's error block: the usage, then `aws: error: <message>`. */
export function usageError(message: string): string {
  return `${USAGE}\naws: error: ${message}`
}

/** Choices in two columns, as argparse prints them (`create-target-group                      | deregister-targets`). */
function twoColumns(names: readonly string[]): string {
  const lines: string[] = []
  for (let i = 0; i < names.length; i += 2) {
    const right = names[i + 1]
    lines.push(right === undefined ? names[i]! : `${names[i]!.padEnd(41)}| ${right}`)
  }
  return lines.join('\n')
}

export function invalidChoice(
  argument: 'command' | 'operation',
  choices: readonly string[],
): string {
  return usageError(
    `argument ${argument}: Invalid choice, valid choices are:\n\n${twoColumns(choices)}`,
  )
}

export function operationChoices(service: Service): string[] {
  return [...commandsOf(service).map((c) => c.name), 'help']
}

/** `help`: what the console runs. */
export function consoleHelp(): string {
  const lines = [
    'The lab’s AWS CLI. It runs these commands against the lab’s simulated account (123456789012, us-east-1);',
    'every change goes through the lab, so the stage shows it at once.',
    '',
  ]
  for (const service of [...SERVICES].reverse()) {
    lines.push(
      service === 'elbv2'
        ? 'aws elbv2 (Application, Network and Gateway Load Balancers):'
        : 'aws elb (Classic Load Balancer):',
    )
    for (const c of commandsOf(service)) lines.push(`  ${c.name.padEnd(40)} ${c.summary}`)
    lines.push('')
  }
  lines.push(
    'aws <service> <command> help   the command’s synopsis',
    'clear                          empty this output',
    '↑ / ↓ recall earlier lines; Tab completes command and option names.',
  )
  return lines.join('\n')
}

export function serviceHelp(service: Service): string {
  return [
    `aws ${service}`,
    '',
    'Available commands:',
    '',
    ...operationChoices(service).map((n) => `  o ${n}`),
  ].join('\n')
}

function shapeSynopsis(shape: Shape): string {
  switch (shape.kind) {
    case 'string':
      return '<value>'
    case 'integer':
      return '<value>'
    case 'boolean':
      return '<value>'
    case 'list':
      return '<value> [<value>...]'
    case 'structure':
      return '<value>'
  }
}

function shapeText(shape: Shape): string {
  switch (shape.kind) {
    case 'string':
      return 'string'
    case 'integer':
      return 'integer'
    case 'boolean':
      return 'boolean'
    case 'list':
      return `list of ${shapeText(shape.member)}`
    case 'structure':
      return `structure (${shape.members.map(([n, s]) => `${n}=${shapeText(s)}`).join(', ')})`
  }
}

/** `aws elbv2 <command> help`: the synopsis with each option's type. */
export function commandHelp(command: ConsoleCommand): string {
  const synopsis = command.options.map((o) => {
    const part = `${o.name} ${shapeSynopsis(o.shape)}`
    return o.required ? `  ${part}` : `  [${part}]`
  })
  return [
    command.name,
    '',
    command.summary,
    '',
    'SYNOPSIS',
    `  ${command.name}`,
    ...synopsis,
    '',
    'OPTIONS',
    ...command.options.map(
      (o) => `  ${o.name} (${shapeText(o.shape)})${o.required ? ' — required' : ''}`,
    ),
  ].join('\n')
}
