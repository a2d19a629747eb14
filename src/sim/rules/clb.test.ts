// Classic Load Balancer rules (reference §15): least-load routing, policy validation with AWS's
// message, the duration-based AWSELB (never refreshed, expiry enforced only by the browser, failover
// "as if no cookie") and the application-controlled AWSELB (copies the app cookie, failover sticks).

import { describe, expect, it } from 'vitest'
import { COOKIE_EXPIRATION_PERIOD_RANGE, createLab, replayLab } from '../index'
import type { Lab } from '../index'

function clb(seed = 1): Lab {
  const lab = createLab({ seed, loadBalancerType: 'classic' })
  lab.addClient('a')
  return lab
}

describe('CLB default world and routing', () => {
  it('an HTTP:80 listener, instances registered directly with CLB health-check defaults, no policies', () => {
    const lab = clb()
    expect(lab.targetGroups()).toEqual([])
    expect(lab.listener()).toMatchObject({
      protocol: 'HTTP',
      port: 80,
      instanceProtocol: 'HTTP',
      instancePort: 80,
      policyNames: [],
    })
    expect(lab.classicHealthCheck()).toEqual({
      Target: 'HTTP:80/',
      Interval: 30,
      Timeout: 5,
      UnhealthyThreshold: 2,
      HealthyThreshold: 10,
    })
    expect(lab.describeInstanceHealth()).toEqual(
      ['i-1', 'i-2', 'i-3'].map((id) => ({
        InstanceId: id,
        State: 'InService',
        ReasonCode: 'N/A',
        Description: 'N/A',
      })),
    )
    expect(lab.describeLoadBalancerPolicies()).toEqual([])
    expect(lab.createTargetGroup('x')).toMatchObject({ ok: false, code: 'ValidationError' })
  })

  it('routes to the instance with the fewest outstanding requests; ties go round robin', () => {
    const lab = clb()
    const idle = ['i-1', 'i-2', 'i-3', 'i-1'].map(() => lab.request('a').targetId)
    expect(idle).toEqual(['i-1', 'i-2', 'i-3', 'i-1'])
    // i-1 is still busy with the last request (0.5 s), so the next least-loaded pick skips it.
    lab.request('b', { durationSeconds: 30 }) // i-2, busy for 30 s
    const r = lab.request('c')
    expect(r).toMatchObject({
      targetId: 'i-3',
      decision: 'least-outstanding-requests',
      sticky: false,
    })
    expect(r.explanation).toContain('i-3 has the smallest load (1 outstanding')
    expect(lab.metrics()).toMatchObject({ RequestCount: 6, HTTPCode_Backend_2XX: 6 })
    expect(lab.metrics().NonStickyRequestCount).toBeUndefined()
  })

  it('a healthy threshold of 10: a recovering instance is OutOfService for 10 passing checks', () => {
    const lab = clb()
    lab.setHealthCheckFailing('i-2', true)
    lab.advance(60)
    expect(lab.describeInstanceHealth()[1]).toMatchObject({
      State: 'OutOfService',
      ReasonCode: 'Instance',
    })
    lab.setHealthCheckFailing('i-2', false)
    lab.advance(270)
    expect(lab.describeInstanceHealth()[1]!.State).toBe('OutOfService')
    lab.advance(30)
    expect(lab.describeInstanceHealth()[1]!.State).toBe('InService')
  })

  it('register / deregister instances with the load balancer', () => {
    const lab = clb()
    const id = lab.launchInstance()
    expect(lab.registerInstancesWithLoadBalancer([id])).toEqual({ ok: true })
    expect(lab.describeInstanceHealth().at(-1)).toMatchObject({
      InstanceId: 'i-4',
      State: 'OutOfService',
    })
    expect(lab.deregisterInstancesFromLoadBalancer(['i-1'])).toEqual({ ok: true })
    expect(lab.describeInstanceHealth()[0]).toMatchObject({
      InstanceId: 'i-1',
      Description: 'Instance deregistration currently in progress.',
    })
    expect(lab.registerInstancesWithLoadBalancer(['i-77'])).toMatchObject({
      ok: false,
      code: 'InvalidInstance',
    })
  })
})

describe('CLB policy API validation', () => {
  it('policy names allow only letters, digits and the dash (AWS message)', () => {
    const lab = clb()
    const bad = {
      ok: false,
      code: 'ValidationError',
      message: 'Policy name cannot contain characters that are not letters, or digits or the dash.',
      field: 'PolicyName',
    }
    expect(lab.createLBCookieStickinessPolicy({ policyName: 'my_policy' })).toEqual(bad)
    expect(
      lab.createAppCookieStickinessPolicy({ policyName: 'app policy', cookieName: 'SESSIONID' }),
    ).toEqual(bad)
    expect(
      lab.createLBCookieStickinessPolicy({ policyName: 'sticky-60', cookieExpirationPeriod: 60 }),
    ).toEqual({ ok: true })
    expect(lab.createLBCookieStickinessPolicy({ policyName: 'sticky-60' })).toMatchObject({
      ok: false,
      code: 'DuplicatePolicyName',
    })
    expect(
      lab.createLBCookieStickinessPolicy({ policyName: 'neg', cookieExpirationPeriod: -1 }),
    ).toMatchObject({ ok: false, code: 'ValidationError' })
    expect(
      lab.createAppCookieStickinessPolicy({ policyName: 'app', cookieName: 'bad name' }),
    ).toMatchObject({ ok: false, code: 'ValidationError' })
    expect(
      lab.createAppCookieStickinessPolicy({ policyName: 'app', cookieName: 'SESSIONID' }),
    ).toEqual({ ok: true })
    expect(lab.describeLoadBalancerPolicies()).toEqual([
      {
        PolicyName: 'sticky-60',
        PolicyTypeName: 'LBCookieStickinessPolicyType',
        PolicyAttributeDescriptions: [
          { AttributeName: 'CookieExpirationPeriod', AttributeValue: '60' },
        ],
      },
      {
        PolicyName: 'app',
        PolicyTypeName: 'AppCookieStickinessPolicyType',
        PolicyAttributeDescriptions: [{ AttributeName: 'CookieName', AttributeValue: 'SESSIONID' }],
      },
    ])
  })

  it('setLoadBalancerPoliciesOfListener: unknown policies, wrong port, two stickiness policies; [] removes', () => {
    const lab = clb()
    lab.createLBCookieStickinessPolicy({ policyName: 'd' })
    lab.createAppCookieStickinessPolicy({ policyName: 'p', cookieName: 'SESSIONID' })
    expect(
      lab.setLoadBalancerPoliciesOfListener({ loadBalancerPort: 80, policyNames: ['nope'] }),
    ).toMatchObject({
      ok: false,
      code: 'PolicyNotFound',
    })
    expect(
      lab.setLoadBalancerPoliciesOfListener({ loadBalancerPort: 443, policyNames: ['d'] }),
    ).toMatchObject({
      ok: false,
      code: 'ListenerNotFound',
    })
    expect(
      lab.setLoadBalancerPoliciesOfListener({ loadBalancerPort: 80, policyNames: ['d', 'p'] }),
    ).toMatchObject({
      ok: false,
      code: 'InvalidConfigurationRequest',
    })
    expect(
      lab.setLoadBalancerPoliciesOfListener({ loadBalancerPort: 80, policyNames: ['d'] }),
    ).toEqual({ ok: true })
    expect(lab.listener().policyNames).toEqual(['d'])
    expect(
      lab.setLoadBalancerPoliciesOfListener({ loadBalancerPort: 80, policyNames: [] }),
    ).toEqual({ ok: true })
    expect(lab.listener().policyNames).toEqual([])
  })

  it('policy calls fail on other load balancer types', () => {
    const lab = createLab()
    expect(lab.createLBCookieStickinessPolicy({ policyName: 'd' })).toMatchObject({
      ok: false,
      code: 'LoadBalancerNotFound',
    })
    expect(lab.describeLoadBalancerPolicies()).toEqual([])
    expect(lab.describeInstanceHealth()).toEqual([])
  })
})

describe('CLB duration-based stickiness (AWSELB)', () => {
  function withPolicy(period?: number): Lab {
    const lab = clb(2)
    lab.createLBCookieStickinessPolicy(
      period === undefined
        ? { policyName: 'd' }
        : { policyName: 'd', cookieExpirationPeriod: period },
    )
    lab.setLoadBalancerPoliciesOfListener({ loadBalancerPort: 80, policyNames: ['d'] })
    return lab
  }

  it('sets AWSELB once with Max-Age = the period; later responses do not refresh it', () => {
    const lab = withPolicy(60)
    const first = lab.request('a')
    expect(first.decision).toBe('sticky-miss-no-cookie')
    const elb = first.setCookie.find((l) => l.startsWith('AWSELB='))!
    expect(elb).toMatch(/^AWSELB=[A-Za-z0-9+/]{34}==; Max-Age=60; Path=\/$/)
    expect(first.setCookie.find((l) => l.startsWith('AWSELBCORS='))).toMatch(
      /; Max-Age=60; Path=\/; SameSite=None; Secure$/,
    )
    // The HTTP:80 listener: the browser refuses the Secure AWSELBCORS.
    expect(first.blockedCookies).toEqual([{ name: 'AWSELBCORS', reason: 'secure-over-http' }])
    const expiresAt = lab.cookies('a').find((c) => c.name === 'AWSELB')!.expiresAt
    expect(expiresAt).toBe(60)
    lab.advance(30)
    const second = lab.request('a')
    expect(second).toMatchObject({ decision: 'sticky-hit', sticky: true, targetId: first.targetId })
    expect(second.setCookie.some((l) => l.startsWith('AWSELB'))).toBe(false)
    expect(lab.cookies('a').find((c) => c.name === 'AWSELB')!.expiresAt).toBe(60)
    expect(lab.xray(lab.cookies('a').find((c) => c.name === 'AWSELB')!.value)).toMatchObject({
      kind: 'elb_cookie',
      targetId: first.targetId,
      durationSeconds: 60,
    })
  })

  it('absolute expiry enforced only by the browser: it drops AWSELB at 60 s; the CLB honours an old value', () => {
    const lab = withPolicy(60)
    const first = lab.request('a')
    const value = lab.cookies('a').find((c) => c.name === 'AWSELB')!.value
    lab.advance(40)
    lab.request('a') // active, but not refreshed
    lab.advance(20.001)
    expect(lab.cookies('a').some((c) => c.name === 'AWSELB')).toBe(false)
    const after = lab.request('a')
    expect(after.decision).toBe('sticky-miss-no-cookie')
    // A client that keeps the expired value (e.g. edited back in) is still sticky: the CLB never checks age.
    lab.advance(3600)
    lab.setCookie('b', 'AWSELB', value)
    expect(lab.request('b')).toMatchObject({ decision: 'sticky-hit', targetId: first.targetId })
  })

  it('no period: AWSELB is a session cookie', () => {
    const lab = withPolicy()
    expect(lab.request('a').setCookie.find((l) => l.startsWith('AWSELB='))).toMatch(/==; Path=\/$/)
    expect(lab.cookies('a').find((c) => c.name === 'AWSELB')!.expiresAt).toBeNull()
    expect(
      lab.describeLoadBalancerPolicies()[0]!.PolicyAttributeDescriptions[0]!.AttributeValue,
    ).toBe('0')
  })

  it('failover: an OutOfService instance is treated as if there were no cookie, and a new AWSELB is set', () => {
    const lab = withPolicy(600)
    const t = lab.request('a').targetId!
    lab.setHealthCheckFailing(t, true)
    lab.advance(60)
    const r = lab.request('a')
    expect(r.decision).toBe('sticky-miss-unhealthy')
    expect(r.targetId).not.toBe(t)
    expect(r.explanation).toContain('routes as if there were no cookie')
    expect(r.setCookie.some((l) => l.startsWith('AWSELB='))).toBe(true)
  })
})

describe('CLB application-controlled stickiness', () => {
  function withApp(seed = 3): Lab {
    const lab = clb(seed)
    lab.configureApp({ sessionCookie: { name: 'SESSIONID', maxAgeSeconds: 120 } })
    lab.createAppCookieStickinessPolicy({ policyName: 'app', cookieName: 'SESSIONID' })
    lab.setLoadBalancerPoliciesOfListener({ loadBalancerPort: 80, policyNames: ['app'] })
    return lab
  }

  it('AWSELB is inserted when the app sets its cookie and copies the app cookie attributes', () => {
    const lab = withApp()
    const r = lab.request('a')
    expect(r.setCookie[0]).toMatch(/^SESSIONID=sess-1; Max-Age=120; Path=\/; HttpOnly$/)
    expect(r.setCookie[1]).toMatch(/^AWSELB=[A-Za-z0-9+/]{34}==; Max-Age=120; Path=\/; HttpOnly$/)
    const c = lab.cookies('a').find((k) => k.name === 'AWSELB')!
    expect(c).toMatchObject({ httpOnly: true, expiresAt: 120 })
    expect(lab.request('a')).toMatchObject({ decision: 'sticky-hit', targetId: r.targetId })
  })

  it('without the app cookie in the request the session is not sticky', () => {
    const lab = withApp()
    lab.request('a')
    lab.deleteCookie('a', 'SESSIONID')
    expect(lab.request('a').decision).toBe('sticky-miss-no-app-cookie')
  })

  it('no AWSELB when the application sets a differently named cookie', () => {
    const lab = withApp()
    lab.configureApp({ sessionCookie: { name: 'JSESSIONID' } })
    const r = lab.request('a')
    expect(r.setCookie.some((l) => l.startsWith('AWSELB'))).toBe(false)
    expect(r.explanation).toContain('sets JSESSIONID, not SESSIONID, so no AWSELB is inserted')
  })

  it('failover sticks the session to the new instance even after the old one recovers', () => {
    const lab = withApp(4)
    lab.configureApp({ sessionCookie: { name: 'SESSIONID' } }) // a session cookie: it outlives the wait
    const old = lab.request('a').targetId!
    lab.setHealthCheckFailing(old, true)
    lab.advance(60)
    const moved = lab.request('a')
    expect(moved.decision).toBe('sticky-miss-unhealthy')
    expect(moved.session!.lost).toBe(true)
    lab.setHealthCheckFailing(old, false)
    lab.advance(300)
    expect(lab.describeInstanceHealth().find((h) => h.InstanceId === old)!.State).toBe('InService')
    expect(lab.request('a')).toMatchObject({ decision: 'sticky-hit', targetId: moved.targetId })
  })

  it('is deterministic and replayable', () => {
    const lab = withApp(8)
    for (let i = 0; i < 6; i++) {
      lab.request(i % 2 ? 'a' : 'b')
      lab.advance(25)
    }
    lab.stopInstance('i-1')
    lab.advance(90)
    lab.request('a')
    expect(JSON.stringify(replayLab(8, lab.log()).snapshot())).toBe(JSON.stringify(lab.snapshot()))
  })
})

describe('COOKIE_EXPIRATION_PERIOD_RANGE', () => {
  it("is the range CreateLBCookieStickinessPolicy accepts, so the form's limits match: both ends in, one past out", () => {
    const lab = createLab({ loadBalancerType: 'classic' })
    let n = 0
    const period = (p: number) =>
      lab.createLBCookieStickinessPolicy({ policyName: `p${++n}`, cookieExpirationPeriod: p }).ok
    const { min, max } = COOKIE_EXPIRATION_PERIOD_RANGE
    expect([period(min), period(max), period(min - 1), period(max + 1)]).toEqual([true, true, false, false])
  })
})
