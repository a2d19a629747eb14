// Host-page commands are coalesced (issue 16, finding 9): a flood of messages from the allowed host used to run one
// lab reset (and a React update) per message, and slowed down more than linearly. Each message now only updates a
// small pending record in constant time; the record is applied once per task (at most a handful of actions however
// many messages arrived), with the same end state as applying every command in order. docs/embedding.md.
import type { EmbedCommand } from './embedProtocol'

type LessonCommand = Extract<EmbedCommand, { command: 'loadLesson' | 'goToStep' }>

/** What is left to do after the messages received so far. */
export interface PendingCommands {
  reset: boolean
  /** The lesson to load (or null) and the step to go to after it (or null). */
  lesson: { load: Extract<LessonCommand, { command: 'loadLesson' }> | null; goTo: Extract<LessonCommand, { command: 'goToStep' }> | null } | null
  theme: Extract<EmbedCommand, { command: 'setTheme' }> | null
  /** How many messages were folded into this record. */
  received: number
}

export const noPending = (): PendingCommands => ({ reset: false, lesson: null, theme: null, received: 0 })

/** Folds one command into the record: O(1), whatever came before. */
export function addCommand(p: PendingCommands, c: EmbedCommand): void {
  p.received++
  switch (c.command) {
    case 'reset':
      // A reset leaves the lesson, so lesson commands before it have no effect on the end state.
      p.reset = true
      p.lesson = null
      return
    case 'loadLesson':
      p.lesson = { load: c, goTo: null }
      return
    case 'goToStep':
      p.lesson = { load: p.lesson?.load ?? null, goTo: c }
      return
    case 'setTheme':
      p.theme = c
      return
  }
}

/** The commands to perform, in order: at most four, the same end state as every command received. */
export function commandsOf(p: PendingCommands): EmbedCommand[] {
  const out: EmbedCommand[] = []
  if (p.reset) out.push({ type: 'stickylab:command', command: 'reset' })
  if (p.lesson?.load) out.push(p.lesson.load)
  if (p.lesson?.goTo) out.push(p.lesson.goTo)
  if (p.theme) out.push(p.theme)
  return out
}
