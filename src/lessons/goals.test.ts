// The goals catalogue and prediction observations, each checked against a real lab.
import { describe, expect, it } from 'vitest'
import type { Lab } from '../sim'
import { areGoalsMet, headerCarries, isGoalMet, markOf, requestsSince } from './goals'
import { humanSeconds, observe, predictionFeedback } from './observe'
import { buildScenarioLab, defaultLab, findScenario } from './scenarios'
import type { Goal, Prediction } from './schema'

const sticky = () => buildScenarioLab(findScenario('sticky')!)
const met = (goal: Goal, lab: Lab, ctx = { stepStartRequestId: 0, stepStartTime: 0 }) =>
  isGoalMet(goal, lab, ctx)
const req = (params: Extract<Goal, { id: 'requestsSince' }>['params']): Goal => ({
  id: 'requestsSince',
  params,
})

describe('requestsSince', () => {
  it('counts only requests after the step began, and applies the filters', () => {
    const lab = defaultLab(1)
    lab.request('alice')
    const ctx = markOf(lab)
    expect(ctx).toEqual({ stepStartRequestId: 1, stepStartTime: 0 })
    lab.request('alice', { path: '/cart/add' })
    lab.addClient('bob')
    lab.request('bob')
    expect(requestsSince(lab, ctx).map((r) => r.id)).toEqual([2, 3])
    expect(requestsSince(lab, ctx, { client: 'bob' }).map((r) => r.id)).toEqual([3])
    expect(requestsSince(lab, ctx, { pathPrefix: '/cart' }).map((r) => r.id)).toEqual([2])
    expect(requestsSince(lab, ctx, { carriesCookie: 'SESSIONID' }).map((r) => r.id)).toEqual([2])
    expect(requestsSince(lab, ctx, { lacksCookie: 'SESSIONID' }).map((r) => r.id)).toEqual([3])
    expect(requestsSince(lab, ctx, { requestKind: 'websocket-upgrade' })).toEqual([])
    expect(met(req({ min: 3 }), lab, ctx)).toBe(false)
    expect(met(req({ min: 2, distinctTargets: 2, distinctClients: 2 }), lab, ctx)).toBe(true)
    expect(met(req({ min: 2, sameTarget: true }), lab, ctx)).toBe(false)
    expect(
      met(
        req({ allSticky: false, allDecision: 'round-robin', status: 200, target: 'i-3' }),
        lab,
        ctx,
      ),
    ).toBe(true)
    expect(met(req({ decision: 'sticky-hit' }), lab, ctx)).toBe(false)
  })

  it('checks stickiness, cart loss and the time span', () => {
    const lab = sticky()
    const ctx = markOf(lab)
    lab.request('alice', { path: '/cart/add' })
    lab.advance(30)
    lab.request('alice')
    expect(
      met(
        req({
          min: 2,
          allSticky: true,
          sameTarget: true,
          sameTargetGroup: true,
          allTargetGroup: 'web',
        }),
        lab,
        ctx,
      ),
    ).toBe(true)
    expect(met(req({ minSpanSeconds: 30 }), lab, ctx)).toBe(true)
    expect(met(req({ minSpanSeconds: 31 }), lab, ctx)).toBe(false)
    expect(met(req({ cartLost: false }), lab, ctx)).toBe(true)
    expect(met(req({ cartLost: true }), lab, ctx)).toBe(false)
    lab.deleteCookie('alice', 'AWSALB')
    lab.deleteCookie('alice', 'AWSALBCORS')
    lab.request('alice')
    expect(met(req({ cartLost: true, decision: 'sticky-miss-no-cookie' }), lab, ctx)).toBe(true)
    expect(met({ id: 'cartLost', params: { client: 'alice' } }, lab, ctx)).toBe(true)
  })
})

describe('state goals', () => {
  it('read attributes, cookies, health, instances and the listener', () => {
    const lab = sticky()
    expect(
      met(
        {
          id: 'attributeEquals',
          params: { targetGroup: 'web', key: 'stickiness.type', value: 'lb_cookie' },
        },
        lab,
      ),
    ).toBe(true)
    expect(
      met(
        {
          id: 'attributeEquals',
          params: { targetGroup: 'nope', key: 'stickiness.type', value: 'lb_cookie' },
        },
        lab,
      ),
    ).toBe(false)
    expect(met({ id: 'cookiePresent', params: { client: 'alice', name: 'AWSALB' } }, lab)).toBe(
      true,
    )
    expect(
      met(
        {
          id: 'cookiePresent',
          params: { client: 'alice', name: 'AWSALB', minLifetimeSeconds: 600_000 },
        },
        lab,
      ),
    ).toBe(true)
    expect(
      met(
        {
          id: 'cookiePresent',
          params: { client: 'alice', name: 'SESSIONID', minLifetimeSeconds: 1 },
        },
        lab,
      ),
    ).toBe(false)
    expect(
      met(
        { id: 'cookiePresent', params: { client: 'alice', name: 'AWSALBTG', present: false } },
        lab,
      ),
    ).toBe(true)
    expect(
      met(
        { id: 'targetHealth', params: { targetGroup: 'web', target: 'i-1', state: 'healthy' } },
        lab,
      ),
    ).toBe(true)
    expect(
      met({ id: 'targetCount', params: { targetGroup: 'web', state: 'healthy', min: 3 } }, lab),
    ).toBe(true)
    expect(
      met({ id: 'targetCount', params: { targetGroup: 'web', state: 'healthy', min: 4 } }, lab),
    ).toBe(false)
    lab.stopInstance('i-2')
    expect(met({ id: 'instanceRunning', params: { target: 'i-2', running: false } }, lab)).toBe(
      true,
    )
    expect(met({ id: 'listenerProtocol', params: { protocol: 'HTTPS' } }, lab)).toBe(true)
    expect(met({ id: 'sessionStore', params: { store: 'memory' } }, lab)).toBe(true)
    expect(
      met(
        {
          id: 'clientSettings',
          params: { client: 'alice', cookiesEnabled: true, userAgent: 'chromium' },
        },
        lab,
      ),
    ).toBe(true)
    expect(met({ id: 'clientSettings', params: { client: 'zoe' } }, lab)).toBe(false)
    expect(met({ id: 'clientExists', params: { client: 'bob' } }, lab)).toBe(false)
    expect(met({ id: 'always', params: {} }, lab)).toBe(true)
  })

  it('read the weighted forward action', () => {
    const lab = buildScenarioLab(findScenario('blue-green')!)
    expect(met({ id: 'forwardWeighted', params: {} }, lab)).toBe(true)
    expect(met({ id: 'forwardWeighted', params: { minGroups: 3 } }, lab)).toBe(false)
    expect(
      met(
        {
          id: 'forwardWeighted',
          params: { groupStickiness: true, weights: { web: 1, green: 0 }, positive: ['web'] },
        },
        lab,
      ),
    ).toBe(true)
    expect(met({ id: 'forwardWeighted', params: { positive: ['green'] } }, lab)).toBe(false)
    expect(met({ id: 'forwardWeighted', params: {} }, defaultLab(1))).toBe(false)
  })

  it('read WebSockets and elapsed time', () => {
    const lab = buildScenarioLab(findScenario('websocket')!)
    const ctx = markOf(lab)
    expect(
      met({ id: 'webSocket', params: { client: 'alice', open: true, notTarget: 'i-2' } }, lab),
    ).toBe(true)
    expect(
      met({ id: 'webSocket', params: { client: 'alice', open: true, minMessages: 1 } }, lab),
    ).toBe(false)
    lab.sendWebSocketMessage('alice')
    expect(
      met({ id: 'webSocket', params: { client: 'alice', open: true, minMessages: 1 } }, lab),
    ).toBe(true)
    lab.closeWebSocket('alice')
    expect(met({ id: 'webSocket', params: { client: 'alice', open: false } }, lab)).toBe(true)
    expect(met({ id: 'timeElapsed', params: { seconds: 10 } }, lab, ctx)).toBe(false)
    lab.advance(10)
    expect(
      areGoalsMet(
        [
          { id: 'timeElapsed', params: { seconds: 10 } },
          { id: 'always', params: {} },
        ],
        lab,
        ctx,
      ),
    ).toBe(true)
  })
})

describe('observations and feedback', () => {
  const prediction: Prediction = {
    question: 'Which instance?',
    choices: [
      { value: 'i-1', label: 'i-1' },
      { value: 'i-2', label: 'i-2' },
    ],
    observe: { kind: 'request', which: 'first', client: 'alice', field: 'target' },
    note: 'Round robin takes turns.',
  }

  it('read the first or last matching request, or nothing yet', () => {
    const lab = defaultLab(1)
    const ctx = markOf(lab)
    expect(observe(prediction.observe, lab, ctx)).toBeNull()
    lab.request('alice')
    lab.request('alice', { path: '/cart/add' })
    expect(observe(prediction.observe, lab, ctx)?.value).toBe('i-1')
    expect(
      observe({ kind: 'request', which: 'last', client: 'alice', field: 'target' }, lab, ctx)
        ?.value,
    ).toBe('i-2')
    const fields = ['status', 'sticky', 'cartKept', 'cartItems', 'targetGroup', 'decision'] as const
    const values = fields.map(
      (field) => observe({ kind: 'request', which: 'last', field }, lab, ctx)?.value,
    )
    expect(values).toEqual(['200', 'no', 'no', '1', 'web', 'round-robin'])
    const sent = observe(
      { kind: 'request', which: 'last', field: 'sentCookies', among: ['AWSALB', 'SESSIONID'] },
      lab,
      ctx,
    )
    expect(sent).toMatchObject({ value: 'SESSIONID', outcome: 'The browser sent SESSIONID.' })
  })

  it('read cookies, a cookie’s lifetime, goals and fixed answers', () => {
    const lab = sticky()
    const ctx = markOf(lab)
    expect(
      observe({ kind: 'cookies', client: 'alice', among: ['AWSALBAPP-0', 'AWSALB'] }, lab, ctx)
        ?.value,
    ).toBe('AWSALB')
    expect(
      observe(
        { kind: 'cookieExpiresIn', client: 'alice', name: 'AWSALB', candidates: [60, 604_800] },
        lab,
        ctx,
      ),
    ).toMatchObject({
      value: '604800',
      outcome: 'AWSALB expires in 7 days.',
    })
    expect(
      observe(
        { kind: 'cookieExpiresIn', client: 'alice', name: 'NOPE', candidates: [1, 2] },
        lab,
        ctx,
      ),
    ).toBeNull()
    const g = observe(
      {
        kind: 'goal',
        goals: [{ id: 'listenerProtocol', params: { protocol: 'HTTP' } }],
        yes: 'HTTP.',
        no: 'HTTPS.',
      },
      lab,
      ctx,
    )
    expect(g).toEqual({ value: 'no', outcome: 'HTTPS.', why: null })
    expect(observe({ kind: 'fixed', value: 'x', because: 'Because.' }, lab, ctx)).toEqual({
      value: 'x',
      outcome: 'Because.',
      why: null,
    })
  })

  it('a 5xx has no cart, and names no session', () => {
    const lab = buildScenarioLab(findScenario('cart-sticky')!)
    for (const id of ['i-1', 'i-2', 'i-3']) lab.stopInstance(id)
    const ctx = markOf(lab)
    lab.request('alice', { path: '/cart/add' })
    expect(observe({ kind: 'request', which: 'first', field: 'cartKept' }, lab, ctx)).toMatchObject(
      { value: 'no' },
    )
    expect(observe({ kind: 'request', which: 'first', field: 'status' }, lab, ctx)?.outcome).toBe(
      'The response was 503 Service Unavailable.',
    )
  })

  it('feedback quotes the prediction, says what happened and why', () => {
    const lab = defaultLab(1)
    const ctx = markOf(lab)
    lab.request('alice')
    const fb = predictionFeedback(prediction, 'i-2', observe(prediction.observe, lab, ctx)!)
    expect(fb).toEqual({
      predicted: 'i-2',
      actual: 'i-1',
      correct: false,
      text: 'You predicted “i-2”. The request went to i-1. Why: Stickiness is off, so round robin picked i-1. Round robin takes turns.',
    })
    expect(
      predictionFeedback(prediction, 'i-1', observe(prediction.observe, lab, ctx)!).correct,
    ).toBe(true)
  })

  it('helpers', () => {
    expect(headerCarries('', 'A')).toBe(false)
    expect(headerCarries('AWSALB=x; AWSALBCORS=y', 'AWSALBCORS')).toBe(true)
    expect(headerCarries('AWSALBCORS=y', 'AWSALB')).toBe(false)
    expect([604_800, 86_400, 7200, 60, 90].map(humanSeconds)).toEqual([
      '7 days',
      '1 day',
      '2 hours',
      '1 minute',
      '90 s',
    ])
  })
})
