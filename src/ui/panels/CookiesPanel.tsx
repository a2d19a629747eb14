// The browser's cookie jar for one client, laid out like DevTools' Cookies table: delete, clear and edit
// (tamper with) values, watch rows flash as responses rewrite them, see which cookies a cross-site request
// withholds and which Set-Cookie lines the browser refused, and X-ray what the simulated ALB cookie holds.
import { dictGet } from '../../sim'
import { useId, useMemo, useState } from 'react'
import type { XrayResult } from '../../sim'
import { reducedMotionOf, useUiStore } from '../../store/uiStore'
import {
  ALB_DNS_NAME,
  blockedSetCookies,
  carriesCrossSiteStickiness,
  changedCookies,
  cookieRows,
  describeContext,
  isLoadBalancerCookie,
  latestRequestOptions,
  requestContext,
  requestOptionsOf,
  sameSiteNoneLostOnHttp,
  type CookieChange,
  type CookieRow,
} from '../../view/cookieTable'
import { cookieValueProblem } from '../../view/cookieEdit'
import { AddCookieForm } from './AddCookieForm'
import { noCookiesNote } from '../../view/flowStickiness'
import { formatClock, formatDuration } from '../format'
import { useLab } from '../hooks/useLab'
import { useLabCall } from '../hooks/useLabCall'
import './switch.css'
import './CookiesPanel.css'
import { AWSALBCORS_HINT, needsAwsalbcorsHint } from '../../view/bindingHint'

export function CookiesPanel() {
  const clientIds = useLab((lab) => lab.clients().map((c) => c.id))
  const selected = useUiStore((s) => s.selectedClient)
  const selectClient = useUiStore((s) => s.selectClient)
  const xray = useUiStore((s) => s.xray)
  const setXray = useUiStore((s) => s.setXray)
  const uid = useId()
  // The store may name a client that was removed; show the first one then, without rewriting the store.
  const clientId =
    selected !== null && clientIds.includes(selected) ? selected : (clientIds[0] ?? null)
  const note = useLab((lab) => noCookiesNote(lab.loadBalancerType()))

  return (
    <section className="panel cookies-panel" aria-labelledby={`${uid}-heading`}>
      <div className="cookies-head">
        <h2 id={`${uid}-heading`}>Cookies</h2>
        {clientId !== null && (
          <label className="field-inline">
            Client
            <select value={clientId} onChange={(e) => selectClient(e.target.value)}>
              {clientIds.map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={xray}
            onChange={(e) => setXray(e.target.checked)}
          />
          X-ray
        </label>
      </div>
      <p className="cookie-domain">
        Site: <code>{ALB_DNS_NAME}</code> <span className="badge">simulated ALB DNS name</span>
      </p>
      {note !== null && (
        <p className="cookies-none" data-testid="cookies-none">
          {note}
        </p>
      )}
      {clientId === null ? (
        <p className="hint">No browsers. Add one in the Clients panel.</p>
      ) : (
        // Keyed by client: a fresh selector and no flashing when switching browsers.
        <CookieJar key={clientId} clientId={clientId} xray={xray} />
      )}
    </section>
  )
}

function CookieJar({ clientId, xray }: { clientId: string; xray: boolean }) {
  const call = useLabCall()
  const reducedMotion = useUiStore(reducedMotionOf)
  const uid = useId()
  const data = useLab((lab) => {
    const client = lab.clients().find((c) => c.id === clientId)
    if (client === undefined) return null
    const jar = lab.cookies(clientId)
    const history = lab.history()
    let latest: (typeof history)[number] | undefined
    for (let i = history.length - 1; i >= 0 && latest === undefined; i--)
      if (history[i]!.clientId === clientId) latest = history[i]
    // How the latest request was made (cross-site? credentials?) decides what the browser withholds and refuses.
    const options =
      latest === undefined
        ? undefined
        : requestOptionsOf(latest, () => latestRequestOptions(lab.log(), clientId))
    // Browsers speak HTTPS to HTTPS and TLS listeners and plain HTTP to every other kind.
    const lp = lab.listener().protocol
    const ctx = requestContext(options, lp === 'HTTPS' || lp === 'TLS' ? 'HTTPS' : 'HTTP', client)
    const rows = cookieRows(jar, ctx)
    const blocked =
      latest === undefined ? [] : blockedSetCookies(latest.setCookie, latest.at, ctx, jar)
    const xrays: Record<string, XrayResult | null> = {}
    for (const r of rows) if (isLoadBalancerCookie(r.name)) xrays[r.name] = lab.xray(r.value)
    return {
      cookiesEnabled: client.cookiesEnabled,
      rows,
      ctx,
      hasRequest: latest !== undefined,
      blocked,
      httpLoss: sameSiteNoneLostOnHttp(blocked, ctx),
      xrays,
    }
  })

  const values = useMemo(
    () => Object.fromEntries((data?.rows ?? []).map((r) => [r.name, r.value])),
    [data],
  )
  // Rows flash when their value changed since the previous render of this jar ("storing information from
  // previous renders"); the generation alternates the animation name so a second change restarts it.
  const [look, setLook] = useState<{
    values: Record<string, string>
    changes: Record<string, CookieChange>
    generation: number
  } | null>(null)
  if (look === null || JSON.stringify(look.values) !== JSON.stringify(values)) {
    setLook({
      values,
      changes: changedCookies(look?.values ?? null, data?.rows ?? []),
      generation: (look?.generation ?? 0) + 1,
    })
  }

  if (data === null) return null
  const { rows, ctx } = data
  const changes = look?.changes ?? {}
  const flashClass = reducedMotion ? 'changed-static' : `changed-${(look?.generation ?? 0) % 2}`
  const withheld = rows.filter((r) => !r.sent)
  const showVerdict =
    data.hasRequest && (ctx.crossSite || withheld.length > 0 || data.blocked.length > 0)

  return (
    <>
      {!data.cookiesEnabled && (
        <p className="cookie-callout" role="note">
          {clientId} has cookies disabled: the browser stores none and sends none, so every request
          reaches the load balancer without a stickiness cookie.
        </p>
      )}
      {/* Focusable so keyboard users can scroll the wide table; named by the caption. */}
      <div
        className="table-wrap cookie-table-wrap"
        role="region"
        aria-labelledby={`${uid}-caption`}
        tabIndex={0}
      >
        <table className="log cookie-table">
          <caption id={`${uid}-caption`}>Cookies stored by {clientId}’s browser</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
              <th scope="col">Domain</th>
              <th scope="col">Path</th>
              <th scope="col">Expires</th>
              <th scope="col">Size</th>
              <th scope="col">HttpOnly</th>
              <th scope="col">Secure</th>
              <th scope="col">SameSite</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={10} className="empty">
                  No cookies.
                </td>
              </tr>
            )}
            {rows.map((r) => (
              <CookieRowView
                key={r.name + '\u0000' + r.path}
                row={r}
                change={dictGet(changes, r.name)}
                flashClass={flashClass}
                onEdit={(value) => call('setCookie', clientId, r.name, value)}
                onDelete={() => call('deleteCookie', clientId, r.name)}
              />
            ))}
          </tbody>
        </table>
      </div>
      {needsAwsalbcorsHint(rows.map((r) => r.name)) && (
        <p className="hint" data-testid="awsalbcors-hint">
          {AWSALBCORS_HINT}
        </p>
      )}
      {xray && (
        <div className="xray-list" role="region" aria-labelledby={`${uid}-xray`} data-testid="xray">
          <h3 id={`${uid}-xray`}>
            X-ray <span className="badge warn">Simulator only: real AWS encrypts this cookie</span>
          </h3>
          <p className="hint">
            The simulator seals its load-balancer cookies with a key it can open. On AWS the value
            is encrypted with a rotating key that no client can read.
          </p>
          {rows.some((r) => isLoadBalancerCookie(r.name)) ? (
            <ul>
              {rows
                .filter((r) => isLoadBalancerCookie(r.name))
                .map((r) => (
                  <li key={r.name} data-testid={`xray-${r.name}`}>
                    <XrayText name={r.name} value={r.value} result={dictGet(data.xrays, r.name) ?? null} />
                  </li>
                ))}
            </ul>
          ) : (
            <p className="hint">No load-balancer cookie in this jar.</p>
          )}
        </div>
      )}
      {rows.length > 0 && (
        <div className="cookie-actions">
          <button type="button" className="btn" onClick={() => call('clearCookies', clientId)}>
            Clear all
          </button>
          <span className="hint">Edit a value and press Enter to tamper with it.</span>
        </div>
      )}
      {/* Folded: adding a cookie by hand is for experiments, and the panel's first screen stays short. */}
      {data.cookiesEnabled && (
        <details className="add-cookie-fold">
          <summary>Add a cookie by hand</summary>
          <AddCookieForm
            clientId={clientId}
            existing={rows.map((r) => r.name)}
            onAdd={(name, value) => call('setCookie', clientId, name, value)}
          />
        </details>
      )}
      {showVerdict && (
        <div
          className="cookie-verdict"
          role="region"
          aria-labelledby={`${uid}-verdict`}
          data-testid="cookie-verdict"
        >
          <h3 id={`${uid}-verdict`}>
            On {clientId}’s requests ({describeContext(ctx)})
          </h3>
          {rows.length > 0 && (
            <ul>
              {rows.map((r) => (
                <li key={r.name} className={r.sent ? 'sent' : 'withheld'}>
                  <span aria-hidden="true">{r.sent ? '✓ ' : '⊘ '}</span>
                  <strong>{r.name}</strong> {r.sent ? 'is sent' : `is withheld: ${r.withheld}`}.
                  {carriesCrossSiteStickiness(r, ctx) &&
                    ' It is SameSite=None; Secure, so it is the cookie that keeps this cross-site session sticky.'}
                </li>
              ))}
            </ul>
          )}
          {data.blocked.length > 0 && (
            <>
              <h4>Set-Cookie lines the browser refused on the latest response</h4>
              <ul>
                {data.blocked.map((b) => (
                  <li key={b.line} className="withheld">
                    <span aria-hidden="true">⊘ </span>
                    <strong>{b.name}</strong> was not stored: {b.reason}.
                    <code className="set-cookie-line">{b.line}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
          {data.httpLoss && (
            <p className="cookie-callout" data-testid="http-listener-explainer">
              On an HTTP listener a cross-site session cannot stay sticky: a SameSite=None cookie
              such as AWSALBCORS must be Secure, and a browser does not store Secure cookies
              received over http://. Use an HTTPS listener.
            </p>
          )}
        </div>
      )}
    </>
  )
}

interface CookieRowViewProps {
  row: CookieRow
  change: CookieChange | undefined
  flashClass: string
  onEdit: (value: string) => void
  onDelete: () => void
}

function CookieRowView({ row, change, flashClass, onEdit, onDelete }: CookieRowViewProps) {
  const classes = [change !== undefined ? flashClass : '', row.sent ? '' : 'not-sent']
    .filter(Boolean)
    .join(' ')
  return (
    <tr className={classes || undefined} data-testid={`cookie-row-${row.name}`}>
      <th scope="row">
        {row.name}
        {change !== undefined && <span className="badge change">{change}</span>}
      </th>
      <td className="value" data-label="Value">
        <ValueInput name={row.name} value={row.value} onCommit={onEdit} />
      </td>
      <td className="mono domain" title={row.domain} data-label="Domain">
        {row.domain}
      </td>
      <td className="mono" data-label="Path">
        {row.path}
      </td>
      <td className="mono" data-label="Expires">
        {row.expires}
      </td>
      <td data-label="Size">{row.size}</td>
      <td data-label="HttpOnly">
        <Check on={row.httpOnly} />
      </td>
      <td data-label="Secure">
        <Check on={row.secure} />
      </td>
      <td data-label="SameSite">
        {row.sameSite ?? (
          <span className="muted" title="No SameSite attribute: browsers treat it as Lax">
            Not set
          </span>
        )}
      </td>
      <td className="actions">
        <button type="button" className="btn small" onClick={onDelete}>
          Delete<span className="visually-hidden"> {row.name}</span>
        </button>
      </td>
    </tr>
  )
}

function Check({ on }: { on: boolean }) {
  return on ? (
    <>
      <span aria-hidden="true">✓</span>
      <span className="visually-hidden">Yes</span>
    </>
  ) : (
    <span className="visually-hidden">No</span>
  )
}

function XrayText({
  name,
  value,
  result,
}: {
  name: string
  value: string
  result: XrayResult | null
}) {
  if (value === '_remove_') {
    return (
      <>
        <strong>{name}</strong>: an unused shard. The load balancer writes “_remove_” into shards it
        does not need.
      </>
    )
  }
  if (result === null) {
    return (
      <>
        <strong>{name}</strong>: the load balancer cannot open this value (edited, truncated or
        sealed by another load balancer), so it ignores it, picks a target with the algorithm and
        writes a fresh cookie.
      </>
    )
  }
  return (
    <>
      <strong>{name}</strong>: <code>{result.kind}</code>, target group{' '}
      <strong>{result.targetGroup ?? 'unknown'}</strong>
      {result.targetId !== null && (
        <>
          , target <strong>{result.targetId}</strong>
        </>
      )}
      , issued at {formatClock(result.issuedAt)}, duration {formatDuration(result.durationSeconds)}{' '}
      (idle limit: sticky until {formatClock(result.issuedAt + result.durationSeconds)} unless a
      response refreshes it).
    </>
  )
}

function ValueInput({
  name,
  value,
  onCommit,
}: {
  name: string
  value: string
  onCommit: (value: string) => void
}) {
  // While the learner edits, the draft wins over new values from responses; Enter or leaving the field commits.
  // A value a browser would refuse stays in the field with the reason, and the jar keeps the old value.
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const errorId = useId()
  const commit = () => {
    if (draft === null) return
    if (draft !== value) {
      const problem = cookieValueProblem(name, draft)
      setError(problem)
      if (problem !== null) return
      onCommit(draft)
    }
    setDraft(null)
    setError(null)
  }
  return (
    <>
      <input
        className="cookie-value"
        type="text"
        aria-label={`Value of ${name}`}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? errorId : undefined}
        value={draft ?? value}
        size={Math.min(Math.max(value.length, 8), 20)}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            commit()
          } else if (e.key === 'Escape') {
            setDraft(null)
            setError(null)
          }
        }}
      />
      {error !== null && (
        <span id={errorId} className="field-error cookie-value-error" role="alert">
          Not changed. {error} Press Escape to put the old value back.
        </span>
      )}
    </>
  )
}
