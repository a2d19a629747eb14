// The Kubernetes read side (issue 19, item 1): the target type and the Service's pods, for views and the console.
import type { LabQueries } from '../model/api'
import type { World } from '../model/world'

export function kubernetesQueries(world: World): Pick<LabQueries, 'kubernetes'> {
  return {
    kubernetes() {
      const k = world.kubernetes
      return k === undefined
        ? null
        : { targetType: k.targetType, pods: k.pods.map((p) => ({ id: p.id, node: p.node })) }
    },
  }
}
