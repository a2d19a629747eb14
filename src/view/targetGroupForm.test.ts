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
  withDuration,
  type TargetGroupConfig,
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
    expect(c.fields).toEqual(['stickiness', 'duration'])
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
    expect(c.fields).toEqual(['interval', 'unhealthyThreshold'])
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
  it('maps a quoted attribute key to its field', () => {
    expect(
      fieldForTargetGroupError(
        "'stickiness.lb_cookie.duration_seconds' value '0' must be between '1-604800' inclusive",
        [],
      ),
    ).toBe('duration')
    expect(
      fieldForTargetGroupError(
        "'stickiness.app_cookie.duration_seconds' value '0' must be between '1-604800' inclusive",
        [],
      ),
    ).toBe('duration')
    expect(
      fieldForTargetGroupError(
        "'deregistration_delay.timeout_seconds' value '4000' must be between '0-3600' inclusive",
        [],
      ),
    ).toBe('deregistrationDelay')
    expect(
      fieldForTargetGroupError(
        "'slow_start.duration_seconds' value '10' must be 0 or between '30-900' inclusive",
        [],
      ),
    ).toBe('slowStart')
  })
  it('maps health-check constraint messages to their field', () => {
    const msg = (f: string) =>
      `1 validation error detected: Value '1' at '${f}' failed to satisfy constraint: Member must have value greater than or equal to 2`
    expect(fieldForTargetGroupError(msg('healthCheckIntervalSeconds'), [])).toBe('interval')
    expect(fieldForTargetGroupError(msg('healthCheckTimeoutSeconds'), [])).toBe('timeout')
    expect(fieldForTargetGroupError(msg('healthyThresholdCount'), [])).toBe('healthyThreshold')
    expect(fieldForTargetGroupError(msg('unhealthyThresholdCount'), [])).toBe('unhealthyThreshold')
    expect(
      fieldForTargetGroupError("Health check timeout '30' must be smaller than the interval '30'", [
        'interval',
      ]),
    ).toBe('interval')
    expect(
      fieldForTargetGroupError(
        "Health check timeout '30' must be smaller than the interval '30'",
        [],
      ),
    ).toBe('timeout')
  })
  it('puts a combination error beside the field the learner changed', () => {
    const wr =
      'You cannot have both stickiness and weighted random algorithm enabled on the same target group.'
    expect(fieldForTargetGroupError(wr, ['stickiness', 'duration'])).toBe('stickiness')
    expect(fieldForTargetGroupError(wr, ['algorithm'])).toBe('algorithm')
    const cz =
      'You cannot enable stickiness on a target group with cross-zone load balancing turned off'
    expect(fieldForTargetGroupError(cz, ['crossZone'])).toBe('crossZone')
    expect(fieldForTargetGroupError(cz, ['stickiness'])).toBe('stickiness')
  })
  it('places the app cookie name error beside the name', () => {
    expect(
      fieldForTargetGroupError(
        "You must set an application cookie name to enable stickiness of type 'app_cookie'",
        ['stickiness'],
      ),
    ).toBe('cookieName')
  })
  it('falls back to the top of the form', () => {
    expect(
      fieldForTargetGroupError('The provided target group attribute is not supported', []),
    ).toBe('form')
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
      expect([set(min), set(max), set(min - 1) && !zero, set(max + 1)], key).toEqual([true, true, false, false])
    }
    expect(attributeRange('slow_start.duration_seconds')).toEqual({ min: 30, max: 900, zero: true })
    expect(() => attributeRange('stickiness.enabled')).toThrow()
  })
})
