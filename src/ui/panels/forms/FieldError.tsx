// AWS's error (code and message) shown beside the field it concerns, announced as an alert.
import type { Result } from '../../../sim'

export type Failure = Extract<Result, { ok: false }>

export function FieldError({ id, error }: { id: string; error: Failure | null }) {
  if (!error) return null
  return (
    <p id={id} className="cfg-error" role="alert">
      <span className="cfg-error-code">{error.code}:</span> {error.message}
    </p>
  )
}
