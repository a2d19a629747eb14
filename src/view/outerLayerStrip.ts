// What the stage shows for the outer ALB layer (issue 19 item 5): the path browser → outer ALB → proxy → this ALB →
// target of the latest request, and, when both layers set AWSALB, the two Set-Cookie lines with the one the
// browser keeps (the later line: a browser applies a response's Set-Cookie lines in order, one cookie per name).
import type { RequestRecord } from '../sim'

export interface OuterStripLine {
  /** Which layer wrote the line. */
  from: 'this ALB' | 'outer ALB'
  /** name=value, the value shortened for the stage. */
  text: string
  kept: boolean
}

export interface OuterStrip {
  mode: string
  /** The request's path through both layers, in words. */
  path: string
  sticky: boolean
  /** The AWSALB Set-Cookie lines of the response (two when both layers set one). */
  lines: OuterStripLine[]
}

const MODE: Record<'off' | 'lb_cookie' | 'app_cookie', string> = {
  off: 'stickiness off',
  lb_cookie: 'duration-based (AWSALB)',
  app_cookie: 'application-based (PROXYSESSION)',
}

function short(line: string): string {
  const pair = line.split(';', 1)[0]!
  const eq = pair.indexOf('=')
  const value = pair.slice(eq + 1)
  return `${pair.slice(0, eq)}=${value.length > 8 ? value.slice(0, 8) + '…' : value}`
}

/** The strip for the latest arrived record, or null when it did not pass an outer layer. */
export function outerStrip(record: RequestRecord | undefined): OuterStrip | null {
  const f = record?.facts
  if (record === undefined || f === undefined || f.family !== 'alb' || f.outer === undefined)
    return null
  const o = f.outer
  const awsalb = record.setCookie.filter((l) => l.startsWith('AWSALB='))
  const lines: OuterStripLine[] = awsalb.map((l, i) => ({
    from: o.collided
      ? i === 0
        ? 'this ALB'
        : 'outer ALB'
      : o.stickiness === 'lb_cookie'
        ? 'outer ALB'
        : 'this ALB',
    text: short(l),
    kept: i === awsalb.length - 1,
  }))
  return {
    mode: MODE[o.stickiness],
    path: `${record.clientId} → outer ALB → ${o.proxy} → this ALB → ${record.targetId ?? 'no target'}`,
    sticky: o.sticky,
    lines,
  }
}
