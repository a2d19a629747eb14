// Measures events per second through the XState labMachine (learner actions → core → context update).
import { performance } from 'node:perf_hooks'
import { createActor } from 'xstate'
import { labMachine } from '../src/machines/labMachine'
import { createLab } from '../src/sim'
import { median } from './stats'

export function runMachineBench(runs = 5): Record<string, number> {
  const rates: number[] = []
  for (let run = 0; run < runs; run++) {
    const lab = createLab({ seed: run + 1 })
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' })
    for (let c = 0; c < 100; c++) lab.addClient(`c${c}`)
    const actor = createActor(labMachine, { input: { lab } }).start()
    actor.send({ type: 'sim.pause' })
    const n = 200_000
    const t0 = performance.now()
    for (let i = 0; i < n; i++) {
      // A realistic mix: mostly requests, with clock ticks as the frame driver would send them.
      if (i % 10 === 0) actor.send({ type: 'sim.advance', seconds: 0.016 })
      else actor.send({ type: 'lab.call', method: 'request', args: [`c${i % 100}`, {}] })
    }
    const ms = performance.now() - t0
    rates.push(n / (ms / 1000))
    actor.stop()
  }
  return { 'machine.eventsPerSec': Math.round(median(rates)) }
}
