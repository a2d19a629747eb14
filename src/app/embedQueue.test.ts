// Embed floods (issue 16, finding 9): however many host commands arrive, what is performed is at most four
// commands with the same end state as performing each one in order.
import { describe, expect, it } from 'vitest'
import type { EmbedCommand } from './embedProtocol'
import { addCommand, commandsOf, noPending } from './embedQueue'

const reset: EmbedCommand = { type: 'stickylab:command', command: 'reset' }
const load = (lessonId: string): EmbedCommand => ({ type: 'stickylab:command', command: 'loadLesson', lessonId })
const goTo = (step: number): EmbedCommand => ({ type: 'stickylab:command', command: 'goToStep', step })
const theme = (t: 'light' | 'dark'): EmbedCommand => ({ type: 'stickylab:command', command: 'setTheme', theme: t })

describe('coalescing host commands', () => {
  it('10,000 resets become one reset', () => {
    const p = noPending()
    for (let i = 0; i < 10_000; i++) addCommand(p, reset)
    expect(commandsOf(p)).toEqual([reset])
    expect(p.received).toBe(10_000)
  })

  it('keeps order where it matters: lesson commands before a reset are dropped, after it kept', () => {
    const p = noPending()
    for (const c of [load('a'), goTo(3), theme('dark'), reset, load('b'), goTo(2), theme('light'), goTo(4)]) addCommand(p, c)
    expect(commandsOf(p)).toEqual([reset, load('b'), goTo(4), theme('light')])
  })

  it('a goToStep with no loadLesson in the batch applies to the open lesson', () => {
    const p = noPending()
    addCommand(p, goTo(2))
    expect(commandsOf(p)).toEqual([goTo(2)])
  })
})
