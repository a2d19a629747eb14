// The Classic Load Balancer's ModifyLoadBalancerAttributes / DescribeLoadBalancerAttributes (elb API): defaults of a
// console-created load balancer, each structure's checks with AWS's codes, the effect of connection draining on a
// deregistered instance, and labs saved before the attributes existed.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createLab, replayLab, restoreLab, validateCommand } from '../index'
import type { Lab, World } from '../index'

function clb(): Lab {
  const lab = createLab({ seed: 1, loadBalancerType: 'classic' })
  lab.addClient('a')
  return lab
}

const DEFAULTS = {
  CrossZoneLoadBalancing: { Enabled: true },
  AccessLog: { Enabled: false },
  ConnectionDraining: { Enabled: true, Timeout: 300 },
  ConnectionSettings: { IdleTimeout: 60 },
  AdditionalAttributes: [{ Key: 'elb.http.desyncmitigationmode', Value: 'defensive' }],
}

/** Whether describeInstanceHealth still lists the instance (as draining). */
const listed = (lab: Lab, id: string): boolean =>
  lab.describeInstanceHealth().some((h) => h.InstanceId === id)

describe('CLB DescribeLoadBalancerAttributes', () => {
  it('a new Classic Load Balancer has the console defaults; other types have none', () => {
    expect(clb().describeClassicLoadBalancerAttributes()).toEqual(DEFAULTS)
    expect(createLab({ seed: 1 }).describeClassicLoadBalancerAttributes()).toBeNull()
  })

  it('a lab saved before the attributes existed loads with the defaults', () => {
    const lab = clb()
    const world = lab.snapshot() as World
    delete world.classic!.attributes
    expect(restoreLab(world).describeClassicLoadBalancerAttributes()).toEqual(DEFAULTS)
  })

  it('structures not sent keep their values; ConnectionDraining without Timeout keeps the timeout', () => {
    const lab = clb()
    expect(
      lab.modifyClassicLoadBalancerAttributes({
        ConnectionDraining: { Enabled: true, Timeout: 45 },
        ConnectionSettings: { IdleTimeout: 4000 },
      }),
    ).toEqual({ ok: true })
    expect(
      lab.modifyClassicLoadBalancerAttributes({ ConnectionDraining: { Enabled: false } }),
    ).toEqual({ ok: true })
    expect(
      lab.modifyClassicLoadBalancerAttributes({
        CrossZoneLoadBalancing: { Enabled: false },
        AccessLog: { Enabled: true, S3BucketName: 'logs', EmitInterval: 5, S3BucketPrefix: 'prod' },
        AdditionalAttributes: [{ Key: 'elb.http.desyncmitigationmode', Value: 'strictest' }],
      }),
    ).toEqual({ ok: true })
    expect(lab.describeClassicLoadBalancerAttributes()).toEqual({
      CrossZoneLoadBalancing: { Enabled: false },
      AccessLog: { Enabled: true, S3BucketName: 'logs', EmitInterval: 5, S3BucketPrefix: 'prod' },
      ConnectionDraining: { Enabled: false, Timeout: 45 },
      ConnectionSettings: { IdleTimeout: 4000 },
      AdditionalAttributes: [{ Key: 'elb.http.desyncmitigationmode', Value: 'strictest' }],
    })
    // An AccessLog sent replaces the whole setting (EmitInterval back to its default of 60 minutes).
    lab.modifyClassicLoadBalancerAttributes({ AccessLog: { Enabled: true, S3BucketName: 'b' } })
    expect(lab.describeClassicLoadBalancerAttributes()!.AccessLog).toEqual({
      Enabled: true,
      S3BucketName: 'b',
      EmitInterval: 60,
    })
  })
})

describe('CLB ModifyLoadBalancerAttributes refusals', () => {
  const cases: [string, unknown, { code: string; field: string; message?: string }][] = [
    [
      'Timeout 0',
      { ConnectionDraining: { Enabled: true, Timeout: 0 } },
      {
        code: 'ValidationError',
        field: 'ConnectionDraining.Timeout',
        message: "'ConnectionDraining.Timeout' value '0' must be between '1-3600' inclusive",
      },
    ],
    [
      'Timeout 3601',
      { ConnectionDraining: { Enabled: true, Timeout: 3601 } },
      { code: 'ValidationError', field: 'ConnectionDraining.Timeout' },
    ],
    [
      'Timeout 1.5',
      { ConnectionDraining: { Enabled: true, Timeout: 1.5 } },
      { code: 'ValidationError', field: 'ConnectionDraining.Timeout' },
    ],
    [
      'Enabled missing',
      { ConnectionDraining: { Timeout: 30 } },
      {
        code: 'ValidationError',
        field: 'ConnectionDraining.Enabled',
        message:
          "1 validation error detected: Value null at 'loadBalancerAttributes.connectionDraining.enabled' failed to satisfy constraint: Member must not be null",
      },
    ],
    [
      'Enabled a string',
      { ConnectionDraining: { Enabled: 'true' } },
      { code: 'ValidationError', field: 'ConnectionDraining.Enabled' },
    ],
    [
      'IdleTimeout 0',
      { ConnectionSettings: { IdleTimeout: 0 } },
      {
        code: 'ValidationError',
        field: 'ConnectionSettings.IdleTimeout',
        message: "'ConnectionSettings.IdleTimeout' value '0' must be between '1-4000' inclusive",
      },
    ],
    [
      'IdleTimeout 4001',
      { ConnectionSettings: { IdleTimeout: 4001 } },
      { code: 'ValidationError', field: 'ConnectionSettings.IdleTimeout' },
    ],
    [
      'IdleTimeout missing',
      { ConnectionSettings: {} },
      { code: 'ValidationError', field: 'ConnectionSettings.IdleTimeout' },
    ],
    [
      'CrossZone Enabled missing',
      { CrossZoneLoadBalancing: {} },
      { code: 'ValidationError', field: 'CrossZoneLoadBalancing.Enabled' },
    ],
    [
      'EmitInterval 10',
      { AccessLog: { Enabled: true, S3BucketName: 'b', EmitInterval: 10 } },
      {
        code: 'ValidationError',
        field: 'AccessLog.EmitInterval',
        message: "'AccessLog.EmitInterval' value '10' must be one of [5, 60]",
      },
    ],
    [
      'logs without a bucket',
      { AccessLog: { Enabled: true } },
      { code: 'InvalidConfigurationRequest', field: 'AccessLog.S3BucketName' },
    ],
    [
      'unknown attribute',
      { ConnectionTimeout: { Enabled: true } },
      {
        code: 'LoadBalancerAttributeNotFound',
        field: 'ConnectionTimeout',
        message: 'The specified load balancer attribute does not exist.',
      },
    ],
    [
      'unknown member',
      { ConnectionDraining: { Enabled: true, Seconds: 3 } },
      { code: 'LoadBalancerAttributeNotFound', field: 'ConnectionDraining.Seconds' },
    ],
    [
      'unknown additional key',
      { AdditionalAttributes: [{ Key: 'elb.nope', Value: 'x' }] },
      { code: 'LoadBalancerAttributeNotFound', field: 'AdditionalAttributes.member.1.Key' },
    ],
    [
      'bad desync mode',
      { AdditionalAttributes: [{ Key: 'elb.http.desyncmitigationmode', Value: 'loose' }] },
      { code: 'ValidationError', field: 'AdditionalAttributes.member.1.Value' },
    ],
  ]
  it.each(cases)('%s', (_name, input, expected) => {
    const lab = clb()
    const before = JSON.stringify(lab.snapshot())
    const out = lab.modifyClassicLoadBalancerAttributes(input as never)
    expect(out).toMatchObject({ ok: false, ...expected })
    // validateCommand answers the same without running it, and a refusal changes nothing.
    expect(
      validateCommand(lab, { call: 'modifyClassicLoadBalancerAttributes', args: [input as never] }),
    ).toEqual(out)
    expect(JSON.stringify(lab.snapshot())).toBe(before)
  })

  it('the bounds themselves are accepted', () => {
    const lab = clb()
    for (const Timeout of [1, 3600])
      expect(
        lab.modifyClassicLoadBalancerAttributes({ ConnectionDraining: { Enabled: true, Timeout } }),
      ).toEqual({ ok: true })
    for (const IdleTimeout of [1, 4000])
      expect(
        lab.modifyClassicLoadBalancerAttributes({ ConnectionSettings: { IdleTimeout } }),
      ).toEqual({ ok: true })
  })

  it('on another load balancer type the Classic API answers LoadBalancerNotFound', () => {
    const lab = createLab({ seed: 1 })
    expect(
      lab.modifyClassicLoadBalancerAttributes({ ConnectionSettings: { IdleTimeout: 30 } }),
    ).toMatchObject({
      ok: false,
      code: 'LoadBalancerNotFound',
    })
  })

  it('any timeout is accepted exactly when it is a whole number from 1 to 3600 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10, max: 5000 }), (Timeout) => {
        const out = clb().modifyClassicLoadBalancerAttributes({
          ConnectionDraining: { Enabled: true, Timeout },
        })
        expect(out.ok).toBe(Timeout >= 1 && Timeout <= 3600)
      }),
      { numRuns: 40 },
    )
  })
})

describe('CLB connection draining (modelled)', () => {
  it('a deregistered instance stays in service, draining, for Timeout seconds, then leaves', () => {
    const lab = clb()
    lab.modifyClassicLoadBalancerAttributes({ ConnectionDraining: { Enabled: true, Timeout: 30 } })
    lab.deregisterInstancesFromLoadBalancer(['i-1'])
    expect(lab.describeInstanceHealth()[0]).toMatchObject({
      InstanceId: 'i-1',
      State: 'InService',
      Description: 'Instance deregistration currently in progress.',
    })
    // It takes no new requests meanwhile.
    for (let i = 0; i < 6; i++) expect(lab.request('a').targetId).not.toBe('i-1')
    lab.advance(29)
    expect(listed(lab, 'i-1')).toBe(true)
    lab.advance(1)
    expect(listed(lab, 'i-1')).toBe(false)
  })

  it('with connection draining disabled the instance leaves at once', () => {
    const lab = clb()
    lab.modifyClassicLoadBalancerAttributes({ ConnectionDraining: { Enabled: false } })
    lab.deregisterInstancesFromLoadBalancer(['i-2'])
    expect(listed(lab, 'i-2')).toBe(false)
  })

  it('the default drains for 300 s, as the lab always has', () => {
    const lab = clb()
    lab.deregisterInstancesFromLoadBalancer(['i-3'])
    lab.advance(299)
    expect(listed(lab, 'i-3')).toBe(true)
    lab.advance(1)
    expect(listed(lab, 'i-3')).toBe(false)
  })

  it('replays to the same world', () => {
    const lab = clb()
    lab.modifyClassicLoadBalancerAttributes({ ConnectionDraining: { Enabled: true, Timeout: 12 } })
    lab.deregisterInstancesFromLoadBalancer(['i-1'])
    lab.advance(5)
    lab.request('a')
    const again = replayLab(1, lab.log())
    expect(JSON.stringify(again.snapshot())).toBe(JSON.stringify(lab.snapshot()))
  })
})
