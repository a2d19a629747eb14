// validateCommand: would the lab accept this command, and if not, which field is wrong, without changing
// anything (ADR 0010). Each command's `validate` is a pure function of the world and the arguments, built from the
// same checks its method runs before it changes anything (commandChecks.ts, the rules' validators): no
// apply-then-undo and no copy of the world. The property test in validateCommand.test.ts holds the two together.
import { CALL_CHECKS, cloneCallArgs } from '../callArgs'
import type { Lab, LabQueries, Result } from '../model/api'
import type { World } from '../model/world'
import type { ReplayableCall } from '../replayCalls'
import { clientOptionsProblem } from '../rules/clients'
import { OK, refusal, type Failure } from '../rules/errors'
import {
  albOnly,
  checkAppConfig,
  checkAttributes,
  checkCreateTargetGroup,
  checkForward,
  checkHealthCheck,
  checkListenerProtocol,
  checkLoadBalancerAttributes,
  checkRequestOptions,
  checkTargets,
  resultOf,
} from './commandChecks'
import { isCommandName, type LabCommand } from './labCommand'
import { CLASSIC_VALIDATE } from './classicCalls'
import { needFamiliesFor } from '../familySlot'
import { validateCdn } from './cdnCommands'
import { validateOuterLayer } from './outerLayerCommands'
import { kubernetesProblem } from '../rules/kubernetes'
import { checkListenerAttributes } from '../rules/listenerAttributes'

type Validators = {
  readonly [C in ReplayableCall]: (world: World, args: Parameters<Lab[C]>) => Result
}

/** A check that answers null for "accepted", as a Result. */
const orOk = (f: Failure | null): Result => f ?? OK
/** The commands that take anything their argument gate (callArgs.ts) lets through. */
const always = (): Result => OK

/** Each command's validate: what its method would answer, without running it. */
export const VALIDATE: Validators = {
  advance: always,
  createTargetGroup: (w, [name, options]) => resultOf(checkCreateTargetGroup(w, name, options)),
  modifyTargetGroupAttributes: (w, [name, attributes]) =>
    resultOf(checkAttributes(w, name, attributes)),
  modifyHealthCheck: (w, [name, settings]) => resultOf(checkHealthCheck(w, name, settings)),
  setListenerProtocol: (w, [protocol]) => orOk(checkListenerProtocol(w, protocol)),
  setForward: (w, [forward]) => resultOf(checkForward(w, forward)),
  registerTargets: (w, [name, ids]) => resultOf(checkTargets(w, name, ids)),
  deregisterTargets: (w, [name, ids]) => resultOf(checkTargets(w, name, ids)),
  stopInstance: always,
  startInstance: always,
  setHealthCheckFailing: always,
  configureApp: (_w, [app]) => orOk(checkAppConfig(app)),
  addClient: (_w, [, options]) => orOk(clientOptionsProblem(options)),
  removeClient: always,
  setClientOptions: (_w, [, options]) => orOk(clientOptionsProblem(options)),
  request: (w, [, options]) => orOk(checkRequestOptions(w, options)),
  setCookie: always,
  deleteCookie: always,
  clearCookies: always,
  launchInstance: always,
  openWebSocket: (w) => orOk(albOnly(w.loadBalancerType, 'openWebSocket')),
  sendWebSocketMessage: always,
  closeWebSocket: always,
  // Accepted, as the call is, once the type's family is in; before that (a page before window.stickylab.ready) this
  // throws the call's own Error rather than answer for a call that cannot run yet.
  setLoadBalancerType: (_w, [type]) => {
    needFamiliesFor(type)
    return OK
  },
  closeConnection: always,
  modifyLoadBalancerAttributes: (w, [attributes]) =>
    resultOf(checkLoadBalancerAttributes(w, attributes)),
  ...CLASSIC_VALIDATE,
  modifyListenerAttributes: (w, [attributes]) => resultOf(checkListenerAttributes(w, attributes)),
  setCdn: (w, [options]) => validateCdn(w, options),
  setOuterLayer: (w, [options]) => validateOuterLayer(w, options),
  configureKubernetes: (w, [options]) => orOk(kubernetesProblem(w, options)),
  connectSocketIo: (w) => orOk(albOnly(w.loadBalancerType, 'connectSocketIo')),
}

/** The world behind each live lab, so validateCommand can read it through the lab's queries. */
const WORLDS = new WeakMap<object, World>()

/** Records that `lab` (and so its queries) owns `world`. */
export function bindWorld(lab: LabQueries, world: World): void {
  WORLDS.set(lab, world)
}

/** The validate of one call on a world, for arguments already through the gate. */
export function validateOn(world: World, call: ReplayableCall, args: readonly unknown[]): Result {
  const validate = VALIDATE[call] as (world: World, args: readonly unknown[]) => Result
  return validate(world, args)
}

/**
 * Whether the lab behind `queries` would accept `command`, and if not its refusal, changing nothing: the same
 * failure (code, message and `field`) the call returns, or, for a call the lab refuses by throwing, a failure whose
 * code is the error's name (`TypeError`, `RangeError`) and whose message is the error's. `queries` must be a lab
 * made by createLab, restoreLab or replayLab.
 */
export function validateCommand(queries: LabQueries, command: LabCommand): Result {
  const world = WORLDS.get(queries)
  if (world === undefined)
    throw new TypeError('validateCommand needs a lab made by createLab, restoreLab or replayLab')
  const call: unknown = command?.call
  if (!isCommandName(call))
    return refusal(
      'TypeError',
      `${typeof call === 'string' ? `'${call.slice(0, 60)}'` : 'This'} is not a lab command.`,
    )
  if (!Array.isArray(command.args))
    return refusal('TypeError', `${call}: its arguments must be a list.`)
  // The gate the live lab runs first (guardCalls.ts), so a refusal there is answered in its words.
  let args: unknown[]
  let inexact: string | null
  try {
    const { arity, check } = CALL_CHECKS[call]
    ;({ args, inexact } = cloneCallArgs(call, command.args, arity))
    check(args)
  } catch (error) {
    return refusal(
      error instanceof RangeError ? 'RangeError' : 'TypeError',
      error instanceof Error ? error.message : String(error),
    )
  }
  const out = validateOn(world, call, args)
  if (!out.ok || inexact === null) return out
  return refusal('TypeError', `${call}: ${inexact}; a lab only takes finite numbers`)
}
