// Lesson progress (stickylab.progress.v1) belongs to the lesson actor: persistence reads what today's build wrote
// and hands it to the actor after the first paint, writes it back when a step is completed or a drill answered, and
// explains a damaged record (backed up, never thrown); in embed mode it is kept too.
import { act } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PROGRESS_KEY, type Progress } from '../../lessons/progress'
import { startAppSystem, startLessonActor } from '../../machines/appMachine'
import { lessonMachine } from '../../machines/lessonMachine'
import { startLesson } from '../../machines/startLesson'
import { appCatalog } from '../../ui/lessons/appCatalog'
import { createDefaultLab } from '../createApp'
import { startLabPersistence } from './labPersistence'
import { backupKeyOf } from './savedStorage'

/** A record exactly as today's build writes it (progressStore's JSON.stringify of the Progress). */
const SAVED: Progress = {
  version: 1,
  lessons: { 'why-stickiness': { completedSteps: ['spread'], completed: false } },
  drills: { 'd1-duration-bounds': { correct: true } },
}

function page(storage: Storage, keeps = false) {
  const labActor = startAppSystem({ seed: 1, makeLab: createDefaultLab })
  labActor.send({ type: 'sim.pause' })
  const lessonActor = startLessonActor(labActor, lessonMachine, { lessons: appCatalog.lessons })
  const stop = startLabPersistence(labActor, {
    storage,
    keepsLab: keeps,
    keepsPrefs: keeps,
    prefsRaw: null,
    lessonActor: Promise.resolve(lessonActor),
  })
  return { labActor, lessonActor, stop }
}

// React renders the saved-data banner; act() lets it finish before the text is read.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

/** Lets the lesson actor's promise and the banner's render run. */
const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)))

afterEach(() => {
  localStorage.clear()
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

describe('saved lesson progress', () => {
  it('restores the record today’s build wrote into the lesson actor, and writes completions back', async () => {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(SAVED))
    const p = page(localStorage)
    await settle()
    expect(p.lessonActor.getSnapshot().context.progress).toEqual(SAVED)
    // Restoring writes nothing: the record stays byte for byte until something changes.
    expect(localStorage.getItem(PROGRESS_KEY)).toBe(JSON.stringify(SAVED))

    p.lessonActor.send({ type: 'drill.answer', drillId: 'd2-app-cookie', correct: false })
    const lesson = appCatalog.lessons[0]!
    startLesson(p.lessonActor, p.labActor, lesson.id, 0)
    p.lessonActor.send({
      type: 'lesson.predict',
      choice: lesson.steps[0]!.prediction?.choices[0]?.value ?? '',
    })
    p.lessonActor.send({ type: 'lesson.showMe' })
    p.labActor.send({ type: 'sim.advance', seconds: 5 })
    expect(p.lessonActor.getSnapshot().hasTag('stepDone')).toBe(true)
    const written = JSON.parse(localStorage.getItem(PROGRESS_KEY)!) as Progress
    expect(written.drills).toEqual({ ...SAVED.drills, 'd2-app-cookie': { correct: false } })
    expect(written.lessons[lesson.id]?.completedSteps).toContain(lesson.steps[0]!.id)
    p.stop()
  })

  it('keeps progress in embed mode too (the lab and the preferences are not kept there)', async () => {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(SAVED))
    const p = page(localStorage, false)
    await settle()
    expect(p.lessonActor.getSnapshot().context.progress.drills).toEqual(SAVED.drills)
    p.stop()
  })

  it('backs up a damaged record, explains it, and starts with empty progress', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    localStorage.setItem(PROGRESS_KEY, '{"version":1,"lessons":"oops"')
    const p = page(localStorage, true)
    await settle()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`${PROGRESS_KEY} is not valid JSON`))
    expect(localStorage.getItem(backupKeyOf(PROGRESS_KEY))).toBe('{"version":1,"lessons":"oops"')
    expect(p.lessonActor.getSnapshot().context.progress).toEqual({
      version: 1,
      lessons: {},
      drills: {},
    })
    expect(document.body.textContent).toContain('Your saved lesson progress could not be read')
    p.stop()
  })
})
