// NLB connection termination on deregistration (deregistration_delay.connection_termination.enabled): with AWS's
// default false an established flow outlives the deregistration delay; with true the NLB closes it when the delay
// ends and the client's next request opens a new flow to a registered target.

import { describe, expect, it } from 'vitest'
import { createLab } from '../index'
import type { Lab } from '../index'

function drained(termination: 'true' | 'false' | null): { lab: Lab; t: string } {
  const lab = createLab({ seed: 5, loadBalancerType: 'network' })
  lab.modifyLoadBalancerAttributes({ 'load_balancing.cross_zone.enabled': 'true' })
  const attrs: Record<string, string> = { 'deregistration_delay.timeout_seconds': '10' }
  if (termination !== null)
    attrs['deregistration_delay.connection_termination.enabled'] = termination
  lab.modifyTargetGroupAttributes('web', attrs)
  lab.addClient('a')
  const t = lab.request('a').targetId!
  lab.deregisterTargets('web', [t])
  lab.advance(5)
  // Still draining: the flow continues whatever the attribute says.
  expect(lab.request('a')).toMatchObject({ decision: 'existing-flow', targetId: t })
  lab.advance(20)
  return { lab, t }
}

describe('NLB deregistration_delay.connection_termination.enabled', () => {
  it('default false: after the delay the open flow still reaches the deregistered target, and says why', () => {
    const { lab, t } = drained(null)
    expect(lab.targetGroups()[0]!.targets.find((r) => r.id === t)?.health.state).toBe('unused')
    const r = lab.request('a')
    expect(r).toMatchObject({ status: 200, decision: 'existing-flow', targetId: t })
    expect(r.explanation).toContain(
      "deregistration_delay.connection_termination.enabled is false (AWS's default), so the NLB leaves established connections open",
    )
    // A new connection is hashed only over registered targets.
    expect(lab.request('a', { newConnection: true }).targetId).not.toBe(t)
  })

  it('false set explicitly behaves as the default', () => {
    const { lab, t } = drained('false')
    expect(lab.request('a')).toMatchObject({ decision: 'existing-flow', targetId: t })
  })

  it('true: the NLB closed the flow when the delay ended; the next request opens a new flow elsewhere', () => {
    const { lab, t } = drained('true')
    const r = lab.request('a')
    expect(r.status).toBe(200)
    expect(r.targetId).not.toBe(t)
    expect(r.decision).toBe('flow-hash')
    expect(r.explanation).toContain(
      `flow to ${t} ended (its target is no longer registered, and deregistration_delay.connection_termination.enabled is true, so the NLB closed the connection when the delay ended)`,
    )
  })
})
