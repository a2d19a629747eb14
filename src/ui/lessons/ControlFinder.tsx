// Buttons that take the learner (keyboard users included) to the controls a step highlights.
import { splitHighlight } from '../../lessons/controls'
import { reducedMotionOf, useUiStore } from '../../store/uiStore'
import { findControls, focusTarget } from './findControls'

function visibleName(highlight: string): string {
  const { scope, name } = splitHighlight(highlight)
  return scope === null ? name : `${scope} › ${name}`
}

export function ControlFinder({ highlights }: { highlights: readonly string[] }) {
  const reducedMotion = useUiStore(reducedMotionOf)
  if (highlights.length === 0) return null
  const go = (highlight: string) => {
    const el = findControls(document, highlight)[0]
    if (el === undefined) return
    el.scrollIntoView({ block: 'center', behavior: reducedMotion ? 'auto' : 'smooth' })
    focusTarget(el)?.focus({ preventScroll: true })
  }
  return (
    <div className="lesson-find" role="group" aria-label="Go to a control">
      <span className="lesson-find-label" aria-hidden="true">
        Go to:
      </span>
      {highlights.map((h) => (
        <button
          key={h}
          type="button"
          className="btn small lesson-find-btn"
          aria-label={`Go to ${visibleName(h)}`}
          onClick={() => go(h)}
        >
          {visibleName(h)}
        </button>
      ))}
    </div>
  )
}
