// Startup from a share link: when the address has "#lab=…", decode it after the first render and load that
// lab (paused) in place of the default one. A bad link leaves the default lab and shows a banner saying
// what is wrong. A link pasted into the same tab later (hashchange) is loaded the same way.
import { createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { decodeShareFragment, isShareHash } from '../machines/shareLink'
import { SharedLabBanner } from '../ui/components/SharedLabBanner'
import { formatClock } from '../ui/format'
import type { AppActor } from './createApp'
import { flushLabNow, stopLabSaving } from './persistence/savedStorage'
import { openReplay } from '../ui/hooks/openReplay'

/** `atStartup` false when the first "#lab=" link arrives after the page loaded (a pasted link). */
export function loadSharedLab(actor: AppActor, atStartup = true): () => void {
  let banner: { root: Root; host: HTMLElement } | null = null
  let attempt = 0

  const hideBanner = () => {
    banner?.root.unmount()
    banner?.host.remove()
    banner = null
  }
  const showBanner = (kind: 'error' | 'info', message: string) => {
    if (banner === null) {
      const host = document.createElement('div')
      host.className = 'shared-lab-banner-host'
      document.body.prepend(host)
      banner = { root: createRoot(host), host }
    }
    banner.root.render(createElement(SharedLabBanner, { kind, message, onDismiss: hideBanner }))
  }

  /** At startup a bad link leaves the default lab; later (a pasted link) it leaves the learner's own lab. */
  const load = async (atStartup: boolean) => {
    const kept = atStartup ? 'The default lab was loaded instead.' : 'Your lab was not changed.'
    const hash = window.location.hash
    if (!isShareHash(hash)) return
    // A newer hashchange wins over a decode still in flight.
    const mine = ++attempt
    const decoded = await decodeShareFragment(hash)
    if (mine !== attempt) return
    if (!decoded.ok) {
      showBanner('error', `${decoded.message} ${kept}`)
      return
    }
    // A link pasted into an open tab must not overwrite the learner's saved lab (docs/persistence.md): their own
    // lab is written as it is now, and this tab saves no lab from here on.
    if (!atStartup) flushLabNow()
    const opened = await openReplay(
      actor,
      decoded.replay,
      decoded.workMs,
      (done) => showBanner('info', `Opening the shared lab: ${Math.floor(done * 100)} % of its events replayed…`),
      () => mine !== attempt,
    )
    if (mine !== attempt) return
    if (!opened.ok) {
      showBanner('error', `${opened.message} ${kept}`)
      return
    }
    if (!atStartup) stopLabSaving()
    const lab = actor.getSnapshot().context.lab
    const events = decoded.replay.log.length
    showBanner(
      'info',
      `It holds ${events.toLocaleString('en-US')} recorded event${events === 1 ? '' : 's'} and is paused at ${formatClock(lab.now())}. Press Play to carry on, or scrub through it with the Timeline.`,
    )
  }

  const onHashChange = () => void load(false)
  window.addEventListener('hashchange', onHashChange)
  void load(atStartup)
  return () => {
    window.removeEventListener('hashchange', onHashChange)
    hideBanner()
  }
}
