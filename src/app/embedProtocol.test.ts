// The embed protocol: origin and shape checks on commands, run tracking (step and lesson completions,
// once each), the score, and the xAPI-shaped statements.
import { describe, expect, it } from 'vitest'
import {
  checkMessage,
  lessonActivityId,
  lessonScore,
  messageFor,
  newRun,
  stepScore,
  trackRun,
  versionExtension,
  XAPI_ACTIVITY_LESSON,
  XAPI_VERB_COMPLETED,
  XAPI_VERB_PROGRESSED,
  type LessonInfo,
  type LessonView,
  type RunState,
} from './embedProtocol'

const HOST = 'https://lms.example.org'

describe('checkMessage', () => {
  it('accepts each valid command from the allowed origin', () => {
    const cmds = [
      { type: 'stickylab:command', command: 'loadLesson', lessonId: 'cookie-demo' },
      { type: 'stickylab:command', command: 'loadLesson', lessonId: 'cookie-demo', step: 3 },
      { type: 'stickylab:command', command: 'goToStep', step: 2 },
      { type: 'stickylab:command', command: 'reset' },
      { type: 'stickylab:command', command: 'setTheme', theme: 'dark' },
    ]
    for (const c of cmds)
      expect(checkMessage(HOST, c, HOST)).toEqual({ kind: 'command', command: c })
  })

  it('ignores our messages from another origin with a warning naming both origins', () => {
    const v = checkMessage(
      'https://evil.example',
      { type: 'stickylab:command', command: 'reset' },
      HOST,
    )
    expect(v).toEqual({
      kind: 'ignore',
      warning:
        'Stickylab ignored a message from https://evil.example: only https://lms.example.org may send commands (set it with host=).',
    })
  })

  it('stays quiet about unrelated messages from other origins (extensions, other widgets)', () => {
    expect(checkMessage('https://other.example', { source: 'react-devtools' }, HOST)).toEqual({
      kind: 'ignore',
      warning: null,
    })
    expect(checkMessage('https://other.example', 'hello', HOST).kind).toBe('ignore')
  })

  it('explains malformed or unknown messages from the allowed origin', () => {
    const bad: unknown[] = [
      { type: 'stickylab:command', command: 'goToStep', step: 'two' },
      { type: 'stickylab:command', command: 'goToStep', step: 0 },
      { type: 'stickylab:command', command: 'goToStep', step: 1.5 },
      { type: 'stickylab:command', command: 'setTheme', theme: 'blue' },
      { type: 'stickylab:command', command: 'launchMissiles' },
      { type: 'stickylab:command', command: 'loadLesson', lessonId: '' },
      { type: 'other' },
      null,
      'reset',
      42,
    ]
    for (const data of bad) {
      const v = checkMessage(HOST, data, HOST)
      expect(v.kind).toBe('ignore')
      if (v.kind === 'ignore')
        expect(v.warning).toMatch(/^Stickylab ignored a message that is not a valid command/)
    }
    const v = checkMessage(
      HOST,
      { type: 'stickylab:command', command: 'goToStep', step: 'two' },
      HOST,
    )
    expect(v.kind === 'ignore' && v.warning).toContain('at "step"')
  })

  it('survives values JSON cannot print, and shortens long ones', () => {
    const cyclic: Record<string, unknown> = { type: 'stickylab:command' }
    cyclic.self = cyclic
    expect(checkMessage(HOST, cyclic, HOST).kind).toBe('ignore')
    const long = checkMessage(HOST, { type: 'x'.repeat(5000) }, HOST)
    expect(long.kind === 'ignore' && long.warning!.length).toBeLessThan(300)
  })
})

const lesson: LessonInfo = {
  id: 'tiny',
  title: 'Tiny lesson',
  steps: [
    { id: 'a', title: 'First', hasPrediction: false },
    { id: 'b', title: 'Second', hasPrediction: true },
    { id: 'c', title: 'Third', hasPrediction: true },
  ],
}
const find = (id: string) => (id === lesson.id ? lesson : null)
const view = (v: Partial<LessonView>): LessonView => ({
  lessonId: 'tiny',
  stepIndex: 0,
  stepDone: false,
  predictionCorrect: null,
  shownMe: false,
  ...v,
})

/** Feeds snapshots in order and collects the events. */
function play(views: LessonView[], start: RunState = newRun()) {
  let run = start
  const events = []
  for (const v of views) {
    const r = trackRun(run, v, find)
    run = r.run
    events.push(...r.events)
  }
  return { run, events }
}

describe('scores', () => {
  it('gives a step 1 point for doing it without "Show me" and 1 for a right prediction', () => {
    expect(stepScore(false, { shownMe: false, predictionCorrect: null })).toEqual({
      raw: 1,
      max: 1,
      scaled: 1,
    })
    expect(stepScore(false, { shownMe: true, predictionCorrect: null })).toEqual({
      raw: 0,
      max: 1,
      scaled: 0,
    })
    expect(stepScore(true, { shownMe: true, predictionCorrect: true })).toEqual({
      raw: 1,
      max: 2,
      scaled: 0.5,
    })
    expect(stepScore(true, { shownMe: false, predictionCorrect: false })).toEqual({
      raw: 1,
      max: 2,
      scaled: 0.5,
    })
    expect(stepScore(true, { shownMe: false, predictionCorrect: true })).toEqual({
      raw: 2,
      max: 2,
      scaled: 1,
    })
  })

  it('sums the steps done in the run; the maximum counts every step', () => {
    expect(lessonScore(lesson, {})).toEqual({ raw: 0, max: 5, scaled: 0 })
    expect(
      lessonScore(lesson, {
        a: { shownMe: false, predictionCorrect: null },
        b: { shownMe: true, predictionCorrect: true },
      }),
    ).toEqual({ raw: 2, max: 5, scaled: 0.4 })
    const third = {
      id: 'q',
      title: 'Q',
      steps: [1, 2, 3].map((i) => ({ id: `s${i}`, title: '', hasPrediction: false })),
    }
    expect(lessonScore(third, { s1: { shownMe: false, predictionCorrect: null } }).scaled).toBe(
      0.3333,
    )
  })
})

describe('trackRun', () => {
  it('reports a step once when it becomes done, not on every later snapshot', () => {
    const { events } = play([
      view({}),
      view({ stepDone: true }),
      view({ stepDone: true }),
      view({ stepIndex: 1 }),
    ])
    expect(events).toEqual([
      {
        kind: 'step',
        lessonId: 'tiny',
        stepIndex: 0,
        outcome: { shownMe: false, predictionCorrect: null },
        score: { raw: 1, max: 1, scaled: 1 },
      },
    ])
  })

  it('reports the lesson once every step is done in the run, with the first completion of each step counting', () => {
    const { events, run } = play([
      view({ stepIndex: 0, stepDone: true, shownMe: true }),
      view({ stepIndex: 1 }),
      view({ stepIndex: 1, stepDone: true, predictionCorrect: true }),
      view({ stepIndex: 0 }),
      // Redoing step 1 without "Show me" is reported, but the first completion keeps counting.
      view({ stepIndex: 0, stepDone: true }),
      view({ stepIndex: 2 }),
      view({ stepIndex: 2, stepDone: true, predictionCorrect: false }),
      view({ stepIndex: 2, stepDone: false }),
      view({ stepIndex: 2, stepDone: true, predictionCorrect: true }),
    ])
    expect(events.map((e) => (e.kind === 'step' ? `step ${e.stepIndex}` : 'lesson'))).toEqual([
      'step 0',
      'step 1',
      'step 0',
      'step 2',
      'lesson',
      'step 2',
    ])
    expect(events[4]).toEqual({
      kind: 'lesson',
      lessonId: 'tiny',
      score: { raw: 3, max: 5, scaled: 0.6 },
    })
    expect(run.completed).toBe(true)
  })

  it('starts a new run when the lesson changes or is closed', () => {
    const first = play([view({ stepDone: true })])
    expect(Object.keys(first.run.outcomes)).toEqual(['a'])
    const closed = play([view({ lessonId: null })], first.run)
    expect(closed.run).toEqual({ ...newRun(), stepIndex: 0 })
    // Back in the same lesson: the earlier completion no longer counts, and the step is reported again.
    const again = play([view({ stepDone: true })], closed.run)
    expect(again.events).toHaveLength(1)
  })

  it('ignores lessons and steps it cannot find', () => {
    expect(play([view({ lessonId: 'nope', stepDone: true })]).events).toEqual([])
    expect(play([view({ stepIndex: 9, stepDone: true })]).events).toEqual([])
  })
})

describe('messages and statements', () => {
  const ctx = {
    appUrl: 'https://labs.example.com/stickylab/',
    version: '0.1.0',
    now: new Date('2026-11-23T10:00:00Z'),
  }

  it('builds activity ids under the lab address', () => {
    expect(lessonActivityId(ctx.appUrl, 'cookie-demo')).toBe(
      'https://labs.example.com/stickylab/#lesson/cookie-demo',
    )
    expect(lessonActivityId(ctx.appUrl, 'cookie-demo', 2)).toBe(
      'https://labs.example.com/stickylab/#lesson/cookie-demo/step/2',
    )
  })

  it('a completed step becomes stepCompleted with a "progressed" statement', () => {
    const m = messageFor(
      {
        kind: 'step',
        lessonId: 'tiny',
        stepIndex: 1,
        outcome: { shownMe: true, predictionCorrect: true },
        score: { raw: 1, max: 2, scaled: 0.5 },
      },
      lesson,
      ctx,
    )
    expect(m).toEqual({
      type: 'stickylab:stepCompleted',
      lessonId: 'tiny',
      step: 2,
      stepId: 'b',
      shownMe: true,
      predictionCorrect: true,
      score: { raw: 1, max: 2, scaled: 0.5 },
      statement: {
        actor: { objectType: 'Agent', name: 'Stickylab learner' },
        verb: { id: XAPI_VERB_PROGRESSED, display: { 'en-US': 'progressed' } },
        object: {
          objectType: 'Activity',
          id: 'https://labs.example.com/stickylab/#lesson/tiny/step/2',
          definition: {
            name: { 'en-US': 'Tiny lesson: step 2, Second' },
            type: XAPI_ACTIVITY_LESSON,
          },
        },
        result: { completion: true, score: { raw: 1, max: 2, scaled: 0.5, min: 0 } },
        timestamp: '2026-11-23T10:00:00.000Z',
        context: { extensions: { [versionExtension(ctx.appUrl)]: '0.1.0' } },
      },
    })
  })

  it('a completed lesson becomes lessonCompleted with a "completed" statement', () => {
    const m = messageFor(
      { kind: 'lesson', lessonId: 'tiny', score: { raw: 3, max: 5, scaled: 0.6 } },
      lesson,
      ctx,
    )
    expect(m?.type).toBe('stickylab:lessonCompleted')
    if (m?.type !== 'stickylab:lessonCompleted') return
    expect(m.score).toEqual({ raw: 3, max: 5, scaled: 0.6 })
    expect(m.statement.verb.id).toBe(XAPI_VERB_COMPLETED)
    expect(m.statement.object.id).toBe('https://labs.example.com/stickylab/#lesson/tiny')
    expect(m.statement.object.definition.name['en-US']).toBe('Tiny lesson')
    expect(m.statement.result).toEqual({
      completion: true,
      score: { raw: 3, max: 5, scaled: 0.6, min: 0 },
    })
    expect(versionExtension(ctx.appUrl)).toBe(
      'https://labs.example.com/stickylab/#xapi/extensions/stickylab-version',
    )
  })
})
