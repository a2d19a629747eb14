// Applies several lab commands as one learner action: all of them, or none. They are tried first on a copy of the
// lab (restoreLab of its snapshot), so a refusal — AWS's error for a combination the learner's target group cannot
// take, or a call the lab's load balancer type lacks — leaves the lab exactly as it was and is reported in AWS's
// words. Only then are they sent to the lab actor, one learner call each, so the log replays them.
import { applyCommand, restoreLab, type LabCommand } from '../../sim'
import type { LabCallEvent } from '../../machines/labMachine'
import type { LabActor } from './labActorContext'

/** A command a learner action may send (the clock moves through the machine's own events, never a command). */
export type LearnerCommand = Exclude<LabCommand, { call: 'advance' }>

export type AllOrNothing = { ok: true } | { ok: false; message: string }

function refusal(out: unknown): string | null {
  if (typeof out !== 'object' || out === null || (out as { ok?: unknown }).ok !== false) return null
  const { code, message } = out as { code?: unknown; message?: unknown }
  return `${typeof code === 'string' ? `${code}: ` : ''}${typeof message === 'string' ? message : 'refused'}`
}

export function applyAllOrNothing(
  actor: LabActor,
  commands: readonly LearnerCommand[],
): AllOrNothing {
  const probe = restoreLab(actor.getSnapshot().context.lab.snapshot())
  for (const command of commands) {
    try {
      const refused = refusal(applyCommand(probe, command))
      if (refused !== null)
        return {
          ok: false,
          message: `${command.call} was refused (${refused}). Nothing was changed.`,
        }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return { ok: false, message: `${command.call} was refused (${reason}). Nothing was changed.` }
    }
  }
  for (const command of commands)
    actor.send({ type: 'lab.call', method: command.call, args: command.args } as LabCallEvent)
  return { ok: true }
}
