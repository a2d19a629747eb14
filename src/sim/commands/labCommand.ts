// The lab's operations as data (issue 17). Every state-changing Lab call is a LabCommand, `{ call, args }` (the
// shape of a log entry without its time): a replay log, a lesson's "Show me", the lab machine's learner actions
// and the host page's calls are all commands, applied by one table and checked by one gate.
//
// - applyCommand applies a command through an explicit, type-checked table (no reflective `lab[name](...)`): a Lab
//   method renamed or re-typed breaks the build here, not a replay at run time.
// - checkCommand turns outside data (a file, a link, a lesson) into a command, or says in one sentence why it
//   cannot be one, with the same argument checks the live lab applies before any call (callArgs.ts).
import { CALL_CHECKS, cloneCallArgs } from '../callArgs'
import type { Lab } from '../model/api'
import { REPLAYABLE_CALLS, type ReplayableCall } from '../replayCalls'

/** One state-changing call on a lab, as data. */
export type LabCommand = { [C in ReplayableCall]: { call: C; args: Parameters<Lab[C]> } }[ReplayableCall]

/** The command for one call. */
export type CommandOf<C extends ReplayableCall> = Extract<LabCommand, { call: C }>

type Appliers = { readonly [C in ReplayableCall]: (lab: Lab, args: Parameters<Lab[C]>) => ReturnType<Lab[C]> }

const APPLY: Appliers = {
  advance: (lab, a) => lab.advance(...a),
  createTargetGroup: (lab, a) => lab.createTargetGroup(...a),
  modifyTargetGroupAttributes: (lab, a) => lab.modifyTargetGroupAttributes(...a),
  modifyHealthCheck: (lab, a) => lab.modifyHealthCheck(...a),
  setListenerProtocol: (lab, a) => lab.setListenerProtocol(...a),
  setForward: (lab, a) => lab.setForward(...a),
  registerTargets: (lab, a) => lab.registerTargets(...a),
  deregisterTargets: (lab, a) => lab.deregisterTargets(...a),
  stopInstance: (lab, a) => lab.stopInstance(...a),
  startInstance: (lab, a) => lab.startInstance(...a),
  setHealthCheckFailing: (lab, a) => lab.setHealthCheckFailing(...a),
  configureApp: (lab, a) => lab.configureApp(...a),
  addClient: (lab, a) => lab.addClient(...a),
  removeClient: (lab, a) => lab.removeClient(...a),
  setClientOptions: (lab, a) => lab.setClientOptions(...a),
  request: (lab, a) => lab.request(...a),
  setCookie: (lab, a) => lab.setCookie(...a),
  deleteCookie: (lab, a) => lab.deleteCookie(...a),
  clearCookies: (lab, a) => lab.clearCookies(...a),
  launchInstance: (lab, a) => lab.launchInstance(...a),
  openWebSocket: (lab, a) => lab.openWebSocket(...a),
  sendWebSocketMessage: (lab, a) => lab.sendWebSocketMessage(...a),
  closeWebSocket: (lab, a) => lab.closeWebSocket(...a),
  setLoadBalancerType: (lab, a) => lab.setLoadBalancerType(...a),
  closeConnection: (lab, a) => lab.closeConnection(...a),
  modifyLoadBalancerAttributes: (lab, a) => lab.modifyLoadBalancerAttributes(...a),
  createLBCookieStickinessPolicy: (lab, a) => lab.createLBCookieStickinessPolicy(...a),
  createAppCookieStickinessPolicy: (lab, a) => lab.createAppCookieStickinessPolicy(...a),
  setLoadBalancerPoliciesOfListener: (lab, a) => lab.setLoadBalancerPoliciesOfListener(...a),
  registerInstancesWithLoadBalancer: (lab, a) => lab.registerInstancesWithLoadBalancer(...a),
  deregisterInstancesFromLoadBalancer: (lab, a) => lab.deregisterInstancesFromLoadBalancer(...a),
  modifyClassicLoadBalancerAttributes: (lab, a) => lab.modifyClassicLoadBalancerAttributes(...a),
  modifyListenerAttributes: (lab, a) => lab.modifyListenerAttributes(...a),
  setCdn: (lab, a) => lab.setCdn(...a),
  setOuterLayer: (lab, a) => lab.setOuterLayer(...a),
  configureKubernetes: (lab, a) => lab.configureKubernetes(...a),
  connectSocketIo: (lab, a) => lab.connectSocketIo(...a),
}

/** Applies one command to `lab` and returns what the call returns (a Result, a request record, …). */
export function applyCommand<C extends LabCommand>(lab: Lab, command: C): ReturnType<Lab[C['call']]> {
  const apply = APPLY[command.call] as (lab: Lab, args: readonly unknown[]) => ReturnType<Lab[C['call']]>
  return apply(lab, command.args)
}

/** Whether `call` names a state-changing Lab call. */
export function isCommandName(call: unknown): call is ReplayableCall {
  return typeof call === 'string' && Object.prototype.hasOwnProperty.call(APPLY, call)
}

/** The call names, in the order of REPLAYABLE_CALLS. */
export const COMMAND_NAMES: readonly ReplayableCall[] = REPLAYABLE_CALLS

export type CommandCheck = { ok: true; command: LabCommand } | { ok: false; message: string }

/**
 * Outside data as a command: a known call name and arguments the live lab would take (JSON data within the
 * limits, the right types and ranges). The arguments are copied, so the command shares nothing with `args`.
 * Whether AWS accepts the values (a duration out of range, an unknown target group) is for the call itself.
 */
export function checkCommand(call: unknown, args: unknown): CommandCheck {
  if (!isCommandName(call))
    return { ok: false, message: `${typeof call === 'string' ? `'${call.slice(0, 60)}'` : 'This'} is not a lab command.` }
  if (!Array.isArray(args)) return { ok: false, message: `${call}: its arguments must be a list.` }
  const { arity, check } = CALL_CHECKS[call]
  if (args.length > arity)
    return { ok: false, message: `${call} takes at most ${arity} argument${arity === 1 ? '' : 's'}, not ${args.length}.` }
  try {
    const copy = cloneCallArgs(call, args, arity)
    if (copy.inexact !== null) return { ok: false, message: `${call}: ${copy.inexact}; a lab only takes finite numbers.` }
    check(copy.args)
    return { ok: true, command: { call, args: copy.args } as LabCommand }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}
