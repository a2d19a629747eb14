// The timeline: scrub through everything recorded in this lab (the core's call log), step back and forward,
// return to live; and save the lab as a replay file or load one (a link to the lab is the header's Share). Errors
// go to one alert region and never change the lab.
import { useId, useState } from 'react'
import { useEmbedMode } from '../hooks/embedContext'
import { useFramedSelector } from '../hooks/useFramedSelector'
import type { LabContext } from '../../machines/labMachine'
import { MAX_REPLAY_CHARS, parseReplay, recordingProblem } from '../../machines/replayFile'
import type { LabCall } from '../../sim'
import { describeCall } from '../../view/timelineLabels'
import { formatClock } from '../format'
import { useLabActor, type LabActor } from '../hooks/labActorContext'
import { openReplay } from '../hooks/openReplay'
import { downloadReplay, REPLAY_FILE_NAME } from '../components/replayDownload'
import './TimelinePanel.css'

interface Recording {
  /** Events recorded (the whole log, or the recording being scrubbed). */
  count: number
  position: number
  /** The event just before `position` (what the lab looks like "after"), if any. */
  entry: LabCall | undefined
  live: boolean
  problem: string | null
}

function readRecording(context: LabContext): Recording {
  const { timeline, lab } = context
  if (timeline !== null) {
    const { log, position } = timeline
    return { count: log.length, position, entry: log[position - 1], live: false, problem: null }
  }
  // Live: the log's size and newest entry only (logInfo copies nothing), so this can follow every frame.
  const info = lab.logInfo()
  const problem = info.dropped > 0 ? recordingProblem(lab, info.length) : null
  return { count: info.length, position: info.length, entry: info.last ?? undefined, live: true, problem }
}

function sameRecording(a: Recording, b: Recording): boolean {
  return (
    a.count === b.count &&
    a.position === b.position &&
    a.live === b.live &&
    a.problem === b.problem &&
    a.entry?.at === b.entry?.at &&
    a.entry?.call === b.entry?.call &&
    JSON.stringify(a.entry?.args) === JSON.stringify(b.entry?.args)
  )
}

/** The recording, followed in the shared frame callback (useFramedSelector), so it commits with the other panels. */
function useRecording(actor: LabActor): Recording {
  return useFramedSelector(actor, (snapshot) => readRecording(snapshot.context), sameRecording)
}

/** "0:12.4 · alice → request" for the state after `position` calls. */
function momentLabel(entry: LabCall | undefined, position: number): string {
  if (position === 0) return '0:00 · start, before anything was done'
  return entry === undefined ? '' : `${formatClock(entry.at)} · ${describeCall(entry)}`
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`
}

type Problem = { message: string }

export function TimelinePanel() {
  const actor = useLabActor()
  const uid = useId()
  const recording = useRecording(actor)
  const { count, position, entry, live, problem: recordingTooLong } = recording
  const { embed } = useEmbedMode()
  const [error, setError] = useState<Problem | null>(null)
  const [status, setStatus] = useState('')

  const clearMessages = () => {
    setError(null)
    setStatus('')
  }

  /** Sends a timeline event and shows the machine's refusal, if any (actor.send is synchronous). */
  const sendTimeline = (event: Parameters<LabActor['send']>[0]): boolean => {
    actor.send(event)
    const refused = actor.getSnapshot().context.timelineError
    if (refused !== null) setError({ message: refused })
    else setError(null)
    return refused === null
  }

  const exportReplay = () => {
    clearMessages()
    const saved = downloadReplay(actor.getSnapshot().context.lab)
    if (saved.ok) setStatus(`Saved ${REPLAY_FILE_NAME}: ${plural(saved.events, 'event')}.`)
    else setError({ message: saved.message })
  }

  const importReplay = async (file: File) => {
    clearMessages()
    const name = `“${file.name}”`
    // Checked before reading, so a huge file is never loaded into memory.
    if (file.size > MAX_REPLAY_CHARS) {
      setError({ message: `Could not load ${name}: it is ${(file.size / (1024 * 1024)).toFixed(1)} MB, and a replay may be at most 5.0 MB. Your lab was not changed.` })
      return
    }
    let text: string
    try {
      text = await file.text()
    } catch {
      setError({ message: `Could not read ${name}: the browser could not open the file. Your lab was not changed.` })
      return
    }
    const parsed = parseReplay(text, 'file')
    if (!parsed.ok) {
      setError({ message: `Could not load ${name}: ${parsed.message} Your lab was not changed.` })
      return
    }
    const opened = await openReplay(actor, parsed.replay, parsed.workMs, (done) =>
      setStatus(`Opening ${name}: ${Math.floor(done * 100)} % of its events replayed…`),
    )
    if (opened.ok) {
      setError(null)
      const lab = actor.getSnapshot().context.lab
      setStatus(`Loaded ${name}: ${plural(parsed.replay.log.length, 'event')}, virtual time ${formatClock(lab.now())}. The clock is paused.`)
    } else {
      setStatus('')
      setError({ message: `Could not load ${name}: ${opened.message} Your lab was not changed.` })
    }
  }

  const disabled = recordingTooLong !== null
  const later = count - position
  const here = momentLabel(entry, position)
  const valueText = `Event ${position.toLocaleString('en-US')} of ${count.toLocaleString('en-US')}: ${here}`

  return (
    <section className="panel timeline-panel" aria-labelledby={`${uid}-heading`}>
      <div className="timeline-head">
        <h2 id={`${uid}-heading`}>Timeline</h2>
        <span className={live ? 'timeline-badge live' : 'timeline-badge past'}>{live ? 'Live' : 'Viewing the past'}</span>
        <span className="timeline-count" data-testid="timeline-count">
          {live
            ? `${plural(count, 'event')} recorded`
            : `Event ${position.toLocaleString('en-US')} of ${count.toLocaleString('en-US')}`}
        </span>
      </div>

      <div className="timeline-scrub">
        <label htmlFor={`${uid}-position`}>Timeline position</label>
        <input
          id={`${uid}-position`}
          type="range"
          min={0}
          max={count}
          step={1}
          value={position}
          disabled={disabled || count === 0}
          aria-valuetext={valueText}
          aria-describedby={`${uid}-moment`}
          onChange={(e) => {
            clearMessages()
            sendTimeline({ type: 'timeline.seek', position: Number(e.target.value) })
          }}
        />
        {/* Not a live region: the slider's aria-valuetext already announces the moment while scrubbing. */}
        <p id={`${uid}-moment`} className="timeline-moment" data-testid="timeline-moment">
          {here}
        </p>
      </div>

      {!live && (
        <p className="timeline-note">
          You are looking at the lab as it was. Step through it, or go back to live. Changing anything now continues
          from this moment and drops the {plural(later, 'later event')}.
        </p>
      )}

      <div className="timeline-actions" role="group" aria-label="Move through the recording">
        <button
          type="button"
          className="btn"
          disabled={disabled || position === 0}
          onClick={() => {
            clearMessages()
            sendTimeline({ type: 'timeline.stepBack' })
          }}
        >
          Step back
        </button>
        <button
          type="button"
          className="btn"
          disabled={live}
          onClick={() => {
            clearMessages()
            sendTimeline({ type: 'timeline.stepForward' })
          }}
        >
          Step forward
        </button>
        <button
          type="button"
          className="btn"
          disabled={live}
          onClick={() => {
            clearMessages()
            sendTimeline({ type: 'timeline.live' })
          }}
        >
          Back to live
        </button>
      </div>

      <div className="timeline-actions" role="group" aria-label="Save and load">
        <button type="button" className="btn" disabled={disabled} onClick={exportReplay}>
          Export replay
        </button>
        <label className="btn timeline-file">
          Import replay
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            onChange={(e) => {
              const file = e.target.files?.[0]
              // Cleared so choosing the same file again still fires a change.
              e.target.value = ''
              if (file !== undefined) void importReplay(file)
            }}
          />
        </label>
      </div>
      {/* Embedded pages have no header, so no Share button to point at. */}
      {!embed && <p className="timeline-note">To share this lab as a link, use Share at the top of the page.</p>}

      <div role="alert" className="timeline-alert" data-testid="timeline-error">
        {recordingTooLong !== null && <p>{recordingTooLong}</p>}
        {error !== null && <p>{error.message}</p>}
      </div>
      <p role="status" className="timeline-status" data-testid="timeline-status">
        {status}
      </p>
    </section>
  )
}
