// Connection-level commands: WebSockets (ALB), closing a browser's connections (NLB/GWLB flows), and the
// load balancer attributes of the NLB and GWLB. lab.ts spreads them into the Lab and guards them like every call.
import { dictGet } from '../dict'
import type { Lab, RequestOptions, RequestRecord, Result, WebSocketOptions } from '../model/api'
import { asClientId } from '../model/ids'
import type { World } from '../model/world'
import { OK, throwRefusal } from '../rules/errors'
import { albOnly, checkLoadBalancerAttributes } from './commandChecks'
import { closeWebSocket, sendWebSocketMessage } from '../rules/webSocket'
import { applyListenerAttributes, checkListenerAttributes } from '../rules/listenerAttributes'
import { RECORD_SINK } from '../pipeline/recordSink'
import { runRequest } from '../pipeline/servePipeline'
import type { Runtime } from '../runtime'

type ConnectionCommands = Pick<
  Lab,
  | 'openWebSocket'
  | 'sendWebSocketMessage'
  | 'closeWebSocket'
  | 'closeConnection'
  | 'modifyLoadBalancerAttributes'
  | 'modifyListenerAttributes'
>

export function connectionCommands(world: World, rt: Runtime): ConnectionCommands {
  return {
    openWebSocket(clientId, options?: WebSocketOptions): RequestRecord {
      if (typeof clientId !== 'string') throw new TypeError('client id must be a string')
      throwRefusal(albOnly(world.loadBalancerType, 'openWebSocket'))
      closeWebSocket(world, clientId)
      const opts: RequestOptions = {}
      if (options?.path !== undefined) opts.path = options.path
      if (options?.crossSite !== undefined) opts.crossSite = options.crossSite
      if (options?.credentials !== undefined) opts.credentials = options.credentials
      return runRequest(
        world,
        rt,
        clientId,
        opts,
        'websocket-upgrade',
        RECORD_SINK,
      ) as RequestRecord
    },

    sendWebSocketMessage(clientId) {
      // The argument gate (guardCalls.ts) checked it is a string within the limits; the facts name the browser the
      // call asked for, even one the lab does not have (the message is then not delivered).
      return sendWebSocketMessage(world, rt.explain, asClientId(clientId))
    },

    closeWebSocket(clientId) {
      closeWebSocket(world, clientId)
    },

    closeConnection(clientId) {
      const client = dictGet(world.clients, clientId)
      if (client !== undefined) client.flows = []
    },

    modifyLoadBalancerAttributes(attributes): Result {
      const checked = checkLoadBalancerAttributes(world, attributes)
      if (!checked.ok) return checked
      const { crossZone, values } = checked
      world.loadBalancerAttributes =
        Object.keys(values).length === 0 ? { crossZone } : { crossZone, values }
      return OK
    },

    modifyListenerAttributes(attributes): Result {
      const checked = checkListenerAttributes(world, attributes)
      if (!checked.ok) return checked
      applyListenerAttributes(world, checked.next)
      return OK
    },
  }
}
