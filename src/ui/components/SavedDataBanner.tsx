// The alert above the page when saved data could not be restored (what happened, in plain words, with
// "Start fresh" and "Download backup"), or when saving failed (with "Dismiss"). See docs/persistence.md.
import './SharedLabBanner.css'
import './SavedDataBanner.css'

export type SavedDataBannerProps =
  | {
      kind: 'restore'
      problems: readonly string[]
      onStartFresh: () => void
      onDownloadBackup: () => void
    }
  | { kind: 'save'; message: string; onDismiss: () => void }

export function SavedDataBanner(props: SavedDataBannerProps) {
  if (props.kind === 'save') {
    return (
      <div className="shared-lab-banner error saved-data-banner" role="region" aria-label="Saving">
        <div role="alert" className="shared-lab-banner-text">
          <strong>Your work could not be saved in this browser.</strong> {props.message}
        </div>
        <button type="button" className="btn" onClick={props.onDismiss}>
          Dismiss
        </button>
      </div>
    )
  }
  return (
    <div
      className="shared-lab-banner error saved-data-banner"
      role="region"
      aria-label="Saved data"
    >
      <div role="alert" className="shared-lab-banner-text">
        <strong>Some of your saved work could not be restored.</strong>
        <ul>
          {props.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
        A copy of the unreadable data was kept: “Download backup” saves it as a file. “Start fresh”
        carries on from a new start and discards the unreadable data from this browser (the backup
        copy stays).
      </div>
      <div className="saved-data-actions">
        <button type="button" className="btn primary" onClick={props.onStartFresh}>
          Start fresh
        </button>
        <button type="button" className="btn" onClick={props.onDownloadBackup}>
          Download backup
        </button>
      </div>
    </div>
  )
}
