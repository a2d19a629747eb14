// Short descriptions of recorded lab calls for the timeline ("alice → request", "stop i-1"), written for a
// learner scrubbing through a session rather than for a programmer reading the log.
import { dictGet } from '../sim'
import type { LabCall } from '../sim'

const str = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v) ?? '?')

/** Seconds as the clock jumps show them: "+0.3 s", "+30 s", "+5 min", "+1 day". */
function jump(seconds: number): string {
  if (seconds >= 86_400 && seconds % 86_400 === 0) return `+${seconds / 86_400} day${seconds === 86_400 ? '' : 's'}`
  if (seconds >= 60 && seconds % 60 === 0) return `+${seconds / 60} min`
  return `+${Number.isInteger(seconds) ? seconds : seconds.toFixed(seconds < 1 ? 3 : 1).replace(/\.?0+$/, '')} s`
}

const LOAD_BALANCER_NAMES: Record<string, string> = {
  application: 'ALB',
  network: 'NLB',
  classic: 'CLB',
  gateway: 'GWLB',
}

function listOf(v: unknown): string {
  return Array.isArray(v) ? v.map(str).join(', ') : str(v)
}

/** One line for a recorded call, e.g. "alice → request /cart/add" or "web: stickiness.enabled = true". */
export function describeCall(entry: Pick<LabCall, 'call' | 'args'>): string {
  const [a, b] = entry.args
  switch (entry.call) {
    case 'advance':
      return `time passes ${jump(typeof a === 'number' ? a : 0)}`
    case 'request': {
      const o = b as { path?: unknown; newConnection?: unknown } | undefined
      const path = o?.path
      return `${str(a)} → ${o?.newConnection === true ? 'new connection' : 'request'}${typeof path === 'string' && path !== '/' ? ` ${path}` : ''}`
    }
    case 'addClient':
      return `add browser ${str(a)}`
    case 'removeClient':
      return `remove browser ${str(a)}`
    case 'setClientOptions':
      return `${str(a)}: browser settings`
    case 'modifyTargetGroupAttributes': {
      const keys = b !== null && typeof b === 'object' ? Object.entries(b as Record<string, unknown>) : []
      if (keys.length === 0) return `${str(a)}: attributes`
      const [key, value] = keys[0]!
      return `${str(a)}: ${key} = ${str(value)}${keys.length > 1 ? ` and ${keys.length - 1} more` : ''}`
    }
    case 'modifyHealthCheck':
      return `${str(a)}: health check settings`
    case 'setListenerProtocol':
      return `listener → ${str(a)}`
    case 'setForward':
      return 'listener: forward action'
    case 'createTargetGroup':
      return `create target group ${str(a)}`
    case 'registerTargets':
      return `${str(a)}: register ${listOf(b)}`
    case 'deregisterTargets':
      return `${str(a)}: deregister ${listOf(b)}`
    case 'stopInstance':
      return `stop ${str(a)}`
    case 'startInstance':
      return `start ${str(a)}`
    case 'setHealthCheckFailing': {
      const mode = (entry.args[2] as { mode?: unknown } | undefined)?.mode
      if (b === true && mode === 'unresponsive') return `${str(a)}: application hangs`
      return `${str(a)}: health checks ${b === true ? 'fail' : 'pass'}`
    }
    case 'configureApp':
      return 'application settings'
    case 'launchInstance':
      return 'launch an instance'
    case 'setCookie':
      return `${str(a)}: edit cookie ${str(b)}`
    case 'deleteCookie':
      return `${str(a)}: delete cookie ${str(b)}`
    case 'clearCookies':
      return `${str(a)}: clear cookies`
    case 'openWebSocket':
      return `${str(a)} → open WebSocket`
    case 'sendWebSocketMessage':
      return `${str(a)} → WebSocket message`
    case 'closeWebSocket':
      return `${str(a)}: close WebSocket`
    case 'setLoadBalancerType':
      return `load balancer → ${dictGet(LOAD_BALANCER_NAMES, str(a)) ?? str(a)}`
    case 'closeConnection':
      return `${str(a)}: close connection`
    case 'modifyLoadBalancerAttributes':
      return 'load balancer attributes'
    case 'createLBCookieStickinessPolicy':
    case 'createAppCookieStickinessPolicy':
      return `create policy ${str((a as { policyName?: unknown } | undefined)?.policyName)}`
    case 'setLoadBalancerPoliciesOfListener': {
      const names = (a as { policyNames?: unknown } | undefined)?.policyNames
      return Array.isArray(names) && names.length > 0 ? `listener policies → ${listOf(names)}` : 'listener policies removed'
    }
    case 'registerInstancesWithLoadBalancer':
      return `register ${listOf(a)}`
    case 'deregisterInstancesFromLoadBalancer':
      return `deregister ${listOf(a)}`
    case 'modifyClassicLoadBalancerAttributes':
      return 'Classic load balancer attributes'
    case 'modifyListenerAttributes':
      return 'listener attributes'
    case 'setCdn': {
      const o = a as { enabled?: unknown; cookies?: unknown } | undefined
      return o?.enabled === true ? `CloudFront → cookies ${str(o.cookies ?? 'none')}` : 'CloudFront removed'
    }
    case 'setOuterLayer': {
      const o = a as { enabled?: unknown; stickiness?: unknown } | undefined
      return o?.enabled === true ? `outer ALB → stickiness ${str(o.stickiness ?? 'off')}` : 'outer ALB removed'
    }
    case 'configureKubernetes':
      return `Kubernetes → target-type ${str((a as { targetType?: unknown } | undefined)?.targetType)}`
    case 'connectSocketIo':
      return `${str(a)} → connect Socket.IO`
    default:
      return entry.call
  }
}
