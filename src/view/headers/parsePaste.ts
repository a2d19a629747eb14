// Reads what an engineer pastes: a `curl -v` transcript (`> ` request and `< ` response lines), raw request and
// response header blocks as DevTools or a proxy shows them (HTTP/1.1 start lines or HTTP/2 pseudo-headers, or bare
// `Name: value` lines), or a HAR file (harExchanges.ts). Pasted text is hostile: its size is capped, every line is
// read as plain text, and nothing in it is used as a key of a plain object.
import type { Exchange, HeaderLine, PastedRequest, PastedResponse, PasteResult } from './exchange'
import { harExchanges } from './harExchanges'

/** The most a paste may hold: a header capture is a few kilobytes; a HAR of the failing requests fits easily. */
export const MAX_PASTE_CHARS = 1_000_000
/** Exchanges read from one paste; a longer capture is read up to here and the rest counted. */
export const MAX_EXCHANGES = 500
/** Headers kept per message: real messages carry a few dozen. */
const MAX_HEADERS = 200

const METHODS =
  /^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|CONNECT|TRACE)\s+(\S+)(?:\s+HTTP\/[\d.]+)?\s*$/i
const STATUS = /^HTTP\/[\d.]+\s+(\d{3})\b/i
/** RFC 9110 token characters, plus a leading colon for HTTP/2 pseudo-headers (:status, :method…). */
const HEADER = /^(:?[!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*)$/
/** Headers only a request carries: bare header lines (no start line) are split into request and response by them. */
const REQUEST_HEADERS = new Set([
  'cookie',
  'host',
  'user-agent',
  'origin',
  'referer',
  'accept',
  'accept-encoding',
  'accept-language',
  'sec-fetch-site',
  'sec-fetch-mode',
  'sec-fetch-dest',
  'access-control-request-method',
  'access-control-request-headers',
  'authorization',
  'if-none-match',
  'if-modified-since',
  'upgrade-insecure-requests',
  ':method',
  ':path',
  ':authority',
  ':scheme',
])

function tooLarge(chars: number): string {
  const mb = (chars / 1_000_000).toFixed(1)
  return (
    `That paste is ${mb} MB; Stickylab reads at most 1 MB. Paste only the headers of the requests that matter, ` +
    'or clear the Network panel, repeat the failing requests and export just those.'
  )
}

/** Reads a paste into exchanges, or says in plain words why it cannot. */
export function parsePaste(text: string): PasteResult {
  if (typeof text !== 'string')
    return { ok: false, message: 'Nothing to analyze: paste some HTTP headers.' }
  if (text.length > MAX_PASTE_CHARS) return { ok: false, message: tooLarge(text.length) }
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, message: 'Nothing to analyze: paste some HTTP headers.' }
  if (trimmed.startsWith('{')) return harExchanges(trimmed, MAX_EXCHANGES)
  const lines = trimmed.split(/\r?\n/)
  const curl = lines.some((l) => /^[<>] \S/.test(l))
  const exchanges = curl ? curlExchanges(lines) : rawExchanges(lines)
  const messages = exchanges.filter((e) => e.request !== null || e.response !== null)
  if (messages.length === 0) {
    return {
      ok: false,
      message:
        'No HTTP headers found. Paste `curl -v` output, the raw request and response headers from DevTools ' +
        '(lines like "Set-Cookie: AWSALB=…"), or a HAR file.',
    }
  }
  const kept = messages.slice(0, MAX_EXCHANGES)
  return {
    ok: true,
    paste: {
      source: curl ? 'curl' : 'raw',
      exchanges: kept,
      sanitizedHar: false,
      omitted: messages.length - kept.length,
    },
  }
}

function headerLine(line: string): HeaderLine | null {
  const m = HEADER.exec(line.trim())
  return m ? { name: m[1]!, value: m[2]!.trim() } : null
}

function addHeader(headers: HeaderLine[], h: HeaderLine): void {
  if (headers.length < MAX_HEADERS) headers.push(h)
}

/** Builds exchanges as messages arrive: a response closes the exchange its request opened. */
class ExchangeList {
  readonly list: Exchange[] = []
  private open: Exchange | null = null

  request(req: PastedRequest, scheme: Exchange['scheme']): void {
    this.open = { request: req, response: null, scheme }
    this.list.push(this.open)
  }

  response(res: PastedResponse, scheme: Exchange['scheme']): void {
    if (this.open !== null && this.open.response === null) {
      this.open.response = res
      this.open.scheme ??= scheme
    } else this.list.push({ request: null, response: res, scheme })
    this.open = null
  }

  full(): boolean {
    return this.list.length > MAX_EXCHANGES
  }
}

/** curl -v: `*` lines say where it connected, `>` lines are the request, `<` lines the response. */
function curlExchanges(lines: readonly string[]): Exchange[] {
  const out = new ExchangeList()
  let scheme: Exchange['scheme'] = null
  let req: PastedRequest | null = null
  let res: PastedResponse | null = null
  const flushResponse = () => {
    if (res !== null) out.response(res, scheme)
    res = null
  }
  for (const raw of lines) {
    if (out.full()) break
    const line = raw.replace(/\r$/, '')
    if (line.startsWith('* ')) {
      // Each connection says where it went; a TLS handshake means https whatever the port.
      const connected = /^\* Connected to .*\bport (\d+)/.exec(line)
      if (connected)
        scheme = connected[1] === '443' ? 'https' : connected[1] === '80' ? 'http' : null
      else if (/\b(SSL connection|TLSv1\.[0-3]|ALPN)\b/.test(line)) scheme = 'https'
      continue
    }
    if (line.startsWith('>')) {
      flushResponse()
      const body = line.slice(1).trim()
      if (body === '') continue
      const start = METHODS.exec(body)
      if (start) {
        req = { method: start[1]!.toUpperCase(), target: start[2]!, headers: [] }
        out.request(req, scheme)
        continue
      }
      const h = headerLine(body)
      if (h && req !== null) addHeader(req.headers, h)
      continue
    }
    if (line.startsWith('<')) {
      const body = line.slice(1).trim()
      if (body === '') continue
      const status = STATUS.exec(body)
      if (status) {
        flushResponse()
        res = { status: Number(status[1]), headers: [] }
        continue
      }
      const h = headerLine(body)
      if (h) {
        res ??= { status: null, headers: [] }
        addHeader(res.headers, h)
      }
    }
  }
  flushResponse()
  return out.list
}

type Block =
  | { kind: 'request'; msg: PastedRequest }
  | { kind: 'response'; msg: PastedResponse }
  | { kind: 'bare'; headers: HeaderLine[] }

/** Raw header blocks: start lines open messages; HTTP/2 pseudo-headers and bare header lines are placed by their names. */
function rawExchanges(lines: readonly string[]): Exchange[] {
  const blocks: Block[] = []
  let current: Block | null = null
  for (const raw of lines) {
    if (blocks.length > MAX_EXCHANGES * 2) break
    const line = raw.trim()
    if (line === '') {
      current = null
      continue
    }
    const start = METHODS.exec(line)
    if (start) {
      current = {
        kind: 'request',
        msg: { method: start[1]!.toUpperCase(), target: start[2]!, headers: [] },
      }
      blocks.push(current)
      continue
    }
    const status = STATUS.exec(line)
    if (status) {
      current = { kind: 'response', msg: { status: Number(status[1]), headers: [] } }
      blocks.push(current)
      continue
    }
    const h = headerLine(line)
    if (h === null) continue
    if (current === null) {
      current = { kind: 'bare', headers: [] }
      blocks.push(current)
    }
    addHeader(current.kind === 'bare' ? current.headers : current.msg.headers, h)
  }
  const out = new ExchangeList()
  for (const b of blocks) {
    if (b.kind === 'request') out.request(b.msg, schemeOf(b.msg.headers))
    else if (b.kind === 'response') out.response(b.msg, null)
    else placeBare(out, b.headers)
  }
  return out.list
}

function schemeOf(headers: readonly HeaderLine[]): Exchange['scheme'] {
  const s = headers.find((h) => h.name === ':scheme')?.value.toLowerCase()
  return s === 'https' || s === 'http' ? s : null
}

/** Bare header lines: request headers go to a request, the rest to a response (in that order, as DevTools lists them). */
function placeBare(out: ExchangeList, headers: readonly HeaderLine[]): void {
  const reqHeaders = headers.filter((h) => REQUEST_HEADERS.has(h.name.toLowerCase()))
  const resHeaders = headers.filter((h) => !REQUEST_HEADERS.has(h.name.toLowerCase()))
  const pseudoStatus = resHeaders.find((h) => h.name === ':status')
  if (reqHeaders.length > 0) {
    const method = reqHeaders.find((h) => h.name === ':method')?.value.toUpperCase() ?? 'GET'
    const target = reqHeaders.find((h) => h.name === ':path')?.value ?? '/'
    out.request({ method, target, headers: reqHeaders }, schemeOf(reqHeaders))
  }
  if (resHeaders.length > 0) {
    const status =
      pseudoStatus && /^\d{3}$/.test(pseudoStatus.value) ? Number(pseudoStatus.value) : null
    out.response({ status, headers: resHeaders }, null)
  }
}
