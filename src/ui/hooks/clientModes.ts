// How each browser makes its requests (CORS, credentials, auto-refresh, flow choice): page state, not lab state,
// shared by the Clients panel and the stage's browser cards so "Stream requests" on the stage and the panel's
// Auto-refresh are one setting. The modes belong to one lab: a reset or a loaded lab starts every browser with
// the defaults again.
import { useSelector } from '@xstate/react'
import { useEffect } from 'react'
import { create } from 'zustand'
import type { Lab } from '../../sim'
import { refreshSlot, type AutoRefreshPeriod } from '../../view/clientControls'
import type { Credentials } from '../../view/cookieTable'
import { DEFAULT_FLOW_CHOICE, flowRequestOptions, type FlowChoice } from '../../view/flowRequest'
import type { LabActor } from './labActorContext'
import { useLabActor } from './labActorContext'

export interface ClientMode {
  cors: boolean
  credentials: Credentials
  autoRefresh: AutoRefreshPeriod
  /** The refresh slot when auto-refresh was switched on: the first refresh fires when the clock leaves it. */
  refreshFrom: number
  /** Protocol and (GWLB) destination of its flows, applied where the load balancer takes them. */
  flow: FlowChoice
  /** Cross-site calls are not "simple" (JSON, a custom header): each is preceded by a CORS preflight (ALB only). */
  preflight: boolean
}

export const DEFAULT_MODE: ClientMode = {
  cors: false,
  credentials: 'include',
  autoRefresh: 0,
  refreshFrom: 0,
  flow: DEFAULT_FLOW_CHOICE,
  preflight: false,
}
/** Keyed by client id, a string from outside (a link, a file, a typed name): a Map, never a plain object. */
export type ClientModes = ReadonlyMap<string, ClientMode>
const NO_MODES: ClientModes = new Map()

interface ModesState {
  lab: Lab | null
  modes: ClientModes
}

export const useClientModesStore = create<ModesState>()(() => ({ lab: null, modes: NO_MODES }))

function modesOf(s: ModesState, lab: Lab): ClientModes {
  return s.lab === lab ? s.modes : NO_MODES
}

/** Changes one browser's mode; switching auto-refresh on remembers where the clock stands, so the first
 * refresh is one full period away. */
export function setClientMode(lab: Lab, id: string, patch: Partial<ClientMode>): void {
  const from = patch.autoRefresh ? { refreshFrom: refreshSlot(lab.now(), patch.autoRefresh) } : {}
  useClientModesStore.setState((s) => {
    const modes = new Map(modesOf(s, lab))
    modes.set(id, { ...(modes.get(id) ?? DEFAULT_MODE), ...patch, ...from })
    return { lab, modes }
  })
}

export function forgetClientMode(lab: Lab, id: string): void {
  useClientModesStore.setState((s) => {
    const modes = new Map(modesOf(s, lab))
    modes.delete(id)
    return { lab, modes }
  })
}

/** Every browser's mode in the current lab. */
export function useClientModes(): ClientModes {
  const lab = useSelector(useLabActor(), (s) => s.context.lab)
  return useClientModesStore((s) => modesOf(s, lab))
}

export function requestOptions(mode: ClientMode, path: string, lab: Lab) {
  const flow = flowRequestOptions(mode.flow, lab.loadBalancerType(), lab.listener().protocol)
  if (!mode.cors) return { path, ...flow }
  const preflight =
    mode.preflight && lab.loadBalancerType() === 'application' ? { preflight: true } : null
  return { path, crossSite: true, credentials: mode.credentials, ...preflight, ...flow }
}

/** One auto-refresh loop per actor, however many components ask for it (the panel and the stage both do). */
const loops = new Map<LabActor, { users: number; stop: () => void }>()

/**
 * Auto-refresh is deterministic because it runs on the lab's virtual clock, never on a real timer: on
 * every snapshot of the actor we compare the clock's period slot (floor(now / period)) with the last one
 * and send one request when it has grown. Pausing stops it, speed scales it, and a clock jump over several
 * periods sends a single request, as a browser coalesces missed timer ticks. Requests go out in client order.
 */
function startLoop(actor: LabActor): () => void {
  let lab: Lab = actor.getSnapshot().context.lab
  const last = new Map<string, { period: number; slot: number }>()
  const check = () => {
    const current = actor.getSnapshot().context.lab
    // A reset or a loaded lab starts its own clock: forget the old slots.
    if (current !== lab) {
      lab = current
      last.clear()
    }
    const modes = modesOf(useClientModesStore.getState(), lab)
    const now = lab.now()
    for (const { id } of lab.clients()) {
      const mode = modes.get(id)
      if (mode === undefined || mode.autoRefresh === 0) {
        last.delete(id)
        continue
      }
      const slot = refreshSlot(now, mode.autoRefresh)
      let seen = last.get(id)
      if (seen === undefined || seen.period !== mode.autoRefresh) {
        seen = { period: mode.autoRefresh, slot: mode.refreshFrom }
        last.set(id, seen)
      }
      if (slot > seen.slot) {
        seen.slot = slot
        actor.send({ type: 'lab.call', method: 'request', args: [id, requestOptions(mode, '/', lab)] })
      } else if (slot < seen.slot) {
        seen.slot = slot
      }
    }
  }
  const sub = actor.subscribe(check)
  return () => sub.unsubscribe()
}

export function useAutoRefresh(actor: LabActor): void {
  useEffect(() => {
    const loop = loops.get(actor) ?? { users: 0, stop: startLoop(actor) }
    loop.users++
    loops.set(actor, loop)
    return () => {
      loop.users--
      if (loop.users === 0) {
        loop.stop()
        loops.delete(actor)
      }
    }
  }, [actor])
}
