// The learner's actions as lab-machine events (issue 17): a call by method and arguments or a checked command,
// sent either as an attempt (`lab.call`, always answered) or as a decision (`lab.command`, taken only when the lab
// accepts it). Apart from labMachine.ts so the machine file stays one statechart.
import { applyCommand, type Lab, type LabCommand, type LearnerCall, type Result } from '../sim/core'

/** Lab methods a learner action may call; all of them are recorded by the core's log for replay. */
export type LabMethod = LearnerCall

type CallEvent<K extends LabMethod> = {
  type: 'lab.call'
  method: K
  args: Parameters<Lab[K]>
  tag?: string
}
export type LabCallEvent = { [K in LabMethod]: CallEvent<K> }[LabMethod]

/** A learner call as a checked command (a lesson's "Show me", through checkCommand). */
export type LearnerCommand = Exclude<LabCommand, { call: 'advance' }>
/**
 * The decision: taken only when the lab accepts the command (its validate, ADR 0010), so
 * `snapshot.can({ type: 'lab.command', command })` is whether a control's command would be accepted. A refused
 * one is not taken and changes nothing; send it as a `lab.call` to have the lab answer it.
 */
export type LabCommandEvent = { type: 'lab.command'; command: LearnerCommand; tag?: string }
/** A learner's attempt as a checked command (a lesson's "Show me"): answered like any lab.call, refusal included. */
export type LabAttemptEvent = { type: 'lab.call'; command: LearnerCommand; tag?: string }

function isResult(value: unknown): value is Result {
  return typeof value === 'object' && value !== null && 'ok' in value
}

export type LearnerEvent = LabCallEvent | LabAttemptEvent | LabCommandEvent

/** The command a learner event carries: its checked command, or its method and arguments as one. */
export function commandOf(event: LearnerEvent): LearnerCommand {
  return 'command' in event
    ? event.command
    : ({ call: event.method, args: event.args } as LearnerCommand)
}

/** Applies one learner action to the core. Kept outside `assign` so it is testable on its own. */
export function applyCall(lab: Lab, event: LearnerEvent): Result | null {
  const out: unknown = applyCommand(lab, commandOf(event))
  return isResult(out) ? out : null
}
