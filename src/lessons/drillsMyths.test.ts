// Each myth drill's "Try it in the lab" does what its text says: the scenario is built as the lab builds it,
// the learner's steps are applied through the Lab API, and what the text promises is what the lab shows.
import { describe, expect, it } from 'vitest'
import type { Lab } from '../sim'
import { DRILLS } from './drills'
import { MYTH_DRILLS } from './drillsMyths'
import { buildScenarioLab, findScenario } from './scenarios'

function drill(id: string) {
  const d = MYTH_DRILLS.find((x) => x.id === id)
  if (d === undefined) throw new Error(id)
  return d
}

function labFor(id: string): { lab: Lab; tryIt: string } {
  const d = drill(id)
  const scenario = findScenario(d.scenario)
  expect(scenario, d.scenario).toBeDefined()
  return { lab: buildScenarioLab(scenario!), tryIt: d.tryIt }
}

function cookie(lab: Lab, client: string, name: string) {
  return lab.cookies(client).find((c) => c.name === name)
}

describe('myth drills: each scenario disproves its myth as the text says', () => {
  it('are appended to DRILLS, five of them, each on an existing scenario', () => {
    expect(MYTH_DRILLS).toHaveLength(5)
    for (const d of MYTH_DRILLS) {
      expect(DRILLS).toContain(d)
      expect(findScenario(d.scenario), d.id).toBeDefined()
    }
  })

  it('AWSALB “7 days, cannot be changed”: Expires is +7 days, yet 60 idle seconds end the binding', () => {
    const { lab, tryIt } = labFor('myth-awsalb-seven-days')
    const before = cookie(lab, 'alice', 'AWSALB')!
    expect(before.expiresAt).toBe(lab.now() + 7 * 86_400)
    lab.advance(300)
    const r = lab.request('alice')
    expect(r.decision).toBe('sticky-miss-expired')
    expect(tryIt).toContain('sticky-miss-expired')
    expect(lab.history()[0]!.targetId).toBe('i-1')
    expect(r.targetId).toBe('i-2')
    expect(tryIt).toContain('from i-1 to i-2')
    const after = cookie(lab, 'alice', 'AWSALB')!
    expect(after.value).not.toBe(before.value)
    expect(after.expiresAt).toBe(300 + 7 * 86_400)
  })

  it('“sticky sessions require an ALB”: the CLB sticks with AWSELB, the NLB by source IP without a cookie', () => {
    const { lab, tryIt } = labFor('myth-sticky-needs-alb')
    expect(cookie(lab, 'alice', 'AWSELB')).toBeDefined()
    for (let i = 0; i < 2; i++) {
      const r = lab.request('alice')
      expect([r.decision, r.targetId]).toEqual(['sticky-hit', 'i-1'])
    }
    expect(tryIt).toContain('on i-1 (sticky-hit)')
    lab.setLoadBalancerType('network')
    expect(
      lab.modifyTargetGroupAttributes('web', {
        'stickiness.enabled': 'true',
        'stickiness.type': 'source_ip',
      }),
    ).toEqual({ ok: true })
    const first = lab.request('alice', { newConnection: true })
    const second = lab.request('alice', { newConnection: true })
    expect(second.decision).toBe('source-ip-sticky-hit')
    expect(second.targetId).toBe(first.targetId)
    expect(second.setCookie.filter((line) => !line.startsWith('SESSIONID'))).toEqual([])
  })

  it('“an ALB can stick by source IP”: AWS refuses the type on the HTTP group and nothing changes', () => {
    const { lab, tryIt } = labFor('myth-alb-source-ip')
    const before = lab.targetGroups()[0]!.attributes
    const r = lab.modifyTargetGroupAttributes('web', {
      'stickiness.enabled': 'true',
      'stickiness.type': 'source_ip',
    })
    expect(r).toMatchObject({
      ok: false,
      code: 'InvalidConfigurationRequest',
      message:
        "Stickiness type 'source_ip' is not supported for target groups with the HTTP protocol",
    })
    expect(tryIt).toContain(`InvalidConfigurationRequest: ${r.ok ? '' : r.message}`)
    expect(lab.targetGroups()[0]!.attributes).toEqual(before)
    expect(
      lab.modifyTargetGroupAttributes('web', { 'preserve_client_ip.enabled': 'true' }),
    ).toMatchObject({
      ok: false,
      message: 'The provided target group attribute is not supported',
    })
  })

  it('“NAT breaks NLB stickiness”: everyone behind the NAT sticks to one target', () => {
    const { lab, tryIt } = labFor('myth-nat-breaks-nlb-stickiness')
    const office = ['bob', 'carol', 'dave'].map((c) => lab.request(c))
    expect(office.map((r) => r.targetId)).toEqual(['i-2', 'i-2', 'i-2'])
    expect(office.map((r) => r.decision)).toEqual([
      'source-ip-sticky-new',
      'source-ip-sticky-hit',
      'source-ip-sticky-hit',
    ])
    expect(tryIt).toContain('203.0.113.10 and reach i-2')
    expect(
      lab
        .clients()
        .filter((c) => c.sourceIp === '203.0.113.10')
        .map((c) => c.id),
    ).toEqual(['bob', 'carol', 'dave'])
    expect(lab.request('alice').targetId).not.toBe('i-2')
  })

  it('“the NLB hashes source IP and port”: new ports, same target; without stickiness the hash spreads them', () => {
    const { lab, tryIt } = labFor('myth-nlb-hashes-ip-port')
    const sticky = [0, 1, 2, 3].map(() => lab.request('alice', { newConnection: true }))
    expect(new Set(sticky.map((r) => r.targetId))).toEqual(new Set(['i-2']))
    expect(sticky.slice(1).every((r) => r.decision === 'source-ip-sticky-hit')).toBe(true)
    expect(tryIt).toContain('reaches i-2 (source-ip-sticky-hit)')
    // Each connection has its own source port: the port is not part of the sticky key.
    const ports = sticky.map((r) => (r.facts as { route: { sourcePort: number } }).route.sourcePort)
    expect(new Set(ports).size).toBe(4)
    expect(lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'false' })).toEqual({
      ok: true,
    })
    const spread = [0, 1, 2, 3].map(() => lab.request('alice', { newConnection: true }))
    expect(spread.every((r) => r.decision === 'flow-hash')).toBe(true)
    expect(new Set(spread.map((r) => r.targetId)).size).toBeGreaterThan(1)
    expect(
      lab.modifyTargetGroupAttributes('web', { 'stickiness.type': 'source_ip_dest_ip' }),
    ).toMatchObject({
      ok: false,
      message:
        "Stickiness type 'source_ip_dest_ip' is not supported for target groups with the TCP protocol",
    })
  })
})
