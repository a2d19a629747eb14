// Where the CDN hop goes in the picture: a box between the browsers and the load balancer (wide: a column of its
// own left of the load balancer; tall: a row above it). layout.ts makes room for it and routes the browsers'
// links through its middle, so every request visibly passes CloudFront before it reaches the load balancer.
import type { SceneCdn } from '../cdnScene'
import { cdnPolicyLine } from '../cdnScene'
import type { Box } from './stageBoxes'

/** Width of the CDN box in the wide picture (logical px). */
export const CDN_W = 116
const TITLE_H = 44
const LINE_H = 16
const PAD = 10

/** The CDN box and what it shows. */
export interface CdnMark extends Box {
  /** The policy in words (for screen readers), and as AWS names it (on the box). */
  policy: string
  behavior: string
  /** The latest request's cookies, each passed or withheld; null before the first request. */
  cookies: { name: string; passed: boolean }[] | null
  clientId: string | null
}

/** The box's height for what it lists. */
export function cdnHeight(cdn: SceneCdn): number {
  const rows = cdn.last === null ? 1 : Math.max(1, cdn.last.length)
  return TITLE_H + LINE_H + 4 + rows * LINE_H + PAD
}

/** Lines of the box, from its top: where the title, the policy, the "Cookie" caption and each cookie go. */
export const CDN_LINES = {
  title: 18,
  policy: 34,
  caption: TITLE_H + 8,
  first: TITLE_H + LINE_H + 8,
  step: LINE_H,
} as const

/** The mark for a box at (x, y), w wide. */
export function cdnMark(cdn: SceneCdn, x: number, y: number, w: number): CdnMark {
  return {
    x,
    y,
    w,
    h: cdnHeight(cdn),
    policy: cdnPolicyLine(cdn),
    behavior: `cookies: ${cdn.cookies}`,
    cookies: cdn.last,
    clientId: cdn.clientId,
  }
}
