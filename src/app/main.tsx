// Entry point: create the lab and lesson actors, apply the embed options (and the host-page API when framed),
// start the frame driver, expose the scripting API, render.
import './zodWithoutEval'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createLab, LAB_API_VERSION, type Lab } from '../sim'
import type { LabEvent } from '../machines/labMachine'
import { EmbedContext } from '../ui/hooks/embedContext'
import { LabActorContext } from '../ui/hooks/labActorContext'
import { LessonActorContext } from '../ui/hooks/lessonActorContext'
import { App } from './App'
import { createApp, createLessonActor } from './createApp'
import { startDriver } from './driver'
import { startEmbed } from './embedHost'
import { loadSharedLab } from './loadSharedLab'
import { startPersistence } from './persistence'
import { registerServiceWorker } from './registerServiceWorker'
import '../ui/styles.css'

const actor = createApp()
const lessonActor = createLessonActor(actor)
// Before the driver starts, so autoplay=0 never lets a frame run.
const embedMode = startEmbed(actor, lessonActor)
// Restores the saved lab and preferences (unless a link or embed mode decides the lab) before anything is drawn.
startPersistence(actor, { embed: embedMode.embed })
startDriver(actor)

declare global {
  interface Window {
    stickylab: {
      createLab: typeof createLab
      version: typeof LAB_API_VERSION
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
  current: { lab: () => actor.getSnapshot().context.lab, send: (event) => actor.send(event) },
}

registerServiceWorker()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LabActorContext.Provider value={actor}>
      <LessonActorContext.Provider value={lessonActor}>
        <EmbedContext.Provider value={embedMode}>
          <App />
        </EmbedContext.Provider>
      </LessonActorContext.Provider>
    </LabActorContext.Provider>
  </StrictMode>,
)

// After the first render, so a "#lab=…" link never delays the page: the shared lab replaces the default one.
loadSharedLab(actor)
