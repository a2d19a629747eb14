// The simulated browsers: add and remove them, send requests (plain, add-to-cart, auto-refresh on the
// virtual clock), switch cookies, CORS and user agent per browser, pick where the app keeps carts, and
// see each browser's cart, including the moment a cart was lost. Under NLB and GWLB each card also has the
// client's source IP and flow choices (ClientFlowFields, loaded only then).
import { lazy, Suspense, useId, useState, type FormEvent } from 'react'
import { useUiStore } from '../../store/uiStore'
import {
  AUTO_REFRESH_PERIODS,
  autoRefreshLabel,
  cartLossText,
  cartOf,
  type AutoRefreshPeriod,
} from '../../view/clientControls'
import type * as ClientName from '../../view/clientName'
import type { Credentials } from '../../view/cookieTable'
import { effectiveProtocol, flowProtocols } from '../../view/flowRequest'
import { LOAD_BALANCER_INFO } from '../../view/loadBalancerType'
import { formatClock } from '../format'
import {
  DEFAULT_MODE,
  forgetClientMode,
  requestOptions,
  setClientMode,
  useAutoRefresh,
  useClientModes,
  type ClientMode,
} from '../hooks/clientModes'
import { useLabActor } from '../hooks/labActorContext'
import { useLab } from '../hooks/useLab'
import { useCan } from '../hooks/useCan'
import { useLabCall } from '../hooks/useLabCall'
import './switch.css'
import './ClientsPanel.css'
import { CROSS_SITE_HINT, CROSS_SITE_SWITCH } from '../../view/crossSiteWords'
import { ClientKindField } from './ClientKindField'
import { PreflightSwitch } from './PreflightSwitch'
import { AppCookieSizeField } from './AppCookieSizeField'

// Source IPs and flows matter only under NLB and GWLB: their fields load when such a type is first chosen.
const loadFlowFields = () => import('./ClientFlowFields')
const ClientFlowFields = lazy(() => loadFlowFields().then((m) => ({ default: m.ClientFlowFields })))
const NatGroups = lazy(() => loadFlowFields().then((m) => ({ default: m.NatGroups })))

/** Browsers the panel lists at first, and how many more each "Show more" adds. */
const CLIENT_PAGE = 25

export function ClientsPanel() {
  const actor = useLabActor()
  const call = useLabCall()
  const clientIds = useLab((lab) => lab.clients().map((c) => c.id))
  const sessionStore = useLab((lab) => lab.app().sessionStore)
  const flows = useLab((lab) => LOAD_BALANCER_INFO[lab.loadBalancerType()].usesFlows)
  // The modes are shared with the stage's browser cards (clientModes.ts).
  const modes = useClientModes()
  useAutoRefresh(actor)
  // Thousands of browsers (an import, a big test) would be thousands of cards: list them a page at a time.
  const [listed, setListed] = useState(CLIENT_PAGE)
  const setMode = (id: string, patch: Partial<ClientMode>) =>
    setClientMode(actor.getSnapshot().context.lab, id, patch)

  return (
    <section className="panel clients-panel" aria-labelledby="clients-heading">
      <h2 id="clients-heading">Clients</h2>
      <AddClientForm existing={clientIds} onAdd={(name) => call('addClient', name)} />
      <fieldset className="session-store">
        <legend>Session store</legend>
        <p className="hint">Where the shop application keeps each session’s cart.</p>
        <div className="radio-row">
          <label className="radio">
            <input
              type="radio"
              name="session-store"
              value="memory"
              checked={sessionStore === 'memory'}
              onChange={() => call('configureApp', { sessionStore: 'memory' })}
            />
            In instance memory
          </label>
          <label className="radio">
            <input
              type="radio"
              name="session-store"
              value="external"
              checked={sessionStore === 'external'}
              onChange={() => call('configureApp', { sessionStore: 'external' })}
            />
            External store (ElastiCache)
          </label>
        </div>
      </fieldset>
      <AppCookieSizeField />
      {flows && (
        <Suspense fallback={null}>
          <NatGroups />
        </Suspense>
      )}
      {clientIds.length === 0 ? (
        <p className="hint">No browsers yet. Add one with “Add client”.</p>
      ) : (
        <>
          <ul className="client-list">
            {clientIds.slice(0, listed).map((id, i) => (
              <li key={id}>
                <ClientCard
                  id={id}
                  colorIndex={i}
                  mode={modes.get(id) ?? DEFAULT_MODE}
                  onMode={(patch) => setMode(id, patch)}
                  onRemove={() => {
                    forgetClientMode(actor.getSnapshot().context.lab, id)
                    call('removeClient', id)
                  }}
                />
              </li>
            ))}
          </ul>
          {clientIds.length > listed && (
            <p className="client-list-more">
              <span>
                Showing {listed.toLocaleString('en-US')} of{' '}
                {clientIds.length.toLocaleString('en-US')} browsers.
              </span>{' '}
              <button type="button" onClick={() => setListed((n) => n + CLIENT_PAGE)}>
                Show {Math.min(CLIENT_PAGE, clientIds.length - listed).toLocaleString('en-US')} more
              </button>
            </p>
          )}
        </>
      )}
    </section>
  )
}

/** The name rules (with zod) load when the learner first touches the form, not with the page (clientName.ts). */
let nameRules: Promise<typeof ClientName> | null = null
const loadNameRules = () => (nameRules ??= import('../../view/clientName'))

function AddClientForm({ existing, onAdd }: { existing: string[]; onAdd: (name: string) => void }) {
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const inputId = useId()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const trimmed = name.trim()
    // Already loaded when the field was focused; otherwise (a submit without focusing it) a few milliseconds.
    void loadNameRules().then(({ validateClientName }) => {
      const problem = validateClientName(trimmed, existing)
      setError(problem)
      if (problem !== null) return
      onAdd(trimmed)
      setName((current) => (current.trim() === trimmed ? '' : current))
    })
  }
  return (
    <form className="add-client" onSubmit={submit} noValidate>
      <label htmlFor={inputId}>Client name</label>
      <div className="add-client-row">
        <input
          id={inputId}
          type="text"
          value={name}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error !== null}
          aria-describedby={`${inputId}-hint${error !== null ? ` ${inputId}-error` : ''}`}
          onFocus={() => void loadNameRules()}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="btn">
          Add client
        </button>
      </div>
      <p id={`${inputId}-hint`} className="hint">
        Letters, digits, - and _, up to 24 characters.
      </p>
      {error !== null && (
        <p id={`${inputId}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}

interface ClientCardProps {
  id: string
  colorIndex: number
  mode: ClientMode
  onMode: (patch: Partial<ClientMode>) => void
  onRemove: () => void
}

function ClientCard({ id, colorIndex, mode, onMode, onRemove }: ClientCardProps) {
  const canRemove = useCan({ call: 'removeClient', args: [id] })
  const actor = useLabActor()
  const call = useLabCall()
  const select = useUiStore((s) => s.selectClient)
  const uid = useId()
  const client = useLab((lab) => lab.clients().find((c) => c.id === id) ?? null)
  const latest = useLab((lab) => {
    const h = lab.history()
    for (let i = h.length - 1; i >= 0; i--) {
      const r = h[i]!
      if (r.clientId === id)
        return { id: r.id, targetId: r.targetId, status: r.status, sticky: r.sticky }
    }
    return null
  })
  const cart = useLab((lab) => cartOf(lab.history(), id, lab.app().sessionStore))
  const flows = useLab((lab) => LOAD_BALANCER_INFO[lab.loadBalancerType()].usesFlows)
  const alb = useLab((lab) => lab.loadBalancerType() === 'application')
  const protocols = useLab((lab) => flowProtocols(lab.loadBalancerType(), lab.listener().protocol))
  if (client === null) return null
  // ICMP has no ports, so there is no new connection to open: every packet between the two addresses is one flow.
  const icmp = effectiveProtocol(mode.flow, protocols) === 'ICMP'

  const send = (path: string, extra?: { newConnection: true }) => {
    select(id)
    call('request', id, {
      ...requestOptions(mode, path, actor.getSnapshot().context.lab),
      ...extra,
    })
  }
  return (
    <div
      role="group"
      aria-label={`Client ${id}`}
      className={`client-card client-c${colorIndex % 8}`}
    >
      <div className="client-head">
        <span className="swatch" aria-hidden="true">
          {id.slice(0, 1).toUpperCase()}
        </span>
        <span className="client-id">{id}</span>
        <button
          type="button"
          className="btn ghost remove-client"
          onClick={onRemove}
          disabled={!canRemove}
        >
          Remove<span className="visually-hidden"> {id}</span>
        </button>
      </div>
      <div className="client-actions">
        <button type="button" className="btn primary" onClick={() => send('/')}>
          Send request
        </button>
        <button type="button" className="btn" onClick={() => send('/cart/add')}>
          Add to cart
        </button>
        {flows && (
          <button
            type="button"
            className="btn"
            disabled={icmp}
            onClick={() => send('/', { newConnection: true })}
          >
            New connection
          </button>
        )}
      </div>
      <p className="client-latest">
        {latest === null
          ? 'No request sent yet.'
          : `Latest: #${latest.id} → ${latest.targetId ?? 'no instance'} · ${latest.status} · ${latest.sticky ? 'sticky' : 'not sticky'}`}
      </p>
      <div className="cart" data-testid={`cart-${id}`}>
        {cart.items === null
          ? 'Cart: no session yet'
          : `Cart: ${cart.items} item${cart.items === 1 ? '' : 's'}`}
      </div>
      {cart.lastLoss !== null && (
        <p className="cart-lost" data-testid={`cart-lost-${id}`}>
          <span aria-hidden="true">⚠ </span>
          {cartLossText(cart.lastLoss)}{' '}
          <span className="cart-lost-time">(at {formatClock(cart.lastLoss.at)})</span>
        </p>
      )}
      {flows && (
        <Suspense fallback={null}>
          <ClientFlowFields
            id={id}
            choice={mode.flow}
            onChoice={(patch) => onMode({ flow: { ...mode.flow, ...patch } })}
          />
        </Suspense>
      )}
      <div className="client-options">
        <ClientKindField id={id} kind={client.kind} />
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            disabled={client.kind !== 'browser'}
            checked={client.cookiesEnabled}
            onChange={(e) => call('setClientOptions', id, { cookiesEnabled: e.target.checked })}
          />
          Cookies enabled
        </label>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={mode.cors}
            aria-describedby={mode.cors ? `${uid}-cross-site` : undefined}
            onChange={(e) => onMode({ cors: e.target.checked })}
          />
          {CROSS_SITE_SWITCH}
        </label>
        {mode.cors && (
          <p id={`${uid}-cross-site`} className="hint">
            {CROSS_SITE_HINT}
          </p>
        )}
        {mode.cors && (
          <label className="field-inline">
            Credentials
            <select
              value={mode.credentials}
              onChange={(e) => onMode({ credentials: e.target.value as Credentials })}
            >
              <option value="include">include</option>
              <option value="same-origin">same-origin</option>
              <option value="omit">omit</option>
            </select>
          </label>
        )}
        {mode.cors && alb && (
          <PreflightSwitch on={mode.preflight} onChange={(on) => onMode({ preflight: on })} />
        )}
        <label className="field-inline">
          User agent
          <select
            value={client.userAgent}
            onChange={(e) =>
              call('setClientOptions', id, { userAgent: e.target.value as 'chromium' | 'other' })
            }
          >
            <option value="chromium">Chromium ≥ 80</option>
            <option value="other">Other browser or client</option>
          </select>
        </label>
        <label className="field-inline">
          Auto-refresh
          <select
            value={mode.autoRefresh}
            aria-describedby={`${uid}-refresh`}
            onChange={(e) => onMode({ autoRefresh: Number(e.target.value) as AutoRefreshPeriod })}
          >
            {AUTO_REFRESH_PERIODS.map((p) => (
              <option key={p} value={p}>
                {autoRefreshLabel(p)}
              </option>
            ))}
          </select>
        </label>
        <p id={`${uid}-refresh`} className="hint">
          Virtual time: one request each time the lab clock passes a multiple of the period.
        </p>
      </div>
    </div>
  )
}
