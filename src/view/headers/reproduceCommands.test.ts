// Reproduce in the lab: the analysis becomes commands the live lab accepts, applied all or nothing.
import { describe, expect, it } from 'vitest'
import { applyCommand, checkCommand, createLab, type Lab } from '../../sim'
import { analyzeHeaders } from './analyzeHeaders'
import { freeClientId, reproduceCommands } from './reproduceCommands'

const DATE = 'Tue, 12 Oct 2021 10:00:00 GMT'
const PLUS7 = 'Tue, 19 Oct 2021 10:00:00 GMT'
const V =
  'x7bTqPz3mU2m9l0v9Y2Zk3hq8o0Jt3oC1uQ6ZbqQ4x8B1tqXe/Nq+Yc7o2cM0dD4Qm0aPp1QW7yR2a4wq9HjG1Vb5tQk3a8='

function labFacts(lab: Lab) {
  return {
    loadBalancerType: lab.loadBalancerType(),
    targetGroup: lab.listener().forward.targetGroups[0]?.name ?? null,
    clientIds: lab.clients().map((c) => c.id),
  }
}

function reproduce(text: string, lab: Lab) {
  const a = analyzeHeaders(text)
  if (!a.ok) throw new Error(a.message)
  const r = reproduceCommands(a.analysis.reproduction, labFacts(lab))
  for (const c of r.commands) {
    expect(checkCommand(c.call, c.args)).toMatchObject({ ok: true })
    const out = applyCommand(lab, c) as unknown
    expect(out === undefined || (out as { ok?: boolean }).ok !== false).toBe(true)
  }
  return r
}

describe('reproduceCommands', () => {
  it('an ALB response over HTTPS: lb_cookie stickiness, a browser holding AWSALB and AWSALBCORS', () => {
    const lab = createLab({ seed: 1 })
    lab.addClient('alice')
    const r = reproduce(
      [
        '* Connected to alb (52.1.2.3) port 443 (#0)',
        '> GET / HTTP/1.1',
        '> Host: alb',
        '< HTTP/1.1 200 OK',
        `< Date: ${DATE}`,
        `< Set-Cookie: AWSALB=${V}; Expires=${PLUS7}; Path=/`,
        `< Set-Cookie: AWSALBCORS=${V}; Expires=${PLUS7}; Path=/; SameSite=None; Secure`,
      ].join('\n'),
      lab,
    )
    expect(r.clientId).toBe('pasted')
    expect(lab.listener().protocol).toBe('HTTPS')
    expect(lab.cookies('pasted').map((c) => [c.name, c.value])).toEqual([
      ['AWSALB', V],
      ['AWSALBCORS', V],
    ])
    expect(r.mode).toEqual({ cors: false, credentials: 'same-origin' })
    // The lab's ALB cannot read a real ALB's cookie: its first response picks a target and replaces it.
    const first = lab.request('pasted')
    expect(first.setCookie.some((l) => l.startsWith('AWSALB=') && !l.includes(V))).toBe(true)
  })

  it('app cookie stickiness: the app sets the pasted cookie name', () => {
    const lab = createLab({ seed: 1 })
    reproduce(
      [
        'HTTP/1.1 200 OK',
        `Date: ${DATE}`,
        'Set-Cookie: JSESSIONID=8A1C2E; Path=/',
        `Set-Cookie: AWSALBAPP-0=AAAAAAAAAADvL2k3; Expires=${PLUS7}; Path=/`,
      ].join('\n'),
      lab,
    )
    expect(lab.app().sessionCookie?.name).toBe('JSESSIONID')
  })

  it('a cross-origin call: the browser makes cross-site requests', () => {
    const a = analyzeHeaders(
      [
        'GET /api HTTP/1.1',
        'Host: api',
        'Origin: https://www.example.com',
        `Cookie: AWSALBCORS=${V}`,
      ].join('\n'),
    )
    if (!a.ok) throw new Error(a.message)
    const r = reproduceCommands(a.analysis.reproduction, {
      loadBalancerType: 'application',
      targetGroup: 'web',
      clientIds: [],
    })
    expect(r.mode).toEqual({ cors: true, credentials: 'include' })
  })

  it('curl without a jar: a non-browser client with cookies off, and no setCookie', () => {
    const lab = createLab({ seed: 1 })
    const curl = [
      '> GET / HTTP/1.1',
      '> User-Agent: curl/8.5.0',
      '< HTTP/1.1 200 OK',
      `< Set-Cookie: AWSALB=${V}; Expires=${PLUS7}; Path=/`,
    ].join('\n')
    const r = reproduce(curl + '\n' + curl, lab)
    expect(r.commands.some((c) => c.call === 'setCookie')).toBe(false)
    expect(lab.clients().find((c) => c.id === 'pasted')).toMatchObject({
      cookiesEnabled: false,
      userAgent: 'other',
    })
  })

  it('switches an NLB lab back to an ALB first, and picks a free client id', () => {
    const lab = createLab({ seed: 1 })
    lab.setLoadBalancerType('network')
    lab.addClient('pasted')
    const r = reproduce(['HTTP/1.1 200 OK', `Set-Cookie: AWSALB=${V}; Path=/`].join('\n'), lab)
    expect(r.commands[0]).toEqual({ call: 'setLoadBalancerType', args: ['application'] })
    expect(r.clientId).toBe('pasted-2')
    expect(freeClientId(['pasted', 'pasted-2'])).toBe('pasted-3')
  })
})
