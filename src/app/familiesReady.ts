// The Network, Gateway and Classic load balancer families load in their own chunk, beside the picture, instead of
// before the first paint (ADR 0018). A <script type="module"> inserted while the page loads holds the page's load
// event until it and its imports have run (an import() would not), so window.stickylab is complete once the page
// has loaded; the chunk installs the families into the core when it runs (src/sim/families.ts).
import { familiesInstalled } from '../sim/core'
import familiesUrl from '../sim/families?moduleScript'

/** Resolves once the families are installed; rejects when their chunk cannot be loaded or run. */
export const familiesReady: Promise<void> = new Promise((resolve, reject) => {
  const script = document.createElement('script')
  script.type = 'module'
  script.src = familiesUrl
  const failed = () =>
    reject(
      new Error(`The Network, Gateway and Classic load balancers did not load (${familiesUrl})`),
    )
  // A module script's load event fires after it has run, even when running it threw: the slot tells which.
  script.onload = () => (familiesInstalled() ? resolve() : failed())
  script.onerror = failed
  document.head.append(script)
})
