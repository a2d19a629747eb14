// The stage's mark for a CORS preflight (issue 19, item 4): the OPTIONS dot wears a dashed ring and a tag saying
// what it is and that it carries no cookies, so a learner sees a second, cookie-less request leave the browser
// and land wherever round robin puts it.
import type { Selection } from 'd3-selection'

/** Shown next to the dot; the words carry it, not the dashes alone. */
export const PREFLIGHT_TAG = 'OPTIONS · no cookies'

/** Adds or removes the preflight look on one packet group. */
export function markPreflight(
  g: Selection<SVGGElement, unknown, null, undefined>,
  preflight: boolean,
  nearRightEdge: boolean,
): void {
  g.classed('preflight', preflight)
  const tag = g.select<SVGTextElement>('text.preflight-tag')
  if (!preflight) {
    tag.remove()
    return
  }
  // Above the dot, where a sticky request wears its pin: a preflight is never sticky, so the place is free. Near the
  // picture's right edge the words end at the dot instead of centring on it, so they are never cut off.
  const t = tag.empty()
    ? g.append('text').attr('class', 'preflight-tag').attr('y', -12).text(PREFLIGHT_TAG)
    : tag
  t.attr('text-anchor', nearRightEdge ? 'end' : 'middle').attr('x', nearRightEdge ? 8 : 0)
}
