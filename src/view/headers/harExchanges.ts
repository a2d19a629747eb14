import '../../zodJitless'
// A HAR file (HTTP Archive 1.2, what DevTools' "Export HAR" writes) read as exchanges. The file is hostile input:
// it is parsed with JSON.parse in a try, then checked against the few fields the analysis reads (zod), so a broken or
// foreign file gets one readable sentence and never a crash. Extra fields are ignored, as HAR allows.
import type { Cookie, Entry, Header } from 'har-format'
import * as z from 'zod/mini'
import type { Exchange, HeaderLine, PasteResult } from './exchange'

/** The longest header value kept: a real Set-Cookie line is at most a few kilobytes. */
const MAX_VALUE = 16_384
/** Headers or cookies kept per message. */
const MAX_ITEMS = 200

const pair = z.looseObject({ name: z.string(), value: z.string() })
const pairs = z.array(pair)
const entrySchema = z.looseObject({
  request: z.looseObject({
    method: z.string(),
    url: z.string(),
    headers: pairs,
    cookies: z.optional(pairs),
  }),
  response: z.looseObject({ status: z.number(), headers: pairs, cookies: z.optional(pairs) }),
})
const harSchema = z.looseObject({
  log: z.looseObject({
    creator: z.optional(z.looseObject({ name: z.optional(z.string()) })),
    entries: z.array(z.unknown()),
  }),
})

/** The part of a HAR entry the analysis reads, in the HAR 1.2 types (@types/har-format): the schema must fit it. */
type HarPair = Pick<Header, 'name' | 'value'> | Pick<Cookie, 'name' | 'value'>
interface HarEntryFields {
  request: Pick<Entry['request'], 'method' | 'url'> & {
    headers: HarPair[]
    cookies?: HarPair[] | undefined
  }
  response: Pick<Entry['response'], 'status'> & {
    headers: HarPair[]
    cookies?: HarPair[] | undefined
  }
}
// Compile-time check: what the schema lets through is a HarEntryFields.
const fitsHar: (e: z.infer<typeof entrySchema>) => HarEntryFields = (e) => e

function where(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '')
}

function shortJsonError(error: unknown): string {
  const text = error instanceof Error ? error.message : ''
  const pos = /position (\d+)/.exec(text)
  return pos ? ` near character ${pos[1]}` : ''
}

/** Parses HAR text (already known to start with "{") into exchanges, or a readable refusal. */
export function harExchanges(text: string, maxExchanges: number): PasteResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return {
      ok: false,
      message: `This looks like a HAR file, but it is not valid JSON${shortJsonError(error)}. Export it again from the Network panel and paste the whole file.`,
    }
  }
  const har = harSchema.safeParse(json)
  if (!har.success) {
    return {
      ok: false,
      message:
        'This JSON is not a HAR file: a HAR holds log.entries, a list of requests and responses.',
    }
  }
  const raw = har.data.log.entries
  const exchanges: Exchange[] = []
  for (let i = 0; i < raw.length && exchanges.length < maxExchanges; i++) {
    const entry = entrySchema.safeParse(raw[i])
    if (!entry.success) {
      const issue = entry.error.issues[0]
      const at = issue ? where(['log', 'entries', i, ...issue.path]) : `log.entries[${i}]`
      return {
        ok: false,
        message: `This HAR file is damaged: ${at} is missing or has the wrong type.`,
      }
    }
    exchanges.push(toExchange(fitsHar(entry.data)))
  }
  if (exchanges.length === 0) return { ok: false, message: 'This HAR file holds no requests.' }
  return {
    ok: true,
    paste: {
      source: 'har',
      exchanges,
      sanitizedHar: looksSanitized(exchanges),
      omitted: raw.length - exchanges.length,
    },
  }
}

function lines(items: readonly HarPair[]): HeaderLine[] {
  return items
    .slice(0, MAX_ITEMS)
    .map((h) => ({ name: h.name.slice(0, 256), value: h.value.slice(0, MAX_VALUE) }))
}

function schemeOfUrl(url: string): Exchange['scheme'] {
  const lower = url.slice(0, 8).toLowerCase()
  return lower.startsWith('https:') ? 'https' : lower.startsWith('http:') ? 'http' : null
}

/**
 * One entry as an exchange. DevTools keeps Cookie and Set-Cookie both as headers and as parsed `cookies` lists; a
 * tool that fills only the lists gets its cookies turned back into header lines, so the rest of the analysis reads
 * one shape.
 */
function toExchange(e: HarEntryFields): Exchange {
  const reqHeaders = lines(e.request.headers)
  const resHeaders = lines(e.response.headers)
  const hasHeader = (hs: HeaderLine[], n: string) => hs.some((h) => h.name.toLowerCase() === n)
  const reqCookies = e.request.cookies ?? []
  if (!hasHeader(reqHeaders, 'cookie') && reqCookies.length > 0)
    reqHeaders.push({
      name: 'Cookie',
      value: lines(reqCookies)
        .map((c) => `${c.name}=${c.value}`)
        .join('; '),
    })
  const resCookies = e.response.cookies ?? []
  if (!hasHeader(resHeaders, 'set-cookie'))
    for (const c of lines(resCookies))
      resHeaders.push({ name: 'Set-Cookie', value: `${c.name}=${c.value}` })
  return {
    request: {
      method: e.request.method.toUpperCase().slice(0, 16),
      target: e.request.url.slice(0, 2048),
      headers: reqHeaders,
    },
    response: {
      status: Number.isInteger(e.response.status) ? e.response.status : null,
      headers: resHeaders,
    },
    scheme: schemeOfUrl(e.request.url),
  }
}

/**
 * Chrome (since 2024) exports HAR sanitized unless told otherwise: no Cookie or Set-Cookie headers, and empty
 * cookie lists. A file with requests and not one cookie anywhere was most likely exported that way.
 */
function looksSanitized(exchanges: readonly Exchange[]): boolean {
  return exchanges.every(
    (x) =>
      !x.request?.headers.some((h) => /^(cookie|set-cookie)$/i.test(h.name)) &&
      !x.response?.headers.some((h) => /^(cookie|set-cookie)$/i.test(h.name)),
  )
}
