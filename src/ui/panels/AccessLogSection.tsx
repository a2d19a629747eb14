// The access log half of "Explain your ALB" (Console tab): paste log lines, read which clients stayed on one target and which hopped.
// Access logs carry no cookies, so the region says stickiness can only be inferred from them.
import { useId, useState } from 'react'
import { analyzeAccessLog, type AccessLogResult } from '../../view/headers/analyzeAccessLog'

/** Clients listed: the hopping ones come first. */
const SHOWN_CLIENTS = 20

export function AccessLogSection() {
  const uid = useId()
  const [text, setText] = useState('')
  const [result, setResult] = useState<AccessLogResult | null>(null)
  return (
    <>
      <h3>Access logs</h3>
      <label className="hdr-label" htmlFor={`${uid}-log`}>
        Paste access log lines
      </label>
      <textarea
        id={`${uid}-log`}
        className="hdr-input"
        rows={5}
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="button" className="btn" onClick={() => setResult(analyzeAccessLog(text))}>
        Analyze log lines
      </button>
      {result !== null && (
        <section className="hdr-report" aria-labelledby={`${uid}-report`}>
          <h4 id={`${uid}-report`}>Access log analysis</h4>
          {result.ok ? (
            <AccessLogReport result={result} />
          ) : (
            <p className="hdr-error">{result.message}</p>
          )}
        </section>
      )}
    </>
  )
}

function AccessLogReport({ result }: { result: Extract<AccessLogResult, { ok: true }> }) {
  const { entries, clients, malformed } = result.analysis
  const hopping = clients.filter((c) => c.hopping).length
  return (
    <>
      <p>
        Read {entries} {entries === 1 ? 'request' : 'requests'} from {clients.length}{' '}
        {clients.length === 1 ? 'client' : 'clients'} (IP address and user agent).{' '}
        {hopping === 0 ? 'No client moved between targets.' : `${hopping} moved between targets.`}
      </p>
      <p className="hint">
        Access logs carry no cookies, so stickiness can only be inferred. A client on several
        targets was not sticky, or its target failed, or its duration lapsed. Clients behind one NAT
        with the same browser look like one.
      </p>
      <ul className="hdr-clients">
        {clients.slice(0, SHOWN_CLIENTS).map((c) => (
          <li key={`${c.clientIp} ${c.userAgent}`} className={c.hopping ? 'hopping' : undefined}>
            <strong>
              {c.hopping ? '✗ Hops between targets: ' : '✓ One target: '}
              {c.clientIp}
            </strong>{' '}
            <span className="hdr-ua">{c.userAgent === '-' ? 'no user agent' : c.userAgent}</span>
            <br />
            {c.requests} {c.requests === 1 ? 'request' : 'requests'} on {c.ports.length}{' '}
            {c.ports.length === 1 ? 'connection' : 'connections'}:{' '}
            {c.targets.length === 0
              ? 'answered by the load balancer itself'
              : c.targets.map((t) => `${t.target} (${t.targetGroup}) × ${t.requests}`).join(', ')}
            {c.hopping &&
              `. Changed target ${c.switches} ${c.switches === 1 ? 'time' : 'times'}${c.switchedWithinConnection ? ', even on one connection' : ''}.`}
          </li>
        ))}
      </ul>
      {clients.length > SHOWN_CLIENTS && (
        <p>{clients.length - SHOWN_CLIENTS} more clients are not listed.</p>
      )}
      {malformed.length > 0 && (
        <>
          <h5>Lines not read</h5>
          <ul className="hdr-malformed">
            {malformed.slice(0, SHOWN_CLIENTS).map((m) => (
              <li key={m.line}>
                Line {m.line}: {m.reason}.
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  )
}
