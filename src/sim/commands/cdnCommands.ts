// The CDN in front of the ALB as a lab command (setCdn; the query lab.cdn() is cdnView in rules/cdn.ts). lab.ts spreads them into the Lab and
// guards them like every call; validateCommand runs the same check (validateCdn) without changing anything.
import type { CdnOptions } from '../model/cdn'
import type { Lab, Result } from '../model/api'
import type { World } from '../model/world'
import { checkCdnOptions } from '../rules/cdn'
import { OK, throwRefusal } from '../rules/errors'
import { albOnly } from './commandChecks'

type CdnCommands = Pick<Lab, 'setCdn'>

/** setCdn's validate: the refusal it would return or throw, or OK. */
export function validateCdn(world: World, options: CdnOptions): Result {
  const only = albOnly(world.loadBalancerType, 'setCdn')
  if (only !== null) return only
  const checked = checkCdnOptions(options)
  return checked.ok ? OK : checked.failure
}

export function cdnCommands(world: World): CdnCommands {
  return {
    setCdn(options: CdnOptions): Result {
      throwRefusal(albOnly(world.loadBalancerType, 'setCdn'))
      const checked = checkCdnOptions(options)
      if (!checked.ok) return checked.failure
      if (checked.cdn === null) delete world.cdn
      else world.cdn = checked.cdn
      return OK
    },
  }
}
