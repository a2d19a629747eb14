// The listener rule form's mapping: listener → draft → ForwardConfig, and errors placed by field.
import { describe, expect, it } from 'vitest'
import { createLab } from '../sim'
import {
  GROUP_STICKINESS_RANGE,
  WEIGHT_RANGE,
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
  it('places setForward errors beside their field, by the parameter they name', () => {
    const lab = createLab({ seed: 1 })
    expect(lab.createTargetGroup('green', { targets: 1 })).toEqual({ ok: true })
    const place = (weights: [string, string][], groupStickiness: boolean, duration: string) => {
      const draft = {
        weights: weights.map(([name, weight]) => ({ name, weight })),
        groupStickiness,
        groupStickinessDuration: duration,
      }
      const r = lab.setForward(forwardConfigFromDraft(draft))
      return r.ok
        ? null
        : fieldForForwardError(
            r,
            draft.weights.map((w) => w.name),
          )
    }
    expect(
      place(
        [
          ['web', '1'],
          ['green', '1'],
        ],
        true,
        '0',
      ),
    ).toEqual({ kind: 'groupStickinessDuration' })
    expect(
      place(
        [
          ['web', '1'],
          ['green', '1000'],
        ],
        true,
        '3600',
      ),
    ).toEqual({ kind: 'weight', name: 'green' })
    expect(place([['web', '']], false, '3600')).toEqual({ kind: 'weight', name: 'web' })
    expect(
      place(
        [
          ['web', '1'],
          ['nope', '1'],
        ],
        true,
        '3600',
      ),
    ).toEqual({ kind: 'weighted' })
    expect(lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })).toEqual({
      ok: true,
    })
    expect(
      place(
        [
          ['web', '1'],
          ['green', '1'],
        ],
        false,
        '3600',
      ),
    ).toEqual({ kind: 'groupStickiness' })
  })
  it("gives the form the core's ranges: both ends accepted, one past either refused", () => {
    const lab = createLab({ seed: 1 })
    const weight = (w: number) => lab.setForward({ targetGroups: [{ name: 'web', weight: w }] }).ok
    const { min, max } = WEIGHT_RANGE
    expect([weight(min), weight(max), weight(min - 1), weight(max + 1)]).toEqual([
      true,
      true,
      false,
      false,
    ])
    const duration = (d: number) =>
      lab.setForward({
        targetGroups: [{ name: 'web', weight: 1 }],
        stickiness: { enabled: true, durationSeconds: d },
      }).ok
    const g = GROUP_STICKINESS_RANGE
    expect([duration(g.min), duration(g.max), duration(g.min - 1), duration(g.max + 1)]).toEqual([
      true,
      true,
      false,
      false,
    ])
  })
})
