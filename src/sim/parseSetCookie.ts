// Reads a Set-Cookie line the way a browser does (RFC 6265 §5.2, the attributes the lab's policy
// consults). The simulated load balancer builds its directives directly; this is for lines read back
// from a request record or pasted from a real response, so the view never parses cookies itself.

import { VIRTUAL_EPOCH_UNIX_SECONDS } from './clock'
import type { SameSite } from './model/world'

/** A Set-Cookie line of a response, parsed the way the browser reads it. */
export interface ParsedSetCookie {
  name: string
  value: string
  path: string
  /** Virtual seconds, or null for a session cookie. */
  expiresAt: number | null
  secure: boolean
  httpOnly: boolean
  sameSite: SameSite | null
  line: string
}

/** Virtual seconds of an HTTP-date, or null when it is not a date. */
function parseHttpDate(text: string): number | null {
  // Date.parse reads the text it is given; it does not consult the wall clock.
  const unixMs = Date.parse(text)
  return Number.isNaN(unixMs) ? null : unixMs / 1000 - VIRTUAL_EPOCH_UNIX_SECONDS
}

/** Parses one Set-Cookie line; `responseAt` (virtual seconds) anchors Max-Age. */
export function parseSetCookie(line: string, responseAt: number): ParsedSetCookie {
  const parts = line.split(';')
  const pair = parts[0] ?? ''
  const eq = pair.indexOf('=')
  const out: ParsedSetCookie = {
    name: (eq < 0 ? pair : pair.slice(0, eq)).trim(),
    value: eq < 0 ? '' : pair.slice(eq + 1).trim(),
    path: '/',
    expiresAt: null,
    secure: false,
    httpOnly: false,
    sameSite: null,
    line,
  }
  let maxAge: number | null = null
  for (const raw of parts.slice(1)) {
    const i = raw.indexOf('=')
    const key = (i < 0 ? raw : raw.slice(0, i)).trim().toLowerCase()
    const val = i < 0 ? '' : raw.slice(i + 1).trim()
    if (key === 'secure') out.secure = true
    else if (key === 'httponly') out.httpOnly = true
    else if (key === 'path' && val.startsWith('/')) out.path = val
    else if (key === 'expires') out.expiresAt = parseHttpDate(val) ?? out.expiresAt
    else if (key === 'max-age' && /^-?\d+$/.test(val)) maxAge = Number(val)
    else if (key === 'samesite') {
      const v = val.toLowerCase()
      out.sameSite = v === 'none' ? 'None' : v === 'strict' ? 'Strict' : v === 'lax' ? 'Lax' : null
    }
  }
  // Max-Age wins over Expires (RFC 6265 §5.3 step 3).
  if (maxAge !== null) out.expiresAt = responseAt + maxAge
  return out
}
