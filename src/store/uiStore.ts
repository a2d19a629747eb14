// UI-only state (never anything that changes simulation results): theme, motion preference, selection, panels.
import { create } from 'zustand'
import type { PhoneTabId } from '../view/slotPlaces'

export type Theme = 'light' | 'dark'
export type MotionPref = 'system' | 'reduce' | 'full'

export interface UiState {
  theme: Theme
  motion: MotionPref
  systemReducedMotion: boolean
  selectedClient: string | null
  selectedRequest: number | null
  /** Cookies panel: reveal what the simulated load-balancer cookies encode (real AWS encrypts them). */
  xray: boolean
  /** Inspector filters ('' = all). */
  requestFilter: { client: string; target: string; decision: string }
  /**
   * The open tab (src/view/slotPlaces.ts): on phones any tab, the stage ("lab") included; beside the stage the
   * dock shows it unless it is the stage's own, then the dock's default. Kept when the screen widens and narrows.
   */
  phoneTab: PhoneTabId
  showPhoneTab(tab: PhoneTabId): void
  /** The stage's controls are on screen: a learner can send a request (read by the startup benchmark's mark). */
  stageReady: boolean
  markStageReady(): void
  /** The first-visit welcome on the stage (src/app/welcome.ts decides whether it shows). */
  welcome: boolean
  dismissWelcome(): void
  /** A lesson to open as soon as the lessons have loaded ('first': the catalog's first), from the welcome. */
  lessonRequest: 'first' | null
  requestFirstLesson(): void
  takeLessonRequest(): 'first' | null
  setXray(on: boolean): void
  setRequestFilter(filter: Partial<UiState['requestFilter']>): void
  setTheme(theme: Theme): void
  setMotion(motion: MotionPref): void
  setSystemReducedMotion(reduce: boolean): void
  selectClient(id: string | null): void
  selectRequest(id: number | null): void
}

function initialTheme(): Theme {
  if (typeof window === 'undefined' || !window.matchMedia) return 'light'
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

/** A lesson deep link (?lesson=…) opens on the Learn tab on phones; anything else on the picture. */
function initialPhoneTab(): PhoneTabId {
  if (typeof window === 'undefined') return 'lab'
  return new URLSearchParams(window.location.search).has('lesson') ? 'learn' : 'lab'
}

export const useUiStore = create<UiState>()((set, get) => ({
  theme: initialTheme(),
  motion: 'system',
  systemReducedMotion: false,
  selectedClient: 'alice',
  selectedRequest: null,
  xray: false,
  requestFilter: { client: '', target: '', decision: '' },
  phoneTab: initialPhoneTab(),
  showPhoneTab: (phoneTab) => set({ phoneTab }),
  stageReady: false,
  markStageReady: () => set({ stageReady: true }),
  welcome: false,
  dismissWelcome: () => set({ welcome: false }),
  lessonRequest: null,
  requestFirstLesson: () => set({ welcome: false, lessonRequest: 'first', phoneTab: 'learn' }),
  takeLessonRequest: () => {
    const request = get().lessonRequest
    if (request !== null) set({ lessonRequest: null })
    return request
  },
  setXray: (xray) => set({ xray }),
  setRequestFilter: (filter) => set((s) => ({ requestFilter: { ...s.requestFilter, ...filter } })),
  setTheme: (theme) => set({ theme }),
  setMotion: (motion) => set({ motion }),
  setSystemReducedMotion: (systemReducedMotion) => set({ systemReducedMotion }),
  selectClient: (selectedClient) => set({ selectedClient }),
  selectRequest: (selectedRequest) => set({ selectedRequest }),
}))

/** Whether animation should be replaced by instant state changes. */
export function reducedMotionOf(s: Pick<UiState, 'motion' | 'systemReducedMotion'>): boolean {
  return s.motion === 'reduce' || (s.motion === 'system' && s.systemReducedMotion)
}
