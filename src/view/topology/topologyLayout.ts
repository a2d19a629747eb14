// What layoutTopology (layout.ts) produces: every mark of the picture positioned in CSS pixels (times `scale`).
import type { Box } from './stageBoxes'
import type { CdnMark } from './cdnHop'
import type { OuterMark } from './outerHop'
import type { MotionTrip } from './motion'
import type { KubeLayout } from './kubePods'
import type { SceneClient, SceneTarget } from './scene'

export interface Point {
  x: number
  y: number
}

/** A browser: its card (w × h) is centred on its point; the stage's controls fill the card. */
export interface PositionedClient extends SceneClient, Point {
  w: number
  h: number
}
export interface PositionedTarget extends SceneTarget, Point {
  group: string
  w: number
  h: number
  /** Seconds since this target last answered (for the reduced-motion highlight). */
  flash: number | null
  flashStatus: number | null
  /** A visible event on the card: a 502 from the load balancer, or a cart the instance did not know. */
  event: string | null
  /** Whole seconds left of a draining target's deregistration delay. */
  countdown: number | null
}
export interface PositionedGroup extends Point {
  /** The y of the line that the link enters the group on and its cards hang from. */
  bus: number
  name: string
  weight: number | null
  stickiness: string
  label: string
  w: number
  h: number
  /** Where the stage puts the group's stickiness control, under its title. */
  controls: Box
  azs: { az: string; x: number; y: number; w: number }[]
}
export interface Link {
  id: string
  points: Point[]
  kind: 'client' | 'group' | 'target'
}

/** The load balancer's box: its title, the lines under it and the listener settings button. */
export type AlbMark = Point & {
  w: number
  h: number
  listener: string
  rule: string
  title: [string, string]
  lines: string[]
  button: Box
}

export interface TopologyLayout {
  /** Tall: narrow cards and two-line group titles use their compact wording (TopologyView). */
  tall: boolean
  /** The picture's logical size (the SVG viewBox and the overlay's box), drawn at `scale` CSS px a unit. */
  width: number
  height: number
  /** CSS px per unit: 1, or more when a large stage lets everything grow. Never below 1. */
  scale: number
  /** Height of a control on the stage: 44 px where fingers tap (phones, coarse pointers), else 32. */
  control: number
  alb: AlbMark
  clients: PositionedClient[]
  /** Under the browsers: how many more the lab has, and where the strip that says so goes; null when all are drawn. */
  more: (Box & { count: number }) | null
  groups: PositionedGroup[]
  targets: PositionedTarget[]
  links: Link[]
  /** CloudFront's box between the browsers and the load balancer (cdnHop.ts), or null. */
  cdn: CdnMark | null
  /** The outer ALB's box between the browsers (or CloudFront) and the load balancer (outerHop.ts), or null. */
  outer: OuterMark | null
  /** What moves on the stage, for motion.ts to place at `now` (dots, trails, tallies, moments). */
  motion: { trips: MotionTrip[]; now: number }
  /** Pods, node frames, node → pod hops and 400 marks (kubePods.ts); null when there are none. */
  kube: KubeLayout | null
}

export interface LayoutOptions {
  /** The stage's definite height in CSS px; without it the picture takes its natural height. */
  height?: number
  /** Touch-sized controls (44 px) even in the wide picture (a tablet). */
  touch?: boolean
}
