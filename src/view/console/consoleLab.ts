// Test helpers for the console: a lab, a target that applies commands to it directly, and the ARNs the console
// prints for it.
import { applyCommand, createLab, type Lab, type LoadBalancerType } from '../../sim'
import { loadBalancerArn, targetGroupArn } from '../awsArns'
import { listenerArnOf } from './elbv2Views'
import { runConsoleLine, type ConsoleTarget } from './runConsoleLine'

export function consoleLab(type: LoadBalancerType = 'application'): {
  lab: Lab
  target: ConsoleTarget
  run: (line: string) => ReturnType<typeof runConsoleLine>
} {
  const lab = createLab(type === 'application' ? {} : { loadBalancerType: type })
  const target: ConsoleTarget = { lab, apply: (command) => applyCommand(lab, command) as never }
  return { lab, target, run: (line) => runConsoleLine(line, target) }
}

export const WEB = targetGroupArn('web')
export const ALB = loadBalancerArn('application')!
export const LISTENER = listenerArnOf('application')!

/** The lab's whole state, to compare before and after a refused line. */
export function state(lab: Lab): string {
  return JSON.stringify([lab.snapshot(), lab.log()])
}
