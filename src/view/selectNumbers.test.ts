// The Numbers panel under each load balancer type: the metrics that type reports, and bars for its instances.
import { describe, expect, it } from 'vitest'
import { createLab } from '../sim'
import { selectNumbers } from './selectNumbers'

describe('selectNumbers by load balancer type', () => {
  it('ALB: requests, non-sticky requests, ELB 5xx and carts lost', () => {
    const lab = createLab({ seed: 1 })
    expect(selectNumbers(lab).stats.map((s) => s.key)).toEqual([
      'RequestCount',
      'NonStickyRequestCount',
      'HTTPCode_ELB_5XX_Count',
      'SessionsLost',
    ])
  })

  it('NLB: flow counts instead of request metrics, and a bar per target', () => {
    const lab = createLab({ seed: 1, loadBalancerType: 'network' })
    lab.addClient('alice')
    lab.request('alice')
    lab.request('alice', { newConnection: true })
    const n = selectNumbers(lab)
    expect(n.stats.map((s) => [s.key, s.value])).toEqual([
      ['NewFlowCount', 2],
      ['ActiveFlowCount', 1],
      ['SessionsLost', expect.any(Number)],
    ])
    expect(n.bars.map((b) => b.id)).toEqual(['i-1', 'i-2', 'i-3'])
    expect(n.bars.reduce((t, b) => t + b.value, 0)).toBe(2)
  })

  it('CLB: bars for the registered instances, with InService / OutOfService notes', () => {
    const lab = createLab({ seed: 1, loadBalancerType: 'classic' })
    lab.addClient('alice')
    lab.request('alice')
    lab.stopInstance('i-2')
    const n = selectNumbers(lab)
    expect(n.bars.map((b) => [b.id, b.note])).toEqual([
      ['i-1', ''],
      ['i-2', 'stopped'],
      ['i-3', ''],
    ])
    expect(n.stats.map((s) => s.key)).toEqual(['RequestCount', 'HTTPCode_ELB_5XX', 'SessionsLost'])
  })
})
