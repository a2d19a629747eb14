// "Load test": many browsers hit a copy of the lab for some virtual minutes, off the main thread, and the
// requests each instance served are drawn as bars with a sentence on how even the spread is. The lab itself
// is never changed. How it runs (a Web Worker) is the composition root's business: it passes `run` in.
import { useEffect, useId, useRef, useState } from 'react'
import type { LoadTestOptions, LoadTestResult, World } from '../../sim'
import {
  LOAD_TEST_DEFAULTS,
  LOAD_TEST_FIELDS,
  loadTestBars,
  loadTestPercent,
  readLoadTestForm,
  readSpread,
  type LoadTestField,
} from '../../view/loadTestView'
import { BarChartCanvas } from '../canvases/BarChartCanvas'
import { useLabActor } from '../hooks/labActorContext'
import './forms/forms.css'
import './LoadTestPanel.css'

/** Runs a load test somewhere (a worker); `done` gives null when cancelled. */
export type LoadTestRunner = (
  world: World,
  options: LoadTestOptions,
  onProgress: (result: LoadTestResult) => void,
) => { done: Promise<LoadTestResult | null>; cancel: () => void }

type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; total: number; result: LoadTestResult | null; cancel: () => void }
  | { kind: 'done'; result: LoadTestResult; targets: string[]; options: LoadTestOptions }
  | { kind: 'cancelled'; result: LoadTestResult | null; total: number }
  | { kind: 'failed'; message: string }

const fmt = (n: number) => n.toLocaleString('en-US')

export function LoadTestPanel({ run }: { run: LoadTestRunner }) {
  const labActor = useLabActor()
  const uid = useId()
  const [text, setText] = useState<Record<LoadTestField, string>>({ ...LOAD_TEST_DEFAULTS })
  const [showErrors, setShowErrors] = useState(false)
  const [state, setState] = useState<RunState>({ kind: 'idle' })
  const inputs = useRef<Partial<Record<LoadTestField, HTMLInputElement | null>>>({})
  const cancelRef = useRef<(() => void) | null>(null)
  const runButton = useRef<HTMLButtonElement>(null)

  // Leaving the page (or an embed hiding the panel) must not leave a worker running.
  useEffect(() => () => cancelRef.current?.(), [])

  const form = readLoadTestForm(text)
  const errors = showErrors && !form.ok ? form.errors : {}
  const running = state.kind === 'running'

  const start = () => {
    setShowErrors(true)
    if (!form.ok) {
      const first = LOAD_TEST_FIELDS.find((f) => form.errors[f.field] !== undefined)
      if (first) inputs.current[first.field]?.focus()
      return
    }
    const lab = labActor.getSnapshot().context.lab
    const groups = new Set(lab.listener().forward.targetGroups.map((g) => g.name))
    const targets = [
      ...new Set(lab.targetGroups().flatMap((g) => (groups.has(g.name) ? g.targets.map((t) => t.id) : []))),
    ]
    const { options, total } = form
    const handle = run(lab.snapshot(), options, (result) =>
      setState((s) => (s.kind === 'running' ? { ...s, result } : s)),
    )
    cancelRef.current = handle.cancel
    setState({ kind: 'running', total, result: null, cancel: handle.cancel })
    handle.done.then(
      (result) => {
        cancelRef.current = null
        setState((s) =>
          result === null
            ? { kind: 'cancelled', result: s.kind === 'running' ? s.result : null, total }
            : { kind: 'done', result, targets, options },
        )
      },
      (error: unknown) => {
        cancelRef.current = null
        setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
      },
    )
  }

  // Cancel disappears when the run stops: focus goes back to "Run load test" once it is enabled again.
  const refocus = useRef(false)
  useEffect(() => {
    if (refocus.current && state.kind !== 'running') {
      refocus.current = false
      runButton.current?.focus()
    }
  }, [state.kind])
  const cancel = () => {
    if (state.kind !== 'running') return
    refocus.current = true
    state.cancel()
  }

  const percent = state.kind === 'running' ? (state.result === null ? 0 : loadTestPercent(state.result, state.total)) : null
  const bars = state.kind === 'done' ? loadTestBars(state.result, state.targets) : null

  return (
    <section className="panel loadtest-panel" aria-labelledby={`${uid}-heading`}>
      <h2 id={`${uid}-heading`}>Load test</h2>
      <p className="cfg-hint">
        Many new browsers send requests to a copy of this lab (same target groups, stickiness and health) for some
        virtual minutes. A few heavy users send far more than most (simulator convention). Your lab is not changed.
      </p>
      <form
        className="loadtest-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          if (!running) start()
        }}
      >
        <div className="loadtest-fields">
          {LOAD_TEST_FIELDS.map(({ field, label }) => {
            const id = `${uid}-${field}`
            const error = errors[field]
            return (
              <div className="cfg-field" key={field}>
                <label htmlFor={id}>{label}</label>
                <input
                  id={id}
                  ref={(el) => {
                    inputs.current[field] = el
                  }}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  value={text[field]}
                  disabled={running}
                  onChange={(e) => setText({ ...text, [field]: e.target.value })}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                />
                {error && (
                  <p id={`${id}-error`} className="cfg-error">
                    {error}
                  </p>
                )}
              </div>
            )
          })}
        </div>
        <div className="loadtest-actions">
          <button ref={runButton} type="submit" className="btn primary" disabled={running}>
            Run load test
          </button>
          {running && (
            <button type="button" className="btn" onClick={cancel}>
              Cancel
            </button>
          )}
          <span className="cfg-hint">
            {form.ok ? `${fmt(form.total)} requests` : showErrors ? 'Fix the fields above to run.' : ''}
          </span>
        </div>
      </form>

      {state.kind === 'running' && (
        <div className="loadtest-progress">
          <div
            role="progressbar"
            aria-label="Load test progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent ?? 0}
            aria-valuetext={`${percent ?? 0}%: ${fmt(state.result?.requests ?? 0)} of ${fmt(state.total)} requests`}
            className="loadtest-bar"
          >
            <span style={{ width: `${percent ?? 0}%` }} />
          </div>
          <p className="cfg-hint">
            {fmt(state.result?.requests ?? 0)} of {fmt(state.total)} requests sent ({percent ?? 0}%).
          </p>
        </div>
      )}

      <div role="status" className="loadtest-status">
        {state.kind === 'cancelled' &&
          `Load test cancelled after ${fmt(state.result?.requests ?? 0)} of ${fmt(state.total)} requests; nothing was kept.`}
        {state.kind === 'failed' && <span className="status-error">The load test failed: {state.message}</span>}
        {state.kind === 'done' && bars && (
          <span data-testid="loadtest-reading">
            {fmt(state.result.requests)} requests from {fmt(state.options.clients)} clients over{' '}
            {state.options.minutes} virtual minute{state.options.minutes === 1 ? '' : 's'}.{' '}
            {readSpread(state.result, bars)}
          </span>
        )}
      </div>
      {state.kind === 'done' && bars && (
        <BarChartCanvas
          bars={bars}
          label={`Load test: requests per instance: ${bars.map((b) => `${b.label} ${b.value}`).join(', ')}`}
        />
      )}
    </section>
  )
}
