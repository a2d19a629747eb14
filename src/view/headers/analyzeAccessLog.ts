// ALB access log lines, read in AWS's documented field order (load-balancer-access-logs.html: space-separated, some
// fields in double quotes, new fields appended at the end — so extra trailing fields are ignored), then grouped per
// client (its IP and user agent; each ip:port is one TCP connection) and per target within each target group, since
// stickiness is a target group setting. Access logs hold no cookies, so stickiness can only be inferred: a client seen
// on more than one target of one group was not kept on one.

/** The fields the analysis needs, in the documented order (indexes into a line's fields). */
const F = {
  type: 0,
  time: 1,
  elb: 2,
  client: 3,
  target: 4,
  elbStatus: 8,
  request: 12,
  userAgent: 13,
  targetGroupArn: 16,
  traceId: 17,
} as const
/** Fields up to and including trace_id: every ALB log line since trace_id was added has at least these. */
export const MIN_FIELDS = 18
const TYPES = new Set(['http', 'https', 'h2', 'grpcs', 'ws', 'wss'])
const MAX_LINES = 20_000
const MAX_LINE_CHARS = 16_384

export interface AccessLogEntry {
  line: number
  type: string
  time: string
  clientIp: string
  clientPort: string
  /** "ip:port" of the target, or null when the load balancer answered itself ("-"). */
  target: string | null
  elbStatus: string
  request: string
  userAgent: string
  targetGroupArn: string
}

export interface MalformedLine {
  line: number
  text: string
  reason: string
}

export interface ClientGroup {
  clientIp: string
  userAgent: string
  /** The client's connections (source ports), in order of appearance. */
  ports: string[]
  requests: number
  /** Requests per target (and its target group's name), most first. */
  targets: { targetGroup: string; target: string; requests: number }[]
  /** Times a request went to a different target than the client's previous one in the same target group. */
  switches: number
  /** A switch happened on one connection (the same ip:port). */
  switchedWithinConnection: boolean
  hopping: boolean
}

export interface AccessLogAnalysis {
  entries: number
  clients: ClientGroup[]
  malformed: MalformedLine[]
}

export type AccessLogResult =
  { ok: true; analysis: AccessLogAnalysis } | { ok: false; message: string }

/** Splits a log line into fields: spaces separate them, a double-quoted field may hold spaces and \" escapes. */
export function splitFields(line: string): string[] | null {
  const out: string[] = []
  let i = 0
  while (i < line.length) {
    if (line[i] === ' ') {
      i++
      continue
    }
    if (line[i] === '"') {
      let value = ''
      let j = i + 1
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length) j++
        value += line[j]
      }
      if (j >= line.length) return null
      out.push(value)
      i = j + 1
      continue
    }
    let j = i
    while (j < line.length && line[j] !== ' ') j++
    out.push(line.slice(i, j))
    i = j
  }
  return out
}

/** "ip:port" split at its last colon (IPv6 addresses hold colons of their own). */
function hostPort(value: string): [string, string] | null {
  const at = value.lastIndexOf(':')
  if (at <= 0 || !/^\d{1,5}$/.test(value.slice(at + 1))) return null
  return [value.slice(0, at), value.slice(at + 1)]
}

function shorten(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}…` : text
}

/** The target group's name in its ARN (…:targetgroup/<name>/<id>), or the field as it is ("-" for none). */
export function targetGroupName(arn: string): string {
  const m = /:targetgroup\/([^/]+)\//.exec(arn)
  return m ? m[1]! : arn
}

/** One log line, or why it is not one. */
export function parseAccessLogLine(
  text: string,
  line: number,
): { ok: true; entry: AccessLogEntry } | { ok: false; reason: string } {
  if (text.length > MAX_LINE_CHARS)
    return { ok: false, reason: `it is longer than ${MAX_LINE_CHARS} characters` }
  const f = splitFields(text)
  if (f === null) return { ok: false, reason: 'a quoted field is not closed' }
  const type = f[0] ?? ''
  if (!TYPES.has(type))
    return {
      ok: false,
      reason: `'${shorten(type)}' is not a request type (http, https, h2, grpcs, ws or wss)`,
    }
  if (f.length < MIN_FIELDS)
    return {
      ok: false,
      reason: `it has ${f.length} fields; an ALB log entry has at least ${MIN_FIELDS} (up to trace_id)`,
    }
  const time = f[F.time]!
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(time))
    return {
      ok: false,
      reason: `'${shorten(time)}' is not a time like 2018-07-02T22:23:00.186641Z`,
    }
  const client = hostPort(f[F.client]!)
  if (client === null)
    return { ok: false, reason: `'${shorten(f[F.client]!)}' is not a client ip:port` }
  const targetField = f[F.target]!
  if (targetField !== '-' && hostPort(targetField) === null)
    return { ok: false, reason: `'${shorten(targetField)}' is not a target ip:port or -` }
  return {
    ok: true,
    entry: {
      line,
      type,
      time,
      clientIp: client[0],
      clientPort: client[1],
      target: targetField === '-' ? null : targetField,
      elbStatus: f[F.elbStatus]!,
      request: f[F.request]!,
      userAgent: f[F.userAgent]!,
      targetGroupArn: f[F.targetGroupArn]!,
    },
  }
}

/**
 * Log entries from pasted lines. AWS's guide prints each example over several lines "to make them easier to read",
 * so a line that does not start with a request type continues an entry that is still short of its fields; any other
 * line is an entry of its own (and a malformed one is reported, not glued to its neighbour).
 */
function records(lines: readonly string[]): { line: number; text: string }[] {
  const out: { line: number; text: string; joined: boolean }[] = []
  lines.forEach((raw, i) => {
    const t = raw.trim()
    if (t === '') return
    const last = out[out.length - 1]
    const startsEntry = TYPES.has(t.split(' ', 1)[0]!)
    const open =
      last !== undefined &&
      last.text.length < MAX_LINE_CHARS &&
      (last.joined || (splitFields(last.text)?.length ?? MIN_FIELDS) < MIN_FIELDS)
    if (!startsEntry && open) {
      last.text += ' ' + t
      last.joined = true
      return
    }
    out.push({ line: i + 1, text: t, joined: false })
  })
  return out
}

/** Groups requests per client and per target, and flags clients that moved between targets. */
export function analyzeAccessLog(text: string): AccessLogResult {
  if (text.length > 1_000_000)
    return {
      ok: false,
      message: 'That paste is over 1 MB. Paste the log lines of one client or one minute instead.',
    }
  const lines = text.split(/\r?\n/)
  if (lines.length > MAX_LINES)
    return {
      ok: false,
      message: `That paste has ${lines.length} lines; Stickylab reads at most ${MAX_LINES}.`,
    }
  const entries: AccessLogEntry[] = []
  const malformed: MalformedLine[] = []
  for (const record of records(lines)) {
    const read = parseAccessLogLine(record.text, record.line)
    if (read.ok) entries.push(read.entry)
    else malformed.push({ line: record.line, text: shorten(record.text), reason: read.reason })
  }
  if (entries.length === 0 && malformed.length === 0)
    return { ok: false, message: 'Nothing to analyze: paste some ALB access log lines.' }
  // Log files are written per load balancer node and in 5-minute batches: order by time (stable for equal times).
  const sorted = entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.time < b.e.time ? -1 : a.e.time > b.e.time ? 1 : a.i - b.i))
  // Keyed by strings from outside: Maps, never plain objects.
  const groups = new Map<
    string,
    {
      group: ClientGroup
      last: Map<string, { target: string; port: string }>
      counts: Map<string, { targetGroup: string; target: string; requests: number }>
    }
  >()
  for (const { e } of sorted) {
    const key = `${e.clientIp}\n${e.userAgent}`
    let g = groups.get(key)
    if (g === undefined) {
      g = {
        group: {
          clientIp: e.clientIp,
          userAgent: e.userAgent,
          ports: [],
          requests: 0,
          targets: [],
          switches: 0,
          switchedWithinConnection: false,
          hopping: false,
        },
        last: new Map(),
        counts: new Map(),
      }
      groups.set(key, g)
    }
    g.group.requests++
    if (!g.group.ports.includes(e.clientPort)) g.group.ports.push(e.clientPort)
    if (e.target === null) continue
    const tg = targetGroupName(e.targetGroupArn)
    const countKey = `${tg}\n${e.target}`
    const count = g.counts.get(countKey) ?? { targetGroup: tg, target: e.target, requests: 0 }
    count.requests++
    g.counts.set(countKey, count)
    // Stickiness is a target group setting: only a change of target inside one group is a hop.
    const previous = g.last.get(tg)
    if (previous !== undefined && previous.target !== e.target) {
      g.group.switches++
      if (previous.port === e.clientPort) g.group.switchedWithinConnection = true
    }
    g.last.set(tg, { target: e.target, port: e.clientPort })
  }
  const clients = [...groups.values()].map(({ group, counts }) => {
    group.targets = [...counts.values()].sort((a, b) => b.requests - a.requests)
    const perGroup = new Map<string, number>()
    for (const t of group.targets)
      perGroup.set(t.targetGroup, (perGroup.get(t.targetGroup) ?? 0) + 1)
    group.hopping = [...perGroup.values()].some((n) => n > 1)
    return group
  })
  clients.sort((a, b) => Number(b.hopping) - Number(a.hopping) || b.requests - a.requests)
  return { ok: true, analysis: { entries: entries.length, clients, malformed } }
}
