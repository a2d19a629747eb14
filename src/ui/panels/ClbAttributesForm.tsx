// The Classic Load Balancer's attributes (ModifyLoadBalancerAttributes on the elb API): connection draining, which
// the lab models (a deregistered instance drains this long, shown as a countdown on the stage), and the idle timeout,
// cross-zone load balancing and access logs, which it accepts and shows as AWS does but has nothing to act on.
// "Apply" sends the structures that changed; AWS's error appears beside its field, the equivalent command below.
import { useId, useState, type FormEvent } from 'react'
import { CLB_DRAINING_TIMEOUT_RANGE, CLB_IDLE_TIMEOUT_RANGE } from '../../sim'
import { modifyClassicLoadBalancerAttributesCommand } from '../../view/awsCli'
import {
  attributesFromDraft,
  draftFromAttributes,
  fieldForClbAttributesError,
  type ClbAttributesDraft,
  type ClbAttributesField,
} from '../../view/clbAttributesForm'
import { useLab } from '../hooks/useLab'
import { useLabCall } from '../hooks/useLabCall'
import { CliCommand } from './forms/CliCommand'
import { FieldError, type Failure } from './forms/FieldError'
import { FormActions } from './forms/FormActions'
import { NumberField } from './forms/NumberField'
import './switch.css'

const NO_EFFECT = 'Accepted; no effect in this simulator'

export function ClbAttributesForm() {
  const call = useLabCall()
  const uid = useId()
  const current = useLab((lab) => lab.describeClassicLoadBalancerAttributes())
  const [edit, setEdit] = useState<ClbAttributesDraft | null>(null)
  const [error, setError] = useState<{ field: ClbAttributesField; failure: Failure } | null>(null)
  const [status, setStatus] = useState('')
  const [cli, setCli] = useState<string | null>(null)
  if (current === null) return null
  // Until the learner edits, the form shows the lab's attributes.
  const draft = edit ?? draftFromAttributes(current)
  const update = (patch: Partial<ClbAttributesDraft>) => setEdit({ ...draft, ...patch })
  const errorAt = (f: ClbAttributesField) => (error && error.field === f ? error.failure : null)
  const described = (f: ClbAttributesField, hint: string) =>
    [hint, errorAt(f) ? `${uid}-${f}-error` : null].filter(Boolean).join(' ')

  function apply(e: FormEvent) {
    e.preventDefault()
    if (current === null) return
    const attributes = attributesFromDraft(draft, current)
    if (Object.keys(attributes).length === 0) {
      setError(null)
      setStatus('Nothing changed.')
      return
    }
    const r = call('modifyClassicLoadBalancerAttributes', attributes)
    if (r && !r.ok) {
      setError({ field: fieldForClbAttributesError(r.field), failure: r })
      setStatus('')
      return
    }
    setError(null)
    setEdit(null)
    setCli(modifyClassicLoadBalancerAttributesCommand(attributes))
    setStatus(
      draft.draining
        ? `Saved. An instance you deregister now keeps its open requests for up to ${draft.drainingTimeout.trim()} s.`
        : 'Saved. Connection draining is off: an instance you deregister now leaves at once.',
    )
  }

  return (
    <>
      <h3 id={`${uid}-heading`}>Load balancer attributes</h3>
      <form
        className="cfg-form"
        noValidate
        onSubmit={apply}
        aria-labelledby={`${uid}-heading`}
        data-testid="clb-attributes-form"
      >
        <FieldError id={`${uid}-form-error`} error={errorAt('form')} />
        <div className="cfg-field">
          <label className="switch">
            <input
              type="checkbox"
              role="switch"
              checked={draft.draining}
              onChange={(e) => update({ draining: e.target.checked })}
              aria-describedby={described('draining', `${uid}-draining-hint`)}
            />
            Connection draining
          </label>
          <p id={`${uid}-draining-hint`} className="cfg-hint">
            Modelled: a deregistered instance takes no new requests and leaves when the timeout ends
            (at once when off).
          </p>
          <FieldError id={`${uid}-draining-error`} error={errorAt('draining')} />
        </div>
        <NumberField
          label="Draining timeout (seconds)"
          value={draft.drainingTimeout}
          onChange={(v) => update({ drainingTimeout: v })}
          min={CLB_DRAINING_TIMEOUT_RANGE.min}
          max={CLB_DRAINING_TIMEOUT_RANGE.max}
          hint={`${CLB_DRAINING_TIMEOUT_RANGE.min}–${CLB_DRAINING_TIMEOUT_RANGE.max} seconds; AWS keeps it while draining is off.`}
          error={errorAt('drainingTimeout')}
        />
        <NumberField
          label="Idle timeout (seconds)"
          value={draft.idleTimeout}
          onChange={(v) => update({ idleTimeout: v })}
          min={CLB_IDLE_TIMEOUT_RANGE.min}
          max={CLB_IDLE_TIMEOUT_RANGE.max}
          hint={`${CLB_IDLE_TIMEOUT_RANGE.min}–${CLB_IDLE_TIMEOUT_RANGE.max} seconds. ${NO_EFFECT}: connections here never sit idle.`}
          error={errorAt('idleTimeout')}
        />
        <div className="cfg-field">
          <label className="switch">
            <input
              type="checkbox"
              role="switch"
              checked={draft.crossZone}
              onChange={(e) => update({ crossZone: e.target.checked })}
              aria-describedby={described('crossZone', `${uid}-cross-zone-hint`)}
            />
            Cross-zone load balancing
          </label>
          <p id={`${uid}-cross-zone-hint`} className="cfg-hint">
            {NO_EFFECT}: the lab’s Classic Load Balancer always spreads across every zone.
          </p>
          <FieldError id={`${uid}-crossZone-error`} error={errorAt('crossZone')} />
        </div>
        <div className="cfg-field">
          <label className="switch">
            <input
              type="checkbox"
              role="switch"
              checked={draft.accessLog}
              onChange={(e) => update({ accessLog: e.target.checked })}
              aria-describedby={described('accessLog', `${uid}-access-log-hint`)}
            />
            Access logs to S3
          </label>
          <p id={`${uid}-access-log-hint`} className="cfg-hint">
            {NO_EFFECT}: no S3 objects are written; the lab’s own access log is in the Access log
            section.
          </p>
          <FieldError id={`${uid}-accessLog-error`} error={errorAt('accessLog')} />
        </div>
        {draft.accessLog ? (
          <>
            <div className="cfg-field">
              <label htmlFor={`${uid}-bucket`}>S3 bucket name</label>
              <input
                id={`${uid}-bucket`}
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={draft.bucket}
                onChange={(e) => update({ bucket: e.target.value })}
                aria-invalid={errorAt('bucket') ? true : undefined}
                aria-describedby={errorAt('bucket') ? `${uid}-bucket-error` : undefined}
              />
              <FieldError id={`${uid}-bucket-error`} error={errorAt('bucket')} />
            </div>
            <div className="cfg-field">
              <label htmlFor={`${uid}-emit`}>Emit interval</label>
              <select
                id={`${uid}-emit`}
                value={draft.emitInterval}
                onChange={(e) => update({ emitInterval: e.target.value === '5' ? '5' : '60' })}
              >
                <option value="60">every 60 minutes</option>
                <option value="5">every 5 minutes</option>
              </select>
              <FieldError id={`${uid}-emitInterval-error`} error={errorAt('emitInterval')} />
            </div>
            <div className="cfg-field">
              <label htmlFor={`${uid}-prefix`}>S3 bucket prefix (optional)</label>
              <input
                id={`${uid}-prefix`}
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={draft.prefix}
                onChange={(e) => update({ prefix: e.target.value })}
                aria-describedby={errorAt('prefix') ? `${uid}-prefix-error` : undefined}
              />
              <FieldError id={`${uid}-prefix-error`} error={errorAt('prefix')} />
            </div>
          </>
        ) : null}
        <FormActions label="Save attributes" status={status} />
      </form>
      {cli ? (
        <CliCommand
          command={cli}
          subject="load balancer attributes"
          note="Set LB_NAME to your Classic Load Balancer’s name first."
        />
      ) : (
        <p className="cfg-hint tg-cli-hint">
          After “Save attributes”, the equivalent aws elb command appears here.
        </p>
      )}
    </>
  )
}
