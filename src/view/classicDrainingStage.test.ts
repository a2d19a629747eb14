// Connection draining on the Classic Load Balancer's stage: a deregistered instance's card reads "draining" with the
// seconds left of the timeout set by ModifyLoadBalancerAttributes, and disappears at once with draining off.
import { describe, expect, it } from 'vitest'
import { createLab } from '../sim'
import { selectScene } from './selectScene'
import { layoutTopology } from './topology/layout'

const card = (lab: ReturnType<typeof createLab>, id: string) =>
  layoutTopology(
    selectScene(lab, { selectedClient: null, selectedRequest: null }),
    1280,
  ).targets.find((t) => t.id === id)

describe('Classic connection draining on the stage', () => {
  it('a deregistered instance drains with a countdown of the configured timeout', () => {
    const lab = createLab({ seed: 1, loadBalancerType: 'classic' })
    lab.modifyClassicLoadBalancerAttributes({ ConnectionDraining: { Enabled: true, Timeout: 20 } })
    lab.deregisterInstancesFromLoadBalancer(['i-1'])
    lab.advance(5)
    expect(card(lab, 'i-1')).toMatchObject({ state: 'draining', countdown: 15 })
    lab.advance(15)
    expect(card(lab, 'i-1')).toBeUndefined()
  })

  it('with connection draining off the card goes at once', () => {
    const lab = createLab({ seed: 1, loadBalancerType: 'classic' })
    lab.modifyClassicLoadBalancerAttributes({ ConnectionDraining: { Enabled: false } })
    lab.deregisterInstancesFromLoadBalancer(['i-1'])
    expect(card(lab, 'i-1')).toBeUndefined()
    expect(card(lab, 'i-2')).toMatchObject({ state: 'InService', countdown: null })
  })
})
