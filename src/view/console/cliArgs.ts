// The options of one AWS CLI command, read the way the CLI reads them: `--name value` or `--name=value`, a list
// option taking every word up to the next option, a value starting with `[` or `{` read as JSON and any other
// structure as shorthand syntax, then checked against the parameter's shape with botocore's messages
// ("Parameter validation failed: Unknown parameter in Attributes[0]: …"). Structures come out as objects with no
// prototype holding only the members their shape names, so an outside key can never become a lookup.
import { parseShorthand, type CliStruct, type CliValue } from './shorthand'

export type Shape =
  | { kind: 'string' }
  | { kind: 'integer' }
  | { kind: 'boolean' }
  | { kind: 'list'; member: Shape }
  | {
      kind: 'structure'
      members: readonly (readonly [string, Shape])[]
      required?: readonly string[]
    }

export const STRING: Shape = { kind: 'string' }
export const INTEGER: Shape = { kind: 'integer' }
export const BOOLEAN: Shape = { kind: 'boolean' }
export const STRINGS: Shape = { kind: 'list', member: STRING }
export function listOf(member: Shape): Shape {
  return { kind: 'list', member }
}
export function structure(
  members: readonly (readonly [string, Shape])[],
  required: readonly string[] = [],
): Shape {
  return { kind: 'structure', members, required }
}

export interface OptionSpec {
  /** `--target-group-arn` */
  name: string
  shape: Shape
  required?: boolean
}

/** An option value after checking: strings, numbers, booleans, lists and prototype-free records. */
export type Checked = string | number | boolean | Checked[] | { [key: string]: Checked }

export type ParsedOptions =
  | { ok: true; values: Map<string, Checked> }
  | { ok: false; kind: 'usage' | 'param'; message: string }

/** `--target-group-arn` → `TargetGroupArn`, the API's own name for the parameter. */
export function memberName(option: string): string {
  return option
    .replace(/^--/, '')
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')
}

/** Reads `words` (everything after the command name) against the command's options. Never throws. */
export function parseOptions(
  words: readonly string[],
  specs: readonly OptionSpec[],
): ParsedOptions {
  const bySpec = new Map(specs.map((s) => [s.name, s]))
  const raw = new Map<string, string[]>()
  const unknown: string[] = []
  let current: OptionSpec | null = null
  for (const word of words) {
    if (word.startsWith('--')) {
      const eq = word.indexOf('=')
      const name = eq > 0 ? word.slice(0, eq) : word
      const spec = bySpec.get(name)
      if (spec === undefined) {
        unknown.push(word)
        current = null
        continue
      }
      raw.set(name, eq > 0 ? [word.slice(eq + 1)] : [])
      current = spec
      continue
    }
    const list = current === null ? undefined : raw.get(current.name)
    if (
      current === null ||
      list === undefined ||
      (current.shape.kind !== 'list' && list.length === 1)
    ) {
      unknown.push(word)
      current = null
      continue
    }
    list.push(word)
  }
  const missing = specs.filter((s) => s.required && !raw.has(s.name)).map((s) => s.name)
  if (missing.length > 0)
    return {
      ok: false,
      kind: 'usage',
      message: `the following arguments are required: ${missing.join(', ')}`,
    }
  for (const [name, list] of raw) {
    if (list.length === 0)
      return {
        ok: false,
        kind: 'usage',
        message: `argument ${name}: expected ${bySpec.get(name)!.shape.kind === 'list' ? 'at least one argument' : 'one argument'}`,
      }
  }
  if (unknown.length > 0)
    return { ok: false, kind: 'usage', message: `Unknown options: ${unknown.join(', ')}` }
  const values = new Map<string, Checked>()
  for (const [name, list] of raw) {
    const spec = bySpec.get(name)!
    const value = readOption(spec, list)
    if (!value.ok) return { ok: false, kind: 'param', message: value.message }
    values.set(name, value.value)
  }
  return { ok: true, values }
}

type Read = { ok: true; value: Checked } | { ok: false; message: string }

function readOption(spec: OptionSpec, words: string[]): Read {
  const param = memberName(spec.name)
  const { shape } = spec
  const first = words[0]!
  let value: CliValue
  let fromText = true
  if (
    shape.kind !== 'string' &&
    shape.kind !== 'integer' &&
    shape.kind !== 'boolean' &&
    /^\s*[[{]/.test(first)
  ) {
    // The CLI reads a value that looks like JSON as JSON, never as shorthand.
    if (words.length > 1)
      return {
        ok: false,
        message: `Error parsing parameter '${spec.name}': Invalid JSON: a JSON value must be one word (quote it)`,
      }
    const json = parseJson(first)
    if (!json.ok)
      return {
        ok: false,
        message: `Error parsing parameter '${spec.name}': Invalid JSON: ${json.message}\nJSON received: ${first.slice(0, 200)}`,
      }
    value = json.value
    fromText = false
  } else if (shape.kind === 'integer') {
    if (!/^\s*[-+]?\d+\s*$/.test(first))
      return {
        ok: false,
        message: `Error parsing parameter '${spec.name}': invalid literal for int() with base 10: '${first.slice(0, 100)}'`,
      }
    const range = intRange(Number(first), param)
    if (range !== null) return { ok: false, message: `Parameter validation failed:\n${range}` }
    return { ok: true, value: Number(first) }
  } else if (
    shape.kind === 'structure' ||
    (shape.kind === 'list' && shape.member.kind === 'structure')
  ) {
    const items: CliValue[] = []
    for (const w of words) {
      const s = parseShorthand(w)
      if (!s.ok)
        return { ok: false, message: `Error parsing parameter '${spec.name}': ${s.message}` }
      items.push(s.value)
    }
    value = shape.kind === 'structure' ? items[0]! : items
  } else {
    value = shape.kind === 'list' ? [...words] : first
  }
  const checked = checkShape(value, shape, param, fromText)
  if (typeof checked === 'string')
    return { ok: false, message: `Parameter validation failed:\n${checked}` }
  return { ok: true, value: checked.value }
}

/** ELB's integers are 32-bit: a larger value is refused before it reaches the lab (and never loses digits). */
const INT_MIN = -2147483648
const INT_MAX = 2147483647

function intRange(value: number, path: string): string | null {
  if (value > INT_MAX)
    return `Invalid range for parameter ${path}, value: ${value > 1e21 ? 'too large' : value}, valid max value: ${INT_MAX}`
  if (value < INT_MIN)
    return `Invalid range for parameter ${path}, value: ${value < -1e21 ? 'too small' : value}, valid min value: ${INT_MIN}`
  return null
}

type Json = { ok: true; value: CliValue } | { ok: false; message: string }

function parseJson(text: string): Json {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : 'not JSON' }
  }
  return { ok: true, value: fromJson(data, 0) }
}

/** JSON data as CliValues: objects become Maps of their own keys (so `__proto__` stays a key). */
function fromJson(data: unknown, depth: number): CliValue {
  if (depth > 16) return null
  if (Array.isArray(data)) return data.map((d) => fromJson(d, depth + 1))
  if (typeof data === 'object' && data !== null) {
    const map: CliStruct = new Map()
    for (const [key, item] of Object.entries(data)) map.set(key, fromJson(item, depth + 1))
    return map
  }
  if (typeof data === 'string' || typeof data === 'number' || typeof data === 'boolean') return data
  return null
}

function describeType(value: CliValue): string {
  if (typeof value === 'string') return "<class 'str'>"
  if (typeof value === 'number')
    return Number.isInteger(value) ? "<class 'int'>" : "<class 'float'>"
  if (typeof value === 'boolean') return "<class 'bool'>"
  if (value === null) return "<class 'NoneType'>"
  return Array.isArray(value) ? "<class 'list'>" : "<class 'dict'>"
}

function shown(value: CliValue): string {
  if (value instanceof Map) return '{…}'
  if (Array.isArray(value)) return '[…]'
  return String(value).slice(0, 100)
}

/**
 * Checks `value` against `shape` (botocore's parameter validation). A string given in shorthand stands for any
 * scalar (`Weight=1`, `Enabled=true`); a JSON value must have the right type. Returns the message on failure.
 */
function checkShape(
  value: CliValue,
  shape: Shape,
  path: string,
  fromText: boolean,
): { value: Checked } | string {
  const invalid = (valid: string) =>
    `Invalid type for parameter ${path}, value: ${shown(value)}, type: ${describeType(value)}, valid types: ${valid}`
  switch (shape.kind) {
    case 'string':
      if (typeof value === 'string') return { value }
      return invalid("<class 'str'>")
    case 'integer':
      if (typeof value === 'number' && Number.isInteger(value))
        return intRange(value, path) ?? { value }
      if (fromText && typeof value === 'string' && /^[-+]?\d+$/.test(value.trim()))
        return intRange(Number(value), path) ?? { value: Number(value) }
      return invalid("<class 'int'>")
    case 'boolean':
      if (typeof value === 'boolean') return { value }
      if (fromText && (value === 'true' || value === 'false')) return { value: value === 'true' }
      return invalid("<class 'bool'>")
    case 'list': {
      const items = Array.isArray(value)
        ? value
        : fromText && !(value instanceof Map) && value !== null
          ? [value]
          : null
      if (items === null) return invalid("<class 'list'>, <class 'tuple'>")
      const out: Checked[] = []
      for (let i = 0; i < items.length; i++) {
        const c = checkShape(items[i]!, shape.member, `${path}[${i}]`, fromText)
        if (typeof c === 'string') return c
        out.push(c.value)
      }
      return { value: out }
    }
    case 'structure': {
      if (!(value instanceof Map)) return invalid("<class 'dict'>")
      const names = shape.members.map(([n]) => n)
      for (const key of value.keys())
        if (!names.includes(key))
          return `Unknown parameter in ${path}: "${key.slice(0, 100)}", must be one of: ${names.join(', ')}`
      for (const r of shape.required ?? [])
        if (!value.has(r)) return `Missing required parameter in ${path}: "${r}"`
      const out = Object.create(null) as { [key: string]: Checked }
      for (const [name, member] of shape.members) {
        if (!value.has(name)) continue
        const c = checkShape(value.get(name)!, member, `${path}.${name}`, fromText)
        if (typeof c === 'string') return c
        out[name] = c.value
      }
      return { value: out }
    }
  }
}
