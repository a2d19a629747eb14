// Classic Load Balancer stickiness: a listener policy instead of a target group attribute. "Apply" creates
// the policy (CreateLBCookieStickinessPolicy or CreateAppCookieStickinessPolicy) and sets it on the port 80
// listener (SetLoadBalancerPoliciesOfListener); "Off" clears the listener's policies. AWS's policy-name
// error appears beside the field, and the equivalent aws elb commands below.
import { useId, useState, type FormEvent } from 'react'
import { COOKIE_EXPIRATION_PERIOD_RANGE } from '../../sim'
import {
  createAppCookieStickinessPolicyCommand,
  createLBCookieStickinessPolicyCommand,
  setLoadBalancerPoliciesOfListenerCommand,
} from '../../view/awsCli'
import { useLab } from '../hooks/useLab'
import { useLabCall } from '../hooks/useLabCall'
import { CliCommand } from './forms/CliCommand'
import { FieldError, type Failure } from './forms/FieldError'
import { FormActions } from './forms/FormActions'

// The periods the core accepts (the 400 days a browser keeps a cookie at most), so the field's limits cannot drift.
const PERIOD = COOKIE_EXPIRATION_PERIOD_RANGE

type Choice = 'off' | 'duration' | 'app'
type Field = 'policyName' | 'period' | 'cookieName' | 'form'
const LISTENER_PORT = 80

/** The form field an AWS error concerns, by the elb parameter it names (`field`); else the top of the form. */
function fieldOf(failure: Failure): Field {
  const key = failure.field ?? ''
  if (key === 'PolicyName' || key === 'PolicyNames' || key.startsWith('PolicyNames.'))
    return 'policyName'
  if (key === 'CookieExpirationPeriod') return 'period'
  if (key === 'CookieName') return 'cookieName'
  return 'form'
}

export function ClbStickinessForm({ headingId }: { headingId: string }) {
  const call = useLabCall()
  const uid = useId()
  const policies = useLab((lab) => lab.describeLoadBalancerPolicies())
  const attached = useLab((lab) => lab.listener().policyNames ?? [])
  const appCookie = useLab((lab) => lab.app().sessionCookie?.name ?? null)
  const [choice, setChoice] = useState<Choice>('off')
  const [policyName, setPolicyName] = useState('my-duration-cookie-policy')
  const [period, setPeriod] = useState('60')
  const [cookieName, setCookieName] = useState(appCookie ?? 'SESSIONID')
  const [error, setError] = useState<{ field: Field; failure: Failure } | null>(null)
  const [status, setStatus] = useState('')
  const [cli, setCli] = useState<string | null>(null)
  const errorAt = (f: Field) => (error && error.field === f ? error.failure : null)
  const fail = (failure: Failure) => {
    setError({ field: fieldOf(failure), failure })
    setStatus('')
  }

  function choose(next: Choice) {
    setChoice(next)
    setError(null)
    if (next === 'duration' && policyName === 'my-app-cookie-policy')
      setPolicyName('my-duration-cookie-policy')
    if (next === 'app' && policyName === 'my-duration-cookie-policy')
      setPolicyName('my-app-cookie-policy')
  }

  function apply(e: FormEvent) {
    e.preventDefault()
    const commands: string[] = []
    if (choice === 'off') {
      const r = call('setLoadBalancerPoliciesOfListener', {
        loadBalancerPort: LISTENER_PORT,
        policyNames: [],
      })
      if (r && !r.ok) return fail(r)
      setCli(setLoadBalancerPoliciesOfListenerCommand(LISTENER_PORT, []))
      setError(null)
      setStatus(
        'The listener has no stickiness policy: each request goes to the instance with the smallest load.',
      )
      return
    }
    const name = policyName.trim()
    const exists = policies.some((p) => p.PolicyName === name)
    if (!exists) {
      let r
      if (choice === 'duration') {
        const text = period.trim()
        const seconds = text === '' ? undefined : Number(text)
        r = call('createLBCookieStickinessPolicy', {
          policyName: name,
          ...(seconds === undefined ? {} : { cookieExpirationPeriod: seconds }),
        })
        if (r && !r.ok) return fail(r)
        commands.push(createLBCookieStickinessPolicyCommand(name, seconds))
      } else {
        r = call('createAppCookieStickinessPolicy', {
          policyName: name,
          cookieName: cookieName.trim(),
        })
        if (r && !r.ok) return fail(r)
        commands.push(createAppCookieStickinessPolicyCommand(name, cookieName.trim()))
      }
    }
    const set = call('setLoadBalancerPoliciesOfListener', {
      loadBalancerPort: LISTENER_PORT,
      policyNames: [name],
    })
    if (set && !set.ok) return fail(set)
    commands.push(setLoadBalancerPoliciesOfListenerCommand(LISTENER_PORT, [name]))
    setCli(commands.join('\n\n'))
    setError(null)
    setStatus(
      `Policy ${name} is on the port ${LISTENER_PORT} listener${exists ? ' (it already existed)' : ''}.`,
    )
  }

  const described = (f: Field, hint?: string) =>
    [hint, errorAt(f) ? `${uid}-${f}-error` : null].filter(Boolean).join(' ') || undefined

  return (
    <>
      <form className="cfg-form" noValidate onSubmit={apply} aria-labelledby={headingId}>
        <FieldError id={`${uid}-form-error`} error={errorAt('form')} />
        <p className="cfg-hint">
          A Classic Load Balancer has no target groups: its instances are registered directly, and
          stickiness is a policy on the listener. Listener HTTP:{LISTENER_PORT} · policies:{' '}
          <span data-testid="clb-listener-policies">
            {attached.length === 0 ? 'none' : attached.join(', ')}
          </span>
          .
        </p>
        <fieldset role="radiogroup">
          <legend>Stickiness</legend>
          <div className="cfg-choices">
            {(
              [
                ['off', 'Off'],
                ['duration', 'Duration-based (LBCookieStickinessPolicy)'],
                ['app', 'Application-controlled (AppCookieStickinessPolicy)'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="cfg-choice">
                <input
                  type="radio"
                  name={`${uid}-choice`}
                  value={value}
                  checked={choice === value}
                  onChange={() => choose(value)}
                />
                <span>{label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {choice !== 'off' ? (
          <div className="cfg-field">
            <label htmlFor={`${uid}-policy`}>Policy name</label>
            <input
              id={`${uid}-policy`}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={policyName}
              onChange={(e) => setPolicyName(e.target.value)}
              aria-invalid={errorAt('policyName') ? true : undefined}
              aria-describedby={described('policyName', `${uid}-policy-hint`)}
            />
            <p id={`${uid}-policy-hint`} className="cfg-hint">
              Letters, digits and dashes only.
            </p>
            <FieldError id={`${uid}-policyName-error`} error={errorAt('policyName')} />
          </div>
        ) : null}
        {choice === 'duration' ? (
          <div className="cfg-field">
            <label htmlFor={`${uid}-period`}>Cookie expiration period (seconds)</label>
            <input
              id={`${uid}-period`}
              type="number"
              inputMode="numeric"
              min={PERIOD.min}
              max={PERIOD.max}
              value={period}
              onChange={(e) => setPeriod(e.target.value)}
              aria-invalid={errorAt('period') ? true : undefined}
              aria-describedby={described('period', `${uid}-period-hint`)}
            />
            <p id={`${uid}-period-hint`} className="cfg-hint">
              {PERIOD.min}–{PERIOD.max} seconds; leave empty or 0 for a browser-session cookie. The
              CLB never refreshes AWSELB’s expiry and never checks it: the browser drops the cookie
              when it expires.
            </p>
            <FieldError id={`${uid}-period-error`} error={errorAt('period')} />
          </div>
        ) : null}
        {choice === 'app' ? (
          <div className="cfg-field">
            <label htmlFor={`${uid}-cookie`}>Cookie name</label>
            <input
              id={`${uid}-cookie`}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={cookieName}
              onChange={(e) => setCookieName(e.target.value)}
              aria-invalid={errorAt('cookieName') ? true : undefined}
              aria-describedby={described('cookieName', `${uid}-cookie-hint`)}
            />
            <p id={`${uid}-cookie-hint`} className="cfg-hint">
              The application’s cookie{appCookie ? ` (this lab’s app sets ${appCookie})` : ''}.
              AWSELB follows its lifetime and is issued only when the app sets a new one.
            </p>
            <FieldError id={`${uid}-cookieName-error`} error={errorAt('cookieName')} />
          </div>
        ) : null}
        <FormActions label="Apply" status={status} />
      </form>
      {cli ? (
        <CliCommand
          command={cli}
          subject="load balancer policies"
          note="Set LB_NAME to your Classic Load Balancer’s name first."
        />
      ) : (
        <p className="cfg-hint tg-cli-hint">
          After “Apply”, the equivalent aws elb commands appear here.
        </p>
      )}
    </>
  )
}
