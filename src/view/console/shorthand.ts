// AWS CLI shorthand syntax (https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-shorthand.html):
// `Key=a,Value=b`, a comma-separated list after a key (`Name=x,Values=y,z`), explicit lists `[a,b]` and nested
// structures `{…}`: `Type=forward,ForwardConfig={TargetGroups=[{TargetGroupArn=…,Weight=1}]}`. Values may be
// quoted ('…' or "…") and a comma escaped (`\,`). The result keeps structures as Maps, so a key such as
// `__proto__` is an ordinary key and never reaches an object's prototype.

/** A parsed option value: a shorthand or JSON scalar, list or structure. */
export type CliValue = string | number | boolean | null | CliValue[] | CliStruct
export type CliStruct = Map<string, CliValue>

export type ShorthandResult = { ok: true; value: CliStruct } | { ok: false; message: string }

/** Deeper nesting than any ELB parameter needs is refused (the lab's own limit on nesting is 16). */
const MAX_DEPTH = 8
const KEY = /^[A-Za-z0-9_.:/#@-]+/

class ShorthandError extends Error {}

/** Parses one shorthand word into a structure; never throws. */
export function parseShorthand(text: string): ShorthandResult {
  const p = new Parser(text)
  try {
    const value = p.keyvals(0, null)
    p.skipBlanks()
    if (!p.atEnd()) p.fail('EOF')
    return { ok: true, value }
  } catch (error) {
    if (error instanceof ShorthandError) return { ok: false, message: error.message }
    throw error
  }
}

class Parser {
  i = 0
  constructor(readonly text: string) {}

  atEnd(): boolean {
    return this.i >= this.text.length
  }

  peek(): string | undefined {
    return this.text[this.i]
  }

  skipBlanks(): void {
    while (this.i < this.text.length && /\s/.test(this.text[this.i]!)) this.i += 1
  }

  /** AWS CLI's wording: `Expected: '=', received: 'EOF' for input:` then the input and a caret under the spot. */
  fail(expected: string): never {
    const received = this.atEnd() ? 'EOF' : this.peek()!
    const shown = this.text.length > 200 ? `${this.text.slice(0, 200)}…` : this.text
    const caret = this.i <= 200 ? `\n${' '.repeat(this.i)}^` : ''
    throw new ShorthandError(
      `Expected: '${expected}', received: '${received}' for input:\n${shown}${caret}`,
    )
  }

  expect(c: string): void {
    this.skipBlanks()
    if (this.peek() !== c) this.fail(c)
    this.i += 1
  }

  /** key=value pairs separated by commas, up to `close` ('}' inside a structure, null at the top). */
  keyvals(depth: number, close: string | null): CliStruct {
    const out: CliStruct = new Map()
    for (;;) {
      this.skipBlanks()
      const m = KEY.exec(this.text.slice(this.i))
      if (m === null) this.fail('=')
      const key = m[0]
      this.i += key.length
      this.expect('=')
      out.set(key, this.values(depth, close))
      this.skipBlanks()
      if (this.peek() !== ',') return out
      this.i += 1
    }
  }

  /** A value after `key=`: a structure, an explicit list, or one value or more (a comma-separated list). */
  values(depth: number, close: string | null): CliValue {
    this.skipBlanks()
    const c = this.peek()
    if (c === '{' || c === '[') return this.nested(depth)
    const first = this.scalar(close)
    const more: string[] = []
    // `Values=y,z`: a comma not followed by `key=` continues the list.
    while (this.peek() === ',' && !this.keyFollows(this.i + 1)) {
      this.i += 1
      more.push(this.scalar(close))
    }
    return more.length === 0 ? first : [first, ...more]
  }

  keyFollows(at: number): boolean {
    const rest = this.text.slice(at).trimStart()
    const m = KEY.exec(rest)
    return m !== null && rest.slice(m[0].length).trimStart().startsWith('=')
  }

  nested(depth: number): CliValue {
    if (depth >= MAX_DEPTH)
      throw new ShorthandError(`the value nests structures and lists more than ${MAX_DEPTH} deep`)
    if (this.peek() === '{') {
      this.i += 1
      this.skipBlanks()
      if (this.peek() === '}') {
        this.i += 1
        return new Map()
      }
      const value = this.keyvals(depth + 1, '}')
      this.expect('}')
      return value
    }
    this.i += 1
    const list: CliValue[] = []
    this.skipBlanks()
    if (this.peek() === ']') {
      this.i += 1
      return list
    }
    for (;;) {
      this.skipBlanks()
      const c = this.peek()
      list.push(c === '{' || c === '[' ? this.nested(depth + 1) : this.scalar(']'))
      this.skipBlanks()
      if (this.peek() === ']') {
        this.i += 1
        return list
      }
      this.expect(',')
    }
  }

  /** One value: quoted, or up to a comma (and, inside a list or structure, its closing bracket). */
  scalar(close: string | null): string {
    this.skipBlanks()
    const q = this.peek()
    if (q === "'" || q === '"') {
      const end = this.text.indexOf(q, this.i + 1)
      if (end < 0) {
        this.i = this.text.length
        this.fail(q)
      }
      const value = this.text.slice(this.i + 1, end)
      this.i = end + 1
      return value
    }
    let value = ''
    while (!this.atEnd()) {
      const c = this.peek()!
      if (c === '\\' && this.text[this.i + 1] === ',') {
        value += ','
        this.i += 2
        continue
      }
      if (c === ',' || (close !== null && (c === close || c === ']' || c === '}'))) break
      value += c
      this.i += 1
    }
    return value.trim()
  }
}
