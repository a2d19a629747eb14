// One row of a browser's cookie table (CookiesPanel.tsx): the cookie's attributes, whether the next request sends
// it, its value (editable, to tamper with it), its X-ray and its Delete button.
import { useId, useState } from 'react'
import type { XrayResult } from '../../sim'
import type { CookieChange, CookieRow } from '../../view/cookieTable'
import { cookieValueProblem } from '../../view/cookieEdit'
import { formatClock, formatDuration } from '../format'
import { useCan } from '../hooks/useCan'

interface CookieRowViewProps {
  /** The browser whose jar holds the cookie. */
  clientId: string
  row: CookieRow
  change: CookieChange | undefined
  flashClass: string
  onEdit: (value: string) => void
  onDelete: () => void
}

export function CookieRowView({
  clientId,
  row,
  change,
  flashClass,
  onEdit,
  onDelete,
}: CookieRowViewProps) {
  const canDelete = useCan({ call: 'deleteCookie', args: [clientId, row.name] })
  const classes = [change !== undefined ? flashClass : '', row.sent ? '' : 'not-sent']
    .filter(Boolean)
    .join(' ')
  return (
    <tr className={classes || undefined} data-testid={`cookie-row-${row.name}`}>
      <th scope="row">
        {row.name}
        {change !== undefined && <span className="badge change">{change}</span>}
      </th>
      <td className="value" data-label="Value">
        <ValueInput name={row.name} value={row.value} onCommit={onEdit} />
      </td>
      <td className="mono domain" title={row.domain} data-label="Domain">
        {row.domain}
      </td>
      <td className="mono" data-label="Path">
        {row.path}
      </td>
      <td className="mono" data-label="Expires">
        {row.expires}
      </td>
      <td data-label="Size">{row.size}</td>
      <td data-label="HttpOnly">
        <Check on={row.httpOnly} />
      </td>
      <td data-label="Secure">
        <Check on={row.secure} />
      </td>
      <td data-label="SameSite">
        {row.sameSite ?? (
          <span className="muted" title="No SameSite attribute: browsers treat it as Lax">
            Not set
          </span>
        )}
      </td>
      <td className="actions">
        <button type="button" className="btn small" onClick={onDelete} disabled={!canDelete}>
          Delete<span className="visually-hidden"> {row.name}</span>
        </button>
      </td>
    </tr>
  )
}

function Check({ on }: { on: boolean }) {
  return on ? (
    <>
      <span aria-hidden="true">✓</span>
      <span className="visually-hidden">Yes</span>
    </>
  ) : (
    <span className="visually-hidden">No</span>
  )
}

export function XrayText({
  name,
  value,
  result,
}: {
  name: string
  value: string
  result: XrayResult | null
}) {
  if (value === '_remove_') {
    return (
      <>
        <strong>{name}</strong>: an unused shard. The load balancer writes “_remove_” into shards it
        does not need.
      </>
    )
  }
  if (result === null) {
    return (
      <>
        <strong>{name}</strong>: the load balancer cannot open this value (edited, truncated or
        sealed by another load balancer), so it ignores it, picks a target with the algorithm and
        writes a fresh cookie.
      </>
    )
  }
  return (
    <>
      <strong>{name}</strong>: <code>{result.kind}</code>, target group{' '}
      <strong>{result.targetGroup ?? 'unknown'}</strong>
      {result.targetId !== null && (
        <>
          , target <strong>{result.targetId}</strong>
        </>
      )}
      , issued at {formatClock(result.issuedAt)}, duration {formatDuration(result.durationSeconds)}{' '}
      (idle limit: sticky until {formatClock(result.issuedAt + result.durationSeconds)} unless a
      response refreshes it).
    </>
  )
}

function ValueInput({
  name,
  value,
  onCommit,
}: {
  name: string
  value: string
  onCommit: (value: string) => void
}) {
  // While the learner edits, the draft wins over new values from responses; Enter or leaving the field commits.
  // A value a browser would refuse stays in the field with the reason, and the jar keeps the old value.
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const errorId = useId()
  const commit = () => {
    if (draft === null) return
    if (draft !== value) {
      const problem = cookieValueProblem(name, draft)
      setError(problem)
      if (problem !== null) return
      onCommit(draft)
    }
    setDraft(null)
    setError(null)
  }
  return (
    <>
      <input
        className="cookie-value"
        type="text"
        aria-label={`Value of ${name}`}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? errorId : undefined}
        value={draft ?? value}
        size={Math.min(Math.max(value.length, 8), 20)}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            commit()
          } else if (e.key === 'Escape') {
            setDraft(null)
            setError(null)
          }
        }}
      />
      {error !== null && (
        <span id={errorId} className="field-error cookie-value-error" role="alert">
          Not changed. {error} Press Escape to put the old value back.
        </span>
      )}
    </>
  )
}
