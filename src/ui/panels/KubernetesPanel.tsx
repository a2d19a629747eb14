// Kubernetes behind the ALB (issue 19, item 1): run the lab's app as a Kubernetes Service and choose the AWS Load
// Balancer Controller's target type. With instance the ALB's targets are nodes and kube-proxy spreads requests
// over the pods; with ip the pods are the targets. The picture draws the pods (src/view/topology/kubePods.ts).
import { useId } from 'react'
import type { KubernetesView } from '../../sim'
import { useLab } from '../hooks/useLab'
import { useLabCall } from '../hooks/useLabCall'
import './forms/forms.css'
import './LoadBalancerTypePanel.css'

const CHOICES: { value: KubernetesView['targetType']; label: string; hint: string }[] = [
  {
    value: 'instance',
    label: 'target-type: instance',
    hint: 'The ALB’s targets are the nodes (NodePort). Stickiness pins the node; kube-proxy then picks a pod at random on any node, so the cart can be on another pod.',
  },
  {
    value: 'ip',
    label: 'target-type: ip',
    hint: 'The ALB’s targets are the pods’ IP addresses, so the stickiness binding reaches the pod that holds the cart.',
  },
]

export function KubernetesPanel() {
  const call = useLabCall()
  const uid = useId()
  const type = useLab((lab) => lab.kubernetes()?.targetType ?? null)
  const alb = useLab((lab) => lab.loadBalancerType() === 'application')
  if (!alb) return null
  const hint = CHOICES.find((c) => c.value === type)?.hint
  return (
    <section className="panel lb-type-panel kube-panel" aria-labelledby={`${uid}-heading`}>
      <fieldset role="radiogroup" className="lb-type-switch" aria-describedby={`${uid}-hint`}>
        <legend id={`${uid}-heading`}>Kubernetes (AWS Load Balancer Controller)</legend>
        <div className="lb-type-choices">
          {CHOICES.map((c) => (
            <label key={c.value} className="lb-type-choice">
              <input
                type="radio"
                name={`${uid}-target-type`}
                value={c.value}
                checked={type === c.value}
                onChange={() => call('configureKubernetes', { targetType: c.value })}
              />
              <span>{c.label}</span>
            </label>
          ))}
        </div>
        <p id={`${uid}-hint`} className="cfg-hint" data-testid="kube-hint">
          {hint ??
            'Off: the app runs straight on the instances. Choosing a target type runs it as a Kubernetes Service with two pods on every instance (the nodes), each pod keeping carts in its own memory.'}{' '}
          Simulator conventions: kube-proxy picks a pod at random with the lab’s seeded generator,
          and the new targets start healthy; sessionAffinity and externalTrafficPolicy are not
          modelled.
        </p>
      </fieldset>
    </section>
  )
}
