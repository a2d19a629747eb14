// The Numbers tab's CloudWatch metrics for an ALB (issue 19, item 8): each value with its dimension and AWS's
// definition in words on the page (not only in a tooltip), and a line that reads them together.
import { useId } from 'react'
import { CLOUDWATCH_METRICS_URL, selectCloudWatch } from '../../view/selectCloudWatch'
import { useLab } from '../hooks/useLab'
import './CloudWatchMetrics.css'

export function CloudWatchMetrics() {
  const view = useLab(selectCloudWatch)
  const uid = useId()
  if (view === null) return null
  return (
    <section
      className="cloudwatch-metrics"
      aria-labelledby={`${uid}-h`}
      data-testid="cloudwatch-metrics"
    >
      <h3 id={`${uid}-h`}>CloudWatch metrics (AWS/ApplicationELB)</h3>
      <dl className="cloudwatch-list">
        {view.rows.map((r) => (
          <div key={r.key} data-testid={`cw-${r.key}`}>
            <dt>
              <code>{r.metric}</code> <span className="hint">{r.dimension}</span>
            </dt>
            <dd>
              <strong className="cw-value">{r.value}</strong> · {r.definition}
            </dd>
          </div>
        ))}
      </dl>
      {view.reading !== null && (
        <p className="cw-reading" data-testid="cw-reading">
          {view.reading}
        </p>
      )}
      <p className="hint">
        The bars above are the simulator’s per-instance totals; CloudWatch’s RequestCountPerTarget
        is a per-group average. Definitions:{' '}
        <a href={CLOUDWATCH_METRICS_URL} target="_blank" rel="noreferrer">
          AWS, CloudWatch metrics for your Application Load Balancer
        </a>
        .
      </p>
    </section>
  )
}
