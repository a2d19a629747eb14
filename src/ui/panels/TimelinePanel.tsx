// The timeline: scrub through everything recorded in this lab (the core's call log), step back and forward,
// return to live; and save the lab as a replay file or load one (a link to the lab is the header's Share). Errors
// go to one alert region and never change the lab.
import { useEffect, useId, useState } from 'react'
import { useEmbedMode } from '../hooks/embedContext'
import { subscribeFramed } from '../hooks/useFramedSelector'
import type { LabContext } from '../../machines/labMachine'
import { MAX_REPLAY_CHARS, parseReplay, recordingProblem } from '../../machines/replayFile'
import type { Lab, LabCall } from '../../sim'
import { describeCall } from '../../view/timelineLabels'
import { formatClock } from '../format'
import { useLabActor, type LabActor } from '../hooks/labActorContext'
import { downloadReplay, REPLAY_FILE_NAME } from '../components/replayDownload'
import './TimelinePanel.css'

/** While the clock runs the live log changes every frame; copying it (lab.log()) 4 times a second is plenty. */
const LIVE_REFRESH_MS = 250

interface Recording {
  log: LabCall[]
  position: number
  live: boolean
  problem: string | null
}

/** Once a lab's log ring has dropped entries it stays that way, so the (costly) check runs once per lab. */
const overflowed = new WeakMap<Lab, string>()

function readRecording(context: LabContext): Recording {
  const { timeline, lab } = context
  if (timeline !== null) return { log: timeline.log, position: timeline.position, live: false, problem: null }
  const log = lab.log()
  let problem = overflowed.get(lab) ?? null
  if (problem === null) {
    problem = recordingProblem(lab, log.length)
    if (problem !== null) overflowed.set(lab, problem)
  }
  return { log, position: log.length, live: true, problem }
}

/** Two frames: a running clock's frames refresh the timeline first, so the trailing timer seldom adds a commit. */
const TRAILING_SLACK_MS = 40

/** The recording, refreshed at once when the timeline moves or the lab is swapped, and throttled otherwise. */
function useRecording(actor: LabActor): Recording {
  const [recording, setRecording] = useState(() => readRecording(actor.getSnapshot().context))
  useEffect(() => {
    let last = 0
    let trailing = 0
    let seen = actor.getSnapshot().context
    const update = () => {
      window.clearTimeout(trailing)
      trailing = 0
      last = performance.now()
      seen = actor.getSnapshot().context
      setRecording(readRecording(seen))
    }
    // In the shared frame callback (useFramedSelector), so the timeline commits with the other panels, once a frame.
    // A change inside the throttle window is shown by the first frame after it, or, with a paused clock (no frames
    // of changes follow), by a trailing timer a little later.
    const stop = subscribeFramed(actor, () => {
      const c = actor.getSnapshot().context
      if (c.rev === seen.rev && c.lab === seen.lab && c.timeline === seen.timeline) return
      const wait = last + LIVE_REFRESH_MS - performance.now()
      if (c.timeline !== seen.timeline || c.lab !== seen.lab || wait <= 0) update()
      else if (trailing === 0) trailing = window.setTimeout(update, wait + TRAILING_SLACK_MS)
    })
    return () => {
      stop()
      window.clearTimeout(trailing)
    }
  }, [actor])
  return recording
}

/** "0:12.4 · alice → request" for the state after `position` calls. */
function momentLabel(log: readonly LabCall[], position: number): string {
  if (position === 0) return '0:00 · start, before anything was done'
  const entry = log[position - 1]
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
  const { log, position, live, problem: recordingTooLong } = recording
  const count = log.length
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
    if (sendTimeline({ type: 'timeline.load', replay: parsed.replay })) {
      const lab = actor.getSnapshot().context.lab
      setStatus(`Loaded ${name}: ${plural(parsed.replay.log.length, 'event')}, virtual time ${formatClock(lab.now())}. The clock is paused.`)
    } else {
      setError({ message: `Could not load ${name}: ${actor.getSnapshot().context.timelineError ?? ''} Your lab was not changed.` })
    }
  }

  const disabled = recordingTooLong !== null
  const later = count - position
  const here = momentLabel(log, position)
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
