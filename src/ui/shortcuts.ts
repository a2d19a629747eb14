// The keyboard shortcuts: one table used both by the key handler and by the shortcuts dialog.

export interface Shortcut {
  key: string
  /** How the key is shown in the dialog. */
  label: string
  action: 'toggle' | 'step' | 'send' | 'cart' | 'jump30' | 'theme' | 'help' | 'stickyOff' | 'stickyDuration' | 'stickyApp'
  description: string
}

export const SHORTCUTS: readonly Shortcut[] = [
  { key: 'p', label: 'P', action: 'toggle', description: 'Play or pause the virtual clock' },
  { key: '.', label: '.', action: 'step', description: 'Step to the next event (while paused)' },
  { key: 'r', label: 'R', action: 'send', description: 'Send a request from the selected client' },
  { key: 'a', label: 'A', action: 'cart', description: 'Add to cart for the selected client' },
  { key: 't', label: 'T', action: 'jump30', description: 'Advance the clock 30 seconds' },
  { key: '1', label: '1', action: 'stickyOff', description: 'Stickiness: Off (on the target group the listener forwards to)' },
  { key: '2', label: '2', action: 'stickyDuration', description: 'Stickiness: Duration-based (AWSALB cookie)' },
  { key: '3', label: '3', action: 'stickyApp', description: 'Stickiness: Application-based (follows the app’s cookie)' },
  { key: 'd', label: 'D', action: 'theme', description: 'Switch between the light and dark themes' },
  { key: '?', label: '?', action: 'help', description: 'Show this list of shortcuts' },
]

/** Shortcuts never fire while the learner types in a field or holds a modifier. */
export function shortcutFor(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>, target: EventTarget | null): Shortcut | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null
  const el = target as HTMLElement | null
  if (el && typeof el.closest === 'function' && el.closest('input, textarea, select, [contenteditable="true"], dialog[open] [role="document"]')) return null
  return SHORTCUTS.find((s) => s.key === e.key.toLowerCase() || s.key === e.key) ?? null
}
