// Checks every lesson and drill as data: schema-valid, unique ids, known scenarios and controls, and
// that together the lessons teach every seed-article claim and correct every inaccurate one.
import { describe, expect, it } from 'vitest'
import { LESSON_SOURCES, findLesson, loadCatalog } from './catalog'
import { isKnownHighlight, KNOWN_CONTROLS } from './controls'
import { DRILLS } from './drills'
import { findScenario, SCENARIOS } from './scenarios'
import { parseDrill, parseLesson, parseScenario } from './schema'
import { NEEDS_CORRECTION, SEED_CLAIMS } from './seedClaims'

const { lessons } = loadCatalog()

describe('lessons', () => {
  it('there are at least 12, and every one validates', () => {
    expect(LESSON_SOURCES.length).toBeGreaterThanOrEqual(12)
    for (const l of LESSON_SOURCES) expect(parseLesson(l), l.id).toEqual({ ok: true, value: l })
  })

  it('have unique ids, and unique step ids within each lesson', () => {
    const ids = lessons.map((l) => l.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const l of lessons)
      expect(new Set(l.steps.map((s) => s.id)).size, l.id).toBe(l.steps.length)
  })

  it('name scenarios that exist', () => {
    for (const l of lessons)
      expect(findScenario(l.scenario), `${l.id} → ${l.scenario}`).toBeDefined()
  })

  it('highlight only known controls', () => {
    for (const l of lessons) {
      for (const s of l.steps)
        for (const h of s.highlight)
          expect(isKnownHighlight(h), `${l.id}/${s.id}: “${h}”`).toBe(true)
    }
  })

  it('ask predictions with choices a learner can tell apart, and give every non-question step a way to act', () => {
    for (const l of lessons) {
      for (const s of l.steps) {
        if (s.prediction)
          expect(new Set(s.prediction.choices.map((c) => c.label)).size, `${l.id}/${s.id}`).toBe(
            s.prediction.choices.length,
          )
        const question = s.goals.every((g) => g.id === 'always')
        expect(
          question ? s.solution.length === 0 && s.prediction !== undefined : s.solution.length > 0,
          `${l.id}/${s.id}`,
        ).toBe(true)
      }
    }
  })

  it('at least a third of the steps ask for a prediction first', () => {
    const steps = lessons.flatMap((l) => l.steps)
    expect(steps.filter((s) => s.prediction).length / steps.length).toBeGreaterThan(1 / 3)
  })

  it('teach every seed-article claim, and explicitly correct every inaccurate one', () => {
    const covered = new Set(
      lessons.flatMap((l) => [
        ...l.covers,
        ...l.steps.flatMap((s) => (s.corrects ?? []).map((c) => c.claim)),
      ]),
    )
    const corrected = new Set(
      lessons.flatMap((l) => l.steps.flatMap((s) => (s.corrects ?? []).map((c) => c.claim))),
    )
    for (const c of SEED_CLAIMS) {
      expect(covered.has(c.id), `claim ${c.id} (${c.claim}) is taught by no lesson`).toBe(true)
      if (NEEDS_CORRECTION.includes(c.verdict))
        expect(corrected.has(c.id), `claim ${c.id} (${c.verdict}) is corrected by no lesson`).toBe(
          true,
        )
    }
    // Lessons cite only real claims.
    const known = new Set(SEED_CLAIMS.map((c) => c.id))
    for (const id of covered) expect(known.has(id), id).toBe(true)
  })

  it('loadCatalog leaves out an invalid lesson and explains why', () => {
    const broken = { ...LESSON_SOURCES[0]!, id: 'Broken Id', steps: [] }
    const { lessons: ok, errors } = loadCatalog([LESSON_SOURCES[0]!, broken])
    expect(ok.map((l) => l.id)).toEqual([LESSON_SOURCES[0]!.id])
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('Lesson “Broken Id” is invalid:')
    expect(errors[0]).toContain('id: use lowercase words joined by hyphens')
    expect(errors[0]).toContain('steps: Too small')
    expect(findLesson(ok, LESSON_SOURCES[0]!.id)).toBeDefined()
  })
})

describe('drills', () => {
  it('there are at least 25, valid, with unique ids', () => {
    expect(DRILLS.length).toBeGreaterThanOrEqual(25)
    for (const d of DRILLS) expect(parseDrill(d), d.id).toEqual({ ok: true, value: d })
    expect(new Set(DRILLS.map((d) => d.id)).size).toBe(DRILLS.length)
  })

  it('load scenarios that exist', () => {
    for (const d of DRILLS)
      expect(findScenario(d.scenario), `${d.id} → ${d.scenario}`).toBeDefined()
  })

  it('mix single-answer and multi-answer questions', () => {
    expect(DRILLS.some((d) => d.correct.length > 1)).toBe(true)
    expect(DRILLS.filter((d) => d.correct.length === 1).length).toBeGreaterThan(DRILLS.length / 2)
  })

  it('spread the right answers over the option letters', () => {
    const letters = new Set(DRILLS.flatMap((d) => d.correct))
    expect(letters.size).toBeGreaterThanOrEqual(3)
  })

  it('reject a multi-answer question that does not say how many to choose', () => {
    const d = { ...DRILLS[0]!, correct: ['a', 'b'] }
    const r = parseDrill(d)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toContain('(Choose two.)')
  })
})

describe('scenarios', () => {
  it('validate and have unique ids', () => {
    for (const s of SCENARIOS) expect(parseScenario(s).ok, s.id).toBe(true)
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length)
  })

  it('are all used by a lesson or a drill', () => {
    const used = new Set([...lessons.map((l) => l.scenario), ...DRILLS.map((d) => d.scenario)])
    for (const s of SCENARIOS) expect(used.has(s.id), s.id).toBe(true)
  })
})

describe('known controls', () => {
  it('are listed once each', () => {
    expect(new Set(KNOWN_CONTROLS.map((c) => c.name)).size).toBe(KNOWN_CONTROLS.length)
  })

  it('accept scoped names for instances, clients and panels only', () => {
    expect(isKnownHighlight('i-2 > Stop instance')).toBe(true)
    expect(isKnownHighlight('Client bob > Send request')).toBe(true)
    expect(isKnownHighlight('Target group settings > Apply')).toBe(true)
    expect(isKnownHighlight('Somewhere > Apply')).toBe(false)
    expect(isKnownHighlight('Launch rocket')).toBe(false)
  })
})
