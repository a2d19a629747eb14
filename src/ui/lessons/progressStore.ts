// The learner's saved progress (lessons and drills) shared by the lesson and drill panels, persisted in
// localStorage under stickylab.progress.v1. Unreadable saved data is ignored with a console warning.
import { create } from 'zustand'
import {
  parseProgress,
  PROGRESS_KEY,
  withDrillAnswered,
  type Progress,
} from '../../lessons/progress'

function load(): Progress {
  let raw: string | null = null
  try {
    raw = window.localStorage.getItem(PROGRESS_KEY)
  } catch (error) {
    console.warn(`Stickylab could not read saved progress: ${String(error)}`)
  }
  const { progress, problem } = parseProgress(raw)
  if (problem !== null) console.warn(problem)
  return progress
}

function save(progress: Progress): void {
  try {
    window.localStorage.setItem(PROGRESS_KEY, JSON.stringify(progress))
  } catch (error) {
    // Private browsing or a full quota: progress lasts for this page only.
    console.warn(`Stickylab could not save progress: ${String(error)}`)
  }
}

interface ProgressState {
  progress: Progress
  setLessons(lessons: Progress['lessons']): void
  answerDrill(drillId: string, correct: boolean): void
}

export const useProgressStore = create<ProgressState>()((set, get) => ({
  progress: load(),
  setLessons(lessons) {
    if (lessons === get().progress.lessons) return
    const progress = { ...get().progress, lessons }
    save(progress)
    set({ progress })
  },
  answerDrill(drillId, correct) {
    const progress = withDrillAnswered(get().progress, drillId, correct)
    save(progress)
    set({ progress })
  },
}))
