// Every Engine.IO step has words, and the failing ones quote socket.io's 400 body.
import { asTargetId } from '../sim/model/ids'
import { describe, expect, it } from 'vitest'
import { explainEngineIo } from './explainEngineIo'
import type { EngineIoFacts } from '../sim/model/socketIo'

const base: EngineIoFacts = {
  step: 'poll',
  websocketOnly: false,
  sid: 'eio-1',
  server: asTargetId('i-1'),
  servedBy: asTargetId('i-1'),
  poll: 1,
  known: true,
}

describe('Engine.IO steps in words', () => {
  it.each([
    [{ step: 'handshake', poll: 0 }, /i-1 made session eio-1 .* must reach i-1\.$/],
    [{}, /^Long-polling request 1 for session eio-1 reached i-1, which holds it\.$/],
    [
      { servedBy: asTargetId('i-2'), known: false },
      /reached i-2, but the session lives on i-1: HTTP 400 \{"code":1,"message":"Session ID unknown"\}/,
    ],
    [
      { step: 'upgrade', poll: 0 },
      /101 Switching Protocols: the connection stays on i-1 for its lifetime/,
    ],
    [
      { step: 'upgrade', poll: 0, servedBy: asTargetId('i-3'), known: false },
      /HTTP 400 .*no connection opens\.$/,
    ],
    [
      { step: 'upgrade', poll: 0, websocketOnly: true },
      /transports \['websocket'\].*no stickiness setting needed\.$/,
    ],
  ] as const)('%o', (change, words) => {
    expect(explainEngineIo({ ...base, ...change })).toMatch(words)
  })
})
