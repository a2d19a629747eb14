// CloudFront in front of the load balancer (issue 19 item 2): the origin request policy's cookie behaviour
// (CookiesConfig.CookieBehavior none, whitelist or all) and, for whitelist, the cookie names it forwards. The
// stage then draws CloudFront between the browsers and the load balancer with the cookies it keeps back.
import { useId, useState, type FormEvent } from 'react'
import type { CdnOptions } from '../../sim'
import { parseCookieNames } from '../../view/cdnForm'
import { useLab } from '../hooks/useLab'
import { useLabCall } from '../hooks/useLabCall'
import { ChoiceRadios } from './forms/ChoiceRadios'
import { FieldError, type Failure } from './forms/FieldError'
import './CdnSection.css'

type Choice = 'off' | 'none' | 'whitelist' | 'all'

const CHOICES: { value: Choice; label: string }[] = [
  { value: 'off', label: 'No CloudFront' },
  { value: 'none', label: 'Forward no cookies (none)' },
  { value: 'whitelist', label: 'Forward only named cookies (whitelist)' },
  { value: 'all', label: 'Forward all cookies (all)' },
]

export function CdnSection() {
  const id = useId()
  const call = useLabCall()
  const current = useLab((lab) => lab.cdn())
  const [choice, setChoice] = useState<Choice>(current?.cookies ?? 'off')
  const [names, setNames] = useState((current?.names ?? []).join(', '))
  const [error, setError] = useState<Failure | null>(null)
  const [status, setStatus] = useState('')

  const apply = (e: FormEvent) => {
    e.preventDefault()
    const options: CdnOptions =
      choice === 'off'
        ? { enabled: false }
        : choice === 'whitelist'
          ? { enabled: true, cookies: choice, names: parseCookieNames(names) }
          : { enabled: true, cookies: choice }
    const result = call('setCdn', options)
    if (result !== null && !result.ok) {
      setError(result)
      setStatus('')
      return
    }
    setError(null)
    setStatus(
      choice === 'off' ? 'CloudFront removed.' : 'CloudFront applied: watch its box on the stage.',
    )
  }

  return (
    <form
      className="cfg-form cdn-section"
      noValidate
      onSubmit={apply}
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>CloudFront in front</h3>
      <ChoiceRadios
        name={`${id}-cookies`}
        legend="Origin request policy: cookies"
        describedBy={`${id}-hint`}
        choices={CHOICES}
        value={choice}
        onChange={setChoice}
      />
      {choice === 'whitelist' ? (
        <div className="cfg-field">
          <label htmlFor={`${id}-names`}>Cookie names to forward</label>
          <input
            id={`${id}-names`}
            className="cfg-input"
            type="text"
            value={names}
            spellCheck={false}
            autoComplete="off"
            placeholder="AWSALB, SESSIONID"
            aria-invalid={error?.field === 'Cookies' ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setNames(e.target.value)}
          />
        </div>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
      <p id={`${id}-hint`} className="cfg-hint">
        CloudFront sends the load balancer only the cookies this policy names; Set-Cookie lines
        still reach the browser. Simulator convention: only the cookie setting is modelled (caching
        off, one origin).
      </p>
      <div className="cfg-actions">
        <button type="submit" className="btn primary">
          Apply CloudFront
        </button>
      </div>
      {/* aria-live, not role=status: the Listener panel's own status stays the region's one status. */}
      <p className="cfg-status" aria-live="polite">
        {status}
      </p>
    </form>
  )
}
