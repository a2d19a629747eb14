import { describe, expect, it } from 'vitest'
import { createLab } from '../sim'
import { selectFlows } from './selectFlows'

describe('selectFlows', () => {
  it('lists nothing for an ALB', () => {
    const lab = createLab({ seed: 1 })
    lab.addClient('alice')
    lab.request('alice')
    expect(selectFlows(lab)).toEqual([])
  })

  it('lists each open GWLB flow with its tuple and the appliance, and follows the stickiness type', () => {
    const lab = createLab({ seed: 1, loadBalancerType: 'gateway' })
    lab.addClient('alice')
    const r = lab.request('alice')
    const [line] = selectFlows(lab)
    expect(line!.text).toBe(
      `alice: TCP ${r.flow!.sourceIp}:${r.flow!.sourcePort} → ${r.flow!.destinationIp}:${r.flow!.destinationPort} → ${r.targetId} · sticks by 5-tuple`,
    )
    lab.modifyTargetGroupAttributes('appliances', { 'stickiness.enabled': 'true', 'stickiness.type': 'source_ip_dest_ip' })
    expect(selectFlows(lab)[0]!.text).toMatch(/sticks by 2-tuple$/)
  })

  it('lists NLB flows without a tuple note', () => {
    const lab = createLab({ seed: 1, loadBalancerType: 'network' })
    lab.addClient('bob', { sourceIp: '203.0.113.10' })
    lab.request('bob')
    expect(selectFlows(lab)[0]!.text).toMatch(/^bob: TCP 203\.0\.113\.10:\d+ → [\d.]+:80 → i-\d$/)
  })
})
