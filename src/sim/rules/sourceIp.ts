// Client source IPv4 addresses: syntax checks, the deterministic default per client (documentation
// ranges, in the order clients are added, never one already in use) and NAT groups (clients that
// share a source IP, as they would behind one NAT).

import type { World } from '../model/world'

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

function defaultAddress(n: number): string {
  const k = n % (DEFAULT_NETWORKS.length * HOSTS_PER_NETWORK)
  return (
    DEFAULT_NETWORKS[Math.floor(k / HOSTS_PER_NETWORK)]! + (FIRST_HOST + (k % HOSTS_PER_NETWORK))
  )
}

/** The next default source IP: 198.51.100.10, .11, … skipping addresses another client uses. */
export function nextDefaultSourceIp(world: World): string {
  const used = new Set<string>()
  for (const id of world.clientOrder) used.add(world.clients[id]!.sourceIp)
  const limit = DEFAULT_NETWORKS.length * HOSTS_PER_NETWORK
  for (let tries = 0; tries < limit; tries++) {
    const ip = defaultAddress(world.counters.sourceIp++)
    if (!used.has(ip)) return ip
  }
  // Every documentation address is taken: share the next one (an accidental NAT group).
  return defaultAddress(world.counters.sourceIp++)
}

/** Clients grouped by source IP, in order of each IP's first client. */
export function natGroups(world: World): { sourceIp: string; clients: string[] }[] {
  const groups = new Map<string, string[]>()
  for (const id of world.clientOrder) {
    const ip = world.clients[id]!.sourceIp
    const g = groups.get(ip)
    if (g === undefined) groups.set(ip, [id])
    else g.push(id)
  }
  return [...groups].map(([sourceIp, clients]) => ({ sourceIp, clients }))
}
