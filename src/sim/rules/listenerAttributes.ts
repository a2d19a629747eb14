// ELBv2 listener attributes (ModifyListenerAttributes / DescribeListenerAttributes) for the lab's one listener:
// `tcp.idle_timeout.seconds` on a Network Load Balancer's TCP listener and on a Gateway Load Balancer's listener
// (60-6000 s, default 350). It is modelled: TCP flows idle out after it (UDP flows keep 120 s). A TLS listener's idle
// timeout is 350 s and cannot be changed; other protocols and the ALB's listener attributes are not offered here.
// https://docs.aws.amazon.com/elasticloadbalancing/latest/network/update-idle-timeout.html
import { dictGet } from '../dict'
import { TCP_IDLE_TIMEOUT_SECONDS } from '../model/loadBalancerTypes'
import type { World } from '../model/world'
import { Errors, type Failure } from './errors'

export const TCP_IDLE_TIMEOUT_KEY = 'tcp.idle_timeout.seconds'
/** `tcp.idle_timeout.seconds`: 60-6000 s (NLB guide, update-idle-timeout). */
export const TCP_IDLE_TIMEOUT_RANGE = { min: 60, max: 6000 } as const

/** Whether the listener takes `tcp.idle_timeout.seconds`: an NLB TCP listener or a GWLB listener. */
function takesTcpIdleTimeout(world: World): boolean {
  const type = world.loadBalancerType
  return type === 'gateway' || (type === 'network' && world.listener.transport === 'TCP')
}

/** The TCP idle timeout flows through the listener get, in seconds. */
export function tcpIdleSeconds(world: World): number {
  if (!takesTcpIdleTimeout(world)) return TCP_IDLE_TIMEOUT_SECONDS
  const v = world.listener.attributes
  const set = v === undefined ? undefined : dictGet(v, TCP_IDLE_TIMEOUT_KEY)
  return set === undefined ? TCP_IDLE_TIMEOUT_SECONDS : Number(set)
}

/** DescribeListenerAttributes: the attribute with its value where the listener takes it, else {}. */
export function describeListenerAttributes(world: World): Record<string, string> {
  return takesTcpIdleTimeout(world) ? { [TCP_IDLE_TIMEOUT_KEY]: String(tcpIdleSeconds(world)) } : {}
}

/** Checks a ModifyListenerAttributes map; returns the values to store or AWS's refusal. */
export function checkListenerAttributes(
  world: World,
  attributes: unknown,
): { ok: true; next: Record<string, string> } | Failure {
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes))
    return Errors.listenerAttributeNotSupported('Attributes')
  const next: Record<string, string> = { ...(world.listener.attributes ?? {}) }
  for (const key of Object.keys(attributes)) {
    const value: unknown = dictGet(attributes as Record<string, unknown>, key)
    if (key !== TCP_IDLE_TIMEOUT_KEY) return Errors.listenerAttributeNotSupported(key)
    if (world.loadBalancerType === 'network' && world.listener.transport === 'TLS')
      return Errors.tlsIdleTimeoutFixed()
    if (!takesTcpIdleTimeout(world)) return Errors.listenerAttributeNotSupported(key)
    if (typeof value !== 'string') return Errors.attributeValueNotString(key)
    const { min, max } = TCP_IDLE_TIMEOUT_RANGE
    const n = Number(value)
    if (!/^\d+$/.test(value) || n < min || n > max) return Errors.intRange(key, value, min, max)
    next[TCP_IDLE_TIMEOUT_KEY] = String(n)
  }
  return { ok: true, next }
}

/** Stores checked values; open TCP flows idle out by the new timeout from now on. */
export function applyListenerAttributes(world: World, next: Record<string, string>): void {
  world.listener.attributes = next
}
