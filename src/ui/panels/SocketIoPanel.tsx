// A Socket.IO client (issue 19, item 3): the selected browser connects with long polling first (handshake, polls,
// then the WebSocket upgrade) or with transports: ['websocket'] only. A poll that reaches a process without the
// session is answered 400 Session ID unknown, marked on the stage and explained under the picture.
import { useId, useState } from 'react'
import { useUiStore } from '../../store/uiStore'
import { useLab } from '../hooks/useLab'
import { useLabCall } from '../hooks/useLabCall'
import './forms/forms.css'
import './LoadBalancerTypePanel.css'

type Transports = 'polling' | 'websocket'

export function SocketIoPanel() {
  const call = useLabCall()
  const uid = useId()
  const [transports, setTransports] = useState<Transports>('polling')
  const selected = useUiStore((s) => s.selectedClient)
  const clients = useLab((lab) => lab.clients().map((c) => c.id))
  const alb = useLab((lab) => lab.loadBalancerType() === 'application')
  const clientId = selected !== null && clients.some((c) => c === selected) ? selected : (clients[0] ?? null)
  // The outcome of the browser's latest Socket.IO connection, one line per request.
  const steps = useLab((lab) => {
    const out: string[] = []
    for (const h of lab.history()) {
      if (h.clientId !== clientId) continue
      const e = h.facts?.family === 'alb' ? h.facts.engineIo : undefined
      if (e === undefined) continue
      if (e.step === 'handshake' || e.websocketOnly) out.length = 0
      const what = e.websocketOnly
        ? 'WebSocket only'
        : e.step === 'poll'
          ? `poll ${e.poll}`
          : e.step
      const status = h.status === 400 ? '400 Session ID unknown' : String(h.status)
      out.push(`${what}: ${status} from ${e.servedBy}`)
    }
    return out
  })
  if (!alb || clientId === null) return null
  return (
    <section className="panel lb-type-panel socketio-panel" aria-labelledby={`${uid}-heading`}>
      <h2 id={`${uid}-heading`}>Socket.IO client</h2>
      <fieldset role="radiogroup" className="lb-type-switch">
        <legend>Transports</legend>
        <div className="lb-type-choices">
          {(
            [
              ['polling', 'polling, then upgrade (default)'],
              ['websocket', "['websocket'] only"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="lb-type-choice">
              <input
                type="radio"
                name={`${uid}-transports`}
                value={value}
                checked={transports === value}
                onChange={() => setTransports(value)}
              />
              <span>{label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <p className="cfg-hint">
        Until the WebSocket upgrade, Engine.IO’s handshake and long-polling requests must reach the
        process that holds the session; once a target answers 101 the connection stays on it.
      </p>
      <p className="cfg-hint">
        Browser: {clientId} (the one selected on the stage). Simulator convention: the handshake,
        three polls and the upgrade are sent at the same virtual instant, and the sequence stops at
        the first 400, where the real client would report an xhr poll error and reconnect.
      </p>
      <button
        type="button"
        className="btn"
        onClick={() => call('connectSocketIo', clientId, { polls: 3, transports })}
      >
        Connect Socket.IO
      </button>
      {steps.length > 0 && (
        <ol
          className="socketio-steps"
          aria-label={`Socket.IO requests of ${clientId}`}
          data-testid="socketio-steps"
        >
          {steps.map((s, i) => (
            <li key={i} className={s.includes('400') ? 'bad' : undefined}>
              {s}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
