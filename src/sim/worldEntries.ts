// Total lookups for ids the world itself holds. The world keeps each collection as an order list and a Dict written
// together (createWorld, rules/clients, rules/instances, rules/targetGroups), so an id read from `clientOrder`,
// `instanceOrder`, `targetGroupOrder`, a registration or a flow names an entry. The branded id types (model/ids.ts)
// say where an id came from; these functions replace the `world.clients[id]!` that assumed it, and fail loudly, with
// the id, if the invariant is ever broken, instead of handing `undefined` on.
import { dictGet } from './dict'
import type { ClientId, TargetGroupName, TargetId } from './model/ids'
import type { ClientState, InstanceState, TargetGroupState, World } from './model/world'

function missing(what: string, id: string): never {
  throw new Error(`the lab's ${what} list names '${id}', which it does not hold`)
}

/** The browser with this id (an id from `clientOrder` or a client's own state). */
export function clientEntry(world: World, id: ClientId): ClientState {
  return dictGet(world.clients, id) ?? missing('browser', id)
}

/** The instance with this id (an id from `instanceOrder`, a registration, a flow or a pod). */
export function instanceEntry(world: World, id: TargetId): InstanceState {
  return dictGet(world.instances, id) ?? missing('instance', id)
}

/** The target group with this name (a name from `targetGroupOrder`, the forward action or the Classic group). */
export function targetGroupEntry(world: World, name: TargetGroupName): TargetGroupState {
  return dictGet(world.targetGroups, name) ?? missing('target group', name)
}
