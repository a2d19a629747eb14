// Pure motion of the stage: where each request's dot is, the fading trails recent requests leave, the tally of
// last requests under each instance and the short "moments" (a 502 at the load balancer, a lost cart, a
// re-stuck browser), all as functions of virtual time, so pause, step and seek show exactly the same picture.
// Timing comes from reveal.ts (tripOf): the request leg, the target's work, the response leg. Routes are read
// from the layout's links (c:<client>, g:<group>, t:<group>:<target>), so any arrangement of the picture works.
import { hasArrived, LEG_SECONDS, tripOf } from '../reveal'
import { pointAlong } from './pointAlong'
import type { Link, Point, TopologyLayout } from './topologyLayout'

/** A request as the stage moves it (selectScene's `motion.trips`). */
export interface MotionTrip {
  id: number
  clientId: string
  colorIndex: number
  targetGroup: string | null
  targetId: string | null
  at: number
  completesAt: number
  status: number
  sticky: boolean
  /** Names of the cookies its response sets (the chips it carries home). */
  cookies: string[]
  selected: boolean
  /** The browser's cart (with items in it) was not known where this request landed. */
  lostCart: boolean
  /** Its sticky target failed, so the load balancer bound the browser to another one. */
  restuck: boolean
  /** A CORS preflight OPTIONS: sent without cookies, and the browser keeps none it is sent back. */
  preflight?: true
}

export type DotPhase = 'request' | 'waiting' | 'response'

export interface MotionDot extends Point {
  id: number
  clientId: string
  colorIndex: number
  initial: string
  phase: DotPhase
  /** Shown once arrived (the outcome): until then the dot says nothing of 5xx or stickiness. */
  status: number | null
  sticky: boolean
  cookies: string[]
  selected: boolean
  preflight?: true
}

/** One client's trails of one age band: a single path (several subpaths) drawn at one opacity. */
export interface MotionTrail {
  key: string
  clientId: string
  colorIndex: number
  opacity: number
  d: string
}

export interface TallyPip {
  id: number
  clientId: string
  colorIndex: number
  initial: string
  error: boolean
}

export interface MotionTally {
  key: string
  x: number
  y: number
  pips: TallyPip[]
}

export type MomentKind = '502' | '503' | 'cart-lost' | 're-stuck'

export interface MotionMoment extends Point {
  key: string
  kind: MomentKind
  label: string
  /** 0 when it happens, 1 when it has faded out. */
  age: number
}

export interface Motion {
  dots: MotionDot[]
  trails: MotionTrail[]
  tallies: MotionTally[]
  moments: MotionMoment[]
}

/** Virtual seconds a trail takes to fade after its request arrived. */
export const TRAIL_SECONDS = 6
/** Trails kept on the stage at once (the newest): enough to see a pattern, few enough to stay cheap. */
export const TRAIL_CAP = 60
/** Age bands a client's trails are drawn in (one path each). */
export const TRAIL_BANDS = 4
/** Last arrivals shown under each instance, newest first. */
export const TALLY_CAP = 10
/** Virtual seconds a moment stays. */
export const MOMENT_SECONDS = 3
/** Dots drawn at once; beyond this the oldest in flight are left out (their trails and tallies still show). */
export const DOT_CAP = 400

/** How long after arrival a trip may still draw something (its trail or its moment). */
const LINGER_SECONDS = Math.max(TRAIL_SECONDS, MOMENT_SECONDS)

const PREFLIGHT = { preflight: true } as const
const initialOf = (id: string) => id.slice(0, 1).toUpperCase()

interface Routes {
  /** Full route browser → target (or → the load balancer's middle when no target answered). */
  route(t: MotionTrip): Point[] | null
  albCentre: Point
  /** Where the load balancer's own moments (502, 503) show. */
  albTop: Point
  /** A finished trip's whole trail as SVG path data (the same for every frame). */
  wholePath(t: MotionTrip, route: Point[], dx: number): string
}

/** Routes and whole-trail path strings, kept while the picture's links and box stay put (most frames). */
let routeCache: { signature: string; routes: Routes } | null = null

function routesOf(layout: Pick<TopologyLayout, 'links' | 'alb'>): Routes {
  const a = layout.alb
  let signature = `${a.x},${a.y},${a.w},${a.h}`
  for (const l of layout.links) {
    signature += `|${l.id}`
    for (const p of l.points) signature += `,${p.x},${p.y}`
  }
  if (routeCache?.signature === signature) return routeCache.routes
  const links = new Map<string, Link>(layout.links.map((l) => [l.id, l]))
  const albCentre = { x: a.x + a.w / 2, y: a.y + a.h / 2 }
  const albTop = { x: a.x + a.w / 2, y: a.y + 6 }
  const cache = new Map<string, Point[] | null>()
  const whole = new Map<string, string>()
  const routes: Routes = {
    albCentre,
    albTop,
    route(t) {
      const key = `${t.clientId}|${t.targetGroup}|${t.targetId}|${t.status >= 500}`
      const hit = cache.get(key)
      if (hit !== undefined) return hit
      const c = links.get(`c:${t.clientId}`) ?? links.get('more')
      let out: Point[] | null = null
      if (c) {
        const g = t.targetGroup === null ? undefined : links.get(`g:${t.targetGroup}`)
        const card = t.targetId === null ? undefined : links.get(`t:${t.targetGroup}:${t.targetId}`)
        // A request no target answered stops in the load balancer, where the error is decided.
        if (t.status >= 500 || !g || !card) out = [...c.points, albCentre]
        else out = [...c.points, ...g.points, ...card.points.slice(1)]
      }
      cache.set(key, out)
      return out
    },
    wholePath(t, route, dx) {
      const key = `${t.clientId}|${t.targetGroup}|${t.targetId}|${t.status >= 500}|${dx}`
      let d = whole.get(key)
      if (d === undefined) whole.set(key, (d = partialPath(route, 1, dx)))
      return d
    },
  }
  routeCache = { signature, routes }
  return routes
}

/** Where a trip's dot is at `now`, or null when it is not travelling (not sent yet, or back home). */
export function dotAt(t: MotionTrip, route: Point[], now: number): { phase: DotPhase; point: Point } | null {
  const trip = tripOf(t)
  if (now < trip.at || now >= trip.returnsAt) return null
  if (!hasArrived(t, now)) return { phase: 'request', point: pointAlong(route, (now - trip.at) / LEG_SECONDS) }
  if (now < trip.answersAt) return { phase: 'waiting', point: route[route.length - 1]! }
  return { phase: 'response', point: pointAlong(route, 1 - (now - trip.answersAt) / LEG_SECONDS) }
}

const r1 = (n: number) => Math.round(n * 10) / 10

/** A polyline's first fraction f as SVG path data (a trail drawn up to the dot still on its way). */
function partialPath(points: Point[], f: number, dx: number): string {
  const end = pointAlong(points, f)
  let total = 0
  const lens: number[] = []
  for (let i = 1; i < points.length; i++) {
    const l = Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y)
    lens.push(l)
    total += l
  }
  let d = `M${r1(points[0]!.x + dx)},${r1(points[0]!.y + dx)}`
  let walked = 0
  const stop = Math.min(Math.max(f, 0), 1) * total
  for (let i = 1; i < points.length; i++) {
    walked += lens[i - 1]!
    if (walked >= stop) break
    d += `L${r1(points[i]!.x + dx)},${r1(points[i]!.y + dx)}`
  }
  return `${d}L${r1(end.x + dx)},${r1(end.y + dx)}`
}

/**
 * The stage's moving parts at `now`. `trips` are the requests selectScene passes (recent ones, send order);
 * `arrived` the requests whose outcome has been revealed, oldest first, for the tallies. Reduced motion: no dots
 * move (none are drawn) and trails appear whole on arrival; outcomes still only show once arrived.
 */
export function computeMotion(
  layout: Pick<TopologyLayout, 'links' | 'alb' | 'targets'>,
  trips: readonly MotionTrip[],
  now: number,
  options: { reducedMotion: boolean },
): Motion {
  const routes = routesOf(layout)
  const dots: MotionDot[] = []
  const bands = new Map<string, { clientId: string; colorIndex: number; band: number; d: string }>()
  const moments: MotionMoment[] = []
  const ends = new Map(layout.targets.map((t) => [`${t.group}:${t.id}`, { x: t.x + t.w / 2, y: t.y }]))
  let trails = 0
  for (let i = trips.length - 1; i >= 0; i--) {
    const t = trips[i]!
    // Long finished (back home, trail faded, moment over): nothing to draw. Checked before any allocation.
    if (now >= t.completesAt + 2 * LEG_SECONDS && now - t.at - LEG_SECONDS >= LINGER_SECONDS) continue
    const trip = tripOf(t)
    if (now < trip.at) continue
    const route = routes.route(t)
    if (route === null) continue
    // The same test the panels use (reveal.ts), so the picture and the panels change on the same frame.
    const arrived = hasArrived(t, now)
    if (!options.reducedMotion && dots.length < DOT_CAP) {
      const at = dotAt(t, route, now)
      if (at !== null)
        dots.push({
          id: t.id,
          clientId: t.clientId,
          colorIndex: t.colorIndex,
          initial: initialOf(t.clientId),
          phase: at.phase,
          status: arrived ? t.status : null,
          sticky: arrived && t.sticky,
          cookies: at.phase === 'response' ? t.cookies : [],
          selected: t.selected,
          x: at.point.x,
          y: at.point.y,
          ...(t.preflight === true ? PREFLIGHT : null),
        })
    }
    // Trails: the path so far while the request travels, the whole path after, fading from arrival.
    const age = now - trip.arrivesAt
    if (age < TRAIL_SECONDS && trails < TRAIL_CAP && (arrived || !options.reducedMotion)) {
      trails++
      const band = arrived ? Math.min(TRAIL_BANDS - 1, Math.floor((age / TRAIL_SECONDS) * TRAIL_BANDS)) : 0
      const key = `${t.clientId}:${band}`
      // Each client's trails run a little apart, so two browsers on one route both show.
      const dx = ((t.colorIndex % 5) - 2) * 1.5
      const d = arrived ? routes.wholePath(t, route, dx) : partialPath(route, (now - trip.at) / LEG_SECONDS, dx)
      const b = bands.get(key)
      if (b) b.d += d
      else bands.set(key, { clientId: t.clientId, colorIndex: t.colorIndex, band, d })
    }
    // Moments: once, at the place it happened, from arrival for MOMENT_SECONDS.
    if (arrived && now - trip.arrivesAt < MOMENT_SECONDS) {
      const m = momentOf(t, routes.albTop, ends.get(`${t.targetGroup}:${t.targetId}`))
      if (m) moments.push({ ...m, key: `${t.id}:${m.kind}`, age: (now - trip.arrivesAt) / MOMENT_SECONDS })
    }
  }
  const trailList: MotionTrail[] = [...bands.entries()].map(([key, b]) => ({
    key,
    clientId: b.clientId,
    colorIndex: b.colorIndex,
    opacity: r1(0.75 * (1 - b.band / TRAIL_BANDS)),
    d: b.d,
  }))
  return { dots: dots.reverse(), trails: trailList, tallies: talliesOf(layout, trips, now), moments: moments.reverse() }
}

function momentOf(t: MotionTrip, alb: Point, target: Point | undefined): { kind: MomentKind; label: string; x: number; y: number } | null {
  // At the load balancer's top edge, so its label sits above the box's own title.
  if (t.status === 502 || t.status === 503) return { kind: t.status === 502 ? '502' : '503', label: String(t.status), ...alb }
  if (!target) return null
  if (t.lostCart) return { kind: 'cart-lost', label: 'cart lost', ...target }
  if (t.restuck) return { kind: 're-stuck', label: 're-stuck', ...target }
  return null
}

/** Under each instance: its last TALLY_CAP arrivals, newest first, one pip each in its client's colour. */
export function talliesOf(layout: Pick<TopologyLayout, 'targets'>, trips: readonly MotionTrip[], now: number): MotionTally[] {
  const byTarget = new Map<string, TallyPip[]>()
  for (let i = trips.length - 1; i >= 0; i--) {
    const t = trips[i]!
    if (t.targetId === null || !hasArrived(t, now)) continue
    const key = `${t.targetGroup}:${t.targetId}`
    let pips = byTarget.get(key)
    if (!pips) byTarget.set(key, (pips = []))
    if (pips.length < TALLY_CAP) pips.push({ id: t.id, clientId: t.clientId, colorIndex: t.colorIndex, initial: initialOf(t.clientId), error: t.status >= 500 })
  }
  return layout.targets.map((t) => ({ key: `${t.group}:${t.id}`, x: t.x, y: t.y + t.h, pips: byTarget.get(`${t.group}:${t.id}`) ?? [] }))
}
