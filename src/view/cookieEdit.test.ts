// Cookie names and values the Cookies panel accepts: RFC 6265 syntax and the 4096-byte limit, with messages that
// name the character and where it is. Every value the simulated load balancer and app write must pass.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLab } from '../sim'
import { cookieNameProblem, cookieValueProblem } from './cookieEdit'

describe('cookieNameProblem', () => {
  it('accepts tokens', () => {
    for (const name of ['SESSIONID', 'a', "x!#$%&'*+-.^_`|~9", 'AWSALB'])
      expect(cookieNameProblem(name)).toBeNull()
  })
  it.each<[string, RegExp]>([
    ['', /needs a name/],
    ['my cookie', /a space at character 3/],
    ['a=b', /an equals sign \(=\) at character 2, which would end the name/],
    ['a;b', /semicolon/],
    ['a,b', /comma/],
    ['a"b', /double quote/],
    ['(x)', /the character \( at character 1/],
    ['<script>', /the character < at character 1/],
    ['caf\u00e9', /non-ASCII character \(é, U\+00E9\) at character 4/],
    ['a\u0000b', /control character \(U\+0000\)/],
    ['\tx', /a tab at character 1/],
  ])('refuses %j', (name, message) => {
    expect(cookieNameProblem(name)).toMatch(message)
  })
})

describe('cookieValueProblem', () => {
  it('accepts cookie-octets, an empty value and one pair of quotes around the value', () => {
    for (const value of ['', 'abc', '"abc"', '""', 'a+b/c=d', "!#$%&'()*+-./:<=>?@[]^_`{|}~"])
      expect(cookieValueProblem('n', value), value).toBeNull()
  })
  it.each<[string, RegExp]>([
    ['a;b', /a semicolon \(;\) at character 2: a browser would end the cookie there\./],
    ['a b', /a space at character 2/],
    ['a,b', /a comma \(,\) at character 2/],
    ['a\\b', /backslash/],
    ['a\u0007', /control character \(U\+0007\)/],
    [
      'x\r\nSet-Cookie: evil=1',
      /a control character \(U\+000D\) at character 2, which makes a browser refuse the whole cookie/,
    ],
    ['a"b', /quotes are allowed only as one pair around the whole value/],
    ['"abc', /quotes are allowed only as one pair/],
    ['"a"b"', /double quote \("\) at character 3/],
    ['<img src=x onerror=alert(1)>', /a space at character 5/],
    ['\u00e9t\u00e9', /non-ASCII/],
    [
      'x'.repeat(4096),
      /Too long: n and its value are 4,097 bytes together; a browser refuses a cookie over 4,096 bytes/,
    ],
  ])('refuses %j', (value, message) => {
    expect(cookieValueProblem('n', value)).toMatch(message)
  })
  it('counts the name in the 4096-byte limit', () => {
    expect(cookieValueProblem('AWSALB', 'x'.repeat(4090))).toBeNull()
    expect(cookieValueProblem('AWSALB', 'x'.repeat(4091))).toMatch(/4,097 bytes/)
  })
  it('accepts every value the simulated load balancer and application write', () => {
    const lab = createLab({ seed: 3 })
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    lab.request('alice')
    lab.modifyTargetGroupAttributes('web', {
      'stickiness.type': 'app_cookie',
      'stickiness.app_cookie.cookie_name': 'SESSIONID',
    })
    lab.request('alice')
    const jar = lab.cookies('alice')
    expect(jar.length).toBeGreaterThanOrEqual(3)
    for (const c of jar) expect(cookieValueProblem(c.name, c.value), c.name).toBeNull()
  })
  it('never throws, and refuses exactly what is outside RFC 6265 for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        const ok = /^("?)[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*\1$/.test(value)
        expect(cookieValueProblem('n', value) === null).toBe(ok)
      }),
      { numRuns: 300 },
    )
  }, 30_000)
})
