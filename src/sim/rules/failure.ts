// The shape of a refusal (a Result that is not ok) and the helpers every rule builds one with: AWS's code and
// message, and `field`, the AWS parameter or attribute key to blame (ADR 0010). The builders are in errors.ts.

import type { Result } from '../model/api'

export type Failure = Extract<Result, { ok: false }>

export const OK: Result = Object.freeze({ ok: true }) as Result

/**
 * A failure; `field` names the AWS parameter or attribute key that was wrong (docs/api.md), so a form can show the
 * error beside that field without reading the message. It is left out when no one parameter is to blame.
 */
export function fail(code: string, message: string, field?: string): Failure {
  return field === undefined ? { ok: false, code, message } : { ok: false, code, message, field }
}

/** What a refusal that the lab throws (a malformed call, not AWS's answer) is thrown as. */
export type RefusalKind = 'TypeError' | 'RangeError'

/**
 * A call the lab refuses by throwing (an argument no AWS call could carry, a call not modelled for this load
 * balancer type), as a failure whose code is the error's name: what validateCommand answers for it.
 */
export function refusal(kind: RefusalKind, message: string, field?: string): Failure {
  return fail(kind, message, field)
}

/** Whether a failure is a thrown refusal rather than AWS's answer. */
export function isThrownRefusal(f: Failure): boolean {
  return f.code === 'TypeError' || f.code === 'RangeError'
}

/** Throws a refusal as the error it stands for (a command method's way to refuse); does nothing for null. */
export function throwRefusal(f: Failure | null): void {
  if (f === null) return
  throw f.code === 'RangeError' ? new RangeError(f.message) : new TypeError(f.message)
}

/** The field a rule about several parameters blames: the first of `keys` the request set, else the first. */
export function blame(
  keys: readonly [string, ...string[]],
  requested: (key: string) => boolean,
): string {
  return keys.find(requested) ?? keys[0]
}

/** Where a list member is, numbered from 1 as in AWS's query API (`Targets.member.2.Id`). */
export function memberField(list: string, index: number, member?: string): string {
  return member === undefined
    ? `${list}.member.${index + 1}`
    : `${list}.member.${index + 1}.${member}`
}

export const ErrorCode = {
  ValidationError: 'ValidationError',
  InvalidConfigurationRequest: 'InvalidConfigurationRequest',
  TargetGroupNotFound: 'TargetGroupNotFound',
  TooManyTargetGroups: 'TooManyTargetGroups',
  DuplicateTargetGroupName: 'DuplicateTargetGroupName',
  DuplicatePolicyName: 'DuplicatePolicyName',
  PolicyNotFound: 'PolicyNotFound',
  ListenerNotFound: 'ListenerNotFound',
  LoadBalancerNotFound: 'LoadBalancerNotFound',
  LoadBalancerAttributeNotFound: 'LoadBalancerAttributeNotFound',
  InvalidInstance: 'InvalidInstance',
} as const
