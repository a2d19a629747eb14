// WebSocket connections: the upgrade is an ordinary request (it follows stickiness) answered 101;
// afterwards messages go over that connection to the same target without consulting cookies,
// until the client closes it, the instance stops, or the target's deregistration delay ends.

import { dictGet } from '../dict'
import type { WebSocketMessageResult } from '../model/api'
import type { World } from '../model/world'

/** Sends one message on the client's open connection. */
export function sendWebSocketMessage(world: World, clientId: string): WebSocketMessageResult {
  const client = dictGet(world.clients, clientId)
  const ws = client?.webSocket ?? null
  if (ws === null) {
    return {
      delivered: false,
      targetId: null,
      targetGroup: null,
      decision: 'websocket-closed',
      explanation: `Client ${clientId} has no open WebSocket connection (never opened, closed, or its target went away), so the message was not sent.`,
      messages: 0,
    }
  }
  ws.messages++
  return {
    delivered: true,
    targetId: ws.targetId,
    targetGroup: ws.targetGroup,
    decision: 'websocket',
    explanation: `The message travels over the WebSocket connection that ${ws.targetId} accepted with 101 Switching Protocols; cookies and the routing algorithm are not consulted.`,
    messages: ws.messages,
  }
}

/** Closes the client's connection, if any. */
export function closeWebSocket(world: World, clientId: string): void {
  const client = dictGet(world.clients, clientId)
  if (client !== undefined) client.webSocket = null
}
