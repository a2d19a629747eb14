// Sends a learner action to the lab machine and returns the core's Result at once (actor.send is synchronous),
// so a form can show AWS's error beside the field that caused it.
import { useMemo } from 'react'
import type { Lab, Result } from '../../sim'
import type { LabCallEvent, LabMethod } from '../../machines/labMachine'
import { useLabActor } from './labActorContext'

export type LabCaller = <K extends LabMethod>(method: K, ...args: Parameters<Lab[K]>) => Result | null

export function useLabCall(): LabCaller {
  const actor = useLabActor()
  return useMemo(() => {
    const call = (method: LabMethod, ...args: unknown[]): Result | null => {
      actor.send({ type: 'lab.call', method, args } as LabCallEvent)
      const last = actor.getSnapshot().context.lastCall
      return last && last.method === method ? last.result : null
    }
    return call as LabCaller
  }, [actor])
}
