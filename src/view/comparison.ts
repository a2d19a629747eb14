// "Compare ALB and NLB": the same four browsers (three behind one office NAT) and the same failure (the
// instance the office is stuck to stops) run in two pure labs, one ALB with lb_cookie stickiness and one
// NLB with source_ip stickiness. Everything is computed with createLab, so the result is deterministic.
import { createLab, type Lab, type LoadBalancerType, type RequestRecord } from '../sim'

export const COMPARISON_SEED = 1
/** alice browses from home; bob, carol and dave share the office NAT's public address. */
export const COMPARISON_CLIENTS: readonly { id: string; sourceIp: string }[] = [
  { id: 'alice', sourceIp: '198.51.100.24' },
  { id: 'bob', sourceIp: '203.0.113.10' },
  { id: 'carol', sourceIp: '203.0.113.10' },
  { id: 'dave', sourceIp: '203.0.113.10' },
]
export const OFFICE_NAT_IP = '203.0.113.10'
export const REQUESTS_PER_PHASE = 3
const TARGET_GROUP = 'web'

export interface TargetCount {
  targetId: string
  requests: number
}

export interface ClientOutcome {
  id: string
  sourceIp: string
  behindNat: boolean
  before: string | null
  after: string | null
  /** One short sentence: where the client went and why. */
  outcome: string
}

export interface ComparisonSide {
  type: LoadBalancerType
  heading: string
  stickiness: string
  /** Requests per instance before the failure, every instance listed (0 included). */
  before: TargetCount[]
  /** Requests per instance after the instance stopped (its target unused at once). */
  after: TargetCount[]
  stopped: string
  /** How many instances the three office browsers used before the failure. */
  officeTargets: number
  /** Whether the sticky table was reset (NLB) or the cookie rewritten (ALB) for the moved clients. */
  summary: string
  clients: ClientOutcome[]
}

function stickyLab(type: 'application' | 'network'): Lab {
  const lab = createLab({ seed: COMPARISON_SEED, loadBalancerType: type })
  for (const c of COMPARISON_CLIENTS) lab.addClient(c.id, { sourceIp: c.sourceIp })
  const attributes: Record<string, string> =
    type === 'application'
      ? { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' }
      : { 'stickiness.enabled': 'true', 'stickiness.type': 'source_ip' }
  const r = lab.modifyTargetGroupAttributes(TARGET_GROUP, attributes)
  if (!r.ok) throw new Error(`comparison setup failed: ${r.code}: ${r.message}`)
  // An ALB always balances across zones; the NLB gets the same, so only the stickiness differs.
  if (type === 'network') lab.modifyLoadBalancerAttributes({ 'load_balancing.cross_zone.enabled': 'true' })
  return lab
}

/** Each browser sends `REQUESTS_PER_PHASE` requests, taking turns. */
function browse(lab: Lab): RequestRecord[] {
  const out: RequestRecord[] = []
  for (let i = 0; i < REQUESTS_PER_PHASE; i++) {
    for (const c of COMPARISON_CLIENTS) {
      out.push(lab.request(c.id))
      lab.advance(1)
    }
  }
  return out
}

function counts(lab: Lab, records: readonly RequestRecord[]): TargetCount[] {
  const ids = lab.instances().map((i) => i.id)
  return ids.map((targetId) => ({ targetId, requests: records.filter((r) => r.targetId === targetId).length }))
}

function lastTarget(records: readonly RequestRecord[], clientId: string): string | null {
  for (let i = records.length - 1; i >= 0; i--) if (records[i]!.clientId === clientId) return records[i]!.targetId
  return null
}

function runSide(type: 'application' | 'network'): ComparisonSide {
  const lab = stickyLab(type)
  const first = browse(lab)
  const stopped = lastTarget(first, 'bob') ?? 'i-1'
  // EC2 reports the stop at once (unused / Target.InvalidState): no health check has to fail first.
  lab.stopInstance(stopped)
  const second = browse(lab)
  const officeTargets = new Set(
    first.filter((r) => r.clientId !== 'alice' && r.targetId !== null).map((r) => r.targetId),
  ).size
  const alb = type === 'application'
  const clients: ClientOutcome[] = COMPARISON_CLIENTS.map((c) => {
    const before = lastTarget(first, c.id)
    const after = lastTarget(second, c.id)
    const behindNat = c.sourceIp === OFFICE_NAT_IP
    let outcome: string
    if (before === stopped)
      outcome = alb
        ? `${before} stopped: the ALB picked ${after ?? 'no instance'} and rewrote this browser’s AWSALB.`
        : `${before} stopped: the sticky table reset and source IP ${c.sourceIp} now maps to ${after ?? 'no instance'}.`
    else if (before === after)
      outcome = alb
        ? `Stayed on ${after}: its own AWSALB still names a healthy instance.`
        : `Stayed on ${after} after the sticky table reset (source IP ${c.sourceIp}).`
    else
      outcome = alb
        ? `Moved from ${before ?? '—'} to ${after ?? '—'}.`
        : `Moved from ${before ?? '—'} to ${after ?? '—'}: the sticky table reset re-placed source IP ${c.sourceIp}.`
    return { id: c.id, sourceIp: c.sourceIp, behindNat, before, after, outcome }
  })
  return {
    type,
    heading: alb ? 'Application Load Balancer · lb_cookie' : 'Network Load Balancer · source_ip',
    stickiness: alb ? 'each browser is bound by its own AWSALB cookie' : 'each source IP is bound to a target',
    before: counts(lab, first),
    after: counts(lab, second),
    stopped,
    officeTargets,
    summary: alb
      ? `The three office browsers used ${officeTargets} instance${officeTargets === 1 ? '' : 's'}: each has its own cookie, so the NAT does not matter. Only the browsers bound to ${stopped} moved.`
      : `The three office browsers shared one source IP, so they used ${officeTargets} instance${officeTargets === 1 ? '' : 's'}. When ${stopped} stopped, the NLB reset its sticky table and the office moved as one.`,
    clients,
  }
}

export interface ComparisonResult {
  alb: ComparisonSide
  nlb: ComparisonSide
}

/** Runs both labs (a few dozen requests each; pure and deterministic). */
export function runComparison(): ComparisonResult {
  return {
    alb: runSide('application'),
    nlb: runSide('network'),
  }
}
