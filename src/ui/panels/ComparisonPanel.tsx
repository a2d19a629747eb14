// Compare load balancers: "Compare ALB and NLB" runs the same four browsers (three behind one NAT) and the
// same failure in two pure labs and shows them side by side; seed 002's comparison table reproduces each
// row in the lab ("Reproduce" resets the lab and plays the row's events) and corrects claim 002-8.
import { useId, useState } from 'react'
import { NAT_SKEW_CORRECTION, SEED_COMPARISON_ROWS, type SeedComparisonRow } from '../../lessons/seedComparison'
import type { LabEvent } from '../../machines/labMachine'
import { runComparison, type ComparisonResult, type ComparisonSide, type TargetCount } from '../../view/comparison'
import { useLabActor } from '../hooks/labActorContext'
import './ComparisonPanel.css'

export function ComparisonPanel() {
  const uid = useId()
  const actor = useLabActor()
  const [result, setResult] = useState<ComparisonResult | null>(null)
  const [reproduced, setReproduced] = useState<SeedComparisonRow | null>(null)

  function reproduce(row: SeedComparisonRow) {
    actor.send({ type: 'sim.reset' })
    for (const event of row.events) actor.send(event as LabEvent)
    setReproduced(row)
  }

  return (
    <section className="panel comparison-panel" aria-labelledby={`${uid}-heading`}>
      <h2 id={`${uid}-heading`}>Compare load balancers</h2>
      <h3>Compare ALB and NLB</h3>
      <div className="cmp-intro">
        <p className="cfg-hint">
          The same four browsers — alice at home, bob, carol and dave behind one office NAT — and the same
          failure (the instance the office is stuck to stops), under an ALB with <code>lb_cookie</code> and an
          NLB with <code>source_ip</code> stickiness (and cross-zone load balancing on, like the ALB). Two separate labs;
          yours is not changed.
        </p>
        <button type="button" className="btn primary" onClick={() => setResult(runComparison())}>
          Compare ALB and NLB
        </button>
      </div>
      {result ? (
        <div className="cmp-sides" data-testid="comparison">
          <ComparisonColumn side={result.alb} />
          <ComparisonColumn side={result.nlb} />
        </div>
      ) : null}

      <h3 id={`${uid}-seed`}>Seed 002’s comparison table, row by row</h3>
      <div className="cmp-table-wrap" role="region" aria-labelledby={`${uid}-seed`} tabIndex={0}>
        <table className="cmp-table">
          <thead>
            <tr>
              <th scope="col">Load balancer</th>
              <th scope="col">Sticky method</th>
              <th scope="col">How it works</th>
              <th scope="col">In the lab</th>
            </tr>
          </thead>
          <tbody>
            {SEED_COMPARISON_ROWS.map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.loadBalancer}</th>
                <td>{row.method}</td>
                <td>{row.howItWorks}</td>
                <td>
                  <button
                    type="button"
                    className="btn"
                    aria-label={`Reproduce ${row.loadBalancer}: ${row.method}`}
                    onClick={() => reproduce(row)}
                  >
                    Reproduce
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="cmp-status" role="status">
        {reproduced
          ? `${reproduced.loadBalancer} (claim ${reproduced.claim}, matches the AWS docs): ${reproduced.see} The lab was reset for this row.`
          : ''}
      </p>
      <p className="cmp-correction">
        <strong>Correction ({NAT_SKEW_CORRECTION.claim}).</strong> The seed says: {NAT_SKEW_CORRECTION.myth}{' '}
        {NAT_SKEW_CORRECTION.fact}
      </p>
    </section>
  )
}

function Bars({ label, counts }: { label: string; counts: TargetCount[] }) {
  const max = Math.max(1, ...counts.map((c) => c.requests))
  return (
    <div className="cmp-bars">
      <p className="cmp-bars-label">{label}</p>
      <ul aria-label={label}>
        {counts.map((c) => (
          <li key={c.targetId}>
            <span className="cmp-bar-id">{c.targetId}</span>
            <span className="cmp-bar-track" aria-hidden="true">
              <span className="cmp-bar" style={{ width: `${(c.requests / max) * 100}%` }} />
            </span>
            <span className="cmp-bar-value">
              {c.requests}
              <span className="visually-hidden"> requests</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}

function ComparisonColumn({ side }: { side: ComparisonSide }) {
  return (
    <section className="cmp-side" aria-label={side.heading} data-testid={`comparison-${side.type}`}>
      <h4>{side.heading}</h4>
      <p className="cfg-hint">Stickiness: {side.stickiness}.</p>
      <Bars label="Requests per instance, before the failure" counts={side.before} />
      <Bars label={`Requests per instance, after ${side.stopped} stopped`} counts={side.after} />
      <ul className="cmp-clients">
        {side.clients.map((c) => (
          <li key={c.id}>
            <strong>{c.id}</strong> <span className="cmp-ip">({c.behindNat ? `office NAT ${c.sourceIp}` : c.sourceIp})</span>:{' '}
            {c.outcome}
          </li>
        ))}
      </ul>
      <p className="cmp-summary">{side.summary}</p>
    </section>
  )
}
