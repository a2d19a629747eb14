// The NLB TCP / GWLB listener's `tcp.idle_timeout.seconds` (ModifyListenerAttributes): how long a TCP flow may sit
// idle before the load balancer forgets it, which the lab models (the flow leaves "Open flows", and the next request
// opens a new one that may land on another target). AWS's range error appears beside the field.
import { useId, useState, type FormEvent } from 'react'
import { TCP_IDLE_TIMEOUT_KEY, TCP_IDLE_TIMEOUT_RANGE } from '../../sim'
import { modifyListenerAttributesCommand } from '../../view/awsCli'
import { useLab } from '../hooks/useLab'
import { useLabCall } from '../hooks/useLabCall'
import { CliCommand } from './forms/CliCommand'
import type { Failure } from './forms/FieldError'
import { FieldError } from './forms/FieldError'
import { FormActions } from './forms/FormActions'
import { NumberField } from './forms/NumberField'

export function TcpIdleTimeoutForm() {
  const call = useLabCall()
  const uid = useId()
  const current = useLab((lab) => lab.listenerAttributes()[TCP_IDLE_TIMEOUT_KEY] ?? null)
  const [text, setText] = useState<string | null>(null)
  const [error, setError] = useState<Failure | null>(null)
  const [status, setStatus] = useState('')
  const [cli, setCli] = useState<string | null>(null)
  if (current === null) return null
  const value = text ?? current

  function apply(e: FormEvent) {
    e.preventDefault()
    const attributes = { [TCP_IDLE_TIMEOUT_KEY]: value.trim() }
    const r = call('modifyListenerAttributes', attributes)
    if (r && !r.ok) {
      setError(r)
      setStatus('')
      return
    }
    setError(null)
    setText(null)
    setCli(modifyListenerAttributesCommand(attributes))
    setStatus(
      `Saved. A TCP flow idle for more than ${value.trim()} s is closed; the next request opens a new one.`,
    )
  }

  const { min, max } = TCP_IDLE_TIMEOUT_RANGE
  return (
    <>
      <form className="cfg-form" noValidate onSubmit={apply} aria-labelledby={`${uid}-heading`}>
        <h3 id={`${uid}-heading`}>Listener attributes</h3>
        <NumberField
          label="TCP idle timeout (seconds)"
          value={value}
          onChange={setText}
          min={min}
          max={max}
          hint={`${min}–${max} seconds (default 350). UDP flows always idle out after 120 s.`}
          error={error !== null && error.field === TCP_IDLE_TIMEOUT_KEY ? error : null}
        />
        <FieldError
          id={`${uid}-form-error`}
          error={error !== null && error.field !== TCP_IDLE_TIMEOUT_KEY ? error : null}
        />
        <FormActions label="Save listener attributes" status={status} />
      </form>
      {cli ? (
        <CliCommand
          command={cli}
          subject="listener attributes"
          note="Set LISTENER_ARN to your listener’s ARN first."
        />
      ) : null}
    </>
  )
}
