// Browser cards grow with their chip rows: a card keeps as many rows of cookie chips as its jar needs at the card's
// width (at least the usual one on a phone, two elsewhere), so a large application cookie's AWSALBAPP shards never
// spill out of the card over the load balancer, at 390 px (phone), 780 × 560 (1280 × 800) and 1250 × 850 (1920 × 1080).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLab } from '../../sim'
import { selectScene } from '../selectScene'
import { layoutTopology, type Scene, type TopologyLayout } from './layout'
import { chipHeight, chipRows, chipWidth, clientCardHeight, type Box } from './stageBoxes'

const SEVEN = [
  'AWSALB',
  'AWSALBCORS',
  'SESSIONID',
  'AWSALBAPP-0',
  'AWSALBAPP-1',
  'AWSALBAPP-2',
  'AWSALBAPP-3',
]

/** alice with duration-based, then application-based stickiness and a 4,000-byte SESSIONID; bob with an empty jar. */
function bigJarLab() {
  const lab = createLab({ seed: 1 })
  lab.addClient('alice')
  lab.addClient('bob')
  lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
  lab.request('alice')
  lab.advance(5)
  lab.configureApp({ sessionCookie: { name: 'SESSIONID', valueBytes: 4000 } })
  lab.modifyTargetGroupAttributes('web', {
    'stickiness.type': 'app_cookie',
    'stickiness.app_cookie.cookie_name': 'SESSIONID',
  })
  lab.request('alice')
  lab.advance(5)
  lab.request('alice')
  lab.advance(5)
  return lab
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
const cardBox = (c: TopologyLayout['clients'][number]): Box => ({
  x: c.x - c.w / 2,
  y: c.y - c.h / 2,
  w: c.w,
  h: c.h,
})

const SIZES: [number, { height?: number }][] = [
  [390, {}],
  [780, { height: 560 }],
  [1250, { height: 850 }],
]

describe('browser cards grow with their chip rows', () => {
  it('measures chips never narrower than Chromium draws them here (12 px system-ui)', () => {
    // Widths measured on the stage at 390 px (getBoundingClientRect).
    expect(chipWidth('AWSALB')).toBeGreaterThanOrEqual(84.9)
    expect(chipWidth('AWSALBCORS')).toBeGreaterThanOrEqual(118.5)
    expect(chipWidth('SESSIONID')).toBeGreaterThanOrEqual(99.7)
    expect(chipWidth('AWSALBAPP-0')).toBeGreaterThanOrEqual(119.3)
  })

  it('keeps one row on a phone and two elsewhere for the usual jar, and more for a jar that needs them', () => {
    const usual = ['AWSALB', 'AWSALBCORS', 'SESSIONID']
    // The phone's card is 338 px wide (inner 322) in the app at 390 × 844.
    expect(chipRows(usual, 322, 44)).toBe(1)
    expect(chipRows(usual, 340, 44)).toBe(1)
    expect(chipRows(usual, 224, 32)).toBe(2)
    expect(chipRows([], 340, 44)).toBe(1)
    expect(chipRows(undefined, 224, 32)).toBe(2)
    expect(chipRows(SEVEN, 340, 44)).toBe(3)
    expect(chipRows(SEVEN, 224, 32)).toBeGreaterThanOrEqual(5)
    // Each row more is one chip and one gap taller.
    expect(clientCardHeight(340, 44, SEVEN) - clientCardHeight(340, 44, [])).toBe(
      2 * (chipHeight(44) + 4),
    )
  })

  it.each(SIZES)(
    'at %i px alice’s seven chips get their rows; her card, bob’s and the load balancer stay apart',
    (width, options) => {
      const lab = bigJarLab()
      const scene = selectScene(lab, { selectedClient: null, selectedRequest: null })
      expect(scene.clients.map((c) => c.chips)).toEqual([SEVEN, []])
      const l = layoutTopology(scene, width, options)
      const [alice, bob] = l.clients
      expect(alice!.h).toBe(clientCardHeight(alice!.w - 16, l.control, SEVEN))
      expect(alice!.h).toBeGreaterThan(bob!.h)
      const boxes = [cardBox(alice!), cardBox(bob!), l.alb, ...l.groups]
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
          expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false)
      for (const b of boxes) expect(b.y + b.h).toBeLessThanOrEqual(l.height + 1e-6)
    },
  )

  it('property: any jars, any width, the cards stay apart, clear of the load balancer and inside the picture', () => {
    const names = [
      'AWSALB',
      'AWSALBCORS',
      'AWSALBTG',
      'AWSALBTGCORS',
      'SESSIONID',
      'PROXYSESSION',
      ...SEVEN.slice(2, 6),
    ]
    const base = selectScene(bigJarLab(), { selectedClient: null, selectedRequest: null })
    fc.assert(
      fc.property(
        fc.array(fc.subarray(names), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 300, max: 1900 }),
        fc.option(fc.integer({ min: 400, max: 1100 }), { nil: undefined }),
        (jars, width, height) => {
          const scene: Scene = {
            ...base,
            clients: jars.map((chips, i) => ({
              id: `c${i}`,
              colorIndex: i,
              selected: false,
              chips,
            })),
          }
          const l = layoutTopology(scene, width, height === undefined ? {} : { height })
          const cards = l.clients.map(cardBox)
          for (const [i, c] of cards.entries()) {
            expect(c.h).toBe(clientCardHeight(c.w - 16, l.control, jars[i]))
            expect(overlaps(c, l.alb)).toBe(false)
            expect(c.y).toBeGreaterThanOrEqual(0)
            expect(c.y + c.h).toBeLessThanOrEqual(l.height + 1e-6)
            for (const d of cards.slice(i + 1)) expect(overlaps(c, d)).toBe(false)
          }
        },
      ),
      { numRuns: 150 },
    )
  })
})
