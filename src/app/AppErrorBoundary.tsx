// Recovery when drawing the app throws (issue 16): instead of an empty page, the shell stays — the title, what went
// wrong in plain words, and "Start fresh". Start fresh keeps a copy of the saved lab in its backup key (as
// unreadable saved data already is, docs/persistence.md), removes it, drops any "#lab=" link and reloads. From the
// moment of the error the lab is not saved any more, so a lab that breaks the page never overwrites a good save.
import { Component, type ErrorInfo, type ReactNode } from 'react'
import '../ui/components/SharedLabBanner.css'
import '../ui/components/SavedDataBanner.css'
import { backupKeyOf, LAB_KEY, readStorage, stopLabSaving } from './persistence/savedStorage'

interface Props {
  children: ReactNode
}

export class AppErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null }

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    stopLabSaving()
    console.error('Stickylab could not draw the page:', error, info.componentStack)
  }

  override render() {
    const { error } = this.state
    if (error === null) return this.props.children
    return (
      <main className="app-error">
        <h1>Stickylab</h1>
        <div className="shared-lab-banner error saved-data-banner" role="region" aria-label="Error">
          <div role="alert" className="shared-lab-banner-text">
            <strong>Stickylab stopped drawing this lab.</strong> Something in it could not be shown: {error.message}.
            Your saved lab has not been changed since. “Start fresh” keeps a copy of it (stickylab.lab.v1.backup) and
            opens the default lab.
          </div>
          <div className="saved-data-actions">
            <button type="button" className="btn primary" onClick={startFresh}>
              Start fresh
            </button>
          </div>
        </div>
      </main>
    )
  }
}

function startFresh(): void {
  try {
    const storage = window.localStorage
    const raw = readStorage(storage, LAB_KEY)
    if (raw !== null) storage.setItem(backupKeyOf(LAB_KEY), raw)
    storage.removeItem(LAB_KEY)
  } catch {
    // Storage blocked or full: the reload below still opens the default lab when no saved lab can be read.
  }
  window.location.replace(window.location.pathname + window.location.search.replace(/[?&]lesson=[^&]*/g, ''))
}
