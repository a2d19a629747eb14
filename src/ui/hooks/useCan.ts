// Whether the lab would accept a command now, from the lab machine's own decision (issue 17, "machines that
// decide"): `snapshot.can({ type: 'lab.command', command })` runs the guard, which is the command's validate
// (ADR 0010). A control whose command the lab would refuse is disabled by this, instead of the UI re-deriving the
// rule. Controls whose job is to show AWS's error (a form's submit) do not use it: they send and show the answer.
import { useCallback, useRef, useSyncExternalStore } from 'react'
import type { LearnerCommand } from '../../machines/labMachine'
import { useLabActor } from './labActorContext'
import { subscribeFramed } from './useFramedSelector'

/** Whether the lab machine would take `command` now (followed at most once a frame, like every panel). */
export function useCan(command: LearnerCommand): boolean {
  const actor = useLabActor()
  // Commands are JSON data (the argument gate's copy), so their JSON tells two renders' commands apart.
  const key = JSON.stringify(command)
  const subscribe = useCallback((onChange: () => void) => subscribeFramed(actor, onChange), [actor])
  const last = useRef<{ version: number; key: string; value: boolean } | null>(null)
  const read = (): boolean => {
    const snapshot = actor.getSnapshot()
    // A command's validate reads the world's configuration, never the clock: the answer can only change when the
    // lab's one change signal (`version`, ADR 0011) grows, so 60 clock ticks a second ask nothing.
    const { version } = snapshot.context
    const prev = last.current
    if (prev !== null && prev.version === version && prev.key === key) return prev.value
    const value = snapshot.can({ type: 'lab.command', command })
    last.current = { version, key, value }
    return value
  }
  return useSyncExternalStore(subscribe, read, read)
}
