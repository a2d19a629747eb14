// Guided lessons: the catalog, and the lesson being played (one lesson machine interprets the lesson data;
// its actor is created, connected to the lab and saved by the composition root, src/app/createApp.ts).
// Opens a lesson from a deep link (?lesson=<id>&step=<n>) on mount and keeps the address bar in step with it.
import { useSelector } from '@xstate/react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { lessonSearch, parseLessonLink } from '../../lessons/deepLink'
import { openLesson } from '../../store/labStash'
import { useLabActor } from '../hooks/labActorContext'
import { useLessonActor } from '../hooks/lessonActorContext'
import { appCatalog as catalog } from '../lessons/appCatalog'
import { useUiStore } from '../../store/uiStore'
import { LessonCatalog } from '../lessons/LessonCatalog'
import { LessonRunner } from '../lessons/LessonRunner'
import { ResumeLesson } from './ResumeLesson'
import './LessonPanel.css'

export function LessonPanel() {
  const labActor = useLabActor()
  const lessonActor = useLessonActor()
  // Read once, before any effect rewrites the address bar.
  const [link] = useState(() => parseLessonLink(window.location.search, catalog.lessons))
  const [linkDismissed, setLinkDismissed] = useState(false)
  /** Set when the learner (not a page load) moves to another step, so focus follows them there. */
  const moved = useRef(false)

  const lessonId = useSelector(lessonActor, (s) => s.context.lessonId)
  const stepIndex = useSelector(lessonActor, (s) => s.context.stepIndex)

  useEffect(() => {
    // A lesson link keeps the clock as the page started it: running, unless an embed asked for a paused start.
    if (link.kind === 'open')
      openLesson(lessonActor, labActor, link.lessonId, link.stepIndex, {
        play: labActor.getSnapshot().hasTag('playing'),
      })
  }, [link, lessonActor, labActor])

  // "Start lesson 1" on the welcome, pressed before or after the lessons loaded.
  const lessonRequest = useUiStore((s) => s.lessonRequest)
  useEffect(() => {
    if (lessonRequest === null || useUiStore.getState().takeLessonRequest() === null) return
    const first = catalog.lessons[0]
    if (first === undefined) return
    moved.current = true
    openLesson(lessonActor, labActor, first.id)
  }, [lessonRequest, lessonActor, labActor])

  useEffect(() => {
    const search = lessonSearch(
      window.location.search,
      lessonId === null ? null : { lessonId, stepIndex },
    )
    if (search !== window.location.search)
      window.history.replaceState(
        window.history.state,
        '',
        `${window.location.pathname}${search}${window.location.hash}`,
      )
  }, [lessonId, stepIndex])

  const takeFocus = useCallback(() => {
    const was = moved.current
    moved.current = false
    return was
  }, [])
  const lesson = catalog.lessons.find((l) => l.id === lessonId) ?? null
  const open = (id: string) => {
    moved.current = true
    setLinkDismissed(true)
    openLesson(lessonActor, labActor, id)
  }

  const resume = (id: string, step: number) => {
    moved.current = true
    setLinkDismissed(true)
    openLesson(lessonActor, labActor, id, step)
  }

  return (
    <section className="panel lesson-panel" aria-labelledby="lesson-heading" data-lesson-ui>
      {lesson === null && <ResumeLesson lessons={catalog.lessons} onResume={resume} />}
      {lesson === null ? (
        <LessonCatalog
          lessons={catalog.lessons}
          errors={catalog.errors}
          linkMessage={link.kind === 'invalid' && !linkDismissed ? link.message : null}
          onDismissLink={() => setLinkDismissed(true)}
          onOpen={open}
          takeFocus={takeFocus}
        />
      ) : (
        <LessonRunner
          key={lesson.id}
          actor={lessonActor}
          labActor={labActor}
          lesson={lesson}
          position={catalog.lessons.indexOf(lesson)}
          nextLesson={catalog.lessons[catalog.lessons.indexOf(lesson) + 1] ?? null}
          onOpen={open}
          onMove={() => {
            moved.current = true
          }}
          takeFocus={takeFocus}
        />
      )}
    </section>
  )
}
