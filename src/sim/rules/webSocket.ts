// WebSocket connections: the upgrade is an ordinary request (it follows stickiness) answered 101;
// afterwards messages go over that connection to the same target without consulting cookies,
// until the client closes it, the instance stops, or the target's deregistration delay ends.

import { dictGet } from '../dict'
import type { WebSocketMessageResult } from '../model/api'
import type { Explainer } from '../model/facts'
import type { ClientId } from '../model/ids'
import type { World } from '../model/world'

/** Sends one message on the client's open connection. */
export function sendWebSocketMessage(
  world: World,
  explain: Explainer,
  clientId: ClientId,
): WebSocketMessageResult {
  const client = dictGet(world.clients, clientId)
  const ws = client?.webSocket ?? null
  if (ws === null) {
    return {
      delivered: false,
      targetId: null,
      targetGroup: null,
      decision: 'websocket-closed',
      facts: { family: 'websocket-closed', clientId },
      explanation: explain.webSocket({ family: 'websocket-closed', clientId }),
      messages: 0,
    }
  }
  ws.messages++
  return {
    delivered: true,
    targetId: ws.targetId,
    targetGroup: ws.targetGroup,
    decision: 'websocket',
    facts: { family: 'websocket', targetId: ws.targetId },
    explanation: explain.webSocket({ family: 'websocket', targetId: ws.targetId }),
    messages: ws.messages,
  }
}

/** Closes the client's connection, if any. */
export function closeWebSocket(world: World, clientId: string): void {
  const client = dictGet(world.clients, clientId)
  if (client !== undefined) client.webSocket = null
}
