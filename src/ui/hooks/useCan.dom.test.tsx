// A control's enabled state is the lab machine's decision: useCan reads snapshot.can, so it agrees with
// validateCommand and follows the world as it changes.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import { labMachine, type LearnerCommand } from '../../machines/labMachine'
import { createLab } from '../../sim'
import { LabActorContext, type LabActor } from './labActorContext'
import { useCan } from './useCan'

function Control({ command }: { command: LearnerCommand }) {
  return createElement('button', { type: 'button', disabled: !useCan(command) }, command.call)
}

function isEnabled(actor: LabActor, command: LearnerCommand): boolean {
  const host = document.createElement('div')
  host.innerHTML = renderToStaticMarkup(
    createElement(LabActorContext.Provider, { value: actor }, createElement(Control, { command })),
  )
  return !host.querySelector('button')!.disabled
}

describe('useCan', () => {
  it('enables a control exactly when the lab would accept its command', () => {
    const actor = createActor(labMachine, {
      input: { seed: 2, makeLab: (seed: number) => createLab({ seed }) },
    }).start()
    const register: LearnerCommand = { call: 'registerTargets', args: ['green', ['i-1']] }
    expect(isEnabled(actor, register)).toBe(false)
    actor.send({ type: 'lab.command', command: { call: 'createTargetGroup', args: ['green'] } })
    expect(isEnabled(actor, register)).toBe(true)
    actor.send({ type: 'lab.command', command: { call: 'setLoadBalancerType', args: ['classic'] } })
    expect(isEnabled(actor, register)).toBe(false)
    expect(isEnabled(actor, { call: 'registerInstancesWithLoadBalancer', args: [['i-1']] })).toBe(
      true,
    )
  })
})
