// Highlights the controls a lesson step names by adding a CSS class to them (and to the phone tab holding
// them), and keeps doing so as the panels re-render (controls appear and disappear with the lab's state). Removes every mark on cleanup.
import { useEffect } from 'react'
import { disclosersOf, findControls } from './findControls'

export const HIGHLIGHT_CLASS = 'lesson-highlight'

export function useHighlight(highlights: readonly string[]): void {
  const key = highlights.join('\u0000')
  useEffect(() => {
    const names = key === '' ? [] : key.split('\u0000')
    if (names.length === 0) return
    let marked = new Set<Element>()
    let frame = 0
    const apply = () => {
      frame = 0
      const next = new Set(names.flatMap((n) => findControls(document, n)))
      // The tab holding a highlighted control is marked too, so the learner knows where to look, and so is
      // the button that shows a closed control (the clock's Jump ahead).
      for (const el of Array.from(next)) {
        const tab = el.closest('[role="tabpanel"]')?.getAttribute('aria-labelledby')
        const button = tab ? document.getElementById(tab) : null
        if (button !== null) next.add(button)
        for (const discloser of disclosersOf(el)) next.add(discloser)
      }
      for (const el of marked) if (!next.has(el)) el.classList.remove(HIGHLIGHT_CLASS)
      for (const el of next)
        if (!el.classList.contains(HIGHLIGHT_CLASS)) el.classList.add(HIGHLIGHT_CLASS)
      marked = next
    }
    apply()
    // Panels re-render often; look again at most once per frame, and ignore our own class changes.
    const observer = new MutationObserver(() => {
      if (frame === 0) frame = requestAnimationFrame(apply)
    })
    observer.observe(document.body, { childList: true, subtree: true })
    return () => {
      observer.disconnect()
      if (frame !== 0) cancelAnimationFrame(frame)
      for (const el of marked) el.classList.remove(HIGHLIGHT_CLASS)
    }
  }, [key])
}
