// Work budgets (issue 16, findings 2 and 8): small links that imply minutes of work are refused before anything is
// replayed, in a sentence; ordinary labs (a year of the default lab, hundreds of requests) still open; a failing
// log is diagnosed in one replay.
import { describe, expect, it } from 'vitest'
import { createLab, type LabCall } from '../sim'
import { validateReplay } from './replayFile'
import { buildReplayLab, buildReplayLabSliced } from './replayBuild'
import { replayWork, REPLAY_BUDGET_MS, SLICED_REPLAY_BUDGET_MS } from './replayBudget'

const doc = (log: LabCall[]) => ({ format: 'stickylab-replay', version: 1, seed: 1, log })

describe('replay work budget', () => {
  it('refuses 1,000 targets checked every 5 s for a year (the 2,957-character link that froze the tab)', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `i-${i + 10}`)
    const log: LabCall[] = [
      { at: 0, call: 'registerTargets', args: ['web', ids] },
      { at: 0, call: 'modifyHealthCheck', args: ['web', { HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 2 }] },
      { at: 0, call: 'advance', args: [365 * 86_400] },
    ]
    const out = validateReplay(doc(log))
    expect(out.ok).toBe(false)
    if (!out.ok) expect(out.message).toMatch(/too much work to open here: about 6,3\d\d,\d{3},\d{3} health checks would take about/)
  })

  it('plays 10,000 clients or 100,000 requests in slices (over 1 s of work, under 30 s) instead of refusing them', () => {
    const clients = Array.from({ length: 10_000 }, (_, i): LabCall => ({ at: 0, call: 'addClient', args: [`c${i}`] }))
    const many = validateReplay(doc(clients))
    expect(many).toMatchObject({ ok: true })
    if (many.ok) expect(many.workMs).toBeGreaterThan(REPLAY_BUDGET_MS)
    const requests = Array.from({ length: 100_000 }, (): LabCall => ({ at: 0, call: 'request', args: ['alice'] }))
    const flood = validateReplay(doc(requests))
    expect(flood).toMatchObject({ ok: true })
    if (flood.ok) expect(flood.workMs).toBeGreaterThan(REPLAY_BUDGET_MS)
    expect(flood.ok && flood.workMs).toBeLessThan(SLICED_REPLAY_BUDGET_MS)
    // The saved lab is restored in one go at startup, so it keeps the one-go budget.
    expect(validateReplay(doc(requests), 'saved')).toMatchObject({ ok: false, message: expect.stringContaining('100,000 requests') })
  })

  it('a sliced replay rebuilds the same lab byte for byte, reports its progress up to 1, and can be cancelled', async () => {
    const lab = createLab()
    for (let i = 0; i < 3_000; i++) {
      lab.request(`c${i % 50}`, i % 7 === 0 ? { path: '/cart/add' } : undefined)
      lab.advance(0.5)
    }
    const replay = { seed: 1, log: lab.log() }
    const progress: number[] = []
    const sliced = await buildReplayLabSliced(replay, (f) => progress.push(f))
    expect(sliced.ok).toBe(true)
    if (sliced.ok) expect(JSON.stringify(sliced.lab.snapshot())).toBe(JSON.stringify(lab.snapshot()))
    expect(progress.at(-1)).toBe(1)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
    expect(await buildReplayLabSliced(replay, () => {}, () => true)).toEqual({ ok: false, message: 'Opening it was cancelled.' })
  })

  it('accepts a year of the default lab and an ordinary session, and the estimate is an upper bound of the real cost', () => {
    expect(validateReplay(doc([{ at: 0, call: 'advance', args: [366 * 86_400] }])).ok).toBe(true)
    const lab = createLab()
    for (let i = 0; i < 200; i++) lab.request(`c${i % 20}`)
    lab.advance(86_400)
    expect(replayWork(lab.log()).ms).toBeLessThan(REPLAY_BUDGET_MS)
    expect(validateReplay(doc(lab.log())).ok).toBe(true)
  })
})

describe('a failing log', () => {
  it('is diagnosed in one replay, naming the entry', () => {
    const log: LabCall[] = [
      ...Array.from({ length: 500 }, (): LabCall => ({ at: 0, call: 'request', args: ['alice'] })),
      { at: 0, call: 'launchInstance', args: [{ az: 'mars-1a' }] },
    ]
    const out = buildReplayLab({ seed: 1, log })
    expect(out).toMatchObject({ ok: false, message: expect.stringContaining('entry 501 (launchInstance at 0 s)') })
  })
})
