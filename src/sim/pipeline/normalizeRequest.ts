// Stage 1 of the request pipeline: the one place a request's options get their defaults. Every later stage reads
// a NormalizedRequest, whose fields are always present (one object shape), so no stage repeats `?? '/'`.

import { isPreflight } from '../rules/preflightMark'
import type { BrowserContext } from '../cookieJar'
import type { RequestOptions } from '../model/api'
import {
  GWLB_DEFAULT_DESTINATION_IP,
  GWLB_DEFAULT_DESTINATION_PORT,
} from '../model/loadBalancerTypes'
import type { FlowProtocol, World } from '../model/world'

/** What the client asked for: a plain HTTP request, or the HTTP request that upgrades to a WebSocket. */
export type RequestKind = 'http' | 'websocket-upgrade'

/**
 * A request with every option defaulted. It is also the browser's view of the request (BrowserContext: the
 * scheme, path, site and credentials mode the cookie jar decides by), so the jar stages need no second object.
 */
export interface NormalizedRequest extends BrowserContext {
  readonly kind: RequestKind
  /** How long the target is busy with it, in virtual milliseconds (0 where no application runs: GWLB). */
  readonly durationMs: number
  /** The flow's protocol (NLB and GWLB; TCP elsewhere, where HTTP always rides on TCP). */
  readonly transport: FlowProtocol
  /** NLB/GWLB: a new connection (new source port) instead of the client's current flow. */
  readonly newConnection: boolean
  /** GWLB: where the traffic is going; '' elsewhere (an NLB's destination is the node it reaches). */
  readonly destinationIp: string
  /** GWLB: the destination port (0 for ICMP); elsewhere the listener's port. */
  readonly destinationPort: number
}

/** Defaults `options` for the world's load balancer type (options were validated by checkRequestOptions). */
export function normalizeRequest(
  world: World,
  options: RequestOptions | undefined,
  kind: RequestKind,
): NormalizedRequest {
  const type = world.loadBalancerType
  const listener = world.listener
  const path = options?.path ?? '/'
  const credentials = options?.credentials ?? 'same-origin'
  if (type === 'gateway') {
    // An appliance sees packets, not a browser's request: no site, no cookies, nothing keeps a target busy.
    const transport = options?.protocol ?? 'TCP'
    return {
      kind,
      protocol: listener.protocol,
      path,
      crossSite: false,
      credentials,
      preflight: false,
      durationMs: 0,
      transport,
      newConnection: options?.newConnection === true && transport !== 'ICMP',
      destinationIp: options?.destinationIp ?? GWLB_DEFAULT_DESTINATION_IP,
      destinationPort:
        transport === 'ICMP' ? 0 : (options?.destinationPort ?? GWLB_DEFAULT_DESTINATION_PORT),
    }
  }
  return {
    kind,
    // The Classic Load Balancer's listener is HTTP:80 whatever the ALB listener was set to.
    protocol: type === 'classic' ? 'HTTP' : listener.protocol,
    path,
    crossSite: options?.crossSite === true,
    credentials,
    preflight: options !== undefined && isPreflight(options),
    durationMs: Math.round((options?.durationSeconds ?? world.app.latencySeconds) * 1000),
    transport:
      type === 'network'
        ? (options?.protocol ?? (listener.transport === 'UDP' ? 'UDP' : 'TCP'))
        : 'TCP',
    newConnection: options?.newConnection === true,
    destinationIp: '',
    destinationPort: listener.port,
  }
}
