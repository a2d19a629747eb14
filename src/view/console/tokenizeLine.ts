// Splits a console line into words the way a POSIX shell would for the lines people paste from AWS's docs:
// blanks separate words; '…' keeps everything literally; "…" keeps everything but lets a backslash escape
// " \ $ ` and a newline; a backslash outside quotes escapes the next character, and a backslash before a newline
// joins the lines (a continued command). No expansion: `$VAR`, globs and `$(…)` stay as typed, since the console
// runs no shell. Written by hand (no dependency) so that every outcome, including every refusal, is ours to test.

/** The longest line the console reads (the lab's own limit on one string argument). */
export const MAX_LINE_LENGTH = 8192
/** The most words one line may hold (the lab's limit on a list). */
export const MAX_WORDS = 1000

export type TokenizeResult = { ok: true; words: string[] } | { ok: false; message: string }

const BLANK = /[ \t\n\r]/

/** The words of `line`, or why it cannot be split (an unbalanced quote, a line too long). Never throws. */
export function tokenizeLine(line: string): TokenizeResult {
  if (line.length > MAX_LINE_LENGTH)
    return {
      ok: false,
      message: `the line is ${line.length} characters long; the console reads at most ${MAX_LINE_LENGTH}`,
    }
  const words: string[] = []
  let word = ''
  let inWord = false
  let i = 0
  while (i < line.length) {
    const c = line[i]!
    if (c === '\\') {
      const next = line[i + 1]
      if (next === undefined)
        return { ok: false, message: 'the line ends with a backslash: nothing follows it' }
      i += 2
      if (next === '\n') continue // a continued line
      if (next === '\r' && line[i] === '\n') {
        i += 1
        continue
      }
      word += next
      inWord = true
      continue
    }
    if (c === "'") {
      const end = line.indexOf("'", i + 1)
      if (end < 0)
        return {
          ok: false,
          message: "unexpected end of line while looking for the matching single quote (')",
        }
      word += line.slice(i + 1, end)
      inWord = true
      i = end + 1
      continue
    }
    if (c === '"') {
      const quoted = readDoubleQuoted(line, i + 1)
      if (quoted === null)
        return {
          ok: false,
          message: 'unexpected end of line while looking for the matching double quote (")',
        }
      word += quoted.text
      inWord = true
      i = quoted.end + 1
      continue
    }
    if (BLANK.test(c)) {
      if (inWord) {
        words.push(word)
        if (words.length > MAX_WORDS)
          return { ok: false, message: `the line has more than ${MAX_WORDS} words` }
      }
      word = ''
      inWord = false
      i += 1
      continue
    }
    word += c
    inWord = true
    i += 1
  }
  if (inWord) words.push(word)
  if (words.length > MAX_WORDS)
    return { ok: false, message: `the line has more than ${MAX_WORDS} words` }
  return { ok: true, words }
}

/** The text of a double-quoted string starting at `start` (after the quote) and the index of its closing quote. */
function readDoubleQuoted(line: string, start: number): { text: string; end: number } | null {
  let text = ''
  let i = start
  while (i < line.length) {
    const c = line[i]!
    if (c === '"') return { text, end: i }
    if (c === '\\') {
      const next = line[i + 1]
      if (next === undefined) return null
      if (next === '\n') i += 2
      else if (next === '"' || next === '\\' || next === '$' || next === '`') {
        text += next
        i += 2
      } else {
        text += c
        i += 1
      }
      continue
    }
    text += c
    i += 1
  }
  return null
}
