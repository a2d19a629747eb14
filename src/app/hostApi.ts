// The host-page API of an embedded lab (see embedHost.ts, which loads this module only inside a frame): its
// height, ready, completed steps and lessons out; loadLesson, goToStep, reset and setTheme in.
import { version } from '../../package.json'
import { currentLesson } from '../machines/currentLesson'
import type { LessonEmitted } from '../machines/lessonRun'
import { startLesson } from '../machines/startLesson'
import { useUiStore } from '../store/uiStore'
import type { AppActor } from './createApp'
import type { AppLessonActor } from './createLessonActor'
import type { EmbedOptions } from './embedOptions'
import { addCommand, commandsOf, noPending } from './embedQueue'
import {
  checkMessage,
  EMBED_API_VERSION,
  messageFor,
  type EmbedCommand,
  type LessonInfo,
  type OutMessage,
} from './embedProtocol'

function lessonInfo(lessonActor: AppLessonActor, id: string): LessonInfo | null {
  const lesson = lessonActor.getSnapshot().context.lessons.find((l) => l.id === id)
  if (lesson === undefined) return null
  return {
    id: lesson.id,
    title: lesson.title,
    steps: lesson.steps.map((s) => ({
      id: s.id,
      title: s.title,
      hasPrediction: s.prediction !== undefined,
    })),
  }
}

/** The lab's address without query or fragment: the base of the xAPI activity ids. */
function appUrl(): string {
  return `${window.location.origin}${window.location.pathname}`
}

export function startHostApi(
  labActor: AppActor,
  lessonActor: AppLessonActor,
  options: EmbedOptions,
  host: string,
  /** Messages received before this module loaded, handled first. */
  early: readonly MessageEvent[] = [],
): void {
  // Everything here lives as long as the page, like the actors it talks to.
  const post = (message: OutMessage) => window.parent.postMessage(message, host)

  // ─── Commands in ───
  const perform = (command: EmbedCommand) => {
    switch (command.command) {
      case 'loadLesson': {
        // Loading a lesson, even the one already open, starts a new run: its score starts again.
        const step = (command.step ?? 1) - 1
        if (startLesson(lessonActor, labActor, command.lessonId, step, { newRun: true })) return
        console.warn(
          `Stickylab: loadLesson: there is no lesson "${command.lessonId}"${command.step === undefined ? '' : ` with a step ${command.step}`}.`,
        )
        return
      }
      case 'goToStep': {
        const context = lessonActor.getSnapshot().context
        const lesson = currentLesson(context)
        if (lesson === null)
          console.warn('Stickylab: goToStep needs an open lesson; send loadLesson first.')
        else if (command.step > lesson.steps.length)
          console.warn(
            `Stickylab: goToStep: "${lesson.id}" has ${lesson.steps.length} steps, so there is no step ${command.step}.`,
          )
        else lessonActor.send({ type: 'lesson.goTo', step: command.step - 1 })
        return
      }
      case 'reset':
        // Back to the start: the lesson catalog and a fresh lab, clock as the embed options say.
        lessonActor.send({ type: 'lesson.exit' })
        labActor.send({ type: 'sim.reset' })
        if (!options.autoplay) labActor.send({ type: 'sim.pause' })
        return
      case 'setTheme':
        useUiStore.getState().setTheme(command.theme)
        return
    }
  }
  // Commands are folded into one pending record (O(1) per message) and applied once per task, so a flood of
  // messages costs a few actions, not one lab reset each (embedQueue.ts, docs/embedding.md).
  let pending = noPending()
  let flushTimer: ReturnType<typeof setTimeout> | null = null
  const flush = () => {
    flushTimer = null
    const commands = commandsOf(pending)
    pending = noPending()
    for (const c of commands) perform(c)
  }
  const onMessage = (event: MessageEvent) => {
    const verdict = checkMessage(event.origin, event.data, host)
    if (verdict.kind === 'command') {
      addCommand(pending, verdict.command)
      flushTimer ??= setTimeout(flush, 0)
    } else if (verdict.warning !== null) console.warn(verdict.warning)
  }
  window.addEventListener('message', onMessage)

  // ─── Height out: measured once per animation frame at most, sent only when it changes ───
  let frame = 0
  let sentHeight = -1
  const measure = () => {
    frame = 0
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height)
    if (height === sentHeight) return
    sentHeight = height
    post({ type: 'stickylab:resize', height })
  }
  const resizes = new ResizeObserver(() => {
    if (frame === 0) frame = requestAnimationFrame(measure)
  })
  resizes.observe(document.documentElement)

  // ─── Lesson progress out ───
  // Built once per lesson.
  const infos = new Map<string, LessonInfo | null>()
  const find = (id: string) => {
    if (!infos.has(id)) infos.set(id, lessonInfo(lessonActor, id))
    return infos.get(id) ?? null
  }
  // The lesson machine emits each completed step and lesson of the run (src/machines/lessonRun.ts).
  const forward = (event: LessonEmitted) => {
    const lesson = find(event.lessonId)
    const message =
      lesson && messageFor(event, lesson, { appUrl: appUrl(), version, now: new Date() })
    if (message) post(message)
  }
  lessonActor.on('lesson.stepCompleted', forward)
  lessonActor.on('lesson.completed', forward)

  for (const event of early) onMessage(event)

  post({
    type: 'stickylab:ready',
    apiVersion: EMBED_API_VERSION,
    version,
    lessons: lessonActor.getSnapshot().context.lessons.map((l) => l.id),
  })
}
