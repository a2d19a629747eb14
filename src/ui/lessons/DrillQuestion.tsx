// One exam drill: the scenario question, its four options (radios, or checkboxes when several answers are
// right), "Check answer", and the explanation with "Try it in the lab".
import { useId, useState, type FormEvent } from 'react'
import type { Drill } from '../../lessons/schema'
import { Citations } from '../docs/CitationLink'

interface Props {
  drill: Drill
  /** Called once per check, with whether the chosen set was exactly right. */
  onAnswer: (correct: boolean) => void
  onTryIt: () => void
}

const LETTER = { a: 'A', b: 'B', c: 'C', d: 'D' } as const

export function DrillQuestion({ drill, onAnswer, onTryIt }: Props) {
  const uid = useId()
  const multi = drill.correct.length > 1
  const [chosen, setChosen] = useState<string[]>([])
  const [checked, setChecked] = useState<boolean | null>(null)
  const [missing, setMissing] = useState(false)

  const toggle = (id: string, on: boolean) => {
    setMissing(false)
    setChecked(null)
    setChosen((c) => (multi ? (on ? [...c, id].sort() : c.filter((x) => x !== id)) : [id]))
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (chosen.length === 0) {
      setMissing(true)
      return
    }
    const right =
      chosen.length === drill.correct.length && drill.correct.every((c) => chosen.includes(c))
    setChecked(right)
    onAnswer(right)
  }
  const answer = drill.correct.map((c) => LETTER[c]).join(' and ')

  return (
    <form className="drill" onSubmit={submit} noValidate>
      <p id={`${uid}-question`} className="drill-question">
        {drill.question}
      </p>
      <div
        role={multi ? 'group' : 'radiogroup'}
        aria-labelledby={`${uid}-question`}
        aria-describedby={missing ? `${uid}-missing` : undefined}
        className="drill-options"
      >
        {drill.options.map((o) => (
          <label
            key={o.id}
            className={[
              'drill-option',
              checked !== null && drill.correct.includes(o.id) ? 'right' : '',
            ]
              .filter(Boolean)
              .join(' ')}
          >
            <input
              type={multi ? 'checkbox' : 'radio'}
              name={`${uid}-option`}
              value={o.id}
              checked={chosen.includes(o.id)}
              onChange={(e) => toggle(o.id, e.target.checked)}
            />
            <span className="drill-letter" aria-hidden="true">
              {LETTER[o.id]}.
            </span>
            <span>{o.text}</span>
          </label>
        ))}
      </div>
      {missing && (
        <p id={`${uid}-missing`} className="field-error" role="alert">
          Choose {multi ? `${drill.correct.length} answers` : 'an answer'} first.
        </p>
      )}
      <div className="lesson-row">
        <button type="submit" className="btn primary">
          Check answer
        </button>
      </div>
      <div className="drill-result" role="status" aria-live="polite" data-testid="drill-result">
        {checked !== null && (
          <>
            <p className={checked ? 'lesson-verdict-title right' : 'lesson-verdict-title wrong'}>
              <span aria-hidden="true">{checked ? '✓ ' : '✗ '}</span>
              {checked ? 'Correct.' : `Not quite. The answer is ${answer}.`}
            </p>
            <p>{drill.explanation}</p>
            <p className="muted">
              Reference: <Citations refs={drill.refs} />.
            </p>
          </>
        )}
      </div>
      {checked !== null && (
        <div className="drill-try">
          <p>
            <strong>Try it in the lab:</strong> {drill.tryIt}
          </p>
          <button type="button" className="btn" onClick={onTryIt}>
            Try it in the lab
          </button>
        </div>
      )}
    </form>
  )
}
