// CloudFront on the stage: its box sits between the browsers and the load balancer (wide and tall), the browsers'
// links run through it, and it lists the latest request's cookies as forwarded or withheld.
import { describe, expect, it } from 'vitest'
import { createLab } from '../../sim'
import { cdnScene, cookieNames } from '../cdnScene'
import { selectScene } from '../selectScene'
import { layoutTopology } from './layout'
import { cdnLabel } from './cdnView'

function labWithCdn() {
  const lab = createLab({ seed: 1 })
  lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
  lab.addClient('alice')
  lab.setCdn({ enabled: true, cookies: 'whitelist', names: ['SESSIONID'] })
  lab.request('alice')
  lab.advance(5)
  lab.request('alice')
  lab.advance(5)
  return lab
}

const inside = (p: { x: number; y: number }, b: { x: number; y: number; w: number; h: number }) =>
  p.x >= b.x - 0.01 && p.x <= b.x + b.w + 0.01 && p.y >= b.y - 0.01 && p.y <= b.y + b.h + 0.01

describe('the CDN hop on the stage', () => {
  it('lists the Cookie header with what CloudFront kept back', () => {
    const lab = labWithCdn()
    const scene = cdnScene(lab, lab.history(), null)!
    expect(scene.last).toEqual([
      { name: 'AWSALB', passed: false },
      { name: 'AWSALBCORS', passed: false },
      { name: 'SESSIONID', passed: true },
    ])
    expect(cookieNames('a=1; b=2')).toEqual(['a', 'b'])
  })

  it.each([1000, 390])(
    'at %i px, sits between the browsers and the load balancer, on their links',
    (width) => {
      const lab = labWithCdn()
      const layout = layoutTopology(
        selectScene(lab, { selectedClient: null, selectedRequest: null }),
        width,
      )
      const cdn = layout.cdn!
      expect(cdn).not.toBeNull()
      const client = layout.clients[0]!
      if (layout.tall) {
        expect(cdn.y).toBeGreaterThan(client.y + client.h / 2)
        expect(cdn.y + cdn.h).toBeLessThan(layout.alb.y)
      } else {
        expect(cdn.x).toBeGreaterThan(client.x + client.w / 2)
        expect(cdn.x + cdn.w).toBeLessThan(layout.alb.x)
      }
      const link = layout.links.find((l) => l.id === 'c:alice')!
      expect(link.points.some((p) => inside(p, cdn))).toBe(true)
      expect(cdnLabel(cdn)).toContain('withheld AWSALB, AWSALBCORS')
    },
  )

  it('is absent without a CDN', () => {
    const lab = createLab({ seed: 1 })
    lab.addClient('alice')
    const layout = layoutTopology(
      selectScene(lab, { selectedClient: null, selectedRequest: null }),
      1000,
    )
    expect(layout.cdn).toBeNull()
  })
})
