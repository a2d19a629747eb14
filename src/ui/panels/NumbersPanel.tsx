// The numbers a CloudWatch dashboard would show: requests per instance (chart), non-sticky requests, ELB 5xx, carts lost.
import { selectNumbers } from '../../view/selectNumbers'
import { BarChartCanvas } from '../canvases/BarChartCanvas'
import { useLab } from '../hooks/useLab'
import { CloudWatchMetrics } from './CloudWatchMetrics'

export function NumbersPanel() {
  const n = useLab(selectNumbers)
  const chartLabel = `Requests per instance: ${n.bars.map((b) => `${b.label} ${b.value}`).join(', ')}`
  return (
    <section className="panel" aria-labelledby="numbers-heading">
      <h2 id="numbers-heading">Numbers</h2>
      <BarChartCanvas bars={n.bars} label={chartLabel} />
      <dl className="stats">
        {n.stats.map((s) => (
          <div key={s.key} className={`stat${s.alert ? ' alert' : ''}`} data-testid={`stat-${s.key}`}>
            <dt title={s.help}>{s.label}</dt>
            <dd>{s.value}</dd>
          </div>
        ))}
      </dl>
      <CloudWatchMetrics />
    </section>
  )
}
