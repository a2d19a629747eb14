// The Classic Load Balancer's own API (AWS's `elb` names): stickiness policies, the listener's policies and
// instance registration. Commands only (their checks are in commandChecks.ts); lab.ts spreads them into the Lab and
// guards them like every call.
import type { Lab, Result } from '../model/api'
import type { ClbPolicy, World } from '../model/world'
import { classicGroup } from '../queries/labQueries'
import { OK } from '../rules/errors'
import { applyClassicAttributes } from '../rules/classicLoadBalancerAttributes'
import { deregisterTarget, registerTarget } from '../rules/health'
import {
  checkAppCookiePolicy,
  checkClassicLoadBalancerAttributes,
  checkInstances,
  checkLbCookiePolicy,
  checkListenerPolicies,
} from './commandChecks'
import { instanceEntry } from '../worldEntries'

type ClassicCommands = Pick<
  Lab,
  | 'createLBCookieStickinessPolicy'
  | 'createAppCookieStickinessPolicy'
  | 'setLoadBalancerPoliciesOfListener'
  | 'registerInstancesWithLoadBalancer'
  | 'deregisterInstancesFromLoadBalancer'
  | 'modifyClassicLoadBalancerAttributes'
>

export function classicCommands(world: World): ClassicCommands {
  function changeInstances(ids: string[], register: boolean): Result {
    const checked = checkInstances(world, ids, register)
    if (!checked.ok) return checked
    const tg = classicGroup(world)!
    if (register) {
      for (const id of checked.ids) registerTarget(world, tg, instanceEntry(world, id))
    } else {
      for (const id of ids) {
        const reg = tg.targets.find((r) => r.id === id && !r.deregistered)
        if (reg !== undefined) deregisterTarget(world, tg, reg)
      }
    }
    return OK
  }

  function addPolicy(policy: ClbPolicy): void {
    world.classic!.policies.push(policy)
  }

  return {
    createLBCookieStickinessPolicy(options): Result {
      const checked = checkLbCookiePolicy(world, options)
      if (!checked.ok) return checked
      const period = options.cookieExpirationPeriod
      addPolicy({
        policyName: options.policyName,
        policyTypeName: 'LBCookieStickinessPolicyType',
        cookieExpirationPeriod: period === undefined || period === 0 ? null : period,
      })
      return OK
    },

    createAppCookieStickinessPolicy(options): Result {
      const checked = checkAppCookiePolicy(world, options)
      if (!checked.ok) return checked
      addPolicy({
        policyName: options.policyName,
        policyTypeName: 'AppCookieStickinessPolicyType',
        cookieName: options.cookieName,
      })
      return OK
    },

    setLoadBalancerPoliciesOfListener(options): Result {
      const checked = checkListenerPolicies(world, options)
      if (!checked.ok) return checked
      checked.clb.policyNames = checked.names
      return OK
    },

    registerInstancesWithLoadBalancer(instanceIds): Result {
      return changeInstances(instanceIds, true)
    },

    deregisterInstancesFromLoadBalancer(instanceIds): Result {
      return changeInstances(instanceIds, false)
    },

    modifyClassicLoadBalancerAttributes(attributes): Result {
      const checked = checkClassicLoadBalancerAttributes(world, attributes)
      if (!checked.ok) return checked
      applyClassicAttributes(world, checked.clb, checked.next)
      return OK
    },
  }
}
