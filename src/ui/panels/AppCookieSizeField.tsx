// The size of the application's own session cookie (configureApp sessionCookie.valueBytes). Shown once the app
// sets a cookie: a large value makes the ALB split AWSALBAPP over AWSALBAPP-0..3 (reference §4.9), which the
// stage shows as filled chips, and over 4096 bytes the browser refuses the app's cookie itself.
import { useState, type FormEvent } from 'react'
import { APP_COOKIE_VALUE_BYTES } from '../../sim'
import { useLab } from '../hooks/useLab'
import { useLabCall } from '../hooks/useLabCall'
import type { Failure } from './forms/FieldError'
import { FormActions } from './forms/FormActions'
import { NumberField } from './forms/NumberField'
import './forms/forms.css'

export function AppCookieSizeField() {
  const call = useLabCall()
  const cookie = useLab((lab) => lab.app().sessionCookie)
  // Only the ALB writes AWSALBAPP: under the other types the setting would show nothing.
  const alb = useLab((lab) => lab.loadBalancerType() === 'application')
  const current = cookie?.valueBytes === undefined ? '' : String(cookie.valueBytes)
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<Failure | null>(null)
  const [status, setStatus] = useState('')
  if (cookie === null || !alb) return null
  const value = draft ?? current
  const { min, max } = APP_COOKIE_VALUE_BYTES

  function apply(e: FormEvent) {
    e.preventDefault()
    const n = Number(value.trim())
    if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
      setError({
        ok: false,
        code: 'RangeError',
        message: `Enter a whole number of bytes from ${min} to ${max}.`,
      })
      return
    }
    const next = { ...cookie!, valueBytes: n }
    const r = call('configureApp', { sessionCookie: next })
    if (r && !r.ok) {
      setError(r)
      return
    }
    setError(null)
    setDraft(null)
    setStatus(`The application now sets ${cookie!.name} with a ${n}-byte value.`)
  }

  return (
    <form className="cfg-form app-cookie-size" noValidate onSubmit={apply}>
      <NumberField
        label="Application cookie size (bytes)"
        value={value}
        onChange={(v) => {
          setDraft(v)
          setStatus('')
        }}
        min={min}
        max={max}
        hint={`How long the value of the app’s ${cookie.name} cookie is (${min}–${max}). Above about 3 KB the ALB’s AWSALBAPP no longer fits one 4 KB cookie and continues in AWSALBAPP-1, -2, -3; above 4096 bytes the browser refuses ${cookie.name} itself. The AWSALBAPP size rule is a simulator convention.`}
        error={error}
      />
      <FormActions label="Set cookie size" status={status} primary={false} />
    </form>
  )
}
