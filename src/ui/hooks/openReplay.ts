// Opens a parsed replay (a link or a file) in the lab actor. Up to REPLAY_BUDGET_MS of estimated work it is played
// in one go by the machine (timeline.load); beyond that it is played in slices so the page keeps drawing and
// answering, with `onProgress` told the fraction done, and loaded when complete. Nothing changes on failure.
import { REPLAY_BUDGET_MS } from '../../machines/replayBudget'
import { buildReplayLabSliced, type Replay } from '../../machines/replayFile'
import type { LabActor } from './labActorContext'

export type OpenReplayResult = { ok: true } | { ok: false; message: string }

export async function openReplay(
  actor: Pick<LabActor, 'send' | 'getSnapshot'>,
  replay: Replay,
  workMs: number,
  onProgress: (fraction: number) => void,
  cancelled: () => boolean = () => false,
): Promise<OpenReplayResult> {
  if (workMs <= REPLAY_BUDGET_MS) {
    actor.send({ type: 'timeline.load', replay })
    const refused = actor.getSnapshot().context.timelineError
    return refused === null ? { ok: true } : { ok: false, message: refused }
  }
  const built = await buildReplayLabSliced(replay, onProgress, cancelled)
  if (!built.ok) return built
  actor.send({ type: 'sim.load', lab: built.lab })
  actor.send({ type: 'sim.pause' })
  return { ok: true }
}
