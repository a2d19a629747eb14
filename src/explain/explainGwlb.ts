// Gateway Load Balancer requests in words: the flow (and the tuple that identifies it), the
// appliance it stays on or was hashed to, failover, and whether the appliance answered.

import type { GwlbFacts, GwlbFlowKeyFacts } from '../sim/model/facts'
import { silenceText } from './cookieReasons'

function fieldsOf(tuple: GwlbFlowKeyFacts['tuple']): string {
  switch (tuple) {
    case '2-tuple':
      return 'source IP, destination IP'
    case '3-tuple':
      return 'source IP, destination IP, protocol'
    case '5-tuple':
      return 'source IP and port, destination IP and port, protocol'
  }
}

function tupleReason(key: GwlbFlowKeyFacts, protocol: string): string {
  if (key.stickinessType !== null) return `stickiness.type is ${key.stickinessType}`
  return protocol === 'ICMP' ? 'stickiness is off and ICMP has no ports' : 'stickiness is off'
}

/** The whole explanation of a GWLB request. */
export function explainGwlb(f: GwlbFacts): string {
  const r = f.route
  if (r === null) return 'The listener forwards to no target group, so the packets were dropped.'
  const prefix =
    f.replacedPort === null
      ? ''
      : `The client opened a new connection instead of reusing source port ${f.replacedPort}. `
  const shown =
    f.protocol === 'ICMP'
      ? `ICMP ${f.sourceIp} → ${f.destinationIp}`
      : `${f.protocol} ${f.sourceIp}:${f.sourcePort} → ${f.destinationIp}:${f.destinationPort}`
  const tuple = `${r.key.tuple} (${fieldsOf(r.key.tuple)}; ${tupleReason(r.key, f.protocol)})`
  let s: string
  if (r.kind === 'hash') {
    const rb = r.rebalanced
    const lead =
      rb === null
        ? `${prefix}A new flow ${shown}`
        : rb.failed === null
          ? `${prefix}The flow's appliance ${rb.targetId} is no longer registered, so ${shown}`
          : `${prefix}The flow's appliance ${rb.targetId} is ${rb.failed.state} and ${rb.failed.attribute} is rebalance, so ${shown}`
    if (r.targetId === null)
      return `${lead} found no registered appliance that can take it, so the packets were dropped.`
    const zone = r.failOpen
      ? ' (no appliance is healthy, so the GWLB fails open to every registered one)'
      : r.az === null
        ? ''
        : ` among the appliances in ${r.az} (cross-zone load balancing is off)`
    s = `${lead} was hashed on its ${tuple} to appliance ${r.targetId}${zone}`
  } else {
    const stay =
      r.failed === null
        ? `, which stays on appliance ${r.targetId}`
        : `, which stays on appliance ${r.targetId} even though it is ${r.failed.state}: ${r.failed.attribute} is no_rebalance, so existing flows keep going to the failed appliance`
    s =
      r.kind === 'existing'
        ? `${prefix}${shown} belongs to an existing flow (${r.key.tuple}: ${fieldsOf(r.key.tuple)})${stay}`
        : `${prefix}The new connection ${shown} has the same ${tuple} as an existing flow${stay}`
  }
  return f.silence !== undefined
    ? `${s}, but ${r.targetId} does not answer (${silenceText(f.silence)}), so the packets were dropped.`
    : s + ', which inspected the packets and sent them on to their destination.'
}
