// Tab completion for the console: the first word (aws, help, clear), the service, the command name, and option
// names not yet on the line. One candidate completes the word; several complete their common prefix and are
// listed, as a shell does on a second Tab.
import { commandsOf, findCommand, GLOBAL_OPTIONS, isService } from './consoleCommands'

export interface Completion {
  /** The line with the last word completed (unchanged when nothing fits). */
  line: string
  /** Every name that fits when more than one does; empty otherwise. */
  candidates: string[]
}

function commonPrefix(names: readonly string[]): string {
  let prefix = names[0] ?? ''
  for (const n of names) while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1)
  return prefix
}

function choicesFor(words: readonly string[], partial: string): string[] {
  const position = words.length
  if (position === 0) return ['aws', 'clear', 'help']
  if (words[0] !== 'aws') return []
  if (position === 1) return ['elb', 'elbv2', 'help']
  const service = words[1]
  if (!isService(service)) return []
  if (position === 2) return [...commandsOf(service).map((c) => c.name), 'help']
  const command = findCommand(service, words[2]!)
  if (command === undefined || !(partial === '' || partial.startsWith('-'))) return []
  const used = new Set(words.filter((w) => w.startsWith('--')).map((w) => w.split('=')[0]))
  return [...command.options.map((o) => o.name), ...GLOBAL_OPTIONS].filter((o) => !used.has(o))
}

/** Completes the last word of `line` (the caret is at its end). */
export function completeLine(line: string): Completion {
  if (line.length > 8192) return { line, candidates: [] }
  const endsInBlank = line === '' || /\s$/.test(line)
  const all = line.trim() === '' ? [] : line.trim().split(/\s+/)
  const partial = endsInBlank ? '' : (all[all.length - 1] ?? '')
  const before = endsInBlank ? all : all.slice(0, -1)
  const fits = choicesFor(before, partial).filter((c) => c.startsWith(partial))
  if (fits.length === 0) return { line, candidates: [] }
  const head = line.slice(0, line.length - partial.length)
  if (fits.length === 1) return { line: `${head}${fits[0]} `, candidates: [] }
  return { line: `${head}${commonPrefix(fits)}`, candidates: fits }
}
