// Deep links: ?lesson=<id>&step=<n> parsing (every invalid form gives a readable message) and building.
import { describe, expect, it } from 'vitest'
import { lessonSearch, parseLessonLink } from './deepLink'

const lessons = [
  { id: 'cookie-demo', title: 'The AWSALB demo', steps: [1, 2, 3, 4, 5, 6, 7, 8] },
  { id: 'why-stickiness', title: 'Why', steps: [1, 2, 3] },
]

describe('parseLessonLink', () => {
  it('no lesson parameter: nothing to open', () => {
    expect(parseLessonLink('', lessons)).toEqual({ kind: 'none' })
    expect(parseLessonLink('?seed=3', lessons)).toEqual({ kind: 'none' })
  })

  it('opens a lesson at step 1, or at the step given (1-based in the link, 0-based out)', () => {
    expect(parseLessonLink('?lesson=cookie-demo', lessons)).toEqual({
      kind: 'open',
      lessonId: 'cookie-demo',
      stepIndex: 0,
    })
    expect(parseLessonLink('?lesson=cookie-demo&step=5', lessons)).toEqual({
      kind: 'open',
      lessonId: 'cookie-demo',
      stepIndex: 4,
    })
    expect(parseLessonLink('lesson=why-stickiness&step=3', lessons)).toEqual({
      kind: 'open',
      lessonId: 'why-stickiness',
      stepIndex: 2,
    })
  })

  it('explains an unknown lesson', () => {
    expect(parseLessonLink('?lesson=nope', lessons)).toEqual({
      kind: 'invalid',
      message: 'There is no lesson called “nope”. Choose one from the list.',
    })
    expect(parseLessonLink('?lesson=', lessons)).toEqual({
      kind: 'invalid',
      message: 'The link names no lesson. Choose one from the list.',
    })
    const long = parseLessonLink(`?lesson=${'x'.repeat(100)}`, lessons)
    expect(long.kind === 'invalid' && long.message.includes(`“${'x'.repeat(40)}…”`)).toBe(true)
  })

  it('explains a step that is not a number or out of range', () => {
    for (const bad of ['0', '-1', '2.5', 'abc', '', ' 2']) {
      const r = parseLessonLink(`?lesson=cookie-demo&step=${encodeURIComponent(bad)}`, lessons)
      expect(r, bad).toEqual({
        kind: 'invalid',
        message: `“${bad}” is not a step number. “The AWSALB demo” has steps 1 to 8.`,
      })
    }
    expect(parseLessonLink('?lesson=cookie-demo&step=9', lessons)).toEqual({
      kind: 'invalid',
      message: '“The AWSALB demo” has 8 steps, so there is no step 9.',
    })
    expect(parseLessonLink('?step=2', lessons)).toEqual({
      kind: 'invalid',
      message: 'The link gives a step but no lesson. Choose a lesson from the list.',
    })
  })
})

describe('lessonSearch', () => {
  it('sets or removes the lesson and step, keeping other parameters', () => {
    expect(lessonSearch('', { lessonId: 'cookie-demo', stepIndex: 0 })).toBe(
      '?lesson=cookie-demo&step=1',
    )
    expect(lessonSearch('?seed=3&lesson=x&step=9', { lessonId: 'cookie-demo', stepIndex: 2 })).toBe(
      '?seed=3&lesson=cookie-demo&step=3',
    )
    expect(lessonSearch('?seed=3&lesson=x&step=9', null)).toBe('?seed=3')
    expect(lessonSearch('?lesson=x', null)).toBe('')
  })

  it('round-trips through parseLessonLink', () => {
    const search = lessonSearch('', { lessonId: 'cookie-demo', stepIndex: 6 })
    expect(parseLessonLink(search, lessons)).toEqual({
      kind: 'open',
      lessonId: 'cookie-demo',
      stepIndex: 6,
    })
  })
})
