// Play/pause, single step, speed, clock jumps and reset for the virtual clock.
import { SPEEDS } from '../../machines/labMachine'
import { useLabActor } from '../hooks/labActorContext'
import { useIsPlaying, useLabClock, useSpeed } from '../hooks/useLab'
import { formatClock } from '../format'
import { ResetButton } from '../components/ResetButton'
import { useEffect, useId, useRef, useState } from 'react'

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
      {/* Only while paused: stepping a running clock means nothing, and the bar stays short. */}
      {!playing && (
        <button type="button" className="btn" title="Jump to the next scheduled event" onClick={() => actor.send({ type: 'sim.step' })}>
          Step
        </button>
      )}
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
      <JumpAhead onJump={(seconds) => actor.send({ type: 'sim.advance', seconds })} />
      <ResetButton onReset={() => actor.send({ type: 'sim.reset' })} />
      <span className="clock">
        <span className="clock-label">Virtual time</span>
        <output data-testid="clock">{formatClock(now)}</output>
      </span>
    </section>
  )
}

/**
 * The clock jumps behind one button, so the stage's first screen stays short: a disclosure whose buttons keep
 * their names. Escape or a jump closes it and hands focus back to the button.
 */
function JumpAhead({ onJump }: { onJump: (seconds: number) => void }) {
  const [open, setOpen] = useState(false)
  const id = useId()
  const button = useRef<HTMLButtonElement>(null)
  const box = useRef<HTMLSpanElement>(null)
  useEffect(() => {
    if (!open) return
    const away = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', away)
    return () => document.removeEventListener('pointerdown', away)
  }, [open])
  const close = () => {
    setOpen(false)
    button.current?.focus()
  }
  return (
    <span
      className="jump-ahead"
      ref={box}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation()
          close()
        }
      }}
    >
      <button ref={button} type="button" className="btn" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        Jump ahead <span aria-hidden="true">▾</span>
      </button>
      <span id={id} className="jumps" role="group" aria-label="Jump the clock" hidden={!open}>
        {JUMPS.map((j) => (
          <button
            key={j.label}
            type="button"
            className="btn"
            aria-label={j.name}
            onClick={() => {
              onJump(j.seconds)
              close()
            }}
          >
            {j.label}
          </button>
        ))}
      </span>
    </span>
  )
}
