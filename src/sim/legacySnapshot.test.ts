// Snapshots saved before the core recorded facts (ADR 0009) still restore: their history keeps the
// explanations it was saved with, and an NLB sticky-table reset worded as a sentence explains the
// next request as it always did.
import { describe, expect, it } from 'vitest'
import { createLab, restoreLab, type World } from './index'

/** Today's snapshot rewritten to the shape the build before facts saved. */
function asLegacy(world: World): World {
  const old = JSON.parse(JSON.stringify(world)) as World
  for (const r of old.history.items as unknown as Record<string, unknown>[]) {
    if (r !== null) delete r.facts
  }
  for (const tg of Object.values(old.targetGroups)) {
    const parsed = tg.parsed as unknown as Record<string, unknown>
    parsed.lbCookieDurationText = '1 day'
    parsed.appCookieDurationText = '1 day'
    const reset = tg.stickyReset as unknown as Record<string, unknown> | undefined
    if (reset !== undefined) {
      reset.cause = `${String(reset.targetId)} went from ${String(reset.from)} to ${String(reset.to)}`
      delete reset.targetId
      delete reset.from
      delete reset.to
    }
  }
  return old
}

describe('snapshots from before facts', () => {
  it('restore with their history explanations, and reset causes explain new flows as before', () => {
    const lab = createLab({ seed: 3, loadBalancerType: 'network' })
    lab.modifyLoadBalancerAttributes({ 'load_balancing.cross_zone.enabled': 'true' })
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    lab.addClient('a', { sourceIp: '203.0.113.5' })
    const bound = lab.request('a').targetId!
    const other = ['i-1', 'i-2', 'i-3'].find((t) => t !== bound)!
    lab.setHealthCheckFailing(other, true)
    lab.advance(60)
    const legacy = asLegacy(lab.snapshot())
    expect(JSON.stringify(legacy)).not.toContain('"facts"')

    const restored = restoreLab(legacy)
    expect(restored.history().map((r) => r.explanation)).toEqual(
      lab.history().map((r) => r.explanation),
    )
    expect(restored.history()[0]!.facts).toBeUndefined()
    const want = lab.request('a', { newConnection: true })
    const got = restored.request('a', { newConnection: true })
    expect(got.decision).toBe('source-ip-sticky-reset')
    expect(got.explanation).toBe(want.explanation)
    expect(got.explanation).toContain(`(${other} went from healthy to unhealthy)`)
    expect(got.facts).toEqual(want.facts)
  })
})

describe('facts on records', () => {
  it('every request result carries facts its explanation is rendered from, and snapshots stay deterministic', () => {
    const run = (): string => {
      const lab = createLab({ seed: 9 })
      lab.modifyTargetGroupAttributes('web', {
        'stickiness.enabled': 'true',
        'stickiness.type': 'lb_cookie',
      })
      lab.request('alice')
      const hit = lab.request('alice')
      expect(hit.facts).toMatchObject({ family: 'alb', route: { kind: 'hit', cookie: 'AWSALB' } })
      lab.request('bob', { crossSite: true, credentials: 'include' })
      lab.openWebSocket('alice')
      const ws = lab.sendWebSocketMessage('alice')
      expect(ws.facts).toEqual({ family: 'websocket', targetId: hit.targetId })
      return JSON.stringify(lab.snapshot())
    }
    expect(run()).toBe(run())
  })
})
