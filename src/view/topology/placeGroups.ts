// The target-group / instance grid: groups stack one under another; in each, the stickiness band under the title,
// then one column per Availability Zone and one row per instance. Each card carries what it shows right now
// (the answer flash, a 5xx or lost-cart event, a draining countdown).
import { cardHeight, groupControlsHeight, CARD_GAP, GROUP_TITLE_H } from './stageBoxes'
import type { Scene, SceneTargetGroup } from './scene'
import type { PositionedGroup, PositionedTarget } from './topologyLayout'

/** Vertical space between two target groups. */
export const GROUP_GAP = 22
/** Under the last row of cards: the tally of recent arrivals (12 px pips, motionView.ts), then the zone's name. */
const GROUP_PAD_BOTTOM = 40
const FLASH_SECONDS = 1.5
const EVENT_SECONDS = 4

/** The horizontal band the groups take and what their stickiness band holds. */
export interface GroupBand {
  x: number
  w: number
  control: number
  /** ALB groups carry the three stickiness radios and their editor; other types a label and a button. */
  radios: boolean
  /** Extra card height (a node's row of pods, kubePods.ts). */
  extra?: number
}

function cardEvent(scene: Scene, targetId: string, compact: boolean): string | null {
  for (let i = scene.recent.length - 1; i >= 0; i--) {
    const r = scene.recent[i]!
    if (r.targetId !== targetId) continue
    if (scene.now - r.at > EVENT_SECONDS) return null
    if (r.status >= 500) return `⚠ ${r.status} from ${compact ? '' : 'the '}${scene.short ?? 'ALB'}`
    if (r.cartLost) return '✕ cart lost'
  }
  return null
}

/** The stickiness band's inset from the group's sides: less on a phone, where every pixel of width counts. */
const controlsInset = (band: GroupBand): number => (band.control >= 44 ? 8 : 12)

function groupTop(band: GroupBand): number {
  return (
    GROUP_TITLE_H +
    groupControlsHeight(band.w - 2 * controlsInset(band), band.control, band.radios) +
    22
  )
}

/** A group's height: title, stickiness band, then as many card rows as its fullest zone needs. */
export function groupHeight(g: SceneTargetGroup, azs: string[], band: GroupBand): number {
  const perAz = azs.map((az) => g.targets.filter((t) => t.az === az).length)
  const rows = Math.max(1, ...perAz)
  return (
    groupTop(band) +
    rows * (cardHeight(band.control) + (band.extra ?? 0) + CARD_GAP) -
    CARD_GAP +
    GROUP_PAD_BOTTOM
  )
}

/** Target groups stack from `y` down; in each, instances sit in one column per AZ, one row per instance. */
export function placeGroups(scene: Scene, azs: string[], y: number, band: GroupBand) {
  const groups: PositionedGroup[] = []
  const targets: PositionedTarget[] = []
  const colW = band.w / azs.length
  const cardW = Math.min(200, colW - 6)
  const top = groupTop(band)
  const cardH = cardHeight(band.control) + (band.extra ?? 0)
  scene.targetGroups.forEach((g) => {
    const h = groupHeight(g, azs, band)
    groups.push({
      name: g.name,
      weight: g.weight,
      stickiness: g.stickiness,
      label: scene.groupLabel ?? 'Target group',
      x: band.x,
      y,
      w: band.w,
      h,
      bus: y + top - 12,
      controls: {
        x: band.x + controlsInset(band),
        y: y + GROUP_TITLE_H,
        w: band.w - 2 * controlsInset(band),
        h: groupControlsHeight(band.w - 2 * controlsInset(band), band.control, band.radios),
      },
      azs: azs.map((az, i) => ({ az, x: band.x + i * colW, y: y + h - 10, w: colW })),
    })
    azs.forEach((az, i) => {
      g.targets
        .filter((t) => t.az === az)
        .forEach((t, row) => {
          const last = [...scene.recent].reverse().find((r) => r.targetId === t.id)
          // Float sums (at + leg) can land a hair past the millisecond they mean: a card answering now is age 0.
          const raw = last ? scene.now - last.at : null
          const age = raw === null ? null : raw >= -1e-9 ? Math.max(0, raw) : null
          targets.push({
            ...t,
            group: g.name,
            x: band.x + i * colW + (colW - cardW) / 2,
            y: y + top + row * (cardH + CARD_GAP),
            w: cardW,
            h: cardH,
            flash: age !== null && age < FLASH_SECONDS ? age : null,
            flashStatus: last && age !== null && age < FLASH_SECONDS ? last.status : null,
            event: cardEvent(scene, t.id, cardW < 136),
            countdown:
              t.state === 'draining' && t.drainEndsAt !== undefined
                ? Math.max(0, Math.ceil(t.drainEndsAt - scene.now))
                : null,
          })
        })
    })
    y += h + GROUP_GAP
  })
  return { groups, targets }
}
