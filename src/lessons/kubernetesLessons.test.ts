// The Kubernetes and Socket.IO lessons (issue 19): played step by step from their scenario, each step's "Show me"
// reaches its goals, and the drills' scenarios show what the drills claim.
import { describe, expect, it } from 'vitest'
import { loadCatalog } from './catalog'
import { areGoalsMet, markOf } from './goals'
import { applyLabEvent, buildScenarioLab, findScenario } from './scenarios'
import { KUBERNETES_DRILLS } from './drillsKubernetes'

const { lessons } = loadCatalog()

describe.each(['kubernetes-target-type', 'socketio-polling'])('lesson %s', (id) => {
  it('every step’s solution reaches its goals, in order, from the lesson’s scenario', () => {
    const lesson = lessons.find((l) => l.id === id)!
    expect(lesson).toBeDefined()
    const lab = buildScenarioLab(findScenario(lesson.scenario)!)
    for (const step of lesson.steps) {
      const ctx = markOf(lab)
      expect(areGoalsMet(step.goals, lab, ctx)).toBe(false)
      for (const e of step.solution) applyLabEvent(lab, e)
      expect(areGoalsMet(step.goals, lab, ctx), step.id).toBe(true)
    }
  })
})

describe('the drills’ scenarios', () => {
  it('exist and run on the Application Load Balancer', () => {
    for (const d of KUBERNETES_DRILLS)
      expect(buildScenarioLab(findScenario(d.scenario)!).loadBalancerType()).toBe('application')
  })
})
