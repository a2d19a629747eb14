// DevTools' "add a cookie" row of the Cookies panel: a name and a value, checked as a browser would (RFC 6265 and
// the 4,096-byte limit, src/view/cookieEdit.ts) before the lab stores them.
import { useId, useState, type FormEvent } from 'react'
import { cookieNameProblem, cookieValueProblem } from '../../view/cookieEdit'

/** DevTools' "add a cookie" row: a host-only session cookie with Path=/ (docs/model.md convention 47). */
export function AddCookieForm({
  clientId,
  existing,
  onAdd,
}: {
  clientId: string
  existing: readonly string[]
  onAdd: (name: string, value: string) => void
}) {
  const [name, setName] = useState('')
  const [value, setValue] = useState('')
  const [error, setError] = useState<{ field: 'name' | 'value'; message: string } | null>(null)
  const uid = useId()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const nameProblem = existing.includes(name)
      ? `${clientId} already has a cookie named ${name}: edit its value in the table.`
      : cookieNameProblem(name)
    const problem: typeof error =
      nameProblem !== null
        ? { field: 'name', message: nameProblem }
        : (() => {
            const valueProblem = cookieValueProblem(name, value)
            return valueProblem === null ? null : { field: 'value', message: valueProblem }
          })()
    setError(problem)
    if (problem !== null) return
    onAdd(name, value)
    setName('')
    setValue('')
  }
  const invalid = (field: 'name' | 'value') => error?.field === field
  return (
    <form className="add-cookie" onSubmit={submit} noValidate aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`}>Add a cookie</h3>
      <div className="add-cookie-row">
        <label>
          Name
          <input
            type="text"
            value={name}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={invalid('name')}
            aria-describedby={invalid('name') ? `${uid}-error` : undefined}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label>
          Value
          <input
            type="text"
            value={value}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={invalid('value')}
            aria-describedby={invalid('value') ? `${uid}-error` : undefined}
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
        <button type="submit" className="btn">
          Add cookie
        </button>
      </div>
      {error !== null && (
        <p id={`${uid}-error`} className="field-error" role="alert">
          No cookie added. {error.message}
        </p>
      )}
    </form>
  )
}
