// The message shown above the page when it was opened from a share link ("#lab=…"): what went wrong with a
// bad link (an alert), or that the shared lab is loaded and paused. Dismissible.
import './SharedLabBanner.css'

export interface SharedLabBannerProps {
  kind: 'error' | 'info'
  message: string
  onDismiss: () => void
}

export function SharedLabBanner({ kind, message, onDismiss }: SharedLabBannerProps) {
  const title = kind === 'error' ? 'This shared link could not be opened' : 'Shared lab loaded'
  return (
    <div className={`shared-lab-banner ${kind}`} role="region" aria-label="Shared link">
      <div role={kind === 'error' ? 'alert' : 'status'} className="shared-lab-banner-text">
        <strong>{title}.</strong> {message}
      </div>
      <button type="button" className="btn" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  )
}
