// Entry point: create the lab and lesson actors, apply the embed options (and the host-page API when framed),
// start the frame driver, expose the scripting API, render.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createLab, LAB_API_VERSION, type Lab } from '../sim/core'
import type { LabEvent } from '../machines/labMachine'
import { LabActorContext } from '../ui/hooks/labActorContext'
import { LessonActorContext } from '../ui/hooks/lessonActorContext'
import { App } from './App'
import { AppErrorBoundary } from './AppErrorBoundary'
import { FailureNotice } from './FailureNotice'
import { createApp } from './createApp'
import { afterFirstPaint, deferred, labIsInteractive } from './firstPaint'
import { useUiStore } from '../store/uiStore'
import { startDriver } from './driver'
import { startEmbed } from './embedHost'
import { EmbedModeProvider } from './embedPanels'
import { startPersistence } from './persistence/startPersistence'
import { startWelcome } from './welcome'
import { registerServiceWorker } from './registerServiceWorker'
import { labReady } from './labReady'
import '../ui/styles.css'

const actor = createApp()
// The lesson catalog, machine and saved progress arrive in their own chunk just after the first paint, once the lab
// is ready (a lesson may need another type's family, labReady.ts); the components that need the lesson actor
// suspend until it is ready (lessonActorContext.ts).
const lessonActor = deferred(() => import('./createLessonActor'))().then((m) =>
  m.createLessonActor(actor),
)
// Before the driver starts, so autoplay=0 never lets a frame run.
const embedMode = startEmbed(actor, lessonActor)
// Restores the saved lab and preferences (unless a link or embed mode decides the lab) once the lab is ready: the
// saved lab may be a Network, Gateway or Classic one (labReady.ts, through afterFirstPaint).
startPersistence(actor, { embed: embedMode.embed, lessonActor })
// The startup benchmark's mark: when the stage's controls (Send request) are first on screen.
const stopReady = useUiStore.subscribe((s) => {
  if (!s.stageReady) return
  stopReady()
  labIsInteractive()
})
startWelcome({ embed: embedMode.embed, storage: localStorageOrNull(), location: window.location })
// The clock starts with the lab ready: until then no picture shows its time, and a restored or linked lab replaces
// this one without ticks of a lab nobody saw (labReady.ts).
void labReady.then(() => startDriver(actor))

declare global {
  interface Window {
    stickylab: {
      createLab: typeof createLab
      version: typeof LAB_API_VERSION
      /**
       * Resolves once the decision sentences and the Network, Gateway and Classic load balancers have loaded: results
       * made before carry '' until then (ADR 0017), and the families are in by the page's load event (ADR 0018).
       */
      ready: Promise<void>
      /** The lab on this page: read it with `lab()`, change it with `send(event)` so the picture follows. */
      current: { lab: () => Lab; send: (event: LabEvent) => void }
    }
    /** performance.now() when the lab first became interactive (read by the startup benchmark). */
    __stickylabReadyAt?: number
  }
}
window.stickylab = {
  createLab,
  version: LAB_API_VERSION,
  ready: labReady,
  current: { lab: () => actor.getSnapshot().context.lab, send: (event) => actor.send(event) },
}

// After the first paint: installing precaches every chunk, which must not compete with starting the lab.
void afterFirstPaint().then(registerServiceWorker)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LabActorContext.Provider value={actor}>
      <LessonActorContext.Provider value={lessonActor}>
        <EmbedModeProvider mode={embedMode} lessons={lessonActor}>
          <AppErrorBoundary>
            <FailureNotice />
            <App />
          </AppErrorBoundary>
        </EmbedModeProvider>
      </LessonActorContext.Provider>
    </LabActorContext.Provider>
  </StrictMode>,
)

// After the first render, so a "#lab=…" link never delays the page: the shared lab replaces the default one once the
// lab is ready (it may be of any type, labReady.ts). Its decoder (and the replay format's validation) loads only when
// the address has, or later gets, such a link.
const loadShared = (atStartup: boolean) => {
  if (!window.location.hash.startsWith('#lab=')) return
  window.removeEventListener('hashchange', onHashChange)
  void Promise.all([import('./loadSharedLab'), labReady]).then(([m]) =>
    m.loadSharedLab(actor, atStartup),
  )
}
const onHashChange = () => loadShared(false)
window.addEventListener('hashchange', onHashChange)
loadShared(true)

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}
