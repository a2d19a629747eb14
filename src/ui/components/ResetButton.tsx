// "Reset" with an inline confirmation, so one stray click never throws away a learner's lab.
import { useEffect, useRef, useState } from 'react'

export function ResetButton({ onReset }: { onReset: () => void }) {
  const [asking, setAsking] = useState(false)
  const confirmRef = useRef<HTMLButtonElement>(null)
  const resetRef = useRef<HTMLButtonElement>(null)
  const wasAsking = useRef(false)
  useEffect(() => {
    // Move focus with the question, and back to Reset when it is answered, so keyboard users keep their place.
    if (asking) confirmRef.current?.focus()
    else if (wasAsking.current) resetRef.current?.focus()
    wasAsking.current = asking
  }, [asking])
  if (!asking) {
    return (
      <button ref={resetRef} type="button" className="btn" onClick={() => setAsking(true)}>
        Reset
      </button>
    )
  }
  return (
    <span className="confirm" role="group" aria-label="Reset the lab?">
      <span>Reset everything?</span>
      <button
        ref={confirmRef}
        type="button"
        className="btn danger"
        onClick={() => {
          setAsking(false)
          onReset()
        }}
      >
        Yes, reset
      </button>
      <button type="button" className="btn" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  )
}
