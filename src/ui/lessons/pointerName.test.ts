// "Go to" names the stage objects a step points at; without the stage, the panels' names.
import { describe, expect, it } from 'vitest'
import { pointerName } from './pointerName'

describe('pointerName', () => {
  it('names stage objects when the page shows the stage', () => {
    expect(pointerName('Client alice > Send request', true)).toBe('alice’s browser › Send request')
    expect(pointerName('Delete AWSALB', true)).toBe('AWSALB chip › Delete')
    expect(pointerName('Client bob > Value of AWSALB', true)).toBe('bob’s AWSALB chip › Edit')
    expect(pointerName('i-1 > Stop instance', true)).toBe('i-1 actions › Stop instance')
    expect(pointerName('i-2', true)).toBe('i-2 on the stage')
    expect(pointerName('Duration-based (lb_cookie)', true)).toBe('Stickiness › Duration-based')
    expect(pointerName('Apply', true)).toBe('Stickiness › Duration')
    expect(pointerName('Advance the clock 30 seconds', true)).toBe('Advance the clock 30 seconds')
    expect(pointerName('Target group settings > Apply', true)).toBe('Target group settings › Apply')
  })

  it('keeps the panels’ names without the stage (an embed without the picture)', () => {
    expect(pointerName('Client alice > Send request', false)).toBe('Client alice › Send request')
    expect(pointerName('i-1 > Stop instance', false)).toBe('i-1 › Stop instance')
  })
})
