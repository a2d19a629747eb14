// The part of persistence that is not needed to draw the first frame, loaded just after it (persistence.ts): the
// saved lab is replayed (with the replay format's full validation), unreadable data is backed up and explained in a
// banner with "Start fresh" and "Download backup", and from then on the lab, the preferences and the lesson progress
// are saved. While a lesson or drill has the stage, the learner's own lab is the stashed one (src/store/labStash.ts):
// that is what stickylab.lab.v1 keeps, and stashPersistence.ts keeps what is open over it. docs/persistence.md.
import { createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { replayOf } from '../../machines/replayFile'
import { useUiStore } from '../../store/uiStore'
import { SavedDataBanner, type SavedDataBannerProps } from '../../ui/components/SavedDataBanner'
import { parseProgress, PROGRESS_KEY, type Progress } from '../../lessons/progress'
import { readPrefs, type Prefs } from './savedState'
import {
  backupKeyOf,
  LAB_KEY,
  labSavingAllowed,
  PREFS_KEY,
  readStorage,
  setLabFlush,
  SAVE_INTERVAL_MS,
  type SavedProblem,
} from './savedStorage'
import { readSavedLab } from './savedLab'
import { liveLab, useStashStore } from '../../store/labStash'
import type { LessonActor } from '../../machines/lessonMachine'
import type { Lab } from '../../sim'
import { restoreStash, stashRecordText } from './stashPersistence'
import { STASH_KEY } from './savedStash'
import type { AppActor } from '../createApp'

export interface LabPersistenceOptions {
  storage: Storage
  keepsLab: boolean
  keepsPrefs: boolean
  /** The saved preferences as read at startup (only their theme was applied before the first paint). */
  prefsRaw: string | null
  /** The address opens a lesson (?lesson=): the saved lab is stashed behind it rather than shown. */
  lessonLinked?: boolean
  /** The page's lesson actor (it loads after the first paint): the stash reopens a lesson through it. */
  lessonActor?: Promise<LessonActor> | null
}

export function startLabPersistence(actor: AppActor, options: LabPersistenceOptions): () => void {
  const { storage, keepsLab, keepsPrefs } = options
  const banner = bannerHost()
  const problems: SavedProblem[] = []

  let lessonActor: LessonActor | null = null
  void options.lessonActor?.then((la) => (lessonActor = la))
  /** The stashed own lab as it is in storage now: not written again while it stays stashed (it cannot change). */
  let writtenOwn: Lab | null = null
  if (keepsLab) {
    const raw = readStorage(storage, LAB_KEY)
    const saved = readSavedLab(raw)
    if (saved.status === 'bad' && raw !== null)
      problems.push({ key: LAB_KEY, raw, message: saved.problem })
    const own = saved.status === 'ok' ? saved.value : null
    writtenOwn = own
    // Loads the own lab, or stashes it behind a lesson or drill that was open (or that a link opens).
    const stashProblem = restoreStash(actor, {
      storage,
      own,
      lessonLinked: options.lessonLinked ?? false,
      lessonActor: options.lessonActor ?? null,
    })
    if (stashProblem !== null) problems.push(stashProblem)
  }
  // After the lab, so the selected client exists. Read at startup: the record the theme came from.
  const prefsRaw = options.prefsRaw
  const prefs = readPrefs(prefsRaw)
  if (prefs.status === 'ok') applyPrefs(actor, prefs.value)
  else if (prefs.status === 'bad' && prefsRaw !== null)
    problems.unshift({ key: PREFS_KEY, raw: prefsRaw, message: prefs.problem })
  // Lesson progress is the lesson actor's (lessonMachine.ts): read here, handed to it once it has loaded.
  const progressRaw = readStorage(storage, PROGRESS_KEY)
  const saved = parseProgress(progressRaw)
  if (saved.problem !== null && progressRaw !== null) {
    console.warn(saved.problem)
    problems.push({
      key: PROGRESS_KEY,
      raw: progressRaw,
      message:
        'Your saved lesson progress could not be read: it is damaged or was written by a different version of Stickylab.',
    })
  }

  // Keys whose unreadable text could not be copied to a backup key: they are not overwritten until the
  // learner chooses "Start fresh" (the banner's "Download backup" still has the text in memory).
  let unbacked = problems.filter((p) => {
    try {
      storage.setItem(backupKeyOf(p.key), p.raw)
      return false
    } catch {
      return true
    }
  })
  if (problems.length > 0) {
    const startFresh = () => {
      for (const p of problems) {
        try {
          storage.removeItem(p.key)
        } catch {
          // Storage that cannot be written has nothing of ours to remove.
        }
      }
      if (problems.some((p) => p.key === LAB_KEY)) actor.send({ type: 'sim.reset' })
      unbacked = []
      banner.hide()
    }
    banner.show({
      kind: 'restore',
      problems: problems.map((p) => p.message),
      onStartFresh: startFresh,
      onDownloadBackup: () => downloadBackup(problems),
    })
  }

  // --- saving ---
  let saveFailedShown = false
  const failed = (reason: string) => {
    if (saveFailedShown) return
    saveFailedShown = true
    banner.show({
      kind: 'save',
      message: `${reason} Stickylab keeps working, but a reload would start afresh: use “Export replay” to keep a copy of this lab.`,
      onDismiss: banner.hide,
    })
  }
  const write = (key: string, text: string): boolean => {
    if (unbacked.some((p) => p.key === key)) return true
    try {
      storage.setItem(key, text)
      return true
    } catch (error) {
      failed(
        `The browser refused to store it (${error instanceof Error ? error.message : String(error)}; its storage may be full or blocked).`,
      )
      return false
    }
  }

  let timer: ReturnType<typeof setTimeout> | null = null
  // What was saved: the lab's version, its clock in whole virtual seconds (a running clock is kept too) and whether
  // the clock plays (the record keeps it: pausing a fresh lab before its first second must still be written).
  const savedKeyOf = (s: ReturnType<AppActor['getSnapshot']>) =>
    `${s.context.version}:${Math.floor(s.context.lab.now())}:${s.hasTag('playing')}`
  let savedKey = savedKeyOf(actor.getSnapshot())
  let writtenRecord: string | null = readStorage(storage, STASH_KEY)
  const saveLab = (force = false) => {
    if (timer !== null) clearTimeout(timer)
    timer = null
    const snapshot = actor.getSnapshot()
    if ((!force && savedKeyOf(snapshot) === savedKey) || !labSavingAllowed()) return
    savedKey = savedKeyOf(snapshot)
    // While the learner looks at the past, the lab to keep is the live one; while a lesson or drill has the stage,
    // the learner's own lab is the stashed one (written once: it does not change while it is away).
    const current = liveLab(actor)
    const { stash } = useStashStore.getState()
    const own = stash?.lab ?? current
    // A loaded lab changes in place, so only a stashed one (never loaded, never changed) may be skipped.
    if (stash === null || own !== writtenOwn) {
      const made = replayOf(own)
      // A recording that overflowed the log cannot be replayed: the last save that could be stays (documented).
      if (made.ok) write(LAB_KEY, JSON.stringify(made.replay))
    }
    writtenOwn = stash === null ? null : own
    saveStash(current, snapshot.hasTag('playing'))
  }
  const saveStash = (current: Lab, playing: boolean) => {
    const lesson = lessonActor?.getSnapshot().context
    const away = useStashStore.getState().stash?.away
    const step =
      away?.kind === 'lesson' && lesson?.lessonId === away.lessonId ? lesson.stepIndex : null
    const text = stashRecordText(current, playing, step)
    if (text === undefined || text === writtenRecord) return
    if (text !== null) {
      if (write(STASH_KEY, text)) writtenRecord = text
      return
    }
    if (unbacked.some((p) => p.key === STASH_KEY)) return
    try {
      storage.removeItem(STASH_KEY)
      writtenRecord = null
    } catch {
      // Storage that cannot be written has nothing of ours to remove.
    }
  }
  const savePrefs = () => {
    const ui = useUiStore.getState()
    const prefs: Prefs = {
      version: 1,
      theme: ui.theme,
      motion: ui.motion,
      speed: actor.getSnapshot().context.speed,
      selectedClient: ui.selectedClient,
      xray: ui.xray,
    }
    write(PREFS_KEY, JSON.stringify(prefs))
  }

  let lastSpeed = actor.getSnapshot().context.speed
  // Writes back what was just applied (or the defaults); unreadable preferences stay as they are until the
  // learner chooses "Start fresh" or changes a preference.
  if (keepsPrefs && prefs.status !== 'bad') savePrefs()
  const subs: { unsubscribe(): void }[] = []
  let stopped = false
  // Progress is restored and saved in embed mode too (it never decided the lab or the theme).
  let writtenProgress: Progress | null = null
  let progressFailed = false
  const saveProgress = (progress: Progress) => {
    if (progress === writtenProgress) return
    writtenProgress = progress
    if (unbacked.some((p) => p.key === PROGRESS_KEY)) return
    try {
      storage.setItem(PROGRESS_KEY, JSON.stringify(progress))
      progressFailed = false
    } catch (error) {
      // Private browsing or a full quota: progress lasts for this page only (said once per failure).
      if (!progressFailed)
        failed(
          `The browser refused to store your lesson progress (${error instanceof Error ? error.message : String(error)}).`,
        )
      progressFailed = true
    }
  }
  void options.lessonActor?.then((la) => {
    if (stopped) return
    la.send({ type: 'progress.restore', progress: saved.progress })
    writtenProgress = la.getSnapshot().context.progress
    subs.push(la.subscribe((s) => saveProgress(s.context.progress)))
  })
  void options.lessonActor?.then((la) => {
    if (stopped || !keepsLab) return
    // Moving to another step changes no lab, but the saved record names the step: written at once, so a reload
    // finds the lesson's lab under the step its link names.
    let seen = ''
    subs.push(
      la.subscribe((s) => {
        const place = `${s.context.lessonId}:${s.context.stepIndex}`
        if (place !== seen && seen !== '') setTimeout(() => !stopped && saveLab(true), 0)
        seen = place
      }),
    )
  })
  if (keepsLab) {
    subs.push(
      actor.subscribe((s) => {
        if (timer === null && savedKeyOf(s) !== savedKey)
          timer = setTimeout(saveLab, SAVE_INTERVAL_MS)
      }),
    )
    // Stashing or coming back is written at once (after the lab it swaps in has been loaded, a moment later), so
    // the learner's own lab is safe in storage before they start on the lesson.
    const unsubStash = useStashStore.subscribe((s, before) => {
      if (s.stash !== before.stash || s.resume !== before.resume)
        setTimeout(() => !stopped && saveLab(true), 0)
    })
    subs.push({ unsubscribe: unsubStash })
  }
  if (keepsPrefs) {
    subs.push(
      actor.subscribe((s) => {
        if (s.context.speed === lastSpeed) return
        lastSpeed = s.context.speed
        savePrefs()
      }),
    )
    const unsubUi = useUiStore.subscribe((s, before) => {
      if (
        s.theme !== before.theme ||
        s.motion !== before.motion ||
        s.selectedClient !== before.selectedClient ||
        s.xray !== before.xray
      )
        savePrefs()
    })
    subs.push({ unsubscribe: unsubUi })
  }
  const flush = () => {
    if (keepsLab) saveLab(true)
  }
  setLabFlush(flush)
  const onHidden = () => {
    if (document.visibilityState === 'hidden') flush()
  }
  window.addEventListener('pagehide', flush)
  document.addEventListener('visibilitychange', onHidden)

  return () => {
    stopped = true
    flush()
    setLabFlush(null)
    for (const s of subs) s.unsubscribe()
    window.removeEventListener('pagehide', flush)
    document.removeEventListener('visibilitychange', onHidden)
    banner.hide()
  }
}

function applyPrefs(actor: AppActor, prefs: Prefs): void {
  const ui = useUiStore.getState()
  ui.setTheme(prefs.theme)
  ui.setMotion(prefs.motion)
  ui.setXray(prefs.xray)
  ui.selectClient(prefs.selectedClient)
  actor.send({ type: 'sim.setSpeed', speed: prefs.speed })
}

/** One JSON file holding the raw text of every unreadable item, by storage key. */
function downloadBackup(problems: readonly SavedProblem[]): void {
  const body = Object.fromEntries(problems.map((p) => [p.key, p.raw]))
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }),
  )
  const a = document.createElement('a')
  a.href = url
  a.download = 'stickylab-backup.json'
  a.click()
  // The click has started the download; the object URL is no longer needed afterwards.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

function bannerHost() {
  let mounted: { root: Root; host: HTMLElement } | null = null
  return {
    show(props: SavedDataBannerProps) {
      if (mounted === null) {
        const host = document.createElement('div')
        host.className = 'saved-data-banner-host'
        document.body.prepend(host)
        mounted = { root: createRoot(host), host }
      }
      mounted.root.render(createElement(SavedDataBanner, props))
    },
    hide() {
      mounted?.root.unmount()
      mounted?.host.remove()
      mounted = null
    },
  }
}
