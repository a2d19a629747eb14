// One header analysis as the learner reads it: what was read, the likely diagnosis in plain words, then each
// cookie with its verdicts (a ✓, ✗ or • beside each, so the tone is never carried by colour alone).
import type { HeaderAnalysis } from '../../view/headers/analyzeHeaders'
import type { Tone } from '../../view/headers/cookieVerdicts'

const MARK: Readonly<Record<Tone, string>> = { good: '✓', bad: '✗', note: '•' }

export function HeaderReport({ analysis }: { analysis: HeaderAnalysis }) {
  return (
    <>
      <p>{analysis.summary}</p>
      {analysis.diagnoses.length > 0 && (
        <>
          <h4>Likely diagnosis</h4>
          <ul className="hdr-diagnoses">
            {analysis.diagnoses.map((d) => (
              <li key={d.id} data-diagnosis={d.id}>
                <strong>{d.title}.</strong> {d.detail}
              </li>
            ))}
          </ul>
        </>
      )}
      {analysis.cookies.length > 0 && <h4>Cookies</h4>}
      {analysis.cookies.map((c) => (
        <article key={c.name} className="hdr-cookie" aria-label={`${c.name} cookie`}>
          <h5>
            <code>{c.name}</code> <span className="hdr-kind">{c.kind.label}</span>
          </h5>
          {c.shownValue !== '' && (
            <p className="hdr-value">
              Value <code>{c.shownValue}</code>
            </p>
          )}
          <dl className="hdr-verdicts">
            {c.verdicts.map((v, i) => (
              <div key={i} className={`hdr-verdict ${v.tone}`}>
                <dt>{v.topic}</dt>
                <dd>
                  <span aria-hidden="true">{MARK[v.tone]} </span>
                  {v.text}
                </dd>
              </div>
            ))}
          </dl>
        </article>
      ))}
    </>
  )
}
