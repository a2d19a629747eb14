// The Classic Load Balancer's calls on every lab (AWS's `elb` names). A lab of another type answers each of them
// with LoadBalancerNotFound; a Classic one hands them to the Classic family (familySlot.ts, installed before any lab
// can be a Classic one). lab.ts spreads the commands into the Lab and guards them like every call.
import type { Lab, Result } from '../model/api'
import type { ClbState, World } from '../model/world'
import { CLASSIC_CALLS, familiesFor, type ClassicCall } from '../familySlot'
import { Errors } from '../rules/errors'

/** `call` on the lab's Classic Load Balancer: the family's check alone, or the call itself. */
function classicCall(
  world: World,
  side: 'check' | 'apply',
  call: ClassicCall,
  args: readonly unknown[],
): Result {
  const clb = world.classic
  if (clb === null) return Errors.notClassic()
  const run = familiesFor('classic').classic[side][call] as (
    world: World,
    clb: ClbState,
    args: readonly unknown[],
  ) => Result
  return run(world, clb, args)
}

/** A table with one entry per Classic call. */
function eachCall<T>(make: (call: ClassicCall) => T): Record<ClassicCall, T> {
  return Object.fromEntries(CLASSIC_CALLS.map((call) => [call, make(call)])) as Record<
    ClassicCall,
    T
  >
}

/** What each Classic call would answer, changing nothing (validateCommand.ts). */
export const CLASSIC_VALIDATE: {
  readonly [C in ClassicCall]: (world: World, args: Parameters<Lab[C]>) => Result
} = eachCall(
  (call) => (world: World, args: readonly unknown[]) => classicCall(world, 'check', call, args),
)

/** The Classic calls of the lab owning `world`. */
export function classicCommands(world: World): Pick<Lab, ClassicCall> {
  return eachCall(
    (call) =>
      (...args: unknown[]) =>
        classicCall(world, 'apply', call, args),
  )
}
