// The target group form's mapping: draft ↔ attributes, only changed keys sent, errors placed by field.
import { describe, expect, it } from 'vitest'
import { createLab } from '../sim'
import {
  attributeRange,
  changesFromDraft,
  draftFromConfig,
  durationOf,
  fieldForTargetGroupError,
  hasChanges,
  precheckHealthCheck,
  selectTargetGroupConfigs,
  withDuration,
  type TargetGroupConfig,
  type TargetGroupDraft,
} from './targetGroupForm'

const DEFAULTS: TargetGroupConfig = {
  attributes: {
    'stickiness.enabled': 'false',
    'stickiness.type': 'lb_cookie',
    'stickiness.lb_cookie.duration_seconds': '86400',
    'stickiness.app_cookie.cookie_name': '',
    'stickiness.app_cookie.duration_seconds': '86400',
    'load_balancing.algorithm.type': 'round_robin',
    'load_balancing.algorithm.anomaly_mitigation': 'off',
    'slow_start.duration_seconds': '0',
    'deregistration_delay.timeout_seconds': '300',
    'load_balancing.cross_zone.enabled': 'use_load_balancer_configuration',
  },
  healthCheck: {
    HealthCheckProtocol: 'HTTP',
    HealthCheckPort: 'traffic-port',
    HealthCheckPath: '/',
    Matcher: { HttpCode: '200' },
    HealthCheckIntervalSeconds: 30,
    HealthCheckTimeoutSeconds: 5,
    HealthyThresholdCount: 5,
    UnhealthyThresholdCount: 2,
  },
}

describe('draftFromConfig', () => {
  it('reads stickiness off from the defaults', () => {
    const d = draftFromConfig(DEFAULTS)
    expect(d.stickiness).toBe('off')
    expect(durationOf(d)).toBe('86400')
    expect(d.interval).toBe('30')
  })
  it('reads the enabled type', () => {
    const a = {
      ...DEFAULTS.attributes,
      'stickiness.enabled': 'true',
      'stickiness.type': 'app_cookie',
    }
    expect(draftFromConfig({ ...DEFAULTS, attributes: a }).stickiness).toBe('app_cookie')
  })
})

describe('changesFromDraft', () => {
  it('sends nothing when nothing changed', () => {
    const c = changesFromDraft(draftFromConfig(DEFAULTS), DEFAULTS)
    expect(hasChanges(c)).toBe(false)
  })
  it('maps the single duration field to the lb_cookie key', () => {
    const d = withDuration({ ...draftFromConfig(DEFAULTS), stickiness: 'lb_cookie' }, '20')
    const c = changesFromDraft(d, DEFAULTS)
    expect(c.attributes).toEqual({
      'stickiness.enabled': 'true',
      'stickiness.lb_cookie.duration_seconds': '20',
    })
  })
  it('maps the single duration field to the app_cookie key and sends the cookie name', () => {
    const d = withDuration(
      { ...draftFromConfig(DEFAULTS), stickiness: 'app_cookie', cookieName: 'SESSIONID' },
      '60',
    )
    expect(durationOf(d)).toBe('60')
    expect(changesFromDraft(d, DEFAULTS).attributes).toEqual({
      'stickiness.enabled': 'true',
      'stickiness.type': 'app_cookie',
      'stickiness.app_cookie.cookie_name': 'SESSIONID',
      'stickiness.app_cookie.duration_seconds': '60',
    })
  })
  it('passes out-of-range numbers through unchanged so AWS can reject them', () => {
    const d = withDuration({ ...draftFromConfig(DEFAULTS), stickiness: 'lb_cookie' }, '700000')
    expect(changesFromDraft(d, DEFAULTS).attributes['stickiness.lb_cookie.duration_seconds']).toBe(
      '700000',
    )
    const z = withDuration({ ...draftFromConfig(DEFAULTS), stickiness: 'lb_cookie' }, '0')
    expect(changesFromDraft(z, DEFAULTS).attributes['stickiness.lb_cookie.duration_seconds']).toBe(
      '0',
    )
  })
  it('turns stickiness off with one key', () => {
    const on = { ...DEFAULTS, attributes: { ...DEFAULTS.attributes, 'stickiness.enabled': 'true' } }
    const d = { ...draftFromConfig(on), stickiness: 'off' as const }
    expect(changesFromDraft(d, on).attributes).toEqual({ 'stickiness.enabled': 'false' })
  })
  it('sends only the changed health-check fields, as numbers', () => {
    const d = { ...draftFromConfig(DEFAULTS), interval: '10', unhealthyThreshold: '3' }
    const c = changesFromDraft(d, DEFAULTS)
    expect(c.attributes).toEqual({})
    expect(c.healthCheck).toEqual({ HealthCheckIntervalSeconds: 10, UnhealthyThresholdCount: 3 })
  })
  it('sends an emptied health-check field as NaN (AWS rejects it as not a whole number)', () => {
    const c = changesFromDraft({ ...draftFromConfig(DEFAULTS), timeout: '' }, DEFAULTS)
    expect(Number.isNaN(c.healthCheck.HealthCheckTimeoutSeconds)).toBe(true)
  })
  it('sends algorithm, cross-zone, deregistration delay and slow start', () => {
    const d = {
      ...draftFromConfig(DEFAULTS),
      algorithm: 'least_outstanding_requests',
      crossZone: 'false',
      deregistrationDelay: '30',
      slowStart: '60',
    }
    expect(changesFromDraft(d, DEFAULTS).attributes).toEqual({
      'load_balancing.algorithm.type': 'least_outstanding_requests',
      'load_balancing.cross_zone.enabled': 'false',
      'deregistration_delay.timeout_seconds': '30',
      'slow_start.duration_seconds': '60',
    })
  })
})

describe('precheckHealthCheck', () => {
  it('accepts a valid update and rejects what the core would reject, without changing anything', () => {
    expect(precheckHealthCheck(DEFAULTS.healthCheck, { HealthCheckIntervalSeconds: 10 })).toEqual({
      ok: true,
    })
    const bad = precheckHealthCheck(DEFAULTS.healthCheck, { HealthCheckIntervalSeconds: 4 })
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.code).toBe('ValidationError')
    const timeout = precheckHealthCheck(DEFAULTS.healthCheck, { HealthCheckTimeoutSeconds: 30 })
    expect(!timeout.ok && timeout.message).toBe(
      "Health check timeout '30' must be smaller than the interval '30'",
    )
    expect(DEFAULTS.healthCheck.HealthCheckIntervalSeconds).toBe(30)
  })
})

describe('fieldForTargetGroupError', () => {
  /** What "Apply" meets: the core's answer to the changes the learner's draft asks for. */
  function applyDraft(patch: Partial<TargetGroupDraft>, setup?: Record<string, string>) {
    const lab = createLab({ seed: 1 })
    if (setup) expect(lab.modifyTargetGroupAttributes('web', setup)).toEqual({ ok: true })
    const config = selectTargetGroupConfigs(lab)[0]!
    const changes = changesFromDraft({ ...draftFromConfig(config), ...patch }, config)
    if (Object.keys(changes.healthCheck).length > 0) {
      const pre = precheckHealthCheck(config.healthCheck, changes.healthCheck)
      if (!pre.ok) return fieldForTargetGroupError(pre)
    }
    const r = lab.modifyTargetGroupAttributes('web', changes.attributes)
    return r.ok ? null : fieldForTargetGroupError(r)
  }

  it('places a value AWS refuses beside the field that holds its key', () => {
    expect(applyDraft({ stickiness: 'lb_cookie', lbCookieDuration: '0' })).toBe('duration')
    expect(
      applyDraft({
        stickiness: 'app_cookie',
        cookieName: 'SESSIONID',
        appCookieDuration: '700000',
      }),
    ).toBe('duration')
    expect(applyDraft({ deregistrationDelay: '4000' })).toBe('deregistrationDelay')
    expect(applyDraft({ slowStart: '10' })).toBe('slowStart')
    expect(applyDraft({ stickiness: 'app_cookie', cookieName: 'AWSALBX' })).toBe('cookieName')
  })
  it('places health-check refusals beside their field', () => {
    expect(applyDraft({ interval: '1' })).toBe('interval')
    expect(applyDraft({ timeout: '' })).toBe('timeout')
    expect(applyDraft({ healthyThreshold: '11' })).toBe('healthyThreshold')
    expect(applyDraft({ unhealthyThreshold: '1' })).toBe('unhealthyThreshold')
    // Timeout ≥ interval: beside the one the learner changed, the timeout when both changed.
    expect(applyDraft({ interval: '5' })).toBe('interval')
    expect(applyDraft({ timeout: '30' })).toBe('timeout')
    expect(applyDraft({ interval: '5', timeout: '6' })).toBe('timeout')
  })
  it('puts a combination error beside the field the learner changed', () => {
    const sticky = { 'stickiness.enabled': 'true' }
    expect(applyDraft({ algorithm: 'weighted_random' }, sticky)).toBe('algorithm')
    expect(
      applyDraft(
        { stickiness: 'lb_cookie' },
        { 'load_balancing.algorithm.type': 'weighted_random' },
      ),
    ).toBe('stickiness')
    expect(applyDraft({ stickiness: 'lb_cookie', algorithm: 'weighted_random' })).toBe('algorithm')
    expect(applyDraft({ crossZone: 'false' }, sticky)).toBe('crossZone')
    expect(
      applyDraft({ stickiness: 'lb_cookie' }, { 'load_balancing.cross_zone.enabled': 'false' }),
    ).toBe('stickiness')
    expect(applyDraft({ anomalyMitigation: 'on' })).toBe('anomalyMitigation')
  })
  it('places the app cookie name error beside the name', () => {
    expect(applyDraft({ stickiness: 'app_cookie' })).toBe('cookieName')
  })
  it('falls back to the top of the form', () => {
    expect(fieldForTargetGroupError({ field: 'bogus' })).toBe('form')
    expect(fieldForTargetGroupError({ field: 'TargetGroupName' })).toBe('form')
    expect(fieldForTargetGroupError({})).toBe('form')
  })
})

describe('attributeRange', () => {
  it('gives the form the range the core enforces: both ends accepted, one past either refused', () => {
    for (const key of [
      'stickiness.lb_cookie.duration_seconds',
      'stickiness.app_cookie.duration_seconds',
      'deregistration_delay.timeout_seconds',
      'slow_start.duration_seconds',
    ]) {
      const { min, max, zero } = attributeRange(key)
      const lab = createLab({ seed: 1 })
      const set = (v: number) => lab.modifyTargetGroupAttributes('web', { [key]: String(v) }).ok
      expect([set(min), set(max), set(min - 1) && !zero, set(max + 1)], key).toEqual([
        true,
        true,
        false,
        false,
      ])
    }
    expect(attributeRange('slow_start.duration_seconds')).toEqual({ min: 30, max: 900, zero: true })
    expect(() => attributeRange('stickiness.enabled')).toThrow()
  })
})
