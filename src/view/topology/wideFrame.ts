// The wide picture: browsers left, (CloudFront,) the load balancer in the middle, target groups right, each
// column centred in the picture's height.
import { wideHops, wideHopsHeight, wideHopsWidth } from './frontHops'
import { podRowHeight } from './kubePods'
import { albBox } from './albBox'
import { CLIENT_GAP, clientHeights, columnHeight, moreStrip, placeClients } from './clientColumn'
import { GROUP_GAP, groupHeight, placeGroups, type GroupBand } from './placeGroups'
import { MARGIN, type Frame } from './frame'
import type { Scene } from './scene'

/** Clients left, the load balancer in the middle, groups right; each column centred in the picture's height. */
export function wideFrame(
  scene: Scene,
  azs: string[],
  width: number,
  minHeight: number,
  control: number,
): Frame {
  const cw = Math.round(Math.min(320, Math.max(240, width * 0.27)))
  const aw = Math.round(Math.min(220, Math.max(150, width * 0.17)))
  const gap = Math.round(Math.min(56, Math.max(24, (width - cw - aw - 360) / 4)))
  // CloudFront and the outer ALB, when there are any, take a column of their own between the browsers and the
  // load balancer.
  const hopsW = wideHopsWidth(scene)
  const cdnW = hopsW > 0 ? hopsW + gap : 0
  const gx = MARGIN + cw + gap + cdnW + aw + gap
  const band: GroupBand = {
    x: gx,
    w: width - MARGIN - gx,
    control,
    radios: (scene.short ?? 'ALB') === 'ALB',
    extra: podRowHeight(scene.kube),
  }
  const shown = scene.clients
  const moreCount = scene.moreClients ?? 0
  const moreH = moreCount > 0 ? control + CLIENT_GAP : 0
  const cardHeights = clientHeights(shown, cw, control)
  const clientsH = columnHeight(cardHeights) + moreH
  const heights = scene.targetGroups.map((g) => groupHeight(g, azs, band))
  const groupsH = heights.reduce((a, b) => a + b, 0) + GROUP_GAP * Math.max(0, heights.length - 1)
  const a = albBox(scene, aw, control, false)
  const h = Math.max(
    minHeight,
    Math.round(Math.max(2 * MARGIN + Math.max(clientsH, groupsH, a.h, wideHopsHeight(scene)), 300)),
  )
  const placed = placeGroups(scene, azs, (h - groupsH) / 2, band)
  const clientTop = (h - clientsH) / 2
  const clients = placeClients(shown, MARGIN, clientTop, cw, cardHeights)
  const more = moreStrip(moreCount, MARGIN, clientTop + clientsH - control, cw, control)
  const alb = {
    ...a,
    x: MARGIN + cw + gap + cdnW,
    y: h / 2 - a.h / 2,
    button: { x: 0, y: 0, w: 0, h: 0 },
  }
  const bend = alb.x + aw + gap / 2
  const { cdn, outer, via } = wideHops(scene, MARGIN + cw + gap, h / 2)
  return {
    tall: false,
    width,
    height: h,
    scale: 1,
    control,
    alb,
    clients,
    more,
    ...placed,
    cdn,
    outer,
    albIn: { x: alb.x, y: h / 2 },
    albOut: { x: alb.x + aw, y: h / 2 },
    clientRoute: (c) => [{ x: c.x + c.w / 2, y: c.y }, ...via, { x: alb.x, y: h / 2 }],
    groupRoute: (g) => [
      { x: bend, y: h / 2 },
      { x: bend, y: g.bus },
      { x: g.x, y: g.bus },
    ],
  }
}
