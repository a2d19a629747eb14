// ModifyLoadBalancerAttributes / DescribeLoadBalancerAttributes for the ELBv2 types: each key checked
// against the type's table (loadBalancerAttributeSpecs.ts), all-or-nothing. Cross-zone (NLB/GWLB) is
// the one attribute that changes routing here; the rest are stored and described so a configuration
// copied from AWS is accepted as AWS accepts it (docs/attributes.md marks them "no effect").

import type { Dict } from '../dict'
import { dictGet, dictSet } from '../dict'
import {
  LB_CROSS_ZONE,
  LOAD_BALANCER_ATTRIBUTE_DEFAULTS,
  LOAD_BALANCER_ATTRIBUTE_SPECS,
} from '../model/loadBalancerAttributeSpecs'
import type { World } from '../model/world'
import type { Failure } from './errors'
import { Errors } from './errors'
import { validateValue } from './validation'

/** Validates a request against the current type; returns the new cross-zone switch and stored values. */
export function validateLoadBalancerAttributes(
  world: World,
  attributes: Record<string, string>,
): { ok: true; crossZone: boolean; values: Dict<string> } | Failure {
  const type = world.loadBalancerType
  const specs = LOAD_BALANCER_ATTRIBUTE_SPECS[type]
  if (type === 'classic') return Errors.loadBalancerAttributeNotSupported()
  if (attributes === null || typeof attributes !== 'object')
    return Errors.attributeValueNotString('attributes')
  let crossZone = world.loadBalancerAttributes.crossZone
  const values: Dict<string> = { ...(world.loadBalancerAttributes.values ?? {}) }
  for (const [key, raw] of Object.entries(attributes)) {
    if (dictGet(specs, key) === undefined) return Errors.loadBalancerAttributeNotSupported(key)
    if (typeof raw !== 'string') return Errors.attributeValueNotString(key)
    const v = validateValue(specs, key, raw)
    if (typeof v !== 'string') return v
    if (key === LB_CROSS_ZONE) {
      if (type === 'application') {
        // An ALB's cross-zone load balancing is always on; "true" is accepted and changes nothing.
        if (v === 'false') return Errors.albCrossZoneAlwaysOn()
      } else {
        crossZone = v === 'true'
      }
      continue
    }
    dictSet(values, key, v)
  }
  return { ok: true, crossZone, values }
}

/** DescribeLoadBalancerAttributes: every key of the type with its current (or default) value. */
export function describeLoadBalancerAttributes(world: World): Record<string, string> {
  const type = world.loadBalancerType
  const out: Record<string, string> = {}
  const stored = world.loadBalancerAttributes.values ?? {}
  for (const [key, def] of Object.entries(LOAD_BALANCER_ATTRIBUTE_DEFAULTS[type])) {
    const value =
      key === LB_CROSS_ZONE && type !== 'application'
        ? String(world.loadBalancerAttributes.crossZone)
        : (dictGet(stored, key) ?? def)
    dictSet(out, key, value)
  }
  return out
}
