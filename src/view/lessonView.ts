// The lab as a lesson judges it: what the stage has shown the learner by now (revealedLab), and WebSockets only
// once their upgrade request has reached its target. A lesson's goals and its prediction verdict read this view,
// so a step is done, and its feedback shown, when the dot arrives, never before (issue 15).
import type { GoalLab } from '../lessons/goals'
import type { LabQueries } from '../sim'
import { hasArrived } from './reveal'
import { revealedLab } from './revealedLab'

const views = new WeakMap<LabQueries, { view: LabQueries; now: number; shown: GoalLab }>()

export function lessonView(lab: LabQueries): GoalLab {
  const view = revealedLab(lab)
  const now = lab.now()
  const cached = views.get(lab)
  if (cached && cached.view === view && cached.now === now) return cached.shown
  const shown: GoalLab = {
    ...view,
    // A connection opens when its upgrade request arrives (openedAt is when the browser sent it).
    webSockets: () => lab.webSockets().filter((w) => hasArrived({ at: w.openedAt }, now)),
  }
  views.set(lab, { view, now, shown })
  return shown
}
