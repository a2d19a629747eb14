// The gate every state-changing call of a live lab passes (issue 16): lab.ts wraps each command method with it.
import { CALL_CHECKS, cloneCallArgs } from '../callArgs'
import type { Lab } from '../model/api'
import type { World } from '../model/world'
import { REPLAYABLE_CALLS } from '../replayCalls'
import { isThrownRefusal, throwRefusal } from '../rules/errors'
import { validateOn } from './validateCommand'

function isRefusal(out: unknown): boolean {
  return typeof out === 'object' && out !== null && (out as { ok?: unknown }).ok === false
}

/**
 * Routes every replayable call through one gate (callArgs.ts): its arguments are copied into exact JSON data and
 * checked before the method runs, the method runs on the copy, and only a call that was applied is logged (a
 * refusal, thrown or returned as `{ ok: false }`, changes nothing and leaves no entry). `advance` logs itself,
 * because consecutive clock moves share one entry.
 */
export function guardCalls(
  lab: Lab,
  record: (call: string, args: unknown[]) => void,
  world: World,
): void {
  const table = lab as unknown as Record<string, (...args: unknown[]) => unknown>
  for (const call of REPLAYABLE_CALLS) {
    const apply = table[call]!
    const { arity, check } = CALL_CHECKS[call]
    table[call] = (...raw: unknown[]) => {
      const { args, inexact } = cloneCallArgs(call, raw, arity)
      check(args)
      if (inexact !== null) {
        // A NaN or ±Infinity cannot be recorded. Ask the call's own validate (ADR 0010): a configuration call
        // refuses it in AWS's words (a form's empty number field); if the call would accept it, refuse it here.
        const out = validateOn(world, call, args)
        if (!out.ok) {
          if (isThrownRefusal(out)) throwRefusal(out)
          return out
        }
        throw new TypeError(`${call}: ${inexact}; a lab only takes finite numbers`)
      }
      const out = apply(...args)
      if (call !== 'advance' && !isRefusal(out)) record(call, args)
      return out
    }
  }
}
