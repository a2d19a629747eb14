// Labs made before the page's sentences arrive (src/sim/core.ts, ADR 0017) end up byte-identical to labs worded at once.
import { describe, expect, it, vi } from 'vitest'
import { createLab as createWordedLab, type Lab } from '../sim'
import { explainer } from './explainer'

/** Stickiness on, a few requests (sticky hits use the cached-words path), a target stopped, more requests. */
function drive(lab: Lab): void {
  lab.addClient('alice')
  lab.addClient('bob')
  lab.request('alice')
  lab.modifyTargetGroupAttributes('web', {
    'stickiness.enabled': 'true',
    'stickiness.type': 'lb_cookie',
  })
  for (let i = 0; i < 4; i++) lab.request(i % 2 === 0 ? 'alice' : 'bob')
  lab.stopInstance(lab.request('alice').targetId!)
  lab.advance(60)
  for (let i = 0; i < 3; i++) lab.request('alice')
}

/** A fresh copy of the core, as a page has it before any explainer is installed. */
async function freshCore() {
  vi.resetModules()
  return import('../sim/core')
}

describe('labs made before an explainer is installed', () => {
  it('carry no words until then, then the words an eagerly explained lab has, byte for byte', async () => {
    const core = await freshCore()
    expect(core.explainerInstalled()).toBe(false)
    const early = core.createLab({ seed: 7 })
    drive(early)
    expect(early.history().every((r) => r.explanation === '')).toBe(true)

    core.installExplainer(explainer)
    const worded = createWordedLab({ seed: 7 })
    drive(worded)
    expect(early.history().every((r) => r.explanation.length > 0)).toBe(true)
    expect(JSON.stringify(early.snapshot())).toBe(JSON.stringify(worded.snapshot()))

    // A sticky hit after the install has its words (the per-target cache of a hit's words was dropped).
    expect(early.request('alice').explanation).toBe(worded.request('alice').explanation)
  })

  it('re-words restored and replayed labs and every load balancer type', async () => {
    const core = await freshCore()
    // A Network lab needs its family in the fresh core too (ADR 0018); the sentences are still missing.
    await import('../sim/families')
    const reference = createWordedLab({ seed: 3, loadBalancerType: 'network' })
    reference.addClient('alice')
    for (let i = 0; i < 3; i++) reference.request('alice')
    const replayed = core.replayLab(3, reference.log())
    const restored = core.restoreLab(reference.snapshot())
    restored.request('alice')
    core.installExplainer(explainer)
    expect(JSON.stringify(replayed.snapshot())).toBe(JSON.stringify(reference.snapshot()))
    reference.request('alice')
    expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(reference.snapshot()))
  })

  it('a lab made after the install is worded at once', async () => {
    const core = await freshCore()
    core.installExplainer(explainer)
    const lab = core.createLab({ seed: 1 })
    lab.addClient('alice')
    expect(lab.request('alice').explanation).toMatch(/i-\d/)
  })
})
