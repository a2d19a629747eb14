// Your ALB as code (Console tab): the lab's load balancer as code (Terraform, CloudFormation, CDK, Kubernetes, AWS CLI) to copy or
// download, and a paste box that imports an engineer's own configuration. An import is read by the tool's own
// parser, planned on a scratch copy of the lab (what is understood, ignored and rejected, with AWS's errors), and
// only when nothing is rejected sent to the lab, command by command, through the lab actor (docs/import-export.md).
import { useId, useState } from 'react'
import type { LabCallEvent } from '../../machines/labMachine'
import type { Result } from '../../sim'
import {
  EXPORT_FORMATS,
  exportRefusal,
  renderConfiguration,
  type ExportFormat,
} from '../../view/config/exportConfiguration'
import { readConfiguration } from '../../view/config/importConfiguration'
import { planImport, type ImportPlan } from '../../view/config/importPlan'
import { ImportError, type PlanLine } from '../../view/config/importTypes'
import { configurationJson, readLabConfiguration } from '../../view/config/labConfiguration'
import { useLab } from '../hooks/useLab'
import { useLabActor } from '../hooks/labActorContext'
import './forms/forms.css'
import './ConfigPanel.css'

type Outcome =
  | { kind: 'unreadable'; message: string }
  | { kind: 'planned'; plan: ImportPlan; result: string; applied: boolean }

const SECTIONS: { kind: PlanLine['kind']; title: string }[] = [
  { kind: 'rejected', title: 'Rejected (AWS would refuse it)' },
  { kind: 'understood', title: 'Understood' },
  { kind: 'ignored', title: 'Ignored' },
]

export function ConfigPanel() {
  const headingId = useId()
  return (
    <section className="panel config-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Your ALB as code</h2>
      <p className="cfg-hint">
        Take this lab’s load balancer out as code, or bring your own configuration in to see how it
        behaves.
      </p>
      <ExportSection />
      <ImportSection />
    </section>
  )
}

function ExportSection() {
  const actor = useLabActor()
  const formatId = useId()
  const codeHeadingId = useId()
  const [format, setFormat] = useState<ExportFormat>('terraform')
  const [exported, setExported] = useState<{
    format: ExportFormat
    text: string
    json: string
  } | null>(null)
  const [status, setStatus] = useState('')
  const current = useLab((lab) => configurationJson(lab))
  const refusal = useLab((lab) => exportRefusal(readLabConfiguration(lab)))
  const info = EXPORT_FORMATS.find((f) => f.id === (exported?.format ?? format))!

  const exportNow = () => {
    const lab = actor.getSnapshot().context.lab
    const config = readLabConfiguration(lab)
    if (exportRefusal(config) !== null) return
    setExported({ format, text: renderConfiguration(format, config), json: configurationJson(lab) })
    setStatus('')
  }
  const copy = async () => {
    if (exported === null) return
    try {
      await navigator.clipboard.writeText(exported.text)
      setStatus('Copied to the clipboard.')
    } catch {
      setStatus('The browser did not allow copying: select the text and copy it, or use Download.')
    }
  }
  const download = () => {
    if (exported === null) return
    const url = URL.createObjectURL(new Blob([exported.text], { type: info.mime }))
    const a = document.createElement('a')
    a.href = url
    a.download = info.fileName
    a.click()
    // The click has started the download; the object URL is not needed after this turn.
    setTimeout(() => URL.revokeObjectURL(url), 0)
    setStatus(`Downloaded ${info.fileName}.`)
  }

  return (
    <div className="config-section">
      <h3>Export</h3>
      <div className="cfg-field">
        <label htmlFor={formatId}>Format</label>
        <select
          id={formatId}
          value={format}
          onChange={(e) => setFormat(e.target.value as ExportFormat)}
        >
          {EXPORT_FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      {refusal !== null ? (
        <p className="cfg-hint" data-testid="export-refusal">
          {refusal}
        </p>
      ) : null}
      <div className="cfg-actions">
        <button type="button" className="btn" onClick={exportNow} disabled={refusal !== null}>
          Export configuration
        </button>
      </div>
      {exported !== null ? (
        <div className="cfg-cli">
          <h4 id={codeHeadingId}>{EXPORT_FORMATS.find((f) => f.id === exported.format)!.label}</h4>
          <pre
            role="region"
            aria-labelledby={codeHeadingId}
            tabIndex={0}
            data-testid="config-export"
          >
            <code>{exported.text}</code>
          </pre>
          {exported.json !== current ? (
            <p className="cfg-hint">
              The lab has changed since this export: export again for its configuration now.
            </p>
          ) : null}
          <div className="cfg-actions config-code-actions">
            <button type="button" className="btn" onClick={() => void copy()}>
              Copy
            </button>
            <button type="button" className="btn" onClick={download}>
              Download
            </button>
            <p className="cfg-status" role="status">
              {status}
            </p>
          </div>
        </div>
      ) : null}
    </div>
  )
}

function ImportSection() {
  const actor = useLabActor()
  const pasteId = useId()
  const hintId = useId()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const importNow = async () => {
    setBusy(true)
    try {
      const first =
        actor.getSnapshot().context.lab.listener().forward.targetGroups[0]?.name ?? 'web'
      const imported = await readConfiguration(text, first)
      // Planned on the lab as it is now (after the parser loaded) and applied in the same turn, so nothing
      // happens to the lab between the check on its copy and the change.
      const plan = planImport(actor.getSnapshot().context.lab, imported)
      setOutcome({ kind: 'planned', plan, ...apply(plan) })
    } catch (error) {
      setOutcome({
        kind: 'unreadable',
        message:
          error instanceof ImportError
            ? error.message
            : `The configuration could not be read: ${String(error)}`,
      })
    } finally {
      setBusy(false)
    }
  }

  const apply = (plan: ImportPlan): { result: string; applied: boolean } => {
    if (plan.rejected > 0)
      return {
        applied: false,
        result: `Nothing was changed: AWS would reject ${plan.rejected === 1 ? 'one item' : `${plan.rejected} items`} (below), and an import applies all or nothing.`,
      }
    if (plan.commands.length === 0)
      return {
        applied: false,
        result: 'Nothing to change: the lab already has this configuration.',
      }
    for (const command of plan.commands) {
      actor.send({ type: 'lab.call', method: command.call, args: command.args } as LabCallEvent)
      const last = actor.getSnapshot().context.lastCall
      const result: Result | null =
        last !== null && last.method === command.call ? last.result : null
      if (result !== null && !result.ok)
        return {
          applied: true,
          result: `The lab refused ${command.call} after the check had passed: ${result.code}: ${result.message}`,
        }
    }
    const n = plan.commands.length
    return {
      applied: true,
      result: `Imported: ${n} ${n === 1 ? 'change' : 'changes'} applied to the lab; the stage shows them.`,
    }
  }

  return (
    <div className="config-section">
      <h3>Import</h3>
      <div className="cfg-field">
        <label htmlFor={pasteId}>Paste configuration</label>
        <textarea
          id={pasteId}
          className="config-paste"
          rows={8}
          spellCheck={false}
          aria-describedby={hintId}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <p className="cfg-hint" id={hintId}>
          Terraform (HCL or JSON), a CloudFormation template (YAML or JSON, or cdk synth output),
          Kubernetes Ingress and Service manifests, or the JSON of aws elbv2
          describe-target-group-attributes, describe-target-groups or describe-listeners.
          Application Load Balancers only.
        </p>
      </div>
      <div className="cfg-actions">
        <button
          type="button"
          className="btn"
          onClick={() => void importNow()}
          disabled={busy}
          aria-busy={busy}
        >
          Import
        </button>
      </div>
      <div role="status" className="config-result" data-testid="config-import-result">
        {outcome === null ? null : outcome.kind === 'unreadable' ? (
          <p className="cfg-error">{outcome.message} Nothing was changed.</p>
        ) : (
          <p className={outcome.applied ? 'cfg-status config-applied' : 'cfg-error'}>
            {outcome.plan.format}: {outcome.result}
          </p>
        )}
      </div>
      {outcome?.kind === 'planned' ? <PlanView plan={outcome.plan} /> : null}
    </div>
  )
}

function PlanView({ plan }: { plan: ImportPlan }) {
  return (
    <div className="config-plan" data-testid="config-plan">
      {SECTIONS.map(({ kind, title }) => {
        const lines = plan.lines.filter((l) => l.kind === kind)
        if (lines.length === 0) return null
        return (
          <div key={kind} className={`config-plan-${kind}`}>
            <h4>
              {title} ({lines.length})
            </h4>
            <ul>
              {lines.map((l, i) => (
                <li key={i}>
                  <code>{l.item}</code> {l.text}
                </li>
              ))}
            </ul>
          </div>
        )
      })}
    </div>
  )
}
