// Entry point: create the lab actor, start the frame driver, expose the scripting API, render.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createLab, LAB_API_VERSION, type Lab } from '../sim'
import type { LabEvent } from '../machines/labMachine'
import { LabActorContext } from '../ui/hooks/labActorContext'
import { App } from './App'
import { createApp } from './createApp'
import { startDriver } from './driver'
import { registerServiceWorker } from './registerServiceWorker'
import '../ui/styles.css'

const actor = createApp()
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
      <App />
    </LabActorContext.Provider>
  </StrictMode>,
)
