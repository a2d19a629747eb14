// "Back to your lab": shown above the stage while a lesson or an exam drill's scenario uses it and the learner's own
// lab is stashed (src/store/labStash.ts). Pressing it loads that lab back exactly as it was and closes the lesson
// (remembered, so the Learn panel offers to resume it). Focus then goes to the stage, which the learner is back in.
import { useSelector } from '@xstate/react'
import { useStashStore, backToYourLab, type Away } from '../../store/labStash'
import { useUiStore } from '../../store/uiStore'
import { useLabActor } from '../hooks/labActorContext'
import { useLessonActor } from '../hooks/lessonActorContext'
import { appCatalog } from '../lessons/appCatalog'
import { PHONE_QUERY } from '../../view/slotPlaces'
import { STAGE_ID } from './LabLayout'
import './BackToLabBar.css'

export function BackToLabBar() {
  const labActor = useLabActor()
  const lessonActor = useLessonActor()
  const stash = useStashStore((s) => s.stash)
  const openLessonId = useSelector(lessonActor, (s) => s.context.lessonId)
  if (stash === null) return null
  const back = () => {
    if (!backToYourLab(labActor, lessonActor)) return
    // On a phone the stage is the Lab tab: the learner is back in their lab, so it is shown.
    if (window.matchMedia(PHONE_QUERY).matches) useUiStore.getState().showPhoneTab('lab')
    // After the tab switch is drawn: a hidden stage cannot take focus.
    requestAnimationFrame(() => document.getElementById(STAGE_ID)?.focus())
  }
  return (
    <div className="back-to-lab" role="region" aria-label="Your lab">
      <p className="back-to-lab-text">
        {describe(stash.away, openLessonId)} Your own lab is kept as you left it.
      </p>
      <button type="button" className="btn primary" onClick={back}>
        Back to your lab
      </button>
    </div>
  )
}

function describe(away: Away | null, openLessonId: string | null): string {
  if (away?.kind === 'drill')
    return `The stage shows exam drill ${away.index + 1}’s scenario, “${away.title}”.`
  const id = away?.kind === 'lesson' ? away.lessonId : openLessonId
  const index = appCatalog.lessons.findIndex((l) => l.id === id)
  const lesson = appCatalog.lessons[index]
  if (lesson === undefined) return 'The stage shows a lab that is not yours.'
  return `The stage shows the lab of lesson ${index + 1}, “${lesson.title}”.`
}
