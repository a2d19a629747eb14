// Client source IPv4 addresses: syntax checks, the deterministic default per client (documentation
// ranges, in the order clients are added, never one already in use) and NAT groups (clients that
// share a source IP, as they would behind one NAT).

import type { ClientId } from '../model/ids'
import type { World } from '../model/world'
import { dictGet } from '../dict'
import { clientEntry } from '../worldEntries'

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
const IPV4 = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`)

/** Dotted-quad IPv4 without leading zeros ("198.51.100.7"). */
export function isIpv4(value: unknown): value is string {
  return typeof value === 'string' && IPV4.test(value)
}

/** The RFC 5737 documentation networks the defaults come from, in order. */
const DEFAULT_NETWORKS = ['198.51.100.', '203.0.113.', '192.0.2.']
/** Hosts .10-.249 of each network (.1-.9 and the top are left for routers and load balancer nodes). */
const FIRST_HOST = 10
const HOSTS_PER_NETWORK = 240
const DOCUMENTATION_ADDRESSES = DEFAULT_NETWORKS.length * HOSTS_PER_NETWORK
/** Then RFC 2544's benchmarking network 198.18.0.0/15, for crowds such as the load test's clients. */
const BENCHMARK_ADDRESSES = 2 * 65_536
const ADDRESS_SPACE = DOCUMENTATION_ADDRESSES + BENCHMARK_ADDRESSES

function defaultAddress(n: number): string {
  const k = n % ADDRESS_SPACE
  if (k < DOCUMENTATION_ADDRESSES)
    return (
      DEFAULT_NETWORKS[Math.floor(k / HOSTS_PER_NETWORK)]! + (FIRST_HOST + (k % HOSTS_PER_NETWORK))
    )
  const b = k - DOCUMENTATION_ADDRESSES
  return `198.${18 + (b >>> 16)}.${(b >>> 8) & 255}.${b & 255}`
}

/**
 * The addresses clients use, per world: a cache that always equals the set computed from world.clients (every
 * change of a client's address adds to it or drops it), so results never depend on it. Without it, adding
 * the 100,000th client would scan the 99,999 before it.
 */
const usedByWorld = new WeakMap<World, Set<string>>()

function usedAddresses(world: World): Set<string> {
  let used = usedByWorld.get(world)
  if (used === undefined) {
    used = new Set()
    for (const id of world.clientOrder) {
      const ip = dictGet(world.clients, id)?.sourceIp
      if (ip !== undefined) used.add(ip)
    }
    usedByWorld.set(world, used)
  }
  return used
}

/** A client now uses this address (the caller assigns it at once). */
export function noteSourceIp(world: World, ip: string): void {
  usedByWorld.get(world)?.add(ip)
}

/** A client left or changed its address: the set is rebuilt when next needed (an address may still be shared). */
export function forgetSourceIps(world: World): void {
  usedByWorld.delete(world)
}

/** The next default source IP: 198.51.100.10, .11, … skipping addresses another client uses. */
export function nextDefaultSourceIp(world: World): string {
  const used = usedAddresses(world)
  for (let tries = 0; tries < ADDRESS_SPACE; tries++) {
    const ip = defaultAddress(world.counters.sourceIp++)
    if (!used.has(ip)) {
      used.add(ip)
      return ip
    }
  }
  // Every address is taken: share the next one (an accidental NAT group).
  return defaultAddress(world.counters.sourceIp++)
}

/** Clients grouped by source IP, in order of each IP's first client. */
export function natGroups(world: World): { sourceIp: string; clients: ClientId[] }[] {
  const groups = new Map<string, ClientId[]>()
  for (const id of world.clientOrder) {
    const ip = clientEntry(world, id).sourceIp
    const g = groups.get(ip)
    if (g === undefined) groups.set(ip, [id])
    else g.push(id)
  }
  return [...groups].map(([sourceIp, clients]) => ({ sourceIp, clients }))
}
