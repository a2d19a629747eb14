// The Numbers tab's CloudWatch rows for an ALB (issue 19, item 8): NonStickyRequestCount and RequestCountPerTarget
// with AWS's definitions (docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-
// metrics.html), and one line that reads them together to answer "why is my load uneven".
import type { LabQueries } from '../sim'

export const CLOUDWATCH_METRICS_URL =
  'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html'

export interface CloudWatchRow {
  key: string
  metric: string
  /** The CloudWatch dimension the value is for. */
  dimension: string
  value: number
  definition: string
}

export const NON_STICKY_DEFINITION =
  'Requests where the load balancer chose a new target because it could not use an existing sticky session: a new client with no stickiness cookie, a cookie naming a target not registered in this target group (or one now unhealthy or deregistered), a malformed or expired cookie. Reported when stickiness is enabled; statistic Sum.'

export const PER_TARGET_DEFINITION =
  'The average number of requests received by each target in a target group: its requests divided by its healthy targets. The TargetGroup dimension is required; the Sum statistic shows this average.'

export interface CloudWatchView {
  rows: CloudWatchRow[]
  /** NonStickyRequestCount against RequestCount, in words (null before any request). */
  reading: string | null
}

/** The rows for an ALB, or null for the other types (they report no NonStickyRequestCount). */
export function selectCloudWatch(lab: LabQueries): CloudWatchView | null {
  if (lab.loadBalancerType() !== 'application') return null
  const m = lab.metrics()
  const requests = m.RequestCount ?? 0
  const nonSticky = m.NonStickyRequestCount ?? 0
  const rows: CloudWatchRow[] = [
    {
      key: 'NonStickyRequestCount',
      metric: 'NonStickyRequestCount',
      dimension: 'LoadBalancer',
      value: nonSticky,
      definition: NON_STICKY_DEFINITION,
    },
  ]
  for (const g of lab.targetGroups()) {
    const value = m[`RequestCountPerTarget:targetgroup/${g.name}`]
    if (value === undefined) continue
    rows.push({
      key: `RequestCountPerTarget:${g.name}`,
      metric: 'RequestCountPerTarget',
      dimension: `TargetGroup=targetgroup/${g.name}`,
      value,
      definition: PER_TARGET_DEFINITION,
    })
  }
  return { rows, reading: readingOf(requests, nonSticky) }
}

function readingOf(requests: number, nonSticky: number): string | null {
  if (requests === 0) return null
  const pct = Math.round((nonSticky / requests) * 100)
  const head = `${nonSticky} of ${requests} requests (${pct}%) were balanced afresh.`
  if (nonSticky === 0)
    return `${head} Every request followed a sticky session (or stickiness is off, and nothing is counted).`
  if (pct >= 50)
    return `${head} Most clients are not returning the stickiness cookie (curl, SDKs and load tools without a cookie jar, CORS preflights, cross-site calls without credentials), so their load spreads evenly.`
  return `${head} The rest followed sticky sessions: their load stays where each client first landed, so a few busy clients can load one target while RequestCountPerTarget, an average, looks even.`
}
