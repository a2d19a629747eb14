// Keeps the stash across a reload (docs/persistence.md, "While a lesson or drill is open"). The learner's own lab
// stays in stickylab.lab.v1 (labPersistence.ts writes the stashed lab there, not the lesson's); stickylab.stash.v1
// holds what is open over it (savedStash.ts). At startup this decides which lab is shown and what is stashed:
// - a lesson link (?lesson=): the link's lesson is shown; the saved own lab is stashed for "Back to your lab", and
//   if the record holds that lesson at that step, its lab is adopted once the lesson opens;
// - no link, a record with a lesson or drill: it is opened again over the stashed own lab;
// - otherwise the saved own lab is loaded, as before stashes existed.
import { DRILLS } from '../../lessons/drills'
import { replayOf, type Replay } from '../../machines/replayFile'
import type { LessonActor } from '../../machines/lessonMachine'
import type { Lab } from '../../sim'
import {
  adoptPendingLessonLab,
  liveLab,
  openLesson,
  useStashStore,
  type Away,
} from '../../store/labStash'
import { findScenario } from '../../lessons/scenarios'
import { appCatalog } from '../../ui/lessons/appCatalog'
import { readSavedStash, STASH_KEY, type StashCatalog, type StashRecord } from './savedStash'
import { readStorage } from './savedStorage'
import type { SavedProblem } from './savedStorage'
import type { AppActor } from '../createApp'

export const stashCatalog: StashCatalog = {
  lessonSteps: (id) => appCatalog.lessons.find((l) => l.id === id)?.steps.length ?? null,
  hasDrill: (id) => DRILLS.some((d) => d.id === id),
}

export interface StashRestore {
  storage: Storage
  /** The learner's own lab read from stickylab.lab.v1, or null (absent or unreadable). */
  own: Lab | null
  /** The address opens a lesson (?lesson=): the link decides what is shown. */
  lessonLinked: boolean
  lessonActor: Promise<LessonActor> | null
}

/** Restores the own lab and the stash; returns the problem with the record, if any, for the saved-data banner. */
export function restoreStash(actor: AppActor, options: StashRestore): SavedProblem | null {
  const { own, lessonLinked, lessonActor } = options
  const raw = readStorage(options.storage, STASH_KEY)
  const read = readSavedStash(raw, stashCatalog)
  const problem =
    read.status === 'bad' && raw !== null ? { key: STASH_KEY, raw, message: read.problem } : null
  const record = read.status === 'ok' ? read.value : null
  if (record?.resume) useStashStore.setState({ resume: record.resume })
  const ownPlaying = record?.ownPlaying ?? true

  if (lessonLinked) {
    // The link's lesson may already be open over the default lab (stashed then): the saved own lab replaces that.
    const { stash } = useStashStore.getState()
    if (own !== null)
      useStashStore.setState({
        stash: { lab: own, playing: ownPlaying, away: stash?.away ?? null },
      })
    if (record?.away?.kind === 'lesson') {
      const { lessonId, step, lab, playing } = record.away
      useStashStore.setState({ pending: { lessonId, step, lab, playing } })
      void lessonActor?.then((la) => adoptPendingLessonLab(la, actor))
    }
    return problem
  }
  const away = record?.away ?? null
  if (away === null) {
    if (own !== null) actor.send({ type: 'sim.load', lab: own })
    return problem
  }
  const stashed = own ?? liveLab(actor)
  if (away.kind === 'drill') {
    const index = DRILLS.findIndex((d) => d.id === away.drillId)
    const drill = DRILLS[index]!
    const title = findScenario(drill.scenario)?.title ?? `question ${index + 1}`
    useStashStore.setState({
      stash: {
        lab: stashed,
        playing: ownPlaying,
        away: { kind: 'drill', drillId: drill.id, index, title },
      },
    })
    actor.send({ type: 'sim.load', lab: away.lab })
    actor.send({ type: away.playing ? 'sim.play' : 'sim.pause' })
    return problem
  }
  useStashStore.setState({
    stash: { lab: stashed, playing: ownPlaying, away: { kind: 'lesson', lessonId: away.lessonId } },
    pending: { lessonId: away.lessonId, step: away.step, lab: away.lab, playing: away.playing },
  })
  // Until the lessons have loaded, the lesson's lab is shown (the lesson opens over it a moment later).
  actor.send({ type: 'sim.load', lab: away.lab })
  actor.send({ type: away.playing ? 'sim.play' : 'sim.pause' })
  void lessonActor?.then((la) => {
    if (useStashStore.getState().pending !== null) openLesson(la, actor, away.lessonId, away.step)
  })
  return problem
}

/**
 * The record's text for the stash now, or null when there is nothing to keep (no stash, no lesson to resume).
 * `current` is the lab on the stage; `playing` whether its clock runs. Null too if the stage's lab cannot be
 * replayed (its recording overflowed): the last record that could be stays, as for the own lab.
 */
export function stashRecordText(
  current: Lab,
  playing: boolean,
  lessonStep: number | null,
): string | null | undefined {
  const { stash, resume } = useStashStore.getState()
  if (stash === null && resume === null) return null
  let away: StashRecord['away'] = null
  if (stash?.away) {
    const made = replayOf(current)
    if (!made.ok) return undefined
    away = awayRecord(stash.away, made.replay, playing, lessonStep)
  }
  const record: StashRecord = { version: 1, ownPlaying: stash?.playing ?? true, away, resume }
  return JSON.stringify(record)
}

function awayRecord(
  away: Away,
  lab: Replay,
  playing: boolean,
  lessonStep: number | null,
): StashRecord['away'] {
  if (away.kind === 'drill') return { kind: 'drill', drillId: away.drillId, playing, lab }
  // A lesson that is not (or no longer) open at a step keeps no away lab: only its own lab matters then.
  if (lessonStep === null) return null
  return { kind: 'lesson', lessonId: away.lessonId, step: lessonStep, playing, lab }
}
