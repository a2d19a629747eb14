// What draws the stage's moving parts (dots, trails, tallies, moments), in one module so the picture can load it
// as its own chunk just after the first paint (TopologyView.setMotion).
import { computeMotion } from './motion'
import { createMotionView } from './motionView'

export const motionLayer = { computeMotion, createMotionView }
export type MotionLayer = typeof motionLayer
