// What a pasted capture holds once read, whatever it came as (curl -v, raw header blocks, a HAR file): a list of
// request/response exchanges with their headers verbatim. Everything here came from outside and is treated as text.

export interface HeaderLine {
  name: string
  value: string
}

export interface PastedRequest {
  method: string
  /** The request target as written: a path, or a full URL (HAR). */
  target: string
  headers: HeaderLine[]
}

export interface PastedResponse {
  /** null when the capture holds response headers without a status line. */
  status: number | null
  headers: HeaderLine[]
}

export interface Exchange {
  request: PastedRequest | null
  response: PastedResponse | null
  /** How the request travelled, when the capture says (curl's connection lines, a HAR URL, :scheme). */
  scheme: 'http' | 'https' | null
}

export type PasteSource = 'curl' | 'raw' | 'har'

export interface ParsedPaste {
  source: PasteSource
  exchanges: Exchange[]
  /** A HAR with no Cookie or Set-Cookie header and no cookies at all: most likely exported sanitized. */
  sanitizedHar: boolean
  /** Exchanges left out because the capture held more than the analysis reads. */
  omitted: number
}

export type PasteResult = { ok: true; paste: ParsedPaste } | { ok: false; message: string }

/** The values of every header called `name` (case-insensitive, as HTTP header names are). */
export function headerValues(headers: readonly HeaderLine[], name: string): string[] {
  const wanted = name.toLowerCase()
  const out: string[] = []
  for (const h of headers) if (h.name.toLowerCase() === wanted) out.push(h.value)
  return out
}

/** The first value of header `name`, or null. */
export function headerValue(headers: readonly HeaderLine[], name: string): string | null {
  return headerValues(headers, name)[0] ?? null
}
