// The open NLB/GWLB flows as lines for the learner: who, the flow tuple, the target, and (GWLB) which
// fields of the tuple keep it on its appliance.
import type { LabQueries } from '../sim'
import { flowStickinessOf, flowText, tupleOf } from './flowStickiness'
import { LOAD_BALANCER_INFO } from './loadBalancerType'

export interface FlowLine {
  key: string
  text: string
}

export function selectFlows(lab: Pick<LabQueries, 'loadBalancerType' | 'flows' | 'targetGroups'>): FlowLine[] {
  const type = lab.loadBalancerType()
  if (!LOAD_BALANCER_INFO[type].usesFlows) return []
  // Keyed by plain strings: a flow names its group as the request path recorded it.
  const groups = new Map<string, Record<string, string>>(lab.targetGroups().map((g) => [g.name, g.attributes]))
  return lab.flows().map((f) => {
    const choice = flowStickinessOf(groups.get(f.targetGroup) ?? {})
    const key = type === 'gateway' ? ` · sticks by ${tupleOf(choice, f.protocol).replace(/ \(.*\)$/, '')}` : ''
    return { key: `${f.clientId}:${f.protocol}:${f.sourcePort}`, text: `${f.clientId}: ${flowText(f)} → ${f.targetId}${key}` }
  })
}
