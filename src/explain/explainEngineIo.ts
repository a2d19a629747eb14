// A Socket.IO client's request in words (issue 19, item 3): what it was to Engine.IO and whether the process that
// received it held the session. It follows the ALB's own sentence, which says how the target was chosen.
import type { EngineIoFacts } from '../sim/model/socketIo'

/** socket.io's answer to a sid the process does not hold (engine.io server, error code 1 "Session ID unknown"). */
const SESSION_ID_UNKNOWN = '{"code":1,"message":"Session ID unknown"}'

export function explainEngineIo(e: EngineIoFacts): string {
  if (e.websocketOnly)
    return `Socket.IO with transports ['websocket']: no polling, so no session id to lose; ${e.server} answered 101 Switching Protocols and the connection stays on it for its lifetime, with no stickiness setting needed.`
  switch (e.step) {
    case 'handshake':
      return `Socket.IO handshake (Engine.IO, transport=polling): ${e.server} made session ${e.sid} in its memory, so every polling request until the WebSocket upgrade must reach ${e.server}.`
    case 'poll':
      return e.known
        ? `Long-polling request ${e.poll} for session ${e.sid} reached ${e.servedBy}, which holds it.`
        : `Long-polling request ${e.poll} for session ${e.sid} reached ${e.servedBy}, but the session lives on ${e.server}: HTTP 400 ${SESSION_ID_UNKNOWN}; the client reports an xhr poll error and reconnects. Socket.IO needs sticky sessions while it polls.`
    case 'upgrade':
      return e.known
        ? `${e.server} answered the WebSocket upgrade for ${e.sid} with 101 Switching Protocols: the connection stays on ${e.server} for its lifetime, whatever the cookies say.`
        : `The WebSocket upgrade for session ${e.sid} reached ${e.servedBy}, but the session lives on ${e.server}: HTTP 400 ${SESSION_ID_UNKNOWN}, and no connection opens.`
  }
}
