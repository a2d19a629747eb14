// Every named scenario builds from the default lab with every setup call succeeding, and lessons can be
// prepared at any step.
import { describe, expect, it } from 'vitest'
import { createLab } from '../sim'
import { loadCatalog } from './catalog'
import {
  applyLabEvent,
  buildLessonLab,
  buildScenarioLab,
  defaultLab,
  findScenario,
  SCENARIOS,
} from './scenarios'

describe('scenarios', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.id}: every setup call succeeds`, () => {
      const lab = defaultLab(scenario.seed)
      for (const e of scenario.setup) {
        const r = applyLabEvent(lab, e)
        expect(
          r === null || r.ok,
          `${scenario.id}: ${JSON.stringify(e)} → ${JSON.stringify(r)}`,
        ).toBe(true)
      }
      expect(lab.clients().some((c) => c.id === 'alice')).toBe(true)
    })
  }

  it('build the same lab from the same scenario (deterministic)', () => {
    const s = findScenario('blue-green')!
    expect(JSON.stringify(buildScenarioLab(s).snapshot())).toBe(
      JSON.stringify(buildScenarioLab(s).snapshot()),
    )
  })

  it('work from any lab factory, e.g. one that adds no client', () => {
    const lab = buildScenarioLab(findScenario('sticky')!, (seed) => createLab({ seed }))
    expect(lab.cookies('alice').map((c) => c.name)).toContain('AWSALB')
  })

  it('describe the states the lessons rely on', () => {
    expect(buildScenarioLab(findScenario('sticky')!).history()[0]?.targetId).toBe('i-1')
    expect(buildScenarioLab(findScenario('cart-sticky')!).sessions()).toEqual([
      { where: 'i-1', sessionId: 'sess-1', items: 2 },
    ])
    const scaled = buildScenarioLab(findScenario('scaled-out')!)
    expect(scaled.describeTargetHealth('web')?.map((t) => t.state)).toEqual([
      'healthy',
      'healthy',
      'healthy',
      'healthy',
    ])
    expect(
      buildScenarioLab(findScenario('draining')!).describeTargetHealth('web')?.[0]?.state,
    ).toBe('draining')
    expect(buildScenarioLab(findScenario('websocket')!).webSockets()[0]?.targetId).toBe('i-1')
  })

  it('prepare a lesson at a step by replaying the earlier steps’ solutions', () => {
    const lesson = loadCatalog().lessons.find((l) => l.id === 'cookie-demo')!
    expect(buildLessonLab(lesson, 0).targetGroups()[0]?.attributes['stickiness.enabled']).toBe(
      'false',
    )
    const at3 = buildLessonLab(lesson, 2)
    expect(at3.targetGroups()[0]?.attributes['stickiness.enabled']).toBe('true')
    expect(at3.history()).toHaveLength(1)
    expect(() => buildLessonLab({ ...lesson, scenario: 'nowhere' }, 0)).toThrow(
      'unknown scenario “nowhere”',
    )
  })
})
