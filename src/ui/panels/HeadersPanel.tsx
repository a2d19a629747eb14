// "Explain your ALB" (Console tab): an engineer pastes what curl -v, DevTools or a HAR export shows for their own load balancer and reads
// what each cookie is and why stickiness may fail (src/view/headers), then sets the same situation up in the lab
// with one button, all or nothing. Access logs are read below. Nothing pasted leaves the page.
import { useId, useState } from 'react'
import { analyzeHeaders, type HeaderAnalysisResult } from '../../view/headers/analyzeHeaders'
import { reproduceCommands, type Reproduction } from '../../view/headers/reproduceCommands'
import { useUiStore } from '../../store/uiStore'
import { applyAllOrNothing, type LearnerCommand } from '../hooks/applyAllOrNothing'
import { setClientMode } from '../hooks/clientModes'
import { useLabActor } from '../hooks/labActorContext'
import { AccessLogSection } from './AccessLogSection'
import { HeaderReport } from './HeaderReport'
import './HeadersPanel.css'

type Applied = { ok: true; reproduction: Reproduction } | { ok: false; message: string }

const isLearnerCommand = (c: Reproduction['commands'][number]): c is LearnerCommand =>
  c.call !== 'advance'

export function HeadersPanel() {
  const uid = useId()
  const actor = useLabActor()
  const [text, setText] = useState('')
  const [result, setResult] = useState<HeaderAnalysisResult | null>(null)
  const [applied, setApplied] = useState<Applied | null>(null)

  function analyze() {
    setResult(analyzeHeaders(text))
    setApplied(null)
  }

  function reproduce() {
    if (result === null || !result.ok) return
    const lab = actor.getSnapshot().context.lab
    const reproduction = reproduceCommands(result.analysis.reproduction, {
      loadBalancerType: lab.loadBalancerType(),
      targetGroup: lab.listener().forward.targetGroups[0]?.name ?? null,
      clientIds: lab.clients().map((c) => c.id),
    })
    const out = applyAllOrNothing(actor, reproduction.commands.filter(isLearnerCommand))
    if (!out.ok) {
      setApplied(out)
      return
    }
    setClientMode(actor.getSnapshot().context.lab, reproduction.clientId, reproduction.mode)
    useUiStore.getState().selectClient(reproduction.clientId)
    setApplied({ ok: true, reproduction })
  }

  return (
    <section className="panel headers-panel" aria-labelledby={`${uid}-heading`}>
      <h2 id={`${uid}-heading`}>Explain your ALB</h2>
      <p className="hint">
        Paste headers from your own load balancer: <code>curl -v</code> output, the raw request and
        response headers from DevTools, or a HAR file. They are read in this page and sent nowhere.
      </p>
      <label className="hdr-label" htmlFor={`${uid}-paste`}>
        Paste HTTP headers
      </label>
      <textarea
        id={`${uid}-paste`}
        className="hdr-input"
        rows={7}
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="button" className="btn primary" onClick={analyze}>
        Analyze
      </button>
      {result !== null && (
        <section className="hdr-report" aria-labelledby={`${uid}-report`}>
          <h3 id={`${uid}-report`}>Header analysis</h3>
          {result.ok ? (
            <>
              <HeaderReport analysis={result.analysis} />
              {/* A sanitized HAR holds nothing to set up: the learner exports it again first. */}
              {!result.analysis.diagnoses.some((d) => d.id === 'sanitized-har') && (
                <button type="button" className="btn" onClick={reproduce}>
                  Reproduce in the lab
                </button>
              )}
            </>
          ) : (
            <p className="hdr-error">{result.message}</p>
          )}
          <div role="status" className="hdr-applied">
            {applied !== null && <AppliedNote applied={applied} />}
          </div>
        </section>
      )}
      <AccessLogSection />
    </section>
  )
}

function AppliedNote({ applied }: { applied: Applied }) {
  if (!applied.ok) return <p className="hdr-error">{applied.message}</p>
  const { reproduction } = applied
  return (
    <>
      <p>
        Set up in the lab. Send a request from <strong>{reproduction.clientId}</strong> on the stage
        to see what the load balancer does.
      </p>
      <ul>
        {reproduction.steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
        {reproduction.notReproduced.map((s) => (
          <li key={s}>Not set up: {s}</li>
        ))}
      </ul>
    </>
  )
}
