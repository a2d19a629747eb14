// "Predict, then observe": the question and its choices as a radio group; the lab is not checked, and its clock
// waits (machines/lessonClock.ts), until the learner locks in a prediction.
import { useId, useState, type FormEvent } from 'react'
import type { Prediction } from '../../lessons/schema'

export function PredictionForm({
  prediction,
  onPredict,
}: {
  prediction: Prediction
  onPredict: (choice: string) => void
}) {
  const [choice, setChoice] = useState<string | null>(null)
  const [missing, setMissing] = useState(false)
  const uid = useId()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (choice === null) {
      setMissing(true)
      return
    }
    onPredict(choice)
  }
  return (
    <form className="lesson-predict" onSubmit={submit} noValidate>
      <p id={`${uid}-question`} className="lesson-question">
        <span className="lesson-predict-tag">Predict first</span> {prediction.question}
      </p>
      <div
        role="radiogroup"
        aria-labelledby={`${uid}-question`}
        aria-describedby={missing ? `${uid}-missing` : undefined}
        className="lesson-choices"
      >
        {prediction.choices.map((c) => (
          <label key={c.value} className="lesson-choice">
            <input
              type="radio"
              name={`${uid}-choice`}
              value={c.value}
              checked={choice === c.value}
              onChange={() => {
                setChoice(c.value)
                setMissing(false)
              }}
            />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
      {missing && (
        <p id={`${uid}-missing`} className="field-error" role="alert">
          Choose an answer first.
        </p>
      )}
      <p className="hint">The lab’s clock waits for your prediction, then runs on.</p>
      <button type="submit" className="btn primary">
        Lock in my prediction
      </button>
    </form>
  )
}
