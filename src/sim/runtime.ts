// Derived, non-serialised data a Lab keeps next to its world for speed: Map indexes for clients and
// carts, per-client memos (last issued cookie values and their payloads, header pieces, the last
// session line and sticky-hit sentence), the application's reusable Set-Cookie directive and the
// Expires cache.
// Pure caches: rebuilt empty on restore, they never change a result (a property test checks it).

import type { SetCookieDirective } from './cookieJar'
import type { ClientState, World } from './model/world'
import type { AlbFacts, Explainer } from './model/facts'
import type { ExpiresCache } from './rules/albCookies'
import { newApplicationDirective, newExpiresCache } from './rules/albCookies'
import type { CookiePayload } from './rules/cookieCodec'
import { dictKeys, dictSet, newDict, type Dict } from './dict'
import { clientEntry } from './worldEntries'

/**
 * Per-client memo of the last stickiness values the load balancer issued, with their decoded
 * payloads. A request that presents exactly that value skips decoding (a pure cache: decoding
 * the same value with the same secret always gives the same payload).
 */
export interface CookieMemo {
  targetValue: string | null
  targetPayload: CookiePayload
  groupValue: string | null
  /** Allocated on first use: most clients never see target-group stickiness. */
  groupPayload: CookiePayload | null
}

/** A cart as the store holds it (the world's JSON keeps `items` as a plain number). */
export interface SessionCell {
  items: number
  /** Set when the store dropped this session (SESSION_LIMIT), so a client's cached cell is not used again. */
  evicted: boolean
  /** The last sweep (application.ts) that found this session held by a browser (0: none yet). */
  heldInSweep: number
}

/** A cart with every field present from the start (one object shape for the store's cells). */
export function newSessionCell(items: number): SessionCell {
  return { items, evicted: false, heldInSweep: 0 }
}

export interface ClientSlot {
  state: ClientState
  memo: CookieMemo
  /** The cart this client used last, so a returning client skips the big-map lookup. Valid only
   *  while `sessionBucket` is still the store's current bucket (stopping an instance replaces it). */
  sessionBucket: Map<string, SessionCell> | null
  sessionId: string
  sessionCell: SessionCell | null
  /** The application's last Set-Cookie line for this client and what it was built from. */
  sessionLine: string
  sessionPair: string
  sessionLineId: string
  sessionLineName: string
  sessionLineMaxAge: number | undefined
  /** The last sticky-hit facts shown to this client (see HitFacts). */
  hit: HitFacts | null
}

export function newClientSlot(state: ClientState): ClientSlot {
  return {
    state,
    memo: newCookieMemo(),
    sessionBucket: null,
    sessionId: '',
    sessionCell: null,
    sessionLine: '',
    sessionPair: '',
    sessionLineId: '',
    sessionLineName: '',
    sessionLineMaxAge: undefined,
    hit: null,
  }
}

export function newCookieMemo(): CookieMemo {
  return {
    targetValue: null,
    targetPayload: {
      kind: 1,
      targetGroupSerial: 0,
      targetSerial: 0,
      issuedAtMs: 0,
      durationSeconds: 0,
    },
    groupValue: null,
    groupPayload: null,
  }
}

/** Cached facts (and their rendered text) of a plain sticky hit on one target, rebuilt when any input changes. */
export interface HitFacts {
  targetId: string
  cookieName: string
  durationSeconds: number
  appCookieName: string
  /** Shared by every record of such a hit: records treat their facts as read-only. */
  facts: AlbFacts
  explanation: string
}

export interface Runtime {
  /** Renders facts as sentences; supplied by the composition root (src/sim/index.ts). */
  explain: Explainer
  /** Last sticky-hit facts per target id, so steady sticky traffic neither rebuilds nor re-renders them. */
  hitFacts: Map<string, HitFacts>
  /** The application's session-cookie directive, refilled on every response that has a session. */
  applicationDirective: SetCookieDirective
  /** Client by id (mirrors world.clients), with its cookie memo. */
  clients: Map<string, ClientSlot>
  /** Carts: where → session id → cell. While a lab lives this is also `world.sessions` (see SessionStore). */
  sessions: SessionStore
  expires: ExpiresCache
}

/**
 * The carts: where ("i-1" … or "external") → session id → cell. It stands in for the world's plain
 * `sessions` dictionary while a lab lives and serializes (toJSON) to exactly that dictionary, so snapshots, saved
 * labs and replays see the same JSON. Keeping a second, plain-object copy cost a property write per new session
 * (a fifth of a load test's time: session ids are fresh strings V8 must intern to use as keys).
 */
export class SessionStore extends Map<string, Map<string, SessionCell>> {
  /** A store holding a world's serialized carts, in their order. */
  static fromDict(dict: Dict<Dict<number>> | SessionStore): SessionStore {
    if (dict instanceof SessionStore) return dict
    const store = new SessionStore()
    for (const where of dictKeys(dict)) {
      const bucket = dict[where]!
      const m = new Map<string, SessionCell>()
      for (const id of dictKeys(bucket)) m.set(id, newSessionCell(bucket[id]!))
      store.set(where, m)
    }
    return store
  }

  /** The plain dictionary the world's JSON holds (built in the store's order, as the dictionary was). */
  toJSON(): Dict<Dict<number>> {
    const out = newDict<Dict<number>>()
    for (const [where, bucket] of this) {
      const d = newDict<number>()
      for (const [id, cell] of bucket) dictSet(d, id, cell.items)
      dictSet(out, where, d)
    }
    return out
  }
}

/** Forgets every cached sticky hit (its facts carry words): the lab's explainer now words them differently. */
export function dropCachedWords(rt: Runtime): void {
  rt.hitFacts.clear()
  for (const slot of rt.clients.values()) slot.hit = null
}

/** Builds the indexes for a world (on create and on restore). */
export function buildRuntime(world: World, explain: Explainer): Runtime {
  const clients = new Map<string, ClientSlot>()
  for (const id of world.clientOrder) clients.set(id, newClientSlot(clientEntry(world, id)))
  const sessions = SessionStore.fromDict(world.sessions)
  // The store takes the world's place, as the call log does (callLog.ts): one copy of the carts, not two.
  ;(world as { sessions: unknown }).sessions = sessions
  return {
    clients,
    sessions,
    expires: newExpiresCache(),
    explain,
    hitFacts: new Map(),
    applicationDirective: newApplicationDirective(),
  }
}
