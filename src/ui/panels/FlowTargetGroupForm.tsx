// Target group settings for a Network or Gateway Load Balancer: the stickiness AWS allows for the type
// (NLB: source_ip; GWLB: 5-tuple, 3-tuple or 2-tuple), the deregistration delay, GWLB's target failover,
// and (NLB) a new target group of another protocol, e.g. TLS, to see AWS refuse stickiness on it.
import { useId, useState, type FormEvent } from 'react'
import {
  modifyLoadBalancerAttributesCommand,
  modifyTargetGroupAttributesCommand,
} from '../../view/awsCli'
import {
  STICKINESS_OPTIONS,
  flowStickinessAttributes,
  flowStickinessOf,
  tupleOf,
  type TargetGroupStickinessChoice,
} from '../../view/flowStickiness'
import { useLab } from '../hooks/useLab'
import { useLabCall } from '../hooks/useLabCall'
import { CliCommand } from './forms/CliCommand'
import { FieldError, type Failure } from './forms/FieldError'
import { FormActions } from './forms/FormActions'
import { NumberField } from './forms/NumberField'
import { attributeRange } from '../../view/targetGroupForm'

// AWS's range for the delay, from the core's attribute table (the same for the NLB and GWLB as for the ALB).
const DEREGISTRATION = attributeRange('deregistration_delay.timeout_seconds')

const NLB_PROTOCOLS = ['TCP', 'UDP', 'TCP_UDP', 'TLS'] as const
type Field = 'stickiness' | 'deregistrationDelay' | 'failover' | 'crossZone' | 'form'
const CROSS_ZONE = 'load_balancing.cross_zone.enabled'

/** The form field an AWS error concerns, by the attribute key it names (`field`); else the top of the form. */
function fieldOf(failure: Failure): Field {
  const key = failure.field ?? ''
  if (key === 'stickiness.enabled' || key === 'stickiness.type') return 'stickiness'
  if (key === 'deregistration_delay.timeout_seconds') return 'deregistrationDelay'
  if (key.startsWith('target_failover.')) return 'failover'
  return 'form'
}

interface Draft {
  stickiness: TargetGroupStickinessChoice
  deregistrationDelay: string
  failover: string
  /** The load balancer attribute load_balancing.cross_zone.enabled ("true" | "false"). */
  crossZone: string
}

export function FlowTargetGroupForm({
  type,
  headingId,
}: {
  type: 'network' | 'gateway'
  headingId: string
}) {
  const call = useLabCall()
  const crossZone = useLab((lab) => lab.loadBalancerAttributes()[CROSS_ZONE] ?? 'false')
  const groups = useLab((lab) =>
    lab
      .targetGroups()
      .map((g) => ({ name: g.name, protocol: g.protocol, attributes: g.attributes })),
  )
  const [chosen, setChosen] = useState<string | null>(null)
  const [edit, setEdit] = useState<{ name: string; draft: Draft } | null>(null)
  const [error, setError] = useState<{ field: Field; failure: Failure } | null>(null)
  const [status, setStatus] = useState('')
  const [cli, setCli] = useState<string | null>(null)
  const uid = useId()
  const group = groups.find((g) => g.name === chosen) ?? groups[0]
  if (!group) return null
  const a = group.attributes
  const current: Draft = {
    stickiness: flowStickinessOf(a),
    deregistrationDelay: a['deregistration_delay.timeout_seconds'] ?? '',
    failover: a['target_failover.on_deregistration'] ?? 'no_rebalance',
    crossZone,
  }
  const draft = edit && edit.name === group.name ? edit.draft : current
  const update = (patch: Partial<Draft>) =>
    setEdit({ name: group.name, draft: { ...draft, ...patch } })
  const errorAt = (f: Field) => (error && error.field === f ? error.failure : null)
  const options = STICKINESS_OPTIONS[type]

  function apply(e: FormEvent) {
    e.preventDefault()
    setStatus('')
    const changes: Record<string, string> = {}
    if (draft.stickiness !== current.stickiness)
      Object.assign(changes, flowStickinessAttributes(draft.stickiness, a))
    if (draft.deregistrationDelay !== current.deregistrationDelay)
      changes['deregistration_delay.timeout_seconds'] = draft.deregistrationDelay.trim()
    if (type === 'gateway' && draft.failover !== current.failover) {
      // AWS requires both failover attributes to carry the same value.
      changes['target_failover.on_deregistration'] = draft.failover
      changes['target_failover.on_unhealthy'] = draft.failover
    }
    const lbChanges: Record<string, string> =
      draft.crossZone !== current.crossZone ? { [CROSS_ZONE]: draft.crossZone } : {}
    if (Object.keys(changes).length === 0 && Object.keys(lbChanges).length === 0) {
      setError(null)
      setStatus('Nothing to apply: these are the current settings.')
      return
    }
    const commands: string[] = []
    if (Object.keys(changes).length > 0) {
      const r = call('modifyTargetGroupAttributes', group!.name, changes)
      if (r && !r.ok) {
        setError({ field: fieldOf(r), failure: r })
        return
      }
      commands.push(modifyTargetGroupAttributesCommand(group!.name, changes))
    }
    if (Object.keys(lbChanges).length > 0) {
      const r = call('modifyLoadBalancerAttributes', lbChanges)
      if (r && !r.ok) {
        setError({ field: 'crossZone', failure: r })
        return
      }
      commands.push(modifyLoadBalancerAttributesCommand(lbChanges))
    }
    setError(null)
    setEdit(null)
    setCli(commands.join('\n\n'))
    setStatus(`Applied to target group ${group!.name}.`)
  }

  return (
    <>
      <form className="cfg-form" noValidate onSubmit={apply} aria-labelledby={headingId}>
        <FieldError id={`${uid}-form-error`} error={errorAt('form')} />
        <div className="cfg-field">
          <label htmlFor={`${uid}-group`}>Target group</label>
          <select
            id={`${uid}-group`}
            value={group.name}
            onChange={(e) => {
              setChosen(e.target.value)
              setError(null)
              setStatus('')
            }}
          >
            {groups.map((g) => (
              <option key={g.name} value={g.name}>
                {g.name} ({g.protocol})
              </option>
            ))}
          </select>
        </div>
        <fieldset
          role="radiogroup"
          aria-invalid={errorAt('stickiness') ? true : undefined}
          aria-describedby={[`${uid}-st-hint`, errorAt('stickiness') ? `${uid}-st-error` : null]
            .filter(Boolean)
            .join(' ')}
        >
          <legend>Stickiness</legend>
          <div className="cfg-choices">
            {options.map((o) => (
              <label key={o.value} className="cfg-choice">
                <input
                  type="radio"
                  name={`${uid}-stickiness`}
                  value={o.value}
                  checked={draft.stickiness === o.value}
                  onChange={() => update({ stickiness: o.value })}
                />
                <span>
                  {o.text}
                  {o.code ? (
                    <>
                      {' '}
                      (<code>{o.code}</code>)
                    </>
                  ) : null}
                </span>
              </label>
            ))}
          </div>
          <p id={`${uid}-st-hint`} className="cfg-hint">
            {type === 'network'
              ? `Target group protocol ${group.protocol}. Source IP stickiness works on TCP, UDP and TCP_UDP target groups, not TLS. Flows stick by ${tupleOf(draft.stickiness)}.`
              : `Flows stick to an appliance by ${tupleOf(draft.stickiness)}${draft.stickiness === 'off' ? `; ICMP flows, which have no ports, by the ${tupleOf('off', 'ICMP')}` : ''}.`}
          </p>
          <FieldError id={`${uid}-st-error`} error={errorAt('stickiness')} />
        </fieldset>
        <NumberField
          label="Deregistration delay (seconds)"
          value={draft.deregistrationDelay}
          onChange={(v) => update({ deregistrationDelay: v })}
          min={DEREGISTRATION.min}
          max={DEREGISTRATION.max}
          hint={`${DEREGISTRATION.min}–${DEREGISTRATION.max} seconds (default 300).`}
          error={errorAt('deregistrationDelay')}
        />
        <div className="cfg-field">
          <label className="cfg-choice">
            <input
              type="checkbox"
              checked={draft.crossZone === 'true'}
              onChange={(e) => update({ crossZone: e.target.checked ? 'true' : 'false' })}
              aria-describedby={[`${uid}-cz-hint`, errorAt('crossZone') ? `${uid}-cz-error` : null]
                .filter(Boolean)
                .join(' ')}
            />
            <span>Cross-zone load balancing</span>
          </label>
          <p id={`${uid}-cz-hint`} className="cfg-hint">
            A load balancer attribute, off by default on {type === 'network' ? 'an NLB' : 'a GWLB'}:
            each node then sends only to targets in its own Availability Zone.
          </p>
          <FieldError id={`${uid}-cz-error`} error={errorAt('crossZone')} />
        </div>
        {type === 'gateway' ? (
          <div className="cfg-field">
            <label htmlFor={`${uid}-failover`}>Target failover</label>
            <select
              id={`${uid}-failover`}
              value={draft.failover}
              onChange={(e) => update({ failover: e.target.value })}
              aria-describedby={`${uid}-failover-hint`}
            >
              <option value="no_rebalance">no_rebalance (existing flows stay)</option>
              <option value="rebalance">rebalance (flows are rehashed)</option>
            </select>
            <p id={`${uid}-failover-hint`} className="cfg-hint">
              Sets target_failover.on_deregistration and target_failover.on_unhealthy, which must be
              equal.
            </p>
            <FieldError id={`${uid}-failover-error`} error={errorAt('failover')} />
          </div>
        ) : null}
        <FormActions label="Apply" status={status} />
      </form>
      {type === 'network' ? <NewTargetGroupForm onCreated={setChosen} /> : null}
      {cli ? (
        <CliCommand command={cli} subject="target group" />
      ) : (
        <p className="cfg-hint tg-cli-hint">
          After “Apply”, the equivalent aws elbv2 commands appear here.
        </p>
      )}
    </>
  )
}

/** Creates an empty NLB target group of a chosen protocol (CreateTargetGroup). */
function NewTargetGroupForm({ onCreated }: { onCreated: (name: string) => void }) {
  const call = useLabCall()
  const uid = useId()
  const [name, setName] = useState('tls-web')
  const [protocol, setProtocol] = useState<(typeof NLB_PROTOCOLS)[number]>('TLS')
  const [error, setError] = useState<Failure | null>(null)
  const [status, setStatus] = useState('')
  function create(e: FormEvent) {
    e.preventDefault()
    const r = call('createTargetGroup', name.trim(), { protocol })
    if (r && !r.ok) {
      setError(r)
      setStatus('')
      return
    }
    setError(null)
    setStatus(`Created target group ${name.trim()} (${protocol}), with no targets.`)
    onCreated(name.trim())
  }
  return (
    <form className="cfg-form tg-new" noValidate onSubmit={create} aria-label="New target group">
      <fieldset>
        <legend>New target group</legend>
        <div className="cfg-field">
          <label htmlFor={`${uid}-name`}>Target group name</label>
          <input
            id={`${uid}-name`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${uid}-error` : undefined}
          />
        </div>
        <div className="cfg-field">
          <label htmlFor={`${uid}-protocol`}>Protocol</label>
          <select
            id={`${uid}-protocol`}
            value={protocol}
            onChange={(e) => setProtocol(e.target.value as typeof protocol)}
          >
            {NLB_PROTOCOLS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <FieldError id={`${uid}-error`} error={error} />
        <FormActions label="Create target group" status={status} primary={false} />
      </fieldset>
    </form>
  )
}
