// The listener rule form's mapping: listener → draft → ForwardConfig, and errors placed by field.
import { describe, expect, it } from 'vitest'
import {
  fieldForForwardError,
  forwardConfigFromDraft,
  forwardDraftFromListener,
  isWeighted,
  weightedForwardOff,
  weightedForwardOn,
  weightShares,
} from './listenerForm'

const weighted = {
  forward: {
    targetGroups: [
      { name: 'web', weight: 1 },
      { name: 'green', weight: 1 },
    ],
    stickiness: { enabled: false, durationSeconds: 3600 },
  },
}

describe('listener form', () => {
  it('knows a forward to several target groups is weighted', () => {
    expect(isWeighted(weighted)).toBe(true)
    expect(
      isWeighted({
        forward: {
          targetGroups: [{ name: 'web', weight: 1 }],
          stickiness: { enabled: false, durationSeconds: 3600 },
        },
      }),
    ).toBe(false)
  })
  it('round-trips the listener through the draft', () => {
    expect(forwardConfigFromDraft(forwardDraftFromListener(weighted))).toEqual(weighted.forward)
  })
  it('sends typed weights and durations as numbers, unclamped', () => {
    const d = forwardDraftFromListener(weighted)
    d.weights[0]!.weight = '1000'
    d.groupStickinessDuration = '0'
    const f = forwardConfigFromDraft(d)
    expect(f.targetGroups[0]!.weight).toBe(1000)
    expect(f.stickiness).toEqual({ enabled: false, durationSeconds: 0 })
  })
  it('turns weighted forward on at equal weights, with target-group stickiness when a group is sticky', () => {
    expect(weightedForwardOn({ primary: 'web', second: 'green', anySticky: true })).toEqual({
      targetGroups: [
        { name: 'web', weight: 1 },
        { name: 'green', weight: 1 },
      ],
      stickiness: { enabled: true, durationSeconds: 3600 },
    })
    expect(
      weightedForwardOn({ primary: 'web', second: 'green', anySticky: false }).stickiness?.enabled,
    ).toBe(false)
    expect(weightedForwardOff('web')).toEqual({ targetGroups: [{ name: 'web', weight: 1 }] })
  })
  it('shows the share of weighted requests per group', () => {
    const d = forwardDraftFromListener(weighted)
    expect(weightShares(d)).toEqual([50, 50])
    d.weights[0]!.weight = '90'
    d.weights[1]!.weight = '10'
    expect(weightShares(d)).toEqual([90, 10])
    d.weights[1]!.weight = '1000'
    expect(weightShares(d)).toEqual([null, null])
    d.weights[0]!.weight = '0'
    d.weights[1]!.weight = '0'
    expect(weightShares(d)).toEqual([null, null])
  })
  it('places setForward errors beside their field', () => {
    const names = ['web', 'green']
    expect(
      fieldForForwardError(
        'Target group stickiness duration must be between 1 and 604800 seconds',
        names,
      ),
    ).toEqual({ kind: 'groupStickinessDuration' })
    expect(
      fieldForForwardError(
        "Weight 1000 for target group 'green' is invalid: weights must be whole numbers between 0 and 999",
        names,
      ),
    ).toEqual({ kind: 'weight', name: 'green' })
    expect(
      fieldForForwardError(
        "Target group stickiness must be enabled when a forward action has several target groups and one of them ('web') has stickiness enabled",
        names,
      ),
    ).toEqual({ kind: 'groupStickiness' })
    expect(fieldForForwardError('The specified target group does not exist.', names)).toEqual({
      kind: 'weighted',
    })
  })
})
