// Where the request pipeline's last stage delivers a finished request: the lab keeps a history record
// (recordSink.ts); the load test only counts it (loadTest.ts). The sink is data the caller passes, not a flag.

import type { World } from '../model/world'
import type { Exchange } from './exchange'
import type { RouteStrategy } from './routeStrategy'

export interface RequestSink<T> {
  /**
   * Whether this sink keeps records: only then are the Cookie header, the facts and their words, and the
   * Set-Cookie lines built. Routing, cookies, sessions, counters and metrics are the same either way.
   */
  readonly keepsRecords: boolean
  /** Delivers the finished request (`id` is its number in the world's request counter). */
  take(world: World, x: Exchange, strategy: RouteStrategy<unknown>, id: number): T
}
