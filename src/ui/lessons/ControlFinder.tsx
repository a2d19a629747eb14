// Buttons that take the learner (keyboard users included) to the controls a step highlights.
import { flushSync } from 'react-dom'
import { splitHighlight } from '../../lessons/controls'
import { isPhoneTabId } from '../../view/slotPlaces'
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
    // On a phone the control may sit in a hidden tab: open that tab first, so there is something to scroll to.
    const tab = el.closest<HTMLElement>('[role="tabpanel"][data-tab]')?.dataset.tab
    if (isPhoneTabId(tab)) flushSync(() => useUiStore.getState().showPhoneTab(tab))
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
