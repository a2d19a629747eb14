// The stage strip for the outer ALB layer: the two AWSALB lines with the later one kept, and the request's path.
import { describe, expect, it } from 'vitest'
import { createLab } from '../sim'
import { outerStrip } from './outerLayerStrip'

describe('outerStrip', () => {
  it('with both layers on AWSALB lists the inner ALB’s line as overwritten and the outer’s as kept', () => {
    const lab = createLab({ seed: 1 })
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    expect(outerStrip(lab.request('alice'))).toBeNull()
    lab.setOuterLayer({ enabled: true, stickiness: 'lb_cookie' })
    const r = lab.request('alice')
    const s = outerStrip(r)!
    expect(s.path).toBe(`alice → outer ALB → proxy-1 → this ALB → ${r.targetId}`)
    expect(s.lines.map((l) => [l.from, l.kept])).toEqual([
      ['this ALB', false],
      ['outer ALB', true],
    ])
    const kept = lab.cookies('alice').find((c) => c.name === 'AWSALB')!.value
    expect(s.lines[1]!.text).toBe(`AWSALB=${kept.slice(0, 8)}…`)
  })

  it('with the outer layer on PROXYSESSION lists only this ALB’s AWSALB, kept', () => {
    const lab = createLab({ seed: 1 })
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    lab.setOuterLayer({ enabled: true, stickiness: 'app_cookie' })
    const s = outerStrip(lab.request('alice'))!
    expect(s.mode).toBe('application-based (PROXYSESSION)')
    expect(s.lines.map((l) => [l.from, l.kept])).toEqual([['this ALB', true]])
  })
})
