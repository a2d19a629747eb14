// The outer ALB layer as a lab command (setOuterLayer; the query lab.outerLayer() is outerLayerView in
// rules/outerLayer.ts). lab.ts spreads them into the Lab and guards them like every call; validateCommand runs the
// same check (validateOuterLayer) without changing anything.
import type { Lab, Result } from '../model/api'
import type { OuterLayerOptions } from '../model/outerLayer'
import type { World } from '../model/world'
import { OK, throwRefusal } from '../rules/errors'
import { checkOuterLayerOptions } from '../rules/outerLayer'
import { albOnly } from './commandChecks'

type OuterLayerCommands = Pick<Lab, 'setOuterLayer'>

/** setOuterLayer's validate: the refusal it would return or throw, or OK. */
export function validateOuterLayer(world: World, options: OuterLayerOptions): Result {
  const only = albOnly(world.loadBalancerType, 'setOuterLayer')
  if (only !== null) return only
  const checked = checkOuterLayerOptions(options)
  return checked.ok ? OK : checked.failure
}

export function outerLayerCommands(world: World): OuterLayerCommands {
  return {
    setOuterLayer(options: OuterLayerOptions): Result {
      throwRefusal(albOnly(world.loadBalancerType, 'setOuterLayer'))
      const checked = checkOuterLayerOptions(options)
      if (!checked.ok) return checked.failure
      if (checked.stickiness === null) delete world.outerLayer
      else {
        // Changing the stickiness keeps the round-robin position and the issue counter (its sealed values stay
        // unique), as a target group attribute change leaves the load balancer's other state alone.
        const prev = world.outerLayer
        world.outerLayer = {
          stickiness: checked.stickiness,
          next: prev?.next ?? 0,
          issued: prev?.issued ?? 0,
        }
      }
      return OK
    },
  }
}
