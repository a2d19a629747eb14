// A Socket.IO client session (issue 19, item 3): what each of its requests was to Engine.IO, for the decision
// facts and the stage. Engine.IO keeps its sessions in the memory of the server process that made them.

import type { TargetId } from './ids'

/** Engine.IO's answer to a request carrying a sid the process does not hold (HTTP 400). */
export const SESSION_ID_UNKNOWN = '{"code":1,"message":"Session ID unknown"}'

export interface EngineIoFacts {
  /** handshake (transport=polling, no sid), a long-polling request, or the WebSocket upgrade. */
  step: 'handshake' | 'poll' | 'upgrade'
  /** The client asked for transports: ['websocket'] only: no handshake by polling, no sid to lose. */
  websocketOnly: boolean
  sid: string
  /** The process (instance, or pod in a Kubernetes lab) holding the session; for a handshake, the one that made it. */
  server: TargetId
  /** The process that received this request. */
  servedBy: TargetId
  /** 1-based number of the polling request (0 for the handshake and the upgrade). */
  poll: number
  /** servedBy holds the session (false: 400 Session ID unknown). */
  known: boolean
}

/** connectSocketIo's options. */
export interface SocketIoOptions {
  /** Polling requests between the handshake and the upgrade (1–10, default 2). */
  polls?: number
  /** 'polling' (the default: polling, then the upgrade) or 'websocket' (transports: ['websocket']). */
  transports?: 'polling' | 'websocket'
}
