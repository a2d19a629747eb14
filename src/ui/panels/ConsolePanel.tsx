// The Console tab: an AWS CLI prompt on the lab. A line runs through the console's command table
// (src/view/console) and every change it makes is a lab call sent through the lab actor, exactly as a form's, so
// the stage shows it at once and the timeline records it. ↑/↓ recall earlier lines; Tab completes the word being
// typed (a command or option name). "Show as CLI" lists the lab's applied configuration calls as CLI lines.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { LabCommand, Result } from '../../sim'
import type { LabCallEvent } from '../../machines/labMachine'
import { completeLine } from '../../view/console/completeLine'
import type { ConsoleAnswer } from '../../view/console/consoleTypes'
import { isCliCall, labCallsAsCli } from '../../view/console/labCallsAsCli'
import { runConsoleLine, type ConsoleTarget } from '../../view/console/runConsoleLine'
import { useLabActor, type LabActor } from '../hooks/labActorContext'
import { useLab } from '../hooks/useLab'
import './ConsolePanel.css'

/** Entries the output keeps (older ones scroll away), and lines ↑ recalls. */
export const CONSOLE_ENTRY_LIMIT = 50
const HISTORY_LIMIT = 100

interface Entry {
  id: number
  line: string
  answer: ConsoleAnswer
}

/** Sends each command to the lab actor and reads its Result back; a call the lab refused by throwing throws here. */
function actorTarget(actor: LabActor): ConsoleTarget {
  return {
    lab: actor.getSnapshot().context.lab,
    apply(command: LabCommand): Result | void {
      const before = actor.getSnapshot().context.lastCall
      actor.send({ type: 'lab.call', method: command.call, args: command.args } as LabCallEvent)
      // Every answered call leaves a new lastCall object (docs/decisions/0011); a throw leaves a failure instead.
      const { lastCall, failure } = actor.getSnapshot().context
      if (lastCall !== null && lastCall !== before) return lastCall.result ?? undefined
      throw new Error(failure?.message ?? 'The lab did not apply the call')
    },
  }
}

function summary(entry: Entry): string {
  const { exitStatus, stdout, stderr } = entry.answer
  if (exitStatus !== 0) return `Exit status ${exitStatus}. ${stderr.split('\n').at(-1) ?? ''}`
  const lines = stdout === '' ? 0 : stdout.split('\n').length
  return `Exit status 0${lines === 0 ? ', no output' : `, ${lines} line${lines === 1 ? '' : 's'} of output`}.`
}

export function ConsolePanel() {
  const actor = useLabActor()
  const uid = useId()
  const [entries, setEntries] = useState<Entry[]>([])
  const [line, setLine] = useState('')
  const [candidates, setCandidates] = useState<string[]>([])
  const [showCli, setShowCli] = useState(false)
  const history = useRef<string[]>([])
  // Where ↑/↓ is in the history (history.length = the line being typed) and what was typed before recalling.
  const recall = useRef({ index: 0, draft: '' })
  const nextId = useRef(1)
  const outputRef = useRef<HTMLDivElement>(null)
  const last = entries.at(-1)

  useEffect(() => {
    const el = outputRef.current
    if (el) el.scrollTop = el.scrollHeight
  }, [entries])

  function run(): void {
    const text = line
    const answer = runConsoleLine(text, actorTarget(actor))
    if (text.trim() !== '' && history.current.at(-1) !== text)
      history.current = [...history.current, text].slice(-HISTORY_LIMIT)
    recall.current = { index: history.current.length, draft: '' }
    setLine('')
    setCandidates([])
    if (answer.clear) {
      setEntries([])
      return
    }
    const entry = { id: nextId.current++, line: text, answer }
    setEntries((old) => [...old, entry].slice(-CONSOLE_ENTRY_LIMIT))
  }

  function move(step: -1 | 1): void {
    const h = history.current
    const r = recall.current
    const index = Math.min(Math.max(r.index + step, 0), h.length)
    if (index === r.index) return
    if (r.index === h.length) r.draft = line
    r.index = index
    setLine(index === h.length ? r.draft : h[index]!)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Enter') {
      event.preventDefault()
      run()
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault()
      move(event.key === 'ArrowUp' ? -1 : 1)
    } else if (
      event.key === 'Tab' &&
      !event.shiftKey &&
      !event.altKey &&
      !event.ctrlKey &&
      !event.metaKey
    ) {
      // Only a word being typed is completed; otherwise Tab moves focus on as usual (no keyboard trap).
      if (line === '' || /\s$/.test(line)) return
      const done = completeLine(line)
      if (done.line === line && done.candidates.length === 0) return
      event.preventDefault()
      setLine(done.line)
      setCandidates(done.candidates)
    }
  }

  return (
    <section className="panel console-panel" aria-labelledby={`${uid}-heading`}>
      <h2 id={`${uid}-heading`}>Console</h2>
      <p className="cfg-hint">
        Drive the lab with the <code>aws elbv2</code> and <code>aws elb</code> commands it models.
        Type <code>help</code> for the list; try <code>aws elbv2 describe-target-groups</code>.
      </p>
      <div
        ref={outputRef}
        className="console-output"
        role="region"
        aria-label="Console output"
        tabIndex={0}
        data-testid="console-output"
      >
        {entries.length === 0 ? <p className="console-empty">No commands run yet.</p> : null}
        {entries.map((e) => (
          <div key={e.id} className="console-entry" data-exit-status={e.answer.exitStatus}>
            <pre className="console-line">
              <span aria-hidden="true">$ </span>
              {e.line}
            </pre>
            {e.answer.stdout === '' ? null : (
              <pre className="console-stdout">{e.answer.stdout}</pre>
            )}
            {e.answer.stderr === '' ? null : (
              <pre className="console-stderr">{e.answer.stderr}</pre>
            )}
            {e.answer.exitStatus === 0 ? null : (
              <p className="console-exit">exit status {e.answer.exitStatus}</p>
            )}
          </div>
        ))}
      </div>
      <p className="visually-hidden" role="status">
        {last ? summary(last) : ''}
      </p>
      <div className="console-prompt">
        <span className="console-dollar" aria-hidden="true">
          $
        </span>
        <input
          type="text"
          aria-label="AWS CLI command"
          aria-describedby={candidates.length > 0 ? `${uid}-candidates` : undefined}
          className="console-input"
          value={line}
          onChange={(e) => {
            setLine(e.target.value)
            setCandidates([])
          }}
          onKeyDown={onKeyDown}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          maxLength={8192}
        />
        <button type="button" className="btn primary" onClick={run}>
          Run
        </button>
      </div>
      {/* Always present, so a screen reader hears the candidates when a Tab fills it. */}
      <p id={`${uid}-candidates`} className="console-candidates" aria-live="polite">
        {candidates.join('  ')}
      </p>
      <div className="console-actions">
        <button
          type="button"
          className="btn"
          aria-pressed={showCli}
          onClick={() => setShowCli((s) => !s)}
        >
          Show as CLI
        </button>
        {entries.length > 0 ? (
          <button type="button" className="btn ghost" onClick={() => setEntries([])}>
            Clear output
          </button>
        ) : null}
      </div>
      {showCli ? <LabAsCli /> : null}
    </section>
  )
}

/** The lab's applied configuration calls as CLI lines (the forms', the stage's and the console's alike). */
function LabAsCli() {
  const id = useId()
  // Copying the log (up to 50,000 entries) on every request would cost a frame's work while traffic streams: the
  // lines are rebuilt only when the newest entry is a configuration call, several calls arrived at once, or the
  // log shrank or dropped entries (a reset, a rewind).
  const cache = useRef<{ length: number; dropped: number; lines: string[] } | null>(null)
  const lines = useLab(
    (lab) => {
      const { length, dropped, last } = lab.logInfo()
      const c = cache.current
      const stale =
        c === null ||
        length < c.length ||
        dropped !== c.dropped ||
        length > c.length + 1 ||
        (length === c.length + 1 && last !== null && isCliCall(last.call))
      if (stale) cache.current = { length, dropped, lines: labCallsAsCli(lab.log()) }
      else cache.current = { ...c, length }
      return cache.current.lines
    },
    (a, b) => a === b,
  )
  return (
    <div className="cfg-cli console-as-cli">
      <h3 id={id}>The lab’s configuration as AWS CLI lines</h3>
      {lines.length === 0 ? (
        <p className="cfg-hint">
          No configuration changes yet: change stickiness, a health check or the listener, here or
          on the stage.
        </p>
      ) : (
        <pre role="region" aria-labelledby={id} tabIndex={0} data-testid="console-as-cli">
          <code>{lines.join('\n')}</code>
        </pre>
      )}
    </div>
  )
}
