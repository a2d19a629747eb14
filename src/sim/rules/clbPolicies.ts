// The Classic Load Balancer's API checks and descriptions (AWS's `elb` names): a new stickiness policy's name,
// expiration period and cookie name, the listener's policy list, DescribeLoadBalancerPolicies and
// DescribeInstanceHealth. The CLB's routing and AWSELB cookies are in pipeline/clbStrategy.ts.

import { COOKIE_EXPIRATION_PERIOD_RANGE } from '../callArgs'
import { dictGet } from '../dict'
import type { InstanceHealthView, LoadBalancerPolicyView } from '../model/api'
import type { ClbState, TargetGroupState, World } from '../model/world'
import { ClbErrors } from './classicErrors'
import { memberField, type Failure } from './failure'

const POLICY_NAME = /^[A-Za-z0-9-]+$/
const COOKIE_TOKEN = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]{1,256}$/

/** Checks a new policy's name: AWS's character rule and uniqueness. */
export function validatePolicyName(clb: ClbState, name: unknown): Failure | null {
  if (typeof name !== 'string' || name.length === 0) return ClbErrors.policyNameEmpty()
  if (!POLICY_NAME.test(name)) return ClbErrors.policyNameChars()
  if (clb.policies.some((p) => p.policyName === name)) return ClbErrors.duplicatePolicyName(name)
  return null
}

export function validateExpirationPeriod(value: unknown): Failure | null {
  if (value === undefined) return null
  const { min, max } = COOKIE_EXPIRATION_PERIOD_RANGE
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    return ClbErrors.cookieExpirationPeriod(value)
  return null
}

export function validateCookieName(value: unknown): Failure | null {
  return typeof value === 'string' && COOKIE_TOKEN.test(value)
    ? null
    : ClbErrors.clbCookieName(value)
}

/** Validates SetLoadBalancerPoliciesOfListener; returns the names to set or a failure. */
export function validateListenerPolicies(
  clb: ClbState,
  port: unknown,
  names: unknown,
): { ok: true; names: string[] } | Failure {
  if (port !== clb.loadBalancerPort) return ClbErrors.listenerNotFound(port)
  if (!Array.isArray(names)) return ClbErrors.policyNotFound(String(names), 'PolicyNames')
  const out: string[] = []
  for (const [i, n] of names.entries()) {
    if (typeof n !== 'string' || !clb.policies.some((p) => p.policyName === n))
      return ClbErrors.policyNotFound(String(n), memberField('PolicyNames', i))
    if (!out.includes(n)) out.push(n)
  }
  // Both policy types are stickiness policies; a listener takes one.
  if (out.length > 1) return ClbErrors.twoStickinessPolicies()
  return { ok: true, names: out }
}

/** DescribeLoadBalancerPolicies. */
export function describePolicies(clb: ClbState): LoadBalancerPolicyView[] {
  return clb.policies.map((p) =>
    p.policyTypeName === 'LBCookieStickinessPolicyType'
      ? {
          PolicyName: p.policyName,
          PolicyTypeName: p.policyTypeName,
          PolicyAttributeDescriptions: [
            {
              AttributeName: 'CookieExpirationPeriod',
              AttributeValue: String(p.cookieExpirationPeriod ?? 0),
            },
          ],
        }
      : {
          PolicyName: p.policyName,
          PolicyTypeName: p.policyTypeName,
          PolicyAttributeDescriptions: [
            { AttributeName: 'CookieName', AttributeValue: p.cookieName },
          ],
        },
  )
}

/** DescribeInstanceHealth wording for each registration state. */
export function instanceHealth(world: World, tg: TargetGroupState): InstanceHealthView[] {
  const out: InstanceHealthView[] = []
  for (const r of tg.targets) {
    if (r.deregistered && r.state === 'unused') continue
    const id = r.id
    if (r.state === 'healthy')
      out.push({ InstanceId: id, State: 'InService', ReasonCode: 'N/A', Description: 'N/A' })
    else if (r.state === 'draining')
      out.push({
        InstanceId: id,
        State: 'InService',
        ReasonCode: 'ELB',
        Description: 'Instance deregistration currently in progress.',
      })
    else if (r.state === 'initial')
      out.push({
        InstanceId: id,
        State: 'OutOfService',
        ReasonCode: 'ELB',
        Description: 'Instance registration is still in progress.',
      })
    else if (r.state === 'unhealthy')
      out.push({
        InstanceId: id,
        State: 'OutOfService',
        ReasonCode: 'Instance',
        Description:
          'Instance has failed at least the UnhealthyThreshold number of health checks consecutively.',
      })
    else
      out.push({
        InstanceId: id,
        State: 'OutOfService',
        ReasonCode: 'Instance',
        Description:
          dictGet(world.instances, id)?.running === false
            ? 'Instance is in stopped state.'
            : 'Instance is not in service.',
      })
  }
  return out
}
