// A header button as it stands while its dialog's code loads just after the first paint ("Share",
// "Keyboard shortcuts"): same place and name, not yet usable. It stays in the Tab order (aria-disabled, not
// disabled), and a focus it holds passes to the real button (pendingButtonFocus.ts).
import { useLayoutEffect, useRef } from 'react'
import { handOverFocus } from './pendingButtonFocus'

export function PendingButton({ label, className = '' }: { label: string; className?: string }) {
  const ref = useRef<HTMLButtonElement>(null)
  useLayoutEffect(() => {
    const button = ref.current
    // Runs before React removes the element, so it still knows whether it has the focus.
    return () => {
      if (button !== null && document.activeElement === button) handOverFocus(label)
    }
  }, [label])
  return (
    <button
      ref={ref}
      type="button"
      className={`btn ghost ${className}`.trim()}
      aria-haspopup="dialog"
      aria-disabled="true"
    >
      {label}
    </button>
  )
}
