// The embed mode the page renders with. When `panels=` picks some panels, every panel the open lesson needs is
// added to them (src/view/lessonPanels.ts), whichever lesson the link, the learner or the host page opens: a
// lesson in a frame can never point at a control the frame lacks. The lessons load after the first paint, so
// until then the chosen panels are shown as they are.
import { useEffect, useState, type ReactNode } from 'react'
import type { LessonActor } from '../machines/lessonMachine'
import { EmbedContext, type EmbedMode } from '../ui/hooks/embedContext'

function samePanels(a: EmbedMode['panels'], b: EmbedMode['panels']): boolean {
  return a === b || (a !== null && b !== null && a.join() === b.join())
}

export function EmbedModeProvider({
  mode,
  lessons,
  children,
}: {
  mode: EmbedMode
  lessons: Promise<LessonActor>
  children: ReactNode
}) {
  const [value, setValue] = useState(mode)
  useEffect(() => {
    if (mode.panels === null) return
    let stop = () => {}
    let live = true
    void Promise.all([
      lessons,
      import('../machines/currentLesson'),
      import('../view/lessonPanels'),
    ]).then(([actor, machine, derive]) => {
      if (!live) return
      const follow = () => {
        const panels = derive.withLessonSlots(
          mode.panels,
          machine.currentLesson(actor.getSnapshot().context),
        )
        setValue((v) => (samePanels(v.panels, panels) ? v : { ...mode, panels }))
      }
      follow()
      stop = actor.subscribe(follow).unsubscribe
    })
    return () => {
      live = false
      stop()
    }
  }, [mode, lessons])
  return <EmbedContext.Provider value={value}>{children}</EmbedContext.Provider>
}
