// Says so when an action failed by throwing (issue 16, finding 7): the lab machine catches the exception, leaves the
// lab as it was and records it in `failure`; this alert tells the learner instead of buttons silently doing nothing.
import { useFramedSelector } from '../ui/hooks/useFramedSelector'
import { useState } from 'react'
import { useLabActor } from '../ui/hooks/labActorContext'
import '../ui/components/SharedLabBanner.css'

export function FailureNotice() {
  const actor = useLabActor()
  const failure = useFramedSelector(actor, (s) => s.context.failure)
  // Each failure is a new object, so dismissing one does not hide the next.
  const [dismissed, setDismissed] = useState<object | null>(null)
  if (failure === null || failure === dismissed) return null
  return (
    <div className="shared-lab-banner error" role="region" aria-label="Action failed">
      <div role="alert" className="shared-lab-banner-text">
        <strong>That action could not be done.</strong> {failure.message}. The lab was not changed.
      </div>
      <button type="button" className="btn" onClick={() => setDismissed(failure)}>
        Dismiss
      </button>
    </div>
  )
}
