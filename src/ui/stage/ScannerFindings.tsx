// A load-balancer cookie's chip details: what a security scanner flags (read from the cookie's attributes) and what
// can and cannot be done about it (view/scannerFindings.ts).
import { scannerReport, type ScannedCookie } from '../../view/scannerFindings'
import { useLab } from '../hooks/useLab'

export function ScannerFindings({ cookie }: { cookie: ScannedCookie }) {
  const protocol = useLab((lab) => lab.listener().protocol)
  const report = scannerReport(cookie, protocol)
  if (report === null || report.findings.length === 0) return null
  return (
    <section className="stage-scanner" aria-label={`Security scanner findings for ${cookie.name}`}>
      <p className="stage-note withheld">
        <span aria-hidden="true">⚠ </span>A security scanner flags: {report.findings.join(', ')}.
      </p>
      <ul className="stage-hint">
        {report.advice.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
    </section>
  )
}
