// The outer ALB hop of the stage's scene (issue 19 item 5): the outer layer's stickiness and, for the latest request
// that passed it (the selected browser's, else anyone's, as the CloudFront box does), the proxy it went to, whether
// the outer layer followed its binding, and the response's AWSALB Set-Cookie lines with the one the browser kept.
import type { LabQueries, RequestRecord } from '../sim'
import { outerStrip } from './outerLayerStrip'

export type OuterStickiness = 'off' | 'lb_cookie' | 'app_cookie'

export interface SceneOuter {
  stickiness: OuterStickiness
  /** The latest request through the outer layer; null before the first. */
  last: {
    clientId: string
    proxy: string
    /** The outer layer followed its own binding. */
    sticky: boolean
    targetId: string | null
    /** The response's AWSALB lines in order: two when both layers set one, and only the later is kept. */
    lines: { from: 'this ALB' | 'outer ALB'; kept: boolean }[]
  } | null
}

/** The scene's outer layer, or null when there is none (history: the requests that have arrived, oldest first). */
export function outerScene(
  lab: Pick<LabQueries, 'outerLayer'>,
  history: readonly RequestRecord[],
  selected: string | null,
): SceneOuter | null {
  const outer = lab.outerLayer()
  if (outer === null) return null
  for (let i = history.length - 1; i >= 0; i--) {
    const h = history[i]!
    if (selected !== null && h.clientId !== selected) continue
    const f = h.facts
    const strip = outerStrip(h)
    if (strip === null || f?.family !== 'alb' || f.outer === undefined) continue
    return {
      stickiness: outer.stickiness,
      last: {
        clientId: h.clientId,
        proxy: f.outer.proxy,
        sticky: f.outer.sticky,
        targetId: h.targetId,
        lines: strip.lines.map((l) => ({ from: l.from, kept: l.kept })),
      },
    }
  }
  return { stickiness: outer.stickiness, last: null }
}
