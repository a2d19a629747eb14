// A second ALB layer in front of the lab's ALB (issue 19 item 5): an outer ALB with two proxies as targets, and
// its own target stickiness. With duration-based stickiness on both layers both set AWSALB; the browser keeps one,
// and the stage's outer-ALB box shows which of the two Set-Cookie lines survived.
import { useId, useState, type FormEvent } from 'react'
import type { OuterLayerOptions, OuterLayerStickiness } from '../../sim'
import { useLab } from '../hooks/useLab'
import { useLabCall } from '../hooks/useLabCall'
import { ChoiceRadios } from './forms/ChoiceRadios'
import { FieldError, type Failure } from './forms/FieldError'
import './CdnSection.css'

type Choice = 'none' | OuterLayerStickiness

const CHOICES: { value: Choice; label: string }[] = [
  { value: 'none', label: 'No outer ALB' },
  { value: 'off', label: 'Outer ALB, stickiness off' },
  { value: 'lb_cookie', label: 'Outer ALB, duration-based (AWSALB)' },
  { value: 'app_cookie', label: 'Outer ALB, application-based (PROXYSESSION)' },
]

export function OuterLayerSection() {
  const id = useId()
  const call = useLabCall()
  const current = useLab((lab) => lab.outerLayer())
  const [choice, setChoice] = useState<Choice>(current?.stickiness ?? 'none')
  const [error, setError] = useState<Failure | null>(null)
  const [status, setStatus] = useState('')

  const apply = (e: FormEvent) => {
    e.preventDefault()
    const options: OuterLayerOptions =
      choice === 'none' ? { enabled: false } : { enabled: true, stickiness: choice }
    const result = call('setOuterLayer', options)
    if (result !== null && !result.ok) {
      setError(result)
      setStatus('')
      return
    }
    setError(null)
    setStatus(
      choice === 'none'
        ? 'Outer ALB removed.'
        : 'Outer ALB applied: its box in the picture, between the browsers and this ALB, shows the proxy each request goes to and which layer’s AWSALB the browser keeps.',
    )
  }

  return (
    <form
      className="cfg-form cdn-section"
      noValidate
      onSubmit={apply}
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>Outer ALB layer in front</h3>
      <ChoiceRadios
        name={`${id}-stickiness`}
        legend="Outer layer stickiness"
        describedBy={`${id}-hint`}
        choices={CHOICES}
        value={choice}
        onChange={setChoice}
      />
      <FieldError id={`${id}-error`} error={error} />
      <p id={`${id}-hint`} className="cfg-hint">
        Two proxies behind the outer ALB forward to this ALB. Both layers name a duration-based
        cookie AWSALB, so it can be sticky on only one layer. Simulator convention: the outer
        layer&rsquo;s Set-Cookie lines come last, so its AWSALB is the one the browser keeps.
      </p>
      <div className="cfg-actions">
        <button type="submit" className="btn primary">
          Apply outer ALB
        </button>
      </div>
      {/* aria-live, not role=status: the Listener panel's own status stays the region's one status. */}
      <p className="cfg-status" aria-live="polite">
        {status}
      </p>
    </form>
  )
}
