// Browser clients: creation with defaults, option changes, and the load balancer node (AZ) each
// client's DNS lookup lands on (round robin over the enabled AZs in creation order).

import { dictSet } from '../dict'
import type { ClientOptions } from '../model/api'
import type { ClientSlot, Runtime } from '../runtime'
import { newClientSlot } from '../runtime'
import type { ClientState, World } from '../model/world'
import { AVAILABILITY_ZONES } from '../model/world'
import { asClientId } from '../model/ids'
import { CLIENT_KINDS, keepsCookies, type ClientKind } from '../model/clientKind'
import { isIpv4, nextDefaultSourceIp, noteSourceIp } from './sourceIp'
import { refusal, throwRefusal, type Failure } from './errors'

/** The refusal for malformed options (programming errors, not AWS errors), or null. */
export function clientOptionsProblem(options: ClientOptions | undefined): Failure | null {
  if (options === undefined) return null
  if (options.kind !== undefined && !CLIENT_KINDS.includes(options.kind))
    return refusal('TypeError', "kind must be 'browser', 'curl' or 'sdk'", 'kind')
  // curl and SDKs have no jar to switch on: asking for cookies on one is a contradiction, not a no-op.
  if (options.kind !== undefined && !keepsCookies(options.kind) && options.cookiesEnabled === true)
    return refusal(
      'TypeError',
      `a ${options.kind} client keeps no cookie jar, so cookiesEnabled cannot be true`,
      'cookiesEnabled',
    )
  if (options.cookiesEnabled !== undefined && typeof options.cookiesEnabled !== 'boolean')
    return refusal('TypeError', 'cookiesEnabled must be a boolean', 'cookiesEnabled')
  if (
    options.userAgent !== undefined &&
    options.userAgent !== 'chromium' &&
    options.userAgent !== 'other'
  )
    return refusal('TypeError', "userAgent must be 'chromium' or 'other'", 'userAgent')
  if (options.sourceIp !== undefined && !isIpv4(options.sourceIp)) {
    return refusal(
      'TypeError',
      `sourceIp '${String(options.sourceIp)}' is not an IPv4 address (four numbers 0-255 separated by dots, e.g. 198.51.100.7)`,
      'sourceIp',
    )
  }
  return null
}

/** Throws on malformed options (programming errors, not AWS errors). */
export function validateClientOptions(options: ClientOptions | undefined): void {
  throwRefusal(clientOptionsProblem(options))
}

/** Returns the client, creating it with defaults (cookies on, Chromium) if unknown. */
export function getOrCreateClient(
  world: World,
  rt: Runtime,
  id: string,
  options?: ClientOptions,
): ClientState {
  return getClientSlot(world, rt, id, options).state
}

/** The client with its runtime memo, creating the client if unknown. */
export function getClientSlot(
  world: World,
  rt: Runtime,
  id: string,
  options?: ClientOptions,
): ClientSlot {
  const existing = rt.clients.get(id)
  if (existing !== undefined) return existing
  if (typeof id !== 'string') throw new TypeError('client id must be a string')
  validateClientOptions(options)
  const client: ClientState = {
    id: asClientId(id),
    cookiesEnabled: options?.cookiesEnabled ?? true,
    userAgent: options?.userAgent ?? 'chromium',
    nodeAz: AVAILABILITY_ZONES[world.counters.clientAz++ % AVAILABILITY_ZONES.length]!,
    jar: [],
    webSocket: null,
    sourceIp: options?.sourceIp ?? nextDefaultSourceIp(world),
    flows: [],
  }
  if (options?.sourceIp !== undefined) noteSourceIp(world, options.sourceIp)
  if (options?.kind !== undefined) applyClientKind(client, options.kind)
  dictSet(world.clients, id, client)
  world.clientOrder.push(client.id)
  const slot: ClientSlot = newClientSlot(client)
  rt.clients.set(id, slot)
  return slot
}

/** Changes a client's browser settings. Turning cookies off empties the jar (nothing is stored or sent). */
export function applyClientOptions(client: ClientState, options: ClientOptions): void {
  validateClientOptions(options)
  if (options.kind !== undefined) applyClientKind(client, options.kind)
  if (options.userAgent !== undefined) client.userAgent = options.userAgent
  // A new source address means new flow tuples: the client's open flows end.
  if (options.sourceIp !== undefined && options.sourceIp !== client.sourceIp) {
    client.sourceIp = options.sourceIp
    client.flows = []
  }
  // A curl or SDK client has no jar to switch on; cookiesEnabled is ignored for it (as setCookie is).
  if (options.cookiesEnabled !== undefined && keepsCookies(client.kind)) {
    client.cookiesEnabled = options.cookiesEnabled
    if (!options.cookiesEnabled) client.jar = []
  }
}

/**
 * Makes the client a browser, curl or an SDK. `kind` decides the jar: curl and sdk keep none (cookiesEnabled false,
 * jar emptied, no Chromium SameSite quirks); back to a browser, cookies are on again with a Chromium user agent.
 * `cookiesEnabled` stays the one flag the cookie rules read, so a browser with cookies off and a curl client route
 * alike and only the words differ. 'browser' is stored as no field, so labs saved before kinds load unchanged.
 */
export function applyClientKind(client: ClientState, kind: ClientKind): void {
  if (kind === 'browser') {
    if (client.kind !== undefined) {
      delete client.kind
      client.cookiesEnabled = true
      client.userAgent = 'chromium'
    }
    return
  }
  client.kind = kind
  client.cookiesEnabled = false
  client.userAgent = 'other'
  client.jar = []
}
