// The "Share / Embed" button as it stands while the dialog's code loads: same place and name, not yet usable.
// It stays in the Tab order (aria-disabled, not disabled), and a focus it holds passes to the real button.
import { useLayoutEffect, useRef } from 'react'
import { handOverEmbedButtonFocus } from './embedButtonFocus'

export function EmbedButtonFallback() {
  const ref = useRef<HTMLButtonElement>(null)
  useLayoutEffect(() => {
    const button = ref.current
    // Runs before React removes the element, so it still knows whether it has the focus.
    return () => {
      if (button !== null && document.activeElement === button) handOverEmbedButtonFocus()
    }
  }, [])
  return (
    <button ref={ref} type="button" className="btn ghost" aria-haspopup="dialog" aria-disabled="true">
      Share / Embed
    </button>
  )
}
