// Listener and rules: the listener protocol, and the forward action — one target group, or a weighted
// blue/green forward to web and green with target-group stickiness (AWSALBTG). AWS's errors appear
// beside the fields; after a change, the equivalent aws elbv2 modify-listener command.
import { useId, useState, type FormEvent } from 'react'
import type { ForwardConfig } from '../../sim'
import { modifyListenerForwardCommand } from '../../view/awsCli'
import {
  GREEN_TARGET_COUNT,
  GREEN_TARGET_GROUP,
  GROUP_STICKINESS_RANGE,
  PRIMARY_TARGET_GROUP,
  TG_STICKINESS_CONSOLE_DEFAULT_SECONDS,
  WEIGHT_RANGE,
  fieldForForwardError,
  forwardConfigFromDraft,
  forwardDraftFromListener,
  isWeighted,
  sameField,
  weightShares,
  weightedForwardOff,
  weightedForwardOn,
  type ForwardDraft,
  type ListenerField,
} from '../../view/listenerForm'

const weightRange = `${WEIGHT_RANGE.min}–${WEIGHT_RANGE.max}`
import { useLab } from '../hooks/useLab'
import { useLabCall } from '../hooks/useLabCall'
import { useLabEpoch } from './forms/useLabEpoch'
import { CliCommand } from './forms/CliCommand'
import { FieldError, type Failure } from './forms/FieldError'
import { NumberField } from './forms/NumberField'
import { CdnSection } from './CdnSection'
import { OuterLayerSection } from './OuterLayerSection'
import { TcpIdleTimeoutForm } from './TcpIdleTimeoutForm'
import './forms/forms.css'
import './switch.css'
import './ListenerPanel.css'

const PROTOCOLS = ['HTTP', 'HTTPS'] as const

export function ListenerPanel() {
  // A new lab (reset, load) starts the panel afresh.
  const epoch = useLabEpoch()
  const type = useLab((lab) => lab.loadBalancerType())
  return type === 'application' ? <ListenerPanelBody key={epoch} /> : <OtherListener />
}

/** NLB, GWLB and CLB listeners have no HTTP rules, weights or target group stickiness: say what they do. */
function OtherListener() {
  const headingId = useId()
  const text = useLab((lab) => {
    const l = lab.listener()
    const group = l.forward.targetGroups[0]?.name ?? '—'
    const type = lab.loadBalancerType()
    if (type === 'network')
      return `${l.protocol}:${l.port} listener forwarding to target group ${group}. An NLB listener forwards connections to one target group: there are no HTTP rules, weights or cookies.`
    if (type === 'gateway')
      return `A Gateway Load Balancer listener has no protocol or port to set: it sends every IP packet to target group ${group}, encapsulated in GENEVE on port ${l.port}.`
    return `${l.protocol}:${l.port} listener to the instances’ ${l.instanceProtocol ?? 'HTTP'}:${l.instancePort ?? 80}. Stickiness is a policy on this listener: see Stickiness policies.`
  })
  return (
    <section className="panel listener-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Listener and rules</h2>
      <p className="cfg-hint" data-testid="listener-summary">
        {text}
      </p>
      <TcpIdleTimeoutForm />
    </section>
  )
}

function ListenerPanelBody() {
  const call = useLabCall()
  const listener = useLab((lab) => lab.listener())
  const groups = useLab((lab) =>
    lab
      .targetGroups()
      .map((g) => ({ name: g.name, sticky: g.attributes['stickiness.enabled'] === 'true' })),
  )
  const [draft, setDraft] = useState<ForwardDraft | null>(null)
  const [error, setError] = useState<{ field: ListenerField; failure: Failure } | null>(null)
  const [status, setStatus] = useState('')
  const [cli, setCli] = useState<string | null>(null)
  const headingId = useId()
  const protocolHint = useId()
  const switchId = useId()

  const weighted = isWeighted(listener)
  // Until the learner edits, the rule form shows the listener's current forward action.
  const shown = draft ?? forwardDraftFromListener(listener)
  const shares = weightShares(shown)
  const errorAt = (field: ListenerField): Failure | null =>
    error && sameField(error.field, field) ? error.failure : null
  const primary = groups.some((g) => g.name === PRIMARY_TARGET_GROUP)
    ? PRIMARY_TARGET_GROUP
    : (listener.forward.targetGroups[0]?.name ?? PRIMARY_TARGET_GROUP)

  /** Sends one forward action; on success shows the CLI command and resets the draft. */
  function sendForward(forward: ForwardConfig, done: string): boolean {
    const r = call('setForward', forward)
    if (r && !r.ok) {
      setError({
        field: fieldForForwardError(
          r,
          forward.targetGroups.map((g) => g.name),
        ),
        failure: r,
      })
      setStatus('')
      return false
    }
    setError(null)
    setDraft(null)
    setCli(modifyListenerForwardCommand(forward, listener.port))
    setStatus(done)
    return true
  }

  function toggleWeighted(on: boolean) {
    setStatus('')
    if (!on) {
      sendForward(weightedForwardOff(primary), `The listener forwards to ${primary} only.`)
      return
    }
    let created = ''
    if (!groups.some((g) => g.name === GREEN_TARGET_GROUP)) {
      const r = call('createTargetGroup', GREEN_TARGET_GROUP, { targets: GREEN_TARGET_COUNT })
      if (r && !r.ok) {
        setError({ field: { kind: 'weighted' }, failure: r })
        return
      }
      created = `Created target group ${GREEN_TARGET_GROUP} with ${GREEN_TARGET_COUNT} new instances. `
    }
    const anySticky = groups.some(
      (g) => (g.name === primary || g.name === GREEN_TARGET_GROUP) && g.sticky,
    )
    sendForward(
      weightedForwardOn({ primary, second: GREEN_TARGET_GROUP, anySticky }),
      `${created}Weighted forward: ${primary} and ${GREEN_TARGET_GROUP} at weight 1 each.`,
    )
  }

  function applyRule(e: FormEvent) {
    e.preventDefault()
    sendForward(forwardConfigFromDraft(shown), 'Rule applied.')
  }

  const weightedError = errorAt({ kind: 'weighted' })
  const stickinessError = errorAt({ kind: 'groupStickiness' })

  return (
    <section className="panel listener-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Listener and rules</h2>
      <div className="cfg-form">
        <fieldset role="radiogroup" aria-describedby={protocolHint}>
          <legend>Listener protocol</legend>
          <div className="cfg-choices inline">
            {PROTOCOLS.map((p) => (
              <label key={p} className="cfg-choice">
                <input
                  type="radio"
                  name={`${headingId}-protocol`}
                  value={p}
                  checked={listener.protocol === p}
                  onChange={() => {
                    call('setListenerProtocol', p)
                    setStatus(`The listener now uses ${p}.`)
                  }}
                />
                <span>{p}</span>
              </label>
            ))}
          </div>
          <p id={protocolHint} className="cfg-hint">
            HTTP listens on port 80 and HTTPS on 443. Over plain HTTP, browsers drop Secure cookies
            such as AWSALBCORS.
          </p>
        </fieldset>

        <div className="cfg-field">
          <label className="switch">
            <input
              id={switchId}
              type="checkbox"
              role="switch"
              checked={weighted}
              onChange={(e) => toggleWeighted(e.target.checked)}
              aria-invalid={weightedError ? true : undefined}
              aria-describedby={[`${switchId}-hint`, weightedError ? `${switchId}-error` : null]
                .filter(Boolean)
                .join(' ')}
            />
            <span>Weighted forward (blue/green)</span>
          </label>
          <p id={`${switchId}-hint`} className="cfg-hint">
            Forwards to {primary} and {GREEN_TARGET_GROUP} by weight. Turning it on creates{' '}
            {GREEN_TARGET_GROUP} with {GREEN_TARGET_COUNT} instances if it does not exist.
          </p>
          <FieldError id={`${switchId}-error`} error={weightedError} />
        </div>

        {weighted ? (
          <form className="cfg-form" noValidate onSubmit={applyRule} aria-label="Forward rule">
            <fieldset>
              <legend>Target group weights</legend>
              <div className="cfg-grid">
                {shown.weights.map((w, i) => (
                  <NumberField
                    key={w.name}
                    label={`Weight for ${w.name}`}
                    value={w.weight}
                    onChange={(v) =>
                      setDraft({
                        ...shown,
                        weights: shown.weights.map((x, j) => (j === i ? { ...x, weight: v } : x)),
                      })
                    }
                    min={WEIGHT_RANGE.min}
                    max={WEIGHT_RANGE.max}
                    hint={
                      shares[i] === null || shares[i] === undefined
                        ? weightRange
                        : `${weightRange} · ${shares[i]} % of weighted requests`
                    }
                    error={errorAt({ kind: 'weight', name: w.name })}
                  />
                ))}
              </div>
            </fieldset>
            <fieldset>
              <legend>Target group stickiness</legend>
              <div className="cfg-field">
                <label className="cfg-choice">
                  <input
                    type="checkbox"
                    checked={shown.groupStickiness}
                    onChange={(e) => setDraft({ ...shown, groupStickiness: e.target.checked })}
                    aria-invalid={stickinessError ? true : undefined}
                    aria-describedby={[
                      `${switchId}-tgs-hint`,
                      stickinessError ? `${switchId}-tgs-error` : null,
                    ]
                      .filter(Boolean)
                      .join(' ')}
                  />
                  <span>Target group stickiness</span>
                </label>
                <p id={`${switchId}-tgs-hint`} className="cfg-hint">
                  Binds a browser to one target group with the AWSALBTG cookie. Required when a
                  group in the rule has sticky sessions.
                </p>
                <FieldError id={`${switchId}-tgs-error`} error={stickinessError} />
              </div>
              <NumberField
                label="Target group stickiness duration (seconds)"
                value={shown.groupStickinessDuration}
                onChange={(v) => setDraft({ ...shown, groupStickinessDuration: v })}
                min={GROUP_STICKINESS_RANGE.min}
                max={GROUP_STICKINESS_RANGE.max}
                hint={`${GROUP_STICKINESS_RANGE.min}–${GROUP_STICKINESS_RANGE.max} seconds (console default ${TG_STICKINESS_CONSOLE_DEFAULT_SECONDS}). AWS checks it even while target group stickiness is off.`}
                error={errorAt({ kind: 'groupStickinessDuration' })}
              />
            </fieldset>
            <div className="cfg-actions">
              <button type="submit" className="btn primary">
                Apply rule
              </button>
            </div>
          </form>
        ) : null}
        <p className="cfg-status" role="status">
          {status}
        </p>
      </div>
      {cli ? (
        <CliCommand
          command={cli}
          subject="listener"
          note="Set LB_ARN to your load balancer's ARN first."
        />
      ) : null}
      <CdnSection />
      <OuterLayerSection />
    </section>
  )
}
