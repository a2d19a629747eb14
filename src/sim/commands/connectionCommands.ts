// Connection-level commands: WebSockets (ALB), closing a browser's connections (NLB/GWLB flows), and the
// load balancer attributes of the NLB and GWLB. lab.ts spreads them into the Lab and guards them like every call.
import { dictGet } from '../dict'
import type { Lab, RequestOptions, RequestRecord, Result, WebSocketOptions } from '../model/api'
import type { World } from '../model/world'
import { Errors, OK } from '../rules/errors'
import { handleRequest } from '../rules/request'
import { closeWebSocket, sendWebSocketMessage } from '../rules/webSocket'
import type { Runtime } from '../runtime'

type ConnectionCommands = Pick<
  Lab,
  | 'openWebSocket'
  | 'sendWebSocketMessage'
  | 'closeWebSocket'
  | 'closeConnection'
  | 'modifyLoadBalancerAttributes'
>

/** Throws for a call modelled only for the Application Load Balancer. */
export function albOnly(world: World, what: string): void {
  if (world.loadBalancerType !== 'application')
    throw new TypeError(`${what} is modelled for the Application Load Balancer only`)
}

export function connectionCommands(world: World, rt: Runtime): ConnectionCommands {
  return {
    openWebSocket(clientId, options?: WebSocketOptions): RequestRecord {
      if (typeof clientId !== 'string') throw new TypeError('client id must be a string')
      albOnly(world, 'openWebSocket')
      closeWebSocket(world, clientId)
      const opts: RequestOptions = {}
      if (options?.path !== undefined) opts.path = options.path
      if (options?.crossSite !== undefined) opts.crossSite = options.crossSite
      if (options?.credentials !== undefined) opts.credentials = options.credentials
      return handleRequest(world, rt, clientId, opts, true) as RequestRecord
    },

    sendWebSocketMessage(clientId) {
      return sendWebSocketMessage(world, rt.explain, clientId)
    },

    closeWebSocket(clientId) {
      closeWebSocket(world, clientId)
    },

    closeConnection(clientId) {
      const client = dictGet(world.clients, clientId)
      if (client !== undefined) client.flows = []
    },

    modifyLoadBalancerAttributes(attributes): Result {
      const type = world.loadBalancerType
      if (type !== 'network' && type !== 'gateway')
        return Errors.loadBalancerAttributeNotSupported()
      if (attributes === null || typeof attributes !== 'object')
        return Errors.attributeValueNotString('attributes')
      let crossZone = world.loadBalancerAttributes.crossZone
      for (const [key, value] of Object.entries(attributes)) {
        if (key !== 'load_balancing.cross_zone.enabled')
          return Errors.loadBalancerAttributeNotSupported()
        if (value !== 'true' && value !== 'false')
          return Errors.oneOf(key, String(value), ['true', 'false'])
        crossZone = value === 'true'
      }
      world.loadBalancerAttributes = { crossZone }
      return OK
    },
  }
}
