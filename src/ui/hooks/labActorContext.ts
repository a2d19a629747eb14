// React context carrying the root lab actor, created once by the composition root (src/app).
import { createContext, useContext } from 'react'
import type { ActorRefFrom } from 'xstate'
import type { labMachine } from '../../machines/labMachine'

export type LabActor = ActorRefFrom<typeof labMachine>

export const LabActorContext = createContext<LabActor | null>(null)

export function useLabActor(): LabActor {
  const actor = useContext(LabActorContext)
  if (!actor) throw new Error('useLabActor must be used inside <LabActorContext.Provider>')
  return actor
}
