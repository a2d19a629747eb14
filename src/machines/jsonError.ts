// Readable JSON errors for hostile text (a replay file, a share link's data, a saved lab): where parsing failed, by
// line and column, and values quoted short, so a huge or hostile value cannot flood a message.

/**
 * Where JSON.parse failed, in words: "unexpected "}" at line 3, column 7 (character 52)". Engines disagree on
 * whether (and how) their messages give a position, so the text is scanned here instead. A failure at the very
 * end means the text was cut short, the common case for a half-downloaded file or a truncated paste.
 */
export function describeJsonError(text: string): string {
  const offset = jsonErrorOffset(text)
  const end = text.trimEnd().length
  if (offset === null) return 'it could not be read.'
  if (offset >= end) return `unexpected end at character ${end} (was it cut short?)`
  const { line, column } = lineColumnOf(text, offset)
  return `unexpected ${shortJson(text[offset])} at line ${line}, column ${column} (character ${offset + 1}).`
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])

/**
 * Offset of the first JSON syntax error (text.length when the text ends early), or null when it is valid.
 * Iterative, with an explicit stack, so a deeply nested file cannot overflow the call stack.
 */
export function jsonErrorOffset(text: string): number | null {
  const n = text.length
  const stack: string[] = []
  let i = 0
  type Want = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'end'
  let want: Want = 'value'
  const skipSpace = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++
  }
  /** Moves past a string starting at i; returns the offset of an error in it, or null. */
  const string = (): number | null => {
    i++
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === 0x22) {
        i++
        return null
      }
      if (c < 0x20) return i
      if (c === 0x5c) {
        const e = text[i + 1]
        if (e === undefined) return n
        if (e === 'u') {
          for (let k = 2; k < 6; k++) {
            if (i + k >= n) return n
            if (!/[0-9a-fA-F]/.test(text[i + k]!)) return i + k
          }
          i += 6
          continue
        }
        if (!ESCAPES.has(e)) return i + 1
        i += 2
        continue
      }
      i++
    }
    return n
  }
  /** What may follow a complete value. */
  const afterValue = (): Want => (stack.length === 0 ? 'end' : 'commaOrClose')
  for (;;) {
    skipSpace()
    if (want === 'end') return i < n ? i : null
    if (i >= n) return n
    const c = text[i]!
    if (want === 'colon') {
      if (c !== ':') return i
      i++
      want = 'value'
    } else if (want === 'commaOrClose') {
      const top = stack[stack.length - 1]
      if (c === ',') {
        i++
        want = top === '{' ? 'key' : 'value'
      } else if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
        i++
        stack.pop()
        want = afterValue()
      } else return i
    } else if (want === 'key' || want === 'keyOrClose') {
      if (want === 'keyOrClose' && c === '}') {
        i++
        stack.pop()
        want = afterValue()
      } else if (c === '"') {
        const bad = string()
        if (bad !== null) return bad
        want = 'colon'
      } else return i
    } else if (want === 'valueOrClose' && c === ']') {
      i++
      stack.pop()
      want = afterValue()
    } else if (c === '{' || c === '[') {
      stack.push(c)
      i++
      want = c === '{' ? 'keyOrClose' : 'valueOrClose'
    } else if (c === '"') {
      const bad = string()
      if (bad !== null) return bad
      want = afterValue()
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i
      const m = NUMBER.exec(text)
      if (m === null) return i + 1 >= n ? n : i + 1
      i += m[0].length
      want = afterValue()
    } else {
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : c === 'n' ? 'null' : null
      if (word === null) return i
      for (let k = 0; k < word.length; k++) {
        if (i + k >= n) return n
        if (text[i + k] !== word[k]) return i + k
      }
      i += word.length
      want = afterValue()
    }
  }
}

function lineColumnOf(text: string, position: number): { line: number; column: number } {
  let line = 1
  let start = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line++
    start = i + 1
  }
  return { line, column: position - start + 1 }
}

/** A value from the file, quoted and shortened so a huge or hostile value cannot flood the message. */
export function shortJson(value: unknown): string {
  let text: string
  try {
    text = value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value))
  } catch {
    text = String(value)
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}
