// The instances behind the load balancer: per instance its AZ, running state, health in the chosen target
// group (with AWS's reason code), requests served and carts in memory, with buttons to stop/start it,
// fail its health checks, deregister/register it, and to launch a new one (scale out).
import { dictGet } from '../../sim'
import { useId, useState } from 'react'
import {
  CLASSIC_GROUP,
  healthText,
  registrationCall,
  registrationCommand,
  INSTANCE_AZS,
  selectInstancesByTargetGroup,
  type InstanceRow,
} from '../../view/selectInstances'
import { HEALTH_GLYPH, healthClass } from '../../view/topology/TopologyView'
import { useLabActor } from '../hooks/labActorContext'
import { useLab } from '../hooks/useLab'
import { useCan } from '../hooks/useCan'
import { useLabCall } from '../hooks/useLabCall'
import { useLabEpoch } from './forms/useLabEpoch'
import { FieldError, type Failure } from './forms/FieldError'
import './forms/forms.css'
import './InstancesPanel.css'

export function InstancesPanel() {
  // A new lab (reset, load) starts the panel afresh.
  return <InstancesPanelBody key={useLabEpoch()} />
}

function InstancesPanelBody() {
  const actor = useLabActor()
  const call = useLabCall()
  const byGroup = useLab(selectInstancesByTargetGroup)
  const [chosen, setChosen] = useState('web')
  const [az, setAz] = useState(INSTANCE_AZS[0] ?? '')
  const [status, setStatus] = useState('')
  const [error, setError] = useState<{ at: string; failure: Failure } | null>(null)
  const headingId = useId()
  const groupId = useId()
  const azId = useId()

  const group = byGroup.find((g) => g.name === chosen) ?? byGroup[0]
  if (!group) return null
  const tg = group.name

  /** Runs a registration call; AWS's error goes beside the instance (or the add form). */
  function registration(
    at: string,
    method: 'registerTargets' | 'deregisterTargets',
    id: string,
    done: string,
  ) {
    // A Classic Load Balancer registers instances with itself (RegisterInstancesWithLoadBalancer).
    const [name, args] = registrationCall(tg, method === 'registerTargets', id)
    const r = (call as (m: string, ...a: unknown[]) => ReturnType<typeof call>)(name, ...args)
    if (r && !r.ok) {
      setError({ at, failure: r })
      setStatus('')
      return
    }
    setError(null)
    setStatus(done)
  }

  function addInstance() {
    // launchInstance returns the new id, but the machine reports only Result values, so find the id
    // by comparing the instance list before and after.
    const before = new Set(
      actor
        .getSnapshot()
        .context.lab.instances()
        .map((i) => i.id),
    )
    call('launchInstance', { az })
    const launched = actor
      .getSnapshot()
      .context.lab.instances()
      .find((i) => !before.has(i.id))
    if (!launched) return
    registration(
      'add',
      'registerTargets',
      launched.id,
      `Launched ${launched.id} in ${az} and registered it in ${tg}.`,
    )
  }

  const power = (r: InstanceRow) => {
    call(r.running ? 'stopInstance' : 'startInstance', r.id)
    setStatus(
      r.running
        ? `Stopped ${r.id}: its target is unused (Target.InvalidState) and gets no traffic.`
        : `Started ${r.id}: its target goes through the initial health check.`,
    )
  }
  const health = (r: InstanceRow) => {
    call('setHealthCheckFailing', r.id, !r.healthCheckFailing)
    setStatus(`${r.id} now ${r.healthCheckFailing ? 'passes' : 'fails'} its health checks.`)
  }
  const register = (r: InstanceRow) =>
    r.registered
      ? registration(r.id, 'deregisterTargets', r.id, `Deregistering ${r.id} from ${tg}.`)
      : registration(r.id, 'registerTargets', r.id, `Registered ${r.id} in ${tg}.`)

  return (
    <section className="panel instances-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Instances</h2>
      <div className="cfg-field cfg-picker">
        <label htmlFor={groupId}>{tg === CLASSIC_GROUP ? 'Registered with' : 'Target group'}</label>
        <select
          id={groupId}
          value={tg}
          onChange={(e) => {
            setChosen(e.target.value)
            setError(null)
            setStatus('')
          }}
        >
          {byGroup.map((g) => (
            <option key={g.name} value={g.name}>
              {g.name}
            </option>
          ))}
        </select>
      </div>
      <ul className="instance-list">
        {group.rows.map((r) => (
          <li
            key={r.id}
            data-testid={`instance-row-${r.id}`}
            className={`instance-card${r.running ? '' : ' stopped'}`}
          >
            <div role="group" aria-label={r.id}>
              <h3 className="instance-title">
                {r.id}
                {r.running ? '' : ' (stopped)'}
              </h3>
              <dl className="instance-facts">
                <div>
                  <dt>AZ</dt>
                  <dd>{r.az}</dd>
                </div>
                <div>
                  <dt>Instance</dt>
                  <dd data-testid={`state-${r.id}`}>{r.running ? 'running' : 'stopped'}</dd>
                </div>
                <div>
                  <dt>Requests served</dt>
                  <dd data-testid={`served-${r.id}`}>{r.served}</dd>
                </div>
                <div>
                  <dt>Carts in memory</dt>
                  <dd data-testid={`carts-${r.id}`}>{r.carts}</dd>
                </div>
                <div className="wide">
                  <dt>Health in {tg}</dt>
                  <dd
                    data-testid={`health-${r.id}`}
                    className={`health health-${healthClass(r.health.state)}`}
                  >
                    <span aria-hidden="true">{dictGet(HEALTH_GLYPH, r.health.state) ?? '?'} </span>
                    {healthText(r.health)}
                    {r.health.description ? (
                      <span className="health-description">{r.health.description}</span>
                    ) : null}
                  </dd>
                </div>
              </dl>
              <InstanceActions
                row={r}
                group={tg}
                onPower={() => power(r)}
                onHealth={() => health(r)}
                onRegister={() => register(r)}
              />
              <FieldError
                id={`${headingId}-${r.id}-error`}
                error={error && error.at === r.id ? error.failure : null}
              />
            </div>
          </li>
        ))}
      </ul>
      <div className="instance-add" role="group" aria-label="Scale out">
        <div className="cfg-field">
          <label htmlFor={azId}>Availability Zone</label>
          <select id={azId} value={az} onChange={(e) => setAz(e.target.value)}>
            {INSTANCE_AZS.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="btn primary" onClick={addInstance}>
          Add instance
        </button>
        <FieldError
          id={`${headingId}-add-error`}
          error={error && error.at === 'add' ? error.failure : null}
        />
      </div>
      <p className="cfg-status" role="status">
        {status}
      </p>
    </section>
  )
}

interface InstanceActionsProps {
  row: InstanceRow
  group: string
  onPower: () => void
  onHealth: () => void
  onRegister: () => void
}

/** An instance's buttons, each enabled when the lab machine would take its command (useCan). */
function InstanceActions({ row: r, group, onPower, onHealth, onRegister }: InstanceActionsProps) {
  const canPower = useCan({ call: r.running ? 'stopInstance' : 'startInstance', args: [r.id] })
  const canHealth = useCan({ call: 'setHealthCheckFailing', args: [r.id, !r.healthCheckFailing] })
  const canRegister = useCan(registrationCommand(group, !r.registered, r.id))
  return (
    <div className="instance-actions">
      <button type="button" className="btn" onClick={onPower} disabled={!canPower}>
        {r.running ? 'Stop instance' : 'Start instance'}
      </button>
      <button type="button" className="btn" onClick={onHealth} disabled={!canHealth}>
        {r.healthCheckFailing ? 'Pass health checks' : 'Fail health checks'}
      </button>
      <button type="button" className="btn" onClick={onRegister} disabled={!canRegister}>
        {r.registered ? 'Deregister' : 'Register'}
      </button>
    </div>
  )
}
