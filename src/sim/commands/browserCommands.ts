// A browser's own commands: adding and removing browsers, their options, and their cookie jars (what a learner
// types into a cookie, deletes or clears). lab.ts spreads them into the Lab and guards them like every call.
import { deleteCookieByName, editCookie } from '../cookieJar'
import { dictDelete, dictGet } from '../dict'
import type { ClientOptions, Lab } from '../model/api'
import type { World } from '../model/world'
import { applyClientOptions, getOrCreateClient, validateClientOptions } from '../rules/clients'
import { forgetSourceIps } from '../rules/sourceIp'
import type { Runtime } from '../runtime'

type BrowserCommands = Pick<
  Lab,
  'addClient' | 'removeClient' | 'setClientOptions' | 'setCookie' | 'deleteCookie' | 'clearCookies'
>

export function browserCommands(world: World, rt: Runtime): BrowserCommands {
  return {
    addClient(id, options?: ClientOptions) {
      if (typeof id !== 'string') throw new TypeError('client id must be a string')
      validateClientOptions(options)
      const existing = rt.clients.get(id)?.state
      if (existing !== undefined) {
        if (options !== undefined) applyClientOptions(existing, options)
        if (options?.sourceIp !== undefined) forgetSourceIps(world)
      } else {
        getOrCreateClient(world, rt, id, options)
      }
    },

    setCookie(clientId, name, value) {
      if (typeof clientId !== 'string' || typeof name !== 'string' || typeof value !== 'string') {
        throw new TypeError('client id, name and value must be strings')
      }
      editCookie(world, getOrCreateClient(world, rt, clientId), name, value)
    },

    deleteCookie(clientId, name) {
      const client = dictGet(world.clients, clientId)
      if (client !== undefined) deleteCookieByName(client, name)
    },

    clearCookies(clientId) {
      const client = dictGet(world.clients, clientId)
      if (client !== undefined) client.jar = []
    },

    removeClient(id) {
      if (dictGet(world.clients, id) === undefined) return
      dictDelete(world.clients, id)
      rt.clients.delete(id)
      world.clientOrder = world.clientOrder.filter((c) => c !== id)
      forgetSourceIps(world)
    },

    setClientOptions(id, options: ClientOptions) {
      validateClientOptions(options)
      const client = dictGet(world.clients, id)
      if (client !== undefined && options !== undefined) applyClientOptions(client, options)
      if (options?.sourceIp !== undefined) forgetSourceIps(world)
    },
  }
}
