// Network Load Balancer requests in words: which flow the request travelled on, or how a new flow
// found its target (tuple hash, source_ip table, zone, fail-open), then whether the target answered.

import type { FlowEnd, FlowScopeFacts, NlbFacts } from '../sim/model/facts'
import { silenceText } from './cookieReasons'

function flowEndText(end: FlowEnd): string {
  switch (end.code) {
    case 'stopped':
      return `${end.targetId}'s instance is stopped (Target.InvalidState)`
    case 'deregistered':
      return end.terminated === true
        ? 'its target is no longer registered, and deregistration_delay.connection_termination.enabled is true, so the NLB closed the connection when the delay ended'
        : 'its target is no longer registered'
    case 'unhealthy-terminated':
      return `${end.targetId} became unhealthy and the NLB closes connections to unhealthy targets`
    case 'state':
      return `${end.targetId} is ${end.state}`
  }
}

function scopeText(targetGroup: string, scope: FlowScopeFacts): string {
  if (scope.failOpen)
    return ` — no target in ${targetGroup} is healthy, so the NLB fails open to every registered target`
  if (scope.az === null) return ''
  if (scope.movedFrom !== null)
    return ` — the ${scope.movedFrom} node has no healthy target and left DNS, so the client reached the ${scope.az} node (cross-zone load balancing is off)`
  return ` among the targets in ${scope.az} (cross-zone load balancing is off)`
}

function peersText(peers: readonly string[] | null): string {
  return peers === null ? '' : ` (shared by ${peers.join(', ')} behind that address)`
}

/** The whole explanation of an NLB request. */
export function explainNlb(f: NlbFacts): string {
  const r = f.route
  if (r === null) return 'The listener forwards to no target group, so the connection was refused.'
  const protocol = f.protocol
  let s: string
  if (r.kind === 'existing') {
    s = `The request travelled on the client's open ${protocol} flow (source port ${r.sourcePort}), which stays on ${r.targetId}`
    if (r.deregistered === true)
      s += ` even though ${r.targetId}'s deregistration delay has ended: deregistration_delay.connection_termination.enabled is false (AWS's default), so the NLB leaves established connections open`
  } else {
    const old = r.replaced
    const prefix =
      old === null
        ? ''
        : old.kind === 'new-connection'
          ? `The client opened a new ${protocol} connection instead of reusing source port ${old.sourcePort}; `
          : `The client's ${protocol} flow to ${old.targetId} ended (${flowEndText(old.end)}); `
    const how =
      protocol === 'TCP'
        ? 'hashed on protocol, source and destination address and port, and the TCP sequence number'
        : 'hashed on its 5-tuple'
    const where = scopeText(r.targetGroup, r.scope)
    const ip = r.sourceIp
    const id = r.targetId
    const picked = id === null ? '' : ` to ${id}`
    const sticky = r.sticky
    if (sticky === null)
      s = `${prefix}stickiness is off, so the new ${protocol} flow from ${ip}:${r.sourcePort} was ${how}${picked}${where}`
    else if (sticky.kind === 'hit')
      s = `${prefix}source_ip stickiness: the sticky table binds ${ip}${peersText(r.peers)} to ${id}, so the new ${protocol} flow goes there`
    else if (sticky.kind === 'new')
      s = `${prefix}source_ip stickiness: ${ip} has no entry in the sticky table, so the new flow was ${how}${picked}${where}${id === null ? '' : ` and the table now binds ${ip}${peersText(r.peers)} to it`}`
    else if (sticky.kind === 'reset') {
      const reset = sticky.reset
      const cause = `${reset.targetId} went from ${reset.from} to ${reset.to}`
      s = `${prefix}source_ip stickiness: the sticky table was reset at ${reset.atMs / 1000} s (${cause}), so ${ip}'s binding to ${sticky.boundTo} is gone and the new flow was ${how}${picked}${where}`
    } else
      s = `${prefix}source_ip stickiness: ${ip} is bound to ${sticky.boundTo}, which cannot take new flows now, so the new flow was ${how}${picked}${where}`
    if (id === null) return s + '; no registered target can take it, so the connection was refused.'
  }
  const id = r.targetId
  return f.silence !== undefined
    ? `${s}, but ${id} does not answer (${silenceText(f.silence)}), so the client's connection timed out.`
    : s + '.'
}
