// A lesson embedded with its derived panels never points at a control the frame lacks: for every lesson and every
// step, each "Go to" highlight and each "Show me" call is served by a slot the derived preset shows.
import { describe, expect, it } from 'vitest'
import { LESSON_SOURCES, loadCatalog } from '../lessons/catalog'
import type { Lesson } from '../lessons/schema'
import {
  LESSON_BASE_SLOTS,
  lessonSlots,
  METHOD_SLOTS,
  slotsForHighlight,
  withLessonSlots,
} from './lessonPanels'
import { SLOT_NAMES } from './slotNames'

const lessons = loadCatalog().lessons

describe('derived lesson panels', () => {
  it('covers every lesson in the catalog', () => {
    expect(lessons).toHaveLength(LESSON_SOURCES.length)
  })

  for (const lesson of lessons) {
    describe(lesson.id, () => {
      const preset = lessonSlots(lesson)

      it('holds the picture, the clock and the lesson, in page order', () => {
        for (const s of LESSON_BASE_SLOTS) expect(preset).toContain(s)
        expect(preset).toEqual(SLOT_NAMES.filter((s) => preset.includes(s)))
      })

      it('shows every control a step points at', () => {
        for (const step of lesson.steps)
          for (const h of step.highlight) {
            const needs = slotsForHighlight(h)
            expect(needs, `${step.id}: "${h}" names no known control`).not.toBeNull()
            for (const s of needs!) expect(preset, `${step.id}: "${h}" needs ${s}`).toContain(s)
          }
      })

      it('shows the controls each "Show me" call stands for', () => {
        for (const step of lesson.steps)
          for (const e of step.solution) {
            if (e.type !== 'lab.call') continue
            const needs = METHOD_SLOTS[e.method]
            expect(needs, `${step.id}: ${e.method} has no entry in METHOD_SLOTS`).toBeDefined()
            for (const s of needs!) expect(preset, `${step.id}: ${e.method} needs ${s}`).toContain(s)
          }
      })
    })
  }

  it('gives the failing-instance lesson its Instances panel (the embed that could not be completed)', () => {
    const lesson = lessons.find((l) => l.id === 'instance-failure')!
    expect(lessonSlots(lesson)).toContain('instances')
  })

  it('names slots precisely: the stage for a browser’s own buttons, the panel for the rest', () => {
    expect(slotsForHighlight('Client alice > Send request')).toEqual(['topology'])
    expect(slotsForHighlight('Send request')).toEqual(['topology'])
    expect(slotsForHighlight('Client alice > Cookies enabled')).toEqual(['clients'])
    expect(slotsForHighlight('i-1 > Stop instance')).toEqual(['instances'])
    expect(slotsForHighlight('i-2')).toEqual(['instances'])
    expect(slotsForHighlight('Target group settings > Apply')).toEqual(['tg', 'tg'])
    expect(slotsForHighlight('Listener protocol > HTTP')).toEqual(['listener', 'listener'])
    expect(slotsForHighlight('Delete AWSALB')).toEqual(['cookies'])
    expect(slotsForHighlight('No such control')).toBeNull()
    expect(slotsForHighlight('Nowhere > Apply')).toBeNull()
  })

  it('adds what a lesson needs to the panels an author chose, and leaves "every panel" alone', () => {
    const lesson = lessons.find((l) => l.id === 'instance-failure')!
    const chosen = withLessonSlots(['topology', 'time', 'learn', 'clients'], lesson)!
    expect(chosen).toEqual(expect.arrayContaining(['topology', 'time', 'learn', 'clients', 'instances']))
    expect(withLessonSlots(null, lesson)).toBeNull()
    expect(withLessonSlots(['cookies'], null)).toEqual(['cookies'])
  })

  it('a lesson whose steps point nowhere still gets the base slots', () => {
    const bare = { ...lessons[0]!, steps: lessons[0]!.steps.map((s) => ({ ...s, highlight: [], solution: [] })) }
    expect(lessonSlots(bare as Lesson)).toEqual(['topology', 'time', 'learn'])
  })
})
