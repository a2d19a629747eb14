// The learner's saved progress (lessons and drills) shared by the lesson and drill panels, persisted in
// localStorage under stickylab.progress.v1. Unreadable saved data starts empty progress and is kept in
// `loadProblem` (with its raw text), so the app can back it up and tell the learner (src/app/persistence.ts).
import { create } from 'zustand'
import {
  parseProgress,
  PROGRESS_KEY,
  withDrillAnswered,
  type Progress,
} from '../../lessons/progress'

/** Saved progress that could not be read: its raw text and a sentence for the learner. */
export interface ProgressLoadProblem {
  raw: string
  message: string
}

function load(): { progress: Progress; loadProblem: ProgressLoadProblem | null } {
  let raw: string | null = null
  try {
    raw = window.localStorage.getItem(PROGRESS_KEY)
  } catch (error) {
    console.warn(`Stickylab could not read saved progress: ${String(error)}`)
  }
  const { progress, problem } = parseProgress(raw)
  if (problem === null || raw === null) return { progress, loadProblem: null }
  console.warn(problem)
  return {
    progress,
    loadProblem: {
      raw,
      message:
        'Your saved lesson progress could not be read: it is damaged or was written by a different version of Stickylab.',
    },
  }
}

/** Why the latest save failed (private browsing, full storage), or null. */
function save(progress: Progress): string | null {
  try {
    window.localStorage.setItem(PROGRESS_KEY, JSON.stringify(progress))
    return null
  } catch (error) {
    // Private browsing or a full quota: progress lasts for this page only.
    return error instanceof Error ? error.message : String(error)
  }
}

interface ProgressState {
  progress: Progress
  loadProblem: ProgressLoadProblem | null
  saveError: string | null
  setLessons(lessons: Progress['lessons']): void
  answerDrill(drillId: string, correct: boolean): void
}

const initial = load()

export const useProgressStore = create<ProgressState>()((set, get) => ({
  progress: initial.progress,
  loadProblem: initial.loadProblem,
  saveError: null,
  setLessons(lessons) {
    if (lessons === get().progress.lessons) return
    const progress = { ...get().progress, lessons }
    set({ progress, saveError: save(progress) })
  },
  answerDrill(drillId, correct) {
    const progress = withDrillAnswered(get().progress, drillId, correct)
    set({ progress, saveError: save(progress) })
  },
}))
