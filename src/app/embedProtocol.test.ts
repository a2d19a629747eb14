// The embed protocol: origin and shape checks on commands, the score of the lesson machine's completed steps and
// lessons (the run itself: src/machines/lessonRun.test.ts), and the xAPI-shaped statements.
import { describe, expect, it } from 'vitest'
import {
  checkMessage,
  lessonActivityId,
  lessonScore,
  messageFor,
  stepScore,
  versionExtension,
  XAPI_ACTIVITY_LESSON,
  XAPI_VERB_COMPLETED,
  XAPI_VERB_PROGRESSED,
  type LessonInfo,
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
    expect(lessonScore(lesson, new Map())).toEqual({ raw: 0, max: 5, scaled: 0 })
    expect(
      lessonScore(
        lesson,
        new Map([
          ['a', { shownMe: false, predictionCorrect: null }],
          ['b', { shownMe: true, predictionCorrect: true }],
        ]),
      ),
    ).toEqual({ raw: 2, max: 5, scaled: 0.4 })
    const third = {
      id: 'q',
      title: 'Q',
      steps: [1, 2, 3].map((i) => ({ id: `s${i}`, title: '', hasPrediction: false })),
    }
    expect(
      lessonScore(third, new Map([['s1', { shownMe: false, predictionCorrect: null }]])).scaled,
    ).toBe(0.3333)
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
        type: 'lesson.stepCompleted',
        lessonId: 'tiny',
        stepIndex: 1,
        stepId: 'b',
        outcome: { shownMe: true, predictionCorrect: true },
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

  it('ignores an event about another lesson or a step the lesson does not have', () => {
    const outcome = { shownMe: false, predictionCorrect: null }
    const step = { type: 'lesson.stepCompleted' as const, stepId: 'x', outcome }
    expect(messageFor({ ...step, lessonId: 'other', stepIndex: 0 }, lesson, ctx)).toBeNull()
    expect(messageFor({ ...step, lessonId: 'tiny', stepIndex: 9 }, lesson, ctx)).toBeNull()
  })

  it('a completed lesson becomes lessonCompleted with a "completed" statement', () => {
    const m = messageFor(
      {
        type: 'lesson.completed',
        lessonId: 'tiny',
        outcomes: new Map([
          ['a', { shownMe: true, predictionCorrect: null }],
          ['b', { shownMe: false, predictionCorrect: true }],
          ['c', { shownMe: false, predictionCorrect: false }],
        ]),
      },
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
