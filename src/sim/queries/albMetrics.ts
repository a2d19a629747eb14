// The ALB's CloudWatch-named metrics as lab.metrics() lists them: the load balancer's counters, per-target and
// per-target-group request counts, and healthy/unhealthy host counts (in total over the groups in use).
import type { World } from '../model/world'
import { putRequestCountPerTarget } from '../rules/requestCountPerTarget'
import { instanceEntry, targetGroupEntry } from '../worldEntries'

export function albMetrics(world: World): Record<string, number> {
  const out: Record<string, number> = {
    ...world.metrics,
    HealthyHostCount: 0,
    UnHealthyHostCount: 0,
  }
  for (const id of world.instanceOrder) {
    const inst = instanceEntry(world, id)
    out['RequestCountPerTarget:' + id] = inst.requestCount
  }
  for (const name of world.targetGroupOrder) {
    const tg = targetGroupEntry(world, name)
    out['RequestCountPerTargetGroup:' + name] = tg.requestCount
    let healthy = 0
    let unhealthy = 0
    for (const r of tg.targets) {
      if (r.state === 'healthy') healthy++
      else if (r.state === 'unhealthy') unhealthy++
    }
    out['HealthyHostCount:' + name] = healthy
    out['UnHealthyHostCount:' + name] = unhealthy
    putRequestCountPerTarget(out, tg, healthy)
    if (tg.inUse) {
      out.HealthyHostCount! += healthy
      out.UnHealthyHostCount! += unhealthy
    }
  }
  return out
}
