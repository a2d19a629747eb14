// The one generic lesson statechart: it interprets any lesson's data (steps, predictions, goals, hints,
// "Show me"), checks goals against the lab whenever the lab changes, and keeps the learner's progress.
// It reaches the lab through the page's actor system (appMachine.ts): it follows the lab actor's changes and sends
// a step's "Show me" events to it (docs/decisions/0011-one-actor-system.md).
import {
  assign,
  enqueueActions,
  fromCallback,
  setup,
  type ActorRefFrom,
  type EventObject,
} from 'xstate'
import type { Lab } from '../sim'
import { areGoalsMet, markOf, type GoalContext, type GoalLab } from '../lessons/goals'
import { observe, predictionFeedback, type PredictionFeedback } from '../lessons/observe'
import {
  emptyProgress,
  withDrillAnswered,
  withStepCompleted,
  type Progress,
} from '../lessons/progress'
import type { Lesson } from '../lessons/schema'
import { currentLesson, currentStep } from './currentLesson'
import { labEventOf, type labMachine } from './labMachine'
import { followLearner, followPrediction } from './lessonClock'
import { completeInRun, newRun, runFor, type LessonEmitted, type LessonRun } from './lessonRun'
import { LAB_SYSTEM_ID, LESSON_SYSTEM_ID } from './systemIds'

export interface LessonContext {
  lessons: readonly Lesson[]
  lessonId: string | null
  /** 0-based index of the current step. */
  stepIndex: number
  /** The lab as of the latest lesson.check (the same object the lab machine mutates). */
  lab: Lab | null
  /** The lab this lesson prepared. When `lab` differs, the learner reset the lab or loaded another one. */
  ownLab: Lab | null
  /** Where the current step began; request-based goals only count requests after it. */
  mark: GoalContext
  /** The value of the choice the learner predicted for this step, once made. */
  prediction: string | null
  feedback: PredictionFeedback | null
  hintsShown: number
  /** The learner used "Show me" on this step. */
  shownMe: boolean
  progress: Progress
  /** The lab as the stage shows it (view/lessonView.ts): goals and verdicts wait for the dot to arrive. */
  shown: (lab: Lab) => GoalLab
  /** Changes when the stage shows something new (view/revealedLab.ts): goals are checked again then. */
  revealKey: (lab: Lab) => string
  /** Something travels on the stage (lessonClock.ts waits for it before holding the clock). */
  busy: (lab: Lab) => boolean
  /** The current run: which steps were completed since the lesson was opened (lessonRun.ts). */
  run: LessonRun
}

export type LessonEvent =
  | {
      type: 'lesson.open'
      lessonId: string
      /** 0-based */
      step?: number
      lab: Lab
      /** Start a new run even if this lesson is open (a host page's loadLesson starts scoring again). */
      newRun?: boolean
    }
  | { type: 'lesson.next' }
  | { type: 'lesson.back' }
  | { type: 'lesson.goTo'; /** 0-based */ step: number }
  | { type: 'lesson.predict'; choice: string }
  | { type: 'lesson.hint' }
  | { type: 'lesson.check'; lab: Lab }
  | { type: 'lesson.labReady'; lab: Lab }
  | { type: 'lesson.showMe' }
  | { type: 'lesson.exit' }
  /** The saved progress, read back after the first paint (src/app/persistence/labPersistence.ts). */
  | { type: 'progress.restore'; progress: Progress }
  | { type: 'drill.answer'; drillId: string; correct: boolean }

export interface LessonInput {
  lessons: readonly Lesson[]
  progress?: Progress
  shown?: (lab: Lab) => GoalLab
  revealKey?: (lab: Lab) => string
  busy?: (lab: Lab) => boolean
}

type LabActor = ActorRefFrom<typeof labMachine>
type FollowInput = Pick<LessonContext, 'revealKey' | 'busy'>

/**
 * Follows the lab actor of the lesson's actor system: every change of the lab becomes lesson.check, and the
 * clock waits while a prediction is awaited (lessonClock.ts). Invoked for the lesson actor's whole life.
 */
const followLab = fromCallback<EventObject, FollowInput>(({ system, sendBack, input }) => {
  const labActor: LabActor | undefined = system.get(LAB_SYSTEM_ID)
  const lessonActor: LessonActor | undefined = system.get(LESSON_SYSTEM_ID)
  if (labActor === undefined || lessonActor === undefined) return
  let seen = ''
  const notify = () => {
    const { lab, version } = labActor.getSnapshot().context
    followLearner(lessonActor, labActor, input.busy(lab))
    // Goals are re-checked when the lab changes or the stage shows something new, and once per virtual second
    // for time-based goals, not on each of the 60 frame ticks a second.
    const key = `${version}:${Math.floor(lab.now())}:${input.revealKey(lab)}`
    if (key === seen) return
    seen = key
    sendBack({ type: 'lesson.check', lab })
  }
  const labSub = labActor.subscribe(notify)
  notify()
  const clockSub = lessonActor.subscribe(() => {
    const { lab } = labActor.getSnapshot().context
    followPrediction(lessonActor, labActor, isPredicting(lessonActor), input.busy(lab))
  })
  return () => {
    labSub.unsubscribe()
    clockSub.unsubscribe()
  }
})

const NO_MARK: GoalContext = { stepStartRequestId: 0, stepStartTime: 0 }

function stepCount(context: LessonContext): number {
  return currentLesson(context)?.steps.length ?? 0
}

export const lessonMachine = setup({
  types: {
    context: {} as LessonContext,
    events: {} as LessonEvent,
    input: {} as LessonInput,
    emitted: {} as LessonEmitted,
  },
  actors: { followLab },
  guards: {
    canOpen: ({ context }, params: { lessonId: string; step: number }) => {
      const lesson = context.lessons.find((l) => l.id === params.lessonId)
      return (
        lesson !== undefined &&
        Number.isInteger(params.step) &&
        params.step >= 0 &&
        params.step < lesson.steps.length
      )
    },
    isValidStep: ({ context }, params: { step: number }) =>
      Number.isInteger(params.step) && params.step >= 0 && params.step < stepCount(context),
    needsPrediction: ({ context }) =>
      currentStep(context)?.prediction !== undefined && context.prediction === null,
    isValidChoice: ({ context }, params: { choice: string }) =>
      currentStep(context)?.prediction?.choices.some((c) => c.value === params.choice) ?? false,
    goalMet: ({ context }) => {
      const step = currentStep(context)
      // Only the lesson's own lab counts: after a reset or a drill's scenario the learner chooses how to go on.
      return (
        step !== null &&
        context.lab !== null &&
        context.lab === context.ownLab &&
        areGoalsMet(step.goals, context.shown(context.lab), context.mark)
      )
    },
    hasMoreHints: ({ context }) => context.hintsShown < (currentStep(context)?.hints.length ?? 0),
    isLastStep: ({ context }) => context.stepIndex >= stepCount(context) - 1,
    hasPreviousStep: ({ context }) => context.stepIndex > 0,
  },
  actions: {
    openLesson: assign(
      ({ context }, params: { lessonId: string; step: number; lab: Lab; newRun: boolean }) => ({
        lessonId: params.lessonId,
        stepIndex: params.step,
        lab: params.lab,
        ownLab: params.lab,
        run: runFor(context.run, params.lessonId, params.newRun),
      }),
    ),
    restoreProgress: assign((_, params: { progress: Progress }) => ({ progress: params.progress })),
    answerDrill: assign(({ context }, params: { drillId: string; correct: boolean }) => ({
      progress: withDrillAnswered(context.progress, params.drillId, params.correct),
    })),
    closeLesson: assign({
      lessonId: null,
      stepIndex: 0,
      lab: null,
      ownLab: null,
      mark: NO_MARK,
      run: newRun(null),
    }),
    setStep: assign((_, params: { step: number }) => ({ stepIndex: params.step })),
    resetStepState: assign({ prediction: null, feedback: null, hintsShown: 0, shownMe: false }),
    markStepStart: assign(({ context }) => ({
      mark: context.lab === null ? NO_MARK : markOf(context.lab),
    })),
    recordPrediction: assign((_, params: { choice: string }) => ({ prediction: params.choice })),
    showHint: assign(({ context }) => ({ hintsShown: context.hintsShown + 1 })),
    trackLab: assign(({ context }, params: { lab: Lab }) =>
      // A different lab object (reset, a drill's scenario) starts the step's count afresh.
      params.lab === context.lab ? {} : { lab: params.lab, mark: markOf(params.lab) },
    ),
    adoptLab: assign((_, params: { lab: Lab }) => ({
      lab: params.lab,
      ownLab: params.lab,
      mark: markOf(params.lab),
    })),
    performSolution: enqueueActions(({ context, system, enqueue }) => {
      const lab: LabActor | undefined = system.get(LAB_SYSTEM_ID)
      if (lab === undefined) return
      for (const data of currentStep(context)?.solution ?? []) {
        const event = labEventOf(data)
        if (event !== null) enqueue.sendTo(lab, event)
      }
    }),
    noteShownMe: assign({ shownMe: true }),
    completeStep: enqueueActions(({ context, enqueue }) => {
      const lesson = currentLesson(context)
      const step = currentStep(context)
      if (lesson === null || step === null || context.lab === null) return
      let feedback: PredictionFeedback | null = null
      if (step.prediction !== undefined && context.prediction !== null) {
        const seen = observe(step.prediction.observe, context.shown(context.lab), context.mark)
        if (seen !== null)
          feedback = predictionFeedback(step.prediction, context.prediction, seen, {
            success: step.success,
            corrections: step.corrects?.length ?? 0,
          })
      }
      const stepIds = lesson.steps.map((s) => s.id)
      const progress = withStepCompleted(context.progress, lesson.id, step.id, stepIds)
      const outcome = { predictionCorrect: feedback?.correct ?? null, shownMe: context.shownMe }
      const { run, emitted } = completeInRun(
        context.run,
        lesson.id,
        stepIds,
        context.stepIndex,
        outcome,
      )
      enqueue.assign({ feedback, progress, run })
      for (const event of emitted) enqueue.emit(event)
    }),
  },
}).createMachine({
  id: 'lesson',
  context: ({ input }) => ({
    lessons: input.lessons,
    lessonId: null,
    stepIndex: 0,
    lab: null,
    ownLab: null,
    mark: NO_MARK,
    prediction: null,
    feedback: null,
    hintsShown: 0,
    shownMe: false,
    progress: input.progress ?? emptyProgress(),
    shown: input.shown ?? ((lab: Lab) => lab),
    revealKey: input.revealKey ?? (() => ''),
    busy: input.busy ?? (() => false),
    run: newRun(null),
  }),
  invoke: {
    id: 'followLab',
    src: 'followLab',
    input: ({ context }) => ({ revealKey: context.revealKey, busy: context.busy }),
  },
  on: {
    'progress.restore': {
      actions: { type: 'restoreProgress', params: ({ event }) => ({ progress: event.progress }) },
    },
    'drill.answer': {
      description: 'The learner answered an exam drill; once answered correctly, it stays so.',
      actions: { type: 'answerDrill', params: ({ event }) => event },
    },
    'lesson.open': {
      description: 'Opens a lesson at a step, from the catalog or over the lesson already running.',
      guard: {
        type: 'canOpen',
        params: ({ event }) => ({ lessonId: event.lessonId, step: event.step ?? 0 }),
      },
      target: '.running',
      reenter: true,
      actions: {
        type: 'openLesson',
        params: ({ event }) => ({
          lessonId: event.lessonId,
          step: event.step ?? 0,
          lab: event.lab,
          newRun: event.newRun === true,
        }),
      },
    },
  },
  initial: 'browsing',
  states: {
    browsing: {
      description: 'The learner is choosing a lesson.',
    },
    running: {
      initial: 'step',
      on: {
        'lesson.exit': { target: 'browsing', actions: 'closeLesson' },
        'lesson.check': {
          description: 'Sent whenever the lab changes; goals are re-checked after it.',
          actions: { type: 'trackLab', params: ({ event }) => ({ lab: event.lab }) },
        },
        'lesson.labReady': {
          description:
            'The caller rebuilt (or kept) the lab for the current step: it starts again.',
          target: '.step',
          reenter: true,
          actions: { type: 'adoptLab', params: ({ event }) => ({ lab: event.lab }) },
        },
        'lesson.goTo': {
          guard: { type: 'isValidStep', params: ({ event }) => ({ step: event.step }) },
          target: '.step',
          reenter: true,
          actions: { type: 'setStep', params: ({ event }) => ({ step: event.step }) },
        },
      },
      states: {
        step: {
          entry: 'resetStepState',
          initial: 'routing',
          on: {
            'lesson.hint': { guard: 'hasMoreHints', actions: 'showHint' },
            'lesson.next': [
              { guard: 'isLastStep', target: 'finished' },
              {
                target: 'step',
                reenter: true,
                actions: {
                  type: 'setStep',
                  params: ({ context }) => ({ step: context.stepIndex + 1 }),
                },
              },
            ],
            'lesson.back': {
              guard: 'hasPreviousStep',
              target: 'step',
              reenter: true,
              actions: {
                type: 'setStep',
                params: ({ context }) => ({ step: context.stepIndex - 1 }),
              },
            },
          },
          states: {
            routing: {
              always: [{ guard: 'needsPrediction', target: 'predicting' }, { target: 'active' }],
            },
            predicting: {
              description: 'Predict first: the step counts only what happens after the prediction.',
              on: {
                'lesson.predict': {
                  guard: {
                    type: 'isValidChoice',
                    params: ({ event }) => ({ choice: event.choice }),
                  },
                  target: 'active',
                  actions: {
                    type: 'recordPrediction',
                    params: ({ event }) => ({ choice: event.choice }),
                  },
                },
              },
            },
            active: {
              entry: 'markStepStart',
              always: {
                guard: 'goalMet',
                target: 'complete',
                actions: 'completeStep',
                description: 'Checked after every event; lesson.check carries lab changes.',
              },
              on: { 'lesson.showMe': { actions: ['noteShownMe', 'performSolution'] } },
            },
            complete: { tags: ['stepDone'] },
          },
        },
        finished: {
          tags: ['lessonDone'],
          on: {
            'lesson.back': {
              target: 'step',
              actions: {
                type: 'setStep',
                params: ({ context }) => ({ step: stepCount(context) - 1 }),
              },
            },
          },
        },
      },
    },
  },
})

export type LessonActor = ActorRefFrom<typeof lessonMachine>

/** The step waits for the learner's prediction (the clock waits with it, lessonClock.ts). */
export const isPredicting = (a: LessonActor) =>
  a.getSnapshot().matches({ running: { step: 'predicting' } })
