// The attribute audit's Classic Load Balancer rows (docs/attributes.md, "Classic Load Balancer attributes"): for every
// LoadBalancerAttributes member the catalogue lists, the default DescribeLoadBalancerAttributes shows, a valid value
// accepted and described, an invalid one refused with its code and text, and the call refused on every other type.
import { describe, expect, it } from 'vitest'
import { createLab } from './index'
import type { ClassicLoadBalancerAttributes, ClassicLoadBalancerAttributesView } from './index'
import { ATTRIBUTE_CATALOG, noEffectNote } from './model/attributeCatalog'

type View = ClassicLoadBalancerAttributesView

interface Row {
  /** The value describe shows on a new lab. */
  def: unknown
  read: (v: View) => unknown
  /** A call that sets a valid value, and that value as describe then shows it. */
  valid: ClassicLoadBalancerAttributes
  shows: unknown
  /** A call with an invalid value and AWS's (or the simulator's) answer. */
  invalid: unknown
  rejects: { code: string; message: string; field: string }
}

const range = (field: string, v: number, lo: number, hi: number) => ({
  code: 'ValidationError',
  message: `'${field}' value '${v}' must be between '${lo}-${hi}' inclusive`,
  field,
})
const notBool = (field: string) => ({
  code: 'ValidationError',
  message: `'${field}' must be true or false, got 'yes'`,
  field,
})
const DESYNC = 'elb.http.desyncmitigationmode'
const LOGS = { Enabled: true, S3BucketName: 'lab-logs', EmitInterval: 5, S3BucketPrefix: 'prod' }

const ROWS: Record<string, Row> = {
  'ConnectionDraining.Enabled': {
    def: true,
    read: (v) => v.ConnectionDraining.Enabled,
    valid: { ConnectionDraining: { Enabled: false } },
    shows: false,
    invalid: { ConnectionDraining: { Enabled: 'yes' } },
    rejects: notBool('ConnectionDraining.Enabled'),
  },
  'ConnectionDraining.Timeout': {
    def: 300,
    read: (v) => v.ConnectionDraining.Timeout,
    valid: { ConnectionDraining: { Enabled: true, Timeout: 3600 } },
    shows: 3600,
    invalid: { ConnectionDraining: { Enabled: true, Timeout: 3601 } },
    rejects: range('ConnectionDraining.Timeout', 3601, 1, 3600),
  },
  'ConnectionSettings.IdleTimeout': {
    def: 60,
    read: (v) => v.ConnectionSettings.IdleTimeout,
    valid: { ConnectionSettings: { IdleTimeout: 4000 } },
    shows: 4000,
    invalid: { ConnectionSettings: { IdleTimeout: 0 } },
    rejects: range('ConnectionSettings.IdleTimeout', 0, 1, 4000),
  },
  'CrossZoneLoadBalancing.Enabled': {
    def: true,
    read: (v) => v.CrossZoneLoadBalancing.Enabled,
    valid: { CrossZoneLoadBalancing: { Enabled: false } },
    shows: false,
    invalid: { CrossZoneLoadBalancing: { Enabled: 'yes' } },
    rejects: notBool('CrossZoneLoadBalancing.Enabled'),
  },
  'AccessLog.Enabled': {
    def: false,
    read: (v) => v.AccessLog.Enabled,
    valid: { AccessLog: LOGS },
    shows: true,
    invalid: { AccessLog: { Enabled: 'yes' } },
    rejects: notBool('AccessLog.Enabled'),
  },
  'AccessLog.S3BucketName': {
    def: undefined,
    read: (v) => v.AccessLog.S3BucketName,
    valid: { AccessLog: LOGS },
    shows: 'lab-logs',
    invalid: { AccessLog: { Enabled: true } },
    rejects: {
      code: 'InvalidConfigurationRequest',
      message: 'An S3 bucket name is required to enable access logs',
      field: 'AccessLog.S3BucketName',
    },
  },
  'AccessLog.EmitInterval': {
    def: undefined,
    read: (v) => v.AccessLog.EmitInterval,
    valid: { AccessLog: LOGS },
    shows: 5,
    invalid: { AccessLog: { ...LOGS, EmitInterval: 15 } },
    rejects: {
      code: 'ValidationError',
      message: "'AccessLog.EmitInterval' value '15' must be one of [5, 60]",
      field: 'AccessLog.EmitInterval',
    },
  },
  'AccessLog.S3BucketPrefix': {
    def: undefined,
    read: (v) => v.AccessLog.S3BucketPrefix,
    valid: { AccessLog: LOGS },
    shows: 'prod',
    invalid: { AccessLog: { ...LOGS, S3BucketPrefix: 7 } },
    rejects: {
      code: 'ValidationError',
      message: "'AccessLog.S3BucketPrefix' must be a string, got '7'",
      field: 'AccessLog.S3BucketPrefix',
    },
  },
  [DESYNC]: {
    def: 'defensive',
    read: (v) => v.AdditionalAttributes.find((a) => a.Key === DESYNC)?.Value,
    valid: { AdditionalAttributes: [{ Key: DESYNC, Value: 'monitor' }] },
    shows: 'monitor',
    invalid: { AdditionalAttributes: [{ Key: DESYNC, Value: 'off' }] },
    rejects: {
      code: 'ValidationError',
      message: `'AdditionalAttributes.member.1.Value' value 'off' must be one of [monitor, defensive, strictest]`,
      field: 'AdditionalAttributes.member.1.Value',
    },
  },
}

const CLASSIC_ROWS = ATTRIBUTE_CATALOG.filter(
  (r) => r.scope === 'classic' && r.effect !== 'not-offered',
)
const clb = () => createLab({ seed: 1, loadBalancerType: 'classic' })

describe('Classic Load Balancer attributes: every member (docs/attributes.md)', () => {
  it('the test table and the catalogue list the same members', () => {
    expect(Object.keys(ROWS).sort()).toEqual(CLASSIC_ROWS.map((r) => r.key).sort())
  })

  for (const row of CLASSIC_ROWS) {
    const t = ROWS[row.key]!
    it(`${row.key}: default, a valid value and an invalid one`, () => {
      const lab = clb()
      expect(t.read(lab.describeClassicLoadBalancerAttributes()!)).toEqual(t.def)
      const before = JSON.stringify(lab.snapshot())
      expect(lab.modifyClassicLoadBalancerAttributes(t.invalid as never)).toEqual({
        ok: false,
        ...t.rejects,
      })
      expect(JSON.stringify(lab.snapshot())).toBe(before)
      expect(lab.modifyClassicLoadBalancerAttributes(t.valid)).toEqual({ ok: true })
      expect(t.read(lab.describeClassicLoadBalancerAttributes()!)).toEqual(t.shows)
    })

    it(`${row.key}: the UI note says whether the lab acts on it`, () => {
      expect(noEffectNote('classic', row.key, 'classic')).toBe(
        row.effect === 'no-effect' ? 'accepted; no effect in this simulator' : null,
      )
    })
  }

  it('every other type answers LoadBalancerNotFound and describes nothing', () => {
    for (const loadBalancerType of ['application', 'network', 'gateway'] as const) {
      const lab = createLab({ seed: 1, loadBalancerType })
      expect(lab.describeClassicLoadBalancerAttributes()).toBeNull()
      for (const t of Object.values(ROWS))
        expect(lab.modifyClassicLoadBalancerAttributes(t.valid)).toMatchObject({
          ok: false,
          code: 'LoadBalancerNotFound',
        })
    }
  })
})
