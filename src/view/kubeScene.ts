// Reads the Kubernetes and Socket.IO parts of the picture from the lab (issue 19, items 1 and 3): the Service's pods
// with what each served and holds, the recent node → pod hops, and the requests Engine.IO refused with 400.
import type { LabQueries, RequestRecord } from '../sim'
import type { KubeScene, SessionUnknownMark } from './topology/kubePods'
import { tripOf } from './reveal'

/** How many recent hops and 400s the stage considers (it draws only the last few seconds of them). */
const RECENT = 30

/**
 * The Kubernetes scene, or undefined outside Kubernetes labs. `history` is what has been revealed (arrived or
 * sent); `lost` holds the ids of requests whose cart was lost (selectScene's motion trips decide that).
 */
export function selectKube(
  lab: Pick<LabQueries, 'kubernetes'>,
  history: readonly RequestRecord[],
  sessions: readonly { where: string }[],
  lost: ReadonlySet<number>,
): KubeScene | undefined {
  const k = lab.kubernetes()
  if (k === null) return undefined
  const served = new Map<string, number>()
  const hops: KubeScene['hops'] = []
  for (const h of history) {
    const hop = h.facts?.family === 'alb' ? h.facts.kube : undefined
    if (hop === undefined) continue
    served.set(hop.pod, (served.get(hop.pod) ?? 0) + 1)
    if (hop.targetType === 'instance')
      hops.push({
        id: h.id,
        node: hop.node,
        pod: hop.pod,
        at: tripOf(h).arrivesAt,
        lost: lost.has(h.id),
      })
  }
  return {
    targetType: k.targetType,
    pods: k.pods.map((p) => ({
      ...p,
      served: served.get(p.id) ?? 0,
      carts: sessions.filter((s) => s.where === p.id).length,
    })),
    hops: hops.slice(-RECENT),
  }
}

/** The recent requests Engine.IO refused (400 Session ID unknown), on the card of the target that answered. */
export function selectSessionUnknown(history: readonly RequestRecord[]): SessionUnknownMark[] {
  const out: SessionUnknownMark[] = []
  for (const h of history.slice(-RECENT)) {
    const e = h.facts?.family === 'alb' ? h.facts.engineIo : undefined
    if (e !== undefined && !e.known && h.targetId !== null)
      out.push({ targetId: h.targetId, at: tripOf(h).arrivesAt })
  }
  return out
}
