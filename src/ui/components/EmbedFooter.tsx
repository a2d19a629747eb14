// The one line an embedded lab (?embed=1) keeps from the page chrome: a link that opens the same lesson in the
// full lab in a new tab, and the keyboard shortcuts (their dialog also owns the shortcut keys).
import { useSelector } from '@xstate/react'
import { fullLabUrl } from '../../view/embedSnippet'
import { useLessonActor } from '../hooks/lessonActorContext'
import { ShortcutsDialog } from './ShortcutsDialog'
import './EmbedFooter.css'

export function EmbedFooter() {
  const lessonActor = useLessonActor()
  const lessonId = useSelector(lessonActor, (s) => s.context.lessonId)
  const stepIndex = useSelector(lessonActor, (s) => s.context.stepIndex)
  const href = fullLabUrl(
    `${window.location.origin}${window.location.pathname}`,
    lessonId === null ? null : { id: lessonId, step: stepIndex + 1 },
  )
  return (
    <footer className="embed-footer">
      <ShortcutsDialog />
      <a href={href} target="_blank" rel="noopener">
        Open in Stickylab<span className="visually-hidden"> (opens a new tab)</span>
        <span aria-hidden="true">&nbsp;↗</span>
      </a>
    </footer>
  )
}
