// The learner's lab is kept while a lesson or a drill's scenario uses the stage: "Back to your lab" hands back the
// same world, call log and clock (JSON.stringify of the snapshot byte for byte), running or paused as it was, and
// the lesson left that way can be resumed at its step.
import { beforeEach, describe, expect, it } from 'vitest'
import { loadCatalog } from '../lessons/catalog'
import { buildScenarioLab, defaultLab, findScenario, SCENARIOS } from '../lessons/scenarios'
import { startAppSystem, startLessonActor } from '../machines/appMachine'
import { lessonMachine } from '../machines/lessonMachine'
import { backToYourLab, openDrillLab, openLesson, useStashStore } from './labStash'

const { lessons } = loadCatalog()

const createApp = () => startAppSystem({ seed: 1, makeLab: defaultLab })

function harness() {
  const labActor = createApp()
  const lessonActor = startLessonActor(labActor, lessonMachine, { lessons })
  return { labActor, lessonActor }
}

/** A lab of the learner's own: two more clients, stickiness on, requests and time passed. */
function makeOwnLab(labActor: ReturnType<typeof createApp>) {
  const call = (method: string, ...args: unknown[]) =>
    labActor.send({ type: 'lab.call', method, args } as never)
  call('addClient', 'bob')
  call('addClient', 'carol')
  call('modifyTargetGroupAttributes', 'web', { 'stickiness.enabled': 'true' })
  call('request', 'bob')
  labActor.send({ type: 'sim.advance', seconds: 42.125 })
  call('request', 'carol')
}

const world = (labActor: ReturnType<typeof createApp>) =>
  JSON.stringify(labActor.getSnapshot().context.lab.snapshot())

beforeEach(() => useStashStore.setState({ stash: null, resume: null, pending: null }))

describe('the stash', () => {
  it('keeps the learner’s lab through a lesson and hands it back byte for byte, clock running as it was', () => {
    const { labActor, lessonActor } = harness()
    makeOwnLab(labActor)
    const before = world(labActor)
    const lesson = lessons[1]!
    expect(openLesson(lessonActor, labActor, lesson.id, 2)).toBe(true)
    expect(world(labActor)).not.toBe(before)
    expect(lessonActor.getSnapshot().context.lessonId).toBe(lesson.id)
    // The lesson's lab runs on; the stashed lab does not change meanwhile.
    labActor.send({ type: 'sim.advance', seconds: 30 })
    expect(backToYourLab(labActor, lessonActor)).toBe(true)
    expect(world(labActor)).toBe(before)
    expect(labActor.getSnapshot().hasTag('playing')).toBe(true)
    expect(lessonActor.getSnapshot().context.lessonId).toBeNull()
    expect(useStashStore.getState()).toMatchObject({
      stash: null,
      resume: { lessonId: lesson.id, step: 2 },
    })
  })

  it('keeps a paused clock paused, and a drill opened over a lesson does not stash the lesson’s lab', () => {
    const { labActor, lessonActor } = harness()
    makeOwnLab(labActor)
    labActor.send({ type: 'sim.pause' })
    const before = world(labActor)
    openLesson(lessonActor, labActor, lessons[0]!.id)
    const scenario = SCENARIOS[0]!
    openDrillLab(
      labActor,
      { kind: 'drill', drillId: 'd', index: 3, title: scenario.title },
      buildScenarioLab(scenario),
    )
    expect(useStashStore.getState().stash?.away).toMatchObject({ kind: 'drill', index: 3 })
    backToYourLab(labActor, lessonActor)
    expect(world(labActor)).toBe(before)
    expect(labActor.getSnapshot().hasTag('playing')).toBe(false)
  })

  it('stashes the live lab when the learner was looking at the past on the timeline', () => {
    const { labActor, lessonActor } = harness()
    makeOwnLab(labActor)
    labActor.send({ type: 'sim.pause' })
    const live = world(labActor)
    labActor.send({ type: 'timeline.seek', position: 1 })
    expect(world(labActor)).not.toBe(live)
    openLesson(lessonActor, labActor, lessons[0]!.id)
    backToYourLab(labActor, lessonActor)
    expect(world(labActor)).toBe(live)
    expect(labActor.getSnapshot().context.timeline).toBeNull()
  })

  it('resumes a lesson left with Back at the step it was at, in the lab it left, even after another lesson', () => {
    const { labActor, lessonActor } = harness()
    makeOwnLab(labActor)
    const own = world(labActor)
    const lesson = lessons[2]!
    openLesson(lessonActor, labActor, lesson.id, 1)
    labActor.send({ type: 'sim.pause' })
    labActor.send({ type: 'sim.advance', seconds: 12 })
    const lessonWorld = world(labActor)
    backToYourLab(labActor, lessonActor)
    openLesson(lessonActor, labActor, lessons[0]!.id)
    backToYourLab(labActor, lessonActor)
    expect(world(labActor)).toBe(own)
    const { resume } = useStashStore.getState()
    expect(resume).toEqual({ lessonId: lessons[0]!.id, step: 0 })
    // The first lesson's place was replaced by the second's; resuming that one works the same way.
    openLesson(lessonActor, labActor, lesson.id, 1)
    expect(lessonActor.getSnapshot().context).toMatchObject({ lessonId: lesson.id, stepIndex: 1 })
    expect(world(labActor)).not.toBe(lessonWorld)
  })

  it('Resume lesson continues in the very lab the learner left, counted by the lesson', () => {
    const { labActor, lessonActor } = harness()
    const lesson = lessons[2]!
    openLesson(lessonActor, labActor, lesson.id, 1)
    labActor.send({ type: 'sim.pause' })
    labActor.send({ type: 'sim.advance', seconds: 12 })
    const lessonWorld = world(labActor)
    backToYourLab(labActor, lessonActor)
    const { resume } = useStashStore.getState()
    openLesson(lessonActor, labActor, resume!.lessonId, resume!.step)
    expect(lessonActor.getSnapshot().context).toMatchObject({ lessonId: lesson.id, stepIndex: 1 })
    expect(world(labActor)).toBe(lessonWorld)
    expect(lessonActor.getSnapshot().context.ownLab).toBe(labActor.getSnapshot().context.lab)
    expect(useStashStore.getState()).toMatchObject({ resume: null, pending: null })
  })

  it('refuses a lesson or step that does not exist, leaving the lab and the stash alone', () => {
    const { labActor, lessonActor } = harness()
    const before = world(labActor)
    for (const [id, step] of [
      ['no-such-lesson', 0],
      [lessons[0]!.id, 999],
      [lessons[0]!.id, -1],
      [lessons[0]!.id, 0.5],
    ] as const)
      expect(openLesson(lessonActor, labActor, id, step)).toBe(false)
    expect(world(labActor)).toBe(before)
    expect(useStashStore.getState().stash).toBeNull()
    expect(backToYourLab(labActor, lessonActor)).toBe(false)
  })

  it('after a reload, the lesson continues in its own saved lab (pending), which counts for its goals', () => {
    const { labActor, lessonActor } = harness()
    const lesson = lessons[1]!
    const scenario = findScenario(lesson.scenario)!
    const saved = buildScenarioLab(scenario)
    saved.advance(7)
    const savedWorld = JSON.stringify(saved.snapshot())
    useStashStore.setState({
      pending: { lessonId: lesson.id, step: 1, lab: saved, playing: false },
    })
    openLesson(lessonActor, labActor, lesson.id, 1)
    expect(world(labActor)).toBe(savedWorld)
    expect(labActor.getSnapshot().hasTag('playing')).toBe(false)
    const context = lessonActor.getSnapshot().context
    expect(context.ownLab).toBe(labActor.getSnapshot().context.lab)
    expect(useStashStore.getState().pending).toBeNull()
  })
})
