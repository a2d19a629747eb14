// The scene: what exists in the lab right now, as the picture needs it (selectScene.ts builds it from a lab).
// layoutTopology (layout.ts) turns it into positioned marks.
import type { SceneCdn } from '../cdnScene'
import type { SceneOuter } from '../outerScene'
import type { MotionTrip } from './motion'
import type { KubeScene, SessionUnknownMark } from './kubePods'

export interface SceneClient {
  id: string
  colorIndex: number
  selected: boolean
  note?: string
  /** The names of the cookie chips its jar shows (jarChips.ts): the card grows with the rows they need. */
  chips?: string[]
  /** curl or an SDK: no cookie jar, so its card keeps one line ("no cookie jar") where a browser's chips go. */
  noJar?: true
}

export interface SceneTarget {
  id: string
  az: string
  state: string
  reason?: string
  running: boolean
  served: number
  carts: number
  websockets: number
  /** Virtual second at which a draining target's deregistration delay ends. */
  drainEndsAt?: number
}

export interface SceneTargetGroup {
  name: string
  weight: number | null
  stickiness: string
  targets: SceneTarget[]
}

export interface Scene {
  now: number
  listener: string
  rule: string
  /** The routing algorithm the load balancer card names ("round_robin"); absent for a Classic Load Balancer. */
  algorithm?: string
  /** The two lines of the load balancer's box ("Network", "Load Balancer"); default Application. */
  title?: [string, string]
  /** The load balancer's short name ("CLB"), for the 5xx it answers; default ALB. */
  short?: string
  /** What a group box is called: "Target group" (default) or, for a Classic Load Balancer, "Instances of". */
  groupLabel?: string
  clients: SceneClient[]
  /** Browsers the lab has beyond those drawn (selectScene draws at most STAGE_BROWSERS): a "more" strip says so. */
  moreClients?: number
  targetGroups: SceneTargetGroup[]
  recent: { targetId: string | null; status: number; at: number; cartLost: boolean }[]
  /** The requests the stage moves (motion.ts); absent in scenes made without one. */
  motion?: { trips: MotionTrip[] }
  /** CloudFront in front of the load balancer (cdnScene.ts); absent without one. */
  cdn?: SceneCdn | null
  /** A second ALB layer in front of the load balancer (outerScene.ts); absent without one. */
  outer?: SceneOuter | null
  /** Kubernetes labs: pods, nodes and node → pod hops (kubePods.ts). */
  kube?: KubeScene
  /** Requests Engine.IO answered 400 Session ID unknown (kubePods.ts marks their cards). */
  sessionUnknown?: SessionUnknownMark[]
}
