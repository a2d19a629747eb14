// The load balancer type switch: Application, Network, Classic or Gateway. Switching replaces the load
// balancer with that type's default (the core keeps the clients and the instances) and the picture and the
// panels take that type's vocabulary.
import { lazy, Suspense, useId } from 'react'
import { LOAD_BALANCER_INFO, LOAD_BALANCER_TYPES } from '../../view/loadBalancerType'
import { useLab } from '../hooks/useLab'
import { useLabCall } from '../hooks/useLabCall'
import './forms/forms.css'
import './LoadBalancerTypePanel.css'

const OpenFlows = lazy(() => import('./OpenFlows').then((m) => ({ default: m.OpenFlows })))

export function LoadBalancerTypePanel() {
  const call = useLabCall()
  const type = useLab((lab) => lab.loadBalancerType())
  const uid = useId()
  const info = LOAD_BALANCER_INFO[type]
  return (
    <section className="panel lb-type-panel" aria-labelledby={`${uid}-heading`}>
      <h2 id={`${uid}-heading`} className="visually-hidden">
        Load balancer
      </h2>
      <fieldset role="radiogroup" className="lb-type-switch" aria-describedby={`${uid}-summary`}>
        <legend>Load balancer type</legend>
        <div className="lb-type-choices">
          {LOAD_BALANCER_TYPES.map((t) => (
            <label key={t} className="lb-type-choice">
              <input
                type="radio"
                name={`${uid}-type`}
                value={t}
                checked={type === t}
                onChange={() => call('setLoadBalancerType', t)}
              />
              <span>{LOAD_BALANCER_INFO[t].label}</span>
            </label>
          ))}
        </div>
        <p id={`${uid}-summary`} className="cfg-hint" data-testid="lb-type-summary">
          <strong>{info.short}</strong> sticks by {info.sticksBy}. {info.summary}
        </p>
      </fieldset>
      {info.usesFlows && (
        // Its heading while the code arrives, so the panel does not jump.
        <Suspense
          fallback={
            <div className="lb-flows">
              <h3>Open flows</h3>
            </div>
          }
        >
          <OpenFlows />
        </Suspense>
      )}
    </section>
  )
}
