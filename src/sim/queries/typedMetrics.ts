// The CloudWatch metrics of the NLB, GWLB and CLB (each type reports its own set; the ALB's are in albMetrics.ts).
// They load with the Network, Gateway and Classic families (ADR 0018).
import type { World } from '../model/world'
import { instanceEntry, targetGroupEntry } from '../worldEntries'

/** The metrics of the lab's NLB, GWLB or CLB; `activeFlows` is how many flows are open (labQueries' flows()). */
export function typedMetrics(world: World, activeFlows: number): Record<string, number> {
  const type = world.loadBalancerType
  const m = world.metrics
  const out: Record<string, number> = {}
  if (type === 'classic') {
    out.RequestCount = m.RequestCount
    out.HTTPCode_ELB_5XX = m.HTTPCode_ELB_5XX_Count
    out.HTTPCode_Backend_2XX = m.HTTPCode_Target_2XX_Count
    out.BackendConnectionErrors = m.TargetConnectionErrorCount
  } else {
    const f = world.flowMetrics
    out.NewFlowCount = f.NewFlowCount
    if (type === 'network') {
      out.NewFlowCount_TCP = f.NewFlowCount_TCP
      out.NewFlowCount_UDP = f.NewFlowCount_UDP
    }
    out.ActiveFlowCount = activeFlows
  }
  if (type !== 'gateway') out.SessionsLost = m.SessionsLost
  let healthy = 0
  let unhealthy = 0
  for (const name of world.targetGroupOrder) {
    const tg = targetGroupEntry(world, name)
    let h = 0
    let u = 0
    for (const r of tg.targets) {
      if (r.state === 'healthy') h++
      else if (r.state === 'unhealthy') u++
    }
    if (type !== 'classic') {
      out['HealthyHostCount:' + name] = h
      out['UnHealthyHostCount:' + name] = u
    }
    if (tg.inUse) {
      healthy += h
      unhealthy += u
    }
  }
  out.HealthyHostCount = healthy
  out.UnHealthyHostCount = unhealthy
  for (const id of world.instanceOrder)
    out['RequestCountPerTarget:' + id] = instanceEntry(world, id).requestCount
  return out
}
