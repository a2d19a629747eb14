// What the Cookies panel accepts when the learner edits a value or adds a cookie: RFC 6265 syntax (§4.1.1: a
// name is a token; a value is cookie-octets, optionally wrapped in one pair of double quotes) and the browser's
// 4096-byte limit on name + value. A refused edit leaves the jar unchanged, and the message names the
// character and its position (docs/model.md, "The lab screen").
import '../zodJitless'
import { dictGet } from '../sim'
import * as z from 'zod/mini'
import { fitsCookieLimit, MAX_COOKIE_BYTES } from '../sim'

/** RFC 7230 tchar: what RFC 6265 allows in a cookie name. */
const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/
/** RFC 6265 cookie-octet: printable US-ASCII except space, DQUOTE, comma, semicolon and backslash. */
const COOKIE_OCTET = /[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]/

const nameSchema = z.string().check(
  z.minLength(1, 'A cookie needs a name.'),
  z.refine((s) => firstBad(s, TOKEN_CHAR) === null, {
    error: (issue) =>
      badCharMessage('name', issue.input as string, firstBad(issue.input as string, TOKEN_CHAR)!) +
      " A name may use letters, digits and !#$%&'*+-.^_`|~ (RFC 6265).",
  }),
)

const valueSchema = z.string().check(
  z.refine((s) => valueProblem(s) === null, {
    error: (issue) => valueProblem(issue.input as string)!,
  }),
)

/** Why a cookie name would be refused, or null. */
export function cookieNameProblem(name: string): string | null {
  const r = nameSchema.safeParse(name)
  return r.success ? null : (r.error.issues[0]?.message ?? 'This is not a valid cookie name.')
}

/** Why a value for cookie `name` would be refused, or null. */
export function cookieValueProblem(name: string, value: string): string | null {
  const r = valueSchema.safeParse(value)
  if (!r.success) return r.error.issues[0]?.message ?? 'This is not a valid cookie value.'
  if (!fitsCookieLimit(name, value)) {
    const bytes = new TextEncoder().encode(name + value).length
    return `Too long: ${name} and its value are ${bytes.toLocaleString('en-US')} bytes together; a browser refuses a cookie over ${MAX_COOKIE_BYTES.toLocaleString('en-US')} bytes (name and value).`
  }
  return null
}

function valueProblem(value: string): string | null {
  // A value may be wrapped in one pair of double quotes; the quotes are part of the value.
  const quoted = value.length >= 2 && value.startsWith('"') && value.endsWith('"')
  const inner = quoted ? value.slice(1, -1) : value
  const at = firstBad(inner, COOKIE_OCTET)
  if (at === null) return null
  const position = at + (quoted ? 1 : 0)
  if (inner[at] === '"') {
    return `The value has a double quote (") at character ${position + 1}: quotes are allowed only as one pair around the whole value (RFC 6265).`
  }
  return (
    badCharMessage('value', value, position) +
    ' A value may use printable ASCII except spaces, double quotes, commas, semicolons and backslashes (RFC 6265).'
  )
}

function firstBad(text: string, allowed: RegExp): number | null {
  for (let i = 0; i < text.length; i++) if (!allowed.test(text[i]!)) return i
  return null
}

/** Characters worth naming, and why they matter (a clause appended to the sentence). */
const NAMED_CHARS: Record<string, [string, string]> = {
  ';': ['a semicolon (;)', ': a browser would end the cookie there'],
  ',': ['a comma (,)', ''],
  ' ': ['a space', ''],
  '\t': ['a tab', ''],
  '\\': ['a backslash (\\)', ''],
  '"': ['a double quote (")', ''],
  '=': ['an equals sign (=)', ', which would end the name'],
}

function badCharMessage(what: 'name' | 'value', text: string, at: number): string {
  const code = text.codePointAt(at)!
  const ch = String.fromCodePoint(code)
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  const [described, why] =
    dictGet(NAMED_CHARS, ch) ??
    (code < 0x20 || code === 0x7f
      ? [`a control character (${hex})`, ', which makes a browser refuse the whole cookie']
      : code > 0x7e
        ? [`a non-ASCII character (${ch}, ${hex})`, '']
        : [`the character ${ch}`, ''])
  return `The ${what} has ${described} at character ${at + 1}${why}.`
}
