// The first-visit welcome, on the stage itself: what to try, in three sentences, and two ways on.
import { useUiStore } from '../../store/uiStore'
import './Welcome.css'

export function Welcome() {
  const shown = useUiStore((s) => s.welcome)
  if (!shown) return null
  const { requestFirstLesson, dismissWelcome } = useUiStore.getState()
  return (
    <section className="welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">Watch a load balancer choose</h2>
      <p>
        Send requests from the browser and watch which instance each one reaches. Then turn on stickiness on the
        target group and see the browser stick to one instance. Lesson 1 walks you through it in a few minutes.
      </p>
      <div className="welcome-actions">
        <button type="button" className="btn primary" onClick={requestFirstLesson}>
          Start lesson 1
        </button>
        <button type="button" className="btn" onClick={dismissWelcome}>
          Explore on my own
        </button>
      </div>
    </section>
  )
}
