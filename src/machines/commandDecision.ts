// The lab machine's decision about a learner's command (issue 17, "machines that decide"): whether the lab accepts
// it is the command's own pure validate (validateCommand, ADR 0010), asked by the machine's guard before anything
// runs, so `snapshot.can({ type: 'lab.command', command })` answers it for a control without sending anything.
import { validateCommand, type Lab, type LabCommand, type LabQueries, type Result } from '../sim/core'

/**
 * The lab's answer to `command` without applying it: OK, AWS's refusal, or (for a call the lab refuses by throwing)
 * a failure coded `TypeError`/`RangeError`. Null when the lab cannot be asked: a lab not made by createLab,
 * restoreLab or replayLab (a test's stand-in) has no world to validate against, and then only applying it tells.
 */
export function decideCommand(lab: LabQueries | Lab, command: LabCommand): Result | null {
  try {
    return validateCommand(lab, command)
  } catch {
    return null
  }
}

/** Whether the lab accepts `command` (a lab that cannot be asked is let through; applying it still refuses safely). */
export function acceptsCommand(lab: LabQueries | Lab, command: LabCommand): boolean {
  return decideCommand(lab, command)?.ok ?? true
}
