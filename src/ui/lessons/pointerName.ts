// The name a "Go to" button gives the control a lesson step highlights: on the stage, the stage object the learner
// acts on (alice's browser, the AWSALB chip, i-1's actions menu, the Stickiness radios), not a panel's path.
import { splitHighlight } from '../../lessons/controls'
import { INSTANCE_ACTIONS } from './findControls'

const STICKINESS_CHOICE = /^(Off|Duration-based|Application-based)(?: \(\w+\))?$/

/** What a learner reads on the "Go to" button: the stage object when the stage is shown, else the panel's name. */
export function pointerName(highlight: string, stage: boolean): string {
  const { scope, name } = splitHighlight(highlight)
  const plain = scope === null ? name : `${scope} › ${name}`
  if (!stage) return plain
  const client = scope === null ? null : /^Client (.+)$/.exec(scope)
  const owner = client === null ? '' : `${client[1]}’s `
  const cookie = /^(Delete|Value of) (\S+)$/.exec(name)
  if (cookie !== null && (scope === null || client !== null))
    return `${owner}${cookie[2]} chip › ${cookie[1] === 'Delete' ? 'Delete' : 'Edit'}`
  if (client !== null) return `${client[1]}’s browser › ${name}`
  if (scope !== null && /^i-\d+$/.test(scope) && INSTANCE_ACTIONS.has(name))
    return `${scope} actions › ${name}`
  if (scope === null && /^i-\d+$/.test(name)) return `${name} on the stage`
  if (scope === null && name === 'Cookies') return 'Cookie chips'
  const choice = scope === null ? STICKINESS_CHOICE.exec(name) : null
  if (choice !== null) return `Stickiness › ${choice[1]}`
  if (scope === null && (name === 'Stickiness duration (seconds)' || name === 'Apply'))
    return 'Stickiness › Duration'
  return plain
}
