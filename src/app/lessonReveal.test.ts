// Lessons judged on the stage (issue 15): with the page's revealed view of the lab, a step whose goal is a
// request is not done, and its prediction verdict not computed, until that request reaches its target; every
// real lesson still completes once virtual time lets its requests arrive.
import { describe, expect, it } from 'vitest'
import { loadCatalog } from '../lessons/catalog'
import { defaultLab } from '../lessons/scenarios'
import { startAppSystem, startLessonActor } from '../machines/appMachine'
import { lessonMachine } from '../machines/lessonMachine'
import { startLesson } from '../machines/startLesson'
import { inFlight, LEG_SECONDS } from '../view/reveal'
import { lessonView } from '../view/lessonView'
import { revealStamp } from '../view/revealedLab'

const { lessons } = loadCatalog()

function harness() {
  const labActor = startAppSystem({ seed: 1, makeLab: defaultLab })
  // As the page starts it (createLessonActor.ts).
  const lessonActor = startLessonActor(labActor, lessonMachine, {
    lessons,
    shown: lessonView,
    revealKey: (lab) => revealStamp(lab).key,
    busy: (lab) => inFlight(lab.history(), lab.now()).length > 0,
  })
  return { labActor, lessonActor }
}

describe('lessons on the stage', () => {
  it('instance-failure step 2: the verdict waits for the dot to reach i-1', () => {
    const { labActor, lessonActor } = harness()
    const step = lessons.find((l) => l.id === 'instance-failure')!.steps[1]!
    startLesson(lessonActor, labActor, 'instance-failure', 1)
    labActor.send({ type: 'sim.advance', seconds: 2 })
    lessonActor.send({ type: 'lesson.predict', choice: step.prediction!.choices[0]!.value })
    labActor.send({ type: 'sim.pause' })
    labActor.send({ type: 'lab.call', method: 'request', args: ['alice'] })
    // The core has answered, but the request is still on its way: nothing is judged yet.
    expect(lessonActor.getSnapshot().hasTag('stepDone')).toBe(false)
    expect(lessonActor.getSnapshot().context.feedback).toBeNull()
    labActor.send({ type: 'sim.advance', seconds: LEG_SECONDS / 2 })
    expect(lessonActor.getSnapshot().hasTag('stepDone')).toBe(false)
    labActor.send({ type: 'sim.advance', seconds: LEG_SECONDS / 2 })
    const s = lessonActor.getSnapshot()
    expect(s.hasTag('stepDone')).toBe(true)
    expect(s.context.feedback).not.toBeNull()
  })

  for (const lesson of lessons) {
    it(`${lesson.id}: every step completes on arrival, never before its request arrives`, () => {
      const { labActor, lessonActor } = harness()
      startLesson(lessonActor, labActor, lesson.id)
      labActor.send({ type: 'sim.pause' })
      lesson.steps.forEach((step, i) => {
        const at = `${lesson.id} step ${i + 1} (${step.id})`
        if (step.prediction !== undefined)
          lessonActor.send({ type: 'lesson.predict', choice: step.prediction.choices[0]!.value })
        const mark = lessonActor.getSnapshot().context.mark
        if (!step.goals.every((g) => g.id === 'always')) lessonActor.send({ type: 'lesson.showMe' })
        // Virtual time moves on in small slices, as frames would, until the step is done.
        for (let t = 0; t < 30 && !lessonActor.getSnapshot().hasTag('stepDone'); t++)
          labActor.send({ type: 'sim.advance', seconds: 0.1 })
        expect(lessonActor.getSnapshot().hasTag('stepDone'), at).toBe(true)
        const lab = labActor.getSnapshot().context.lab
        // The step's first request (the one a prediction is about) has reached its target by now.
        const first = lab.history().find((r) => r.id > mark.stepStartRequestId)
        if (first !== undefined) expect(lab.now() + 1e-9 >= first.at + LEG_SECONDS, at).toBe(true)
        if (step.prediction !== undefined)
          expect(lessonActor.getSnapshot().context.feedback, at).not.toBeNull()
        lessonActor.send({ type: 'lesson.next' })
      })
      expect(lessonActor.getSnapshot().hasTag('lessonDone')).toBe(true)
    })
  }

  it('a learner who reads for 2 minutes before acting at every step can still complete every lesson', () => {
    // The clock runs during lessons but waits while a step awaits a prediction (machines/lessonClock.ts), so
    // reading never lets a health check or a 60 s cookie run out before the moment a question is about.
    const stuck: string[] = []
    for (const lesson of lessons) {
      const { labActor, lessonActor } = harness()
      startLesson(lessonActor, labActor, lesson.id)
      lesson.steps.forEach((step, i) => {
        // Reading: the set-up's requests come back within a second (a hold waits for them), then virtual time
        // passes only while the clock plays.
        labActor.send({ type: 'sim.advance', seconds: 1 })
        if (labActor.getSnapshot().hasTag('playing'))
          labActor.send({ type: 'sim.advance', seconds: 119 })
        if (step.prediction !== undefined)
          lessonActor.send({ type: 'lesson.predict', choice: step.prediction.choices[0]!.value })
        if (!step.goals.every((g) => g.id === 'always')) lessonActor.send({ type: 'lesson.showMe' })
        for (let t = 0; t < 30 && !lessonActor.getSnapshot().hasTag('stepDone'); t++)
          labActor.send({ type: 'sim.advance', seconds: 0.1 })
        if (!lessonActor.getSnapshot().hasTag('stepDone')) stuck.push(`${lesson.id} step ${i + 1}`)
        lessonActor.send({ type: 'lesson.next' })
      })
    }
    expect(stuck).toEqual([])
  })
})
