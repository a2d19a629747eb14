// Buttons that take the learner (keyboard users included) to the controls a step highlights, named after the
// stage objects they are when the page shows the stage (findControls.ts stageObjects).
import { useState } from 'react'
import { flushSync } from 'react-dom'
import { KNOWN_CONTROLS, splitHighlight } from '../../lessons/controls'
import { isPhoneTabId } from '../../view/slotPlaces'
import { reducedMotionOf, useUiStore } from '../../store/uiStore'
import { useEmbedMode } from '../hooks/embedContext'
import { disclosersOf, findControls, focusTarget } from './findControls'
import { pointerName } from './pointerName'

/**
 * Why a control is not on the page yet. Every panel a lesson needs is shown (src/view/lessonPanels.ts), so a
 * control is missing only until the lab is in the state that shows it ("App cookie name" once app_cookie is chosen).
 */
function notYet(highlight: string): string {
  const { scope, name } = splitHighlight(highlight)
  const when = KNOWN_CONTROLS.find((c) => c.name === name)?.when
  if (when !== undefined) return `${name} is shown when ${when}.`
  if (scope !== null && /^Client /.test(scope))
    return `${scope.slice(7)} has no browser in the lab yet: add it first.`
  return `${pointerName(highlight, false)} is not in the lab right now.`
}

export function ControlFinder({ highlights }: { highlights: readonly string[] }) {
  const reducedMotion = useUiStore(reducedMotionOf)
  const { panels } = useEmbedMode()
  const stage = panels === null || panels.includes('topology')
  // A "Go to" never does nothing: when the control is not there yet, it says why.
  const [missing, setMissing] = useState({ of: highlights, text: '' })
  if (highlights.length === 0) return null
  const go = (highlight: string) => {
    const el = findControls(document, highlight)[0]
    setMissing({ of: highlights, text: el === undefined ? notYet(highlight) : '' })
    if (el === undefined) return
    // The control may sit in a hidden tab (the dock's, or a phone's): open that tab first, so there is something to scroll to.
    const tab = el.closest<HTMLElement>('[role="tabpanel"][data-tab]')?.dataset.tab
    if (isPhoneTabId(tab)) flushSync(() => useUiStore.getState().showPhoneTab(tab))
    // A control behind a closed disclosure (the clock's Jump ahead) is shown by its own button, as a click would.
    for (const button of disclosersOf(el))
      if (button.getAttribute('aria-expanded') === 'false') flushSync(() => button.click())
    el.scrollIntoView({ block: 'center', behavior: reducedMotion ? 'auto' : 'smooth' })
    // Something with nothing to press (a browser's jar that says "No cookies yet") still takes the focus, so a
    // keyboard or screen reader user lands where a sighted learner looks.
    const target = focusTarget(el) ?? (el instanceof HTMLElement ? el : null)
    if (target === el && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1')
    target?.focus({ preventScroll: true })
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
          aria-label={`Go to ${pointerName(h, stage)}`}
          onClick={() => go(h)}
        >
          {pointerName(h, stage)}
        </button>
      ))}
      <span role="status" className="lesson-find-missing">
        {/* Only for this step's highlights: a message about the previous step's controls is stale. */}
        {missing.of === highlights ? missing.text : ''}
      </span>
    </div>
  )
}
