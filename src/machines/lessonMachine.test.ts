// The generic lesson machine: its transitions on a small lesson, and every real lesson played end to end
// (predictions answered, every step's "Show me") through the real labMachine, reaching every goal.
import { createActor } from 'xstate'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { loadCatalog } from '../lessons/catalog'
import { emptyProgress } from '../lessons/progress'
import { defaultLab } from '../lessons/scenarios'
import type { LabCallMethod, Lesson } from '../lessons/schema'
import { startAppSystem, startLessonActor } from './appMachine'
import type { LabMethod } from './labMachine'
import { currentStep } from './currentLesson'
import { lessonMachine } from './lessonMachine'
import { adoptCurrentLab, restoreLessonLab, startLesson } from './startLesson'

const { lessons, errors } = loadCatalog()

/** A lab actor and a lesson actor wired together, recording every failed lab call. */
function harness(lessonList: readonly Lesson[] = lessons) {
  const labActor = startAppSystem({ seed: 1, makeLab: defaultLab })
  labActor.send({ type: 'sim.pause' })
  const failures: string[] = []
  let seen: object | null = null
  labActor.subscribe((s) => {
    const last = s.context.lastCall
    if (last === null || last === seen) return
    seen = last
    if (last.result !== null && !last.result.ok)
      failures.push(`${last.method}: ${last.result.message}`)
  })
  // In one actor system, as on the page: the lesson actor finds the lab by its systemId.
  const lessonActor = startLessonActor(labActor, lessonMachine, { lessons: lessonList })
  return { labActor, lessonActor, failures }
}

const tiny: Lesson = {
  id: 'tiny',
  title: 'Tiny',
  summary: 'A two-step lesson for machine tests.',
  scenario: 'default',
  covers: [],
  takeaways: ['Done.'],
  steps: [
    {
      id: 'send',
      title: 'Send',
      prose: ['Send one.'],
      task: 'Send a request.',
      controls: 'Send request',
      highlight: ['Send request'],
      goals: [{ id: 'requestsSince', params: { client: 'alice', min: 1 } }],
      hints: ['First hint.', 'Second hint.'],
      solution: [{ type: 'lab.call', method: 'request', args: ['alice'] }],
      prediction: {
        question: 'Where?',
        choices: [
          { value: 'i-1', label: 'i-1' },
          { value: 'i-2', label: 'i-2' },
        ],
        observe: { kind: 'request', which: 'first', client: 'alice', field: 'target' },
      },
      success: 'Sent.',
    },
    {
      id: 'sticky',
      title: 'Sticky on',
      prose: ['Turn it on.'],
      task: 'Turn on stickiness.',
      controls: 'Stickiness',
      highlight: ['Stickiness'],
      goals: [
        {
          id: 'attributeEquals',
          params: { targetGroup: 'web', key: 'stickiness.enabled', value: 'true' },
        },
      ],
      hints: ['Use the target group settings.'],
      solution: [
        {
          type: 'lab.call',
          method: 'modifyTargetGroupAttributes',
          args: ['web', { 'stickiness.enabled': 'true' }],
        },
      ],
      success: 'On.',
    },
  ],
}

describe('lessonMachine', () => {
  it('accepts exactly the lab machine’s call methods in lesson data', () => {
    expectTypeOf<LabCallMethod>().toEqualTypeOf<LabMethod>()
  })

  it('starts in the catalog and ignores a lesson or step that does not exist', () => {
    const { lessonActor, labActor } = harness([tiny])
    expect(lessonActor.getSnapshot().matches('browsing')).toBe(true)
    expect(startLesson(lessonActor, labActor, 'nope')).toBe(false)
    expect(startLesson(lessonActor, labActor, 'tiny', 5)).toBe(false)
    lessonActor.send({
      type: 'lesson.open',
      lessonId: 'tiny',
      step: 9,
      lab: labActor.getSnapshot().context.lab,
    })
    expect(lessonActor.getSnapshot().matches('browsing')).toBe(true)
  })

  it('asks for a prediction first, ignores unknown choices, and counts only what happens after predicting', () => {
    const { lessonActor, labActor } = harness([tiny])
    startLesson(lessonActor, labActor, 'tiny')
    expect(lessonActor.getSnapshot().matches({ running: { step: 'predicting' } })).toBe(true)
    // A request made before predicting does not complete the step.
    labActor.send({ type: 'lab.call', method: 'request', args: ['alice'] })
    lessonActor.send({ type: 'lesson.predict', choice: 'i-9' })
    expect(lessonActor.getSnapshot().matches({ running: { step: 'predicting' } })).toBe(true)
    lessonActor.send({ type: 'lesson.predict', choice: 'i-1' })
    expect(lessonActor.getSnapshot().matches({ running: { step: 'active' } })).toBe(true)
    labActor.send({ type: 'lab.call', method: 'request', args: ['alice'] })
    const s = lessonActor.getSnapshot()
    expect(s.hasTag('stepDone')).toBe(true)
    // The second request went to i-2 (round robin), and the feedback quotes the prediction.
    expect(s.context.feedback).toMatchObject({ predicted: 'i-1', actual: 'i-2', correct: false })
    expect(s.context.feedback?.text).toMatch(
      /^You predicted “i-1”\. The request went to i-2\. Why: Stickiness is off, so round robin picked i-2\./,
    )
  })

  it('shows hints one at a time, up to the last', () => {
    const { lessonActor, labActor } = harness([tiny])
    startLesson(lessonActor, labActor, 'tiny')
    for (let i = 0; i < 4; i++) lessonActor.send({ type: 'lesson.hint' })
    expect(lessonActor.getSnapshot().context.hintsShown).toBe(2)
  })

  it('“Show me” sends the step’s events to the lab actor it finds in its system', () => {
    const { lessonActor, labActor } = harness([tiny])
    startLesson(lessonActor, labActor, 'tiny')
    lessonActor.send({ type: 'lesson.showMe' })
    expect(labActor.getSnapshot().context.lab.history()).toHaveLength(0) // not while predicting
    lessonActor.send({ type: 'lesson.predict', choice: 'i-1' })
    lessonActor.send({ type: 'lesson.showMe' })
    expect(labActor.getSnapshot().context.lastCall).toMatchObject({ method: 'request' })
    expect(labActor.getSnapshot().context.lab.history()).toHaveLength(1)
    expect(lessonActor.getSnapshot().context.shownMe).toBe(true)
    expect(lessonActor.getSnapshot().hasTag('stepDone')).toBe(true)
  })

  it('moves with next, back and goTo, finishes, and records progress', () => {
    const { lessonActor, labActor } = harness([tiny])
    startLesson(lessonActor, labActor, 'tiny')
    lessonActor.send({ type: 'lesson.next' })
    expect(lessonActor.getSnapshot().context.stepIndex).toBe(1)
    expect(lessonActor.getSnapshot().context.progress.lessons.tiny).toBeUndefined()
    lessonActor.send({ type: 'lesson.showMe' })
    expect(lessonActor.getSnapshot().context.progress.lessons.tiny).toEqual({
      completedSteps: ['sticky'],
      completed: false,
    })
    lessonActor.send({ type: 'lesson.back' })
    expect(lessonActor.getSnapshot().context.stepIndex).toBe(0)
    lessonActor.send({ type: 'lesson.back' })
    expect(lessonActor.getSnapshot().context.stepIndex).toBe(0)
    lessonActor.send({ type: 'lesson.predict', choice: 'i-2' })
    lessonActor.send({ type: 'lesson.showMe' })
    expect(lessonActor.getSnapshot().context.progress.lessons.tiny).toEqual({
      completedSteps: ['sticky', 'send'],
      completed: true,
    })
    lessonActor.send({ type: 'lesson.goTo', step: 7 })
    expect(lessonActor.getSnapshot().context.stepIndex).toBe(0)
    lessonActor.send({ type: 'lesson.goTo', step: 1 })
    expect(lessonActor.getSnapshot().context.stepIndex).toBe(1)
    lessonActor.send({ type: 'lesson.next' })
    expect(lessonActor.getSnapshot().hasTag('lessonDone')).toBe(true)
    lessonActor.send({ type: 'lesson.back' })
    expect(lessonActor.getSnapshot().context.stepIndex).toBe(1)
    lessonActor.send({ type: 'lesson.exit' })
    expect(lessonActor.getSnapshot().matches('browsing')).toBe(true)
    expect(lessonActor.getSnapshot().context.progress.lessons.tiny?.completed).toBe(true)
  })

  it('starts from saved progress', () => {
    const progress = {
      ...emptyProgress(),
      lessons: { tiny: { completedSteps: ['send'], completed: false } },
    }
    const actor = createActor(lessonMachine, { input: { lessons: [tiny], progress } }).start()
    expect(actor.getSnapshot().context.progress).toEqual(progress)
  })

  it('pauses goal checking when the lab is replaced, until the learner restores or adopts a lab', () => {
    const { lessonActor, labActor } = harness([tiny])
    startLesson(lessonActor, labActor, 'tiny', 1)
    labActor.send({ type: 'sim.reset' })
    const s1 = lessonActor.getSnapshot().context
    expect(s1.lab).not.toBe(s1.ownLab)
    labActor.send({
      type: 'lab.call',
      method: 'modifyTargetGroupAttributes',
      args: ['web', { 'stickiness.enabled': 'true' }],
    })
    expect(lessonActor.getSnapshot().hasTag('stepDone')).toBe(false)
    adoptCurrentLab(lessonActor, labActor)
    expect(lessonActor.getSnapshot().hasTag('stepDone')).toBe(true)

    lessonActor.send({ type: 'lesson.goTo', step: 1 })
    labActor.send({ type: 'sim.reset' })
    restoreLessonLab(lessonActor, labActor)
    const s2 = lessonActor.getSnapshot()
    expect(s2.context.lab).toBe(s2.context.ownLab)
    expect(s2.context.lab).toBe(labActor.getSnapshot().context.lab)
    expect(labActor.getSnapshot().hasTag('playing')).toBe(true)
    expect(s2.hasTag('stepDone')).toBe(false)
  })

  it('opening a lesson loads its scenario with the clock running, and leaving it keeps the learner’s choice', () => {
    const { lessonActor, labActor } = harness()
    expect(labActor.getSnapshot().hasTag('playing')).toBe(false)
    startLesson(lessonActor, labActor, 'instance-failure')
    const lab = labActor.getSnapshot().context.lab
    // Requests travel on the stage during a lesson: the clock runs (issue 15).
    expect(labActor.getSnapshot().hasTag('playing')).toBe(true)
    expect(lab.sessions()).toEqual([{ where: 'i-1', sessionId: 'sess-1', items: 2 }])
    expect(lessonActor.getSnapshot().context.ownLab).toBe(lab)
    labActor.send({ type: 'sim.pause' })
    lessonActor.send({ type: 'lesson.exit' })
    expect(labActor.getSnapshot().hasTag('playing')).toBe(false)
    startLesson(lessonActor, labActor, 'instance-failure')
    lessonActor.send({ type: 'lesson.exit' })
    expect(labActor.getSnapshot().hasTag('playing')).toBe(true)
    // An embed that asked for a paused start opens its lesson paused.
    startLesson(lessonActor, labActor, 'instance-failure', 0, { play: false })
    expect(labActor.getSnapshot().hasTag('playing')).toBe(false)
  })
})

describe('every lesson', () => {
  it('loads without validation errors', () => {
    expect(errors).toEqual([])
    expect(lessons.length).toBeGreaterThanOrEqual(12)
  })

  for (const lesson of lessons) {
    it(`${lesson.id}: the scripted solution, predictions answered, reaches every goal in order`, () => {
      const { lessonActor, labActor, failures } = harness()
      expect(startLesson(lessonActor, labActor, lesson.id)).toBe(true)
      lesson.steps.forEach((step, i) => {
        const at = `${lesson.id} step ${i + 1} (${step.id})`
        let s = lessonActor.getSnapshot()
        expect(s.context.stepIndex, at).toBe(i)
        expect(currentStep(s.context)?.id, at).toBe(step.id)
        if (step.prediction !== undefined) {
          expect(s.matches({ running: { step: 'predicting' } }), at).toBe(true)
          lessonActor.send({ type: 'lesson.predict', choice: step.prediction.choices[0]!.value })
          s = lessonActor.getSnapshot()
        }
        const trivial = step.goals.every((g) => g.id === 'always')
        // A step must not be done before the learner acts.
        expect(s.hasTag('stepDone'), `${at}: goal already met before acting`).toBe(trivial)
        if (!trivial) lessonActor.send({ type: 'lesson.showMe' })
        s = lessonActor.getSnapshot()
        expect(s.hasTag('stepDone'), `${at}: goal not reached by its solution`).toBe(true)
        expect(failures, at).toEqual([])
        if (step.prediction !== undefined) {
          const fb = s.context.feedback
          expect(fb, `${at}: no prediction feedback`).not.toBeNull()
          expect(
            fb!.text.startsWith(`You predicted “${step.prediction.choices[0]!.label}”.`),
            at,
          ).toBe(true)
          // The right answer is one of the offered choices, so a learner can get it right.
          expect(
            step.prediction.choices.map((c) => c.label),
            `${at}: the observed answer “${fb!.actual}” is not among the choices`,
          ).toContain(fb!.actual)
        }
        lessonActor.send({ type: 'lesson.next' })
      })
      const end = lessonActor.getSnapshot()
      expect(end.hasTag('lessonDone')).toBe(true)
      expect(end.context.progress.lessons[lesson.id]).toEqual({
        completedSteps: lesson.steps.map((s) => s.id),
        completed: true,
      })
    })

    it(`${lesson.id}: opened at any step (deep link), that step’s solution reaches its goal`, () => {
      lesson.steps.forEach((step, i) => {
        const { lessonActor, labActor, failures } = harness()
        startLesson(lessonActor, labActor, lesson.id, i)
        if (step.prediction !== undefined)
          lessonActor.send({ type: 'lesson.predict', choice: step.prediction.choices[0]!.value })
        lessonActor.send({ type: 'lesson.showMe' })
        expect(lessonActor.getSnapshot().hasTag('stepDone'), `${lesson.id} step ${i + 1}`).toBe(
          true,
        )
        expect(failures).toEqual([])
      })
    })
  }
})

describe('the clock waits for a prediction', () => {
  it('holds a running clock while a step awaits a prediction, starts it on lock-in, and leaves a learner’s pause alone', () => {
    const { lessonActor, labActor } = harness()
    const playing = () => labActor.getSnapshot().hasTag('playing')
    const failure = lessons.find((l) => l.id === 'instance-failure')!
    const firstChoice = (i: number) => failure.steps[i]!.prediction!.choices[0]!.value
    // instance-failure step 2 asks about alice's next request: its moment must still be there after reading.
    startLesson(lessonActor, labActor, 'instance-failure', 1)
    expect(playing()).toBe(false)
    lessonActor.send({ type: 'lesson.predict', choice: firstChoice(1) })
    expect(playing()).toBe(true)
    // Step 1 has no prediction: going back runs; the next step's prediction holds again.
    lessonActor.send({ type: 'lesson.back' })
    expect(playing()).toBe(true)
    lessonActor.send({ type: 'lesson.next' })
    expect(playing()).toBe(false)
    // The learner presses Play while predicting: the clock is theirs; Pause later is kept through lock-in.
    labActor.send({ type: 'sim.play' })
    labActor.send({ type: 'sim.pause' })
    lessonActor.send({ type: 'lesson.predict', choice: firstChoice(1) })
    expect(playing()).toBe(false)
    // Leaving during a hold starts the clock again: the hold was the lesson's.
    labActor.send({ type: 'sim.play' })
    lessonActor.send({ type: 'lesson.next' })
    lessonActor.send({ type: 'lesson.next' })
    expect(lessonActor.getSnapshot().matches({ running: { step: 'predicting' } })).toBe(true)
    expect(playing()).toBe(false)
    lessonActor.send({ type: 'lesson.exit' })
    expect(playing()).toBe(true)
  })
})
