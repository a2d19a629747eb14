// The Socket.IO client command (issue 19, item 3). lab.ts spreads it into the Lab and guards it like every call.
import type { Lab } from '../model/api'
import type { World } from '../model/world'
import { throwRefusal } from '../rules/errors'
import { connectSocketIo } from '../rules/socketIo'
import type { Runtime } from '../runtime'
import { albOnly } from './commandChecks'

export function socketIoCommands(world: World, rt: Runtime): Pick<Lab, 'connectSocketIo'> {
  return {
    connectSocketIo(clientId, options) {
      if (typeof clientId !== 'string') throw new TypeError('client id must be a string')
      throwRefusal(albOnly(world.loadBalancerType, 'connectSocketIo'))
      return connectSocketIo(world, rt, clientId, options)
    },
  }
}
