// The Load test panel's fields, bars and reading sentence.
import { asTargetId } from '../sim/model/ids'
import { describe, expect, it } from 'vitest'
import type { LoadTestResult } from '../sim'
import { loadTestBars, loadTestPercent, readLoadTestForm, readSpread } from './loadTestView'

function result(
  targets: [string, number, number][],
  extra: Partial<LoadTestResult> = {},
): LoadTestResult {
  const requests = targets.reduce((s, t) => s + t[1], 0) + (extra.errors5xx ?? 0)
  const sticky = targets.reduce((s, t) => s + t[2], 0)
  return {
    requests,
    sticky,
    nonSticky: requests - sticky - (extra.errors5xx ?? 0),
    errors5xx: 0,
    targets: targets.map(([targetId, r, s]) => ({
      targetId: asTargetId(targetId),
      requests: r,
      sticky: s,
    })),
    seconds: 60,
    done: true,
    ...extra,
  }
}

describe('readLoadTestForm', () => {
  it('reads whole numbers (commas allowed) and gives the total', () => {
    expect(
      readLoadTestForm({ clients: '10,000', minutes: '10', requestsPerSecond: '1667' }),
    ).toEqual({
      ok: true,
      options: { clients: 10_000, minutes: 10, requestsPerSecond: 1667 },
      total: 1_000_200,
    })
  })

  it('gives every bad field its own sentence', () => {
    const r = readLoadTestForm({ clients: '0', minutes: '', requestsPerSecond: '2.5' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors).toEqual({
      clients: 'Clients must be a whole number from 1 to 100,000.',
      minutes: 'Enter minutes: a whole number from 1 to 1,440.',
      requestsPerSecond: 'Requests per second must be a whole number from 1 to 10,000.',
    })
  })

  it('refuses a run above the request cap beside the rate', () => {
    const r = readLoadTestForm({ clients: '5', minutes: '1440', requestsPerSecond: '10000' })
    expect(r.ok ? null : r.errors.requestsPerSecond).toMatch(
      /^That is 864,000,000 requests in all; a load test sends at most 20,000,000/,
    )
  })
})

describe('loadTestBars and readSpread', () => {
  it('lists every target in order, with 0 for one that got nothing', () => {
    const r = result([
      ['i-2', 300, 290],
      ['i-1', 100, 95],
    ])
    expect(loadTestBars(r, ['i-1', 'i-2', 'i-3']).map((b) => [b.id, b.value])).toEqual([
      ['i-1', 100],
      ['i-2', 300],
      ['i-3', 0],
    ])
  })

  it('names the busiest and quietest instance, the ratio and the sticky share', () => {
    const r = result([
      ['i-1', 100, 95],
      ['i-2', 300, 290],
      ['i-3', 0, 0],
    ])
    expect(readSpread(r, loadTestBars(r, ['i-1', 'i-2', 'i-3']))).toBe(
      'Load is spread unevenly: the busiest instance, i-2, served 3.00× as many requests as the quietest, i-1; 96.3% of requests were kept on their instance by stickiness. 1 instance served nothing.',
    )
  })

  it('says when the spread is even and nothing was sticky, and counts 5xx', () => {
    const r = result(
      [
        ['i-1', 1000, 0],
        ['i-2', 1001, 0],
      ],
      { errors5xx: 3 },
    )
    expect(readSpread(r, loadTestBars(r, ['i-1', 'i-2']))).toBe(
      'Load is spread evenly: the busiest instance, i-2, served 1.00× as many requests as the quietest, i-1; no request was kept on its instance by stickiness. 3 requests got a 5xx from the load balancer.',
    )
  })

  it('handles no instance at all', () => {
    const r = result([], { errors5xx: 10 })
    expect(readSpread(r, [])).toBe(
      'No instance served a request. 10 requests got a 5xx from the load balancer.',
    )
    expect(loadTestPercent({ ...r, requests: 5 }, 10)).toBe(50)
  })
})

describe('tickText', () => {
  it('shortens large axis labels so they fit the margin', async () => {
    const { tickText } = await import('./chart/BarChartView')
    expect([0, 500, 9999, 40_000, 333_400, 2_500_000, 0.5].map(tickText)).toEqual([
      '0',
      '500',
      '9999',
      '40k',
      '333.4k',
      '2.5M',
      '',
    ])
  })

  it('says when every instance served exactly as many requests', () => {
    const r = result([
      ['i-1', 10, 0],
      ['i-2', 10, 0],
    ])
    expect(readSpread(r, loadTestBars(r, ['i-1', 'i-2']))).toBe(
      'Load is spread exactly evenly: each of the 2 instances served 10 requests; no request was kept on its instance by stickiness.',
    )
  })
})
