// Where the outer ALB goes in the picture (issue 19 item 5): a box between the browsers (or CloudFront) and the
// lab's ALB, like the CDN hop (cdnHop.ts) — wide: in the hop column left of the load balancer, under CloudFront when
// there is one; tall: a row above the load balancer. The browsers' links run through it, so every request visibly
// passes the outer ALB first. Its rows say the outer layer's stickiness, the proxy the latest request went to and
// which layer's AWSALB the browser kept: with both layers on duration-based stickiness the inner ALB's line is
// struck through (overwritten by the outer's line of the same name), the collision AWS documents.
import type { SceneOuter } from '../outerScene'
import { textWidth, type Box } from './stageBoxes'

/** Width of the hop column in the wide picture when it holds the outer ALB ("application-based" must fit). */
export const OUTER_W = 132
/** Baseline of the first row from the box's top, the step between rows, and the padding under the last. */
export const OUTER_ROWS = { first: 18, step: 16, pad: 10 } as const

export interface OuterSpan {
  text: string
  /** outer-title, outer-mode, outer-caption, or outer-line kept / dropped. */
  cls: string
}

export interface OuterMark extends Box {
  stickiness: SceneOuter['stickiness']
  /** Both layers set AWSALB in the latest response: the inner ALB's was overwritten. */
  collided: boolean
  /** One text line each, from the top; a row's spans run on one line. */
  rows: OuterSpan[][]
  /** What a screen reader hears for the box. */
  label: string
}

const MODE = {
  off: 'stickiness off',
  lb_cookie: 'duration-based',
  app_cookie: 'application-based',
} as const
const COOKIE = {
  off: 'round robin',
  lb_cookie: 'AWSALB · 1 day',
  app_cookie: 'PROXYSESSION',
} as const

function lineSpans(o: SceneOuter): OuterSpan[] {
  return (o.last?.lines ?? []).map((l) => ({
    text: `${l.kept ? '✓' : '✗'} ${l.from}`,
    cls: l.kept ? 'outer-line kept' : 'outer-line dropped',
  }))
}

function stickyWord(o: SceneOuter): string | null {
  if (o.last === null || o.stickiness === 'off') return null
  return o.last.sticky ? 'sticky' : 'not sticky'
}

/** The rows of the box: wide, one fact a row in a narrow column; tall, a few full-width rows. */
export function outerRows(o: SceneOuter, tall: boolean, w: number): OuterSpan[][] {
  const lines = lineSpans(o)
  const caption =
    o.last === null ? 'no request yet' : lines.length === 0 ? 'no AWSALB set' : 'AWSALB set by'
  const sticky = stickyWord(o)
  if (!tall) {
    const rows: OuterSpan[][] = [
      [{ text: 'Outer ALB', cls: 'outer-title' }],
      [{ text: MODE[o.stickiness], cls: 'outer-mode' }],
      [{ text: COOKIE[o.stickiness], cls: 'outer-mode' }],
    ]
    if (o.last !== null) rows.push([{ text: `via ${o.last.proxy}`, cls: 'outer-caption' }])
    if (sticky !== null) rows.push([{ text: sticky, cls: 'outer-caption' }])
    rows.push([{ text: caption, cls: 'outer-caption' }])
    for (const l of lines) rows.push([l])
    return rows
  }
  const full = `Outer ALB · ${MODE[o.stickiness]}${o.stickiness === 'off' ? '' : ` (${COOKIE[o.stickiness].split(' ')[0]})`}`
  const title = textWidth(full) <= w - 16 ? full : `Outer ALB · ${MODE[o.stickiness]}`
  const rows: OuterSpan[][] = [[{ text: title, cls: 'outer-title' }]]
  if (o.last === null) rows.push([{ text: caption, cls: 'outer-caption' }])
  else {
    rows.push([
      { text: `via ${o.last.proxy}${sticky === null ? '' : ` · ${sticky}`}`, cls: 'outer-caption' },
    ])
    if (lines.length === 0) rows.push([{ text: caption, cls: 'outer-caption' }])
    else
      rows.push([
        { text: 'AWSALB: ', cls: 'outer-caption' },
        ...lines.flatMap((l, i) => (i === 0 ? [l] : [{ text: ' · ', cls: 'outer-caption' }, l])),
      ])
  }
  return rows
}

/** The box's height for its rows. */
export function outerHeight(o: SceneOuter, tall: boolean, w: number): number {
  return OUTER_ROWS.first + (outerRows(o, tall, w).length - 1) * OUTER_ROWS.step + OUTER_ROWS.pad
}

/** What a screen reader hears: the mode, the latest request's path and which AWSALB the browser kept. */
export function outerLabel(o: SceneOuter): string {
  const mode =
    o.stickiness === 'off'
      ? 'stickiness off (round robin over its proxies)'
      : o.stickiness === 'lb_cookie'
        ? 'duration-based stickiness (AWSALB, 1 day)'
        : 'application-based stickiness (PROXYSESSION)'
  const head = `Outer ALB in front of this ALB: ${mode}.`
  const last = o.last
  if (last === null) return `${head} No request has passed it yet.`
  const sticky = stickyWord(o)
  const path = `${last.clientId}'s latest request went ${last.clientId} → outer ALB → ${last.proxy} → this ALB → ${last.targetId ?? 'no target'}${sticky === null ? '' : ` (outer layer ${sticky})`}.`
  if (last.lines.length === 2)
    return `${head} ${path} Both layers set AWSALB: the browser kept the outer ALB's, and this ALB's was overwritten.`
  if (last.lines.length === 1) return `${head} ${path} AWSALB set by ${last.lines[0]!.from}.`
  return `${head} ${path}`
}

/** The mark for a box at (x, y), w wide. */
export function outerMark(
  o: SceneOuter,
  x: number,
  y: number,
  w: number,
  tall: boolean,
): OuterMark {
  return {
    x,
    y,
    w,
    h: outerHeight(o, tall, w),
    stickiness: o.stickiness,
    collided: (o.last?.lines.length ?? 0) === 2,
    rows: outerRows(o, tall, w),
    label: outerLabel(o),
  }
}
