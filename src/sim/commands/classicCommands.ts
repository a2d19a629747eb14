// The Classic Load Balancer's own API (AWS's `elb` names): stickiness policies, the listener's policies, instance
// registration and its attributes. Each call's check (what validateCommand answers) and its effect, for a lab whose
// load balancer is a Classic one: they load with the Network, Gateway and Classic families (ADR 0018), and
// classicCalls.ts answers a lab of another type without them.
import type { Result } from '../model/api'
import { asTargetId, type TargetId } from '../model/ids'
import type { ClbAttributes, ClbPolicy, ClbState, World } from '../model/world'
import { classicGroup } from '../queries/labQueries'
import { ClbErrors } from '../rules/classicErrors'
import {
  applyClassicAttributes,
  checkClassicAttributes,
  clbAttributesOf,
} from '../rules/classicLoadBalancerAttributes'
import {
  validateCookieName,
  validateExpirationPeriod,
  validateListenerPolicies,
  validatePolicyName,
} from '../rules/clbPolicies'
import { memberField, OK, type Failure } from '../rules/failure'
import { deregisterTarget, registerTarget } from '../rules/health'
import { dictGet } from '../dict'
import { instanceEntry } from '../worldEntries'
import type { LoadBalancerFamilies } from '../familySlot'
import { checkIdList, resultOf } from './commandChecks'

type ClassicTable = LoadBalancerFamilies['classic']['apply']

/** ModifyLoadBalancerAttributes: the attributes the call would leave, or its refusal. */
function checkAttributes(
  clb: ClbState,
  attributes: unknown,
): { ok: true; next: ClbAttributes } | Failure {
  return checkClassicAttributes(clbAttributesOf(clb), attributes)
}

function checkLbCookiePolicy(
  clb: ClbState,
  options: { policyName: string; cookieExpirationPeriod?: number },
): Failure | null {
  return (
    validatePolicyName(clb, options?.policyName) ??
    validateExpirationPeriod(options?.cookieExpirationPeriod)
  )
}

function checkAppCookiePolicy(
  clb: ClbState,
  options: { policyName: string; cookieName: string },
): Failure | null {
  return validatePolicyName(clb, options?.policyName) ?? validateCookieName(options?.cookieName)
}

/** (De)RegisterInstancesWithLoadBalancer: the ids (to register, ones the lab holds). */
function checkInstances(
  world: World,
  ids: unknown,
  register: boolean,
): { ok: true; ids: TargetId[] } | Failure {
  const bad = checkIdList(ids, 'Instances', 'InstanceId')
  if (bad !== null) return bad
  if (register)
    for (const [i, id] of (ids as string[]).entries())
      if (dictGet(world.instances, id) === undefined)
        return ClbErrors.invalidInstance(id, memberField('Instances', i, 'InstanceId'))
  // Well-formed instance ids (and, to register, ones the lab holds): target ids from here on.
  return { ok: true, ids: (ids as string[]).map(asTargetId) }
}

export const CLASSIC_CHECKS: ClassicTable = {
  createLBCookieStickinessPolicy: (_w, clb, [options]) => checkLbCookiePolicy(clb, options) ?? OK,
  createAppCookieStickinessPolicy: (_w, clb, [options]) => checkAppCookiePolicy(clb, options) ?? OK,
  setLoadBalancerPoliciesOfListener: (_w, clb, [options]) =>
    resultOf(validateListenerPolicies(clb, options?.loadBalancerPort, options?.policyNames)),
  registerInstancesWithLoadBalancer: (w, _clb, [ids]) => checkInstances(w, ids, true),
  deregisterInstancesFromLoadBalancer: (w, _clb, [ids]) => checkInstances(w, ids, false),
  modifyClassicLoadBalancerAttributes: (_w, clb, [attributes]) =>
    resultOf(checkAttributes(clb, attributes)),
}

function changeInstances(world: World, ids: string[], register: boolean): Result {
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

function addPolicy(clb: ClbState, policy: ClbPolicy): Result {
  clb.policies.push(policy)
  return OK
}

export const CLASSIC_COMMANDS: ClassicTable = {
  createLBCookieStickinessPolicy(_world, clb, [options]) {
    const bad = checkLbCookiePolicy(clb, options)
    if (bad !== null) return bad
    const period = options.cookieExpirationPeriod
    return addPolicy(clb, {
      policyName: options.policyName,
      policyTypeName: 'LBCookieStickinessPolicyType',
      cookieExpirationPeriod: period === undefined || period === 0 ? null : period,
    })
  },

  createAppCookieStickinessPolicy(_world, clb, [options]) {
    const bad = checkAppCookiePolicy(clb, options)
    if (bad !== null) return bad
    return addPolicy(clb, {
      policyName: options.policyName,
      policyTypeName: 'AppCookieStickinessPolicyType',
      cookieName: options.cookieName,
    })
  },

  setLoadBalancerPoliciesOfListener(_world, clb, [options]) {
    const checked = validateListenerPolicies(clb, options?.loadBalancerPort, options?.policyNames)
    if (!checked.ok) return checked
    clb.policyNames = checked.names
    return OK
  },

  registerInstancesWithLoadBalancer: (world, _clb, [ids]) => changeInstances(world, ids, true),

  deregisterInstancesFromLoadBalancer: (world, _clb, [ids]) => changeInstances(world, ids, false),

  modifyClassicLoadBalancerAttributes(world, clb, [attributes]) {
    const checked = checkAttributes(clb, attributes)
    if (!checked.ok) return checked
    applyClassicAttributes(world, clb, checked.next)
    return OK
  },
}
