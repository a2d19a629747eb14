// Keeps the learner's lab, preferences and lesson progress (the lesson actor's) in localStorage so they survive a
// reload. Before the first paint only the saved theme is read (savedThemeHint: a dark
// page must not flash light); just after it, once the lab is ready (afterFirstPaint waits for labReady: a saved lab
// may be a Network, Gateway or Classic one), labPersistence.ts validates and applies the whole preferences record,
// restores the saved lab, backs up and explains unreadable data ("Start fresh", "Download backup") and starts
// saving: throttled (at most one lab write every SAVE_INTERVAL_MS, none per frame) and flushed when the page is
// hidden. A share link, a lesson deep link or embed mode takes precedence: the saved lab is then neither restored
// nor overwritten. docs/persistence.md.
import { isShareHash } from '../../machines/shareHash'
import { useUiStore } from '../../store/uiStore'
import { PREFS_KEY, readStorage, savedThemeHint } from './savedStorage'
import { afterFirstPaint } from '../firstPaint'
import type { AppActor } from '../createApp'
import type { LessonActor } from '../../machines/lessonMachine'

export interface PersistenceOptions {
  /** Embedded in a course page: the host page decides the lab and the theme, so neither is restored or saved. */
  embed: boolean
  storage?: Storage | null
  location?: Pick<Location, 'hash' | 'search'>
  /** The page's lesson actor, loading after the first paint: a stashed lesson reopens through it. */
  lessonActor?: Promise<LessonActor> | null
}

export function startPersistence(actor: AppActor, options: PersistenceOptions): () => void {
  const storage = options.storage === undefined ? safeLocalStorage() : options.storage
  if (storage === null) return () => {}
  const location = options.location ?? window.location
  // A share link decides the lab and leaves the saved one alone. A lesson link shows its lesson, with the saved lab
  // stashed behind it for "Back to your lab" (src/store/labStash.ts).
  const lessonLinked = new URLSearchParams(location.search).has('lesson')
  const keepsLab = !options.embed && !isShareHash(location.hash)
  const keepsPrefs = !options.embed

  // The theme shapes the first frame, so it is applied now; the other preferences follow with the saved lab.
  const prefsRaw = keepsPrefs ? readStorage(storage, PREFS_KEY) : null
  const theme = savedThemeHint(prefsRaw)
  if (theme !== null) useUiStore.getState().setTheme(theme)
  // The whole preferences record, the saved lab, the banner and saving follow just after the first paint.
  let stop: (() => void) | null = null
  let stopped = false
  void afterFirstPaint()
    .then(() => import('./labPersistence'))
    .then((m) => {
      if (stopped) return
      const lessonActor = options.lessonActor ?? null
      stop = m.startLabPersistence(actor, {
        storage,
        keepsLab,
        keepsPrefs,
        prefsRaw,
        lessonLinked,
        lessonActor,
      })
    })
  return () => {
    stopped = true
    stop?.()
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    // Storage blocked by the browser's settings: nothing is restored or saved.
    return null
  }
}
