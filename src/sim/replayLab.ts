// Rebuilds a lab from a seed and a call log (lab.log()): same seed + same calls ⇒ the same world,
// byte for byte. Only the Lab's state-changing methods may appear in a log.

import { createLab } from './lab'
import type { Lab, LabCall } from './model/api'

/** The Lab methods a log may contain (everything that changes the world). */
export const REPLAYABLE_CALLS = [
  'advance',
  'createTargetGroup',
  'modifyTargetGroupAttributes',
  'modifyHealthCheck',
  'setListenerProtocol',
  'setForward',
  'registerTargets',
  'deregisterTargets',
  'stopInstance',
  'startInstance',
  'setHealthCheckFailing',
  'configureApp',
  'addClient',
  'removeClient',
  'setClientOptions',
  'request',
  'setCookie',
  'deleteCookie',
  'clearCookies',
  'launchInstance',
  'openWebSocket',
  'sendWebSocketMessage',
  'closeWebSocket',
  'setLoadBalancerType',
  'closeConnection',
  'modifyLoadBalancerAttributes',
  'createLBCookieStickinessPolicy',
  'createAppCookieStickinessPolicy',
  'setLoadBalancerPoliciesOfListener',
  'registerInstancesWithLoadBalancer',
  'deregisterInstancesFromLoadBalancer',
] as const

/** A Lab method a replay log may contain. */
export type ReplayableCall = (typeof REPLAYABLE_CALLS)[number]

/** The replayable calls a learner action may make (time moves through the machine's clock events instead). */
export type LearnerCall = Exclude<ReplayableCall, 'advance'>
export const LEARNER_CALLS = REPLAYABLE_CALLS.filter((c): c is LearnerCall => c !== 'advance') as [LearnerCall, ...LearnerCall[]]

/**
 * Replays `log` on a fresh lab with `seed`. Exact only while the log is complete: a world whose
 * log ring has dropped entries (more than LOG_LIMIT calls) cannot be rebuilt from log() alone.
 */
export function replayLab(seed: number, log: readonly LabCall[]): Lab {
  const lab = createLab({ seed })
  const table = lab as unknown as Record<string, (...args: unknown[]) => unknown>
  for (const entry of log) {
    if (!(REPLAYABLE_CALLS as readonly string[]).includes(entry.call)) {
      throw new TypeError(`log entry '${entry.call}' is not a replayable Lab call`)
    }
    table[entry.call]!(...entry.args)
  }
  return lab
}
