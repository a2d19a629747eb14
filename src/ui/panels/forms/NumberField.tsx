// A labelled whole-number field with its AWS range as a hint and AWS's error beside it. It never
// clamps: the learner can type 0 or 700000 and see what AWS answers.
import { useId } from 'react'
import { FieldError, type Failure } from './FieldError'

export interface NumberFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  /** AWS's allowed range, also offered to the spinner and to assistive technology. */
  min: number
  max: number
  /** Visible hint under the field, e.g. "1–604800 seconds". */
  hint: string
  error: Failure | null
  /** Extra element ids describing the field (e.g. a preset group). */
  describedBy?: string
}

export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  hint,
  error,
  describedBy,
}: NumberFieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const described = [hintId, describedBy, error ? errorId : null].filter(Boolean).join(' ')
  return (
    <div className="cfg-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        step={1}
        min={min}
        max={max}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
      />
      <p id={hintId} className="cfg-hint">
        {hint}
      </p>
      <FieldError id={errorId} error={error} />
    </div>
  )
}
