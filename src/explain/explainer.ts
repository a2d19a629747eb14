// The explain layer's entry: renders the core's facts (src/sim/model/facts.ts) as English
// sentences, one function per fact family. src/sim/index.ts hands this to every lab it creates, so
// records and results carry `explanation` exactly as before the split (ADR 0009).

import type { Explainer, RequestFacts, WebSocketFacts } from '../sim/model/facts'
import { explainAlb } from './explainAlb'
import { explainClb } from './explainClb'
import { explainGwlb } from './explainGwlb'
import { explainKube } from './explainKube'
import { explainEngineIo } from './explainEngineIo'
import { explainNlb } from './explainNlb'

export function explainRequest(facts: RequestFacts): string {
  switch (facts.family) {
    case 'alb': {
      const kube = facts.kube === undefined ? '' : ` ${explainKube(facts.kube)}`
      const eio = facts.engineIo === undefined ? '' : ` ${explainEngineIo(facts.engineIo)}`
      return explainAlb(facts) + kube + eio
    }
    case 'nlb':
      return explainNlb(facts)
    case 'gwlb':
      return explainGwlb(facts)
    case 'clb':
      return explainClb(facts)
  }
}

export function explainWebSocket(facts: WebSocketFacts): string {
  return facts.family === 'websocket'
    ? `The message travels over the WebSocket connection that ${facts.targetId} accepted with 101 Switching Protocols; cookies and the routing algorithm are not consulted.`
    : `Client ${facts.clientId} has no open WebSocket connection (never opened, closed, or its target went away), so the message was not sent.`
}

export const explainer: Explainer = { request: explainRequest, webSocket: explainWebSocket }
