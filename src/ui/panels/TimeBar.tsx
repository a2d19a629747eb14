// Play/pause, single step, speed, clock jumps and reset for the virtual clock.
import { SPEEDS } from '../../machines/labMachine'
import { useLabActor } from '../hooks/labActorContext'
import { useIsPlaying, useLabClock, useSpeed } from '../hooks/useLab'
import { formatClock } from '../format'
import { ResetButton } from '../components/ResetButton'

const JUMPS = [
  { label: '+30 s', seconds: 30, name: 'Advance the clock 30 seconds' },
  { label: '+5 min', seconds: 300, name: 'Advance the clock 5 minutes' },
  { label: '+1 day', seconds: 86_400, name: 'Advance the clock 1 day' },
] as const

export function TimeBar() {
  const actor = useLabActor()
  const playing = useIsPlaying()
  const speed = useSpeed()
  const now = useLabClock()
  return (
    <section className="timebar" aria-labelledby="time-heading">
      <h2 id="time-heading" className="visually-hidden">
        Time
      </h2>
      <button type="button" className="btn" onClick={() => actor.send({ type: 'sim.toggle' })}>
        <span aria-hidden="true" className={playing ? 'icon-pause' : 'icon-play'} /> {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        className="btn"
        disabled={playing}
        title={playing ? 'Pause first, then step one event at a time' : 'Jump to the next scheduled event'}
        onClick={() => actor.send({ type: 'sim.step' })}
      >
        Step
      </button>
      <label className="field-inline">
        Speed
        <select value={speed} onChange={(e) => actor.send({ type: 'sim.setSpeed', speed: Number(e.target.value) })}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <span className="jumps" role="group" aria-label="Jump the clock">
        {JUMPS.map((j) => (
          <button key={j.label} type="button" className="btn" aria-label={j.name} onClick={() => actor.send({ type: 'sim.advance', seconds: j.seconds })}>
            {j.label}
          </button>
        ))}
      </span>
      <ResetButton onReset={() => actor.send({ type: 'sim.reset' })} />
      <span className="clock">
        <span className="clock-label">Virtual time</span>
        <output data-testid="clock">{formatClock(now)}</output>
      </span>
    </section>
  )
}
