// The picture's layout, wide and tall: nothing overlaps (nodes, and the controls the stage puts over them),
// everything is inside the picture, nothing is ever drawn below 1:1 (so its 12–13 px text stays at least 12 px),
// the wide picture fills a stage of definite size, the phone's stage fits its screen, and request dots follow
// the tall routes downwards.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLab } from '../../sim'
import { selectScene, STAGE_BROWSERS } from '../selectScene'
import {
  layoutTopology,
  TALL_BELOW,
  type Scene,
  type SceneTarget,
  type TopologyLayout,
} from './layout'
import { computeMotion } from './motion'
import { LEG_SECONDS } from '../reveal'

const dotsOf = (l: TopologyLayout) =>
  computeMotion(l, l.motion.trips, l.motion.now, { reducedMotion: false }).dots

interface Box {
  name: string
  x: number
  y: number
  w: number
  h: number
}

/** Every node the learner reads, as the box it takes: a client's card, the load balancer, groups, cards. */
function nodeBoxes(l: TopologyLayout): {
  clients: Box[]
  alb: Box
  groups: Box[]
  cards: (Box & { group: string })[]
} {
  return {
    clients: l.clients.map((c) => ({
      name: `client ${c.id}`,
      x: c.x - c.w / 2,
      y: c.y - c.h / 2,
      w: c.w,
      h: c.h,
    })),
    alb: { name: 'alb', ...l.alb },
    groups: l.groups.map((g) => ({ name: `group ${g.name}`, x: g.x, y: g.y, w: g.w, h: g.h })),
    cards: l.targets.map((t) => ({
      name: `card ${t.group}/${t.id}`,
      group: t.group,
      x: t.x,
      y: t.y,
      w: t.w,
      h: t.h,
    })),
  }
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
const inside = (a: Box, b: { x: number; y: number; w: number; h: number }) =>
  a.x >= b.x - 1e-6 &&
  a.y >= b.y - 1e-6 &&
  a.x + a.w <= b.x + b.w + 1e-6 &&
  a.y + a.h <= b.y + b.h + 1e-6

function problems(l: TopologyLayout): string[] {
  const out: string[] = []
  const { clients, alb, groups, cards } = nodeBoxes(l)
  const view = { x: 0, y: 0, w: l.width, h: l.height }
  for (const b of [...clients, alb, ...groups, ...cards])
    if (!inside(b, view)) out.push(`${b.name} outside the viewBox`)
  const apart = [...clients, alb, ...groups]
  for (let i = 0; i < apart.length; i++)
    for (let j = i + 1; j < apart.length; j++)
      if (overlaps(apart[i]!, apart[j]!)) out.push(`${apart[i]!.name} overlaps ${apart[j]!.name}`)
  for (let i = 0; i < cards.length; i++) {
    const home = groups.find((g) => g.name === `group ${cards[i]!.group}`)!
    if (!inside(cards[i]!, home)) out.push(`${cards[i]!.name} outside its group`)
    for (let j = i + 1; j < cards.length; j++)
      if (overlaps(cards[i]!, cards[j]!)) out.push(`${cards[i]!.name} overlaps ${cards[j]!.name}`)
  }
  for (const link of l.links)
    for (const p of link.points)
      if (p.x < 0 || p.y < 0 || p.x > l.width || p.y > l.height)
        out.push(`link ${link.id} leaves the viewBox`)
  for (const p of dotsOf(l))
    if (p.x < 0 || p.y < 0 || p.x > l.width || p.y > l.height)
      out.push(`dot ${p.id} outside the viewBox`)
  // The stage's controls: the listener button inside the load balancer, each group's stickiness band inside its
  // group and clear of its cards and of the title, each actions button inside its card.
  if (!inside({ name: 'listener settings', ...l.alb.button }, alb))
    out.push('listener settings outside the load balancer')
  for (const g of l.groups) {
    const band = { name: `stickiness of ${g.name}`, ...g.controls }
    if (!inside(band, { x: g.x, y: g.y, w: g.w, h: g.h }))
      out.push(`${band.name} outside its group`)
    if (band.y < g.y + 40) out.push(`${band.name} covers the group title`)
    if (band.y + band.h > g.bus) out.push(`${band.name} crosses the link into its cards`)
    for (const c of cards)
      if (c.group === g.name && overlaps(band, c)) out.push(`${band.name} overlaps ${c.name}`)
  }
  return out
}

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c']
/** Group titles as the picture words them, the longest included. */
const STICKINESS = [
  'stickiness off',
  'lb_cookie · 86400 s',
  'app_cookie SESSIONID · 604800 s',
  '3-tuple flows (source_ip_dest_ip_proto)',
  'AWSELB · 86400 s, not refreshed',
]
const NOTES = ['198.51.100.10', 'NAT 198.51.100.123', 'no cookies', '203.0.113.254']
const STATES = [
  'healthy',
  'unhealthy',
  'initial',
  'draining',
  'unused',
  'unavailable',
  'InService',
  'OutOfService',
  'Unknown',
]

/** 1–12 clients (names up to the 24 characters the lab allows, some with notes) and 1–10 instances in 1–3 groups. */
const sceneArb: fc.Arbitrary<Scene> = fc
  .record({
    clients: fc.uniqueArray(fc.stringMatching(/^[a-z0-9_-]{1,24}$/), {
      minLength: 1,
      maxLength: 12,
    }),
    notes: fc.array(fc.option(fc.constantFrom(...NOTES), { nil: undefined }), {
      minLength: 12,
      maxLength: 12,
    }),
    targets: fc.array(
      fc.record({
        az: fc.constantFrom(...AZS),
        group: fc.nat(2),
        state: fc.constantFrom(...STATES),
        running: fc.boolean(),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    groups: fc.integer({ min: 1, max: 3 }),
    stickiness: fc.constantFrom(...STICKINESS),
    inFlight: fc.array(
      fc.record({
        client: fc.nat(11),
        target: fc.nat(9),
        f: fc.double({ min: 0, max: 0.999, noNaN: true }),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ clients, notes, targets, groups, stickiness, inFlight }) => {
    const placed = targets.map((t, i) => ({ ...t, group: t.group % groups, id: `i-${i + 1}` }))
    const targetGroups = Array.from({ length: groups }, (_, g) => ({
      name: `tg-${g}`,
      weight: groups > 1 ? 999 : null,
      stickiness,
      targets: placed
        .filter((t) => t.group === g)
        .map((t): SceneTarget => ({
          id: t.id,
          az: t.az,
          state: t.state,
          running: t.running,
          served: 1234,
          carts: 17,
          websockets: 0,
        })),
    }))
    return {
      now: 10,
      listener: 'HTTPS :443',
      rule: 'weighted forward · TG stickiness 604800 s',
      clients: clients.map((id, i) => ({
        id,
        colorIndex: i,
        selected: i === 0,
        ...(notes[i] ? { note: notes[i] } : {}),
      })),
      targetGroups,
      motion: {
        trips: inFlight.map((p, i) => {
          const t = placed[p.target % placed.length]!
          const client = p.client % clients.length
          return {
            id: i + 1,
            clientId: clients[client]!,
            colorIndex: client,
            targetGroup: `tg-${t.group}`,
            targetId: t.id,
            at: 10 - p.f,
            completesAt: 11 - p.f,
            status: 200,
            sticky: true,
            cookies: ['AWSALB', 'AWSALBCORS'],
            selected: false,
            lostCart: false,
            restuck: false,
          }
        }),
      },
      recent: [],
    }
  })

const defaultScene = () => {
  const lab = createLab({ seed: 1 })
  lab.addClient('alice')
  return selectScene(lab, { selectedClient: null, selectedRequest: null })
}

describe('layoutTopology', () => {
  it('tall below 700 px, drawn 1:1 at the picture width; wide from 700 px, never scaled below 1:1', () => {
    const scene = defaultScene()
    expect(layoutTopology(scene, TALL_BELOW)).toMatchObject({ tall: false, scale: 1 })
    expect(layoutTopology(scene, 699.6)).toMatchObject({ tall: true, width: 699, scale: 1 })
    expect(layoutTopology(scene, 372)).toMatchObject({ tall: true, width: 372, scale: 1 })
    expect(layoutTopology(scene, 342)).toMatchObject({ tall: true, width: 342, scale: 1 })
    // A frame narrower than the narrowest tall picture scrolls rather than squeezing it.
    expect(layoutTopology(scene, 200)).toMatchObject({ tall: true, width: 300, scale: 1 })
    // Touch-sized controls on phones and coarse pointers, 32 px with a mouse.
    expect(layoutTopology(scene, 390).control).toBe(44)
    expect(layoutTopology(scene, 1000, { touch: true }).control).toBe(44)
    expect(layoutTopology(scene, 1000).control).toBe(32)
  })

  it('fills a stage of definite size, 780 × 560 (1280 × 800) and 1250 × 850 (1920 × 1080), growing with it', () => {
    const scene = defaultScene()
    const small = layoutTopology(scene, 780, { height: 560 })
    const large = layoutTopology(scene, 1250, { height: 850 })
    for (const [l, w, h] of [
      [small, 780, 560],
      [large, 1250, 850],
    ] as const) {
      expect(l.tall).toBe(false)
      expect(l.width * l.scale).toBeCloseTo(w, 3)
      expect(l.height * l.scale).toBeCloseTo(h, 0)
      expect(problems(l)).toEqual([])
    }
    expect(small.scale).toBe(1)
    // On the large screen everything, text included, is drawn half as large again (13 px text at 19.5 px).
    expect(large.scale).toBe(1.5)
    // The clients left, the load balancer, the groups right.
    expect(small.clients[0]!.x).toBeLessThan(small.alb.x)
    expect(small.alb.x + small.alb.w).toBeLessThan(small.groups[0]!.x)
  })

  it('a stage too short for the picture keeps the picture whole at 1:1 (the stage scrolls)', () => {
    const lab = createLab({ seed: 1 })
    for (const id of ['alice', 'bob', 'carol', 'dave']) lab.addClient(id)
    const l = layoutTopology(selectScene(lab, { selectedClient: null, selectedRequest: null }), 780, { height: 400 })
    expect(l.scale).toBe(1)
    expect(l.height).toBeGreaterThan(400)
    expect(l.more).toBeNull()
    expect(problems(l)).toEqual([])
  })

  it('a lab of thousands of browsers draws at most STAGE_BROWSERS of them, the selected one among them', () => {
    const lab = createLab({ seed: 1 })
    for (let i = 0; i < 2_000; i++) lab.addClient(`c${i}`)
    const scene = selectScene(lab, { selectedClient: 'c1500', selectedRequest: null })
    expect(scene.clients).toHaveLength(STAGE_BROWSERS)
    expect(scene.clients.at(-1)!.id).toBe('c1500')
    expect(scene.moreClients).toBe(lab.clients().length - STAGE_BROWSERS)
    const l = layoutTopology(scene, 1200)
    expect(l.more?.count).toBe(lab.clients().length - STAGE_BROWSERS)
    const m = { name: 'more', ...l.more! }
    expect(inside(m, { x: 0, y: 0, w: l.width, h: l.height })).toBe(true)
    for (const c of nodeBoxes(l).clients) expect(overlaps(m, c)).toBe(false)
    // Requests of browsers not drawn start from the strip.
    expect(l.links.some((k) => k.id === 'more')).toBe(true)
    expect(problems(l)).toEqual([])
  })

  it('at 390 × 844 the browser card, the load balancer, the stickiness radios and the three instances fit in 680 px', () => {
    // The figure is 374 px wide inside the page's padding.
    const l = layoutTopology(defaultScene(), 374)
    expect(l.tall).toBe(true)
    expect(l.height).toBeLessThanOrEqual(680)
    expect(problems(l)).toEqual([])
    // One row of radios, one of instances.
    expect(l.groups[0]!.controls.h).toBeLessThanOrEqual(44 + 6 + 44)
    expect(new Set(l.targets.map((t) => t.y)).size).toBe(1)
  })

  it('tall at 390 and 360 px: clients on top, the load balancer, then the instances side by side by zone', () => {
    const lab = createLab({ seed: 1 })
    lab.addClient('alice')
    lab.addClient('bob')
    const scene = selectScene(lab, { selectedClient: null, selectedRequest: null })
    for (const width of [372, 342]) {
      const l = layoutTopology(scene, width)
      const clientsBottom = Math.max(...l.clients.map((c) => c.y + 22))
      const cardsTop = Math.min(...l.targets.map((t) => t.y))
      expect(clientsBottom).toBeLessThan(l.alb.y)
      expect(l.alb.y + l.alb.h).toBeLessThan(cardsTop)
      // Three zones, three columns: the cards share one row, each wide enough for its compact lines.
      expect(new Set(l.targets.map((t) => t.y)).size).toBe(1)
      expect(Math.min(...l.targets.map((t) => t.w))).toBeGreaterThanOrEqual(100)
      expect(problems(l)).toEqual([])
    }
  })

  it('a request dot goes down from the client to the load balancer and on to the card; the response comes back up', () => {
    const lab = createLab({ seed: 1 })
    lab.addClient('alice')
    lab.request('alice')
    const record = lab.history()[0]!
    const work = record.completesAt - record.at
    // Along the request leg, then (after the target's work) back along the response leg.
    const times = [0.01, 0.5, 0.99]
      .map((f) => f * LEG_SECONDS)
      .concat([0.01, 0.5, 0.99].map((f) => LEG_SECONDS + work + f * LEG_SECONDS))
    const ys = times.map((dt) => {
      lab.advance(record.at + dt - lab.now())
      const l = layoutTopology(
        selectScene(lab, { selectedClient: null, selectedRequest: null }),
        372,
      )
      const dots = dotsOf(l)
      expect(dots).toHaveLength(1)
      return {
        phase: dots[0]!.phase,
        y: dots[0]!.y,
        alb: l.alb,
        card: l.targets.find((t) => t.id === record.targetId)!,
      }
    })
    expect(ys.map((s) => s.phase)).toEqual([
      'request',
      'request',
      'request',
      'response',
      'response',
      'response',
    ])
    // It starts above the load balancer and ends the way out just above the answering card; the route only
    // ever goes down (and sideways) on the way out, and up on the way back.
    expect(ys[0]!.y).toBeLessThan(ys[0]!.alb.y)
    expect(ys[2]!.y).toBeGreaterThan(ys[2]!.alb.y + ys[2]!.alb.h)
    expect(ys[2]!.card.y - ys[2]!.y).toBeLessThan(20)
    expect(ys[0]!.y).toBeLessThanOrEqual(ys[1]!.y)
    expect(ys[1]!.y).toBeLessThanOrEqual(ys[2]!.y)
    expect(ys[3]!.y).toBeGreaterThanOrEqual(ys[4]!.y)
    expect(ys[4]!.y).toBeGreaterThanOrEqual(ys[5]!.y)
    expect(ys[5]!.y).toBeLessThan(ys[5]!.alb.y)
  })

  it('a 5xx on a card names the load balancer that answered it: the ALB, or the CLB', () => {
    for (const [type, short] of [
      ['application', 'ALB'],
      ['classic', 'CLB'],
    ] as const) {
      const lab = createLab({ seed: 1, loadBalancerType: type })
      lab.addClient('alice')
      // A hung application (not an EC2 stop, whose target gets no traffic): the load balancer answers 502.
      lab.setHealthCheckFailing('i-1', true, { mode: 'unresponsive' })
      const failed = [1, 2, 3].map(() => lab.request('alice')).find((r) => r.status >= 500)!
      // Sent, not yet arrived: the card says nothing; once the request reaches the load balancer, it does.
      const card = (width: number) =>
        layoutTopology(
          selectScene(lab, { selectedClient: null, selectedRequest: null }),
          width,
        ).targets.find((t) => t.id === failed.targetId)!
      expect(card(2400).event).toBeNull()
      lab.advance(LEG_SECONDS)
      expect(card(2400).event).toBe(`⚠ ${failed.status} from the ${short}`)
      expect(card(342).event).toBe(`⚠ ${failed.status} from ${short}`)
    }
  })

  it('the answering card lights up the moment the request arrives, even when the float sum lands a hair late', () => {
    // 1.014 + 0.4 is 1.4140000000000001: the clock's 1.414 is the arrival all the same.
    const lab = createLab({ seed: 1 })
    lab.addClient('alice')
    lab.advance(1.014)
    const record = lab.request('alice')
    const flashOf = () =>
      layoutTopology(selectScene(lab, { selectedClient: null, selectedRequest: null }), 1200).targets.find(
        (t) => t.id === record.targetId,
      )!.flash
    lab.advance(0.399)
    expect(flashOf()).toBeNull()
    lab.advance(0.001)
    expect(lab.now()).toBe(1.414)
    expect(flashOf()).toBe(0)
  })

  it('property: for 1–12 clients and 1–10 instances, at any size, nodes and controls stay apart and inside the picture', () => {
    const height = fc.option(fc.integer({ min: 160, max: 1400 }), { nil: undefined })
    fc.assert(
      fc.property(
        sceneArb,
        fc.oneof(
          fc.integer({ min: 300, max: 2400 }),
          fc.constantFrom(320, 342, 360, 372, 390, 780, 1000, 1250, 1280),
        ),
        height,
        (scene, width, h) => {
          const l = layoutTopology(scene, width, h === undefined ? {} : { height: h })
          expect(problems(l)).toEqual([])
          // Never drawn smaller than 1:1, so no text is under its CSS size (12 px or more).
          expect(l.scale).toBeGreaterThanOrEqual(1)
          if (!l.tall) expect(l.width * l.scale).toBeCloseTo(width, 3)
          if (l.tall) {
            expect(l.width).toBe(Math.max(width, 300))
            // Zone columns at the narrowest phone still hold the compact card lines (about 94 px at 12 px).
            if (width >= 340) for (const t of l.targets) expect(t.w).toBeGreaterThanOrEqual(100)
          }
        },
      ),
      { numRuns: 400 },
    )
  })

  it('is pure: the same scene and width give the same layout', () => {
    fc.assert(
      fc.property(sceneArb, fc.integer({ min: 300, max: 1400 }), (scene, width) => {
        expect(JSON.stringify(layoutTopology(scene, width))).toBe(
          JSON.stringify(layoutTopology(structuredClone(scene), width)),
        )
      }),
      { numRuns: 50 },
    )
  })
})
