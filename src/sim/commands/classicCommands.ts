// The Classic Load Balancer's own API (AWS's `elb` names): stickiness policies, the listener's policies and
// instance registration. Commands only; lab.ts spreads them into the Lab and guards them like every call.
import type { Lab, Result } from '../model/api'
import type { ClbPolicy, World } from '../model/world'
import { classicGroup } from '../queries/labQueries'
import {
  validateCookieName,
  validateExpirationPeriod,
  validateListenerPolicies,
  validatePolicyName,
} from '../rules/clbPolicies'
import { dictGet } from '../dict'
import { Errors, OK } from '../rules/errors'
import { deregisterTarget, registerTarget } from '../rules/health'
import { isValidTargetId } from '../rules/validation'

type ClassicCommands = Pick<
  Lab,
  | 'createLBCookieStickinessPolicy'
  | 'createAppCookieStickinessPolicy'
  | 'setLoadBalancerPoliciesOfListener'
  | 'registerInstancesWithLoadBalancer'
  | 'deregisterInstancesFromLoadBalancer'
>

export function classicCommands(world: World): ClassicCommands {
  function changeInstances(ids: string[], register: boolean): Result {
    const tg = classicGroup(world)
    if (tg === null) return Errors.notClassic()
    if (!Array.isArray(ids) || ids.length === 0) return Errors.noTargetsGiven()
    for (const id of ids) if (!isValidTargetId(id)) return Errors.invalidTargetId(id)
    if (register) {
      for (const id of ids) {
        const inst = dictGet(world.instances, id)
        if (inst === undefined) return Errors.invalidInstance(id)
      }
      for (const id of ids) registerTarget(world, tg, world.instances[id]!)
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
      const clb = world.classic
      if (clb === null) return Errors.notClassic()
      const bad =
        validatePolicyName(clb, options?.policyName) ??
        validateExpirationPeriod(options?.cookieExpirationPeriod)
      if (bad !== null) return bad
      const period = options.cookieExpirationPeriod
      addPolicy({
        policyName: options.policyName,
        policyTypeName: 'LBCookieStickinessPolicyType',
        cookieExpirationPeriod: period === undefined || period === 0 ? null : period,
      })
      return OK
    },

    createAppCookieStickinessPolicy(options): Result {
      const clb = world.classic
      if (clb === null) return Errors.notClassic()
      const bad = validatePolicyName(clb, options?.policyName) ?? validateCookieName(options?.cookieName)
      if (bad !== null) return bad
      addPolicy({
        policyName: options.policyName,
        policyTypeName: 'AppCookieStickinessPolicyType',
        cookieName: options.cookieName,
      })
      return OK
    },

    setLoadBalancerPoliciesOfListener(options): Result {
      const clb = world.classic
      if (clb === null) return Errors.notClassic()
      const checked = validateListenerPolicies(clb, options?.loadBalancerPort, options?.policyNames)
      if (!checked.ok) return checked
      clb.policyNames = checked.names
      return OK
    },

    registerInstancesWithLoadBalancer(instanceIds): Result {
      return changeInstances(instanceIds, true)
    },

    deregisterInstancesFromLoadBalancer(instanceIds): Result {
      return changeInstances(instanceIds, false)
    },
  }
}
