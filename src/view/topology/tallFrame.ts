// The tall picture (phones, narrow stages): browsers stacked on top, (CloudFront,) the load balancer, then the
// target groups, whose instances sit side by side by zone.
import { tallHops } from './frontHops'
import { podRowHeight } from './kubePods'
import { albBox } from './albBox'
import { CLIENT_GAP, clientHeights, columnHeight, moreStrip, placeClients } from './clientColumn'
import { placeGroups } from './placeGroups'
import { MARGIN, type Frame } from './frame'
import type { Scene } from './scene'

/** Clients stacked on top (their links run down a gutter on the right), the load balancer, then the groups. */
export function tallFrame(scene: Scene, azs: string[], width: number, control: number): Frame {
  // The right gutter (10 px) carries the clients' links down past the cards below.
  const cw = width - 2 * MARGIN - 10
  const heights = clientHeights(scene.clients, cw, control)
  const clients = placeClients(scene.clients, MARGIN, MARGIN, cw, heights)
  const listBottom = MARGIN + columnHeight(heights)
  const more = moreStrip(scene.moreClients ?? 0, MARGIN, listBottom + CLIENT_GAP, cw, control)
  const clientsBottom = more === null ? listBottom : more.y + more.h
  const a = albBox(scene, Math.min(width - 40, 300), control, true)
  // CloudFront and the outer ALB, when there are any, sit in rows of their own between the browsers and the
  // load balancer.
  const { cdn, outer, bottom, mids } = tallHops(scene, (width - a.w) / 2, clientsBottom + 26, a.w)
  const alb = {
    ...a,
    x: (width - a.w) / 2,
    y: bottom,
    button: { x: 0, y: 0, w: 0, h: 0 },
  }
  const turn = alb.y + a.h + 12
  const placed = placeGroups(scene, azs, turn + 14, {
    x: 10,
    w: width - 12,
    control,
    radios: (scene.short ?? 'ALB') === 'ALB',
    extra: podRowHeight(scene.kube),
  })
  const last = placed.groups.at(-1)
  const height = Math.round(last ? last.y + last.h + 8 : turn)
  const gutter = width - 6
  return {
    tall: true,
    width,
    height,
    scale: 1,
    control,
    alb,
    clients,
    more,
    ...placed,
    cdn,
    outer,
    albIn: { x: width / 2, y: alb.y },
    albOut: { x: width / 2, y: alb.y + a.h },
    clientRoute: (c) =>
      mids.length === 0
        ? [
            { x: c.x + c.w / 2, y: c.y },
            { x: gutter, y: c.y },
            { x: gutter, y: alb.y - 12 },
            { x: width / 2, y: alb.y - 12 },
            { x: width / 2, y: alb.y },
          ]
        : [
            { x: c.x + c.w / 2, y: c.y },
            { x: gutter, y: c.y },
            { x: gutter, y: mids[0]! },
            ...mids.map((y) => ({ x: width / 2, y })),
            { x: width / 2, y: alb.y },
          ],
    groupRoute: (g) => [
      { x: width / 2, y: turn },
      { x: 5, y: turn },
      { x: 5, y: g.bus },
      { x: g.x, y: g.bus },
    ],
  }
}
