// The page's actor system: one root owning the lab actor and (once loaded) the one lesson actor, which find each
// other by systemId; the lesson follows the lab and sends "Show me" to it without any glue in between.
import { describe, expect, it } from 'vitest'
import type { Lesson } from '../lessons/schema'
import { defaultLab } from '../lessons/scenarios'
import { startAppSystem, startLessonActor, type AppRootActor } from './appMachine'
import { labEventOf } from './labMachine'
import { lessonMachine } from './lessonMachine'
import type { LessonEmitted } from './lessonRun'
import { startLesson } from './startLesson'
import { APP_SYSTEM_ID, LAB_SYSTEM_ID, LESSON_SYSTEM_ID } from './systemIds'

const lesson: Lesson = {
  id: 'one',
  title: 'One',
  summary: 'A one-step lesson.',
  scenario: 'default',
  covers: [],
  takeaways: ['Done.'],
  steps: [
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
      hints: [],
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

describe('appMachine', () => {
  it('registers the lab and the lesson actor in one system', () => {
    const labActor = startAppSystem({ seed: 1, makeLab: defaultLab })
    const root: AppRootActor = labActor.system.get(APP_SYSTEM_ID)
    expect(labActor.system.get(LAB_SYSTEM_ID)).toBe(labActor)
    expect(root.getSnapshot().context.lesson).toBeNull()
    const lessonActor = startLessonActor(labActor, lessonMachine, { lessons: [lesson] })
    expect(labActor.system.get(LESSON_SYSTEM_ID)).toBe(lessonActor)
    expect(root.getSnapshot().context.lesson).toBe(lessonActor)
  })

  it('keeps the one lesson actor for the page’s whole life', () => {
    const labActor = startAppSystem({ seed: 1, makeLab: defaultLab })
    const first = startLessonActor(labActor, lessonMachine, { lessons: [lesson] })
    expect(() => startLessonActor(labActor, lessonMachine, { lessons: [] })).not.toThrow()
    expect(labActor.system.get(LESSON_SYSTEM_ID)).toBe(first)
  })

  it('lets the lesson follow the lab it finds in the system: a learner’s change completes the step', () => {
    const labActor = startAppSystem({ seed: 1, makeLab: defaultLab })
    const lessonActor = startLessonActor(labActor, lessonMachine, { lessons: [lesson] })
    labActor.send({ type: 'sim.pause' })
    expect(startLesson(lessonActor, labActor, 'one')).toBe(true)
    expect(lessonActor.getSnapshot().hasTag('stepDone')).toBe(false)
    labActor.send({
      type: 'lab.call',
      method: 'modifyTargetGroupAttributes',
      args: ['web', { 'stickiness.enabled': 'true' }],
    })
    expect(lessonActor.getSnapshot().hasTag('stepDone')).toBe(true)
  })

  it('emits lesson.stepCompleted and lesson.completed as the learner completes the run', () => {
    const labActor = startAppSystem({ seed: 1, makeLab: defaultLab })
    const lessonActor = startLessonActor(labActor, lessonMachine, { lessons: [lesson] })
    labActor.send({ type: 'sim.pause' })
    const heard: LessonEmitted[] = []
    lessonActor.on('lesson.stepCompleted', (e) => heard.push(e))
    lessonActor.on('lesson.completed', (e) => heard.push(e))
    startLesson(lessonActor, labActor, 'one')
    lessonActor.send({ type: 'lesson.showMe' })
    const outcome = { shownMe: true, predictionCorrect: null }
    expect(heard).toEqual([
      { type: 'lesson.stepCompleted', lessonId: 'one', stepIndex: 0, stepId: 'sticky', outcome },
      { type: 'lesson.completed', lessonId: 'one', outcomes: new Map([['sticky', outcome]]) },
    ])
    // Opened again (as a host page's loadLesson does), the run starts afresh and completes again.
    startLesson(lessonActor, labActor, 'one', 0, { newRun: true })
    lessonActor.send({ type: 'lesson.showMe' })
    expect(heard.map((e) => e.type)).toEqual([
      'lesson.stepCompleted',
      'lesson.completed',
      'lesson.stepCompleted',
      'lesson.completed',
    ])
  })

  it('opens a lesson from the catalog and over a running one through the same transition', () => {
    const labActor = startAppSystem({ seed: 1, makeLab: defaultLab })
    const lessonActor = startLessonActor(labActor, lessonMachine, { lessons: [lesson] })
    labActor.send({ type: 'sim.pause' })
    startLesson(lessonActor, labActor, 'one')
    lessonActor.send({ type: 'lesson.showMe' })
    expect(lessonActor.getSnapshot().hasTag('stepDone')).toBe(true)
    // Opening it again starts the step afresh, in a fresh lab.
    startLesson(lessonActor, labActor, 'one')
    expect(lessonActor.getSnapshot().matches({ running: { step: 'active' } })).toBe(true)
    expect(lessonActor.getSnapshot().context.shownMe).toBe(false)
  })
})

describe('labEventOf', () => {
  it('turns lesson data into typed lab events through the command gate', () => {
    expect(labEventOf({ type: 'sim.advance', seconds: 5 })).toEqual({
      type: 'sim.advance',
      seconds: 5,
    })
    // An attempt: a "Show me" step the lab refuses is still answered (the failure notice), like a live call.
    expect(labEventOf({ type: 'lab.call', method: 'request', args: ['alice'] })).toEqual({
      type: 'lab.call',
      command: { call: 'request', args: ['alice'] },
    })
    expect(labEventOf({ type: 'lab.call', method: 'request', args: [42] })).toBeNull()
  })
})
