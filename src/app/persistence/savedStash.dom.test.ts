// The saved stash (stickylab.stash.v1) and the learner's own lab (stickylab.lab.v1) across a reload: written while a
// lesson or drill has the stage, read back byte for byte into a new page; every damaged, cut, foreign, newer or
// hostile record is refused with a sentence (never thrown, never a blank page) and the own lab still comes back; a
// storage that refuses writes is reported and the stash keeps working in memory.
import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DRILLS } from '../../lessons/drills'
import { buildScenarioLab, findScenario } from '../../lessons/scenarios'
import { startLessonActor } from '../../machines/appMachine'
import { lessonMachine } from '../../machines/lessonMachine'
import { replayOf } from '../../machines/replayFile'
import { backToYourLab, openDrillLab, openLesson, useStashStore } from '../../store/labStash'
import { appCatalog } from '../../ui/lessons/appCatalog'
import { createApp } from '../createApp'
import { startLabPersistence } from './labPersistence'
import { SAVE_INTERVAL_MS } from './savedStorage'
import { readSavedStash, STASH_KEY } from './savedStash'
import { backupKeyOf, LAB_KEY } from './savedStorage'
import { stashCatalog } from './stashPersistence'

const lessons = appCatalog.lessons

class MemoryStorage implements Storage {
  items = new Map<string, string>()
  refuse: ((key: string) => boolean) | null = null
  get length() {
    return this.items.size
  }
  clear() {
    this.items.clear()
  }
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
  setItem(key: string, value: string) {
    if (this.refuse?.(key))
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    this.items.set(key, value)
  }
}

/** A page: the lab and lesson actors wired together, with persistence started on `storage`. */
function page(storage: Storage, search = '') {
  const labActor = createApp()
  const lessonActor = startLessonActor(labActor, lessonMachine, { lessons })
  const stop = startLabPersistence(labActor, {
    storage,
    keepsLab: true,
    keepsPrefs: false,
    prefsRaw: null,
    lessonLinked: new URLSearchParams(search).has('lesson'),
    lessonActor: Promise.resolve(lessonActor),
  })
  return { labActor, lessonActor, stop }
}

const world = (p: { labActor: ReturnType<typeof createApp> }) =>
  JSON.stringify(p.labActor.getSnapshot().context.lab.snapshot())

function ownLab(p: ReturnType<typeof page>) {
  const call = (method: string, ...args: unknown[]) =>
    p.labActor.send({ type: 'lab.call', method, args } as never)
  p.labActor.send({ type: 'sim.pause' })
  call('addClient', 'bob')
  call('modifyTargetGroupAttributes', 'web', { 'stickiness.enabled': 'true' })
  call('request', 'bob')
  p.labActor.send({ type: 'sim.advance', seconds: 9.5 })
  call('request', 'alice')
}

/** Lets the deferred writes (setTimeout 0) and the lesson actor's promise run. */
async function settle(ms = 10) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms)
  })
}

// React renders the saved-data banner; act() lets it finish before the text is read.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

beforeEach(() => {
  vi.useFakeTimers()
  useStashStore.setState({ stash: null, resume: null, pending: null })
  document.body.innerHTML = ''
})
afterEach(() => vi.useRealTimers())

describe('the stash across a reload', () => {
  it('keeps the lesson’s lab and the stashed own lab; Back then restores the own lab byte for byte', async () => {
    const storage = new MemoryStorage()
    const first = page(storage)
    await settle()
    ownLab(first)
    const own = world(first)
    const lesson = lessons[1]!
    openLesson(first.lessonActor, first.labActor, lesson.id, 1)
    first.labActor.send({ type: 'sim.advance', seconds: 3 })
    first.labActor.send({ type: 'sim.pause' })
    const lessonWorld = world(first)
    await settle(SAVE_INTERVAL_MS + 10)
    expect(JSON.parse(storage.getItem(STASH_KEY)!)).toMatchObject({ away: { step: 1 } })
    // Moving between steps changes no lab; the record follows the step at once all the same.
    first.lessonActor.send({ type: 'lesson.goTo', step: 2 })
    await settle()
    expect(JSON.parse(storage.getItem(STASH_KEY)!)).toMatchObject({ away: { step: 2 } })
    first.lessonActor.send({ type: 'lesson.goTo', step: 1 })
    await settle()
    first.stop()
    // The own lab is in its usual key; the record holds the lesson's lab.
    expect(JSON.parse(storage.getItem(LAB_KEY)!)).toMatchObject({ format: 'stickylab-replay' })
    expect(JSON.parse(storage.getItem(STASH_KEY)!)).toMatchObject({
      version: 1,
      ownPlaying: false,
      away: { kind: 'lesson', lessonId: lesson.id, step: 1 },
    })

    useStashStore.setState({ stash: null, resume: null, pending: null })
    const second = page(storage, `?lesson=${lesson.id}&step=2`)
    // The lesson link opens its lesson (LessonPanel does this on mount), in either order with the saved data.
    openLesson(second.lessonActor, second.labActor, lesson.id, 1)
    await settle()
    expect(world(second)).toBe(lessonWorld)
    expect(second.lessonActor.getSnapshot().context).toMatchObject({
      lessonId: lesson.id,
      stepIndex: 1,
    })
    backToYourLab(second.labActor, second.lessonActor)
    expect(world(second)).toBe(own)
    expect(second.labActor.getSnapshot().hasTag('playing')).toBe(false)
    await settle()
    // Coming back clears the away lab and keeps the lesson to resume.
    expect(JSON.parse(storage.getItem(STASH_KEY)!)).toMatchObject({
      away: null,
      resume: { lessonId: lesson.id, step: 1 },
    })
    second.stop()
  })

  it('reopens a drill’s scenario after a reload without a link, over the stashed own lab', async () => {
    const storage = new MemoryStorage()
    const first = page(storage)
    await settle()
    ownLab(first)
    const own = world(first)
    const drill = DRILLS[4]!
    const scenario = findScenario(drill.scenario)!
    openDrillLab(
      first.labActor,
      { kind: 'drill', drillId: drill.id, index: 4, title: scenario.title },
      buildScenarioLab(scenario, first.labActor.getSnapshot().context.makeLab),
    )
    const drillWorld = world(first)
    await settle()
    first.stop()

    useStashStore.setState({ stash: null, resume: null, pending: null })
    const second = page(storage)
    await settle()
    expect(world(second)).toBe(drillWorld)
    expect(useStashStore.getState().stash?.away).toEqual({
      kind: 'drill',
      drillId: drill.id,
      index: 4,
      title: scenario.title,
    })
    backToYourLab(second.labActor, second.lessonActor)
    expect(world(second)).toBe(own)
    second.stop()
  })

  it('a damaged record is backed up and explained in the banner; the own lab is restored and nothing throws', async () => {
    const storage = new MemoryStorage()
    const first = page(storage)
    await settle()
    ownLab(first)
    const own = world(first)
    first.stop()
    const damaged = '{"version":1,"ownPlaying":true,"away":{"kind":"lesson","lessonId":"x"'
    storage.setItem(STASH_KEY, damaged)
    const second = page(storage)
    await settle()
    expect(world(second)).toBe(own)
    expect(useStashStore.getState().stash).toBeNull()
    expect(storage.getItem(backupKeyOf(STASH_KEY))).toBe(damaged)
    expect(document.body.textContent).toMatch(
      /lesson or exam drill you had open over your own lab could not be restored \(your own lab is back\)\. The saved record is not valid JSON/,
    )
    second.stop()
  })

  it('a storage that refuses writes is reported once; the stash still brings the lab back', async () => {
    const storage = new MemoryStorage()
    const p = page(storage)
    await settle()
    ownLab(p)
    const own = world(p)
    storage.refuse = (key) => key === STASH_KEY
    openLesson(p.lessonActor, p.labActor, lessons[0]!.id)
    await settle()
    expect(document.body.textContent).toMatch(
      /Your work could not be saved in this browser\. The browser refused to store it \(.*quota has been exceeded/,
    )
    backToYourLab(p.labActor, p.lessonActor)
    expect(world(p)).toBe(own)
    p.stop()
  })
})

describe('the own lab with nothing stashed', () => {
  it('is still written within the save interval after its first change following a reload', async () => {
    const storage = new MemoryStorage()
    const first = page(storage)
    await settle()
    ownLab(first)
    first.stop()
    const second = page(storage)
    await settle()
    second.labActor.send({ type: 'lab.call', method: 'addClient', args: ['dave'] } as never)
    await settle(SAVE_INTERVAL_MS + 10)
    expect(storage.getItem(LAB_KEY)).toContain('dave')
    second.stop()
  })
})

describe('readSavedStash', () => {
  function validRecord(): string {
    const lab = buildScenarioLab(findScenario(lessons[1]!.scenario)!)
    lab.advance(2)
    const made = replayOf(lab)
    if (!made.ok) throw new Error(made.message)
    return JSON.stringify({
      version: 1,
      ownPlaying: true,
      away: { kind: 'lesson', lessonId: lessons[1]!.id, step: 1, playing: false, lab: made.replay },
      resume: null,
    })
  }

  it('reads back a record it wrote, its lab rebuilt byte for byte', () => {
    const raw = validRecord()
    const read = readSavedStash(raw, stashCatalog)
    expect(read.status).toBe('ok')
    if (read.status !== 'ok' || read.value.away === null) throw new Error('not read')
    const lab = buildScenarioLab(findScenario(lessons[1]!.scenario)!)
    lab.advance(2)
    expect(JSON.stringify(read.value.away.lab.snapshot())).toBe(JSON.stringify(lab.snapshot()))
  })

  it('refuses every cut of a valid record with a sentence, never throwing', () => {
    const raw = validRecord()
    for (let end = 0; end < raw.length; end += Math.max(1, Math.floor(raw.length / 200))) {
      const read = readSavedStash(raw.slice(0, end), stashCatalog)
      expect(read.status).toBe('bad')
      if (read.status === 'bad')
        expect(read.problem).toMatch(
          /^The lesson or exam drill you had open over your own lab could not be restored/,
        )
    }
  })

  const valid = JSON.parse(validRecord()) as Record<string, unknown>
  const away = valid.away as Record<string, unknown>
  const HOSTILE: [string, unknown, RegExp][] = [
    ['newer', { ...valid, version: 2 }, /written by a newer Stickylab/],
    ['foreign', { ...valid, version: 'x' }, /something other than this Stickylab/],
    ['an array', [valid], /expected shape/],
    ['null', null, /expected shape/],
    [
      'an unknown lesson',
      { ...valid, away: { ...away, lessonId: '__proto__' } },
      /lesson step this Stickylab does not have/,
    ],
    [
      'a step past the end',
      { ...valid, away: { ...away, step: 999 } },
      /lesson step this Stickylab does not have/,
    ],
    ['a fractional step', { ...valid, away: { ...away, step: 0.5 } }, /field "away.step"/],
    [
      'an unknown drill',
      { ...valid, away: { kind: 'drill', drillId: 'constructor', playing: true, lab: away.lab } },
      /drill this Stickylab does not have/,
    ],
    ['an unknown kind', { ...valid, away: { ...away, kind: 'quiz' } }, /expected shape/],
    [
      'a long id',
      { ...valid, resume: { lessonId: 'x'.repeat(10_000), step: 0 } },
      /field "resume.lessonId"/,
    ],
    [
      'a bad resume step',
      { ...valid, resume: { lessonId: lessons[0]!.id, step: 500 } },
      /lesson step this Stickylab does not have/,
    ],
    [
      'a lab that is not a replay',
      { ...valid, away: { ...away, lab: { format: 'stickylab-world' } } },
      /world snapshot, not a replay/,
    ],
    [
      'a lab with an unknown call',
      {
        ...valid,
        away: {
          ...away,
          lab: { ...(away.lab as object), log: [{ at: 0, call: 'eval', args: [] }] },
        },
      },
      /could not be restored/,
    ],
  ]
  it.each(HOSTILE)('refuses a record with %s', (_, record, message) => {
    const read = readSavedStash(JSON.stringify(record), stashCatalog)
    expect(read.status).toBe('bad')
    if (read.status === 'bad') expect(read.problem).toMatch(message)
  })

  it('refuses an oversized record before parsing it', () => {
    const read = readSavedStash(' '.repeat(6 * 1024 * 1024), stashCatalog)
    expect(read).toMatchObject({
      status: 'bad',
      problem: expect.stringMatching(/characters long, more than Stickylab writes/),
    })
  })
})
