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
  requestContext,
  requestOptionsOf,
  sameSiteNoneLostOnHttp,
  type CookieChange,
} from '../../view/cookieTable'
import { AddCookieForm } from './AddCookieForm'
import { noCookiesNote } from '../../view/flowStickiness'
import { CookieRowView, XrayText } from './CookieRowView'
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
  const clientId = clientIds.find((id) => id === selected) ?? clientIds[0] ?? null
  const note = useLab((lab) => noCookiesNote(lab.loadBalancerType()))

  return (
    <section className="panel cookies-panel" aria-labelledby={`${uid}-heading`}>
      <div className="cookies-head">
        <h2 id={`${uid}-heading`}>Cookies</h2>
        {/* One browser needs no chooser: the table's caption names it. */}
        {clientId !== null && clientIds.length > 1 && (
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
    const options = latest === undefined ? undefined : requestOptionsOf(latest)
    // Browsers speak HTTPS to HTTPS and TLS listeners and plain HTTP to every other kind.
    const lp = lab.listener().protocol
    const ctx = requestContext(options, lp === 'HTTPS' || lp === 'TLS' ? 'HTTPS' : 'HTTP', client)
    const rows = cookieRows(jar, ctx)
    const blocked = latest === undefined ? [] : blockedSetCookies(latest, jar)
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
                clientId={clientId}
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
                    <XrayText
                      name={r.name}
                      value={r.value}
                      result={dictGet(data.xrays, r.name) ?? null}
                    />
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
