// A Socket.IO client session through the ALB (issue 19, item 3). The Engine.IO handshake and every long-polling
// request carry the session id (sid); only the server process that made it knows it, so a polling request that the
// load balancer sends elsewhere is answered HTTP 400 {"code":1,"message":"Session ID unknown"} and the client
// reconnects ("xhr poll error"). socket.io's "Using multiple nodes" guide: sticky sessions are required with
// polling. Once a target answers the upgrade with 101 Switching Protocols the WebSocket connection stays on it for
// its lifetime (rules/webSocket.ts), so a client with transports: ['websocket'] needs no stickiness setting.

import { dictGet } from '../dict'
import type { RequestRecord, TargetId } from '../model/api'
import type { AlbFacts } from '../model/facts'
import type { EngineIoFacts, SocketIoOptions } from '../model/socketIo'
import type { World } from '../model/world'
import type { Runtime } from '../runtime'
import { closeWebSocket } from './webSocket'
import { RECORD_SINK } from '../pipeline/recordSink'
import { runRequest } from '../pipeline/servePipeline'

/** Long-polling requests a session makes before it upgrades, by default and at most. */
export const DEFAULT_POLLS = 2
export const MAX_POLLS = 10

const PATH = '/socket.io/?EIO=4&transport='

/** The process that answered: the pod in a Kubernetes lab, else the target. */
function processOf(r: RequestRecord): TargetId | null {
  const f = r.facts
  if (f?.family === 'alb' && f.kube !== undefined) return f.kube.pod
  return r.targetId
}

/** Adds the Engine.IO facts to a record (already in history) and re-words it; a process without the sid answers 400. */
function annotate(world: World, rt: Runtime, r: RequestRecord, e: EngineIoFacts): void {
  const rec = r as { facts?: AlbFacts; explanation: string; status: number }
  rec.facts = { ...(rec.facts as AlbFacts), engineIo: e }
  rec.explanation = rt.explain.request(rec.facts)
  if (e.known) return
  // The target's application answered 400 itself: not a 2XX (the lab keeps no 4XX counter).
  if (rec.status === 200) world.metrics.HTTPCode_Target_2XX_Count--
  rec.status = 400
}

/**
 * Runs one Socket.IO connection for `clientId` at the current virtual time: handshake, `polls` polling requests and
 * the upgrade, stopping at the first request that fails (a 400 as the real client does, or a 5XX). Returns the
 * records in order.
 */
export function connectSocketIo(
  world: World,
  rt: Runtime,
  clientId: string,
  options?: SocketIoOptions,
): RequestRecord[] {
  closeWebSocket(world, clientId)
  const out: RequestRecord[] = []
  const send = (path: string, upgrade: boolean): RequestRecord => {
    const kind = upgrade ? 'websocket-upgrade' : 'http'
    const r = runRequest(world, rt, clientId, { path }, kind, RECORD_SINK) as RequestRecord
    out.push(r)
    return r
  }
  if (options?.transports === 'websocket') {
    const r = send(PATH + 'websocket', true)
    const server = processOf(r)
    if (r.status === 101 && server !== null)
      annotate(world, rt, r, {
        step: 'upgrade',
        websocketOnly: true,
        sid: `eio-${r.id}`,
        server,
        servedBy: server,
        poll: 0,
        known: true,
      })
    return out
  }
  const hs = send(PATH + 'polling', false)
  const server = processOf(hs)
  if (hs.status !== 200 || server === null) return out
  const sid = `eio-${hs.id}`
  const base = { websocketOnly: false, sid, server }
  annotate(world, rt, hs, { ...base, step: 'handshake', servedBy: server, poll: 0, known: true })
  const polls = options?.polls ?? DEFAULT_POLLS
  for (let i = 1; i <= polls; i++) {
    const r = send(`${PATH}polling&sid=${sid}`, false)
    const by = processOf(r)
    if (r.status !== 200 || by === null) return out
    annotate(world, rt, r, { ...base, step: 'poll', servedBy: by, poll: i, known: by === server })
    if (by !== server) return out
  }
  const up = send(`${PATH}websocket&sid=${sid}`, true)
  const by = processOf(up)
  if (up.status !== 101 || by === null) return out
  annotate(world, rt, up, { ...base, step: 'upgrade', servedBy: by, poll: 0, known: by === server })
  // Refused upgrade: no connection stays open.
  if (by !== server && dictGet(world.clients, clientId) !== undefined)
    closeWebSocket(world, clientId)
  return out
}
