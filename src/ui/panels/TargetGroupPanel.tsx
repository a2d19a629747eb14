// Target group settings: stickiness, routing algorithm, cross-zone, deregistration delay, slow start and
// health checks. The form edits a draft; "Apply" sends the changes in one go, shows AWS's error beside
// the field it concerns (changing nothing), or the equivalent AWS CLI commands.
import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { modifyHealthCheckCommand, modifyTargetGroupAttributesCommand } from '../../view/awsCli'
import {
  ALGORITHM_OPTIONS,
  attributeRange,
  CROSS_ZONE_OPTIONS,
  DURATION_PRESETS,
  changesFromDraft,
  draftFromConfig,
  durationOf,
  fieldForTargetGroupError,
  hasChanges,
  precheckHealthCheck,
  selectTargetGroupConfigs,
  withDuration,
  type StickinessChoice,
  type TargetGroupDraft,
  type TargetGroupField,
} from '../../view/targetGroupForm'
import { useLab } from '../hooks/useLab'
import { useLabCall } from '../hooks/useLabCall'
import { useLabEpoch } from './forms/useLabEpoch'
import { CliCommand } from './forms/CliCommand'
import { AttributeList } from './AttributeList'
import { ClbAttributesForm } from './ClbAttributesForm'
import { ClbStickinessForm } from './ClbStickinessForm'
import { FlowTargetGroupForm } from './FlowTargetGroupForm'
import { FieldError, type Failure } from './forms/FieldError'
import { FormActions } from './forms/FormActions'
import { NumberField } from './forms/NumberField'
import { HealthCheckFields } from './HealthCheckFields'
import './forms/forms.css'
import './TargetGroupPanel.css'

const STICKINESS_CHOICES: { value: StickinessChoice; label: ReactNode }[] = [
  { value: 'off', label: 'Off' },
  {
    value: 'lb_cookie',
    label: (
      <>
        Duration-based (<code>lb_cookie</code>)
      </>
    ),
  },
  {
    value: 'app_cookie',
    label: (
      <>
        Application-based (<code>app_cookie</code>)
      </>
    ),
  },
]

const range = (r: { min: number; max: number }) => `${r.min}–${r.max}`
// The ranges AWS accepts, from the core's attribute table (the same one its validation uses).
const DURATION = attributeRange('stickiness.lb_cookie.duration_seconds')
const DEREGISTRATION = attributeRange('deregistration_delay.timeout_seconds')
const SLOW_START = attributeRange('slow_start.duration_seconds')

export function TargetGroupPanel() {
  // A new lab (reset, load) or another load balancer type starts the panel afresh.
  const epoch = useLabEpoch()
  const type = useLab((lab) => lab.loadBalancerType())
  if (type === 'application') return <TargetGroupPanelBody key={epoch} />
  return <OtherTypePanel key={`${epoch}-${type}`} type={type} />
}

/** The same panel for NLB and GWLB target groups, and for CLB listener policies. */
function OtherTypePanel({ type }: { type: 'network' | 'gateway' | 'classic' }) {
  const headingId = useId()
  return (
    <section className="panel tg-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{type === 'classic' ? 'Stickiness policies' : 'Target group settings'}</h2>
      {type === 'classic' ? (
        <>
          <ClbStickinessForm headingId={headingId} />
          <ClbAttributesForm />
        </>
      ) : (
        <FlowTargetGroupForm type={type} headingId={headingId} />
      )}
      <AttributeList />
    </section>
  )
}

function TargetGroupPanelBody() {
  const call = useLabCall()
  const configs = useLab(selectTargetGroupConfigs)
  const appCookie = useLab((lab) => lab.app().sessionCookie?.name ?? null)
  const [chosen, setChosen] = useState('web')
  const [edit, setEdit] = useState<{ name: string; draft: TargetGroupDraft } | null>(null)
  const [error, setError] = useState<{ field: TargetGroupField; failure: Failure } | null>(null)
  const [status, setStatus] = useState('')
  const [applied, setApplied] = useState<string | null>(null)
  const headingId = useId()
  const ids = {
    group: useId(),
    stickiness: useId(),
    cookieName: useId(),
    algorithm: useId(),
    anomaly: useId(),
    crossZone: useId(),
  }

  const config = configs.find((c) => c.name === chosen) ?? configs[0]
  if (!config) return null
  const name = config.name
  // Until the learner edits, the form shows the lab's current settings.
  const draft = edit && edit.name === name ? edit.draft : draftFromConfig(config)
  const update = (patch: Partial<TargetGroupDraft>) =>
    setEdit({ name, draft: { ...draft, ...patch } })

  const visible = new Set<TargetGroupField>([
    'stickiness',
    'algorithm',
    'anomalyMitigation',
    'crossZone',
    'deregistrationDelay',
    'slowStart',
    'interval',
    'timeout',
    'healthyThreshold',
    'unhealthyThreshold',
  ])
  if (draft.stickiness !== 'off') visible.add('duration')
  if (draft.stickiness === 'app_cookie') visible.add('cookieName')
  // An error about a field that is hidden right now goes to the top of the form.
  const errorAt = (field: TargetGroupField): Failure | null => {
    if (!error) return null
    const at = visible.has(error.field) ? error.field : 'form'
    return at === field ? error.failure : null
  }
  const describedBy = (field: TargetGroupField, id: string, hint?: string) =>
    [hint, errorAt(field) ? `${id}-error` : null].filter(Boolean).join(' ') || undefined

  function apply(e: FormEvent) {
    e.preventDefault()
    if (!config) return
    setStatus('')
    const changes = changesFromDraft(draft, config)
    if (!hasChanges(changes)) {
      setError(null)
      setStatus('Nothing to apply: these are the current settings.')
      return
    }
    const fail = (failure: Failure) =>
      setError({ field: fieldForTargetGroupError(failure), failure })
    const attributes = Object.keys(changes.attributes).length > 0
    const healthCheck = Object.keys(changes.healthCheck).length > 0
    // Check the health-check call first so that a bad value there cannot leave the attributes applied.
    if (healthCheck) {
      const pre = precheckHealthCheck(config.healthCheck, changes.healthCheck)
      if (!pre.ok) return fail(pre)
    }
    if (attributes) {
      const r = call('modifyTargetGroupAttributes', name, changes.attributes)
      if (r && !r.ok) return fail(r)
    }
    if (healthCheck) {
      const r = call('modifyHealthCheck', name, changes.healthCheck)
      if (r && !r.ok) return fail(r)
    }
    const commands: string[] = []
    if (attributes) commands.push(modifyTargetGroupAttributesCommand(name, changes.attributes))
    if (healthCheck) commands.push(modifyHealthCheckCommand(name, changes.healthCheck))
    setApplied(commands.join('\n\n'))
    setError(null)
    setEdit(null)
    setStatus(`Applied to target group ${name}.`)
  }

  const formError = errorAt('form')
  const durationKey =
    draft.stickiness === 'app_cookie'
      ? 'stickiness.app_cookie.duration_seconds'
      : 'stickiness.lb_cookie.duration_seconds'
  const duration = durationOf(draft)

  return (
    <section className="panel tg-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Target group settings</h2>
      <form className="cfg-form" noValidate onSubmit={apply} aria-labelledby={headingId}>
        <FieldError id={`${ids.group}-form-error`} error={formError} />
        <div className="cfg-field">
          <label htmlFor={ids.group}>Target group</label>
          <select
            id={ids.group}
            value={name}
            onChange={(e) => {
              setChosen(e.target.value)
              setError(null)
              setStatus('')
            }}
          >
            {configs.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </div>

        <fieldset
          role="radiogroup"
          aria-invalid={errorAt('stickiness') ? true : undefined}
          aria-describedby={describedBy('stickiness', ids.stickiness)}
        >
          <legend>Stickiness</legend>
          <div className="cfg-choices">
            {STICKINESS_CHOICES.map((c) => (
              <label key={c.value} className="cfg-choice">
                <input
                  type="radio"
                  name={`${ids.stickiness}-choice`}
                  value={c.value}
                  checked={draft.stickiness === c.value}
                  onChange={() => update({ stickiness: c.value })}
                />
                <span>{c.label}</span>
              </label>
            ))}
          </div>
          <FieldError id={`${ids.stickiness}-error`} error={errorAt('stickiness')} />

          {draft.stickiness !== 'off' ? (
            <>
              <NumberField
                label="Stickiness duration (seconds)"
                value={duration}
                onChange={(v) => setEdit({ name, draft: withDuration(draft, v) })}
                min={DURATION.min}
                max={DURATION.max}
                hint={`${range(DURATION)} seconds (up to 7 days). Sets ${durationKey}.`}
                error={errorAt('duration')}
              />
              <div className="cfg-presets" role="group" aria-label="Duration presets">
                {DURATION_PRESETS.map((p) => (
                  <button
                    key={p.seconds}
                    type="button"
                    className="btn"
                    aria-pressed={duration.trim() === String(p.seconds)}
                    onClick={() => setEdit({ name, draft: withDuration(draft, String(p.seconds)) })}
                  >
                    {p.label}
                  </button>
                ))}
              </div>
            </>
          ) : null}

          {draft.stickiness === 'app_cookie' ? (
            <div className="cfg-field">
              <label htmlFor={ids.cookieName}>App cookie name</label>
              <input
                id={ids.cookieName}
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={draft.cookieName}
                onChange={(e) => update({ cookieName: e.target.value })}
                aria-invalid={errorAt('cookieName') ? true : undefined}
                aria-describedby={describedBy(
                  'cookieName',
                  ids.cookieName,
                  `${ids.cookieName}-hint`,
                )}
              />
              <p id={`${ids.cookieName}-hint`} className="cfg-hint">
                The cookie your application sets
                {appCookie ? ` (this lab's app sets ${appCookie})` : ''}. Names starting with
                AWSALB, AWSALBAPP or AWSALBTG are reserved.
              </p>
              <FieldError id={`${ids.cookieName}-error`} error={errorAt('cookieName')} />
            </div>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>Routing</legend>
          <div className="cfg-field">
            <label htmlFor={ids.algorithm}>Load balancing algorithm</label>
            <select
              id={ids.algorithm}
              value={draft.algorithm}
              onChange={(e) => update({ algorithm: e.target.value })}
              aria-invalid={errorAt('algorithm') ? true : undefined}
              aria-describedby={describedBy('algorithm', ids.algorithm)}
            >
              {ALGORITHM_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            <FieldError id={`${ids.algorithm}-error`} error={errorAt('algorithm')} />
          </div>
          <div className="cfg-field">
            <label className="cfg-choice">
              <input
                type="checkbox"
                checked={draft.anomalyMitigation === 'on'}
                onChange={(e) => update({ anomalyMitigation: e.target.checked ? 'on' : 'off' })}
                aria-invalid={errorAt('anomalyMitigation') ? true : undefined}
                aria-describedby={describedBy(
                  'anomalyMitigation',
                  ids.anomaly,
                  `${ids.anomaly}-hint`,
                )}
              />
              <span>Anomaly mitigation</span>
            </label>
            <p id={`${ids.anomaly}-hint`} className="cfg-hint">
              Only with weighted random.
            </p>
            <FieldError id={`${ids.anomaly}-error`} error={errorAt('anomalyMitigation')} />
          </div>
          <div className="cfg-field">
            <label htmlFor={ids.crossZone}>Cross-zone load balancing</label>
            <select
              id={ids.crossZone}
              value={draft.crossZone}
              onChange={(e) => update({ crossZone: e.target.value })}
              aria-invalid={errorAt('crossZone') ? true : undefined}
              aria-describedby={describedBy('crossZone', ids.crossZone)}
            >
              {CROSS_ZONE_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            <FieldError id={`${ids.crossZone}-error`} error={errorAt('crossZone')} />
          </div>
          <NumberField
            label="Deregistration delay (seconds)"
            value={draft.deregistrationDelay}
            onChange={(v) => update({ deregistrationDelay: v })}
            min={DEREGISTRATION.min}
            max={DEREGISTRATION.max}
            hint={`${range(DEREGISTRATION)} seconds (default 300).`}
            error={errorAt('deregistrationDelay')}
          />
          <NumberField
            label="Slow start duration (seconds)"
            value={draft.slowStart}
            onChange={(v) => update({ slowStart: v })}
            min={SLOW_START.zero ? 0 : SLOW_START.min}
            max={SLOW_START.max}
            hint={`${range(SLOW_START)} seconds, or 0 for off.`}
            error={errorAt('slowStart')}
          />
        </fieldset>

        <HealthCheckFields draft={draft} update={update} errorAt={errorAt} />

        <FormActions label="Apply" status={status} />
      </form>
      {applied ? (
        <CliCommand command={applied} subject="target group" />
      ) : (
        <p className="cfg-hint tg-cli-hint">
          After “Apply”, the equivalent aws elbv2 commands appear here.
        </p>
      )}
      <AttributeList />
    </section>
  )
}
