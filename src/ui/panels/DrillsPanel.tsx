// Exam drills: ANS-C01-style questions in a dialog, one at a time, with explanations. "Try it in the lab"
// stashes the learner's lab, loads the drill's scenario (clock paused) and closes the dialog so the lab is in view.
import { dictGet } from '../../sim'
import { useEffect, useId, useRef, useState } from 'react'
import { DRILLS } from '../../lessons/drills'
import { buildScenarioLab, findScenario } from '../../lessons/scenarios'
import { openDrillLab, useStashStore } from '../../store/labStash'
import { useLabActor } from '../hooks/labActorContext'
import { DrillQuestion } from '../lessons/DrillQuestion'
import { useSelector } from '@xstate/react'
import { useLessonActor } from '../hooks/lessonActorContext'
import './LessonPanel.css'

export function DrillsPanel() {
  const labActor = useLabActor()
  // Drill answers are part of the progress the lesson actor keeps (and persistence saves).
  const lessonActor = useLessonActor()
  const answered = useSelector(lessonActor, (s) => s.context.progress.drills)
  const answerDrill = (drillId: string, correct: boolean) =>
    lessonActor.send({ type: 'drill.answer', drillId, correct })
  const [open, setOpen] = useState(false)
  const [index, setIndex] = useState(0)
  const [loadedHere, setLoaded] = useState<{ index: number; title: string } | null>(null)
  // Said only while the drill's scenario is still on the stage ("Back to your lab" ends it).
  const drillAway = useStashStore((s) => s.stash?.away?.kind === 'drill')
  const loaded = drillAway ? loadedHere : null
  const dialogRef = useRef<HTMLDialogElement>(null)
  const uid = useId()
  const drill = DRILLS[index] ?? DRILLS[0]!
  const correctCount = DRILLS.filter((d) => dictGet(answered, d.id)?.correct).length

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog === null) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  const tryIt = () => {
    const scenario = findScenario(drill.scenario)
    if (scenario === undefined) return
    const lab = buildScenarioLab(scenario, labActor.getSnapshot().context.makeLab)
    // The learner's own lab is stashed first: "Back to your lab" above the stage brings it back.
    openDrillLab(labActor, { kind: 'drill', drillId: drill.id, index, title: scenario.title }, lab)
    setLoaded({ index, title: scenario.title })
    setOpen(false)
  }
  const go = (i: number) => setIndex(Math.min(Math.max(i, 0), DRILLS.length - 1))

  return (
    <section className="panel drills-panel" aria-labelledby={`${uid}-heading`} data-lesson-ui>
      <h2 id={`${uid}-heading`}>Exam drills</h2>
      <p className="lesson-intro">
        {DRILLS.length} ANS-C01-style scenario questions on stickiness, each with an explanation and
        a lab scenario to try. {correctCount} answered correctly.
      </p>
      <button type="button" className="btn primary" onClick={() => setOpen(true)}>
        Open exam drills
      </button>
      {loaded !== null && (
        <div className="drill-loaded" role="status">
          <p>
            The lab now shows <strong>{loaded.title}</strong> (question {loaded.index + 1}), with
            the clock paused. {DRILLS[loaded.index]?.tryIt}
          </p>
          <button
            type="button"
            className="btn small"
            onClick={() => {
              setIndex(loaded.index)
              setOpen(true)
            }}
          >
            Back to question {loaded.index + 1}
          </button>
        </div>
      )}
      <dialog
        ref={dialogRef}
        className="dialog drill-dialog"
        aria-labelledby={`${uid}-title`}
        onClose={() => setOpen(false)}
      >
        {open && (
          <div className="drill-body">
            <div className="drill-head">
              <h2 id={`${uid}-title`}>
                Exam drill {index + 1} of {DRILLS.length}
              </h2>
              <button type="button" className="btn small" onClick={() => setOpen(false)}>
                Close
              </button>
            </div>
            <div className="lesson-row drill-nav">
              <button
                type="button"
                className="btn small"
                disabled={index === 0}
                onClick={() => go(index - 1)}
              >
                Previous
              </button>
              <label className="field-inline">
                Question
                <select value={index} onChange={(e) => go(Number(e.target.value))}>
                  {DRILLS.map((d, i) => (
                    <option key={d.id} value={i}>
                      {i + 1}
                      {dictGet(answered, d.id)?.correct ? ' ✓' : ''}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="btn small"
                disabled={index === DRILLS.length - 1}
                onClick={() => go(index + 1)}
              >
                Next
              </button>
            </div>
            <DrillQuestion
              key={drill.id}
              drill={drill}
              onAnswer={(correct) => answerDrill(drill.id, correct)}
              onTryIt={tryIt}
            />
          </div>
        )}
      </dialog>
    </section>
  )
}
