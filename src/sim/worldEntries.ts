// Total lookups for ids the world itself holds. The world keeps each collection as an order list and a Dict written
// together (createWorld, rules/clients, rules/instances, rules/targetGroups), so an id read from `clientOrder`,
// `instanceOrder`, `targetGroupOrder`, a registration or a flow names an entry. The branded id types (model/ids.ts)
// say where an id came from; these functions replace the `world.clients[id]!` that assumed it, and fail loudly, with
// the id, if the invariant is ever broken, instead of handing `undefined` on.
import { dictGet, type Dict } from './dict'
import type { ClientId, TargetGroupName, TargetId } from './model/ids'
import type { ClientState, InstanceState, TargetGroupState, World } from './model/world'

/** The entry under an id the world holds; throws, naming it, if the lists and the Dict ever disagree. */
function entry<T>(dict: Dict<T>, id: string): T {
  const found = dictGet(dict, id)
  if (found === undefined) throw new Error(`the lab holds no '${id}'`)
  return found
}

/** The browser with this id (an id from `clientOrder` or a client's own state). */
export const clientEntry = (world: World, id: ClientId): ClientState => entry(world.clients, id)

/** The instance with this id (an id from `instanceOrder`, a registration, a flow or a pod). */
export const instanceEntry = (world: World, id: TargetId): InstanceState =>
  entry(world.instances, id)

/** The target group with this name (a name from `targetGroupOrder`, the forward action or the Classic group). */
export const targetGroupEntry = (world: World, name: TargetGroupName): TargetGroupState =>
  entry(world.targetGroups, name)
