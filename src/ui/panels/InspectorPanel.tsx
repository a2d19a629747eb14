// The HTTP inspector: every request as a row (newest first, filterable), the ALB's latest reasoning as a
// polite live region, and for the chosen row the raw request with its Cookie header, the response with
// its Set-Cookie lines, and the decision code with its explanation.
import { useId } from 'react'
import { DECISIONS } from '../../sim'
import { useUiStore, type UiState } from '../../store/uiStore'
import { httpMessage } from '../../view/httpMessage'
import { filterChoices, NO_TARGET, requestRows } from '../../view/requestList'
import { flowText, packetExchange } from '../../view/flowStickiness'
import { formatClock } from '../format'
import { useLab } from '../hooks/useLab'
import { NoCookieFix } from './NoCookieFix'
import './InspectorPanel.css'

/** How many rows the table shows; the core keeps the last 500 requests. */
const ROW_LIMIT = 100

type Filter = UiState['requestFilter']

export function InspectorPanel() {
  const filter = useUiStore((s) => s.requestFilter)
  const setFilter = useUiStore((s) => s.setRequestFilter)
  const selected = useUiStore((s) => s.selectedRequest)
  const latest = useLab((lab) => {
    const h = lab.history()
    const r = h[h.length - 1]
    return r === undefined ? null : { id: r.id, explanation: r.explanation }
  })
  const choices = useLab((lab) => {
    const h = lab.history()
    return {
      clients: filterChoices(
        lab.clients().map((c) => c.id),
        h.map((r) => r.clientId),
      ),
      targets: filterChoices(
        lab.instances().map((i) => i.id),
        h.flatMap((r) => (r.targetId === null ? [] : [r.targetId])),
      ),
    }
  })
  const uid = useId()
  // Remounting on a filter change gives the table a fresh selector (useLab memoises on the lab's revision only).
  const filterKey = `${filter.client}\u0000${filter.target}\u0000${filter.decision}`

  return (
    <section className="panel inspector-panel" aria-labelledby={`${uid}-heading`}>
      <h2 id={`${uid}-heading`}>HTTP inspector</h2>
      {/* Not a live region: the Narrator announces each request once, with the same reasoning. */}
      <p className="decision" data-testid="latest-decision">
        {latest
          ? latest.explanation
          : 'No request yet. Press “Send request” to send one through the load balancer.'}
      </p>
      <div className="inspector-filters">
        <label className="field-stack">
          Filter by client
          <select value={filter.client} onChange={(e) => setFilter({ client: e.target.value })}>
            <option value="">All clients</option>
            {choices.clients.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label className="field-stack">
          Filter by instance
          <select value={filter.target} onChange={(e) => setFilter({ target: e.target.value })}>
            <option value="">All instances</option>
            {choices.targets.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
            <option value={NO_TARGET}>None (answered by the load balancer)</option>
          </select>
        </label>
        <label className="field-stack">
          Filter by decision
          <select value={filter.decision} onChange={(e) => setFilter({ decision: e.target.value })}>
            <option value="">All decisions</option>
            {DECISIONS.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
      </div>
      <RequestTable key={filterKey} filter={filter} selected={selected} />
      {selected !== null && <RequestDetails key={selected} id={selected} />}
    </section>
  )
}

function RequestTable({ filter, selected }: { filter: Filter; selected: number | null }) {
  const selectRequest = useUiStore((s) => s.selectRequest)
  const rows = useLab((lab) => requestRows(lab.history(), filter, ROW_LIMIT))
  const filtered = filter.client !== '' || filter.target !== '' || filter.decision !== ''
  const uid = useId()
  return (
    // Focusable so keyboard users can scroll the table; named by its caption.
    <div
      className="table-wrap inspector-table"
      role="region"
      aria-labelledby={`${uid}-caption`}
      tabIndex={0}
    >
      <table className="log">
        <caption id={`${uid}-caption`} className="visually-hidden">
          Requests, newest first. Choose a request number to inspect it.
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Time</th>
            <th scope="col">Client</th>
            <th scope="col">Target</th>
            <th scope="col">Status</th>
            <th scope="col">Sticky</th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={7} className="empty">
                {filtered ? 'No request matches these filters.' : 'No requests yet.'}
              </td>
            </tr>
          )}
          {rows.map((r) => (
            <tr
              key={r.id}
              data-testid="request-row"
              className={r.id === selected ? 'selected' : undefined}
            >
              <td>
                <button
                  type="button"
                  className="row-select"
                  aria-pressed={r.id === selected}
                  onClick={() => selectRequest(r.id === selected ? null : r.id)}
                >
                  <span className="visually-hidden">Inspect request </span>#{r.id}
                </button>
              </td>
              <td>{formatClock(r.at)}</td>
              <td>
                {r.clientId}
                {r.method === 'OPTIONS' && ' · OPTIONS'}
              </td>
              <td data-testid="request-target">{r.targetId ?? '—'}</td>
              <td className={r.status >= 500 ? 'status-error' : undefined}>{r.status}</td>
              <td>{r.sticky ? 'sticky' : 'no'}</td>
              <td className="decision-code">{r.decision}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function RequestDetails({ id }: { id: number }) {
  const detail = useLab((lab) => {
    const r = lab.history().find((h) => h.id === id)
    if (r === undefined) return null
    const l = lab.listener()
    return {
      id: r.id,
      at: r.at,
      clientId: r.clientId,
      targetId: r.targetId,
      targetGroup: r.targetGroup,
      sticky: r.sticky,
      decision: r.decision,
      explanation: r.explanation,
      algorithm: r.algorithm,
      session: r.session ?? null,
      flow: r.flow ? flowText(r.flow) : null,
      packets: packetExchange(r),
      gateway: r.loadBalancerType === 'gateway',
      preflight: r.method === 'OPTIONS',
      crossSite: r.crossSite,
      kind: lab.clients().find((c) => c.id === r.clientId)?.kind ?? 'browser',
      message: httpMessage(r, {
        protocol: l.protocol === 'HTTPS' || l.protocol === 'TLS' ? 'HTTPS' : 'HTTP',
        port: l.port,
      }),
    }
  })
  const uid = useId()
  if (detail === null) {
    return (
      <p className="hint">
        Request #{id} is no longer in the lab’s history (it keeps the latest 500).
      </p>
    )
  }
  const { message } = detail
  return (
    <div
      className="request-details"
      aria-labelledby={`${uid}-title`}
      role="region"
      data-testid="request-details"
    >
      <h3 id={`${uid}-title`}>
        Request #{detail.id} from {detail.clientId} at {formatClock(detail.at)}
      </h3>
      {detail.packets !== null ? (
        <>
          <h4>Packets</h4>
          <pre className="http" data-testid="raw-packets">
            {`${detail.packets.sent}\n${detail.packets.outcome}`}
          </pre>
          <p className="hint">
            {detail.gateway
              ? 'A Gateway Load Balancer does not take part in HTTP: its appliances see the packets on their way to the destination, which answers the browser itself.'
              : 'No HTTP on this flow: no request line, Cookie or Set-Cookie header.'}
          </p>
        </>
      ) : (
        <>
          <h4>Request</h4>
          <pre className="http" data-testid="raw-request">
            {message.request.join('\n')}
          </pre>
          {!message.sentCookies && (
            <NoCookieFix
              preflight={detail.preflight}
              kind={detail.kind}
              crossSite={detail.crossSite}
            />
          )}
          <h4>Response</h4>
          <pre className="http" data-testid="raw-response">
            {message.response.join('\n')}
          </pre>
        </>
      )}
      <h4>Load balancer’s reasoning</h4>
      <dl className="reasoning">
        <dt>Decision</dt>
        <dd>
          <code data-testid="detail-decision">{detail.decision}</code>
          {detail.sticky ? ' (sticky)' : ' (not sticky)'}
        </dd>
        {detail.flow !== null && (
          <>
            <dt>Flow</dt>
            <dd>
              <code data-testid="detail-flow">{detail.flow}</code>
            </dd>
          </>
        )}
        <dt>Target</dt>
        <dd>
          {detail.targetId ?? 'none'}
          {detail.targetGroup !== null && ` in target group ${detail.targetGroup}`}
          {detail.algorithm !== null && ` · picked by ${detail.algorithm}`}
        </dd>
        {detail.session !== null && (
          <>
            <dt>Cart</dt>
            <dd>
              {detail.session.items} item{detail.session.items === 1 ? '' : 's'} in session{' '}
              {detail.session.id}
              {detail.session.lost && ' (the previous cart was lost)'}
            </dd>
          </>
        )}
      </dl>
      <p className="explanation" data-testid="detail-explanation">
        {detail.explanation}
      </p>
    </div>
  )
}
