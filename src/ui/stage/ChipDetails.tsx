// A cookie chip's details: a small non-modal dialog beside the chip with what the Cookies panel shows of the
// cookie (value, Expires, SameSite, Secure, HttpOnly, whether the next request sends it and why not), Delete,
// and Edit (tampering, with the panel's RFC 6265 checks). Escape closes it and puts focus back on the chip.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { AWSALBCORS_HINT } from '../../view/bindingHint'
import { cookieValueProblem } from '../../view/cookieEdit'
import { shortValue, type Chip } from '../../view/stageCookies'
import { useCan } from '../hooks/useCan'
import { useLabCall } from '../hooks/useLabCall'
import { ScannerFindings } from './ScannerFindings'

interface Props {
  clientId: string
  chip: Chip
  side: 'right' | 'below'
  onClose: (refocus: boolean) => void
  /** The cookie was deleted: the chip is gone, so focus moves to a neighbour. */
  onDeleted: () => void
  /** AWSALB's details with AWSALBCORS in the jar: say beside Delete that it carries the same binding. */
  corsHint: boolean
}

export function ChipDetails({ clientId, chip, side, onClose, onDeleted, corsHint }: Props) {
  const call = useLabCall()
  const canDelete = useCan({ call: 'deleteCookie', args: [clientId, chip.name] })
  const uid = useId()
  const ref = useRef<HTMLDivElement>(null)
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [chip.name])

  const save = (e: FormEvent) => {
    e.preventDefault()
    if (draft === null) return
    const problem = draft === chip.value ? null : cookieValueProblem(chip.name, draft)
    setError(problem)
    if (problem !== null) return
    if (draft !== chip.value) call('setCookie', clientId, chip.name, draft)
    setDraft(null)
  }
  return (
    <div
      ref={ref}
      role="dialog"
      aria-labelledby={`${uid}-title`}
      tabIndex={-1}
      className={`stage-popover ${side}`}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return
        e.stopPropagation()
        onClose(true)
      }}
    >
      <h3 id={`${uid}-title`} className="stage-popover-title">
        {chip.name}
      </h3>
      <dl className="stage-facts">
        <dt>Value</dt>
        <dd className="mono">{shortValue(chip.value)}</dd>
        <dt>Expires</dt>
        <dd className="mono">{chip.expires}</dd>
        <dt>SameSite</dt>
        <dd>{chip.sameSite}</dd>
        <dt>Secure</dt>
        <dd>{chip.secure ? 'Yes' : 'No'}</dd>
        <dt>HttpOnly</dt>
        <dd>{chip.httpOnly ? 'Yes' : 'No'}</dd>
      </dl>
      {chip.expired !== null && (
        <p className="stage-note expired">
          <span aria-hidden="true">⌛ </span>Expired: {chip.expired}.
        </p>
      )}
      <p className={`stage-note ${chip.withheld === null ? 'sent' : 'withheld'}`}>
        <span aria-hidden="true">{chip.withheld === null ? '✓ ' : '⊘ '}</span>
        {chip.withheld === null ? 'Sent with the next request.' : `Withheld from the next request: ${chip.withheld}.`}
      </p>
      <ScannerFindings cookie={chip} />
      {draft === null ? (
        <div className="stage-popover-actions">
          <button type="button" className="stage-btn" disabled={!canDelete} onClick={() => {
              call('deleteCookie', clientId, chip.name)
              onDeleted()
            }}>
            Delete {chip.name}
          </button>
          <button type="button" className="stage-btn" onClick={() => setDraft(chip.value)}>
            Edit {chip.name}
          </button>
          <button type="button" className="stage-btn ghost" onClick={() => onClose(true)}>
            Close
          </button>
        </div>
      ) : (
        <form className="stage-edit" onSubmit={save} noValidate>
          <label>
            Value of {chip.name}
            <input
              type="text"
              value={draft}
              autoFocus
              spellCheck={false}
              autoComplete="off"
              aria-invalid={error !== null}
              aria-describedby={error !== null ? `${uid}-error` : undefined}
              onChange={(e) => setDraft(e.target.value)}
            />
          </label>
          <div className="stage-popover-actions">
            <button type="submit" className="stage-btn primary">
              Save {chip.name}
            </button>
            <button
              type="button"
              className="stage-btn"
              onClick={() => {
                setDraft(null)
                setError(null)
              }}
            >
              Cancel
            </button>
          </div>
          {error !== null && (
            <p id={`${uid}-error`} className="stage-error" role="alert">
              Not changed. {error}
            </p>
          )}
        </form>
      )}
      {corsHint && <p className="stage-hint">{AWSALBCORS_HINT}</p>}
    </div>
  )
}
